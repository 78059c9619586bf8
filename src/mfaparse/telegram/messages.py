"""Messages with their own metadata (exports, client libraries) into the same Post records as plain text.

A message's text comes as pieces — plain runs and entities (links with their URL, hashtags, bold, ...).
Each piece is normalised on its own, so entity boundaries stay exact, and the text then goes through the
plain-text post machinery (debris, duplicates, link lines, layout, entities, clean text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

import attrs

from mfaparse._shift import shift_spans
from mfaparse.documents import Channel, Forward, Media, Post, TelegramDump
from mfaparse.model import Link, Span
from mfaparse.normalize import normalize
from mfaparse.telegram.text import build_text_post

__all__ = ["SEPARATOR", "Entity", "MessageMeta", "Piece", "assemble", "message_dump", "message_post", "message_posts"]

SEPARATOR = "\n\n"
"""Between messages in a dump's ``source``: each message's text, joined in order."""
_LINK_KINDS = frozenset({"link", "text_link", "url", "texturl"})


@attrs.frozen(kw_only=True)
class Piece:
    """A run of a message's text: plain (``kind=None``) or an entity such as ``text_link`` with its ``href``."""

    text: str
    kind: str | None = None
    href: str | None = None


@attrs.frozen(kw_only=True)
class Entity:
    """An entity of the assembled text: its kind, span and URL (for links)."""

    kind: str
    span: Span
    href: str | None = None


@attrs.frozen(kw_only=True)
class MessageMeta:
    """What a format says about a message beyond its text."""

    channel: str | None = None
    message_id: int | None = None
    url: str | None = None
    posted_at: dt.datetime | None = None
    forward: Forward | None = None
    media: tuple[Media, ...] = ()
    author: str | None = None
    reply_to: int | None = None
    views: int | None = None


def assemble(pieces: Iterable[Piece]) -> tuple[str, list[Entity]]:
    """The normalised text of the pieces, and the spans of those that are entities."""
    parts: list[str] = []
    entities: list[Entity] = []
    pos = 0
    for piece in pieces:
        body = piece.text.rstrip(" \t")  # a piece's trailing space may sit before the next piece: keep it
        text = (normalize(body) if body.strip() else body.replace("\r\n", "\n")) + piece.text[len(body) :]
        if piece.kind is not None and piece.kind != "plain":
            entities.append(Entity(kind=piece.kind, span=Span(start=pos, end=pos + len(text)), href=piece.href))
        parts.append(text)
        pos += len(text)
    return "".join(parts), entities


def _entity_links(entities: Sequence[Entity], source: str, found: Sequence[Link]) -> list[Link]:
    """Links the format marks: a ``Read in full`` line gets its URL; entity URLs not in the text are added."""
    links = list(found)
    for entity in entities:
        if entity.kind.lower() not in _LINK_KINDS:
            continue
        url = entity.href or entity.span.slice(source)
        hit = next((k for k, lk in enumerate(links) if lk.span.start <= entity.span.start < lk.span.end + 1), None)
        if hit is not None and (links[hit].url is None or links[hit].url == url):
            links[hit] = attrs.evolve(links[hit], url=url)
        elif hit is None:
            links.append(Link(text=entity.span.slice(source).strip(), url=url, span=entity.span))
    return sorted(links, key=lambda lk: lk.span.start)


def message_post(pieces: Iterable[Piece], meta: MessageMeta, offset: int = 0) -> tuple[Post, str]:
    """The Post of one message and its normalised text; spans are moved by ``offset`` (its place in a dump)."""
    source, entities = assemble(pieces)
    post = build_text_post(source, meta.channel)
    post = attrs.evolve(
        post,
        channel=meta.channel,
        message_id=meta.message_id,
        url=meta.url,
        posted_at=meta.posted_at,
        author=meta.author,
        reply_to=meta.reply_to,
        views=meta.views,
        forward=meta.forward or post.forward,
        media=post.media + meta.media,
        links=tuple(_entity_links(entities, source, post.links)),
    )
    return (shift_spans(post, offset) if offset else post), source


def message_posts(messages: Iterable[tuple[Iterable[Piece], MessageMeta]]) -> Iterator[tuple[Post, str]]:
    """The Post and text of each message, spans placed in the dump's source (texts joined by ``SEPARATOR``)."""
    offset = 0
    for pieces, meta in messages:
        post, text = message_post(pieces, meta, offset)
        yield post, text
        offset += len(text) + len(SEPARATOR)


def message_dump(built: Sequence[tuple[Post, str]], channel: Channel | None) -> TelegramDump:
    """A dump of built messages: their texts joined by ``SEPARATOR`` are its source."""
    return TelegramDump(
        source=SEPARATOR.join(text for _, text in built), channel=channel, posts=tuple(p for p, _ in built)
    )
