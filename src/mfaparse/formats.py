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

import io
import json
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Literal

import attrs
import regex

from mfaparse._lines import vocab
from mfaparse._model.documents import Article, Post, TelegramDump
from mfaparse._model.results import Parsed
from mfaparse.errors import ParseError
from mfaparse.tass.dateline import read_dateline
from mfaparse.telegram._messages import Skipped

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
Item = Post | Article | Skipped
"""What a format's records come as: a record, or a :class:`Skipped` element that could not be read."""
Stream = Literal["lines", "export", "json-lines", "csv"]
"""How a large file of a format is read: line by line (text dumps), message by message (Desktop JSON
exports, with ijson), a JSON value a line (JSON Lines of records), or a row at a time (CSV records)."""

_HEAD = 4096
# Telegram layout: lines led by emoji (🎙, 📍, 💬, 🔹, flags), as agency text never has.
_EMOJI_LED_LINES = regex.compile(r"(?m)^[\p{Extended_Pictographic}\p{RI}]")


@attrs.frozen(kw_only=True)
class FormatSpec:
    """One input format of the registry."""

    name: Format
    kind: Kind
    sniff: Callable[[Any], bool]
    """Whether the head text (``text``, ``html``) or the first JSON value (``json``) is of this format."""
    whole: Callable[[Any], Parsed]
    """The whole input parsed: text for ``text`` and ``html``, the list of JSON values for ``json``."""
    items: Callable[[Any, bool], Iterator[Item]]
    """The records one by one; with ``keep_going`` a bad element is :class:`Skipped` and the rest go on."""
    stream: Stream | None = None
    suffixes: tuple[str, ...] = ()
    about: str = ""
    numbered: Literal["index", "line"] = "index"
    """What a skipped element's number is: its index (``path#3``) or the line it starts on (``path:17``)."""


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
# Sniffers
# ---------------------------------------------------------------------------------------------------------------


def _head(text: str) -> str:
    return text[:_HEAD].lstrip("\ufeff \t\r\n")


def _telegram_signs(text: str) -> bool:
    head = _head(text)
    for line in head.split("\n"):
        stripped = line.strip()
        if stripped.startswith(vocab.FORWARD_STARTS) and vocab.FORWARD.fullmatch(stripped):
            return True
    if vocab.SUBSCRIBER_LINE.search(head):
        return True
    return len(_EMOJI_LED_LINES.findall(text[: _HEAD * 4])) >= 2


def _agency_signs(text: str) -> bool:
    """A TASS agency mark anywhere near the top, a wire dateline (RIA Novosti, Interfax, ...) opening one of the
    first lines, or the site's own chrome (share widgets, the "All news" crumb)."""
    sample = text[: _HEAD * 4]
    if vocab.AGENCY_MARK.search(sample):
        return True
    lines = [line.strip() for line in sample.split("\n")[:_SNIFF_LINES]]
    return any(vocab.SHARE.fullmatch(line) or vocab.SITE_CRUMB.fullmatch(line) or read_dateline(line) for line in lines)


_SNIFF_LINES = 40


def _is_tass_text(text: str) -> bool:
    return not _telegram_signs(text) and _agency_signs(text)


def _is_web_page(text: str) -> bool:
    return "tgme_widget_message" in text or "tgme_channel_info" in text


def _is_export_page(text: str) -> bool:
    return 'class="history"' in text or "page_header" in _head(text)


def _first_object(value: Any) -> Mapping[str, Any] | None:
    return value if isinstance(value, Mapping) else None


def _is_export(value: Any) -> bool:
    first = _first_object(value)
    return first is not None and isinstance(first.get("messages"), list)


def _is_tass_records(value: Any) -> bool:
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


def _is_records_csv(text: str) -> bool:
    from mfaparse.tass.csv_records import is_records_header  # noqa: PLC0415  # lazily, as the parsers

    return is_records_header(_head(text).split("\n", 1)[0])


def _is_fragments(value: Any) -> bool:
    first = _first_object(value)
    return first is not None and "html" in first


def _is_client(value: Any) -> bool:
    first = _first_object(value)
    return first is not None and (bool(set(first) & {"message", "message_id"}) or first.get("_") == "Message")


# ---------------------------------------------------------------------------------------------------------------
# Parsers, whole and item by item
# ---------------------------------------------------------------------------------------------------------------


def _dump(fmt: Format, dump: TelegramDump) -> Parsed:
    return Parsed(format=fmt, records=dump.posts, source=dump.source, channel=dump.channel)


def _built(items: Iterator[tuple[Post, str] | Skipped]) -> Iterator[Item]:
    for item in items:
        yield item if isinstance(item, Skipped) else item[0]


def _telegram_text_whole(text: str) -> Parsed:
    from mfaparse.telegram.text import parse_telegram  # noqa: PLC0415  # the registry imports parsers lazily

    return _dump("telegram-text", parse_telegram(text))


