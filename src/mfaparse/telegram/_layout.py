"""The layout of an MFA-style post: 🎙 title, 📍 place and date, 💬 answers and quotes, ❓ questions, bullets.

>>> read_place_date("Jakarta, July 13, 2023")
('Jakarta', PartialDate(year=2023, month=7, day=13))
>>> read_title_place_date("Remarks at the Valdai Club (Sochi, November 6, 2024)")
('Sochi', PartialDate(year=2024, month=11, day=6))
>>> read_speaker("President Vladimir Putin (from greetings to participants)")
('Vladimir Putin', 'President')
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from mfaparse._lines.vocab import ANSWER_MARK, BULLETS, ELISION, LEADING_MARKS, PLACE_MARK, QUESTION_MARK, TITLE_MARK
from mfaparse._model.base import PartialDate, trusted_span
from mfaparse._model.documents import Block, BlockKind, Speaker
from mfaparse._text.dates import find_dates
from mfaparse._text.entities import is_hashtag_line, only_hashtags, strip_hashtags

__all__ = ["LayoutLine", "read_layout", "read_place_date", "read_speaker", "read_title_place_date"]

LayoutLine = tuple[str, int]
"""A kept line of a post and the offset of its first character in the source."""

# A title's trailing "(Sochi, November 6, 2024)" / "(June 11, 2024, Nizhny Novgorod)" / ", 10 December 2023".
_TRAILING_PAREN = regex.compile(r"\((?P<inner>[^()]{3,80})\)\s*$")
# "Sergey Lavrov:" / "President Vladimir Putin (from ...):" / "Foreign Ministry Spokeswoman Maria Zakharova:".
_SPEAKER = regex.compile(r"(?P<head>[^:\n]{3,160}?):\s")
_PARENS = regex.compile(r"\s*\([^()]*\)")
_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.-]*")
_LABELS = frozenset({"question", "answer", "вопрос", "ответ", "q", "a"})


def _place_from(rest: str) -> str | None:
    place = rest.strip(" ,.;:–—-")
    words = place.split()
    if not place or len(words) > 5 or not all(w[0].isupper() or (w.islower() and len(w) <= 3) for w in words):
        return None
    return place


def read_place_date(text: str) -> tuple[str | None, PartialDate | None]:
    """Place and date of a ``📍`` line's text: ``Jakarta, July 13, 2023`` or ``June 11, 2024, Nizhny Novgorod``.
    A 📍 that opens a sentence (``📍24–25 мая в рамках Годов культуры ... представили``) is a bullet: neither."""
    dates = find_dates(text)
    if len(dates) != 1:
        return _place_from(text) if not dates and len(text) <= 60 else None, None
    m = dates[0]
    rest = text[: m.span.start] + " " + text[m.span.end :]
    place = _place_from(rest)
    if place is None and rest.strip(" ,.;:–—-"):
        return None, None
    return place, m.date


def read_title_place_date(title: str) -> tuple[str | None, PartialDate | None]:
    """Place and date from a title's tail: ``(Sochi, November 6, 2024)`` or ``, 10 December 2023``."""
    paren = _TRAILING_PAREN.search(title)
    if paren:
        inner = paren.group("inner")
        dates = find_dates(inner)
        if len(dates) == 1:
            m = dates[0]
            return _place_from(inner[: m.span.start] + " " + inner[m.span.end :]), m.date
    dates = find_dates(title)
    if dates and not title[dates[-1].span.end :].strip(" .") and title[: dates[-1].span.start].rstrip().endswith(","):
        return None, dates[-1].date
    return None, None


def read_speaker(head: str) -> tuple[str, str | None] | None:
    """Name and role from the words before a colon; None when they are not a person."""
    head = _PARENS.sub("", strip_hashtags(head)).strip()
    words = head.split()
    if not 2 <= len(words) <= 8 or words[0].casefold().strip(".") in _LABELS:
        return None
    if not all(_NAME_WORD.fullmatch(w) or w in {"of", "the", "and", "for", "de", "van", "von"} for w in words):
        return None
    name_words = words[-2:]
    if not all(_NAME_WORD.fullmatch(w) for w in name_words):
        return None
    role = " ".join(words[:-2]) or None
    return " ".join(name_words), role


def _is_tag_line(text: str, stripped: str, spans: Sequence[tuple[int, int]] | None) -> bool:
    """:func:`is_hashtag_line` of a line's stripped text, from its hashtags' places in the line where known (a
    tag holds no space, so stripping moves them all by the leading spaces)."""
    if spans is None:
        return is_hashtag_line(stripped)
    lead = len(text) - len(text.lstrip())
    return only_hashtags(stripped, [(a - lead, b - lead) for a, b in spans])


def _strip_mark(text: str) -> tuple[str, int]:
    """``text`` without its leading emoji and spaces, and how many characters went."""
    opening = text.lstrip()
    if not opening or opening[0] < "\u2000":
        return opening, len(text) - len(opening)
    marks = LEADING_MARKS.match(text)
    cut = marks.end() if marks else 0
    return text[cut:], cut


def read_layout(
    lines: Sequence[LayoutLine], tag_spans: Sequence[Sequence[tuple[int, int]]] | None = None
) -> tuple[tuple[Block, ...], str | None, str | None, PartialDate | None, tuple[Speaker, ...]]:
    """Blocks, title, place, date and speakers of a post's kept lines; ``tag_spans``, where given, are the places
    of each line's hashtags (:func:`~mfaparse._text.entities.hashtag_spans`), found once by an earlier stage."""
    blocks: list[Block] = []
    speakers: list[Speaker] = []
    title: str | None = None
    place: str | None = None
    date: PartialDate | None = None
    seen_question = False
    for n, (text, offset) in enumerate(lines):
        stripped = text.strip()
        if not stripped:
            continue
        body, cut = _strip_mark(text)
        kind: BlockKind = "paragraph"
        speaker: str | None = None
        if stripped.startswith(TITLE_MARK) and title is None:
            kind, title = "title", body
            tail_place, tail_date = read_title_place_date(body)
            place, date = place or tail_place, date or tail_date
        elif stripped.startswith(PLACE_MARK) and (found := read_place_date(body)) and found[1] is not None:
            kind = "place"
            place, date = place or found[0], date or found[1]
        elif stripped.startswith(QUESTION_MARK):
            kind, seen_question = "question", True
        elif stripped.startswith(ANSWER_MARK):
            kind = "answer" if seen_question else "quote"
            head = _SPEAKER.match(body)
            who = read_speaker(head.group("head")) if head else None
            if head and who:
                speaker = who[0]
                start = offset + cut
                speakers.append(Speaker(name=who[0], role=who[1], span=trusted_span(start, start + head.end(1))))
        elif ELISION.fullmatch(stripped):
            kind = "elision"
        elif _is_tag_line(text, stripped, tag_spans[n] if tag_spans is not None else None):
            kind = "hashtags"
        elif stripped.startswith(BULLETS):
            kind = "bullet"
        if kind == "paragraph":  # a paragraph keeps its leading emoji ("🌐 On February 21-22, ...")
            cut = len(text) - len(text.lstrip())
            body = stripped
        span = trusted_span(offset + cut, offset + len(text.rstrip()))
        blocks.append(Block(kind=kind, text=body.rstrip(), span=span, speaker=speaker))
    unique: dict[str, Speaker] = {}
    for s in speakers:
        unique.setdefault(s.name, s)
    return tuple(blocks), title, place, date, tuple(unique.values())
