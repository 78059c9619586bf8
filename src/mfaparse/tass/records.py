"""Scraped article records — JSON objects, JSON Lines, CSV/TSV rows — of any common shape into Articles.

Field names are matched case-insensitively from the names scrapers and data sets use (:data:`FIELDS`); values of
``-``, ``null`` or nothing are missing. The body may be a string, HTML, a list of paragraphs or of ``{"text": ...}``
objects. Columns the model has no field for stay on the record (``Article.extra``).

>>> art = parse_tass_record({"title": "Ukrainian officials deny cholera outbreak  --  spokesman",
...                          "body": "GENISCHESK, June 27. /TASS/. Officials deny it.",
...                          "dateTime": "2024-06-27T12:26:08Z", "url": "https://tass.com/world/1809373"})
>>> art.title, art.dateline.city, art.published.isoformat(), art.url
('Ukrainian officials deny cholera outbreak — spokesman', 'GENISCHESK', '2024-06-27T12:26:08+00:00', 'https://tass.com/world/1809373')
>>> art = parse_tass_record({"Headline": "Итоги дня", "Link": "/politika/1234567", "edition": "tass.ru", "views": 12})
>>> art.title, art.paragraphs, art.url, art.extra
('Итоги дня', (), 'https://tass.ru/politika/1234567', (('views', 12),))
"""

from __future__ import annotations

import datetime as dt
import html.parser
import json
import math
import urllib.parse
from collections.abc import Mapping
from typing import Any

import regex

from mfaparse._lines.vocab import RECORD_ALIASES, RECORD_FIELDS
from mfaparse._model.base import PartialDateTime
from mfaparse._model.documents import Article
from mfaparse._text.dates import MOSCOW, iso_time, moscow_day, unix_time
from mfaparse._text.normalize import normalize
from mfaparse.errors import ParseError
from mfaparse.tass.text import Known, build_article

__all__ = ["FIELDS", "MISSING", "parse_tass_record", "record_text"]

FIELDS = RECORD_FIELDS
"""The record fields and the names they go by, matched case-insensitively, the first present one winning."""
MISSING = frozenset({"", "-", "null", "none", "nan"})
"""Values that mean "missing" (compared stripped and in lower case)."""
_ALIAS = RECORD_ALIASES
# A news API's rendering of an em dash: "Kherson  --  spokesman".
_DOUBLE_HYPHEN = regex.compile(r"\s+--\s+")
_HTML_TAG = regex.compile(
    r"</?(?:p|br|div|strong|b|i|em|a|span|h[1-6]|li|ul|ol|blockquote)\b[^<>]{0,500}>", flags=regex.I
)
_HOST = regex.compile(r"(?:https?://)?[\w.-]+\.[a-z]{2,}/?", flags=regex.IGNORECASE)
_DATE_ONLY = regex.compile(r"\d{4}-\d\d-\d\d")
# Data sets that lost their newlines write them as a literal "n": "...во вторник.n«Федерация...", "—nзаявилnон".
_GLUED_BREAK = regex.compile(r"(?<=[.!?…»\"”)])n(?=[«\"“\p{Lu}—–-])")
_GLUED_SPACE = regex.compile(r"(?<=[\p{Cyrillic}—–,])n(?=[\p{Cyrillic}«\"“(—–-])")
_GLUED_NOTHING = regex.compile(r"(?<=\p{Cyrillic})n(?=[,.;:!?)»])")  # "постановлениеn," was "постановление\n,"
_GLUED_EVIDENCE = 2
_PARAGRAPH_KEYS = ("text", "content", "value", "body")


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value.strip().lower() in MISSING


def _fields(record: Mapping[Any, Any]) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
    """The record's values by model field — of several names of one field, the one first in :data:`FIELDS` —
    and every other column that is not missing, in the record's order."""
    present = [(str(key), value) for key, value in record.items() if not _missing(value)]
    best: dict[str, tuple[int, int]] = {}  # field -> (rank of its name in FIELDS, position in present)
    for position, (name, _) in enumerate(present):
        alias = name.strip().lower()
        field = _ALIAS.get(alias)
        if field is not None:
            rank = FIELDS[field].index(alias)
            if field not in best or rank < best[field][0]:
                best[field] = (rank, position)
    chosen = {position: field for field, (_, position) in best.items()}
    found = {field: present[position][1] for position, field in chosen.items()}
    return found, [column for position, column in enumerate(present) if position not in chosen]


def _text(value: object, field: str, *, numbers: bool = False) -> str:
    """A text field's value; a number only where ``numbers`` (an id may be one)."""
    if isinstance(value, str):
        return value
    if numbers and type(value) is int:
        return str(value)
    raise ParseError(f"expected text in the record's {field}, found {type(value).__name__}")


