"""Which inputs paths name: files, folders (the files of the formats' suffixes), globs, stdin — the one
expansion that ``read()``, the command line and Dask share."""

from __future__ import annotations

import glob
import os
import pathlib
import stat
from collections.abc import Iterable, Iterator
from typing import TypeAlias

from mfaparse._model.base import Provenance
from mfaparse._model.results import ReadFailure
from mfaparse.formats import REGISTRY

__all__ = ["SUFFIXES", "PathLike", "expand_paths"]

PathLike: TypeAlias = "str | os.PathLike[str]"


SUFFIXES: tuple[str, ...] = tuple(sorted({s for entry in REGISTRY for s in entry.suffixes} | {".gz", ".zip"}))
"""The file suffixes a folder is read for (every format's, and the archives'); other files in a folder are not
inputs (a README.md beside the data is no article). A file named on its own is read whatever its suffix."""


def expand_paths(paths: PathLike | Iterable[PathLike]) -> Iterator[str | ReadFailure]:
    """Each input named by ``paths``, in order: files, folders (recursive, sorted, files with a supported
    suffix only: :data:`SUFFIXES`), globs (``dumps/**/*.txt``), ``-`` for stdin; a ReadFailure for a name that
    matches nothing and for one that is no regular file (a FIFO or a device is never opened)."""
    given = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    for raw in given:
        if not isinstance(raw, (str, os.PathLike)):
            raise TypeError(f"paths must be str or path-like, not {type(raw).__name__}")
        text = os.fspath(raw)
        if text == "-":
            yield text
            continue
        names = [text]
        if any(ch in text for ch in "*?[") and not os.path.lexists(text):
            names = sorted(glob.glob(text, recursive=True)) or [text]  # no match: reported as missing below
        for name in names:
            yield from _expand_one(pathlib.Path(name))


def _expand_one(path: pathlib.Path) -> Iterator[str | ReadFailure]:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        reason = "no such file or directory" if isinstance(exc, FileNotFoundError) else f"cannot read: {exc}"
        yield ReadFailure(path=str(path), format=None, reason=reason, provenance=Provenance(path=str(path)))
        return
    if stat.S_ISDIR(mode):
        for child in sorted(path.rglob("*")):
            if child.suffix in SUFFIXES and child.is_file():
                yield str(child)
    elif stat.S_ISREG(mode):
        yield str(path)
    else:
        yield ReadFailure(
            path=str(path),
            format=None,
            reason="not a regular file (a FIFO, socket or device): refused",
            provenance=Provenance(path=str(path)),
        )
