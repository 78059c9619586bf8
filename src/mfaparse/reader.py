"""``read()``: every record of files, directories and archives, lazily, with an error record for what fails.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Forwarded from Russian MFA 🇷🇺\\nOne post.", encoding="utf-8")
>>> _ = (folder / "b.json").write_text("{not json", encoding="utf-8")
>>> [type(r).__name__ for r in read(folder)]
['Post', 'ReadFailure']
"""

from __future__ import annotations

import glob
import gzip
import json
import pathlib
import sys
import zipfile
from collections.abc import Iterable, Iterator
from typing import Any, TypeAlias

import attrs

from mfaparse._serde import Record
from mfaparse.detect import FORMATS, Format, _json_format, detect, parse_as
from mfaparse.documents import Article, Post, TelegramDump
from mfaparse.errors import MfaparseError

__all__ = ["ReadFailure", "read"]

_SUFFIXES = (".txt", ".json", ".jsonl", ".csv", ".html", ".htm")
STREAM_BYTES = 8 * 1024 * 1024
"""Telegram text dumps and Desktop exports at least this large are streamed instead of read whole."""
_STREAMED: tuple[Format, ...] = ("telegram-text", "telegram-export-json")
_RECORD_FORMATS: tuple[Format, ...] = ("tass-records", "telegram-client-json", "html-fragments")
"""Formats of one record per JSON value: large JSON Lines files of them are read a line at a time."""
STREAM_ERRORS = (UnicodeDecodeError, MfaparseError, ValueError)
"""What can stop a stream part way: bad bytes, or text no parser of the format can read."""
_HEAD_BYTES = 64 * 1024
PathLike: TypeAlias = "str | pathlib.Path"


@attrs.frozen(kw_only=True)
class ReadFailure(Record):
    """A file (or archive member) that could not be read or parsed: where, which format was tried, why."""

    path: str
    format: str | None
    reason: str


