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

import io
import itertools
from collections.abc import Iterable, Iterator, Sequence

from mfaparse._lines import vocab
from mfaparse._lines.rules import Lines
from mfaparse._model.base import Span
from mfaparse._model.documents import Channel, Post, TelegramDump
from mfaparse._text.emoji import strip_emoji
from mfaparse._text.entities import is_hashtag_line
from mfaparse._text.normalize import normalize
from mfaparse._text.offsets import Edit, Normalized, normalize_explained
from mfaparse.errors import ParseError
from mfaparse.telegram._post import run_scraped

__all__ = [
    "explain_stream",
    "iter_telegram",
    "parse_chunk",
    "parse_chunks",
    "parse_telegram",
    "raw_chunks",
    "telegram_chunks",
]

_CHROME_SPAN = 40  # lines a channel header may take before its "Download Telegram"
_BLANK_LAYOUT = 2  # blank runs between paragraphs that show a page sets them apart with blank lines


def _read_channel(lines: Sequence[str], starts: Sequence[int]) -> tuple[Channel | None, int]:
    """A channel page header (name, counters, description, "Download Telegram"), and where posts begin.

    A page title line (``Sputnik International – Telegram``) may stand above the name.
    """
    counter_at = next(
        (k for k in range(1, min(4, len(lines))) if vocab.CHANNEL_COUNTER.fullmatch(lines[k].strip())), None
    )
    if counter_at is None or not lines[counter_at - 1].strip():
        return _read_catalogue(lines, starts)
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


_FOOTERS = ("counter", "page_chrome")  # what ends a post: content after it opens the next
_CATALOGUE_SPAN = 12  # lines a catalogue's header takes before its "Subscribe to a channel"


def _read_catalogue(lines: Sequence[str], starts: Sequence[int]) -> tuple[Channel | None, int]:
    """A channel catalogue's page header (tgchannels.org: a page title, ``Telegram-канал mid_russia - МИД России 🇷🇺``,
    the subscriber count alone, the description, ``Subscribe to a channel``), and where posts begin."""
    head = [line.strip() for line in lines[:_CATALOGUE_SPAN]]
    title_at = next((k for k, line in enumerate(head) if vocab.CATALOGUE_TITLE.fullmatch(line)), None)
    end = next((k for k, line in enumerate(head) if vocab.CHROME_END.fullmatch(line)), None)
    if title_at is None or end is None or end < title_at:
        return None, 0
    title = vocab.CATALOGUE_TITLE.fullmatch(head[title_at])
    assert title is not None  # found just above
    rest = [k for k in range(title_at + 1, end) if head[k]]
    counts: dict[str, int | None] = {}
    if rest and vocab.BARE_COUNT.fullmatch(head[rest[0]]):
        counts["subscribers"] = int(head[rest.pop(0)])
    description = "\n".join(head[k] for k in rest) or None
    span = Span(start=starts[0], end=starts[end] + len(lines[end]))
    channel = Channel.from_display(
        title.group("name"), counts, username=title.group("username"), description=description, span=span
    )
    return channel, end + 1


def _starts_new_post(doc: Lines, i: int) -> bool:
    """On a channel page whose posts separate paragraphs with blank lines, a paragraph glued to the last one
    (no blank line) after a finished sentence or a hashtag line opens the next post."""
    if doc.kinds[i] != "content" or doc.kinds[i - 1] != "content":
        return False
    previous, line = doc.stripped[i - 1], doc.stripped[i]
    ended = previous.rstrip().endswith((".", "!", "?", "»", '"', "”", ")")) or is_hashtag_line(previous)
    opening = strip_emoji(line).lstrip()
    return ended and bool(opening) and opening[0].isupper() and not line.lstrip().startswith(vocab.CONTINUATION_MARKS)


def _closes_post(doc: Lines, i: int) -> bool:
    """A line that ends a post on a page: its trailing hashtag line, a view or reaction counter, a page button."""
    return doc.kinds[i] in _FOOTERS or is_hashtag_line(doc.stripped[i])


