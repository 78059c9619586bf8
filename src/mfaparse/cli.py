"""The command line: ``mfaparse parse | clean | dedup | detect``.

``main(argv) -> int`` is what the ``mfaparse`` script and ``python -m mfaparse`` run. Exit codes: 0 all good,
1 some inputs failed (a summary on stderr says how many and which), 2 usage errors.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import logging
import os
import pathlib
import sys
import time
import typing
from collections.abc import Sequence
from typing import IO, Any

from mfaparse import __version__, _native, reader
from mfaparse._dedup_cmd import main_dedup
from mfaparse._model.profiles import PROFILES, check_fields
from mfaparse._model.results import ReadFailure
from mfaparse._parallel import Position, Shape, results
from mfaparse._text.clean import clean_text
from mfaparse._text.decoding import decode
from mfaparse.errors import ParseError
from mfaparse.formats import FORMATS

__all__ = ["main"]

_LOG = logging.getLogger("mfaparse")

_PROGRESS_EVERY = 0.5  # seconds between progress lines inside a large file
_BATCH_CHARS = 1 << 20  # about 300 posts: a -j work unit of a large dump


_EPILOG = """examples:
  mfaparse parse dumps/ -o records.jsonl             every file of a folder, slim records (the default)
  mfaparse parse export.json --profile full -o x.jsonl   whole records: spans, removals; they load back
  mfaparse parse dumps/ --fields text,forward.name,hashtags.tag -o x.jsonl
  mfaparse parse big.txt -j 4 --output-format csv -o posts.csv
  mfaparse detect dumps/ archive.zip                 the format of each input, or "unknown"
  mfaparse dedup records.jsonl --keep first > kept.jsonl
  mfaparse clean post.txt                            the NLP view of a file (or of stdin)
