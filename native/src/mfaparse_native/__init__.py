"""mfaparse's optional native core (C against the CPython API, no third-party code).

mfaparse imports it when it is installed and ``MFAPARSE_NATIVE`` is not ``0``; see :mod:`mfaparse._native`.
"""

from mfaparse_native._core import find_runs, line_starts, may_repeat

__all__ = ["find_runs", "line_starts", "may_repeat"]
