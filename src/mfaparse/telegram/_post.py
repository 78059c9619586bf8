"""The Post pipeline: a state and a tuple of named stages run by one loop (the way markdown-it-py runs rules).

Every Telegram source builds its posts here. Scraped sources (plain-text dumps, channel pages) run
:data:`SCRAPED`: the forward header, scrape debris, the scraped-double dedup, link lines, entities found in the
text, the layout and the clean text. Sources that carry the author's text exactly (Desktop exports, t.me pages,
client-library messages) run :data:`AUTHORED`: no debris, no dedup — a line an author repeated stays — and the
entities the format marks (hashtags, mentions, links with URLs) go into the state as they are.

Spans are made once, at their final offsets: :class:`~mfaparse._lines.rules.Lines` places every line at its
``base`` in the dump or stream.

>>> lines = Lines.of("Forwarded from Russian MFA 🇷🇺\\nText #ASEAN\\nRead in full")
>>> post = run(PostState.start(lines, 0, len(lines)), SCRAPED)
>>> post.forward.name, post.text, [h.tag for h in post.hashtags], [r.kind for r in post.removed]
('Russian MFA', 'Text #ASEAN', ['ASEAN'], ['header', 'link_text'])
>>> [name for name, _ in AUTHORED]
['links', 'entities', 'layout']
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Callable, Sequence

import attrs

from mfaparse._lines import vocab
from mfaparse._lines.rules import Lines, is_media_continuation, link_words, removal_kind
from mfaparse._model.base import Hashtag, Link, Mention, PartialDate, Removal, Span, trusted_removal, trusted_span
from mfaparse._model.build import maker
from mfaparse._model.documents import Block, Forward, Media, Post, Speaker, new_forward
from mfaparse._text.dedup import DedupOptions, contiguous, duplicate_lines
from mfaparse._text.emoji import name_and_flags, strip_emoji
from mfaparse._text.entities import add_hashtags, add_mentions, hashtags_in, links_in, mentions_in
from mfaparse.telegram._layout import read_layout

__all__ = ["AUTHORED", "SCRAPED", "Entity", "Meta", "PostState", "Stage", "entity_kind", "run", "run_scraped"]

_new_link = maker(Link)
_new_media = maker(Media)
_new_post = maker(Post)  # the core's where it is in use; Post itself in pure Python

_DEDUP = DedupOptions()
_URL_HINTS = ("http", "www.", "t.me/", "telegram.me/", "telegram.org/", "](")
"""What a line holds if it holds a link (``entities._LINK``: a Markdown link, a scheme or ``www.``, a bare
Telegram address)."""
_URL_HINTS_OF_POST = ("/", "www.", "](")
"""The first look at a whole post, fewer scans of it: every hint but ``www.`` and ``](`` has a ``/`` after it in any
link (``http`` a ``://``); the lines of a post that passes are looked at with :data:`_URL_HINTS`."""
_LINK_KINDS = frozenset({"link", "text_link", "url", "texturl"})


def entity_kind(kind: str) -> str:
    """The pipeline's name of a format's entity kind: every kind of link is ``link``."""
    lowered = kind.lower()
    return "link" if lowered in _LINK_KINDS else lowered


@attrs.frozen(kw_only=True)
class Entity:
    """An entity a format marks (a hashtag, a mention, a link with its URL), its span at its final offset."""

    kind: str
    span: Span
    href: str | None = None


@attrs.frozen(kw_only=True)
class Meta:
    """What a format says about a message beyond its text (all None for plain text)."""

    channel: str | None = None
    message_id: int | None = None
    url: str | None = None
    posted_at: dt.datetime | None = None
    forward: Forward | None = None
    media: tuple[Media, ...] = ()
    author: str | None = None
    reply_to: int | None = None
    views: int | None = None


@attrs.define
class PostState:
    """What the stages read and write: the lines of one post, what is kept, and what each stage found."""

    lines: Lines
    first: int
    end: int
    kept: list[int]
    meta: Meta = attrs.field(factory=Meta)
    page_channel: str | None = None
    """A channel page's own name: a line of only that name opens a post and is no content."""
    entities: tuple[Entity, ...] = ()
    marks: frozenset[str] = frozenset()
    """The entity kinds the format marks completely: those are taken from ``entities``, never searched for."""
    tag_spans: dict[int, list[tuple[int, int]]] = attrs.field(factory=dict)
    """The places of the hashtags of each line the entities stage searched (hashtags are found once a post)."""
    removed: list[Removal] = attrs.field(factory=list)
    links: list[Link] = attrs.field(factory=list)
    media: list[Media] = attrs.field(factory=list)
    forward: Forward | None = None
    hashtags: tuple[Hashtag, ...] = ()
    mentions: tuple[Mention, ...] = ()
    text: str = ""
    blocks: tuple[Block, ...] = ()
    title: str | None = None
    place: str | None = None
    date: PartialDate | None = None
    speakers: tuple[Speaker, ...] = ()

    @classmethod
    def start(
        cls,
        lines: Lines,
        first: int,
        end: int,
        *,
        meta: Meta | None = None,
        page_channel: str | None = None,
        entities: Sequence[Entity] = (),
        marks: frozenset[str] = frozenset(),
    ) -> PostState:
        """The state of lines ``first .. end-1`` before any stage ran: every line kept."""
        return cls(
            lines=lines,
            first=first,
            end=end,
            kept=list(range(first, end)),
            meta=meta or _NO_META,
            page_channel=page_channel,
            entities=tuple(entities),
            marks=marks,
        )


_NO_META = Meta()
"""The meta of plain text (frozen, so one for every post: a dump of forward lines builds tens of thousands)."""

Stage = tuple[str, Callable[[PostState], None]]


def header(state: PostState) -> None:
    """A ``Forwarded from NAME`` line (or a channel page's own name) opening the post is metadata."""
    if not state.kept:
        return
    lines, at = state.lines, state.kept[0]
    line = lines.stripped[at]
    name = vocab.forward_name(line)
    if name is not None:
        state.forward = Forward.from_display(name, span=lines.span(at))
    elif not (state.page_channel and strip_emoji(line).strip() == state.page_channel):
        return
    state.removed.append(lines.removal("header", at))
    state.kept.pop(0)


def debris(state: PostState) -> None:
    """Lines of a debris class go, each as the removal its rule names: media placeholders (with their
    ``VIEW IN TELEGRAM``, and a Media entry), view counters, calls to subscribe. Link lines stay for the links
    stage, which keeps their words as Links."""
    lines, kinds = state.lines, state.lines.kinds
    kept: list[int] = []
    skip_next = False
    for n, k in enumerate(state.kept):
        if skip_next:
            skip_next = False
            continue
        kind = kinds[k]
        if kind in _KEPT_CLASSES:
            kept.append(k)
        elif kind == "media_placeholder":
            following = state.kept[n + 1] if n + 1 < len(state.kept) else None
            last = following if following == k + 1 and is_media_continuation(lines.texts[k + 1]) else k
            skip_next = last != k
            removal = lines.removal("media_placeholder", k, last)
            state.media.append(_new_media(kind="too_big", text=removal.text, span=removal.span))
            state.removed.append(removal)
        else:
            state.removed.append(lines.removal(removal_kind(kind, lines.table), k))
    state.kept = kept


_KEPT_CLASSES = frozenset({"content", "blank", "link_text"})


def dedup(state: PostState) -> None:
    """A later run of lines repeating an earlier run of the post (a link preview's copy) is a duplicate."""
    lines, kept = state.lines, state.kept
    if len(kept) < 2:  # a run repeats an earlier line: one line cannot
        return
    keys, marks = lines.keys, lines.markers
    runs = duplicate_lines(
        [lines.texts[k] for k in kept], _DEDUP, keys=[keys[k] for k in kept], marks=[marks[k] for k in kept]
    )
    if not runs:
        return
    duplicate: set[int] = set()
    for repeat, first in runs:
        run_lines = [kept[k] for k in repeat]
        first_copy = lines.span(kept[first[0]], kept[first[-1]])
        for piece in contiguous(run_lines):
            state.removed.append(lines.removal("duplicate", piece[0], piece[-1], duplicate_of=first_copy))
        duplicate.update(run_lines)
    state.kept = [k for k in kept if k not in duplicate]


def link_lines(state: PostState) -> None:
    """A line of only link words (``👉 Read in full``) is a Link, with the URL the format gives, else None;
    blank lines at the post's edges go."""
    lines, kinds = state.lines, state.lines.kinds
    kept: list[int] = []
    for k in state.kept:
        if kinds[k] != "link_text":
            kept.append(k)
            continue
        span = lines.span(k)
        url = next(
            (_url(e, lines) for e in state.entities if e.kind == "link" and span.start <= e.span.start < span.end),
            None,
        )
        state.links.append(_new_link(text=link_words(lines.texts[k]), url=url, span=span))
        state.removed.append(lines.removal("link_text", k))
    while kept and not lines.stripped[kept[0]]:
        kept.pop(0)
    while kept and not lines.stripped[kept[-1]]:
        kept.pop()
    state.kept = kept


def _url(entity: Entity, lines: Lines) -> str:
    """A link entity's URL: its href, else its own words (a bare URL)."""
    return entity.href or lines.text_of(entity.span)


def entities(state: PostState) -> None:
    """Distinct hashtags and mentions in order of first use, and links: taken from the format's entities for
    the kinds it marks, found in the kept lines for the others."""
    lines, kept = state.lines, state.kept
    if not kept:  # the format's entities count only in kept lines
        return
    tags: dict[str, Hashtag] = {}
    names: dict[str, Mention] = {}
    found_links: list[Link] = []
    texts = [(lines.texts[k], lines.starts[k]) for k in kept]
    joined = "\n".join([text for text, _ in texts])  # one look for each mark: most posts lack some of them
    if "hashtag" not in state.marks and "#" in joined:
        for k, (text, start) in zip(kept, texts, strict=True):
            if "#" in text:
                state.tag_spans[k] = add_hashtags(tags, text, start)
    if "mention" not in state.marks and "@" in joined:
        for text, start in texts:
            add_mentions(names, text, start)
    if "link" not in state.marks and any(hint in joined for hint in _URL_HINTS_OF_POST):
        for text, start in texts:
            if any(hint in text for hint in _URL_HINTS):
                found_links.extend(links_in(text, start))
    starts = [lines.starts[k] for k in kept]
    for entity in state.entities:
        at = bisect.bisect_right(starts, entity.span.start) - 1
        if at < 0 or entity.span.start > starts[at] + len(lines.texts[kept[at]]):
            continue  # in a line the pipeline removed (a link line took its URL already)
        word = lines.text_of(entity.span)
        if entity.kind == "hashtag" and "hashtag" in state.marks:
            for h in hashtags_in(word, entity.span.start):
                if h.span == entity.span:
                    tags.setdefault(h.tag, h)
        elif entity.kind == "mention" and "mention" in state.marks:
            for m in mentions_in(word, entity.span.start):
                if m.span == entity.span:
                    names.setdefault(m.username, m)
        elif entity.kind == "link":
            _add_entity_link(found_links, entity, word, _url(entity, lines), replace="link" not in state.marks)
    state.hashtags, state.mentions = tuple(tags.values()), tuple(names.values())
    state.links.extend(found_links)
    state.links.sort(key=lambda lk: lk.span.start)


def _add_entity_link(links: list[Link], entity: Entity, word: str, url: str, *, replace: bool) -> None:
    """A link the format marks; where the text search found the same link already, it gets the format's URL."""
    if replace:
        hit = next((n for n, lk in enumerate(links) if lk.span.start <= entity.span.start < lk.span.end + 1), None)
        if hit is not None:
            if links[hit].url is None or links[hit].url == url:
                links[hit] = attrs.evolve(links[hit], url=url)
            return
    links.append(_new_link(text=link_words(word), url=url, span=entity.span))


def layout(state: PostState) -> None:
    """The post's text and its layout: 🎙 title, 📍 place and date, 💬/❓ blocks with speakers, bullets."""
    lines, kept = state.lines, state.kept
    if not kept:
        return
    state.text = "\n".join(lines.texts[k] for k in kept)
    searched = "hashtag" not in state.marks  # the entities stage found every line's hashtags
    spans = state.tag_spans
    state.blocks, state.title, state.place, state.date, state.speakers = read_layout(
        [(lines.texts[k], lines.starts[k]) for k in kept], [spans.get(k, []) for k in kept] if searched else None
    )


SCRAPED: tuple[Stage, ...] = (
    ("header", header),
    ("debris", debris),
    ("dedup", dedup),
    ("links", link_lines),
    ("entities", entities),
    ("layout", layout),
)
"""The stages of scraped text (plain-text dumps, channel pages)."""

AUTHORED: tuple[Stage, ...] = tuple(stage for stage in SCRAPED if stage[0] not in ("header", "debris", "dedup"))
"""The stages of text the format gives as written (exports, t.me pages, client messages)."""


def run_scraped(lines: Lines, first: int, end: int, *, page_channel: str | None = None) -> Post:
    """``run(PostState.start(lines, first, end, page_channel=page_channel), SCRAPED)``, with a shortcut for a post
    of one forward header line and nothing else (a dump of forwards whose bodies the scrape lost): the header
    stage reads it and every later stage finds nothing kept, so the Post is built here at once, without the state
    and the stages (tests/test_telegram_text.py checks the shortcut against the pipeline)."""
    if end == first + 1:
        forward = _header_forward(lines.stripped[first])
        if forward is not None:
            text, start = lines.texts[first], lines.starts[first]
            span = trusted_span(start, start + len(text))  # lines.removal("header", first), as the stage removes it
            name, flags = forward
            return _new_post(
                span=span,
                text="",
                removed=(trusted_removal("header", span, text),),
                forward=new_forward(name=name, flags=flags, span=span),  # Forward.from_display's
                channel=page_channel,
            )
    return run(PostState.start(lines, first, end, page_channel=page_channel), SCRAPED)


def _header_forward(header: str) -> tuple[str, tuple[str, ...]] | None:
    """The name and flags of a forward header line (stripped), or None for another line: remembered for short
    lines, one lookup where a dump of forward lines asked two memos a post."""
    return _header_forward_seen(header) if len(header) <= _LONGEST_HEADER else _read_header_forward(header)


def _read_header_forward(header: str) -> tuple[str, tuple[str, ...]] | None:
    name = vocab.forward_name(header)
    return None if name is None else name_and_flags(name)


_LONGEST_HEADER = 256
_header_forward_seen = functools.lru_cache(maxsize=1024)(_read_header_forward)


def _start(removal: Removal) -> int:
    return removal.span.start


def run(state: PostState, stages: Sequence[Stage]) -> Post:
    """Run ``stages`` over ``state`` in order and build the Post."""
    for _name, stage in stages:
        stage(state)
    meta = state.meta
    return _new_post(
        span=state.lines.span(state.first, state.end - 1),
        text=state.text,
        removed=tuple(sorted(state.removed, key=_start) if len(state.removed) > 1 else state.removed),
        forward=meta.forward or state.forward,
        channel=meta.channel if meta.channel is not None else state.page_channel,
        message_id=meta.message_id,
        url=meta.url,
        posted_at=meta.posted_at,
        author=meta.author,
        reply_to=meta.reply_to,
        views=meta.views,
        title=state.title,
        place=state.place,
        date=state.date,
        speakers=state.speakers,
        blocks=state.blocks,
        hashtags=state.hashtags,
        mentions=state.mentions,
        links=tuple(state.links),
        media=tuple(state.media) + meta.media,
    )
