"""Telegram plain text — dumps of forwarded posts and channel pages — into :class:`~mfaparse.Post` records.

>>> dump = parse_telegram("Forwarded from Russian MFA 🇷🇺\\n🎙 Lavrov’s remarks\\n📍 Sochi, November 6, 2024\\n"
...                       "💬 Sergey Lavrov: We value #ASEAN.\\nRead in full")
>>> post = dump.posts[0]
>>> post.forward.name, post.forward.flags, post.title, post.place, post.date.iso()
('Russian MFA', ('RU',), 'Lavrov’s remarks', 'Sochi', '2024-11-06')
>>> [h.tag for h in post.hashtags], [lk.text for lk in post.links], [s.name for s in post.speakers]
(['ASEAN'], ['Read in full'], ['Sergey Lavrov'])
>>> post.clean_text
'Lavrov’s remarks\\nSochi, November 6, 2024\\nSergey Lavrov: We value ASEAN.'
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from mfaparse._lines import vocab
from mfaparse._lines.rules import Lines
from mfaparse._model.base import Span
from mfaparse._model.documents import Channel, Post, TelegramDump
from mfaparse._text.emoji import strip_emoji
from mfaparse._text.entities import is_hashtag_line
from mfaparse._text.normalize import normalize
from mfaparse.errors import ParseError
from mfaparse.telegram._post import SCRAPED, PostState, run

__all__ = ["iter_telegram", "parse_chunk", "parse_telegram", "telegram_chunks"]

_CHROME_SPAN = 40  # lines a channel header may take before its "Download Telegram"
_BLANK_LAYOUT = 3  # blank lines on a page that show paragraphs are blank-separated


def _read_channel(lines: list[str], starts: list[int]) -> tuple[Channel | None, int]:
    """A channel page header (name, counters, description, "Download Telegram"), and where posts begin.

    A page title line (``Sputnik International – Telegram``) may stand above the name.
    """
    counter_at = next(
        (k for k in range(1, min(4, len(lines))) if vocab.CHANNEL_COUNTER.fullmatch(lines[k].strip())), None
    )
    if counter_at is None or not lines[counter_at - 1].strip():
        return None, 0
    counts: dict[str, int | None] = {}
    i = counter_at
    while i < len(lines) and (m := vocab.CHANNEL_COUNTER.fullmatch(lines[i].strip())):
        counts.setdefault(vocab.counter_field(m.group("what")), vocab.parse_count(m.group("n"), m.group("mult")))
        i += 1
    end = next(
        (k for k in range(i, min(len(lines), i + _CHROME_SPAN)) if vocab.CHROME_END.fullmatch(lines[k].strip())), None
    )
    description_end = end if end is not None else i
    description = "\n".join(lines[i:description_end]).strip() or None
    first_post = end + 1 if end is not None else i
    span = Span(start=starts[0], end=starts[first_post] - 1 if first_post < len(lines) else starts[-1] - 1)
    return Channel.from_display(lines[counter_at - 1], counts, description=description, span=span), first_post


def _starts_new_post(doc: Lines, i: int) -> bool:
    """On a channel page whose posts separate paragraphs with blank lines, a paragraph glued to the last one
    (no blank line) after a finished sentence or a hashtag line opens the next post."""
    if doc.kinds[i] != "content" or doc.kinds[i - 1] != "content":
        return False
    previous, line = doc.stripped[i - 1], doc.stripped[i]
    ended = previous.rstrip().endswith((".", "!", "?", "»", '"', "”", ")")) or is_hashtag_line(previous)
    opening = strip_emoji(line).lstrip()
    return ended and bool(opening) and opening[0].isupper() and not line.lstrip().startswith(vocab.CONTINUATION_MARKS)


def _segments(doc: Lines, first: int, channel: Channel | None) -> list[tuple[int, int]]:
    """Line ranges ``[a, b)`` of the posts: a forward header, the channel's own name, or a footer starts one;
    on channel pages without forward headers, so does the layout (see :func:`_starts_new_post`)."""
    lines, stripped = doc.texts, doc.stripped
    names = {channel.name} if channel else set()
    blank_layout = channel is not None and sum(1 for line in stripped[first:] if not line) >= _BLANK_LAYOUT
    cuts = [first]
    after_footer = False
    for i in range(first, len(lines)):
        line = stripped[i]
        if not line:
            continue
        kind = doc.kinds[i]
        header = line.startswith(vocab.FORWARD_STARTS) and bool(vocab.FORWARD.fullmatch(line))
        header = header or (bool(names) and i > first and strip_emoji(line).strip() in names)
        glued = blank_layout and i > cuts[-1] and _starts_new_post(doc, i)
        if i > cuts[-1] and (header or glued or (after_footer and kind == "content")):
            cuts.append(i)
        after_footer = kind == "counter"
    cuts.append(len(lines))
    segments = []
    for a, b in itertools.pairwise(cuts):
        end = b
        while end > a and not stripped[end - 1]:  # blank lines between posts belong to none
            end -= 1
        if end > a:
            segments.append((a, end))
    return segments


def parse_telegram(text: str, *, strict: bool = False) -> TelegramDump:
    """Parse a Telegram text dump or channel page into posts.

    The text is normalised first (:func:`mfaparse.normalize`); spans point into ``TelegramDump.source``.
    Empty text gives an empty dump. Text with no Telegram structure gives one post holding it all, or with
    ``strict=True`` a :class:`~mfaparse.ParseError` saying so.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_telegram() takes str, not {type(text).__name__}")
    return _parse(normalize(text), strict=strict)


