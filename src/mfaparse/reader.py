"""``read()``: every record of files, folders, globs and archives, lazily, with a failure record for what fails.

The reader is the only part of mfaparse that touches files. It expands paths (:func:`expand_paths`, which the
command line and Dask use too, so a folder means the same files everywhere), opens ``.gz`` files and ``.zip``
members with limits on their decompressed size and ratio, sniffs each input's format in the registry
(:mod:`mfaparse.formats`), streams large files, and turns any failure of one input — or of one record of a
records file — into a :class:`~mfaparse.ReadFailure` naming it. A bug in mfaparse is not swallowed.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Forwarded from Russian MFA 🇷🇺\\nOne post.", encoding="utf-8")
>>> _ = (folder / "b.json").write_text("{not json", encoding="utf-8")
>>> _ = (folder / "c.jsonl").write_text('{"title": "T", "body": "Text."}\\n[1]\\n', encoding="utf-8")
>>> [(type(r).__name__, pathlib.Path(getattr(r, "path", "")).name) for r in read(folder)]
[('Post', ''), ('ReadFailure', 'b.json'), ('Article', ''), ('ReadFailure', 'c.jsonl:2')]
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import pathlib
import stat
import sys
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from typing import IO, Any, Literal, TypeAlias

import attrs

from mfaparse._limits import Limited, ReadOptions, consumed, open_input, read_capped
from mfaparse._model.base import Provenance
from mfaparse._model.documents import Article, Post
from mfaparse._model.results import ReadFailure
from mfaparse._paths import SUFFIXES, PathLike, expand_paths
from mfaparse._text.decoding import decode, stream_encoding
from mfaparse.errors import MfaparseError, ParseError
from mfaparse.formats import FormatSpec, detect_value, kind_of, load_values, sniff, spec
from mfaparse.telegram._messages import Skipped

__all__ = [
    "INPUT_ERRORS",
    "SUFFIXES",
    "ReadOptions",
    "chunk_posts",
    "consumed",
    "csv_rows",
    "detect_paths",
    "element_failure",
    "expand_paths",
    "guarded",
    "json_line_records",
    "json_lines",
    "open_input",
    "plan",
    "read",
    "read_path",
    "stopped",
    "stream_encoding_of",
    "telegram_lines",
    "with_encoding",
]

Record: TypeAlias = "Post | Article | ReadFailure"
_HEAD_BYTES = 64 * 1024
INPUT_ERRORS: tuple[type[BaseException], ...] = (
    MfaparseError,
    OSError,
    EOFError,
    UnicodeDecodeError,
    zipfile.BadZipFile,
    zlib.error,
)
"""What one input may fail with: content no parser can read (ParseError, a missing extra), the file system,
a broken archive, bad bytes. Each becomes a ReadFailure; anything else is a bug and propagates."""


def _is_regular(path: pathlib.Path) -> bool:
    return stat.S_ISREG(path.stat().st_mode)


def read(
    paths: PathLike | Iterable[PathLike], *, format: str | None = None, options: ReadOptions | None = None
) -> Iterator[Record]:
    """Records of files, folders (recursive), globs (``dumps/**/*.txt``), ``.gz`` files and ``.zip`` archives,
    or ``-`` for stdin, lazily.

    The format of each input is detected from its content unless ``format`` names one (see
    :data:`mfaparse.FORMATS`). An input that cannot be read or parsed — or one record of a records file — yields
    a :class:`ReadFailure` naming it (``path``, ``path:line``, ``path#index``, ``archive!member``) and reading
    goes on: nothing is dropped without a record.
    """
    if format is not None and format != "auto":
        spec(format)  # ValueError naming the choices, at the call, before any file is read
    fmt = None if format in (None, "auto") else format
    opts = options if options is not None else ReadOptions()
    if not isinstance(opts, ReadOptions):
        raise TypeError(f"options must be ReadOptions, not {type(opts).__name__}")
    if not isinstance(paths, (str, os.PathLike, Iterable)) or isinstance(paths, bytes):
        raise TypeError(f"paths must be a path or an iterable of paths, not {type(paths).__name__}")
    return _read(paths, fmt, opts)


def _read(paths: PathLike | Iterable[PathLike], fmt: str | None, opts: ReadOptions) -> Iterator[Record]:
    for item in expand_paths(paths):
        if isinstance(item, ReadFailure):
            yield attrs.evolve(item, format=fmt)
        else:
            yield from read_path(item, fmt, opts)


def read_path(path: str, fmt: str | None = None, options: ReadOptions | None = None) -> Iterator[Record]:
    """The records of one input from :func:`expand_paths` (a file, or ``-``), failures included."""
    opts = options if options is not None else ReadOptions()
    if path == "-":
        yield from guarded("<stdin>", fmt, lambda: _stdin(opts, fmt))
        return
    file = pathlib.Path(path)
    if file.suffix == ".zip":
        yield from guarded(path, fmt, lambda: _zip(file, fmt, opts), stamp=False)  # each member stamps its own
        return
    yield from guarded(path, fmt, lambda: _file(file, fmt, opts))


def guarded(name: str, fmt: str | None, records: Any, *, stamp: bool = True, first: int = 0) -> Iterator[Record]:
    """The records, and a ReadFailure where they stop on an input error (those before it were given); with
    ``stamp``, each with its :class:`~mfaparse.Provenance` (``name`` is ``path`` or ``archive!member``), indexed
    from ``first`` (the records of a file's earlier parts, when it is read in parts)."""
    given = first
    path, _, member = name.partition("!") if ".zip!" in name else (name, "", "")
    try:
        for record in records():
            if stamp:
                provenance(record, path, member or None, given)
            given += 1
            yield record
    except INPUT_ERRORS as exc:
        failure = stopped(name, fmt, exc) if given else ReadFailure(path=name, format=fmt, reason=_reason(exc))
        if stamp:
            provenance(failure, path, member or None, given)
        yield failure


def provenance(record: Record, path: str, member: str | None, index: int) -> None:
    """Give ``record`` its provenance: ``path``, ``member``, and the ``index`` — unless the parse already placed it
    by ``line`` or ``offset`` (:func:`placed`), which keeps that place."""
    given = record.provenance
    if given is None:
        found = Provenance(path=path, member=member, index=index)
    elif not given.path:
        found = Provenance(path=path, member=member, line=given.line, offset=given.offset)
    else:
        return
    # The records are frozen and were made just now, by this read: setting the field in place spares a copy of each
    # (attrs.evolve would rebuild and check every field of every post of a large dump).
    object.__setattr__(record, "provenance", found)


def placed(records: Iterable[Any], *, by_offset: bool = False, line: int | None = None) -> Iterator[Any]:
    """The records, each placed in its input before :func:`provenance` names the input: a Telegram text post by
    its offset (``by_offset``), a JSON Lines record by its ``line``."""
    for record in records:
        offset = record.span.start if by_offset and isinstance(record, Post) else None
        if (offset is not None or line is not None) and isinstance(record, (Post, Article, ReadFailure)):
            object.__setattr__(record, "provenance", Provenance(path="", line=line, offset=offset))  # see above
        yield record


def _reason(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text ({exc.reason} at byte {exc.start})"
    if isinstance(exc, (OSError, EOFError, zipfile.BadZipFile, zlib.error)):
        return f"cannot read: {exc}"
    return str(exc)


def stopped(path: str | pathlib.Path, found: str | None, exc: BaseException) -> ReadFailure:
    """The failure record of an input that stopped part way (the records before it were already given)."""
    return ReadFailure(path=str(path), format=found, reason=f"stopped while streaming: {_reason(exc)}")


def _stdin_bytes(options: ReadOptions) -> bytes:
    stream = sys.stdin.buffer if hasattr(sys.stdin, "buffer") else io.BytesIO(sys.stdin.read().encode("utf-8"))
    return read_capped(stream, options.whole_bytes, "<stdin>")


def _stdin(options: ReadOptions, fmt: str | None) -> Iterator[Record]:
    yield from _whole("<stdin>", _stdin_bytes(options), fmt)


def _members(archive: zipfile.ZipFile, path: pathlib.Path) -> Iterator[tuple[zipfile.ZipInfo, str]]:
    """Each file of an archive, in name order, with the name it goes by (``archive.zip!member``)."""
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        if not info.is_dir():
            yield info, f"{path}!{info.filename}"


def _zip(path: pathlib.Path, fmt: str | None, options: ReadOptions) -> Iterator[Record]:
    with zipfile.ZipFile(path) as archive:
        for info, name in _members(archive, path):
            yield from guarded(name, fmt, lambda info=info, name=name: _member(archive, info, name, fmt, options))


def _member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, fmt: str | None, options: ReadOptions
) -> Iterator[Record]:
    yield from _whole(name, _member_bytes(archive, info, name, options), fmt)


def _member_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, options: ReadOptions) -> bytes:
    """A ``.zip`` member's bytes, within the limits (its declared sizes checked first, then what it expands to)."""
    cap = min(options.whole_bytes, options.max_bytes or options.whole_bytes)
    if info.file_size > cap:
        raise ParseError(f"{name} expands to {info.file_size:,} bytes, more than {cap:,} (ReadOptions.whole_bytes)")
    if info.file_size > options.ratio_floor and info.file_size > options.max_ratio * max(info.compress_size, 1):
        raise ParseError(f"{name} expands more than {options.max_ratio} times its compressed size: refused as a bomb")
    with archive.open(info) as member:
        limited = Limited(member, lambda: info.compress_size, name, options, cap)
        with io.BufferedReader(limited) as stream:
            return read_capped(stream, cap, name)


Plan = Literal["chunks", "stream", "whole"]


def plan(path: str, fmt: str | None = None, options: ReadOptions | None = None) -> tuple[Plan, FormatSpec | None]:
    """How an input is read: ``chunks`` (a large Telegram dump, read a chunk of posts at a time: the command
    line shares its chunks among workers), ``stream`` (another large file: a Desktop export, JSON Lines), or
    ``whole``; and the format, where it is known before reading."""
    how, entry, _ = _plan(path, fmt, options if options is not None else ReadOptions())
    return how, entry


def _plan(path: str, fmt: str | None, options: ReadOptions) -> tuple[Plan, FormatSpec | None, str]:
    """:func:`plan`, and the encoding a streamed file reads in (found from the same head)."""
    file = pathlib.Path(path)
    if path == "-" or file.suffix == ".zip":
        return "whole", None, "utf-8-sig"
    try:
        if not _is_regular(file) or file.stat().st_size < options.stream_bytes:
            return "whole", None, "utf-8-sig"
        with open_input(file, options) as stream:
            raw_head = stream.read(_HEAD_BYTES)
    except (*INPUT_ERRORS,):
        return "whole", None, "utf-8-sig"  # read whole, which reports the real error
    encoding = _head_encoding(raw_head)
    entry = _stream_spec(raw_head.decode(encoding, errors="replace"), fmt)
    if entry is None:
        return "whole", None, encoding
    return ("chunks" if entry.stream == "lines" else "stream"), entry, encoding


def stream_encoding_of(path: str, options: ReadOptions | None = None) -> str:
    """The encoding a large file is streamed in (UTF-8, a BOM's, or a Cyrillic code page told from its head)."""
    return _plan(path, None, options if options is not None else ReadOptions())[2]


def _stream_spec(head: str, fmt: str | None) -> FormatSpec | None:
    """The format a large file streams as, from its head; None when it is read whole."""
    stripped = head.lstrip("\ufeff \t\r\n")
    given = spec(fmt) if fmt else None
    if kind_of(stripped) == "json":
        line, newline, _ = stripped.partition("\n")
        first: Any = None
        if newline:
            with contextlib.suppress(ValueError, RecursionError):
                first = json.loads(line)
        if isinstance(first, dict) and not isinstance(first.get("messages"), list):  # JSON Lines, one record a line
            try:
                entry = given or detect_value([first])
            except ParseError:
                return None
            return entry if entry.stream == "json-lines" else None
        if (given is None or given.name == "telegram-export-json") and '"messages"' in head:
            return spec("telegram-export-json")
        return None
    if given is not None:
        return given if given.stream in ("lines", "csv") else None
    try:  # the head ends mid-line: whole lines only
        entry, _ = sniff(head[: head.rfind("\n") + 1] or head)
    except ParseError:
        return None
    return entry if entry.stream in ("lines", "csv") else None


def _file(path: pathlib.Path, fmt: str | None, options: ReadOptions) -> Iterator[Record]:
    how, entry, encoding = _plan(str(path), fmt, options)
    if how == "whole" or entry is None:
        with open_input(path, options) as stream:
            data = read_capped(stream, options.whole_bytes, str(path))
        yield from _whole(str(path), data, fmt)
    elif entry.stream in ("lines", "csv", "json-lines"):
        yield from with_encoding(_streamed_text(path, entry, options, encoding), encoding)
    elif entry.stream == "export":
        from mfaparse.telegram.export_json import stream_export  # noqa: PLC0415  # lazily

        with open_input(path, options) as stream:
            for item in stream_export(stream, keep_going=True):
                yield element_failure(str(path), item) if isinstance(item, Skipped) else item[0]


def with_encoding(records: Iterable[Record], encoding: str) -> Iterator[Record]:
    """The records, each saying its file's encoding where that was not UTF-8 (UTF-8 is the default: None)."""
    if encoding in ("utf-8", "utf-8-sig"):
        yield from records
        return
    for record in records:
        yield record if isinstance(record, ReadFailure) else attrs.evolve(record, encoding=encoding)


def _streamed_text(path: pathlib.Path, entry: FormatSpec, options: ReadOptions, encoding: str) -> Iterator[Record]:
    """A large text file of a line-, row- or JSON-line-streamed format, read in ``encoding``."""
    if entry.stream == "lines":
        from mfaparse.telegram.text import telegram_chunks  # noqa: PLC0415  # the reader imports parsers lazily

        with open_input(path, options) as stream:
            yield from chunk_posts(telegram_chunks(telegram_lines(stream, options, encoding)))
    elif entry.stream == "csv":
        with open_input(path, options) as stream:
            yield from csv_rows(str(path), stream, encoding, entry)
    else:
        with open_input(path, options) as stream:
            yield from json_lines(str(path), stream, options, encoding, entry.name)


def csv_rows(
    name: str, stream: IO[bytes], encoding: str, entry: FormatSpec, *, header: str | None = None, first_line: int = 2
) -> Iterator[Record]:
    """The records of CSV rows read from a binary stream in ``encoding``, a bad row a failure naming its line (a
    part of a file: its ``header`` and the number of its ``first_line``, as ``csv_records`` takes them)."""
    from mfaparse.tass.csv_records import csv_records  # noqa: PLC0415  # the reader imports parsers lazily

    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        for row in csv_records(text, keep_going=True, header=header, first_line=first_line):
            yield element_failure(name, row, entry) if isinstance(row, Skipped) else row
    finally:
        text.detach()


def json_lines(
    name: str, stream: IO[bytes], options: ReadOptions, encoding: str, fmt: str | None, *, first_line: int = 1
) -> Iterator[Record]:
    """The records of JSON Lines read from a binary stream a line at a time, numbered from ``first_line``."""
    lines = enumerate(telegram_lines(stream, options, encoding), start=first_line)
    yield from json_line_records(name, lines, fmt)


def chunk_posts(chunks: Iterable[tuple[str, int]]) -> Iterator[Post]:
    """The posts of a dump's chunks (:func:`~mfaparse.telegram.text.telegram_chunks`), each placed by its offset."""
    from mfaparse.telegram.text import parse_chunks  # noqa: PLC0415  # the reader imports parsers lazily

    return placed(parse_chunks(chunks), by_offset=True)


def _head_encoding(head: bytes) -> str:
    """The encoding a file's head reads in; UTF-8 (BOM or none) where it cannot be told (the read reports the real
    error)."""
    try:
        encoding = stream_encoding(head)
    except ParseError:
        return "utf-8-sig"
    return "utf-8-sig" if encoding == "utf-8" else encoding


def detect_paths(
    paths: PathLike | Iterable[PathLike], options: ReadOptions | None = None
) -> Iterator[tuple[str, str | ReadFailure]]:
    """The format of every input :func:`read` would read from ``paths`` — each file of a folder, each member of a
    ``.zip``, a ``.gz`` file's content — or the ReadFailure that reading it would give."""
    opts = options if options is not None else ReadOptions()
    for item in expand_paths(paths):
        if isinstance(item, ReadFailure):
            yield item.path, item
        elif item != "-" and pathlib.Path(item).suffix == ".zip":
            yield from _guarded_detect(item, lambda item=item: _detect_zip(pathlib.Path(item), opts))
        else:
            yield from _guarded_detect(item, lambda item=item: iter([(item, _detect_one(item, opts))]))


def _guarded_detect(name: str, found: Any) -> Iterator[tuple[str, str | ReadFailure]]:
    try:
        yield from found()
    except INPUT_ERRORS as exc:
        yield name, ReadFailure(path=name, format=None, reason=_reason(exc))


def _sniffed(data: bytes) -> str:
    """The format of an input's bytes, decoded as ``read()`` decodes them."""
    return sniff(decode(data)[0])[0].name


def _detect_one(path: str, options: ReadOptions) -> str:
    if path == "-":
        return _sniffed(_stdin_bytes(options))
    how, entry = plan(path, None, options)
    if how != "whole" and entry is not None:
        return entry.name
    with open_input(pathlib.Path(path), options) as stream:
        return _sniffed(read_capped(stream, options.whole_bytes, path))


def _detect_zip(path: pathlib.Path, options: ReadOptions) -> Iterator[tuple[str, str | ReadFailure]]:
    """Each member's format, guarded like a file's: a bad member is its own failure."""
    with zipfile.ZipFile(path) as archive:
        for info, name in _members(archive, path):
            yield from _guarded_detect(name, lambda info=info, name=name: _detect_member(archive, info, name, options))


def _detect_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, options: ReadOptions
) -> list[tuple[str, str | ReadFailure]]:
    return [(name, _sniffed(_member_bytes(archive, info, name, options)))]


