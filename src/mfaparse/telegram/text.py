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

import bisect
import itertools
from collections.abc import Iterable, Iterator

import attrs
import regex

from mfaparse.boilerplate import LineClass, classify_line, is_media_continuation, link_words
from mfaparse.clean import CleanOptions, clean_text
from mfaparse.dedup import DedupOptions, contiguous, duplicate_lines
from mfaparse.documents import Channel, Forward, Media, Post, TelegramDump
from mfaparse.emoji import name_and_flags, strip_emoji
from mfaparse.entities import find_hashtags, find_links, find_mentions, is_hashtag_line
from mfaparse.errors import ParseError
from mfaparse.model import Hashtag, Link, Mention, Removal, RemovalKind, Span
from mfaparse.normalize import normalize
from mfaparse.telegram.structure import read_layout

__all__ = ["build_text_post", "channel_record", "iter_telegram", "parse_chunk", "parse_telegram", "telegram_chunks"]

# "Forwarded from Russian MFA 🇷🇺", "Переслано от МИД России 🇷🇺"
_FORWARD = regex.compile(r"(?:Forwarded from|Переслано от|Переслано из)\s+(?P<name>\S.{0,200})")
# Channel page chrome: "53.5K subscribers", "16.7K photos", "132K подписчиков".
_COUNTER = regex.compile(
    r"(?P<n>\d+(?:[.,]\d+)?)\s*(?P<mult>[KMКМ]?)\s+(?P<what>subscribers?|members?|photos?|videos?|files?|links?"
    r"|подписчик\w*|участник\w*|фото\w*|видео\w*|файл\w*|ссыл\w*)",
    flags=regex.IGNORECASE,
)
_CHROME_END = regex.compile(
    r"Download Telegram|加入频道|Subscribe to a channel|Open in Telegram|Открыть в Telegram|View in Telegram|"
    r"Join channel|Preview channel",
    flags=regex.IGNORECASE,
)
_COUNTER_FIELDS = {"sub": "subscribers", "mem": "subscribers", "под": "subscribers", "уча": "subscribers",
                   "pho": "photos", "фот": "photos", "vid": "videos", "вид": "videos", "fil": "files",
                   "фай": "files", "lin": "links", "ссы": "links"}  # fmt: skip
_CHROME_SPAN = 40  # lines a channel header may take before its "Download Telegram"
_CLEAN = CleanOptions(normalize=False)
_DEDUP = DedupOptions()
_HEADER_STARTS = ("Forwarded from", "Переслано")
_URL_HINTS = ("http", "www.", "t.me/", "telegram.me/", "telegram.org/", "](")
_BLANK_LAYOUT = 3  # blank lines on a page that show paragraphs are blank-separated
_LIST_MARKS = ("📍", "🔹", "🔸", "▪", "•", "✅", "-", "–", "—", "👉", "❗", "🔻", "▫", "◾")


def _count(number: str, mult: str) -> int:
    value = float(number.replace(",", "."))
    return round(value * {"K": 1_000, "К": 1_000, "M": 1_000_000, "М": 1_000_000}.get(mult.upper(), 1))


def _read_channel(lines: list[str], starts: list[int]) -> tuple[Channel | None, int]:
    """A channel page header (name, counters, description, "Download Telegram"), and where posts begin.

    A page title line (``Sputnik International – Telegram``) may stand above the name.
    """
    counter_at = next((k for k in range(1, min(4, len(lines))) if _COUNTER.fullmatch(lines[k].strip())), None)
    if counter_at is None or not lines[counter_at - 1].strip():
        return None, 0
    counts: dict[str, int | None] = {}
    i = counter_at
    while i < len(lines) and (m := _COUNTER.fullmatch(lines[i].strip())):
        counts.setdefault(
            _COUNTER_FIELDS.get(m.group("what")[:3].lower(), "links"), _count(m.group("n"), m.group("mult"))
        )
        i += 1
    end = next(
        (k for k in range(i, min(len(lines), i + _CHROME_SPAN)) if _CHROME_END.fullmatch(lines[k].strip())), None
    )
    description_end = end if end is not None else i
    description = "\n".join(lines[i:description_end]).strip() or None
    first_post = end + 1 if end is not None else i
    name, flags = name_and_flags(lines[counter_at - 1])
    span = Span(start=starts[0], end=starts[first_post] - 1 if first_post < len(lines) else starts[-1] - 1)
    channel = channel_record(name, flags, counts, description=description, span=span)
    return channel, first_post


def channel_record(
    name: str,
    flags: tuple[str, ...],
    counts: dict[str, int | None],
    *,
    username: str | None = None,
    description: str | None = None,
    span: Span | None = None,
) -> Channel:
    """A Channel from a page header's name, flags and counters (``subscribers``, ``photos``, ...)."""
    return Channel(
        name=name,
        flags=flags,
        username=username,
        description=description,
        span=span,
        subscribers=counts.get("subscribers"),
        photos=counts.get("photos"),
        videos=counts.get("videos"),
        files=counts.get("files"),
        links=counts.get("links"),
    )


