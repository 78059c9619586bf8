"""Telegram web pages — ``t.me/s/<channel>`` previews, single-post embeds, message-text HTML fragments.

>>> html = ('<div class="tgme_widget_message" data-post="MFARussia/100">'
...         '<div class="tgme_widget_message_forwarded_from">Forwarded from <a class="tgme_widget_message_'
...         'forwarded_from_name" href="https://t.me/MID_Russia/5">МИД России <i class="emoji"><b>🇷🇺</b></i></a></div>'
...         '<div class="tgme_widget_message_text">Lavrov: <a href="?q=%23ASEAN">#ASEAN</a><br>'
...         '<a href="https://mid.ru/1">Read in full</a></div>'
...         '<a class="tgme_widget_message_date"><time datetime="2024-11-06T12:00:00+00:00"></time></a></div>')
>>> post = parse_telegram_web(html).posts[0]
>>> post.url, post.forward.name, post.forward.flags, post.forward.message_id, post.text
('https://t.me/MFARussia/100', 'МИД России', ('RU',), 5, 'Lavrov: #ASEAN')
>>> [(lk.text, lk.url) for lk in post.links], post.posted_at.isoformat()
([('Read in full', 'https://mid.ru/1')], '2024-11-06T12:00:00+00:00')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from mfaparse.documents import Channel, Forward, Media, Post, TelegramDump
from mfaparse.emoji import name_and_flags
from mfaparse.errors import ParseError
from mfaparse.telegram.html_text import html_parser, node_pieces, node_text
from mfaparse.telegram.messages import MessageMeta, Piece, message_dump, message_posts
from mfaparse.telegram.text import channel_record

__all__ = ["iter_html_fragments", "parse_telegram_web"]

_POST_URL = re.compile(r"https?://t\.me/(?:s/)?(?P<channel>[A-Za-z0-9_]{4,32})/(?P<id>\d+)")
_COUNT = re.compile(r"(?P<n>\d+(?:[.,]\d+)?)\s*(?P<mult>[KM]?)")
_MEDIA_SELECTORS = (
    (".message_media_not_supported_label", "unsupported"),
    (".tgme_widget_message_photo_wrap", "photo"),
    (".tgme_widget_message_video_player", "video"),
    (".tgme_widget_message_document", "file"),
)
_COUNTER_NAMES = {"subscriber": "subscribers", "member": "subscribers", "photo": "photos", "video": "videos",
                  "file": "files", "link": "links"}  # fmt: skip


def _number(text: str) -> int | None:
    m = _COUNT.search(text)
    if m is None:
        return None
    return round(float(m.group("n").replace(",", ".")) * {"K": 1_000, "M": 1_000_000}.get(m.group("mult"), 1))


def _channel(doc: Any) -> Channel | None:
    title = doc.css_first(".tgme_channel_info_header_title")
    if title is None:
        return None
    name, flags = name_and_flags(node_text(title))
    counts: dict[str, int | None] = {}
    for counter in doc.css(".tgme_channel_info_counter"):
        kind = node_text(counter.css_first(".counter_type")).lower().rstrip("s")
        field = _COUNTER_NAMES.get(kind)
        if field:
            counts[field] = _number(node_text(counter.css_first(".counter_value")))
    username = node_text(doc.css_first(".tgme_channel_info_header_username")).lstrip("@") or None
    description = node_text(doc.css_first(".tgme_channel_info_description")) or None
    return channel_record(name, flags, counts, username=username, description=description)


def _forward(node: Any) -> Forward | None:
    link = node.css_first(".tgme_widget_message_forwarded_from_name")
    if link is None:
        return None
    name, flags = name_and_flags(node_text(link))
    href = link.attributes.get("href")
    m = _POST_URL.match(href or "")
    return Forward(name=name, flags=flags, url=href, message_id=int(m.group("id")) if m else None)


def _time(node: Any) -> dt.datetime | None:
    stamp = node.css_first("time[datetime]")
    value = stamp.attributes.get("datetime") if stamp is not None else None
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise ParseError(f"expected an ISO time in <time datetime>, found {value!r}") from exc


def _media(node: Any) -> tuple[Media, ...]:
    found: list[Media] = []
    for selector, kind in _MEDIA_SELECTORS:
        found.extend(Media(kind=kind, text=node_text(hit)) for hit in node.css(selector))
    return tuple(found)


def _reply_to(node: Any) -> int | None:
    reply = node.css_first("a.tgme_widget_message_reply")
    m = _POST_URL.match((reply.attributes.get("href") or "") if reply is not None else "")
    return int(m.group("id")) if m else None


def _own_text(node: Any) -> Any:
    """The message's own text block, not the one quoted in its reply header."""
    for text in node.css(".tgme_widget_message_text"):
        parent = text.parent
        while (
            parent is not None
            and parent is not node
            and "tgme_widget_message_reply" not in (parent.attributes.get("class") or "")
        ):
            parent = parent.parent
        if parent is None or parent is node or parent == node:
            return text
    return None


