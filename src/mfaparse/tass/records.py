"""Scraped TASS records (JSON/CSV rows: title, lead, body or paragraphs, date, url) into Articles.

>>> art = parse_tass_record({"title": "Ukrainian officials deny cholera outbreak  --  spokesman",
...                          "body": "GENISCHESK, June 27. /TASS/. Officials deny it.",
...                          "dateTime": "2024-06-27T12:26:08Z", "url": "https://tass.com/world/1809373"})
>>> art.title, art.dateline.city, art.published.isoformat(), art.url
('Ukrainian officials deny cholera outbreak — spokesman', 'GENISCHESK', '2024-06-27T12:26:08+00:00', 'https://tass.com/world/1809373')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs
import regex

from mfaparse._model.documents import Article
from mfaparse._text.dates import iso_time, unix_time
from mfaparse.errors import ParseError
from mfaparse.tass.text import parse_tass

__all__ = ["parse_tass_record"]

_TITLE_KEYS = ("title", "headline", "name")
_LEAD_KEYS = ("lead", "subtitle", "description", "summary", "announce")
_BODY_KEYS = ("body", "content", "text", "article", "full_text")
_DATE_KEYS = ("published", "dateTimePub", "dateTime", "date", "date_add", "datetime", "pub_date", "created_at")
_URL_KEYS = ("url", "link", "href", "uri")
# A news API's rendering of an em dash: "Kherson  --  spokesman".
_DOUBLE_HYPHEN = regex.compile(r"\s+--\s+")
_MOSCOW = dt.timezone(dt.timedelta(hours=3))


def _first(record: Mapping[str, object], keys: tuple[str, ...]) -> object:
    return next((record[k] for k in keys if record.get(k) not in (None, "")), None)


def _as_text(value: object, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ParseError(f"expected text in the record's {field}, found {type(value).__name__}")
    return value


def _as_datetime(value: object) -> dt.datetime | None:
    """An aware datetime from an ISO string (naive ones are Moscow time, as TASS writes) or a Unix time."""
    if value is None:
        return None
    if isinstance(value, str):
        return iso_time(value, "the record's date", naive=_MOSCOW)
    return unix_time(value, "the record's date")


def parse_tass_record(record: Mapping[str, object], *, strict: bool = False) -> Article:
    """An Article from a scraped record: ``title``, optional ``lead``, ``body``/``content`` or ``paragraphs``,
    optional date and URL (common key names are recognised).

    The record's parts are joined into page text (title, lead, paragraphs, blank-line separated) and parsed
    with :func:`parse_tass`; spans point into that text (``Article.source``). The record's date, when there
    is one, is ``published`` and resolves the year of the dateline's timestamp.
    """
    if not isinstance(record, Mapping):
        raise TypeError(f"parse_tass_record() takes a mapping, not {type(record).__name__}")
    title = _as_text(_first(record, _TITLE_KEYS), "title")
    lead = _as_text(_first(record, _LEAD_KEYS), "lead")
    body = _as_text(_first(record, _BODY_KEYS), "body")
    paragraphs = record.get("paragraphs")
    if body is None and isinstance(paragraphs, list) and all(isinstance(p, str) for p in paragraphs):
        body = "\n\n".join(str(p) for p in paragraphs)
    if title is None and body is None:
        raise ParseError(f"expected a record with a title and a body, found keys {sorted(record)}")
    if title is not None:
        title = _DOUBLE_HYPHEN.sub(" — ", title.strip())
    text = "\n\n".join(part for part in (title, lead, body) if part)
    published = _as_datetime(_first(record, _DATE_KEYS))
    url = _first(record, _URL_KEYS)
    article = parse_tass(
        text,
        reference_date=published.date() if published else None,
        strict=strict,
        url=url if isinstance(url, str) else None,
    )
    if published is not None:
        article = attrs.evolve(article, published=published)
    return article
