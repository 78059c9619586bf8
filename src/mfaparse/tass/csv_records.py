"""Scraped article records as CSV or TSV (a header row, a record a row) into Articles.

The delimiter is the header's (comma, tab or semicolon); each row is a record for
:func:`~mfaparse.parse_tass_record`, so the column names are the same aliases and ``-`` or an empty cell is
missing. A row that is no record is :class:`~mfaparse.telegram._messages.Skipped` with its line number.

>>> import io
>>> rows = ("date,url,title,text\\n"
...         "2019-04-30 13:26:00,https://www.interfax.ru/1,Заголовок,Москва. 30 апреля. INTERFAX.RU - Текст.\\n")
>>> (art,) = csv_records(io.StringIO(rows))
>>> art.title, art.dateline.agency, art.published.isoformat(), art.paragraphs
('Заголовок', 'Интерфакс', '2019-04-30T13:26:00+03:00', ('Текст.',))
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import IO

from mfaparse._lines.vocab import RECORD_ALIASES
from mfaparse._model.documents import Article
from mfaparse.errors import ParseError
from mfaparse.tass.records import parse_tass_record
from mfaparse.telegram._messages import Skipped

__all__ = ["csv_records", "header_delimiter", "is_records_header"]

_DELIMITERS = (",", "\t", ";")
_FIELD_LIMIT = 64 * 1024 * 1024  # an article body may pass csv's default of 128 KiB


def header_delimiter(header: str) -> str:
    """The delimiter a header row uses: the most frequent of comma, tab and semicolon."""
    return max(_DELIMITERS, key=header.count)


def is_records_header(header: str) -> bool:
    """Whether a first line is the header row of article records: two or more columns, a title or body among them.

    >>> is_records_header("date,url,edition,topics,authors,title,text"), is_records_header("Hello, world")
    (True, False)
    """
    delimiter = header_delimiter(header)
    names = [n.strip().strip('"').strip().lower() for n in header.lstrip("\ufeff").split(delimiter)]
    fields = {RECORD_ALIASES.get(name) for name in names}
    return len(names) >= 2 and bool(fields & {"title", "body"}) and all(names)


def raise_field_limit() -> None:
    """Let the csv module read fields as long as an article's text can be."""
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)  # process-wide in the csv module: only ever raised, never lowered


def csv_records(
    stream: IO[str], *, keep_going: bool = False, header: str | None = None, first_line: int = 2
) -> Iterator[Article | Skipped]:
    """The Articles of CSV or TSV text read from ``stream`` (opened with ``newline=""``); a bad row raises, or
    with ``keep_going`` is Skipped (its index is the row's first line in the file) and the rest go on.

    A part of a file is read with its file's ``header`` line given and ``first_line``, the number of the part's
    first line in the file (2 for the rows under the header)."""
    raise_field_limit()
    if header is None:
        header = stream.readline()
    if not is_records_header(header):
        raise ParseError(f"expected a header row of article records (title, text, ...), found {header[:80]!r}")
    delimiter = header_delimiter(header)
    try:
        names = next(csv.reader([header.lstrip("\ufeff")], delimiter=delimiter), [])
    except csv.Error as exc:
        raise ParseError(f"line 1: not a CSV header: {exc}") from exc
    rows = csv.reader(stream, delimiter=delimiter)
    line = first_line
    while True:
        try:
            row = next(rows, None)
        except csv.Error as exc:
            raise ParseError(f"line {line}: not CSV: {exc}") from exc
        if row is None:
            return
        start, line = line, rows.line_num + first_line
        if not any(cell.strip() for cell in row):
            continue
        record = dict(zip(names, row, strict=False))
        if len(row) > len(names):
            record["_more_cells"] = "\t".join(row[len(names) :])
        try:
            yield parse_tass_record(record)
        except ParseError as exc:
            if not keep_going:
                raise ParseError(f"line {start}: {exc.reason}", position=exc.position) from exc
            yield Skipped(start, exc)
