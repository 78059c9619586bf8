"""The command line: ``mfaparse parse | clean | dedup | detect``.

``main(argv) -> int`` is what the ``mfaparse`` script and ``python -m mfaparse`` run. Exit codes: 0 all good,
1 some inputs failed (a summary on stderr says how many and which), 2 usage errors.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import csv
import datetime as dt
import functools
import multiprocessing
import multiprocessing.pool
import os
import pathlib
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from multiprocessing.pool import AsyncResult
from typing import IO, Any

import attrs

from mfaparse import __version__, reader
from mfaparse.clean import clean_text
from mfaparse.detect import FORMATS, detect
from mfaparse.documents import Article, Post
from mfaparse.jsonl import from_jsonl, to_jsonl
from mfaparse.near_duplicates import NearDupOptions, dedup_posts
from mfaparse.reader import ReadFailure, read
from mfaparse.telegram.text import parse_chunk, telegram_chunks

__all__ = ["main"]

_PROGRESS_EVERY = 0.5  # seconds between progress lines inside a large file
_BATCH_CHARS = 1 << 20  # about 300 posts: a -j work unit of a large dump
_CSV_FIELDS = ("type", "path", "channel", "message_id", "url", "posted_at", "forward", "title", "place", "date",
               "hashtags", "text", "clean_text", "reason")  # fmt: skip


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mfaparse", description="Structured records from TASS and Telegram text.")
    parser.add_argument("--version", action="version", version=f"mfaparse {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    parse = sub.add_parser("parse", help="parse files or folders into JSON Lines (or CSV)")
    parse.add_argument("paths", nargs="+", help="files, folders, .gz, .zip, or - for stdin")
    parse.add_argument("-o", "--output", help="write here instead of stdout")
    parse.add_argument("--format", default="auto", choices=("auto", *FORMATS), help="input format (default: detect)")
    parse.add_argument(
        "--output-format", default="jsonl", choices=("jsonl", "csv", "parquet"), help="jsonl (default), csv or parquet"
    )
    parse.add_argument("-j", "--jobs", type=int, default=1, help="files parsed in parallel (default 1)")
    parse.add_argument("--reference-date", type=dt.date.fromisoformat, help="resolve year-less TASS timestamps")
    verbosity = parse.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")
    verbosity.add_argument("-v", "--verbose", action="store_true", help="name each failed input")
    sub.add_parser("clean", help="the NLP view of stdin, to stdout")
    dedup = sub.add_parser("dedup", help="duplicate groups of the posts in JSON Lines (from parse) on stdin or files")
    dedup.add_argument("paths", nargs="*", help="JSON Lines files (default: stdin)")
    dedup.add_argument("--threshold", type=float, default=0.8, help="near-duplicate Jaccard threshold (default 0.8)")
    detect_cmd = sub.add_parser("detect", help="print the detected format of each file")
    detect_cmd.add_argument("paths", nargs="+")
    return parser


def _files(paths: Sequence[str]) -> list[str]:
    """Inputs split into files (folders expanded), so that -j can share them out; order kept."""
    files: list[str] = []
    for raw in paths:
        path = pathlib.Path(raw)
        if raw != "-" and path.is_dir():
            files.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file())
        else:
            files.append(raw)
    return files


_Out = tuple[str | dict[str, object], ReadFailure | None]  # a JSON line or a CSV row, and the failure it reports


def _outputs(path: str, fmt: str, reference: dt.date | None, output_format: str) -> Iterator[_Out]:
    """Each record of one input, serialised (a JSON line or a CSV row), with the failure it reports."""
    for record in read(path, format=fmt):
        yield _serialise(record, path, reference, output_format)


def _serialise(record: Post | Article | ReadFailure, path: str, reference: dt.date | None, output_format: str) -> _Out:
    if reference is not None:
        record = _with_reference(record, reference)
    failure = record if isinstance(record, ReadFailure) else None
    return (_csv_row(record, path) if output_format == "csv" else to_jsonl(record)), failure


def _read_one(path: str, fmt: str, reference: dt.date | None, output_format: str) -> list[_Out]:
    """One input parsed and serialised in a worker (-j): the parent only writes lines."""
    return list(_outputs(path, fmt, reference, output_format))


def _read_chunks(batch: list[tuple[str, int]], path: str, reference: dt.date | None, output_format: str) -> list[_Out]:
    """A batch of chunks of one large Telegram dump parsed and serialised in a worker (-j)."""
    return [
        _serialise(post, path, reference, output_format) for source, base in batch for post in parse_chunk(source, base)
    ]


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


def _with_reference(record: Post | Article | ReadFailure, reference: dt.date) -> Post | Article | ReadFailure:
    if isinstance(record, Article) and record.published is not None and not isinstance(record.published, dt.datetime):
        stamp = record.published
        if stamp.month and stamp.day:
            return attrs.evolve(record, published=stamp.resolve(reference))
    return record


def _plan(path: str, fmt: str) -> str:
    """How -j reads an input: ``chunks`` (a large Telegram dump, shared among the workers a batch of posts at a
    time), ``stream`` (another large file, or stdin, read by the writer: never collected whole) or ``worker``."""
    if path == "-":
        return "stream"  # stdin belongs to this process
    try:
        large = pathlib.Path(path).stat().st_size >= reader.STREAM_BYTES
        found = reader.stream_format(pathlib.Path(path), None if fmt == "auto" else fmt) if large else None  # type: ignore[arg-type]  # checked by the CLI's choices
    except OSError:
        return "worker"  # missing or unreadable: a worker reports it as a ReadFailure
    if found is None:
        return "worker"
    return "chunks" if found == "telegram-text" else "stream"


def _results(
    files: list[str], fmt: str, reference: dt.date | None, jobs: int, output_format: str, *, where: _Position
) -> Iterator[tuple[str, Iterable[_Out]]]:
    """Each input's outputs, in input order. A large Telegram dump is streamed a chunk of posts at a time (with -j,
    by the workers a batch at a time); with -j, workers parse and serialise whole small files, at most
    ``2 * jobs`` tasks ahead of the writer (memory stays bounded), and other large files are streamed here."""
    if jobs <= 1 or (len(files) == 1 and _plan(files[0], fmt) == "worker"):  # streamed: memory bounded by a post
        for path in files:
            where.done = 0
            if _plan(path, fmt) == "chunks":
                yield path, _dump_outputs(path, reference, output_format, where=where)
            else:
                yield path, _outputs(path, fmt, reference, output_format)
        return
    work = functools.partial(_read_one, fmt=fmt, reference=reference, output_format=output_format)
    # fork on Linux (workers start at once, the parsers already imported); spawn elsewhere (macOS, Windows)
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    with multiprocessing.get_context(method).Pool(jobs) as pool:
        waiting = iter(files)
        pending: collections.deque[tuple[str, AsyncResult[list[_Out]] | str]] = collections.deque()

        def submit() -> None:
            path = next(waiting, None)
            if path is not None:
                plan = _plan(path, fmt)
                pending.append((path, pool.apply_async(work, (path,)) if plan == "worker" else plan))

        for _ in range(2 * jobs):
            submit()
        while pending:
            path, result = pending.popleft()
            where.done = 0
            if result == "chunks":
                yield path, _dump_outputs(path, reference, output_format, where=where, pool=pool, ahead=2 * jobs)
            elif isinstance(result, str):
                yield path, _outputs(path, fmt, reference, output_format)
            else:
                yield path, result.get()
            submit()


class _Position:
    """How many bytes of the file being streamed have been read: the progress line's measure inside a file."""

    __slots__ = ("done",)

    def __init__(self) -> None:
        self.done = 0


