"""The optional native core: picked at import when ``mfaparse-native`` is installed (``pip install ./native``),
switched off by ``MFAPARSE_NATIVE=0``.

It takes the per-line loops of dedup (:func:`mfaparse._text.dedup._find_runs`, ``_may_repeat``), the line
starts and stripped lines of :class:`~mfaparse._lines.rules.Lines`, ``normalize``'s line-end strip and prefilter
scans, the whole-word searches of TASS quotes (``mfaparse.tass.quotes._occurrences``, ``_word_starts_python``),
the hashtag and emoji scans (with tables read off ``regex`` at build time: :func:`tables_agree`) and record construction
(:func:`mfaparse._model.build.maker`). The pure-Python code beside each call is complete and is the reference:
the differential tests run both and demand identical records, and CI runs the whole suite both ways.

>>> CORE is None or hasattr(CORE, "find_runs")
True
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from types import ModuleType

import regex

__all__ = ["CORE", "FUNCTIONS", "active", "load", "tables_agree"]

FUNCTIONS = (
    "find_runs",
    "may_repeat",
    "line_starts",
    "occurrences",
    "word_starts",
    "maker",
    "hashtag_spans",
    "emoji_clusters",
    "strip_emoji",
    "strip_line_ends",
    "stripped",
    "find_pair",
    "strip_zero_width",
    "known_facts",
    "fill_facts",
)
"""What the core must have to be used: a build without one of them is an older checkout's."""


def load() -> ModuleType | None:
    """The native core, or None when it is not installed or ``MFAPARSE_NATIVE`` is ``0``."""
    if os.environ.get("MFAPARSE_NATIVE", "1").strip() == "0":
        return None
    try:
        from mfaparse_native import _core  # noqa: PLC0415  # optional: imported only when wanted
    except ImportError:
        return None
    missing = [name for name in FUNCTIONS if not hasattr(_core, name)]
    if missing:  # a build of an older checkout: the pure-Python paths are complete, so run them
        warnings.warn(
            f"mfaparse-native lacks {', '.join(missing)}: it is older than mfaparse; reinstall it "
            "(pip install ./native) — running pure Python",
            RuntimeWarning,
            stacklevel=2,
        )
        return None
    return _core


CORE = load()
"""The core the hot paths call, or None (the pure-Python paths run)."""


def active() -> bool:
    """Whether the native core is in use (``mfaparse --version`` says so too)."""
    return CORE is not None


def tables_agree(classes: Mapping[str, str], *, core: ModuleType | None = None) -> bool:
    """Whether the core's character tables stand for these classes (table name -> the pattern mfaparse compiles)
    under the running ``regex``: they are read off the ``regex`` of the core's build
    (native/tools/unicode_tables.py), so a core built with another ``regex`` (another Unicode version), or for
    other classes, is not used for scans — with a RuntimeWarning to rebuild it. False without a core."""
    core = CORE if core is None else core
    if core is None:
        return False
    tables: Mapping[str, str] = getattr(core, "TABLES", {})  # getattr: a build of another checkout may lack them
    built = getattr(core, "TABLES_REGEX_VERSION", None)
    if regex.__version__ == built and all(tables.get(k) == v for k, v in classes.items()):
        return True
    warnings.warn(
        f"mfaparse-native's character tables do not match (built with regex {built}, "
        f"running regex {regex.__version__}, or made for other classes): rebuild it with this regex "
        "(pip install --no-build-isolation ./native) — scanning in pure Python",
        RuntimeWarning,
        stacklevel=2,
    )
    return False