def _blank_layout(stripped: Sequence[str], first: int) -> bool:
    """Whether the page separates paragraphs with blank lines: at least two blank runs between content lines
    (blank lines at its end, as a saved page has, do not count)."""
    runs = 0
    for previous, line in itertools.pairwise(stripped[first:]):
        if previous and not line:
            runs += 1
    return runs - (not stripped[-1]) >= _BLANK_LAYOUT


def _segments(doc: Lines, first: int, channel: Channel | None) -> list[tuple[int, int]]:
    """Line ranges ``[a, b)`` of the posts: a forward header, the channel's own name, or a counter footer starts
    one. On a page without forward headers (a channel page or its mirror) the layout is evidence too, taken
    conservatively: a 🎙 or flag-pair opening line or a media placeholder after a post's closing line (hashtags, a
    counter), a service message (``Live stream started``) as a post of its own, and on pages that set paragraphs
    apart with blank lines, a paragraph glued to a finished one (see :func:`_starts_new_post`)."""
    lines, stripped = doc.texts, doc.stripped  # a property: read once, not once a line
    names = {channel.name} if channel else set()
    opening = vocab.FORWARD_STARTS  # the cheap look before the pattern, without a call a line
    headers = [
        i for i in range(first, len(lines)) if stripped[i].startswith(opening) and vocab.forward_name(stripped[i])
    ]
    page = channel is not None or not headers  # the layout rules read pages, never dumps of forwarded posts
    cuts = _line_cuts(doc, first, names, headers, page=True) if page else _dump_cuts(doc, first, headers)
    return _posts_between(stripped, cuts)


def _line_cuts(doc: Lines, first: int, names: set[str], headers: list[int], *, page: bool) -> list[int]:
    """Where posts start, line by line: a header, the channel's name, content after a footer, and on a ``page``
    the layout's evidence. With ``page=False`` the reference of :func:`_dump_cuts` (tests/test_telegram_text.py)."""
    stripped, kinds = doc.stripped, doc.kinds
    blank_layout = page and _blank_layout(stripped, first)
    header_at = set(headers)
    cuts = [first]
    previous: int | None = None  # the last non-blank line
    service_before = False  # whether it is a service message
    for i in range(first, len(stripped)):
        line = stripped[i]
        if not line:
            continue
        kind = kinds[i]
        service = page and vocab.SERVICE.fullmatch(line) is not None
        opens = i in header_at or (bool(names) and i > first and strip_emoji(line).strip() in names)
        if page and not opens and previous is not None:
            closed = _closes_post(doc, previous)
            opens = (
                (closed and kind == "media_placeholder")
                or (closed and kind == "content" and vocab.POST_OPENING.match(line) is not None)
                or service
                or service_before
                or (blank_layout and _starts_new_post(doc, i))
            )
        opens = opens or (previous is not None and kinds[previous] in _FOOTERS and kind == "content")
        if i > cuts[-1] and opens:
            cuts.append(i)
        previous, service_before = i, service
    return cuts


def _dump_cuts(doc: Lines, first: int, headers: list[int]) -> list[int]:
    """The cuts of a dump of forwarded posts (no channel header, forward headers found): what
    :func:`_line_cuts` finds there without a step a line — each header, and the content line after a footer (the
    next line that is not blank); a page's rules read no dump."""
    stripped, kinds = doc.stripped, doc.kinds
    opens = {i for i in headers if i > first}
    for kind in _FOOTERS:
        for footer in _places(kinds, kind, first):
            after = footer + 1
            while after < len(stripped) and not stripped[after]:
                after += 1
            if after < len(stripped) and kinds[after] == "content":
                opens.add(after)
    return [first, *sorted(opens)]


def _places(items: Sequence[str], value: str, start: int) -> Iterator[int]:
    """Where ``value`` stands in ``items`` from ``start`` on, found by ``index`` (a scan in C)."""
    at = start
    while True:
        try:
            at = items.index(value, at)
        except ValueError:
            return
        yield at
        at += 1


