"""The command line's scheduler: each input's records serialised in order, with ``-j N`` worker processes.

A large Telegram dump is streamed a chunk of posts at a time (with ``-j``, shared among the workers a batch at a
time, cut exactly where :func:`~mfaparse.iter_telegram` cuts, so the output equals ``-j 1``); other large files
are streamed by the writer; workers parse and serialise whole small files, at most ``2 * jobs`` tasks ahead
(memory stays bounded).
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import multiprocessing
import multiprocessing.pool
import pathlib
import sys
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import Any

import attrs

from mfaparse import reader
from mfaparse._model.base import PartialDate, PartialDateTime
from mfaparse._model.documents import Article, Post
from mfaparse._model.jsonl import to_jsonl
from mfaparse._model.results import ReadFailure
from mfaparse._text.dates import moscow_day
from mfaparse.tables import table_row
from mfaparse.telegram.text import telegram_chunks

__all__ = ["CSV_FIELDS", "Out", "Position", "Shape", "csv_row", "results"]

_BATCH_CHARS = 1 << 20  # about 300 posts: a -j work unit of a large dump
CSV_FIELDS = ("type", "path", "member", "index", "line", "offset", "channel", "message_id", "url", "posted_at",
              "forward", "title", "place", "date", "hashtags", "text", "clean_text", "reason")  # fmt: skip
Out = tuple[str | dict[str, object], ReadFailure | None]  # a JSON line or a CSV row, and the failure it reports


@attrs.frozen
class Shape:
    """How records are written: ``form`` (``jsonl``, ``csv``, or ``rows`` of typed values for Parquet), the
    ``profile``, and the field selection."""

    form: str = "jsonl"
    profile: str = "slim"
    fields: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None

    def columns(self) -> tuple[str, ...]:
        """The CSV columns: :data:`CSV_FIELDS` in the profile (``slim`` leaves out ``clean_text``), only ``fields``
        where given, without ``exclude``; a ValueError names a column there is not."""
        for name in (*(self.fields or ()), *(self.exclude or ())):
            if name not in CSV_FIELDS:
                raise ValueError(f"no CSV column {name!r}; columns: {', '.join(CSV_FIELDS)}")
        chosen = [c for c in CSV_FIELDS if not self.fields or c in self.fields or c == "type"]
        left_out = {*(self.exclude or ()), *(("clean_text",) if self.profile == "slim" else ())}
        return tuple(c for c in chosen if c not in left_out)


def _outputs(
    path: str, fmt: str | None, reference: dt.date | None, shape: Shape, options: reader.ReadOptions
) -> Iterator[Out]:
    """Each record of one input, serialised (a JSON line or a CSV row), with the failure it reports."""
    for record in reader.read_path(path, fmt, options):
        yield _serialise(record, path, reference, shape)


def _serialise(record: Post | Article | ReadFailure, path: str, reference: dt.date | None, shape: Shape) -> Out:
    if reference is not None:
        record = _with_reference(record, reference)
    failure = record if isinstance(record, ReadFailure) else None
    if shape.form == "csv":
        return csv_row(record, path), failure
    if shape.form == "rows":  # typed values for Parquet
        return table_row(record, shape.profile), failure
    return to_jsonl(record, shape.profile, fields=shape.fields, exclude=shape.exclude), failure


def _read_one(
    path: str, fmt: str | None, reference: dt.date | None, shape: Shape, options: reader.ReadOptions
) -> list[Out]:
    """One input parsed and serialised in a worker (-j): the parent only writes lines."""
    return list(_outputs(path, fmt, reference, shape, options))


def _read_chunks(
    batch: list[tuple[str, int]], path: str, reference: dt.date | None, shape: Shape, encoding: str
) -> list[Out]:
    """A batch of chunks of one large Telegram dump parsed and serialised in a worker (-j)."""
    return [_serialise(post, path, reference, shape) for post in _chunk_posts(batch, encoding, path)]


def _chunk_posts(batch: Iterable[tuple[str, int]], encoding: str, path: str) -> Iterator[Post | Article | ReadFailure]:
    """The posts of chunks of a dump, saying the dump's encoding and each post's place as ``read()`` does."""
    for post in reader.with_encoding(reader.chunk_posts(batch), encoding):
        reader.provenance(post, path, None, 0)  # placed by its offset: the index is not used
        yield post


def _batches(chunks: Iterable[tuple[str, int]]) -> Iterator[list[tuple[str, int]]]:
    """Chunks grouped into batches of about ``_BATCH_CHARS`` characters: work units for the -j workers."""
    batch: list[tuple[str, int]] = []
    size = 0
    for chunk in chunks:
        batch.append(chunk)
        size += len(chunk[0])
        if size >= _BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def csv_row(record: Any, path: str) -> dict[str, object]:
    """A record as a CSV row: the table row (:func:`mfaparse.tables.table_row`: provenance's columns, then the
    fields) flattened to text — the forward's name, the hashtags space-separated, ``posted_at`` as the record
    writes it, an article's ``date`` its dateline's."""
    row: dict[str, Any] = table_row(record, "full")
    row["path"] = row["path"] or path
    if isinstance(record, Post):
        row.update(
            posted_at=record.posted_at.isoformat() if record.posted_at else None,
            forward=record.forward.name if record.forward else None,
            hashtags=" ".join(row["hashtags"]),
        )
    elif isinstance(record, Article):
        row["date"] = record.dateline.date.iso() if record.dateline and record.dateline.date else None
    return {name: row[name] for name in CSV_FIELDS if name in row}


def _with_reference(record: Post | Article | ReadFailure, reference: dt.date) -> Post | Article | ReadFailure:
    """``--reference-date``: every partial date the record holds that a year makes whole is resolved — an
    article's year-less timestamp (to an aware datetime, Moscow time) or, with no timestamp, its dateline's date
    (to a dated PartialDateTime); a post's year-less date."""
    if isinstance(record, Article):
        published = record.published
        if isinstance(published, PartialDateTime) and published.month and published.day:
            if published.hour is not None:
                return attrs.evolve(record, published=published.resolve(reference))
            if published.year is None:  # a day without a time: the year is all a reference can add
                day = published.date.resolve(reference)
                return attrs.evolve(record, published=attrs.evolve(published, year=day.year))
            return record
        date = record.dateline.date if record.dateline is not None else None
        if published is None and date is not None and date.month and date.day:
            return attrs.evolve(record, published=moscow_day(date.resolve(reference)))
    elif (
        isinstance(record, Post) and record.date and record.date.year is None and record.date.month and record.date.day
    ):
        day = record.date.resolve(reference)
        return attrs.evolve(record, date=PartialDate(year=day.year, month=day.month, day=day.day))
    return record