def _starts_new_post(doc: _Doc, i: int) -> bool:
    """On a channel page whose posts separate paragraphs with blank lines, a paragraph glued to the last one
    (no blank line) after a finished sentence or a hashtag line opens the next post."""
    if doc.kinds[i] != "content" or doc.kinds[i - 1] != "content":
        return False
    previous, line = doc.lines[i - 1].strip(), doc.lines[i].strip()
    ended = previous.rstrip().endswith((".", "!", "?", "»", '"', "”", ")")) or is_hashtag_line(previous)
    opening = strip_emoji(line).lstrip()
    return ended and bool(opening) and opening[0].isupper() and not line.lstrip().startswith(_LIST_MARKS)


def _segments(doc: _Doc, first: int, channel: Channel | None) -> list[tuple[int, int]]:
    """Line ranges ``[a, b)`` of the posts: a forward header, the channel's own name, or a footer starts one;
    on channel pages without forward headers, so does the layout (see :func:`_starts_new_post`)."""
    lines = doc.lines
    names = {channel.name} if channel else set()
    blank_layout = channel is not None and sum(1 for line in lines[first:] if not line.strip()) >= _BLANK_LAYOUT
    cuts = [first]
    after_footer = False
    for i in range(first, len(lines)):
        line = lines[i].strip()
        if not line:
            continue
        kind = doc.kinds[i]
        header = line.startswith(_HEADER_STARTS) and bool(_FORWARD.fullmatch(line))
        header = header or (bool(names) and i > first and strip_emoji(line).strip() in names)
        glued = blank_layout and i > cuts[-1] and _starts_new_post(doc, i)
        if i > cuts[-1] and (header or glued or (after_footer and kind == "content")):
            cuts.append(i)
        after_footer = kind == "counter"
    cuts.append(len(lines))
    segments = []
    for a, b in itertools.pairwise(cuts):
        end = b
        while end > a and not lines[end - 1].strip():  # blank lines between posts belong to none
            end -= 1
        if end > a:
            segments.append((a, end))
    return segments


@attrs.frozen
class _Doc:
    """The normalised source split into lines, with each line's start offset and class (computed once).

    Offsets are ``base`` plus the place in ``source``: a chunk of a streamed dump gets its spans in the whole
    stream directly, with no second pass over the records.
    """

    source: str
    lines: list[str]
    starts: list[int]
    kinds: list[LineClass]
    base: int = 0

    @classmethod
    def of(cls, source: str, base: int = 0) -> _Doc:
        lines, starts = _lines_and_starts(source, base)
        return cls(source, lines, starts, [classify_line(line) for line in lines], base)

    def span(self, first: int, last: int | None = None) -> Span:
        """The span of lines ``first`` to ``last`` (inclusive), without the final newline."""
        last = first if last is None else last
        return Span(start=self.starts[first], end=self.starts[last] + len(self.lines[last]))

    def removal(self, kind: RemovalKind, first: int, last: int | None = None) -> Removal:
        span = self.span(first, last)
        return Removal(kind=kind, span=span, text=self.source[span.start - self.base : span.end - self.base])


def _header(doc: _Doc, a: int, channel_name: str | None) -> tuple[Forward | None, list[Removal], int]:
    """The forward (if any) a post's first line names, its removal, and the first body line."""
    line = doc.lines[a]
    header = _FORWARD.fullmatch(line.strip())
    if header:
        name, flags = name_and_flags(header.group("name"))
        return Forward(name=name, flags=flags, span=doc.span(a)), [doc.removal("header", a)], a + 1
    if channel_name and strip_emoji(line).strip() == channel_name:
        return None, [doc.removal("header", a)], a + 1
    return None, [], a


def _sort_debris(doc: _Doc, first: int, end: int) -> tuple[list[int], list[Removal], list[Media]]:
    """Lines that may stay (content, link lines, blanks), and the debris that goes: media, counters, calls."""
    candidates: list[int] = []
    removed: list[Removal] = []
    media: list[Media] = []
    i = first
    while i < end:
        kind = doc.kinds[i]
        if kind == "media_placeholder":
            last = i + 1 if i + 1 < end and is_media_continuation(doc.lines[i + 1]) else i
            removal = doc.removal("media_placeholder", i, last)
            media.append(Media(kind="too_big", text=removal.text, span=removal.span))
            removed.append(removal)
            i = last + 1
            continue
        if kind in ("counter", "call_to_action"):
            removed.append(doc.removal(kind, i))
        else:
            candidates.append(i)
        i += 1
    return candidates, removed, media