def _address(node: Any) -> str | None:
    """``channel/123`` from ``data-post``, or from the post link of an embed page."""
    data_post = node.attributes.get("data-post")
    if data_post:
        return str(data_post)
    for selector in (".tgme_widget_message_link a", "a.tgme_widget_message_date"):
        link = node.css_first(selector)
        m = _POST_URL.match((link.attributes.get("href") or "") if link is not None else "")
        if m:
            return f"{m.group('channel')}/{m.group('id')}"
    return None


def _messages(doc: Any, channel: Channel | None) -> Iterator[tuple[list[Piece], MessageMeta]]:
    for node in doc.css(".tgme_widget_message"):
        address = _address(node)
        username, _, number = (address or "").partition("/")
        message_id = int(number) if number.isdigit() else None
        forward = _forward(node)
        meta = MessageMeta(
            channel=channel.name if channel else (username or None),
            message_id=message_id,
            url=f"https://t.me/{address}" if message_id is not None else None,
            posted_at=_time(node),
            forward=forward,
            media=_media(node),
            author=node_text(node.css_first(".tgme_widget_message_from_author")) or None,
            reply_to=_reply_to(node),
            views=_number(node_text(node.css_first(".tgme_widget_message_views"))) or None,
        )
        yield node_pieces(_own_text(node)), meta


def parse_telegram_web(html: str) -> TelegramDump:
    """A saved ``t.me/s/<channel>`` page or embed page as a dump: the channel header and its posts.

    ``TelegramDump.source`` is the posts' texts joined by blank lines; spans point into it. HTML without
    Telegram messages is a :class:`~mfaparse.ParseError`. Needs ``pip install 'mfaparse[html]'``.
    """
    if not isinstance(html, str):
        raise TypeError(f"parse_telegram_web() takes str, not {type(html).__name__}")
    doc = html_parser(html)
    channel = _channel(doc)
    built = list(message_posts(_messages(doc, channel)))
    if not built and channel is None:
        raise ParseError("expected a Telegram web page: no .tgme_widget_message and no channel header")
    return message_dump(built, channel)


def iter_html_fragments(records: Iterable[Mapping[str, Any]]) -> Iterator[Post]:
    """Posts from scraped message-text HTML fragments (``{"html", "channel", "publishedAt", ...}`` records).

    Newlines in a fragment are line breaks (scrapers keep them so); spans point into each record's text
    joined in order, as :func:`parse_telegram_web` does.
    """
    yield from (post for post, _ in message_posts(_fragments(records)))


def _fragments(records: Iterable[Mapping[str, Any]]) -> Iterator[tuple[list[Piece], MessageMeta]]:
    for record in records:
        if not isinstance(record, Mapping):
            raise TypeError(f"expected fragment records as mappings, not {type(record).__name__}")
        html = record.get("html") or ""
        if not isinstance(html, str):
            raise ParseError(f"expected the fragment's html as a string, found {type(html).__name__}")
        body = html_parser(f"<div>{html}</div>").css_first("div")
        channel = record.get("channel")
        name = channel.lstrip("@") if isinstance(channel, str) else None
        published = record.get("publishedAt")
        posted_at = None
        if isinstance(published, str):
            stamp = dt.datetime.fromisoformat(published.replace(" ", "T"))
            posted_at = stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.timezone.utc)
        meta = MessageMeta(channel=name, posted_at=posted_at)
        yield node_pieces(body, newlines=True), meta