def telegram_lines(stream: IO[bytes], options: ReadOptions, encoding: str = "utf-8-sig") -> Iterator[str]:
    """The lines of a binary stream (UTF-8, BOM or none, unless ``encoding`` says otherwise), each at most
    ``options.max_line`` characters: a longer one is a ParseError before it is read whole."""
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    limit = options.max_line
    ahead = ""  # a line read to learn whether a "\r" was the first half of a "\r\n"
    try:
        while True:
            line, ahead = ahead or text.readline(limit + 1), ""
            if not line:
                return
            if len(line) > limit:
                if not line.endswith(("\n", "\r")):
                    raise ParseError(f"a line longer than {limit:,} characters (ReadOptions.max_line)")
                if line.endswith("\r"):  # a line of ``limit`` characters: the read stopped inside its "\r\n"?
                    ahead = text.readline(limit + 1)
                    if ahead == "\n":
                        line, ahead = line + ahead, ""
            yield line
    finally:
        if not stream.closed:
            text.detach()  # the caller's stream stays open: it closes it


def json_line_records(name: str, lines: Iterable[tuple[int, str]], fmt: str | None) -> Iterator[Record]:
    """The records of JSON Lines, a line at a time: a line that is no JSON, or no record of the format, is a
    ReadFailure naming ``name:line`` and reading goes on. The format is the first line's, unless given."""
    entry = spec(fmt) if fmt else None
    for number, line in lines:
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            value = json.loads(line)
        except ValueError as exc:
            reason = f"not JSON: {getattr(exc, 'msg', exc)}"
        except RecursionError:
            reason = "not JSON: nested deeper than the JSON reader's limit"
        else:
            if entry is None:
                entry = detect_value([value])
            yield from placed(_line_records(where, entry, [value]), line=number)
            continue
        yield from placed([ReadFailure(path=where, format=fmt, reason=reason)], line=number)


