"""Matching a pattern that starts with a mark (``#``, ``@``, ``&``) only where ``str.find`` puts the mark.

A regex scan tries its pattern at every position; ``str.find`` skips to the next mark at memory speed. For the
patterns of hashtags, mentions and HTML entities, which never match but at their mark, the matches are the same.

>>> import re
>>> [m.group() for m in marked(re.compile(r"#\\w+"), "a #b c#d #", "#")]
['#b', '#d']
>>> sub_marked(re.compile(r"&amp;"), "a&amp;b &c", "&", "&")
'a&b &c'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Protocol, TypeVar

__all__ = ["marked", "sub_marked"]


class _Match(Protocol):
    def start(self) -> int: ...
    def end(self) -> int: ...


M = TypeVar("M", bound=_Match)
M_co = TypeVar("M_co", bound=_Match, covariant=True)


class _Pattern(Protocol[M_co]):
    """What a compiled ``re`` or ``regex`` pattern offers: ``match`` at a place and ``finditer``."""

    def match(self, string: str, pos: int = ...) -> M_co | None: ...
    def finditer(self, string: str, pos: int = ...) -> Iterator[M_co]: ...


def marked(pattern: _Pattern[M], text: str, mark: str | re.Pattern[str]) -> Iterator[M]:
    """What ``pattern.finditer(text)`` yields for a pattern that starts with ``mark`` (never inside a match):
    the pattern is tried only where ``str.find`` puts the mark, not at every position — until marks come densely
    (``#`` repeated), where one call per mark costs more than ``finditer``'s own scan from there on (a match is
    never before its mark, and the pattern sees the text before it: the matches are the same). ``mark`` may be a
    stdlib pattern of where a match can start (``@`` then a letter: ``@`` repeated then has no place to try)."""
    find = _finder(text, mark)
    at = find(0)
    tried = 0
    while at >= 0:
        tried += 1
        if tried >= _DENSE_AFTER and at < tried * _DENSE_SPACING:
            yield from pattern.finditer(text, at)
            return
        m = pattern.match(text, at)
        at = find(m.end() if m is not None else at + 1)
        if m is not None:
            yield m


def _finder(text: str, mark: str | re.Pattern[str]) -> Callable[[int], int]:
    """Where the next ``mark`` in ``text`` stands at or after a place, or -1."""
    if isinstance(mark, str):
        return lambda pos: text.find(mark, pos)
    search = mark.search
    return lambda pos: found.start() if (found := search(text, pos)) is not None else -1


_DENSE_AFTER = 64  # marks tried before their density counts
_DENSE_SPACING = 64  # marks more often than once in this many characters so far: finditer


def sub_marked(pattern: _Pattern[M], text: str, mark: str, repl: str | Callable[[M], str]) -> str:
    """``pattern.sub(repl, text)`` for a pattern that starts with ``mark`` and matches no empty text: the text
    itself where nothing matches."""
    parts: list[str] = []
    done = 0
    for m in marked(pattern, text, mark):
        parts.append(text[done : m.start()])
        parts.append(repl if isinstance(repl, str) else repl(m))
        done = m.end()
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)
