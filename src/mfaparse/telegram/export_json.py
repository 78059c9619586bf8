"""Telegram Desktop JSON exports (``result.json``) into Post records.

``text_entities`` (always a list of ``{type, text, href?}``) give the text as pieces; entities of unknown
types are kept as plain text. ``date_unixtime`` gives the time (``date`` has no offset). Service messages
(``type: service``: joins, pins, date dividers) are not posts and are skipped. The export carries the author's
text exactly: a line the author repeated stays.

>>> dump = parse_telegram_export({"name": "Russian MFA 🇷🇺", "messages": [
...     {"id": 7, "type": "message", "date_unixtime": "1686201531", "forwarded_from": "МИД России 🇷🇺",
...      "text_entities": [{"type": "plain", "text": "🎙 Remarks\\n"},
...                        {"type": "text_link", "text": "Read in full", "href": "https://mid.ru/1"}]}]})
>>> post = dump.posts[0]
>>> post.message_id, post.posted_at.isoformat(), post.forward.name, post.forward.flags, post.channel
(7, '2023-06-08T05:18:51+00:00', 'МИД России', ('RU',), 'Russian MFA')
>>> [(lk.text, lk.url) for lk in post.links], post.text
([('Read in full', 'https://mid.ru/1')], '🎙 Remarks')
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, Any

from mfaparse._model.documents import Channel, Forward, Media, Post, TelegramDump
from mfaparse._text.dates import unix_time
from mfaparse.errors import ParseError
from mfaparse.telegram._messages import (
    ALL_MARKED,
    Extent,
    Message,
    Meta,
    Piece,
    Skipped,
    build_messages,
    int_field,
    message_dump,
    messages_extent,
    piece_kind,
    posts_of,
)

__all__ = ["export_channel", "export_extent", "export_messages", "iter_telegram_export", "parse_telegram_export"]

_MEDIA_FIELDS = ("photo", "file", "thumbnail", "media_type", "sticker_emoji", "poll", "location_information")
_HEAD_BYTES = 64 * 1024


def _entity(e: Mapping[str, Any], where: str) -> Piece:
    text = e.get("text", "")
    if not isinstance(text, str):
        raise ParseError(f"expected the entity text as a string, found {type(text).__name__} in {where}")
    href = e.get("href")
    return Piece(
        text=text, kind=piece_kind(e.get("type", "plain"), where), href=href if isinstance(href, str) else None
    )


def _pieces(message: Mapping[str, Any], where: str) -> tuple[list[Piece], frozenset[str]]:
    """The message's text as pieces, and the entity kinds the export marks in it (all, where it has entities)."""
    entities = message.get("text_entities")
    if isinstance(entities, list):
        return [_entity(e, where) for e in entities if isinstance(e, Mapping)], ALL_MARKED
    text = message.get("text", "")
    if isinstance(text, str):
        return [Piece(text=text)], frozenset()
    if isinstance(text, list):  # older exports: strings mixed with entity objects
        pieces = [
            Piece(text=t) if isinstance(t, str) else _entity(t, where) for t in text if isinstance(t, (str, Mapping))
        ]
        return pieces, ALL_MARKED
    raise ParseError(f"expected message text as a string or a list, found {type(text).__name__} in {where}")


def _forward(message: Mapping[str, Any]) -> Forward | None:
    name = message.get("forwarded_from")
    if not isinstance(name, str) or not name.strip():
        return None
    author = message.get("saved_from")
    source = message.get("forwarded_from_id")
    return Forward.from_display(
        name,
        author=author if isinstance(author, str) else None,
        from_id=str(source) if isinstance(source, (str, int)) and not isinstance(source, bool) else None,
    )


def _media(message: Mapping[str, Any]) -> tuple[Media, ...]:
    found = []
    for field in _MEDIA_FIELDS:
        value = message.get(field)
        if value is None:
            continue
        kind = str(message.get("media_type", field)) if field in ("file", "media_type") else field
        found.append(Media(kind=kind, text=value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)))
        if field in ("file", "media_type"):
            break
    return tuple(found)


def _url(message: Mapping[str, Any], message_id: int | None) -> str | None:
    sender = message.get("from_id")
    if isinstance(sender, str) and sender.startswith("channel") and message_id is not None:
        return f"https://t.me/c/{sender.removeprefix('channel')}/{message_id}"
    return None


def _message(message: Mapping[str, Any], channel: str | None) -> Message | None:
    if message.get("type", "message") != "message":
        return None
    message_id = int_field(message.get("id"), "message id")
    where = f"message {message_id}"
    stamp = message.get("date_unixtime")
    sender = message.get("from")
    author = message.get("author")
    pieces, marks = _pieces(message, where)
    meta = Meta(
        channel=Channel.from_display(sender).name if isinstance(sender, str) and sender.strip() else channel,
        message_id=message_id,
        url=_url(message, message_id),
        posted_at=unix_time(stamp, f"date_unixtime of {where}") if stamp is not None else None,
        forward=_forward(message),
        media=_media(message),
        author=author if isinstance(author, str) else None,
        reply_to=int_field(message.get("reply_to_message_id"), "reply_to_message_id"),
    )
    return Message(pieces=pieces, meta=meta, marks=marks)


