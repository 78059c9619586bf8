"""Records as typed tables: one row per record, the same columns for Parquet and pandas.

Integers are integers (``message_id``, provenance's ``index``/``line``/``offset``, ``views``), ``posted_at`` a
timestamp with its zone (UTC), ``hashtags`` and ``mentions`` lists of strings, ``forward`` and ``dateline``
structs; partial dates (``--10-13``) and Article ``published`` stay ISO strings (a year or a time may be
unknown); the texts are strings. The ``slim`` profile (the default) leaves out ``clean_text``.

>>> import mfaparse
>>> df = mfaparse.to_pandas(mfaparse.parse_telegram("Forwarded from X Channel\\nText #ASEAN").posts)
>>> df.loc[0, "hashtags"], str(df["message_id"].dtype), str(df["posted_at"].dtype)
(['ASEAN'], 'Int64', 'datetime64[us, UTC]')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from mfaparse._model.base import PartialDateTime
from mfaparse._model.documents import Article, Post
from mfaparse._model.results import ReadFailure
from mfaparse.errors import MissingDependencyError

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

__all__ = ["COLUMNS", "ParquetWriter", "arrow_schema", "table_row", "to_pandas"]

_STRUCT_DATELINE = ("city", "region", "date", "agency", "correspondent")
COLUMNS = (
    "type", "path", "member", "index", "line", "offset", "format", "channel", "message_id", "url", "posted_at",
    "published", "forward", "author", "views", "title", "subtitle", "place", "date", "dateline", "agency",
    "language", "listing", "hashtags", "mentions", "text", "clean_text", "reason",
)  # fmt: skip
"""The columns of a record table, in order (``clean_text`` only in the ``full`` profile)."""


def table_row(record: Post | Article | ReadFailure, profile: str = "slim") -> dict[str, Any]:
    """A record as a row of typed Python values (what :func:`arrow_schema` describes)."""
    where = record.provenance
    row: dict[str, Any] = {
        "type": type(record).__name__,
        "path": where.path if where else None,
        "member": where.member if where else None,
        "index": where.index if where else None,
        "line": where.line if where else None,
        "offset": where.offset if where else None,
    }
    if isinstance(record, ReadFailure):
        row.update(path=record.path, format=record.format, reason=record.reason)
        return row
    row.update(url=record.url, title=record.title, text=record.text)
    if profile == "full":
        row["clean_text"] = record.clean_text
    if isinstance(record, Post):
        forward = record.forward
        row.update(
            channel=record.channel, message_id=record.message_id, author=record.author, views=record.views,
            posted_at=record.posted_at.astimezone(dt.timezone.utc) if record.posted_at else None,
            forward={"name": forward.name, "flags": list(forward.flags), "url": forward.url,
                     "message_id": forward.message_id} if forward else None,
            place=record.place, date=record.date.iso() if record.date else None,
            hashtags=[h.tag for h in record.hashtags], mentions=[m.username for m in record.mentions],
        )  # fmt: skip
    else:
        line = record.dateline
        published = record.published
        row.update(
            subtitle=record.subtitle, agency=record.agency, language=record.language, listing=record.listing,
            published=published.isoformat() if isinstance(published, dt.datetime) else _partial(published),
            dateline={"city": line.city, "region": line.region, "date": line.date.iso() if line.date else None,
                      "agency": line.agency, "correspondent": line.correspondent} if line else None,
        )  # fmt: skip
    return row


def _partial(value: PartialDateTime | None) -> str | None:
    """A partial date and time as ISO text: ``--10-13``, ``--10-13T14:10``, ``2024-08-28T14:10+03:00``."""
    if value is None:
        return None
    text = value.date.iso()
    if value.hour is not None:
        text += f"T{value.hour:02d}:{value.minute or 0:02d}"
        if value.utc_offset is not None:
            sign, minutes = "+" if value.utc_offset >= 0 else "-", abs(value.utc_offset)
            text += f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
    return text


def _pyarrow() -> Any:
    try:
        import pyarrow  # noqa: PLC0415  # optional dependency
    except ImportError as exc:
        raise MissingDependencyError("typed tables need pyarrow: pip install 'mfaparse[parquet]'") from exc
    return pyarrow


def arrow_schema(profile: str = "slim") -> pyarrow.Schema:
    """The Arrow schema of :func:`table_row`'s rows."""
    pa = _pyarrow()
    text = pa.string()
    types = {
        "index": pa.int64(), "line": pa.int64(), "offset": pa.int64(), "message_id": pa.int64(),
        "views": pa.int64(), "posted_at": pa.timestamp("us", tz="UTC"), "listing": pa.bool_(),
        "hashtags": pa.list_(text), "mentions": pa.list_(text),
        "forward": pa.struct([("name", text), ("flags", pa.list_(text)), ("url", text), ("message_id", pa.int64())]),
        "dateline": pa.struct([(name, text) for name in _STRUCT_DATELINE]),
    }  # fmt: skip
    return pa.schema([(c, types.get(c, text)) for c in _columns(profile)])


def _columns(profile: str) -> tuple[str, ...]:
    return COLUMNS if profile == "full" else tuple(c for c in COLUMNS if c != "clean_text")


class ParquetWriter:
    """Rows written to a Parquet file in row groups of ``group`` rows, while they come: memory holds one group."""

    def __init__(self, target: str | IO[bytes], profile: str = "slim", group: int = 10_000) -> None:
        import pyarrow.parquet as pq  # noqa: PLC0415  # optional dependency

        self._pa = _pyarrow()
        self._schema = arrow_schema(profile)
        self._writer = pq.ParquetWriter(target, self._schema)
        self._rows: list[dict[str, Any]] = []
        self._group = group

    def write(self, row: dict[str, Any]) -> None:
        self._rows.append(row)
        if len(self._rows) >= self._group:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def to_pandas(records: Iterable[Post | Article | ReadFailure], profile: str = "slim") -> pandas.DataFrame:
    """Records as a pandas DataFrame with proper dtypes: nullable integers (``Int64``), ``posted_at`` as
    ``datetime64[us, UTC]``, strings, booleans, lists and dicts for the nested columns (built through Arrow,
    so the dtypes are those Parquet files load with). Needs pandas and pyarrow."""
    pa = _pyarrow()
    try:
        import pandas as pd  # noqa: PLC0415  # optional dependency
    except ImportError as exc:
        raise MissingDependencyError("to_pandas needs pandas: pip install pandas pyarrow") from exc
    schema = arrow_schema(profile)
    table = pa.Table.from_pylist(list(_rows(records, profile)), schema=schema)
    frame = table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}.get)
    for name in ("hashtags", "mentions"):  # numpy arrays from Arrow lists: plain lists read better
        frame[name] = frame[name].map(lambda v: list(v) if v is not None else None)
    return frame


def _rows(records: Iterable[Post | Article | ReadFailure], profile: str) -> Iterator[dict[str, Any]]:
    for record in records:
        if not isinstance(record, (Post, Article, ReadFailure)):
            raise TypeError(f"to_pandas() takes posts, articles and failures, not {type(record).__name__}")
        yield table_row(record, profile)