def _posts_between(stripped: Sequence[str], cuts: list[int]) -> list[tuple[int, int]]:
    """Line ranges ``[a, b)`` between the cuts (the last ends with the lines), blank lines at their ends left out."""
    segments = []
    for a, b in itertools.pairwise([*cuts, len(stripped)]):
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
    if not source or source.isspace():  # not source.strip(): that copies the whole text to say it is blank
        return TelegramDump(source=source, channel=None, posts=())
    doc = Lines.of(source, base)
    # A chunk that opens with a forward header (every chunk of a stream but the first) has no channel header.
    channel, first = (None, 0) if is_forward_header(doc.texts[0]) else _read_channel(doc.texts, doc.starts)
    segments = _segments(doc, first, channel)
    if strict and channel is None and not any(vocab.FORWARD.fullmatch(line.strip()) for line in doc.texts):
        raise ParseError(
            "expected Telegram text: a 'Forwarded from NAME' line or a channel header with a subscriber count",
            position=0,
            text=source,
        )
    name = channel.name if channel else None
    posts = tuple(run_scraped(doc, a, b, page_channel=name) for a, b in segments)
    return TelegramDump(source=source, channel=channel, posts=posts)


def iter_telegram(lines: Iterable[str]) -> Iterator[Post]:
    """Posts of a dump of any size, read line by line (a file object works): memory bounded by one post, or by
    64 K characters of short posts.

    Each chunk between forward headers is normalised on its own; spans are offsets into the normalised stream
    (the chunks joined in order). A page with no forward headers at all is one chunk.
    """
    yield from parse_chunks(telegram_chunks(lines))


def telegram_chunks(lines: Iterable[str]) -> Iterator[tuple[str, int]]:
    """The normalised chunks :func:`iter_telegram` parses (split before each forward header), each with its
    offset in the normalised stream: parsing them apart (:func:`parse_chunk`), in any process, gives the
    same posts with the same spans."""
    offset = 0
    for buffer, _ in raw_chunks(lines, keep=False):
        source = normalize("\n".join(buffer) + "\n")
        yield source, offset
        offset += len(source)


def raw_chunks(lines: Iterable[str], *, keep: bool = True) -> Iterator[tuple[list[str], list[str]]]:
    """The chunks of :func:`telegram_chunks` before normalising: each chunk's lines without their line ends, and
    (with ``keep``) the lines as given, what :func:`mfaparse.explain_stream` maps back to."""
    if isinstance(lines, (str, bytes)):
        raise TypeError("iter_telegram() takes an iterable of lines (a file, a list); for one str use parse_telegram")
    buffer: list[str] = []
    given: list[str] = []
    filled = False  # whether a line of the buffer holds more than whitespace (a header cuts only then)
    for raw in lines:
        if not isinstance(raw, str):
            raise TypeError(f"iter_telegram() takes lines of str, not {type(raw).__name__}")
        if "\n" not in raw.rstrip("\n"):  # one line, as a file gives them: no split
            pieces: Sequence[str] = (raw,)
        else:
            split = raw.split("\n")
            pieces = [piece + "\n" for piece in split[:-1]] + split[-1:]  # each as given, its line end kept
        for piece in pieces:
            line = piece.rstrip("\r\n")
            if filled and is_forward_header(line):
                yield buffer, given
                buffer, given, filled = [], [], False
            buffer.append(line)
            if keep:
                given.append(piece)
            filled = filled or (bool(line) and not line.isspace())
    if buffer:
        yield buffer, given


_HEADER_OPENINGS = frozenset(start[0] for start in vocab.FORWARD_STARTS)
"""The first characters of a forward header (after any spaces)."""


def is_forward_header(line: str) -> bool:
    """Whether a line (without its line end) is a forward header: where :func:`telegram_chunks` cuts a dump, once
    anything but blank lines stands before it."""
    opening = line[:1]  # a cheap look first: most lines cannot open one
    return (opening in _HEADER_OPENINGS or opening.isspace()) and vocab.forward_name(line.strip()) is not None