def _plan(path: str, fmt: str | None, options: reader.ReadOptions) -> str:
    """How -j reads an input: ``chunks`` (a large Telegram dump, shared among the workers a batch of posts at a
    time), ``stream`` (another large file, or stdin, read by the writer: never collected whole) or ``worker``."""
    if path == "-":
        return "stream"  # stdin belongs to this process
    how, _ = reader.plan(path, fmt, options)
    return "worker" if how == "whole" else how


def results(
    inputs: list[str | ReadFailure],
    fmt: str | None,
    reference: dt.date | None,
    jobs: int,
    shape: Shape,
    *,
    where: Position,
    options: reader.ReadOptions,
) -> Iterator[tuple[str, Iterable[Out]]]:
    """Each input's outputs, in input order (an input that is none — missing, a FIFO — is its failure). A large
    Telegram dump is streamed a chunk of posts at a time (with -j, by the workers a batch at a time); with -j,
    workers parse and serialise whole small files, at most ``2 * jobs`` tasks ahead of the writer (memory stays
    bounded), and other large files are streamed here."""
    files = [item for item in inputs if isinstance(item, str)]
    if jobs <= 1 or (len(files) == 1 and _plan(files[0], fmt, options) == "worker"):  # streamed: memory bounded
        for item in inputs:
            where.done = 0
            if isinstance(item, ReadFailure):
                yield item.path, [_serialise(item, item.path, reference, shape)]
            elif _plan(item, fmt, options) == "chunks":
                yield item, _dump_outputs(item, reference, shape, where=where, options=options)
            else:
                yield item, _outputs(item, fmt, reference, shape, options)
        return
    work = functools.partial(_read_one, fmt=fmt, reference=reference, shape=shape, options=options)
    # fork on Linux (workers start at once, the parsers already imported); spawn elsewhere (macOS, Windows)
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    with multiprocessing.get_context(method).Pool(jobs) as pool:
        waiting = iter(inputs)
        pending: collections.deque[tuple[str, AsyncResult[list[Out]] | list[Out] | str]] = collections.deque()

        def submit() -> None:
            item = next(waiting, None)
            if isinstance(item, ReadFailure):
                pending.append((item.path, [_serialise(item, item.path, reference, shape)]))
            elif item is not None:
                plan = _plan(item, fmt, options)
                pending.append((item, pool.apply_async(work, (item,)) if plan == "worker" else plan))

        for _ in range(2 * jobs):
            submit()
        while pending:
            path, result = pending.popleft()
            where.done = 0
            if result == "chunks":
                chunked = _dump_outputs(path, reference, shape, where=where, options=options, pool=pool, ahead=2 * jobs)
                yield path, chunked
            elif isinstance(result, str):
                yield path, _outputs(path, fmt, reference, shape, options)
            elif isinstance(result, list):
                yield path, result
            else:
                yield path, result.get()
            submit()


class Position:
    """How many bytes of the file being streamed have been read: the progress line's measure inside a file."""

    __slots__ = ("done",)

    def __init__(self) -> None:
        self.done = 0


def _dump_outputs(
    path: str,
    reference: dt.date | None,
    shape: Shape,
    *,
    where: Position,
    options: reader.ReadOptions,
    pool: multiprocessing.pool.Pool | None = None,
    ahead: int = 0,
) -> Iterator[Out]:
    """The posts of a large Telegram dump, streamed: parsed here a chunk at a time, or with a ``pool`` by the
    workers a batch at a time, at most ``ahead`` batches ahead of the writer. Either way the same records, spans
    included, as ``read()`` gives; ``where`` follows the bytes read."""
    pending: collections.deque[AsyncResult[list[Out]]] = collections.deque()
    file = pathlib.Path(path)
    try:
        encoding = reader.stream_encoding_of(path, options)
        with reader.open_input(file, options) as stream:
            chunks = telegram_chunks(reader.telegram_lines(stream, options, encoding))
            if pool is None:
                for post in _chunk_posts(chunks, encoding, path):  # chunks parsed a group at a time
                    yield _serialise(post, path, reference, shape)
                    where.done = reader.consumed(stream)
                where.done = reader.consumed(stream)  # chunks with no post count as read too
            else:
                for batch in _batches(chunks):
                    args = (batch, path, reference, shape, encoding)
                    pending.append(pool.apply_async(_read_chunks, args))
                    if len(pending) >= ahead:
                        yield from pending.popleft().get()
                    where.done = reader.consumed(stream)
    except reader.INPUT_ERRORS as exc:
        while pending:
            yield from pending.popleft().get()
        failure = reader.stopped(path, "telegram-text", exc)
        reader.provenance(failure, path, None, 0)
        yield _serialise(failure, path, reference, shape)
        return
    while pending:
        yield from pending.popleft().get()
