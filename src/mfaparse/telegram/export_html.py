"""Telegram Desktop HTML exports (``messages.html``, ``messages2.html``, ...) into Post records.

``div.message.default`` blocks are messages; a ``joined`` one inherits the sender of the one before; service
blocks (date dividers, pins) are skipped; the ``title`` of ``div.date`` gives the full time with its UTC
offset; ``div.forwarded.body`` holds a forward (its ``from_name`` and original time).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from mfaparse._model.documents import Channel, Forward, Media, Post, TelegramDump
from mfaparse.errors import ParseError
from mfaparse.telegram._html import html_parser, node_pieces, node_text
from mfaparse.telegram._messages import Message, Meta, Skipped, build_messages, message_dump

__all__ = ["export_html_messages", "parse_telegram_export_html"]

# A message's full time, as in a date block's title: "03.12.2025 19:07:11 UTC+02:00".
_STAMP = re.compile(r"(\d\d)\.(\d\d)\.(\d{4}) (\d\d):(\d\d):(\d\d)(?: UTC([+-])(\d\d):(\d\d))?")
_MESSAGE_ID = re.compile(r"message-?(\d+)")
_REPLY = re.compile(r"go_to_message(\d+)")


def _stamp(value: str | None) -> dt.datetime | None:
    m = _STAMP.search(value or "")
    if m is None:
        return None
    day, month, year, hour, minute, second = (int(m.group(k)) for k in range(1, 7))
    offset = dt.timedelta(0)
    if m.group(7):
        offset = dt.timedelta(hours=int(m.group(8)), minutes=int(m.group(9))) * (-1 if m.group(7) == "-" else 1)
    try:
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.timezone(offset))
    except ValueError as exc:  # "31.02.2025 25:00:00", "UTC+25:00"
        raise ParseError(f"expected a time such as 03.12.2025 19:07:11 UTC+02:00, found {m.group()!r}: {exc}") from exc


_WRAP_KINDS = (("sticker_wrap", "sticker"), ("photo_wrap", "photo"), ("video_file_wrap", "video_file"),
               ("animated_wrap", "animation"), ("video_message_wrap", "video_message"))  # fmt: skip


def _media_kind(wrap: Any) -> str:
    """The kind of a media block: ``sticker``, ``photo``, ``video_file``, ``animation``, ``voice_message``, ...
    (from the ``*_wrap`` link's class, or the ``media_*`` class of the link). A sticker file is a sticker even
    where the export's class calls it a photo (``media_photo`` on ``stickers/AnimatedSticker.tgs``)."""
    for node in wrap.css("a, div"):
        href = node.attributes.get("href") or ""
        if href.startswith("stickers/") or href.endswith((".tgs", ".webp")):
            return "sticker"
        classes = (node.attributes.get("class") or "").split()
        for wrap_class, kind in _WRAP_KINDS:
            if wrap_class in classes:
                return kind
        found = next((c.removeprefix("media_") for c in classes if c.startswith("media_") and c != "media_wrap"), None)
        if found:
            return found
    return "media"


def _forward(body: Any) -> Forward | None:
    node = body.css_first("div.forwarded.body")
    if node is None:
        return None
    name_node = node.css_first("div.from_name")
    date_node = name_node.css_first("span.date") if name_node is not None else None
    raw = node_text(name_node)
    if date_node is not None:
        raw = raw.replace(node_text(date_node), "").strip()
    return Forward.from_display(
        raw,
        posted_at=_stamp(date_node.attributes.get("title") if date_node is not None else None),
    )


_HTML_MARKS = frozenset({"hashtag", "link"})
"""A Desktop HTML export marks hashtags (``ShowHashtag`` anchors) and links; mentions are found in the text."""


def _nodes(doc: Any, channel: str | None) -> Any:
    """Each message block with the channel it is posted under: the sender it shows or inherits (a ``joined``
    block has no name of its own), as in the JSON export; the export's own name where none is shown."""
    sender: str | None = None
    for node in doc.css("div.message.default"):
        body = node.css_first("div.body")
        if body is None:
            continue
        name = next((c for c in body.iter() if "from_name" in (c.attributes.get("class") or "").split()), None)
        if name is not None:  # the message's own name, not a forward's inside it (a joined message has none)
            sender = Channel.from_display(node_text(name)).name
        yield node, body, sender or channel


def _message(item: tuple[Any, Any, str | None]) -> Message:
    node, body, sender = item
    forward = _forward(body)
    text_node = (body.css_first("div.forwarded.body div.text") if forward else None) or body.css_first("div.text")
    media = tuple(Media(kind=_media_kind(m), text=node_text(m)) for m in body.css("div.media_wrap"))
    date = body.css_first("div.date")
    ident = _MESSAGE_ID.match(node.attributes.get("id") or "")
    reply = body.css_first("div.reply_to a")
    replied = _REPLY.search(reply.attributes.get("href") or "") if reply is not None else None
    meta = Meta(
        channel=sender,
        message_id=int(ident.group(1)) if ident else None,
        posted_at=_stamp(date.attributes.get("title") if date is not None else None),
        forward=forward,
        media=media,
        reply_to=int(replied.group(1)) if replied else None,
    )
    return Message(pieces=node_pieces(text_node), meta=meta, marks=_HTML_MARKS)


def parse_telegram_export_html(html: str) -> TelegramDump:
    """A Desktop HTML export page as a dump of posts (spans into the texts joined by blank lines).

    Needs ``pip install 'mfaparse[html]'``. HTML without Desktop-export messages is a ParseError.
    """
    if not isinstance(html, str):
        raise TypeError(f"parse_telegram_export_html() takes str, not {type(html).__name__}")
    channel, built = export_html_messages(html)
    return message_dump(built, channel)


def export_html_messages(
    html: str, *, keep_going: bool = False
) -> tuple[Channel | None, Iterator[tuple[Post, str] | Skipped]]:
    """The channel of a Desktop HTML export page and its built messages (see
    :func:`~mfaparse.telegram._messages.build_messages`)."""
    doc = html_parser(html)
    if doc.css_first("div.history") is None:
        raise ParseError("expected a Telegram Desktop HTML export: no div.history with messages")
    title = node_text(doc.css_first("div.page_header div.text")) or None
    channel = Channel.from_display(title) if title else None
    return channel, build_messages(_nodes(doc, channel.name if channel else None), _message, keep_going=keep_going)
