"""Messages with their own metadata (exports, web pages, client libraries) into Post records.

A message's text comes as pieces — plain runs and entities (links with their URL, hashtags, bold, ...). Each
piece is normalised on its own, so entity boundaries stay exact; the text is the author's, so the message runs
the :data:`~mfaparse.telegram._post.AUTHORED` stages, with the entities the format marks in its state.
Each message is placed at its offset in the dump's ``source`` (texts joined by :data:`SEPARATOR`) from the start.

>>> message = Message(pieces=(Piece(text="Hi "), Piece(text="#A", kind="hashtag")), meta=Meta(message_id=1),
...                   marks=frozenset({"hashtag"}))
>>> built = list(posts_of(build_messages([message, message], lambda m: m)))
>>> [(post.message_id, post.span, [h.span for h in post.hashtags]) for post in built]
[(1, Span(start=0, end=5), [Span(start=3, end=5)]), (1, Span(start=7, end=12), [Span(start=10, end=12)])]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from mfaparse._lines.rules import Lines
from mfaparse._model.base import Span
from mfaparse._model.documents import Channel, Post, TelegramDump
from mfaparse._text.normalize import normalize
from mfaparse.errors import ParseError
from mfaparse.telegram._post import AUTHORED, Entity, Meta, PostState, entity_kind, run

__all__ = [
    "ALL_MARKED",
    "SEPARATOR",
    "Extent",
    "Message",
    "Meta",
    "Piece",
    "Skipped",
    "assemble",
    "build_messages",
    "int_field",
    "mappings",
    "message_dump",
    "messages_extent",
    "piece_kind",
    "posts_of",
]

SEPARATOR = "\n\n"
"""Between messages in a dump's ``source``: each message's text, joined in order."""
ALL_MARKED = frozenset({"hashtag", "mention", "link"})
"""Formats that mark every hashtag, mention and link as an entity (Desktop JSON, Telethon)."""
T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Piece:
    """A run of a message's text: plain (``kind=None``) or an entity such as ``text_link`` with its ``href``."""

    text: str
    kind: str | None = None
    href: str | None = None


@attrs.frozen(kw_only=True)
class Message:
    """One message as a format reads it: its text as pieces, its metadata, and which entity kinds it marks."""

    pieces: Sequence[Piece]
    meta: Meta
    marks: frozenset[str] = frozenset()


@attrs.frozen
class Skipped:
    """A message that could not be read: its index among the input's messages, and why."""

    index: int
    error: ParseError


def piece_kind(value: object, where: str) -> str | None:
    """A format's entity type, checked: a string (or None for plain text); anything else is a ParseError."""
    if value is None or isinstance(value, str):
        return value
    raise ParseError(f"expected the entity type as a string, found {type(value).__name__} in {where}")


def assemble(pieces: Iterable[Piece], base: int = 0) -> tuple[str, list[Entity]]:
    """The normalised text of the pieces, and the entities among them placed at ``base`` + their offset."""
    parts: list[str] = []
    entities: list[Entity] = []
    pos = base
    for piece in pieces:
        body = piece.text.rstrip(" \t")  # a piece's trailing space may sit before the next piece: keep it
        text = (normalize(body) if body.strip() else body.replace("\r\n", "\n")) + piece.text[len(body) :]
        if piece.kind is not None and piece.kind != "plain":
            entities.append(
                Entity(kind=entity_kind(piece.kind), span=Span(start=pos, end=pos + len(text)), href=piece.href)
            )
        parts.append(text)
        pos += len(text)
    return "".join(parts), entities


def message_post(message: Message, base: int = 0) -> tuple[Post, str]:
    """The Post of one message and its normalised text, spans placed at ``base`` (its place in a dump)."""
    source, entities = assemble(message.pieces, base)
    lines = Lines.of(source, base)
    state = PostState.start(lines, 0, len(lines), meta=message.meta, entities=entities, marks=message.marks)
    return run(state, AUTHORED), source


