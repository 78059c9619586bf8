"""The registry's adapters: each format's input (text, or the loaded JSON values) parsed whole into a
``Parsed``, or item by item (a bad element skipped with its error). Parsers are imported lazily, so that
importing mfaparse does not import them all."""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from typing import Any

from mfaparse._model.documents import Article, Post, TelegramDump
from mfaparse._model.results import Parsed
from mfaparse.errors import ParseError
from mfaparse.telegram._messages import Skipped

__all__ = [
    "Item",
    "client_items",
    "client_whole",
    "csv_items",
    "csv_whole",
    "export_html_items",
    "export_html_whole",
    "export_items",
    "export_whole",
    "fragments_items",
    "fragments_whole",
    "news_whole",
    "tass_records_items",
    "tass_records_whole",
    "tass_text_whole",
    "telegram_text_whole",
    "web_items",
    "web_whole",
]

Item = Post | Article | Skipped
"""What a format's records come as: a record, or a :class:`Skipped` element that could not be read."""


def _dump(fmt: str, dump: TelegramDump) -> Parsed:
    return Parsed(format=fmt, records=dump.posts, source=dump.source, channel=dump.channel)


def _built(items: Iterator[tuple[Post, str] | Skipped]) -> Iterator[Item]:
    for item in items:
        yield item if isinstance(item, Skipped) else item[0]


def telegram_text_whole(text: str) -> Parsed:
    from mfaparse.telegram.text import parse_telegram  # noqa: PLC0415  # the registry imports parsers lazily

    return _dump("telegram-text", parse_telegram(text))


def tass_text_whole(text: str) -> Parsed:
    from mfaparse.tass.listing import parse_tass_page  # noqa: PLC0415  # the registry imports parsers lazily

    articles = parse_tass_page(text)
    source = articles[0].source if len(articles) == 1 else None  # a listing's items each carry their own
    return Parsed(format="tass-text", records=articles, source=source)


def export_html_whole(text: str) -> Parsed:
    from mfaparse.telegram.export_html import parse_telegram_export_html  # noqa: PLC0415  # lazily

    return _dump("telegram-export-html", parse_telegram_export_html(text))


def export_html_items(text: str, keep_going: bool) -> Iterator[Item]:
    from mfaparse.telegram.export_html import export_html_messages  # noqa: PLC0415  # lazily

    yield from _built(export_html_messages(text, keep_going=keep_going)[1])


def web_whole(text: str) -> Parsed:
    from mfaparse.telegram.web import parse_telegram_web  # noqa: PLC0415  # lazily

    return _dump("telegram-web-html", parse_telegram_web(text))


def web_items(text: str, keep_going: bool) -> Iterator[Item]:
    from mfaparse.telegram.web import web_messages  # noqa: PLC0415  # lazily

    yield from _built(web_messages(text, keep_going=keep_going)[1])


def _export_parts(values: list[Any]) -> tuple[Mapping[str, Any], list[Any]]:
    first = values[0] if len(values) == 1 else None
    if not isinstance(first, Mapping) or not isinstance(first.get("messages"), list):
        raise ParseError("expected a Telegram Desktop export: one object with a 'messages' list")
    return first, first["messages"]


def export_whole(values: list[Any]) -> Parsed:
    from mfaparse.telegram.export_json import parse_telegram_export  # noqa: PLC0415  # lazily

    data, _ = _export_parts(values)
    return _dump("telegram-export-json", parse_telegram_export(data))


def export_items(values: list[Any], keep_going: bool) -> Iterator[Item]:
    from mfaparse.telegram.export_json import export_channel, export_messages  # noqa: PLC0415  # lazily

    data, messages = _export_parts(values)
    yield from _built(export_messages(messages, export_channel(data), keep_going=keep_going))


def client_whole(values: list[Any]) -> Parsed:
    from mfaparse.telegram._messages import message_dump  # noqa: PLC0415  # lazily
    from mfaparse.telegram.client import client_messages  # noqa: PLC0415  # lazily

    return _dump("telegram-client-json", message_dump(client_messages(values, keep_going=False), None))


def client_items(values: list[Any], keep_going: bool) -> Iterator[Item]:
    from mfaparse.telegram.client import client_messages  # noqa: PLC0415  # lazily

    yield from _built(client_messages(values, keep_going=keep_going))


def fragments_whole(values: list[Any]) -> Parsed:
    from mfaparse.telegram._messages import message_dump  # noqa: PLC0415  # lazily
    from mfaparse.telegram.web import fragment_messages  # noqa: PLC0415  # lazily

    return _dump("html-fragments", message_dump(fragment_messages(values), None))


def fragments_items(values: list[Any], keep_going: bool) -> Iterator[Item]:
    from mfaparse.telegram.web import fragment_messages  # noqa: PLC0415  # lazily

    yield from _built(fragment_messages(values, keep_going=keep_going))


def _tass_record_values(values: list[Any]) -> list[Any]:
    first = values[0] if len(values) == 1 else None
    if isinstance(first, Mapping) and isinstance(first.get("articles"), list):
        return list(first["articles"])
    return values


def tass_records_items(values: list[Any], keep_going: bool) -> Iterator[Item]:
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


def csv_items(text: str, keep_going: bool) -> Iterator[Item]:
    from mfaparse.tass.csv_records import csv_records  # noqa: PLC0415  # lazily

    yield from csv_records(io.StringIO(text), keep_going=keep_going)


def csv_whole(text: str) -> Parsed:
    records = tuple(r for r in csv_items(text, False) if not isinstance(r, Skipped))
    return Parsed(format="records-csv", records=records)


def news_whole(text: str) -> Parsed:
    from mfaparse.tass.html import parse_news_html  # noqa: PLC0415  # lazily

    article = parse_news_html(text)
    return Parsed(format="news-html", records=(article,), source=article.source)


def tass_records_whole(values: list[Any]) -> Parsed:
    records = tuple(r for r in tass_records_items(values, False) if not isinstance(r, Skipped))
    return Parsed(format="tass-records", records=records)
