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
from typing import NamedTuple

import regex

from mfaparse._lines.memo import FactMemo
from mfaparse._lines.vocab import ANSWER_MARK, BULLETS, ELISION, LEADING_MARKS, PLACE_MARK, QUESTION_MARK, TITLE_MARK
from mfaparse._model.base import PartialDate, trusted_span
from mfaparse._model.build import maker
from mfaparse._model.documents import Block, BlockKind, Speaker
from mfaparse._text.dates import find_dates
from mfaparse._text.entities import is_hashtag_line, only_hashtags, strip_hashtags

__all__ = ["LayoutLine", "read_layout", "read_place_date", "read_speaker", "read_title_place_date"]

_new_block = maker(Block, trusted=True)  # kinds are this module's literals
_new_speaker = maker(Speaker)

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


class _Shape(NamedTuple):
    """What the layout reads of one line, whatever the lines around it (computed once per distinct line)."""

    title: tuple[str | None, PartialDate | None] | None
    """A 🎙 line's place and date from its tail (its facts as the title: the first 🎙 line only)."""
    kind: BlockKind
    """The line's kind when it is not the title."""
    place: tuple[str | None, PartialDate | None] | None
    """A 📍 line's place and date."""
    speaker: tuple[str, str | None, int] | None
    """A 💬 line's speaker: name, role, and where the words before the colon end after the mark."""
    body: str
    cut: int
    """The text after the leading mark, and where it starts."""
    stripped: str
    lead: int
    """The line without spaces at its ends, and where those spaces end."""
    end: int
    """The line's length without its trailing spaces."""


_SHAPES: FactMemo[_Shape | None] = FactMemo()


def _shape(text: str, spans: Sequence[tuple[int, int]] | None) -> _Shape | None:
    """The layout's facts of one line, None for a blank one; ``spans`` are its hashtags' places, where known."""
    stripped = text.strip()
    if not stripped:
        return None
    body, cut = _strip_mark(text)
    title = read_title_place_date(body) if stripped.startswith(TITLE_MARK) else None
    kind: BlockKind = "paragraph"
    place: tuple[str | None, PartialDate | None] | None = None
    speaker: tuple[str, str | None, int] | None = None
    if stripped.startswith(PLACE_MARK) and (found := read_place_date(body)) and found[1] is not None:
        kind, place = "place", found
    elif stripped.startswith(QUESTION_MARK):
        kind = "question"
    elif stripped.startswith(ANSWER_MARK):
        kind = "answer"
        head = _SPEAKER.match(body)
        who = read_speaker(head.group("head")) if head else None
        if head and who:
            speaker = (who[0], who[1], head.end(1))
    elif ELISION.fullmatch(stripped):
        kind = "elision"
    elif _is_tag_line(text, stripped, spans):
        kind = "hashtags"
    elif stripped.startswith(BULLETS):
        kind = "bullet"
    return _Shape(title, kind, place, speaker, body, cut, stripped, len(text) - len(text.lstrip()), len(text.rstrip()))


def read_layout(
    lines: Sequence[LayoutLine], tag_spans: Sequence[Sequence[tuple[int, int]]] | None = None
) -> tuple[tuple[Block, ...], str | None, str | None, PartialDate | None, tuple[Speaker, ...]]:
    """Blocks, title, place, date and speakers of a post's kept lines; ``tag_spans``, where given, are the places
    of each line's hashtags (:func:`~mfaparse._text.entities.hashtag_spans`), found once by an earlier stage. What
    a line says alone is read once per distinct line (:class:`~mfaparse._lines.memo.FactMemo`); the post's order
    decides the rest (the first 🎙 line is the title, 💬 after a ❓ is an answer)."""
    texts = [text for text, _ in lines]
    known = dict(zip(texts, tag_spans, strict=True)) if tag_spans is not None else {}
    shapes = _SHAPES.facts(texts, lambda todo: [_shape(t, known.get(t)) for t in todo])  # None: not known
    blocks: list[Block] = []
    speakers: list[Speaker] = []
    title: str | None = None
    place: str | None = None
    date: PartialDate | None = None
    seen_question = False
    for (_, offset), shape in zip(lines, shapes, strict=True):
        if shape is None:
            continue
        title_facts, kind, place_facts, speaker_facts, body, cut, stripped, lead, end = shape
        speaker: str | None = None
        if title_facts is not None and title is None:
            kind, title = "title", body
            place, date = place or title_facts[0], date or title_facts[1]
        elif place_facts is not None:
            place, date = place or place_facts[0], date or place_facts[1]
        elif kind == "question":
            seen_question = True
        elif kind == "answer":
            kind = "answer" if seen_question else "quote"
            if speaker_facts is not None:
                speaker, role, head_end = speaker_facts
                start = offset + cut
                speakers.append(_new_speaker(name=speaker, role=role, span=trusted_span(start, start + head_end)))
        if kind == "paragraph":  # a paragraph keeps its leading emoji ("🌐 On February 21-22, ...")
            cut, body = lead, stripped
        blocks.append(
            _new_block(kind=kind, text=body.rstrip(), span=trusted_span(offset + cut, offset + end), speaker=speaker)
        )
    unique: dict[str, Speaker] = {}
    for s in speakers:
        unique.setdefault(s.name, s)
    return tuple(blocks), title, place, date, tuple(unique.values())
