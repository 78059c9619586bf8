"""Which format a text is, from its content (the file name only breaks ties), and ``parse()`` that dispatches.

>>> detect("Forwarded from Russian MFA 🇷🇺\\nText")
'telegram-text'
>>> detect("Title\\nMOSCOW, October 13. /TASS/. Text")
'tass-text'
>>> detect('{"messages": [{"id": 1, "type": "message", "text": "x"}]}')
'telegram-export-json'
>>> type(parse("Title\\nMOSCOW, October 13. /TASS/. Text")).__name__
'Article'
"""

from __future__ import annotations

import json
import typing
from collections.abc import Mapping
from typing import Any, Literal

import regex

from mfaparse.documents import Article, TelegramDump
from mfaparse.errors import ParseError

__all__ = ["FORMATS", "Format", "detect", "parse", "parse_as"]

Format = Literal[
    "telegram-text",
    "tass-text",
    "telegram-export-json",
    "telegram-export-html",
    "telegram-web-html",
    "telegram-client-json",
    "html-fragments",
    "tass-records",
]
FORMATS: tuple[Format, ...] = typing.get_args(Format)
"""Every format name :func:`detect` can answer and :func:`parse_as` takes."""
_HEAD = 4096
_TASS_DATELINE = regex.compile(r"/\s*(?:Корр\.\s*)?(?:ИТАР-)?(?:TASS|ТАСС)[^/\n]{0,60}/\s*[.:]")
# Telegram layout: lines led by emoji (🎙, 📍, 💬, 🔹, flags), as TASS text never has.
_EMOJI_LED = regex.compile(r"(?m)^[\p{Extended_Pictographic}\p{RI}]")
_EMOJI_LINES = 2
# tass.com page furniture, when an article has no dateline: share widgets, the "All news" crumb.
_TASS_WORD = regex.compile(r"^(?:- Share on \w+|All news|Все новости)$", flags=regex.MULTILINE)
_TELEGRAM_TEXT = regex.compile(
    r"(?m)^(?:Forwarded from|Переслано от)\s|^\d+(?:[.,]\d+)?[KКM]?\s+(?:subscribers|подписчик)"
)


def _records(text: str) -> list[Any]:
    """JSON or JSON Lines as a list of values; ParseError when it is neither."""
    try:
        value = json.loads(text)
        return value if isinstance(value, list) else [value]
    except json.JSONDecodeError as whole:
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            return [json.loads(line) for line in lines]
        except json.JSONDecodeError:
            raise ParseError(f"expected JSON or JSON Lines: {whole.msg}", position=whole.pos) from whole


def _json_format(values: list[Any]) -> Format:
    first = values[0] if values else None
    if isinstance(first, Mapping):
        keys = set(first)
        if isinstance(first.get("messages"), list):
            return "telegram-export-json"
        if isinstance(first.get("articles"), list) or (
            "title" in keys and keys & {"body", "content", "paragraphs", "lead"}
        ):
            return "tass-records"
        if "html" in keys:
            return "html-fragments"
        if keys & {"message", "message_id"} or first.get("_") == "Message":
            return "telegram-client-json"
    raise ParseError("expected a Telegram export, client messages or TASS records: the JSON has none of their keys")


def detect(text: str, name: str | None = None) -> Format:
    """The format of ``text``; ``name`` (a file name) is a hint for plain text only."""
    if not isinstance(text, str):
        raise TypeError(f"detect() takes str, not {type(text).__name__}")
    head = text[:_HEAD].lstrip("\ufeff \t\r\n")
    if head.startswith("<") or "<html" in head.lower():
        if "tgme_widget_message" in text or "tgme_channel_info" in text:
            return "telegram-web-html"
        if 'class="history"' in text or "page_header" in head:
            return "telegram-export-html"
        raise ParseError("expected Telegram HTML (a t.me/s page or a Desktop export): this page is neither")
    if head.startswith(("{", "[")):
        return _json_format(_records(text))
    sample = text[: _HEAD * 4]
    telegram = bool(_TELEGRAM_TEXT.search(head)) or len(_EMOJI_LED.findall(sample)) >= _EMOJI_LINES
    if not telegram and (_TASS_DATELINE.search(sample) or _TASS_WORD.search(sample)):
        return "tass-text"
    return "telegram-text"


def parse_as(text: str, fmt: Format) -> Article | TelegramDump | list[Article] | list[Any]:
    """Parse ``text`` as ``fmt``: an Article, a TelegramDump, or a list of Articles (TASS records)."""
    from mfaparse import (  # noqa: PLC0415  # the dispatcher imports the parsers it dispatches to
        iter_html_fragments,
        parse_client_messages,
        parse_tass,
        parse_tass_record,
        parse_telegram,
        parse_telegram_export,
        parse_telegram_export_html,
        parse_telegram_web,
    )

    if fmt == "telegram-text":
        return parse_telegram(text)
    if fmt == "tass-text":
        return parse_tass(text)
    if fmt == "telegram-export-html":
        return parse_telegram_export_html(text)
    if fmt == "telegram-web-html":
        return parse_telegram_web(text)
    values = _records(text)
    if fmt == "telegram-export-json":
        return parse_telegram_export(values[0])
    if fmt == "telegram-client-json":
        return parse_client_messages(values)
    if fmt == "html-fragments":
        return list(iter_html_fragments(values))
    if fmt == "tass-records":
        records = values[0]["articles"] if isinstance(values[0], Mapping) and "articles" in values[0] else values
        return [parse_tass_record(r) for r in records]
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def parse(text: str) -> Article | TelegramDump | list[Article] | list[Any]:
    """Detect the format of ``text`` and parse it (see :func:`detect` and :func:`parse_as`)."""
    return parse_as(text, detect(text))