def explain_stream(raw: str) -> Normalized:
    """:func:`mfaparse.normalize_explained` for a dump read as a stream (:func:`iter_telegram`, ``read()`` of a
    large file, the CLI's chunks): the stream's normalised text — the chunks normalised one by one — its edits, and
    ``to_raw`` to map the posts' spans back to ``raw``, the file's decoded text with its line ends as they are
    (``open(path, encoding=..., newline="")``).

    >>> raw = "Forwarded from A Channel\\r\\nOne &amp; two\\r\\nForwarded from B Channel\\r\\nThree"
    >>> posts = list(iter_telegram(io.StringIO(raw, newline="")))
    >>> explained = explain_stream(raw)
    >>> [explained.to_raw(p.blocks[0].span).slice(raw) for p in posts]
    ['One &amp; two', 'Three']
    """
    if not isinstance(raw, str):
        raise TypeError(f"explain_stream() takes str, not {type(raw).__name__}")
    texts: list[str] = []
    edits: list[Edit] = []
    raw_base = new_base = 0
    for buffer, given in raw_chunks(io.StringIO(raw, newline="")):
        raw_chunk = "".join(given)
        source = normalize("\n".join(buffer) + "\n")
        explained = normalize_explained(raw_chunk)
        chunk_edits = list(explained.edits)
        if explained.text != source:  # the stream adds a line end the raw text's last line lacks
            assert source == explained.text + "\n", "chunks normalise alike but for the last line end"
            end, at = len(raw_chunk), len(explained.text)
            chunk_edits.append(Edit(raw=Span(start=end, end=end), normalized=Span(start=at, end=at + 1), before="",
                                    after="\n"))  # fmt: skip
        edits.extend(
            Edit(
                raw=Span(start=e.raw.start + raw_base, end=e.raw.end + raw_base),
                normalized=Span(start=e.normalized.start + new_base, end=e.normalized.end + new_base),
                before=e.before,
                after=e.after,
            )
            for e in chunk_edits
        )
        texts.append(source)
        raw_base += len(raw_chunk)
        new_base += len(source)
    return Normalized(text="".join(texts), edits=tuple(edits), raw_length=len(raw))


def parse_chunk(source: str, base: int) -> tuple[Post, ...]:
    """The posts of one chunk from :func:`telegram_chunks`, spans placed at ``base`` in the stream."""
    return _parse(source, base=base).posts


_GROUP_CHARS = 1 << 16
"""How many characters of chunks :func:`parse_chunks` parses together at most (a group ends after the chunk that
reaches it)."""


def parse_chunks(chunks: Iterable[tuple[str, int]]) -> Iterator[Post]:
    """The posts of chunks from :func:`telegram_chunks`, the same as :func:`parse_chunk` gives them one by one, with
    the fixed cost of a parse (the lines, the segments, the dump) paid once per group instead of once per chunk:
    a dump is a chunk a post, and a dump of short posts a chunk a line. A run of chunks that each open with a
    forward header, end with a line end and follow each other in the stream is parsed as one text of up to
    :data:`_GROUP_CHARS` characters — the same posts, since such a chunk has no channel header and every post of it
    ends where the next header stands; any other chunk (the first one of a channel page) is parsed alone.

    >>> chunks = list(telegram_chunks(["Forwarded from A", "One", "Forwarded from B", "Two"]))
    >>> [p.text for p in parse_chunks(chunks)] == [p.text for c in chunks for p in parse_chunk(*c)]
    True
    """
    group: list[str] = []  # a run of chunks that join, parsed together when it ends
    start = end = size = 0
    given = iter(chunks)
    while True:
        try:
            chunk = next(given, None)
        except Exception:  # the stream failed (a decoding error): the posts read before it come first
            yield from _group_posts(group, start)
            raise
        if chunk is None:
            break
        source, base = chunk
        line_end = source.find("\n")
        joins = is_forward_header(source if line_end < 0 else source[:line_end])
        if group and (not joins or base != end):
            yield from _group_posts(group, start)
            group = []
        if not joins:
            yield from parse_chunk(source, base)
            continue
        if not group:
            start, size = base, 0
        group.append(source)
        size += len(source)
        end = base + len(source)
        if size >= _GROUP_CHARS or not source.endswith("\n"):  # a chunk with no line end would glue to the next
            yield from _group_posts(group, start)
            group = []
    yield from _group_posts(group, start)


def _group_posts(group: list[str], start: int) -> tuple[Post, ...]:
    """The posts of a run of joining chunks (none for an empty run), the first of them at ``start``."""
    return _parse("".join(group), base=start).posts if group else ()