def build_messages(
    items: Iterable[T],
    convert: Callable[[T], Message | None],
    *,
    keep_going: bool = False,
    objects: bool = False,
    offset: int = 0,
    first: int = 0,
) -> Iterator[tuple[Post, str] | Skipped]:
    """The Post and text of each item ``convert`` turns into a Message (None: not a post, such as a service
    message), placed in the dump's source. A bad item raises its ParseError, or with ``keep_going`` is
    :class:`Skipped` and the rest go on; ``objects`` requires each item to be a mapping (JSON objects).

    Items that are a part of a longer list start at index ``first``, their texts at ``offset`` in the source."""
    for message in _converted(items, convert, keep_going=keep_going, objects=objects, first=first):
        if isinstance(message, Skipped):
            yield message
            continue
        post, text = message_post(message, offset)
        yield post, text
        offset += len(text) + len(SEPARATOR)


def messages_extent(items: Sequence[T], convert: Callable[[T], Message | None], *, objects: bool = False) -> Extent:
    """What :func:`build_messages` (with ``keep_going``) makes of ``items``, without parsing a post: how many
    records (posts and skipped items) and how long the source of their posts is — where the items of a list that
    come after these are placed."""
    records = length = 0
    for message in _converted(items, convert, keep_going=True, objects=objects, first=0):
        records += 1
        if not isinstance(message, Skipped):
            length += len(assemble(message.pieces)[0]) + len(SEPARATOR)
    return Extent(items=len(items), records=records, length=length)


@attrs.frozen
class Extent:
    """The size of some messages of a dump (:func:`messages_extent`): items, records made, source length."""

    items: int
    records: int
    length: int


def _converted(
    items: Iterable[T], convert: Callable[[T], Message | None], *, keep_going: bool, objects: bool, first: int
) -> Iterator[Message | Skipped]:
    """The Message of each item that is a post, or its Skipped (with ``keep_going``; else its ParseError)."""
    for index, item in enumerate(items, start=first):
        try:
            if objects and not isinstance(item, Mapping):
                raise ParseError(f"expected each message to be an object, found {type(item).__name__}")
            message = convert(item)
        except ParseError as exc:
            if not keep_going:
                raise ParseError(f"message #{index}: {exc.reason}", position=exc.position) from exc
            yield Skipped(index, exc)
            continue
        if message is not None:
            yield message


def mappings(items: Iterable[Any], name: str) -> Iterator[Mapping[str, Any]]:
    """``items`` checked lazily to be mappings (a Python caller's messages): TypeError at the first that is not."""
    if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Iterable):
        raise TypeError(f"{name}() takes an iterable of message mappings (a list of dicts), not {type(items).__name__}")
    return _each_mapping(items)


def _each_mapping(items: Iterable[Any]) -> Iterator[Mapping[str, Any]]:
    for item in items:
        if not isinstance(item, Mapping):
            raise TypeError(f"expected each message to be a mapping, found {type(item).__name__}")
        yield item


def posts_of(built: Iterable[tuple[Post, str] | Skipped]) -> Iterator[Post]:
    """The posts of :func:`build_messages` run without ``keep_going``."""
    for item in built:
        assert not isinstance(item, Skipped)
        yield item[0]


def message_dump(built: Iterable[tuple[Post, str] | Skipped], channel: Channel | None) -> TelegramDump:
    """A dump of built messages (without ``keep_going``): their texts joined by ``SEPARATOR`` are its source."""
    done: list[tuple[Post, str]] = []
    for item in built:
        assert not isinstance(item, Skipped)
        done.append(item)
    return TelegramDump(
        source=SEPARATOR.join(text for _, text in done), channel=channel, posts=tuple(p for p, _ in done)
    )


def int_field(value: Any, field: str) -> int | None:
    """An id or count as a format gives it: an int, digits as a string, or None; a bool or anything else is a
    ParseError naming ``field`` (JSON ``true`` is no message id)."""
    if value is None or type(value) is int:
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    raise ParseError(f"expected an integer {field}, found {type(value).__name__} {value!r:.40}")