def _dump_outputs(
    path: str,
    reference: dt.date | None,
    output_format: str,
    *,
    where: _Position,
    pool: multiprocessing.pool.Pool | None = None,
    ahead: int = 0,
) -> Iterator[_Out]:
    """The posts of a large Telegram dump, streamed: parsed here a chunk at a time, or with a ``pool`` by the
    workers a batch at a time, at most ``ahead`` batches ahead of the writer. Either way the same records, spans
    included, as ``read()`` gives; ``where`` follows the bytes read."""
    pending: collections.deque[AsyncResult[list[_Out]]] = collections.deque()
    file = pathlib.Path(path)
    try:
        with reader.opener_of(file)(file, "rt", encoding="utf-8-sig") as handle:
            raw = getattr(handle.buffer, "fileobj", handle.buffer)  # a .gz file's compressed stream: its size is known
            if pool is None:
                for source, base in telegram_chunks(handle):
                    for post in parse_chunk(source, base):
                        yield _serialise(post, path, reference, output_format)
                    where.done = raw.tell()
            else:
                for batch in _batches(telegram_chunks(handle)):
                    pending.append(pool.apply_async(_read_chunks, (batch, path, reference, output_format)))
                    if len(pending) >= ahead:
                        yield from pending.popleft().get()
                    where.done = raw.tell()
    except reader.STREAM_ERRORS as exc:
        while pending:
            yield from pending.popleft().get()
        yield _serialise(reader.stopped(path, "telegram-text", exc), path, reference, output_format)
        return
    while pending:
        yield from pending.popleft().get()


