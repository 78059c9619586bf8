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

from mfaparse._lines import vocab
from mfaparse._model.documents import Channel, Forward, Media, Post, TelegramDump
from mfaparse._text.dates import iso_time
from mfaparse.errors import ParseError
from mfaparse.telegram._html import html_parser, node_pieces, node_text
from mfaparse.telegram._messages import Message, Meta, Skipped, build_messages, mappings, message_dump, posts_of

__all__ = ["fragment_messages", "iter_html_fragments", "parse_telegram_web", "web_messages"]

_POST_URL = re.compile(r"https?://t\.me/(?:s/)?(?P<channel>[A-Za-z0-9_]{4,32})/(?P<id>\d+)")
_MEDIA_SELECTORS = (
    (".message_media_not_supported_label", "unsupported"),
    (".tgme_widget_message_photo_wrap", "photo"),
    (".tgme_widget_message_video_player", "video"),
    (".tgme_widget_message_document", "file"),
)
_WEB_MARKS = frozenset({"hashtag", "link"})
"""A t.me page marks hashtags (``?q=%23`` links) and links; mentions are found in the text."""
_COUNT = re.compile(r"(\d+(?:[.,]\d+)?)\s*([KMКМ]?)")


def _number(text: str) -> int | None:
    m = _COUNT.search(text)
    return vocab.parse_count(m.group(1), m.group(2)) if m else None


def _channel(doc: Any) -> Channel | None:
    title = doc.css_first(".tgme_channel_info_header_title")
    if title is None:
        return None
    counts: dict[str, int | None] = {}
    for counter in doc.css(".tgme_channel_info_counter"):
        word = node_text(counter.css_first(".counter_type"))
        if word:
            counts.setdefault(vocab.counter_field(word), _number(node_text(counter.css_first(".counter_value"))))
    username = node_text(doc.css_first(".tgme_channel_info_header_username")).lstrip("@") or None
    description = node_text(doc.css_first(".tgme_channel_info_description")) or None
    return Channel.from_display(node_text(title), counts, username=username, description=description)


def _forward(node: Any) -> Forward | None:
    link = node.css_first(".tgme_widget_message_forwarded_from_name")
    if link is None:
        return None
    href = link.attributes.get("href")
    m = _POST_URL.match(href or "")
    return Forward.from_display(node_text(link), url=href, message_id=int(m.group("id")) if m else None)


def _time(node: Any) -> dt.datetime | None:
    stamp = node.css_first("time[datetime]")
    value = stamp.attributes.get("datetime") if stamp is not None else None
    return iso_time(value, "<time datetime>") if value else None


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


def _message(node: Any, channel: Channel | None) -> Message:
    address = _address(node)
    username, _, number = (address or "").partition("/")
    message_id = int(number) if number.isdigit() else None
    meta = Meta(
        channel=channel.name if channel else (username or None),
        message_id=message_id,
        url=f"https://t.me/{address}" if message_id is not None else None,
        posted_at=_time(node),
        forward=_forward(node),
        media=_media(node),
        author=node_text(node.css_first(".tgme_widget_message_from_author")) or None,
        reply_to=_reply_to(node),
        views=_number(node_text(node.css_first(".tgme_widget_message_views"))) or None,
    )
    return Message(pieces=node_pieces(_own_text(node)), meta=meta, marks=_WEB_MARKS)


def parse_telegram_web(html: str) -> TelegramDump:
    """A saved ``t.me/s/<channel>`` page or embed page as a dump: the channel header and its posts.

    ``TelegramDump.source`` is the posts' texts joined by blank lines; spans point into it. HTML without
    Telegram messages is a :class:`~mfaparse.ParseError`. Needs ``pip install 'mfaparse[html]'``.
    """
    if not isinstance(html, str):
        raise TypeError(f"parse_telegram_web() takes str, not {type(html).__name__}")
    channel, built = web_messages(html)
    return message_dump(built, channel)


def web_messages(html: str, *, keep_going: bool = False) -> tuple[Channel | None, Iterator[tuple[Post, str] | Skipped]]:
    """The channel header of a t.me page and its built messages (see
    :func:`~mfaparse.telegram._messages.build_messages`)."""
    doc = html_parser(html)
    channel = _channel(doc)
    nodes = doc.css(".tgme_widget_message")
    if not nodes and channel is None:
        raise ParseError("expected a Telegram web page: no .tgme_widget_message and no channel header")
    return channel, build_messages(nodes, lambda node: _message(node, channel), keep_going=keep_going)


def iter_html_fragments(records: Iterable[Mapping[str, Any]]) -> Iterator[Post]:
    """Posts from scraped message-text HTML fragments (``{"html", "channel", "publishedAt", ...}`` records).

    Newlines in a fragment are line breaks (scrapers keep them so); spans point into each record's text
    joined in order, as :func:`parse_telegram_web` does.
    """
    yield from posts_of(fragment_messages(mappings(records, "iter_html_fragments")))


def fragment_messages(records: Iterable[Any], *, keep_going: bool = False) -> Iterator[tuple[Post, str] | Skipped]:
    """The built Posts of fragment records (see :func:`~mfaparse.telegram._messages.build_messages`)."""
    return build_messages(records, _fragment, keep_going=keep_going, objects=True)


def _fragment(record: Mapping[str, Any]) -> Message:
    html = record.get("html") or ""
    if not isinstance(html, str):
        raise ParseError(f"expected the fragment's html as a string, found {type(html).__name__}")
    body = html_parser(f"<div>{html}</div>").css_first("div")
    channel = record.get("channel")
    published = record.get("publishedAt")
    meta = Meta(
        channel=channel.lstrip("@") if isinstance(channel, str) else None,
        posted_at=iso_time(published, "publishedAt") if isinstance(published, str) else None,
    )
    return Message(pieces=node_pieces(body, newlines=True), meta=meta, marks=_WEB_MARKS)