def _parse(source: str, *, strict: bool = False, base: int = 0) -> TelegramDump:
    """The dump of normalised ``source``, spans moved by ``base`` (its place in a stream)."""
    if not source.strip():
        return TelegramDump(source=source, channel=None, posts=())
    doc = Lines.of(source, base)
    channel, first = _read_channel(doc.texts, doc.starts)
    segments = _segments(doc, first, channel)
    if strict and channel is None and not any(vocab.FORWARD.fullmatch(line.strip()) for line in doc.texts):
        raise ParseError(
            "expected Telegram text: a 'Forwarded from NAME' line or a channel header with a subscriber count",
            position=0,
            text=source,
        )
    name = channel.name if channel else None
    posts = tuple(run(PostState.start(doc, a, b, page_channel=name), SCRAPED) for a, b in segments)
    return TelegramDump(source=source, channel=channel, posts=posts)


def iter_telegram(lines: Iterable[str]) -> Iterator[Post]:
    """Posts of a dump of any size, read line by line (a file object works): memory bounded by one post.

    Each chunk between forward headers is normalised and parsed on its own; spans are offsets into the
    normalised stream (the chunks joined in order). A page with no forward headers at all is one chunk.
    """
    for source, base in telegram_chunks(lines):
        yield from parse_chunk(source, base)


def telegram_chunks(lines: Iterable[str]) -> Iterator[tuple[str, int]]:
    """The normalised chunks :func:`iter_telegram` parses (split before each forward header), each with its
    offset in the normalised stream: parsing them apart (:func:`parse_chunk`), in any process, gives the
    same posts with the same spans."""
    if isinstance(lines, (str, bytes)):
        raise TypeError("iter_telegram() takes an iterable of lines (a file, a list); for one str use parse_telegram")
    offset = 0
    buffer: list[str] = []
    for raw in lines:
        if not isinstance(raw, str):
            raise TypeError(f"iter_telegram() takes lines of str, not {type(raw).__name__}")
        for piece in raw.split("\n") if "\n" in raw.rstrip("\n") else [raw]:
            line = piece.rstrip("\r\n")
            stripped = line.strip()
            if (
                stripped.startswith(vocab.FORWARD_STARTS)
                and vocab.FORWARD.fullmatch(stripped)
                and any(s.strip() for s in buffer)
            ):
                source = normalize("\n".join(buffer) + "\n")
                yield source, offset
                offset += len(source)
                buffer = []
            buffer.append(line)
    if buffer:
        yield normalize("\n".join(buffer) + "\n"), offset


def parse_chunk(source: str, base: int) -> tuple[Post, ...]:
    """The posts of one chunk from :func:`telegram_chunks`, spans placed at ``base`` in the stream."""
    return _parse(source, base=base).posts
