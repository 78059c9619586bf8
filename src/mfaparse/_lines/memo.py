"""Facts of lines seen before: a bounded memo shared by every source parsed in a process.

A line's class, dedup key and marker are functions of its text alone, and a corpus repeats many lines across posts
(blank lines, footers, link words, bullets, the same paragraph in every copy of a forward). :class:`FactMemo`
keeps the facts of short lines by text, so each distinct line is looked at once per process, not once per post.
It is bounded (``size`` entries of lines up to ``longest`` code points; full, it starts again), so memory stays
flat on any corpus, and a hit gives exactly what computing would: results never depend on what was parsed before.

>>> memo: FactMemo[int] = FactMemo(size=2)
>>> memo.facts(["ab", "c", "ab"], lambda texts: [len(t) for t in texts])
[2, 1, 2]
>>> memo.facts(["ab", "xyz"], lambda texts: [len(t) for t in texts])  # "ab" from the memo, "xyz" computed
[2, 3]
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from mfaparse import _native

__all__ = ["FactMemo", "clear_memos"]

T = TypeVar("T")

_SIZE = 1 << 15
_LONGEST = 512  # longer lines rarely repeat, and would make the memo's memory depend on the input


_MISSING = object()  # not in the memo (None is a fact: a blank line's layout)
_MEMOS: weakref.WeakSet[FactMemo[Any]] = weakref.WeakSet()


def clear_memos() -> None:
    """Forget the facts of every memo (results never depend on them: the tests parse with them full and empty)."""
    for memo in list(_MEMOS):
        memo.clear()


class FactMemo(Generic[T]):
    """Facts of line texts by text, computed for the texts not seen before, in one call for all of them."""

    __slots__ = ("__weakref__", "_known", "longest", "size")

    def __init__(self, size: int = _SIZE, longest: int = _LONGEST) -> None:
        self.size = size
        self.longest = longest
        self._known: dict[str, T] = {}
        _MEMOS.add(self)

    def clear(self) -> None:
        """Forget every fact."""
        self._known.clear()

    def facts(self, texts: Sequence[str], compute: Callable[[list[str]], Sequence[T]]) -> list[T]:
        """The fact of each text: from the memo, else from ``compute`` (called once, with the distinct texts the
        memo lacks, in order of first use; it returns their facts in that order). The lookups are the native
        core's one call where it is in use (a tenth of a parse was this loop)."""
        core = _native.CORE
        if core is not None and isinstance(texts, (tuple, list)):
            facts: list[T]
            facts, todo = core.known_facts(texts, self._known, _MISSING)
            if todo:
                core.fill_facts(facts, texts, self._learn(todo, compute), _MISSING)
            return facts
        get = self._known.get  # never raises: no race with another thread's clear()
        found: dict[str, Any] = {}
        for text in texts:
            if text not in found:
                found[text] = get(text, _MISSING)
        missing = [text for text, fact in found.items() if fact is _MISSING]  # distinct, in order of first use
        if missing:
            found.update(self._learn(missing, compute))
        return [found[text] for text in texts]

    def _learn(self, todo: list[str], compute: Callable[[list[str]], Sequence[T]]) -> dict[str, T]:
        """The facts of texts the memo lacks, computed, and remembered where short enough and there is room."""
        learnt = dict(zip(todo, compute(todo), strict=True))  # the texts are distinct: one fact each
        known = self._known
        if len(known) + len(todo) > self.size:
            known.clear()  # start again: a bounded memo, and the cheapest eviction
        longest, size = self.longest, self.size
        for text, fact in learnt.items():
            if len(text) <= longest and len(known) < size:
                known[text] = fact
        return learnt