def _whole(name: str, data: bytes, fmt: str | None) -> Iterator[Record]:
    """The records of one input read whole (bytes): decoded (UTF-8, a BOM's UTF-16/32, a Cyrillic code page told
    by its letters), loaded and sniffed once, parsed item by item; a record of a file not in UTF-8 says which."""
    text, encoding = decode(data)
    yield from with_encoding(_whole_text(name, text, fmt), encoding)


def _whole_text(name: str, text: str, fmt: str | None) -> Iterator[Record]:
    if kind_of(text) == "json" and (fmt is None or spec(fmt).kind == "json"):
        try:
            value = json.loads(text)
        except ValueError as exc:
            if not _is_lines(text):
                raise ParseError(f"expected JSON or JSON Lines: {getattr(exc, 'msg', exc)}") from exc
            yield from json_line_records(name, enumerate(text.split("\n"), start=1), fmt)
            return
        except RecursionError as exc:
            raise ParseError("expected JSON: nested deeper than the JSON reader's limit") from exc
        values = value if isinstance(value, list) else [value]
        entry = spec(fmt) if fmt else detect_value(values)
        for item in entry.records(values, True):
            yield element_failure(name, item) if isinstance(item, Skipped) else item
        return
    entry = spec(fmt) if fmt else sniff(text)[0]
    items = entry.records(load_values(text)[0] if entry.kind == "json" else text, True)
    for item in placed(items, by_offset=entry.name == "telegram-text"):
        yield element_failure(name, item, entry) if isinstance(item, Skipped) else item


def _line_records(where: str, entry: FormatSpec, values: list[Any]) -> Iterator[Record]:
    """The records of one JSON Lines line: a bad one is ``where``; in a line holding several, ``where#index``."""
    items = list(entry.records(values, True))
    for item in items:
        if isinstance(item, Skipped):
            yield ReadFailure(path=where if len(items) == 1 else f"{where}#{item.index}", format=entry.name,
                              reason=str(item.error))  # fmt: skip
        else:
            yield item


def element_failure(name: str, skipped: Skipped, entry: FormatSpec | None = None) -> ReadFailure:
    """The failure of one element: ``name#index``, or ``name:line`` for formats numbered by line (CSV)."""
    where = f"{name}:{skipped.index}" if entry is not None and entry.numbered == "line" else f"{name}#{skipped.index}"
    return ReadFailure(path=where, format=entry.name if entry else None, reason=str(skipped.error))


def _is_lines(text: str) -> bool:
    """Whether JSON text that does not load as one document is JSON Lines (its first line is one value)."""
    first, newline, rest = text.lstrip("\ufeff \t\r\n").partition("\n")
    return bool(newline and rest.strip()) and _one_value(first)


def _one_value(line: str) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return False
    return True
