"""The exceptions mfaparse raises.

>>> from mfaparse import ParseError
>>> err = ParseError("expected a month name", position=8, text="MOSCOW, Octobr 13")
>>> isinstance(err, ValueError)
True
>>> str(err)
"expected a month name at position 8 (near 'Octobr 13')"
"""

from __future__ import annotations

__all__ = ["MfaparseError", "MissingDependencyError", "ParseError"]


class MfaparseError(Exception):
    """Base class of every error mfaparse raises on purpose."""


class ParseError(MfaparseError, ValueError):
    """Input text could not be parsed.

    ``reason`` says what was expected, ``position`` (a code-point offset into the input, or None) says where.
    """

    def __init__(self, reason: str, *, position: int | None = None, text: str | None = None) -> None:
        self.reason = reason
        self.position = position
        self.text = text
        message = reason
        if position is not None:
            message += f" at position {position}"
        if text is not None:
            snippet = text[position or 0 : (position or 0) + 40] if position is not None else text[:40]
            message += f" (near {snippet!r})"
        super().__init__(message)


class MissingDependencyError(MfaparseError, ImportError):
    """An optional dependency is needed: the message names the extra to install."""