def _telegram_text_items(text: str, keep_going: bool) -> Iterator[Item]:
    yield from _telegram_text_whole(text).records


def _tass_text_whole(text: str) -> Parsed:
    from mfaparse.tass.text import parse_tass  # noqa: PLC0415  # the registry imports parsers lazily

    article = parse_tass(text)
    return Parsed(format="tass-text", records=(article,), source=article.source)


def _tass_text_items(text: str, keep_going: bool) -> Iterator[Item]:
    yield from _tass_text_whole(text).records


def _export_html_whole(text: str) -> Parsed:
    from mfaparse.telegram.export_html import parse_telegram_export_html  # noqa: PLC0415  # lazily

    return _dump("telegram-export-html", parse_telegram_export_html(text))


def _export_html_items(text: str, keep_going: bool) -> Iterator[Item]:
    from mfaparse.telegram.export_html import export_html_messages  # noqa: PLC0415  # lazily

    yield from _built(export_html_messages(text, keep_going=keep_going)[1])


def _web_whole(text: str) -> Parsed:
    from mfaparse.telegram.web import parse_telegram_web  # noqa: PLC0415  # lazily

    return _dump("telegram-web-html", parse_telegram_web(text))


def _web_items(text: str, keep_going: bool) -> Iterator[Item]:
    from mfaparse.telegram.web import web_messages  # noqa: PLC0415  # lazily

    yield from _built(web_messages(text, keep_going=keep_going)[1])


def _export_parts(values: list[Any]) -> tuple[Mapping[str, Any], list[Any]]:
    first = values[0] if len(values) == 1 else None
    if not isinstance(first, Mapping) or not isinstance(first.get("messages"), list):
        raise ParseError("expected a Telegram Desktop export: one object with a 'messages' list")
    return first, first["messages"]


def _export_whole(values: list[Any]) -> Parsed:
    from mfaparse.telegram.export_json import parse_telegram_export  # noqa: PLC0415  # lazily

    data, _ = _export_parts(values)
    return _dump("telegram-export-json", parse_telegram_export(data))


def _export_items(values: list[Any], keep_going: bool) -> Iterator[Item]:
    from mfaparse.telegram.export_json import export_channel, export_messages  # noqa: PLC0415  # lazily

    data, messages = _export_parts(values)
    yield from _built(export_messages(messages, export_channel(data), keep_going=keep_going))


def _client_whole(values: list[Any]) -> Parsed:
    from mfaparse.telegram._messages import message_dump  # noqa: PLC0415  # lazily
    from mfaparse.telegram.client import client_messages  # noqa: PLC0415  # lazily

    return _dump("telegram-client-json", message_dump(client_messages(values, keep_going=False), None))


def _client_items(values: list[Any], keep_going: bool) -> Iterator[Item]:
    from mfaparse.telegram.client import client_messages  # noqa: PLC0415  # lazily

    yield from _built(client_messages(values, keep_going=keep_going))


def _fragments_whole(values: list[Any]) -> Parsed:
    from mfaparse.telegram._messages import message_dump  # noqa: PLC0415  # lazily
    from mfaparse.telegram.web import fragment_messages  # noqa: PLC0415  # lazily

    return _dump("html-fragments", message_dump(fragment_messages(values), None))


def _fragments_items(values: list[Any], keep_going: bool) -> Iterator[Item]:
    from mfaparse.telegram.web import fragment_messages  # noqa: PLC0415  # lazily

    yield from _built(fragment_messages(values, keep_going=keep_going))


def _tass_record_values(values: list[Any]) -> list[Any]:
    first = values[0] if len(values) == 1 else None
    if isinstance(first, Mapping) and isinstance(first.get("articles"), list):
        return list(first["articles"])
    return values


def _tass_records_items(values: list[Any], keep_going: bool) -> Iterator[Item]:
    from mfaparse.tass.records import parse_tass_record  # noqa: PLC0415  # lazily

    for index, record in enumerate(_tass_record_values(values)):
        try:
            if not isinstance(record, Mapping):
                raise ParseError(f"expected each record to be an object, found {type(record).__name__}")
            yield parse_tass_record(record)
        except ParseError as exc:  # noqa: PERF203  # one failure per record, and the rest go on
            if not keep_going:
                raise ParseError(f"record #{index}: {exc.reason}", position=exc.position) from exc
            yield Skipped(index, exc)


def _csv_items(text: str, keep_going: bool) -> Iterator[Item]:
    from mfaparse.tass.csv_records import csv_records  # noqa: PLC0415  # lazily

    yield from csv_records(io.StringIO(text.lstrip("\ufeff")), keep_going=keep_going)


def _csv_whole(text: str) -> Parsed:
    records = tuple(r for r in _csv_items(text, False) if not isinstance(r, Skipped))
    return Parsed(format="records-csv", records=records)


