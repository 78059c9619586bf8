"""The reader's limits: ``ReadOptions`` (when files stream, how large they may be) and the streams that keep
to them — a ``.gz`` file decompressed a bounded chunk at a time, refused as a bomb when it expands too far."""

from __future__ import annotations

import contextlib
import gzip
import io
import pathlib
from collections.abc import Iterator
from typing import IO, Any

import attrs

from mfaparse.errors import ParseError

__all__ = ["Limited", "ReadOptions", "consumed", "open_input", "read_capped"]

_BUFFER = 64 * 1024

_CHUNK = 1 << 20  # what one read asks a file or a decompressor for


_MIB = 1024 * 1024


def _positive(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.name == "max_bytes":
        return
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise TypeError(f"ReadOptions.{attribute.name} must be a positive int, not {value!r}")


@attrs.frozen(kw_only=True)
class ReadOptions:
    """How :func:`read` treats files: when it streams, and the limits that keep bad input cheap.

    >>> ReadOptions(stream_bytes=1 << 20).stream_bytes
    1048576
    >>> ReadOptions(max_ratio=0)
    Traceback (most recent call last):
    ...
    TypeError: ReadOptions.max_ratio must be a positive int, not 0
    """

    stream_bytes: int = attrs.field(default=8 * _MIB, validator=_positive)
    """Telegram dumps, Desktop JSON exports and JSON Lines files at least this large (on disk) are streamed."""
    whole_bytes: int = attrs.field(default=512 * _MIB, validator=_positive)
    """An input read whole (every format that does not stream) may be at most this large, decompressed."""
    max_bytes: int | None = attrs.field(default=None, validator=_positive)
    """No input may decompress to more than this (None: streamed inputs may be of any size)."""
    max_ratio: int = attrs.field(default=100, validator=_positive)
    """A ``.gz`` or ``.zip`` member that expands more than this many times its compressed size is refused..."""
    ratio_floor: int = attrs.field(default=16 * _MIB, validator=_positive)
    """... once it has expanded to this many bytes (small archives of repetitive text are fine)."""
    max_line: int = attrs.field(default=64 * _MIB, validator=_positive)
    """A line of a streamed file may be at most this many characters (it is read whole)."""


class Limited(io.RawIOBase):
    """A decompressing stream that refuses to expand past the limits (size, and ratio to the compressed bytes
    read so far): an archive bomb stops after ``ratio_floor`` bytes, as a ParseError, with memory bounded."""

    def __init__(
        self, inner: IO[bytes] | gzip.GzipFile, compressed: Any, name: str, options: ReadOptions, cap: int | None
    ) -> None:
        self._inner = inner
        self.compressed = compressed  # () -> compressed bytes read so far
        self._name = name
        self._options = options
        self._cap = cap
        self.total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._inner.read(min(len(buffer), _CHUNK))  # bounded: the checks run before the next chunk
        n = len(data)
        buffer[:n] = data
        self.total += n
        cap, opts = self._cap, self._options
        if cap is not None and self.total > cap:
            raise ParseError(f"{self._name} expands past {cap:,} bytes (the reader's limit)")
        if self.total > opts.ratio_floor and self.total > opts.max_ratio * max(self.compressed(), 1):
            raise ParseError(
                f"{self._name} expands more than {opts.max_ratio} times its compressed size: refused as a bomb"
            )
        return n

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._inner.close()
        super().close()


def read_capped(stream: IO[bytes], cap: int, name: str) -> bytes:
    """All of ``stream``, read a chunk at a time (a decompressing stream checks its limits between chunks);
    more than ``cap`` bytes is a ParseError."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if total > cap:
            raise ParseError(f"{name} is larger than {cap:,} bytes, the most read whole (ReadOptions.whole_bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


@contextlib.contextmanager
def open_input(path: pathlib.Path, options: ReadOptions) -> Iterator[IO[bytes]]:
    """A file as a binary stream: a ``.gz`` file decompressed, within the limits of ``options``."""
    with open(path, "rb") as raw:
        if path.suffix != ".gz":
            yield raw
            return
        inner = gzip.GzipFile(fileobj=raw)
        limited = Limited(inner, raw.tell, str(path), options, options.max_bytes)
        with io.BufferedReader(limited, buffer_size=_BUFFER) as stream:
            yield stream


def consumed(stream: IO[bytes]) -> int:
    """How many bytes of the file on disk a stream from :func:`open_input` has read (compressed, for ``.gz``)."""
    raw = getattr(stream, "raw", None)
    if isinstance(raw, Limited):
        return int(raw.compressed())
    return stream.tell()
