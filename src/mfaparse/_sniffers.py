"""The format sniffers of the registry: each answers whether the head of a text (or the first loaded JSON value)
is of one format. Vocabularies come from ``_lines/vocab.py``; parsers are imported lazily."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import regex

from mfaparse._lines import vocab
from mfaparse.tass.dateline import read_dateline

__all__ = [
    "head_of",
    "is_client",
    "is_export",
    "is_export_page",
    "is_fragments",
    "is_news_page",
    "is_records_csv",
    "is_tass_records",
    "is_tass_text",
    "is_web_page",
]

_HEAD = 4096


# Telegram layout: lines led by emoji (🎙, 📍, 💬, 🔹, flags), as agency text never has.
_EMOJI_LED_LINES = regex.compile(r"(?m)^[\p{Extended_Pictographic}\p{RI}]")


def head_of(text: str) -> str:
    return text[:_HEAD].lstrip("\ufeff \t\r\n")


def _telegram_signs(text: str) -> bool:
    head = head_of(text)
    for line in head.split("\n"):
        stripped = line.strip()
        if stripped.startswith(vocab.FORWARD_STARTS) and vocab.FORWARD.fullmatch(stripped):
            return True
    if vocab.SUBSCRIBER_LINE.search(head):
        return True
    return len(_EMOJI_LED_LINES.findall(text[: _HEAD * 4])) >= 2


def _agency_signs(text: str) -> bool:
    """A dateline (``MOSCOW, October 13. /TASS/.``, ``ХАБАРОВСК, 5 мар – РИА Новости.``, a scraper's ``date
    2024-08-28`` label before one) opening one of the first lines, or the site's own chrome (share widgets, the
    "All news" crumb). An agency mark elsewhere in a line (a README quoting one, a table of notes) is no sign."""
    sample = text[: _HEAD * 4]
    lines = [line.strip() for line in sample.split("\n")[:_SNIFF_LINES]]
    if any(vocab.SHARE.fullmatch(line) or vocab.SITE_CRUMB.fullmatch(line) for line in lines):
        return True
    if vocab.AGENCY_MARK.search(sample) is None and not any(hint in sample for hint in _WIRE_HINTS):
        return False  # no agency's words at all: no dateline to look for
    return any(read_dateline(_LABEL.sub("", line)) for line in lines)


# Wire credits without a slashed agency mark: "INTERFAX.RU -", "РИА Новости.", "(Reuters) -"
_WIRE_HINTS = ("INTERFAX", "Интерфакс", "РИА Новости", "риа новости", "RIA Novosti", "Sputnik", "(Reuters)", "ТАСС,")
_LABEL = regex.compile(r"(?i)^(?:date|published|дата)\s*:?\s*\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d)?\s+")
# Telegram text with no header or emoji layout still has its words: a hashtag ("#Election2024"), a mention
# ("@MID_Russia"), a link line ("Read in full"), a media placeholder ("Media is too big")
_TELEGRAM_WORDS = regex.compile(
    r"(?m)(?:^|\s)#\p{L}[\p{L}\p{N}_]*|(?:^|\s)@[A-Za-z]\w{4,31}"
    r"|^\s*(?:👉\s*)?(?:Read\ in\ full|Читать\ полностью)\s*$|^(?:Media\ is\ too\ big|Please\ open\ Telegram)",
    flags=regex.V1,
)


_SNIFF_LINES = 40


def is_tass_text(text: str) -> bool:
    return not _telegram_signs(text) and _agency_signs(text)


def is_telegram_text(text: str) -> bool:
    """Telegram plain text: a forward header, a channel header, emoji-led lines, or Telegram's words (a hashtag, a
    mention, ``Read in full``, a media placeholder) near the top. Other text is no known format."""
    return _telegram_signs(text) or _TELEGRAM_WORDS.search(text, 0, _HEAD * 4) is not None


def is_web_page(text: str) -> bool:
    return "tgme_widget_message" in text or "tgme_channel_info" in text


def is_export_page(text: str) -> bool:
    return 'class="history"' in text or "page_header" in head_of(text)


def _first_object(value: Any) -> Mapping[str, Any] | None:
    return value if isinstance(value, Mapping) else None


def is_export(value: Any) -> bool:
    first = _first_object(value)
    return first is not None and isinstance(first.get("messages"), list)


def is_tass_records(value: Any) -> bool:
    """An ``{"articles": [...]}`` batch, or an object with a title and a body, lead or link under any of the names
    scrapers use (``vocab.RECORD_FIELDS``): ``{"title", "text"}``, ``{"headline", "link"}``."""
    first = _first_object(value)
    if first is None:
        return False
    if isinstance(first.get("articles"), list):
        return True
    fields = {vocab.RECORD_ALIASES.get(str(key).strip().lower()) for key in first}
    return "title" in fields and bool(fields & {"body", "lead", "url"}) and not set(first) & _MESSAGE_KEYS


_MESSAGE_KEYS = frozenset({"message_id", "message", "html", "messages"})


def is_records_csv(text: str) -> bool:
    from mfaparse.tass.csv_records import is_records_header  # noqa: PLC0415  # lazily, as the parsers

    return is_records_header(head_of(text).split("\n", 1)[0])


def is_fragments(value: Any) -> bool:
    first = _first_object(value)
    return first is not None and "html" in first


def is_client(value: Any) -> bool:
    first = _first_object(value)
    return first is not None and (bool(set(first) & {"message", "message_id"}) or first.get("_") == "Message")


def is_news_page(text: str) -> bool:
    from mfaparse.tass.html import is_news_page  # noqa: PLC0415  # lazily, as the parsers

    return is_news_page(text)