def _texts(path: pathlib.Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of a file, of a .gz file's content, or of each member of a .zip."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            for member in sorted(archive.namelist()):
                if not member.endswith("/"):
                    yield f"{path}!{member}", archive.read(member)
        return
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    yield str(path), data


def _files(path: pathlib.Path) -> Iterator[pathlib.Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and (child.suffix in (*_SUFFIXES, ".gz", ".zip")):
                yield child
    else:
        yield path


def _records(name: str, data: bytes, fmt: Format | None) -> Iterator[Post | Article | ReadFailure]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield ReadFailure(path=name, format=fmt, reason=f"not UTF-8 text ({exc.reason} at byte {exc.start})")
        return
    tried = fmt
    try:
        tried = fmt or detect(text, name)
        result = parse_as(text, tried)
    except (MfaparseError, ValueError) as exc:
        yield ReadFailure(path=name, format=tried, reason=str(exc))
        return
    if isinstance(result, TelegramDump):
        yield from result.posts
    elif isinstance(result, Article):
        yield result
    else:
        yield from result


def _stream(path: pathlib.Path, fmt: Format | None) -> Iterator[Post | Article | ReadFailure] | None:
    """Records of a large Telegram text dump, Desktop export or JSON Lines file, streamed (memory bounded by one
    record); None when the file is small or of another format (it is then read whole)."""
    found = stream_format(path, fmt)
    if found is None:
        return None
    if found in _RECORD_FORMATS:
        return _json_lines(path, found, opener_of(path))
    return _streamed(path, found, opener_of(path))


def opener_of(path: pathlib.Path) -> Any:
    """``gzip.open`` for ``.gz`` files, else ``open``."""
    return gzip.open if path.suffix == ".gz" else open


def stream_format(path: pathlib.Path, fmt: Format | None = None) -> Format | None:
    """The format a file is streamed as by :func:`read` (large Telegram text dumps, Desktop exports, JSON Lines
    of records), or None when it is read whole (small files, archives, other formats, undetectable heads)."""
    if path.suffix == ".zip" or path.stat().st_size < STREAM_BYTES or fmt not in (None, *_STREAMED, *_RECORD_FORMATS):
        return None
    with opener_of(path)(path, "rb") as handle:
        head = handle.read(_HEAD_BYTES).decode("utf-8", errors="replace")
    stripped = head.lstrip("\ufeff \t\r\n")
    first = _first_json_line(stripped)
    if isinstance(first, dict) and not isinstance(first.get("messages"), list):  # JSON Lines, one record a line
        try:
            found: Format = fmt or _json_format([first])
        except MfaparseError:
            return None  # read whole, where the real error is reported as a ReadFailure
        return found if found in _RECORD_FORMATS else None
    if fmt is not None:
        found = fmt
    elif stripped.startswith("{") and '"messages"' in head:
        found = "telegram-export-json"
    else:
        try:  # the head ends mid-line: look at whole lines only (JSON Lines would not parse otherwise)
            found = detect(head[: head.rfind("\n") + 1] or head, str(path))
        except MfaparseError:
            return None  # read whole, where the real error (if any) is reported as a ReadFailure
    return found if found in _STREAMED else None


def stopped(path: str | pathlib.Path, found: Format, exc: Exception) -> ReadFailure:
    """The failure record of a stream that stopped part way (the records before it were already given)."""
    return ReadFailure(path=str(path), format=found, reason=f"stopped while streaming: {exc}")


def _first_json_line(head: str) -> Any:
    """The JSON value on the first line of ``head`` when that line is one whole value (JSON Lines), else None."""
    line, newline, _ = head.partition("\n")
    if not newline or not line.startswith("{"):
        return None
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        return None


def _json_lines(path: pathlib.Path, found: Format, opener: Any) -> Iterator[Post | Article | ReadFailure]:
    """The records of a JSON Lines file, a line at a time; a line that is no JSON, or no record of ``found``,
    gives a ReadFailure naming the line, and reading goes on."""
    from mfaparse import iter_client_messages, iter_html_fragments  # noqa: PLC0415  # avoids an import cycle

    failures: list[ReadFailure] = []

    def values() -> Iterator[tuple[int, Any]]:
        with opener(path, "rt", encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    failures.append(ReadFailure(path=f"{path}:{number}", format=found, reason=f"not JSON: {exc.msg}"))

    try:
        if found == "tass-records":
            for number, value in values():
                yield from _drain(failures)
                is_batch = isinstance(value, dict) and isinstance(value.get("articles"), list)
                for record in value["articles"] if is_batch else [value]:
                    yield _tass_record(record, f"{path}:{number}")
        else:
            messages = (value for _, value in values())
            chosen = iter_client_messages if found == "telegram-client-json" else iter_html_fragments
            parsed = chosen(messages)
            for record in parsed:
                yield from _drain(failures)
                yield record
        yield from _drain(failures)
    except (*STREAM_ERRORS, TypeError) as exc:
        yield from _drain(failures)
        yield stopped(path, found, exc)


def _tass_record(record: Any, where: str) -> Article | ReadFailure:
    from mfaparse import parse_tass_record  # noqa: PLC0415  # avoids an import cycle

    try:
        return parse_tass_record(record)
    except (MfaparseError, TypeError, ValueError) as exc:
        return ReadFailure(path=where, format="tass-records", reason=str(exc))


def _drain(failures: list[ReadFailure]) -> Iterator[ReadFailure]:
    while failures:
        yield failures.pop(0)


def _streamed(path: pathlib.Path, found: Format, opener: Any) -> Iterator[Post | Article | ReadFailure]:
    from mfaparse.telegram.export import iter_telegram_export  # noqa: PLC0415  # avoids an import cycle
    from mfaparse.telegram.text import iter_telegram  # noqa: PLC0415  # likewise

    try:
        if found == "telegram-text":
            with opener(path, "rt", encoding="utf-8-sig") as text:
                yield from iter_telegram(text)
        else:
            with opener(path, "rb") as raw:
                yield from iter_telegram_export(raw)
    except STREAM_ERRORS as exc:
        yield stopped(path, found, exc)


def read(
    paths: PathLike | Iterable[PathLike], format: str = "auto"
) -> Iterator[Post | Article | ReadFailure]:  # the CLI's word
    """Records of files, directories (recursive), globs (``dumps/**/*.txt``), ``.gz`` files and ``.zip``
    archives, or ``-`` for stdin.

    The format of each file is detected from its content unless ``format`` names one. A file that cannot be
    read or parsed yields a :class:`ReadFailure` and reading goes on: nothing is dropped without a record.
    """
    if format != "auto" and format not in FORMATS:
        raise ValueError(f"format must be 'auto' or one of {', '.join(FORMATS)}, not {format!r}")
    fmt: Format | None = None if format == "auto" else format  # type: ignore[assignment]  # checked above
    items: list[PathLike] = []
    for given in [paths] if isinstance(paths, (str, pathlib.Path)) else list(paths):
        text = str(given)
        if text != "-" and any(ch in text for ch in "*?[") and not pathlib.Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))  # "dumps/**/*.txt"
            items.extend(matches or [given])  # no match: reported as missing below
        else:
            items.append(given)
    for item in items:
        if str(item) == "-":
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
            yield from _records("<stdin>", data, fmt)
            continue
        path = pathlib.Path(item)
        if not path.exists():
            yield ReadFailure(path=str(path), format=fmt, reason="no such file or directory")
            continue
        for file in _files(path):
            try:
                streamed = _stream(file, fmt)
            except (OSError, EOFError):  # unreadable or a broken .gz: read whole, which reports it
                streamed = None
            if streamed is not None:
                yield from streamed
                continue
            try:
                members = list(_texts(file))
            except (OSError, zipfile.BadZipFile, EOFError) as exc:
                yield ReadFailure(path=str(file), format=fmt, reason=f"cannot read: {exc}")
                continue
            for name, data in members:
                yield from _records(name, data, fmt)
