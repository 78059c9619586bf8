"""Messages collected with Telegram client libraries into Post records.

Two shapes are read: records with Markdown text (``{"message_id", "text": "**bold** [link](url)", "date",
"channel"}``, as many collectors write them) and Telethon's ``Message.to_dict()`` (``message`` with
``entities`` whose offsets count UTF-16 units, ``fwd_from``, ``peer_id``, ``post_author``).

>>> dump = parse_client_messages([{"message_id": 5, "channel": "mid_russia", "date": "2024-12-01T10:00:00+00:00",
...                                "text": "**Заявление** МИД\\n\\n[Читать полностью](https://mid.ru/x)"}])
>>> post = dump.posts[0]
>>> post.text, [(lk.text, lk.url) for lk in post.links], post.url
('Заявление МИД', [('Читать полностью', 'https://mid.ru/x')], 'https://t.me/mid_russia/5')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import regex

from mfaparse._model.documents import Forward, Media, Post, TelegramDump
from mfaparse._text.dates import iso_time, unix_time
from mfaparse._text.entities import Utf16Map
from mfaparse.errors import ParseError
from mfaparse.telegram._messages import (
    ALL_MARKED,
    Message,
    Meta,
    Piece,
    Skipped,
    build_messages,
    int_field,
    mappings,
    message_dump,
    piece_kind,
    posts_of,
)

__all__ = ["client_messages", "iter_client_messages", "markdown_pieces", "parse_client_messages"]

# Markdown as client libraries write it: [text](url), **bold**, __italic__, ~~strike~~, `code`; emphasis
# may span lines ("**Headline\n**"). Bounded lengths keep the scan linear.
_MARKDOWN = regex.compile(
    r"\[(?P<link>[^\[\]\n]{1,500})\]\((?P<url>[^\s()]{1,2000})\)"
    r"|\*\*(?P<bold>[^*]{1,2000}?)\*\*|__(?P<italic>[^_]{1,2000}?)__|~~(?P<strike>[^~]{1,2000}?)~~"
    r"|`(?P<code>[^`\n]{1,2000})`"
)
_MAX_NESTING = 3
_USERNAME = regex.compile(r"@?[A-Za-z][A-Za-z0-9_]{3,31}")
_TELETHON_KINDS = {
    "MessageEntityTextUrl": "text_link",
    "MessageEntityUrl": "link",
    "MessageEntityHashtag": "hashtag",
    "MessageEntityMention": "mention",
    "MessageEntityMentionName": "mention_name",
    "MessageEntityBold": "bold",
    "MessageEntityItalic": "italic",
}


def markdown_pieces(text: str, _depth: int = 0) -> list[Piece]:
    """Plain runs and entities of client-library Markdown (the markup itself is dropped; nesting is read).

    >>> [(p.text, p.kind, p.href) for p in markdown_pieces("**Bold** and [Read in full](https://mid.ru/1)")]
    [('Bold', 'bold', None), (' and ', None, None), ('Read in full', 'text_link', 'https://mid.ru/1')]
    >>> [(p.text, p.kind) for p in markdown_pieces("**__bit.ly/bbcrussian__**")]
    [('bit.ly/bbcrussian', 'italic')]
    """
    pieces: list[Piece] = []
    pos = 0
    for m in _MARKDOWN.finditer(text):
        if m.start() > pos:
            pieces.append(Piece(text=text[pos : m.start()]))
        if m.group("link") is not None:  # emphasis inside a link's words goes: "[__bit.ly__](https://...)"
            words = m.group("link")
            if _depth < _MAX_NESTING and _MARKDOWN.search(words):
                words = "".join(p.text for p in markdown_pieces(words, _depth + 1))
            pieces.append(Piece(text=words, kind="text_link", href=m.group("url")))
        else:
            kind = m.lastgroup or "plain"
            inner = m.group(kind)
            if _depth < _MAX_NESTING and _MARKDOWN.search(inner):  # "**__text__**": the inner markup too
                pieces.extend(markdown_pieces(inner, _depth + 1))
            else:
                pieces.append(Piece(text=inner, kind=kind))
        pos = m.end()
    if pos < len(text) or not pieces:
        pieces.append(Piece(text=text[pos:]))
    return pieces


def _telethon_pieces(message: Mapping[str, Any]) -> list[Piece]:
    """Pieces of a Telethon message: entity offsets in UTF-16 units, converted once per text."""
    text = message.get("message") or ""
    if not isinstance(text, str):
        raise ParseError(f"expected the message text as a string, found {type(text).__name__}")
    raw = message.get("entities") or ()
    if not isinstance(raw, (list, tuple)):
        raise ParseError(f"expected the message's entities as a list, found {type(raw).__name__}")
    entities = []
    for e in raw:
        if isinstance(e, Mapping) and "offset" in e and "length" in e:
            if type(e["offset"]) is not int or type(e["length"]) is not int:
                raise ParseError(f"expected integer entity offsets, found {e['offset']!r} and {e['length']!r}")
            piece_kind(e.get("_"), "a Telethon entity")
            entities.append(e)
    entities.sort(key=lambda e: int(e["offset"]))
    units = Utf16Map(text)
    pieces: list[Piece] = []
    pos = 0
    for e in entities:
        try:
            span = units.span(int(e["offset"]), int(e["length"]))
        except ValueError as exc:
            raise ParseError(f"entity {e.get('_')} does not fit the message text: {exc}") from exc
        if span.start < pos:  # nested entities (bold inside a link) are kept as plain text
            continue
        if span.start > pos:
            pieces.append(Piece(text=text[pos : span.start]))
        kind = _TELETHON_KINDS.get(str(e.get("_")), str(e.get("_", "plain")))
        url = e.get("url")
        pieces.append(Piece(text=span.slice(text), kind=kind, href=url if isinstance(url, str) else None))
        pos = span.end
    if pos < len(text) or not pieces:
        pieces.append(Piece(text=text[pos:]))
    return pieces


def _as_datetime(value: object, field: str) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(value, str):
        return iso_time(value, field)
    return unix_time(value, field)


def _forward(fwd: object) -> Forward | None:
    if not isinstance(fwd, Mapping):
        return None
    sender = fwd.get("from_id")
    channel_id = sender.get("channel_id") if isinstance(sender, Mapping) else None
    name = fwd.get("from_name") or (f"channel {channel_id}" if channel_id else "unknown")
    message_id = int_field(fwd.get("channel_post"), "fwd_from.channel_post")
    author = fwd.get("post_author")
    return Forward.from_display(
        str(name),
        url=f"https://t.me/c/{channel_id}/{message_id}" if channel_id and message_id else None,
        message_id=message_id,
        author=author if isinstance(author, str) else None,
        posted_at=_as_datetime(fwd.get("date"), "fwd_from.date"),
    )


def _reply_to(reply: object) -> int | None:
    if isinstance(reply, Mapping) and isinstance(reply.get("reply_to_msg_id"), int):
        return int(reply["reply_to_msg_id"])
    return None


def _meta(message: Mapping[str, Any], channel: str | None) -> Meta:
    message_id = int_field(message.get("message_id", message.get("id")), "message id")
    name = message.get("channel", channel)
    name = name if isinstance(name, str) else None
    peer = message.get("peer_id")
    sender = message.get("sender_id")
    channel_id = peer.get("channel_id") if isinstance(peer, Mapping) else None
    if channel_id is None and type(sender) is int and str(sender).startswith("-100"):
        channel_id = int(str(sender)[4:])  # Bot API form of a channel id: -100 and the id
    url = None
    if message_id is not None and name and _USERNAME.fullmatch(name):
        url = f"https://t.me/{name.lstrip('@')}/{message_id}"
    elif message_id is not None and channel_id:
        url = f"https://t.me/c/{channel_id}/{message_id}"
    media = message.get("media")
    return Meta(
        channel=name,
        message_id=message_id,
        url=url,
        posted_at=_as_datetime(message.get("date"), "date"),
        forward=_forward(message.get("fwd_from")),
        author=message.get("post_author") if isinstance(message.get("post_author"), str) else None,
        reply_to=_reply_to(message.get("reply_to")),
        views=int_field(message.get("views"), "views"),
        media=(Media(kind=str(media.get("_", "media")) if isinstance(media, Mapping) else "media", text=""),)
        if media
        else (),
    )


def _message(message: Mapping[str, Any], channel: str | None) -> Message:
    if "message" in message and "text" not in message:
        return Message(pieces=_telethon_pieces(message), meta=_meta(message, channel), marks=ALL_MARKED)
    text = message.get("text") or ""
    if not isinstance(text, str):
        raise ParseError(f"expected the message text as a string, found {type(text).__name__}")
    return Message(pieces=markdown_pieces(text), meta=_meta(message, channel))


def client_messages(
    messages: Iterable[Any], channel: str | None = None, *, keep_going: bool = False
) -> Iterator[tuple[Post, str] | Skipped]:
    """The built Posts of client-library messages (see :func:`~mfaparse.telegram._messages.build_messages`)."""
    return build_messages(messages, lambda m: _message(m, channel), keep_going=keep_going, objects=True)


def parse_client_messages(messages: Iterable[Mapping[str, Any]], channel: str | None = None) -> TelegramDump:
    """Client-library messages (Markdown records or Telethon ``to_dict()``) as a dump of posts."""
    return message_dump(client_messages(mappings(messages, "parse_client_messages"), channel), None)


def iter_client_messages(messages: Iterable[Mapping[str, Any]], channel: str | None = None) -> Iterator[Post]:
    """Posts of client-library messages, one at a time (for JSONL files read line by line)."""
    return posts_of(client_messages(mappings(messages, "iter_client_messages"), channel))