def export_channel(data: Mapping[str, Any]) -> Channel | None:
    """The channel an export's top object names (``name``), None where it names none."""
    raw_name = data.get("name")
    return Channel.from_display(raw_name) if isinstance(raw_name, str) and raw_name.strip() else None


def export_messages(
    messages: Iterable[Any], channel: Channel | None, *, keep_going: bool = False, offset: int = 0, first: int = 0
) -> Iterator[tuple[Post, str] | Skipped]:
    """The Posts of an export's messages (see :func:`~mfaparse.telegram._messages.build_messages`; ``offset``
    and ``first`` place messages that are a part of the export's list)."""
    name = channel.name if channel else None
    return build_messages(
        messages, lambda m: _message(m, name), keep_going=keep_going, objects=True, offset=offset, first=first
    )


def export_extent(messages: Sequence[Any], channel: Channel | None) -> Extent:
    """The size of some of an export's messages as :func:`export_messages` places them (without parsing them)."""
    name = channel.name if channel else None
    return messages_extent(messages, lambda m: _message(m, name), objects=True)


def parse_telegram_export(data: Mapping[str, Any] | str | bytes) -> TelegramDump:
    """A Desktop export (the parsed ``result.json`` object, or its JSON text) as a dump of posts.

    ``TelegramDump.source`` is the messages' texts joined by blank lines; spans point into it.
    """
    if isinstance(data, (str, bytes)):
        from mfaparse.formats import load_json  # noqa: PLC0415  # the registry's one JSON loader (limits)

        data = load_json(data, "Telegram Desktop JSON")
    if not isinstance(data, Mapping):
        raise TypeError(f"parse_telegram_export() takes a mapping or JSON text, not {type(data).__name__}")
    messages = data.get("messages")
    if not isinstance(messages, list):
        raise ParseError("expected a Telegram Desktop export: an object with a 'messages' list")
    channel = export_channel(data)
    return message_dump(export_messages(messages, channel), channel)


def iter_telegram_export(stream: IO[bytes]) -> Iterator[Post]:
    """Posts of a Desktop export read from a binary stream: with ``ijson`` installed (``pip install
    mfaparse[stream]``) memory is bounded by one message whatever the file's size; without it the stream is read
    whole. The channel is the export's ``name``, as in :func:`parse_telegram_export`."""
    if isinstance(stream, (str, bytes)) or not hasattr(stream, "read"):
        raise TypeError(f"iter_telegram_export() takes a binary stream, not {type(stream).__name__}")
    yield from posts_of(stream_export(stream))


def stream_export(stream: IO[bytes], *, keep_going: bool = False) -> Iterator[tuple[Post, str] | Skipped]:
    """The built messages of an export read from ``stream`` (ijson when installed, else read whole)."""
    try:
        import ijson  # noqa: PLC0415  # optional: streaming needs it, parsing does not
    except ImportError:
        raw = stream.read()
        from mfaparse.formats import load_json  # noqa: PLC0415  # the registry's one JSON loader (limits)

        data = load_json(raw, "Telegram Desktop JSON")
        if not isinstance(data, Mapping) or not isinstance(data.get("messages"), list):
            raise ParseError("expected a Telegram Desktop export: an object with a 'messages' list") from None
        channel = export_channel(data)
        yield from export_messages(data["messages"], channel, keep_going=keep_going)
        return
    head = stream.read(_HEAD_BYTES)
    if isinstance(head, str):
        raise TypeError("iter_telegram_export() takes a binary stream (open the file with 'rb')")
    channel = _head_channel(ijson, head)
    whole = _Joined(head, stream)
    try:
        yield from export_messages(ijson.items(whole, "messages.item", use_float=True), channel, keep_going=keep_going)
    except ijson.JSONError as exc:
        raise ParseError(f"expected Telegram Desktop JSON: {exc}") from exc


def _head_channel(ijson: Any, head: bytes) -> Channel | None:
    """The export's ``name``, read from the head of the file (it stands before ``messages`` in every export)."""
    try:
        for prefix, event, value in ijson.parse(io.BytesIO(head)):
            if prefix == "name" and event == "string":
                return Channel.from_display(value) if value.strip() else None
            if prefix == "messages":
                return None
    except ijson.JSONError:
        return None  # the head ends before "messages": no name given
    return None


class _Joined(io.RawIOBase):
    """The bytes already read (``head``) followed by the rest of ``stream``: one readable stream again."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
