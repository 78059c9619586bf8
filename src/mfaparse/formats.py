"""The format registry: one entry per input format — its name, how it is sniffed (from the head of the text or
from the loaded JSON value), how it parses whole, how its records come one by one, how a large file of it
streams, which file suffixes hint at it. :func:`detect`, :func:`parse_as`, :func:`parse`, :func:`mfaparse.read`,
the command line's ``--format`` choices and Dask all loop over :data:`REGISTRY`; JSON is loaded once.

>>> detect("Forwarded from Russian MFA 🇷🇺\\nText")
'telegram-text'
>>> detect("Title\\nMOSCOW, October 13. /TASS/. Text")
'tass-text'
>>> detect('{"messages": [{"id": 1, "type": "message", "text": "x"}]}')
'telegram-export-json'
>>> result = parse("Title\\nMOSCOW, October 13. /TASS/. Text")
>>> result.format, [type(r).__name__ for r in result.records], result.records[0].title
('tass-text', ['Article'], 'Title')
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable, Iterator
from typing import Any, Literal

import attrs

from mfaparse import _adapters as adapt
from mfaparse import _sniffers as sniffers
from mfaparse._adapters import Item
from mfaparse._model.results import Parsed
from mfaparse.errors import ParseError

__all__ = [
    "FORMATS",
    "REGISTRY",
    "Format",
    "FormatSpec",
    "Item",
    "Kind",
    "detect",
    "detect_value",
    "load_json",
    "load_values",
    "parse",
    "parse_as",
    "spec",
]

Format = Literal[
    "telegram-text",
    "tass-text",
    "telegram-export-json",
    "telegram-export-html",
    "telegram-web-html",
    "telegram-client-json",
    "html-fragments",
    "tass-records",
    "records-csv",
    "news-html",
]
"""The name of an input format (see :data:`FORMATS`)."""
Kind = Literal["text", "json", "html"]
"""How a format's input is loaded before it is sniffed: as text, as JSON values, or as an HTML page."""
Stream = Literal["lines", "export", "json-lines", "csv"]
"""How a large file of a format is read: line by line (text dumps), message by message (Desktop JSON
exports, with ijson), a JSON value a line (JSON Lines of records), or a row at a time (CSV records)."""


@attrs.frozen(kw_only=True)
class FormatSpec:
    """One input format of the registry."""

    name: Format
    kind: Kind
    sniff: Callable[[Any], bool]
    """Whether the head text (``text``, ``html``) or the first JSON value (``json``) is of this format."""
    whole: Callable[[Any], Parsed]
    """The whole input parsed: text for ``text`` and ``html``, the list of JSON values for ``json``."""
    items: Callable[[Any, bool], Iterator[Item]] | None = None
    """The records one by one; with ``keep_going`` a bad element is :class:`Skipped` and the rest go on. None for
    a format whose input is one document (a page, a dump): its records are the whole parse's."""
    stream: Stream | None = None
    suffixes: tuple[str, ...] = ()
    about: str = ""
    numbered: Literal["index", "line"] = "index"
    """What a skipped element's number is: its index (``path#3``) or the line it starts on (``path:17``)."""

    def records(self, value: Any, keep_going: bool) -> Iterator[Item]:
        """The records of loaded input ``value``, one by one (see :attr:`items`)."""
        return self.items(value, keep_going) if self.items is not None else iter(self.whole(value).records)


# ---------------------------------------------------------------------------------------------------------------
# JSON, loaded once
# ---------------------------------------------------------------------------------------------------------------


def load_json(data: str | bytes, what: str = "JSON") -> Any:
    """One JSON value; malformed or too deeply nested JSON is a ParseError naming ``what``."""
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise ParseError(f"expected {what}: {exc.msg}", position=exc.pos) from exc
    except RecursionError as exc:
        raise ParseError(f"expected {what}: nested deeper than the JSON reader's limit") from exc
    except UnicodeDecodeError as exc:
        raise ParseError(f"expected {what} in UTF-8: {exc.reason} at byte {exc.start}") from exc


