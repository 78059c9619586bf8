"""An input's pieces: the units of work when inputs are shared among many processes or machines (Dask).

A piece is a whole input, or a byte range of a large file that ``read()`` streams, cut where its records part:

* a Telegram text dump: before a forward header line, where :func:`~mfaparse.telegram.text.telegram_chunks` cuts;
* JSON Lines: after a line end;
* a Telegram Desktop JSON export laid out as Telegram Desktop writes it (each message opening on a line of its
  own): before a message;
* CSV records: after a row, found by reading the rows once with the csv module (:func:`pieces` reads the file).

A piece after the first needs to know what stands before it — the dump's normalised characters (its spans), the
lines (line numbers), an export's messages and the length of their text, the records (provenance indices): its
:class:`Carry`. :func:`measure` finds what one piece holds (each piece apart, in parallel) and
:func:`piece_records` gives, from the carry of the pieces before, exactly the records ``read()`` gives for that
part of the file. Files that cannot be cut (small, compressed, archives, UTF-16, a layout not recognised) are one
whole piece. Nothing here imports Dask.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import pathlib
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any, Literal

import attrs

from mfaparse import reader
from mfaparse._model.documents import Channel
from mfaparse._model.results import ReadFailure
from mfaparse.errors import ParseError
from mfaparse.formats import FormatSpec, load_json, spec
from mfaparse.telegram._messages import Skipped

__all__ = ["Carry", "Piece", "carries", "measure", "partitions", "piece_records", "pieces"]

Kind = Literal["whole", "dump", "json-lines", "export", "csv"]
Record = Any  # Post | Article | ReadFailure
_WINDOW = 1 << 16  # bytes read at a time when looking for a cut
_HEADER_LINE = 4096  # a forward header is a short line: a longer one is passed over when looking for a cut
_EXPORT_KEY = re.compile(rb'\n( *)"messages": \[\r?\n( +)\{\r?\n')  # the messages list and its first message
_EXPORT_TAIL = re.compile(rb"\s*\}\s*\Z")  # after the messages list: the export's object closes


@attrs.frozen(kw_only=True)
class Carry:
    """What stands in a file before a piece (or in a piece): normalised characters of a dump, lines, an export's
    messages and the length of their text, records made."""

    chars: int = 0
    lines: int = 0
    messages: int = 0
    records: int = 0

    def __add__(self, other: Carry) -> Carry:
        return Carry(
            chars=self.chars + other.chars,
            lines=self.lines + other.lines,
            messages=self.messages + other.messages,
            records=self.records + other.records,
        )


@attrs.frozen(kw_only=True)
class Piece:
    """A whole input, or bytes ``start:end`` of a large one (``number`` counts the file's pieces from 0)."""

    path: str
    kind: Kind = "whole"
    start: int = 0
    end: int | None = None
    number: int = 0
    size: int = 0
    found: str | None = None
    """The format the file streams as (the reader's plan), for a cut piece."""
    encoding: str = "utf-8-sig"
    header: str | None = None
    """A CSV file's header line (its pieces after the first need it)."""
    channel: Channel | None = None
    """An export's channel (its ``name``, at the top of the file)."""
    before: Carry | None = None
    """What stands before the piece where it is known when cutting (CSV rows, the first piece); else measured."""


def pieces(path: str, fmt: str | None, options: reader.ReadOptions, target: int) -> list[Piece]:
    """The pieces of one input from :func:`~mfaparse.expand_paths`, each about ``target`` bytes where the file is
    one ``read()`` streams and can be cut; else the whole input. Only small windows are read — except for CSV,
    whose rows are read once to find where they part."""
    file = pathlib.Path(path)
    whole = [Piece(path=path, size=_size(file))]
    if path == "-" or file.suffix in (".gz", ".zip") or whole[0].size <= target:
        return whole
    how, entry = reader.plan(path, fmt, options)
    encoding = reader.stream_encoding_of(path, options)
    if how == "whole" or entry is None or not _cuttable(encoding):
        return whole
    base = Piece(path=path, size=whole[0].size, found=entry.name, encoding=encoding)
    try:
        if entry.stream == "lines":
            return _cut(base, "dump", _dump_cuts(file, base.size, target, encoding), 0, None)
        if entry.stream == "json-lines":
            return _cut(base, "json-lines", _line_cuts(file, base.size, target), 0, None)
        if entry.stream == "export":
            return _export_pieces(base, file, target)
        if entry.stream == "csv":
            return _csv_pieces(base, file, target, entry)
    except (*reader.INPUT_ERRORS,):
        return whole  # read whole, which reports the real error
    return whole


def _size(file: pathlib.Path) -> int:
    try:
        return file.stat().st_size
    except OSError:
        return 0  # read() reports it


def _cuttable(encoding: str) -> bool:
    """Whether bytes of the encoding can be cut at line ends (ASCII-compatible: UTF-8, Cyrillic code pages)."""
    return not codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


def _cut(base: Piece, kind: Kind, cuts: list[int], start: int, end: int | None, **given: Any) -> list[Piece]:
    """Pieces between ``start``, the cuts, and ``end`` (None: the end of the file)."""
    starts = [start, *cuts]
    ends: list[int | None] = [*cuts, end]
    return [
        attrs.evolve(
            base,
            kind=kind,
            start=a,
            end=b,
            number=k,
            size=(b if b is not None else base.size) - a,
            before=Carry() if k == 0 else None,
            **given,
        )
        for k, (a, b) in enumerate(zip(starts, ends, strict=True))
    ]


def _skip_line(file: IO[bytes]) -> None:
    """Read on to the start of the next line."""
    while True:
        data = file.readline(_WINDOW)
        if not data or data.endswith(b"\n"):
            return


def _line_start(file: IO[bytes], at: int) -> None:
    """Seek to the first line start at or after ``at``."""
    file.seek(max(at - 1, 0))
    if at > 0:
        _skip_line(file)


def _dump_cuts(file: pathlib.Path, size: int, target: int, encoding: str) -> list[int]:
    """Where a dump is cut: a forward header line about every ``target`` bytes — a line where ``telegram_chunks``
    cuts (one that is not preceded by blank lines only)."""
    from mfaparse.telegram.text import is_forward_header  # noqa: PLC0415  # parsers are imported lazily

    cuts: list[int] = []
    with open(file, "rb") as stream:
        at = target
        while at < size:
            _line_start(stream, at)
            cut = None
            while cut is None:
                start = stream.tell()
                line = stream.readline(_HEADER_LINE)
                if not line:
                    return _after_text(file, cuts, encoding)
                if not line.endswith(b"\n"):
                    _skip_line(stream)
                    continue
                text = line.decode(_mid_file(encoding), errors="replace").removesuffix("\n").removesuffix("\r")
                if "\r" not in text and is_forward_header(text):
                    cut = start
            cuts.append(cut)
            at = cut + target
    return _after_text(file, cuts, encoding)


def _after_text(file: pathlib.Path, cuts: list[int], encoding: str) -> list[int]:
    """The cuts without a first one that only blank lines stand before (``telegram_chunks`` does not cut there)."""
    if not cuts:
        return cuts
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    with open(file, "rb") as stream:
        done = 0
        while done < cuts[0]:
            data = stream.read(min(_WINDOW, cuts[0] - done))
            done += len(data)
            if decoder.decode(data, final=done >= cuts[0]).strip():
                return cuts
    return cuts[1:]


def _mid_file(encoding: str) -> str:
    """The encoding of bytes in the middle of a file: no byte order mark is taken away there."""
    return "utf-8" if encoding == "utf-8-sig" else encoding


def _line_cuts(file: pathlib.Path, size: int, target: int) -> list[int]:
    """Line starts about every ``target`` bytes."""
    cuts: list[int] = []
    with open(file, "rb") as stream:
        at = target
        while at < size:
            _line_start(stream, at)
            cut = stream.tell()
            if cut >= size:
                break
            cuts.append(cut)
            at = cut + target
    return cuts


def _export_pieces(base: Piece, file: pathlib.Path, target: int) -> list[Piece]:
    """An export cut before messages, when it is laid out as Telegram Desktop writes it: ``"messages": [`` on a
    line, each message's ``{`` on a line of its own one step deeper, the list closing the export's object. JSON
    strings hold no line ends, so such a line is a message's start and nothing else."""
    with open(file, "rb") as stream:
        head = stream.read(_WINDOW)
        key = _EXPORT_KEY.search(head)
        if key is None:
            return [attrs.evolve(base, found=None)]
        bracket = key.start(0) + key.group(0).index(b"[")
        top = load_json(head[:bracket] + b"[]}", "Telegram Desktop JSON")
        from mfaparse.telegram.export_json import export_channel  # noqa: PLC0415  # parsers are imported lazily

        channel = export_channel(top) if isinstance(top, dict) else None
        first = head.index(b"\n", bracket) + 1  # the first message's line
        stream.seek(max(base.size - _WINDOW, 0))
        tail_at = stream.tell()
        tail = stream.read()
        closing = tail.rfind(b"\n" + key.group(1) + b"]")
        if closing < 0 or not _EXPORT_TAIL.match(tail, closing + 2 + len(key.group(1))):
            return [attrs.evolve(base, found=None)]
        end = tail_at + closing
        opening = b"\n" + key.group(2) + b"{"
        cuts = _opening_cuts(stream, first, end, target, opening)
    return _cut(base, "export", cuts, first, end, channel=channel)


def _opening_cuts(stream: IO[bytes], first: int, end: int, target: int, opening: bytes) -> list[int]:
    """Starts of lines that are ``opening`` (after its line end) about every ``target`` bytes before ``end``."""
    cuts: list[int] = []
    line = re.compile(re.escape(opening) + rb"\r?\n")
    at = first + target
    while at < end:
        stream.seek(at - 1)
        carry = b""
        found = -1
        while found < 0:
            position = stream.tell() - len(carry)
            data = carry + stream.read(_WINDOW)
            if len(data) == len(carry):
                return cuts
            hit = line.search(data)
            if hit is not None:
                found = position + hit.start() + 1
            carry = data[-len(opening) - 2 :]
        if found >= end:
            break
        cuts.append(found)
        at = found + target
    return cuts


def _csv_pieces(base: Piece, file: pathlib.Path, target: int, entry: FormatSpec) -> list[Piece]:
    """CSV rows cut about every ``target`` bytes, each cut after a row, with the lines and records before it:
    the rows are read once, as :func:`~mfaparse.tass.csv_records.csv_records` reads them."""
    from mfaparse.tass.csv_records import header_delimiter, raise_field_limit  # noqa: PLC0415  # lazily

    raise_field_limit()
    cuts: list[tuple[int, Carry]] = []
    with open(file, "rb") as stream:
        header_bytes = stream.readline()
        header = header_bytes.decode(base.encoding)
        if "\r" in header.removesuffix("\r\n"):
            return [attrs.evolve(base, found=None)]
        lines = _Lines(stream, _mid_file(base.encoding), len(header_bytes))
        rows = csv.reader(lines, delimiter=header_delimiter(header))
        records = 0
        last = len(header_bytes)
        try:
            for row in rows:
                records += any(cell.strip() for cell in row)
                if lines.at_line_end and lines.position - last >= target:
                    cuts.append((lines.position, Carry(lines=1 + rows.line_num, records=records)))
                    last = lines.position
        except (csv.Error, UnicodeDecodeError):
            pass  # no cut after a row the reader fails on: the piece that holds it reports it, as read() does
    if cuts and cuts[-1][0] >= base.size:
        cuts.pop()
    pieces_ = _cut(base, "csv", [at for at, _ in cuts], 0, None, header=header)
    return [piece if k == 0 else attrs.evolve(piece, before=cuts[k - 1][1]) for k, piece in enumerate(pieces_)]


class _Lines:
    """A binary file's lines decoded for the csv module as a text stream opened with ``newline=""`` gives them (a
    lone ``\\r`` ends a line too), saying the byte position after the last whole line given."""

    def __init__(self, stream: IO[bytes], encoding: str, position: int) -> None:
        self._stream = stream
        self._encoding = encoding
        self._pending: list[str] = []
        self.position = position
        self._next_position = position
        self.at_line_end = True

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if not self._pending:
            raw = self._stream.readline()
            if not raw:
                raise StopIteration
            text = raw.decode(self._encoding)
            self._pending = re.split(r"(?<=\r)(?!\n)", text) if "\r" in text.rstrip("\r\n") else [text]
            self._pending.reverse()
            self._next_position = self.position + len(raw)
        line = self._pending.pop()
        self.at_line_end = not self._pending
        if self.at_line_end:
            self.position = self._next_position
        return line


def partitions(items: Iterable[Piece | ReadFailure], target: int) -> list[list[Piece | ReadFailure]]:
    """The pieces in order, grouped into partitions of about ``target`` bytes: a cut piece alone, whole inputs
    together until they reach it (a failure of path expansion goes with its neighbours)."""
    groups: list[list[Piece | ReadFailure]] = []
    current: list[Piece | ReadFailure] = []
    size = 0
    for item in items:
        if isinstance(item, Piece) and item.kind != "whole":
            if current:
                groups.append(current)
            groups.append([item])
            current, size = [], 0
            continue
        current.append(item)
        size += item.size if isinstance(item, Piece) else 0
        if size >= target:
            groups.append(current)
            current, size = [], 0
    if current:
        groups.append(current)
    return groups


def measure(piece: Piece, options: reader.ReadOptions) -> Carry:
    """What one cut piece holds (its characters, lines, messages, records), found without parsing its records."""
    if piece.kind == "dump":
        from mfaparse.telegram.text import telegram_chunks  # noqa: PLC0415  # lazily

        with _opened(piece) as stream:
            lines = reader.telegram_lines(stream, options, _piece_encoding(piece))
            return Carry(chars=sum(len(source) for source, _ in telegram_chunks(lines)))
    if piece.kind == "json-lines":
        with _opened(piece) as stream:
            count = 0
            previous = b""
            while data := stream.read(1 << 20):
                count += data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n") - (previous + data[:1] == b"\r\n")
                previous = data[-1:]
            return Carry(lines=count)
    if piece.kind == "export":
        from mfaparse.telegram.export_json import export_extent  # noqa: PLC0415  # lazily

        extent = export_extent(_export_values(piece), piece.channel)
        return Carry(chars=extent.length, messages=extent.items, records=extent.records)
    raise ValueError(f"a {piece.kind} piece is not measured")  # whole pieces, and CSV ones carry it from the cut


def carries(measured: list[Carry]) -> list[Carry]:
    """What stands before each piece of a file, from what each piece before the last holds."""
    out = [Carry()]
    for carry in measured:
        out.append(out[-1] + carry)
    return out


def piece_records(
    piece: Piece | ReadFailure, before: Carry | None, fmt: str | None, options: reader.ReadOptions
) -> Iterator[Record]:
    """The records of a piece as ``read(path, format=fmt)`` gives them for that part of the file (``before``: what
    stands before it, from :func:`carries`); a failure of path expansion is itself."""
    if isinstance(piece, ReadFailure):
        yield attrs.evolve(piece, format=fmt)
        return
    if piece.kind == "whole":
        yield from reader.read_path(piece.path, fmt, options)
        return
    carry = piece.before if piece.before is not None else before
    if carry is None:
        raise ValueError(f"piece {piece.number} of {piece.path} needs what stands before it")
    yield from reader.guarded(piece.path, fmt, lambda: _records(piece, carry, options), first=carry.records)


def _records(piece: Piece, before: Carry, options: reader.ReadOptions) -> Iterator[Record]:
    if piece.kind == "export":
        from mfaparse.telegram.export_json import export_messages  # noqa: PLC0415  # lazily

        values = _export_values(piece)
        built = export_messages(values, piece.channel, keep_going=True, offset=before.chars, first=before.messages)
        for item in built:
            yield reader.element_failure(piece.path, item) if isinstance(item, Skipped) else item[0]
        return
    with _opened(piece) as stream:
        if piece.kind == "dump":
            from mfaparse.telegram.text import telegram_chunks  # noqa: PLC0415  # lazily

            chunks = telegram_chunks(reader.telegram_lines(stream, options, _piece_encoding(piece)))
            shifted = ((source, base + before.chars) for source, base in chunks)
            yield from reader.with_encoding(reader.chunk_posts(shifted), piece.encoding)
        elif piece.kind == "json-lines":
            found = reader.json_lines(
                piece.path, stream, options, _piece_encoding(piece), piece.found, first_line=before.lines + 1
            )
            yield from reader.with_encoding(found, piece.encoding)
        else:  # a cut CSV piece always knows its format: the cut found it
            first, header = (2, None) if piece.number == 0 else (before.lines + 1, piece.header)
            entry = spec(str(piece.found))
            found = reader.csv_rows(piece.path, stream, _piece_encoding(piece), entry, header=header, first_line=first)
            yield from reader.with_encoding(found, piece.encoding)


def _piece_encoding(piece: Piece) -> str:
    return piece.encoding if piece.number == 0 else _mid_file(piece.encoding)


def _export_values(piece: Piece) -> list[Any]:
    """The messages of an export's piece: its bytes are messages separated by commas."""
    with open(piece.path, "rb") as file:
        file.seek(piece.start)
        body = file.read((piece.end if piece.end is not None else piece.size) - piece.start)
    values = load_json(b"[" + body.rstrip(b" \t\r\n,") + b"]", "Telegram Desktop JSON")
    if not isinstance(values, list):  # the cut found a layout that is not an export's messages
        raise ParseError("expected an export's messages between the cuts")
    return values


class _Window(io.RawIOBase):
    """Bytes ``start:end`` of a file as a stream of their own."""

    def __init__(self, file: IO[bytes], start: int, end: int | None) -> None:
        file.seek(start)
        self._file = file
        self._left = end - start if end is not None else None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)
        if self._left is not None:
            view = view[: self._left]
        n = self._file.readinto(view) or 0  # type: ignore[attr-defined]  # a binary file has readinto
        if self._left is not None:
            self._left -= n
        return n


@contextlib.contextmanager
def _opened(piece: Piece) -> Iterator[IO[bytes]]:
    """A piece's bytes as a buffered binary stream of their own."""
    with open(piece.path, "rb") as file:
        yield io.BufferedReader(_Window(file, piece.start, piece.end), buffer_size=1 << 20)