class _Paragraphs(html.parser.HTMLParser):
    """The text of an HTML body, a paragraph per block element (stdlib parser: linear, no extra needed)."""

    _BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _from_html(body: str) -> str:
    reader = _Paragraphs()
    reader.feed(body)
    reader.close()
    paragraphs = (" ".join(part.split()) for part in "".join(reader.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _repair_glued_newlines(body: str) -> tuple[str, bool]:
    """A body whose newlines the data set wrote as ``n`` gets them back: at a sentence end before a capital or a
    quote a paragraph break, between words (an inline link's own line) a space, before punctuation nothing. Only a
    body with no newline of its own and at least two such sentence ends is touched; the record says so in
    ``extra`` (``_repaired``)."""
    if "\n" in body or len(_GLUED_BREAK.findall(body, concurrent=False)[:_GLUED_EVIDENCE]) < _GLUED_EVIDENCE:
        return body, False
    return _GLUED_NOTHING.sub("", _GLUED_SPACE.sub(" ", _GLUED_BREAK.sub("\n\n", body))), True


def _body(value: object) -> tuple[list[str], bool]:
    """The body's paragraphs (a string, HTML, a list of strings or of ``{"text": ...}`` objects), and whether
    glued newlines were repaired."""
    if isinstance(value, str):
        text = _from_html(value) if _HTML_TAG.search(value) else value
        text, repaired = _repair_glued_newlines(text)
        return [text], repaired
    if isinstance(value, list):
        paragraphs: list[str] = []
        for entry in value:
            item = (
                next((entry[k] for k in _PARAGRAPH_KEYS if k in entry), None) if isinstance(entry, Mapping) else entry
            )
            if _missing(item):
                continue
            if not isinstance(item, str):
                raise ParseError(
                    f"expected the body's paragraphs as strings or {{text}} objects, found {type(item).__name__}"
                )
            paragraphs.append(_from_html(item) if _HTML_TAG.search(item) else item)
        return paragraphs, False
    raise ParseError(f"expected the record's body as text or a list of paragraphs, found {type(value).__name__}")


def _published(value: object) -> dt.datetime | PartialDateTime:
    """An aware datetime from an ISO string (naive ones are Moscow time, as the agencies write) or a Unix time; an
    ISO date alone (``2024-10-13``) is a PartialDateTime of that day."""
    if isinstance(value, str):
        stripped = value.strip()
        if _DATE_ONLY.fullmatch(stripped):
            return moscow_day(iso_time(stripped, "the record's date").date())
        if stripped.isdigit():
            return unix_time(stripped, "the record's date")
        return iso_time(stripped, "the record's date", naive=MOSCOW)
    return unix_time(value, "the record's date")


def _url(value: object, site: object, base_url: str | None) -> str:
    """The record's link, a relative one resolved against ``base_url`` or the site the record names; a link that
    is no URL at all (``[broken``) is kept as the record gives it."""
    url = _text(value, "url").strip()
    base = base_url
    if base is None and isinstance(site, str) and _HOST.fullmatch(site.strip()):
        base = site.strip() if "://" in site else f"https://{site.strip()}"
    try:
        if urllib.parse.urlsplit(url).scheme or not base:
            return url
        return urllib.parse.urljoin(base if base.endswith("/") else base + "/", url)
    except ValueError:  # urllib's word for a malformed URL ("Invalid IPv6 URL")
        return url


def _extra_value(value: object) -> str | int | float | bool | None:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def record_text(record: Mapping[Any, Any], base_url: str | None = None) -> tuple[str, Known, str | None]:
    """The page text a record's parts make (title, lead, body paragraphs, blank-line separated), what the record
    says about it, and its URL (relative ones resolved against the record's site)."""
    found, extra = _fields(record)
    title = _text(found["title"], "title") if "title" in found else None
    lead = _text(found["lead"], "lead") if "lead" in found else None
    paragraphs, repaired = _body(found["body"]) if "body" in found else ([], False)
    if title is None and not paragraphs and lead is None:
        raise ParseError(f"expected a record with a title or a body, found keys {sorted(map(str, record))}")
    if title is not None:
        title = _DOUBLE_HYPHEN.sub(" — ", " ".join(title.split()))
    if lead is not None:
        lead = " ".join(lead.split())
    if repaired:
        extra.append(("_repaired", "newlines written as n"))
    known = Known(
        title=bool(title),
        lead=bool(lead),
        published=_published(found["date"]) if "date" in found else None,
        id=_text(found["id"], "id", numbers=True) if "id" in found else None,
        extra=tuple((name, _extra_value(value)) for name, value in extra),
    )
    url = _url(found["url"], found.get("site"), base_url) if "url" in found else None
    text = "\n\n".join(part for part in (title, lead, *paragraphs) if part)
    return text, known, url


def parse_tass_record(record: Mapping[str, object], *, strict: bool = False, base_url: str | None = None) -> Article:
    """An Article from a scraped record (see :data:`FIELDS` for the names recognised).

    The record's parts are joined into page text (title, lead, paragraphs, blank-line separated) and read with
    what the record says of them: the title is the record's title, the lead its lead, ``published`` its date
    (else the dateline's, resolved against it). Spans point into that text (``Article.source``). A headline-only
    record is an Article with a title and no paragraphs. ``base_url`` resolves relative links where the record
    names no site.
    """
    if not isinstance(record, Mapping):
        raise TypeError(f"parse_tass_record() takes a mapping, not {type(record).__name__}")
    text, known, url = record_text(record, base_url)
    published = known.published
    reference = published.date() if isinstance(published, dt.datetime) else None
    if isinstance(published, PartialDateTime) and published.year and published.month and published.day:
        reference = dt.date(published.year, published.month, published.day)
    return build_article(normalize(text), reference_date=reference, strict=strict, url=url, known=known)