def _is_news_page(text: str) -> bool:
    from mfaparse.tass.html import is_news_page  # noqa: PLC0415  # lazily, as the parsers

    return is_news_page(text)


def _news_whole(text: str) -> Parsed:
    from mfaparse.tass.html import parse_news_html  # noqa: PLC0415  # lazily

    article = parse_news_html(text)
    return Parsed(format="news-html", records=(article,), source=article.source)


def _news_items(text: str, keep_going: bool) -> Iterator[Item]:
    yield from _news_whole(text).records


def _tass_records_whole(values: list[Any]) -> Parsed:
    records = tuple(r for r in _tass_records_items(values, False) if not isinstance(r, Skipped))
    return Parsed(format="tass-records", records=records)


REGISTRY: tuple[FormatSpec, ...] = (
    FormatSpec(
        name="telegram-export-json",
        kind="json",
        sniff=_is_export,
        whole=_export_whole,
        items=_export_items,
        stream="export",
        suffixes=(".json",),
        about="Telegram Desktop JSON export (result.json)",
    ),
    FormatSpec(
        name="tass-records",
        kind="json",
        sniff=_is_tass_records,
        whole=_tass_records_whole,
        items=_tass_records_items,
        stream="json-lines",
        suffixes=(".json", ".jsonl"),
        about="scraped article records: title, lead, body or paragraphs, date, url",
    ),
    FormatSpec(
        name="html-fragments",
        kind="json",
        sniff=_is_fragments,
        whole=_fragments_whole,
        items=_fragments_items,
        stream="json-lines",
        suffixes=(".json", ".jsonl"),
        about="scraped message-text HTML fragments ({html, channel, publishedAt})",
    ),
    FormatSpec(
        name="telegram-client-json",
        kind="json",
        sniff=_is_client,
        whole=_client_whole,
        items=_client_items,
        stream="json-lines",
        suffixes=(".json", ".jsonl"),
        about="messages from Telegram client libraries (Markdown records, Telethon to_dict())",
    ),
    FormatSpec(
        name="telegram-web-html",
        kind="html",
        sniff=_is_web_page,
        whole=_web_whole,
        items=_web_items,
        suffixes=(".html", ".htm"),
        about="t.me/s/<channel> pages and single-post embeds",
    ),
    FormatSpec(
        name="telegram-export-html",
        kind="html",
        sniff=_is_export_page,
        whole=_export_html_whole,
        items=_export_html_items,
        suffixes=(".html", ".htm"),
        about="Telegram Desktop HTML export (messages.html)",
    ),
    FormatSpec(
        name="news-html",
        kind="html",
        sniff=_is_news_page,
        whole=_news_whole,
        items=_news_items,
        suffixes=(".html", ".htm"),
        about="news article pages (tass.com, tass.ru, any page with NewsArticle JSON-LD or og:article metadata)",
    ),
    FormatSpec(
        name="records-csv",
        kind="text",
        sniff=_is_records_csv,
        whole=_csv_whole,
        items=_csv_items,
        stream="csv",
        suffixes=(".csv", ".tsv"),
        about="scraped article records as CSV or TSV with a header row (date,url,title,text,...)",
        numbered="line",
    ),
    FormatSpec(
        name="tass-text",
        kind="text",
        sniff=_is_tass_text,
        whole=_tass_text_whole,
        items=_tass_text_items,
        suffixes=(".txt",),
        about="TASS article page text, English and Russian",
    ),
    FormatSpec(
        name="telegram-text",
        kind="text",
        sniff=lambda text: True,  # the fallback of plain text
        whole=_telegram_text_whole,
        items=_telegram_text_items,
        stream="lines",
        suffixes=(".txt",),
        about="Telegram plain text: dumps of forwarded posts, channel pages",
    ),
)
"""Every input format, in the order they are sniffed within their kind."""

_BY_NAME: dict[str, FormatSpec] = {entry.name: entry for entry in REGISTRY}
FORMATS: tuple[Format, ...] = typing.get_args(Format)
assert set(FORMATS) == set(_BY_NAME), "every Format has one registry entry"
"""Every format name :func:`detect` can answer and :func:`parse_as` takes."""


def spec(name: str) -> FormatSpec:
    """The registry entry of format ``name``; ValueError naming the choices for an unknown one."""
    found = _BY_NAME.get(name)
    if found is None:
        raise ValueError(f"unknown format {name!r}; expected one of {', '.join(FORMATS)}")
    return found


def kind_of(text: str) -> Kind:
    """How ``text`` is loaded: HTML (it opens with ``<``), JSON (``{`` or ``[``), or plain text."""
    head = _head(text)
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
    raise ParseError(
        "expected Telegram HTML (a t.me/s page or a Desktop export) or a news article page (NewsArticle or"
        " og:article metadata): this page is none of them"
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