def load_values(text: str) -> tuple[list[Any], list[int] | None]:
    """JSON or JSON Lines as a list of values: a JSON array's elements, one JSON object, or each line's value.

    The second item is each value's line number for JSON Lines, None for one JSON document.
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError as whole:
        values: list[Any] = []
        numbers: list[int] = []
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                try:
                    values.append(json.loads(line))
                except json.JSONDecodeError:
                    raise ParseError(f"expected JSON or JSON Lines: {whole.msg}", position=whole.pos) from whole
                except RecursionError as exc:
                    raise ParseError(f"line {number}: nested deeper than the JSON reader's limit") from exc
                numbers.append(number)
        return values, numbers
    except RecursionError as exc:
        raise ParseError("expected JSON: nested deeper than the JSON reader's limit") from exc
    return (value if isinstance(value, list) else [value]), None


# ---------------------------------------------------------------------------------------------------------------
# The registry (sniffers in _sniffers.py, parsers whole and item by item in _adapters.py)
# ---------------------------------------------------------------------------------------------------------------


REGISTRY: tuple[FormatSpec, ...] = (
    FormatSpec(
        name="telegram-export-json",
        kind="json",
        sniff=sniffers.is_export,
        whole=adapt.export_whole,
        items=adapt.export_items,
        stream="export",
        suffixes=(".json",),
        about="Telegram Desktop JSON export (result.json)",
    ),
    FormatSpec(
        name="tass-records",
        kind="json",
        sniff=sniffers.is_tass_records,
        whole=adapt.tass_records_whole,
        items=adapt.tass_records_items,
        stream="json-lines",
        suffixes=(".json", ".jsonl"),
        about="scraped article records: title, lead, body or paragraphs, date, url",
    ),
    FormatSpec(
        name="html-fragments",
        kind="json",
        sniff=sniffers.is_fragments,
        whole=adapt.fragments_whole,
        items=adapt.fragments_items,
        stream="json-lines",
        suffixes=(".json", ".jsonl"),
        about="scraped message-text HTML fragments ({html, channel, publishedAt})",
    ),
    FormatSpec(
        name="telegram-client-json",
        kind="json",
        sniff=sniffers.is_client,
        whole=adapt.client_whole,
        items=adapt.client_items,
        stream="json-lines",
        suffixes=(".json", ".jsonl"),
        about="messages from Telegram client libraries (Markdown records, Telethon to_dict())",
    ),
    FormatSpec(
        name="telegram-web-html",
        kind="html",
        sniff=sniffers.is_web_page,
        whole=adapt.web_whole,
        items=adapt.web_items,
        suffixes=(".html", ".htm"),
        about="t.me/s/<channel> pages and single-post embeds",
    ),
    FormatSpec(
        name="telegram-export-html",
        kind="html",
        sniff=sniffers.is_export_page,
        whole=adapt.export_html_whole,
        items=adapt.export_html_items,
        suffixes=(".html", ".htm"),
        about="Telegram Desktop HTML export (messages.html)",
    ),
    FormatSpec(
        name="news-html",
        kind="html",
        sniff=sniffers.is_news_page,
        whole=adapt.news_whole,
        suffixes=(".html", ".htm"),
        about="news article pages (tass.com, tass.ru, any page with NewsArticle JSON-LD or og:article metadata)",
    ),
    FormatSpec(
        name="records-csv",
        kind="text",
        sniff=sniffers.is_records_csv,
        whole=adapt.csv_whole,
        items=adapt.csv_items,
        stream="csv",
        suffixes=(".csv", ".tsv"),
        about="scraped article records as CSV or TSV with a header row (date,url,title,text,...)",
        numbered="line",
    ),
    FormatSpec(
        name="tass-text",
        kind="text",
        sniff=sniffers.is_tass_text,
        whole=adapt.tass_text_whole,
        suffixes=(".txt",),
        about="TASS article page text, English and Russian",
    ),
    FormatSpec(
        name="telegram-text",
        kind="text",
        sniff=sniffers.is_telegram_text,
        whole=adapt.telegram_text_whole,
        stream="lines",
        suffixes=(".txt",),
        about="Telegram plain text: dumps of forwarded posts, channel pages",
    ),
)
"""Every input format, in the order they are sniffed within their kind."""

_BY_NAME: dict[str, FormatSpec] = {entry.name: entry for entry in REGISTRY}
FORMATS: tuple[Format, ...] = typing.get_args(Format)
"""Every format name :func:`detect` can answer and :func:`parse_as` takes."""
assert set(FORMATS) == set(_BY_NAME), "every Format has one registry entry"


def spec(name: str) -> FormatSpec:
    """The registry entry of format ``name``; ValueError naming the choices for an unknown one."""
    found = _BY_NAME.get(name)
    if found is None:
        raise ValueError(f"unknown format {name!r}; expected one of {', '.join(FORMATS)}")
    return found


def kind_of(text: str) -> Kind:
    """How ``text`` is loaded: HTML (it opens with ``<``), JSON (``{`` or ``[``), or plain text."""
    head = sniffers.head_of(text)
    if head.startswith("<") or "<html" in head[:1024].lower():
        return "html"
    if head.startswith(("{", "[")):
        return "json"
    return "text"


def detect_value(values: list[Any]) -> FormatSpec:
    """The JSON format whose sniffer takes the first of ``values``; ParseError when none does."""
    first = values[0] if values else None
    for entry in REGISTRY:
        if entry.kind == "json" and entry.sniff(first):
            return entry
    raise ParseError("expected a Telegram export, client messages or TASS records: the JSON has none of their keys")


def sniff(text: str) -> tuple[FormatSpec, Any]:
    """The format of ``text`` and its loaded input (the JSON values for JSON, else the text): loaded once."""
    kind = kind_of(text)
    if kind == "json":
        values, _ = load_values(text)
        return detect_value(values), values
    for entry in REGISTRY:
        if entry.kind == kind and entry.sniff(text):
            return entry, text
    if kind == "html":
        raise ParseError(
            "unknown format: expected Telegram HTML (a t.me/s page or a Desktop export) or a news article page"
            " (NewsArticle or og:article metadata): this page is none of them"
        )
    raise ParseError(
        "unknown format: no Telegram signs (a forward header, a channel header, emoji-led lines, hashtags,"
        " mentions) and no agency dateline opening a line; name the format with --format (parse_as) to read it anyway"
    )


def detect(text: str, name: str | None = None) -> Format:
    """The format of ``text``, from its content (``name``, a file name, is accepted for the callers' logs)."""
    if not isinstance(text, str):
        raise TypeError(f"detect() takes str, not {type(text).__name__}")
    return sniff(text)[0].name


def loaded(entry: FormatSpec, text: str) -> Any:
    """``text`` loaded as ``entry``'s kind expects: JSON values, or the text itself."""
    return load_values(text)[0] if entry.kind == "json" else text


def parse_as(text: str, fmt: str) -> Parsed:
    """Parse ``text`` as format ``fmt``."""
    if not isinstance(text, str):
        raise TypeError(f"parse_as() takes str, not {type(text).__name__}")
    entry = spec(fmt)
    return entry.whole(loaded(entry, text))


def parse(text: str) -> Parsed:
    """Detect the format of ``text`` and parse it: a :class:`~mfaparse.Parsed` whatever the format."""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}")
    entry, value = sniff(text)
    return entry.whole(value)
