"""The command line: ``mfaparse parse | clean | dedup | detect``.

``main(argv) -> int`` is what the ``mfaparse`` script and ``python -m mfaparse`` run. Exit codes: 0 all good,
1 some inputs failed (a summary on stderr says how many and which), 2 usage errors.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import os
import pathlib
import sys
import time
from collections.abc import Sequence
from typing import IO, Any

from mfaparse import __version__, reader
from mfaparse._model.documents import Article, Post
from mfaparse._model.jsonl import from_jsonl, to_jsonl
from mfaparse._model.results import ReadFailure
from mfaparse._parallel import CSV_FIELDS, Position, results
from mfaparse._text.clean import clean_text
from mfaparse._text.near_duplicates import NearDupOptions, dedup_posts
from mfaparse.formats import FORMATS

__all__ = ["main"]

_PROGRESS_EVERY = 0.5  # seconds between progress lines inside a large file
_BATCH_CHARS = 1 << 20  # about 300 posts: a -j work unit of a large dump


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


def _inputs(paths: Sequence[str]) -> list[str | ReadFailure]:
    """The inputs (:func:`mfaparse.expand_paths`, as ``read()`` and Dask expand them), so that -j can share them
    out; a name that is no input (missing, a FIFO) is its failure, in its place."""
    return list(reader.expand_paths(paths))


def _format(args: argparse.Namespace) -> str | None:
    return None if args.format == "auto" else str(args.format)


def _open_output(path: str | None, command: str, *, binary: bool = False) -> IO[Any] | None:
    """The output file, opened for writing (stdout where none is named); None, and a one-line message, where it
    cannot be."""
    if path is None:
        return sys.stdout
    try:
        return open(path, "wb") if binary else open(path, "w", encoding="utf-8", newline="")  # the caller closes it
    except OSError as exc:
        print(f"mfaparse {command}: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return None


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
    inputs = _inputs(args.paths)
    failures: list[ReadFailure] = []
    out = _open_output(args.output, "parse")
    if out is None:
        return 2
    progress = _Progress([f for f in inputs if isinstance(f, str)], enabled=not args.quiet)
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS) if args.output_format == "csv" else None
    if writer is not None:
        writer.writeheader()
    where = Position()
    try:
        for path, outputs in results(
            inputs, _format(args), args.reference_date, args.jobs, args.output_format, where=where, options=args.options
        ):
            for item, failure in outputs:
                if failure is not None:
                    failures.append(failure)
                _write(out, writer, item)
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


def _write(out: IO[str], writer: csv.DictWriter[str] | None, item: str | dict[str, object]) -> None:
    if isinstance(item, dict):
        assert writer is not None
        writer.writerow(item)
    else:
        out.write(item + "\n")


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
    target = _open_output(args.output, "parse", binary=True)
    if target is None:
        return 2
    rows: list[dict[str, object]] = []
    failures = 0
    for _path, outputs in results(
        _inputs(args.paths),
        _format(args),
        args.reference_date,
        args.jobs,
        "csv",
        where=Position(),
        options=args.options,
    ):
        for item, failure in outputs:
            failures += failure is not None
            if isinstance(item, dict):
                rows.append({f: None if item.get(f) is None else str(item.get(f)) for f in CSV_FIELDS})
    table = pa.Table.from_pylist(rows, schema=pa.schema([(f, pa.string()) for f in CSV_FIELDS]))
    with target:
        pq.write_table(table, target)
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
    """The format of each input ``parse`` would read: files, folders, globs, ``.gz`` files, ``.zip`` members."""
    status = 0
    for name, found in reader.detect_paths(args.paths, args.options):
        if isinstance(found, ReadFailure):
            print(f"{found.path}\terror: {found.reason}")
            status = 1
        else:
            print(f"{name}\t{found}")
    return status


def main(argv: Sequence[str] | None = None, *, read_options: reader.ReadOptions | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); the exit code. ``read_options`` are the
    reader's (streaming threshold, limits), for a program that runs the command line in-process."""
    parser = _parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    args.options = read_options if read_options is not None else reader.ReadOptions()
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