def _csv_row(record: Any, path: str) -> dict[str, object]:
    if isinstance(record, ReadFailure):
        return {"type": "ReadFailure", "path": record.path, "reason": record.reason}
    row: dict[str, object] = {
        "type": type(record).__name__,
        "path": path,
        "text": record.text,
        "clean_text": record.clean_text,
    }
    if isinstance(record, Post):
        row.update(
            channel=record.channel, message_id=record.message_id, url=record.url,
            posted_at=record.posted_at.isoformat() if record.posted_at else None,
            forward=record.forward.name if record.forward else None, title=record.title, place=record.place,
            date=record.date.iso() if record.date else None, hashtags=" ".join(h.tag for h in record.hashtags),
        )  # fmt: skip
    else:
        row.update(
            title=record.title,
            url=record.url,
            date=record.dateline.date.iso() if record.dateline and record.dateline.date else None,
        )
    return row


class _Progress:
    """Files and MB done, rate and ETA on a terminal's stderr; silent when stderr is not a terminal."""

    def __init__(self, files: list[str], enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.total = sum(pathlib.Path(f).stat().st_size for f in files if f != "-" and pathlib.Path(f).is_file())
        self.count = len(files)
        self.done_files = 0
        self.done_bytes = 0
        self.start = self.shown = time.perf_counter()

    def step(self, path: str) -> None:
        """One more file done."""
        self.done_files += 1
        with contextlib.suppress(OSError):
            self.done_bytes += pathlib.Path(path).stat().st_size if path != "-" else 0
        self._show(self.done_bytes)

    def within(self, done_in_file: int) -> None:
        """Bytes read of the file being streamed (a large dump shows progress before it is done)."""
        now = time.perf_counter()
        if self.enabled and now - self.shown >= _PROGRESS_EVERY:
            self._show(self.done_bytes + done_in_file)

    def _show(self, done: int) -> None:
        if not self.enabled:
            return
        self.shown = time.perf_counter()
        elapsed = max(self.shown - self.start, 1e-9)
        rate = done / 1e6 / elapsed
        left = max(self.total - done, 0) / 1e6 / rate if rate else 0.0
        sys.stderr.write(
            f"\r{self.done_files}/{self.count} files, {done / 1e6:.1f}/{self.total / 1e6:.1f} MB, "
            f"{rate:.1f} MB/s, ETA {left:.0f}s "
        )
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _parse(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        print("mfaparse parse: -j must be 1 or more", file=sys.stderr)
        return 2
    if args.output_format == "parquet":
        return _parse_parquet(args)
    files = _files(args.paths)
    out: IO[str] = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout  # noqa: SIM115  # closed below
    progress = _Progress(files, enabled=not args.quiet)
    failures: list[ReadFailure] = []
    writer = csv.DictWriter(out, fieldnames=_CSV_FIELDS) if args.output_format == "csv" else None
    if writer is not None:
        writer.writeheader()
    where = _Position()
    try:
        for path, outputs in _results(
            files, args.format, args.reference_date, args.jobs, args.output_format, where=where
        ):
            for item, failure in outputs:
                if failure is not None:
                    failures.append(failure)
                if isinstance(item, dict):
                    assert writer is not None
                    writer.writerow(item)
                else:
                    out.write(item + "\n")
                progress.within(where.done)
            progress.step(path)
    finally:
        progress.close()
        if args.output:
            out.close()
    if failures and not args.quiet:
        print(f"mfaparse: {len(failures)} input(s) failed; they are ReadFailure records in the output", file=sys.stderr)
        for failure in failures if args.verbose else failures[:5]:
            print(f"  {failure.path}: {failure.reason}", file=sys.stderr)
        if not args.verbose and len(failures) > 5:
            print("  ... (-v lists them all)", file=sys.stderr)
    return 1 if failures else 0


def _parse_parquet(args: argparse.Namespace) -> int:
    """The CSV columns, written as Parquet (needs pyarrow: ``pip install 'mfaparse[parquet]'``)."""
    try:
        import pyarrow as pa  # noqa: PLC0415  # optional dependency
        import pyarrow.parquet as pq  # noqa: PLC0415  # likewise
    except ImportError:
        print("mfaparse parse: --output-format parquet needs pyarrow: pip install 'mfaparse[parquet]'", file=sys.stderr)
        return 2
    if not args.output:
        print("mfaparse parse: --output-format parquet needs -o FILE", file=sys.stderr)
        return 2
    files = _files(args.paths)
    rows: list[dict[str, object]] = []
    failures = 0
    for _path, outputs in _results(files, args.format, args.reference_date, args.jobs, "csv", where=_Position()):
        for item, failure in outputs:
            failures += failure is not None
            if isinstance(item, dict):
                rows.append({f: None if item.get(f) is None else str(item.get(f)) for f in _CSV_FIELDS})
    table = pa.Table.from_pylist(rows, schema=pa.schema([(f, pa.string()) for f in _CSV_FIELDS]))
    pq.write_table(table, args.output)
    if failures and not args.quiet:
        print(f"mfaparse: {failures} input(s) failed; they are ReadFailure rows in the output", file=sys.stderr)
    return 1 if failures else 0


def _dedup(args: argparse.Namespace) -> int:
    lines: list[str] = []
    if args.paths:
        for path in args.paths:
            lines.extend(pathlib.Path(path).read_text(encoding="utf-8").splitlines())
    else:
        lines = sys.stdin.read().splitlines()
    posts = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = from_jsonl(line)
        except ValueError as exc:
            print(f"mfaparse dedup: line {number} is not a record from 'mfaparse parse': {exc}", file=sys.stderr)
            return 2
        if isinstance(record, (Post, Article)):
            posts.append(record)
    for group in dedup_posts(posts, NearDupOptions(threshold=args.threshold)):
        sys.stdout.write(to_jsonl(group) + "\n")
    return 0


def _detect(args: argparse.Namespace) -> int:
    status = 0
    for path in args.paths:
        try:
            text = pathlib.Path(path).read_text(encoding="utf-8")
            print(f"{path}\t{detect(text, path)}")
        except (OSError, UnicodeDecodeError, ValueError) as exc:  # noqa: PERF203  # one report per file, and on
            print(f"{path}\terror: {exc}")
            status = 1
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    try:
        return _run(args)
    except BrokenPipeError:  # the reader went away (`mfaparse parse ... | head`): stop quietly, as Unix tools do
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return 0


def _run(args: argparse.Namespace) -> int:
    if args.command == "parse":
        return _parse(args)
    if args.command == "clean":
        sys.stdout.write(clean_text(sys.stdin.read()) + "\n")
        return 0
    if args.command == "dedup":
        return _dedup(args)
    return _detect(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