def _drop_duplicates(doc: _Doc, candidates: list[int]) -> tuple[list[int], list[Removal]]:
    """The candidates that are first copies, and a removal per contiguous piece of each repeated run."""
    duplicate: set[int] = set()
    removed: list[Removal] = []
    for repeat, first in duplicate_lines([doc.lines[k] for k in candidates], _DEDUP):
        run_lines = [candidates[k] for k in repeat]
        first_copy = doc.span(candidates[first[0]], candidates[first[-1]])
        for piece in contiguous(run_lines):
            removal = doc.removal("duplicate", piece[0], piece[-1])
            removed.append(attrs.evolve(removal, duplicate_of=first_copy))
        duplicate.update(run_lines)
    return [k for k in candidates if k not in duplicate], removed


def _take_links(doc: _Doc, lines: list[int]) -> tuple[list[int], list[Link], list[Removal]]:
    """Link lines whose URL the scrape lost become Links; the rest stay, blank edges trimmed."""
    kept: list[int] = []
    links: list[Link] = []
    removed: list[Removal] = []
    for k in lines:
        if doc.kinds[k] == "link_text":
            links.append(Link(text=link_words(doc.lines[k]), url=None, span=doc.span(k)))
            removed.append(doc.removal("link_text", k))
        else:
            kept.append(k)
    while kept and not doc.lines[kept[0]].strip():
        kept.pop(0)
    while kept and not doc.lines[kept[-1]].strip():
        kept.pop()
    return kept, links, removed


def _entities(doc: _Doc, kept: list[int]) -> tuple[tuple[Hashtag, ...], tuple[Mention, ...], list[Link]]:
    """Distinct hashtags and mentions in order of first use, and URLs, with spans into the source."""
    hashtags: dict[str, Hashtag] = {}
    mentions: dict[str, Mention] = {}
    links: list[Link] = []
    text = "\n".join(doc.lines[k] for k in kept)
    begins = list(itertools.accumulate((len(doc.lines[k]) + 1 for k in kept[:-1]), initial=0))

    def to_source(span: Span) -> Span:
        """A span of the joined kept lines, moved to the source (an entity never crosses a line)."""
        line = bisect.bisect_right(begins, span.start) - 1
        return span.shift(doc.starts[kept[line]] - begins[line])

    for h in find_hashtags(text):
        if h.tag not in hashtags:
            hashtags[h.tag] = Hashtag(tag=h.tag, span=to_source(h.span))
    for m in find_mentions(text):
        if m.username not in mentions:
            mentions[m.username] = Mention(username=m.username, span=to_source(m.span))
    if any(hint in text for hint in _URL_HINTS):
        links.extend(Link(text=lk.text, url=lk.url, span=to_source(lk.span)) for lk in find_links(text))
    return tuple(hashtags.values()), tuple(mentions.values()), links


def _build_post(doc: _Doc, a: int, b: int, channel: Channel | None) -> Post:
    channel_name = channel.name if channel else None
    forward, removed, body = _header(doc, a, channel_name)
    candidates, debris, media = _sort_debris(doc, body, b)
    firsts, duplicates = _drop_duplicates(doc, candidates)
    kept, links, link_removals = _take_links(doc, firsts)
    hashtags, mentions, urls = _entities(doc, kept)
    text = "\n".join(doc.lines[k] for k in kept)
    blocks, title, place, date, speakers = read_layout([(doc.lines[k], doc.starts[k]) for k in kept])
    return Post(
        span=doc.span(a, b - 1),
        text=text,
        clean_text=clean_text(text, _CLEAN),
        removed=tuple(sorted(removed + debris + duplicates + link_removals, key=lambda r: r.span.start)),
        forward=forward,
        channel=channel_name,
        title=title,
        place=place,
        date=date,
        speakers=speakers,
        blocks=blocks,
        hashtags=hashtags,
        mentions=mentions,
        links=tuple(sorted(links + urls, key=lambda lk: lk.span.start)),
        media=tuple(media),
    )


def _lines_and_starts(source: str, base: int = 0) -> tuple[list[str], list[int]]:
    lines = source.split("\n")
    starts = [base]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return lines, starts


def build_text_post(source: str, channel_name: str | None = None) -> Post:
    """One post from a message's already normalised text (exports and client messages use this)."""
    if not source.strip():
        return Post(span=Span(start=0, end=len(source)), text="", clean_text="", channel=channel_name)
    doc = _Doc.of(source)
    post = _build_post(doc, 0, len(doc.lines), None)  # no channel: its name is no header here
    return attrs.evolve(post, channel=channel_name)


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
    doc = _Doc.of(source, base)
    channel, first = _read_channel(doc.lines, doc.starts)
    segments = _segments(doc, first, channel)
    if strict and channel is None and not any(_FORWARD.fullmatch(line.strip()) for line in doc.lines):
        raise ParseError(
            "expected Telegram text: a 'Forwarded from NAME' line or a channel header with a subscriber count",
            position=0,
            text=source,
        )
    posts = tuple(_build_post(doc, a, b, channel) for a, b in segments)
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
            if _FORWARD.fullmatch(line.strip()) and any(s.strip() for s in buffer):
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
