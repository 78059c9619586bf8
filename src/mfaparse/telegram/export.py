"""Telegram Desktop JSON exports (``result.json``) into Post records.

``text_entities`` (always a list of ``{type, text, href?}``) give the text as pieces; entities of unknown
types are kept as plain text. ``date_unixtime`` gives the time (``date`` has no offset). Service messages
(``type: service``: joins, pins, date dividers) are not posts and are skipped.

>>> dump = parse_telegram_export({"name": "Russian MFA 🇷🇺", "messages": [
...     {"id": 7, "type": "message", "date_unixtime": "1686201531", "forwarded_from": "МИД России 🇷🇺",
...      "text_entities": [{"type": "plain", "text": "🎙 Remarks\\n"},
...                        {"type": "text_link", "text": "Read in full", "href": "https://mid.ru/1"}]}]})
>>> post = dump.posts[0]
>>> post.message_id, post.posted_at.isoformat(), post.forward.name, post.forward.flags
(7, '2023-06-08T05:18:51+00:00', 'МИД России', ('RU',))
>>> [(lk.text, lk.url) for lk in post.links], post.text
([('Read in full', 'https://mid.ru/1')], '🎙 Remarks')
"""

from __future__ import annotations

import datetime as dt
import io
import json
import pathlib
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from mfaparse.documents import Channel, Forward, Media, Post, TelegramDump
from mfaparse.emoji import name_and_flags
from mfaparse.errors import ParseError
from mfaparse.telegram.messages import MessageMeta, Piece, message_dump, message_posts

__all__ = ["iter_telegram_export", "parse_telegram_export"]

_MEDIA_FIELDS = ("photo", "file", "thumbnail", "media_type", "sticker_emoji", "poll", "location_information")


def _pieces(message: Mapping[str, Any]) -> list[Piece]:
    entities = message.get("text_entities")
    if isinstance(entities, list):
        return [
            Piece(text=str(e.get("text", "")), kind=str(e.get("type", "plain")), href=e.get("href"))
            for e in entities
            if isinstance(e, Mapping)
        ]
    text = message.get("text", "")
    if isinstance(text, str):
        return [Piece(text=text)]
    if isinstance(text, list):  # older exports: strings mixed with entity objects
        return [
            Piece(text=t)
            if isinstance(t, str)
            else Piece(text=str(t.get("text", "")), kind=t.get("type"), href=t.get("href"))
            for t in text
            if isinstance(t, (str, Mapping))
        ]
    raise ParseError(
        f"expected message text as a string or a list, found {type(text).__name__} in message {message.get('id')}"
    )


def _posted_at(message: Mapping[str, Any]) -> dt.datetime | None:
    stamp = message.get("date_unixtime")
    if stamp is not None:
        try:
            return dt.datetime.fromtimestamp(int(stamp), tz=dt.timezone.utc)
        except (TypeError, ValueError) as exc:
            raise ParseError(f"expected a Unix time in date_unixtime, found {stamp!r}") from exc
    return None


def _forward(message: Mapping[str, Any]) -> Forward | None:
    name = message.get("forwarded_from")
    if not isinstance(name, str) or not name.strip():
        return None
    display, flags = name_and_flags(name)
    return Forward(name=display, flags=flags, author=message.get("saved_from"))


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


def _messages(messages: Iterable[Any], channel: str | None) -> Iterator[tuple[list[Piece], MessageMeta]]:
    for message in messages:
        if not isinstance(message, Mapping):
            raise ParseError(f"expected each message to be an object, found {type(message).__name__}")
        if message.get("type", "message") != "message":
            continue
        message_id = message.get("id") if isinstance(message.get("id"), int) else None
        meta = MessageMeta(
            channel=channel or (name_and_flags(message["from"])[0] if isinstance(message.get("from"), str) else None),
            message_id=message_id,
            url=_url(message, message_id),
            posted_at=_posted_at(message),
            forward=_forward(message),
            media=_media(message),
            author=message.get("author") if isinstance(message.get("author"), str) else None,
            reply_to=message.get("reply_to_message_id")
            if isinstance(message.get("reply_to_message_id"), int)
            else None,
        )
        yield _pieces(message), meta


def parse_telegram_export(data: Mapping[str, Any] | str | bytes) -> TelegramDump:
    """A Desktop export (the parsed ``result.json`` object, or its JSON text) as a dump of posts.

    ``TelegramDump.source`` is the messages' texts joined by blank lines; spans point into it.
    """
    if isinstance(data, (str, bytes)):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as exc:
            raise ParseError(f"expected Telegram Desktop JSON: {exc.msg}", position=exc.pos) from exc
    if not isinstance(data, Mapping):
        raise TypeError(f"parse_telegram_export() takes a mapping or JSON text, not {type(data).__name__}")
    messages = data.get("messages")
    if not isinstance(messages, list):
        raise ParseError("expected a Telegram Desktop export: an object with a 'messages' list")
    raw_name = data.get("name")
    channel = (
        Channel(name=name_and_flags(raw_name)[0], flags=name_and_flags(raw_name)[1])
        if isinstance(raw_name, str)
        else None
    )
    built = list(message_posts(_messages(messages, channel.name if channel else None)))
    return message_dump(built, channel)


def iter_telegram_export(file: str | pathlib.Path | IO[bytes] | IO[str]) -> Iterator[Post]:
    """Posts of a Desktop export, streamed: with ``ijson`` installed (``pip install mfaparse[stream]``) memory
    is bounded by one message whatever the file's size; without it the file is read whole."""
    if isinstance(file, (str, pathlib.Path)):
        with open(file, "rb") as handle:
            yield from iter_telegram_export(handle)
        return
    try:
        import ijson  # noqa: PLC0415  # optional: streaming needs it, parsing does not
    except ImportError:
        raw = file.read()
        dump = parse_telegram_export(raw if isinstance(raw, (str, bytes)) else bytes(raw))
        yield from dump.posts
        return
    stream = io.BytesIO(file.read().encode("utf-8")) if isinstance(file, io.TextIOBase) else file
    try:
        yield from (
            post for post, _ in message_posts(_messages(ijson.items(stream, "messages.item", use_float=True), None))
        )
    except ijson.JSONError as exc:
        raise ParseError(f"expected Telegram Desktop JSON: {exc}") from exc