"""


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr and exit code 2 (argparse's own prints the whole usage first)."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog.split()[0]} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mfaparse",
        description="Structured records from TASS and Telegram text.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    core = "on" if _native.active() else "off"
    parser.add_argument("--version", action="version", version=f"mfaparse {__version__} (native core: {core})")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    parse = sub.add_parser(
        "parse",
        help="parse files or folders into JSON Lines (or CSV)",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse.add_argument("paths", nargs="+", help="files, folders, .gz, .zip, or - for stdin")
    parse.add_argument("-o", "--output", help="write here instead of stdout")
    parse.add_argument("--format", default="auto", choices=("auto", *FORMATS), help="input format (default: detect)")
    parse.add_argument(
        "--output-format", default="jsonl", choices=("jsonl", "csv", "parquet"), help="jsonl (default), csv or parquet"
    )
    parse.add_argument(
        "--profile",
        default="slim",
        choices=PROFILES,
        help="slim (default): text, metadata, entities, provenance; full: whole records that load back",
    )
    parse.add_argument("--fields", type=_names, help="only these fields, comma-separated (dotted: forward.name)")
    parse.add_argument("--exclude", type=_names, help="without these fields, comma-separated")
    parse.add_argument("-j", "--jobs", type=int, default=1, help="files parsed in parallel (default 1)")
    parse.add_argument("--reference-date", type=dt.date.fromisoformat, help="resolve year-less TASS timestamps")
    verbosity = parse.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary: errors only")
    verbosity.add_argument("-v", "--verbose", action="store_true", help="name each failed input")
    clean = sub.add_parser("clean", help="the NLP view of files (or of stdin), to stdout")
    clean.add_argument("paths", nargs="*", help="text files (default: stdin)")
    dedup = sub.add_parser("dedup", help="duplicate groups of the posts in JSON Lines (from parse) on stdin or files")
    dedup.add_argument("paths", nargs="*", help="JSON Lines files (default: stdin)")
    dedup.add_argument("--threshold", type=float, default=0.8, help="near-duplicate Jaccard threshold (default 0.8)")
    what = dedup.add_mutually_exclusive_group()
    what.add_argument("--keep", choices=("first", "longest"), help="write the records, one of each group kept")
    what.add_argument("--annotate", action="store_true", help="write every record with its duplicate_groups")
    detect_cmd = sub.add_parser("detect", help="print the detected format of each file")
    detect_cmd.add_argument("paths", nargs="+")
    return parser


def _names(value: str) -> tuple[str, ...]:
    """A comma-separated list of field names, each checked against the records' fields."""
    try:
        return check_fields(name.strip() for name in value.split(",") if name.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


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


def _shape(args: argparse.Namespace, form: str) -> Shape | None:
    """How ``parse`` writes records; None (after a one-line error) for a field selection CSV cannot write."""
    shape = Shape(form=form, profile=args.profile, fields=args.fields, exclude=args.exclude)
    if form == "csv":
        try:
            shape.columns()
        except ValueError as exc:
            _LOG.error("mfaparse parse: %s", exc)
            return None
    return shape


def _parse(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        _LOG.error("mfaparse parse: -j must be 1 or more")
        return 2
    if args.output_format == "parquet":
        return _parse_parquet(args)
    shape = _shape(args, args.output_format)
    if shape is None:
        return 2
    started = time.monotonic()
    inputs = _inputs(args.paths)
    failures: list[ReadFailure] = []
    out = _open_output(args.output, "parse")
    if out is None:
        return 2
    progress = _Progress([f for f in inputs if isinstance(f, str)], enabled=not args.quiet)
    writer = None
    if shape.form == "csv":
        writer = csv.DictWriter(out, fieldnames=shape.columns(), extrasaction="ignore")
        writer.writeheader()
    where = Position()
    count = 0
    try:
        for path, outputs in results(
            inputs, _format(args), args.reference_date, args.jobs, shape, where=where, options=args.options
        ):
            for item, failure in outputs:
                if failure is not None:
                    failures.append(failure)
                _write(out, writer, item)
                count += 1
                progress.within(where.done)
            progress.step(path)
    finally:
        progress.close()
        if args.output:
            out.close()
    _summary(count, failures, time.monotonic() - started, verbose=args.verbose)
    return 1 if failures else 0


def _summary(count: int, failures: list[ReadFailure], seconds: float, *, verbose: bool) -> None:
    """The run in one line on stderr (``-q`` silences it), then the failed inputs (all of them with ``-v``)."""
    records = count - len(failures)
    _LOG.info(
        "mfaparse: %d record%s, %d failure%s in %.1f s",
        records,
        "" if records == 1 else "s",
        len(failures),
        "" if len(failures) == 1 else "s",
        seconds,
    )
    for failure in failures if verbose else failures[:5]:
        _LOG.warning("  %s: %s", failure.path, failure.reason)
    if not verbose and len(failures) > 5:
        _LOG.warning("  ... (-v lists them all; they are ReadFailure records in the output)")


def _write(out: IO[str], writer: csv.DictWriter[str] | None, item: str | dict[str, object]) -> None:
    if isinstance(item, dict):
        assert writer is not None
        writer.writerow(item)
    else:
        out.write(item + "\n")


def _parse_parquet(args: argparse.Namespace) -> int:
    """Typed Parquet (:mod:`mfaparse.tables`), written in row groups while the records come (needs pyarrow:
    ``pip install 'mfaparse[parquet]'``)."""
    try:
        import pyarrow  # noqa: F401, PLC0415  # only to say at once that it is missing

        from mfaparse.tables import ParquetWriter  # noqa: PLC0415  # pyarrow is optional
    except ImportError:
        _LOG.error("mfaparse parse: --output-format parquet needs pyarrow: pip install 'mfaparse[parquet]'")
        return 2
    if not args.output:
        _LOG.error("mfaparse parse: --output-format parquet needs -o FILE")
        return 2
    if args.fields or args.exclude:
        _LOG.error("mfaparse parse: Parquet has the table's columns; --fields and --exclude are for jsonl and csv")
        return 2
    target = _open_output(args.output, "parse", binary=True)
    if target is None:
        return 2
    started = time.monotonic()
    failures: list[ReadFailure] = []
    count = 0
    shape = Shape(form="rows", profile=args.profile)
    with target:
        writer = ParquetWriter(target, args.profile)
        try:
            for _path, outputs in results(
                _inputs(args.paths), _format(args), args.reference_date, args.jobs, shape, where=Position(),
                options=args.options,
            ):  # fmt: skip
                for item, failure in outputs:
                    if failure is not None:
                        failures.append(failure)
                    assert isinstance(item, dict)  # the "rows" shape gives rows
                    writer.write(item)
                    count += 1
        finally:
            writer.close()
    _summary(count, failures, time.monotonic() - started, verbose=args.verbose)
    return 1 if failures else 0


def _dedup(args: argparse.Namespace) -> int:
    return main_dedup(args.paths, args.threshold, args.keep, args.annotate)


def _detect(args: argparse.Namespace) -> int:
    """The format of each input ``parse`` would read: files, folders, globs, ``.gz`` files, ``.zip`` members;
    ``unknown`` where no format recognises one (exit code 1, as ``parse`` fails on it)."""
    status = 0
    for name, found in reader.detect_paths(args.paths, args.options):
        if isinstance(found, ReadFailure):
            unknown = found.reason.startswith("unknown format")
            print(f"{found.path}\tunknown" if unknown else f"{found.path}\terror: {found.reason}")
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
    handler = _Stderr()
    quiet, verbose = getattr(args, "quiet", False), getattr(args, "verbose", False)
    _LOG.setLevel(logging.ERROR if quiet else logging.DEBUG if verbose else logging.INFO)
    _LOG.addHandler(handler)
    _LOG.propagate = False  # the command line speaks once, on stderr, whatever the host program configured
    try:
        return _run(args)
    except BrokenPipeError:  # the reader went away (`mfaparse parse ... | head`): stop quietly, as Unix tools do
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return 0
    finally:
        _LOG.removeHandler(handler)


class _Stderr(logging.Handler):
    """Log records as bare lines on the ``sys.stderr`` of the moment (a test or a host program may swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(self.format(record) + "\n")


def _clean(args: argparse.Namespace) -> int:
    """The NLP view of each file named (decoded as the reader decodes), or of stdin, one after the other."""
    if not args.paths:
        sys.stdout.write(clean_text(sys.stdin.read()) + "\n")
        return 0
    status = 0
    for path in args.paths:
        try:
            text, _ = decode(pathlib.Path(path).read_bytes())
        except (OSError, ParseError) as exc:
            _LOG.error("mfaparse clean: %s: %s", path, getattr(exc, "strerror", None) or exc)
            status = 1
            continue
        sys.stdout.write(clean_text(text) + "\n")
    return status


def _run(args: argparse.Namespace) -> int:
    if args.command == "parse":
        return _parse(args)
    if args.command == "clean":
        return _clean(args)
    if args.command == "dedup":
        return _dedup(args)
    return _detect(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
