"""Moving every span of a record by an offset (to map a part's spans into the whole)."""

from __future__ import annotations

from typing import TypeVar

import attrs

from mfaparse.model import Span

T = TypeVar("T")


def shift_spans(value: T, offset: int) -> T:
    """``value`` with every :class:`Span` inside it (at any depth) moved by ``offset``."""
    if isinstance(value, Span):
        return value.shift(offset)  # type: ignore[return-value]  # T is Span here
    if isinstance(value, tuple):
        return tuple(shift_spans(v, offset) for v in value)  # type: ignore[return-value]  # same shape
    if attrs.has(type(value)):
        changes = {}
        for f in attrs.fields(type(value)):  # type: ignore[arg-type]  # attrs.has() narrows only at run time
            old = getattr(value, f.name)
            new = shift_spans(old, offset)
            if new is not old:
                changes[f.name] = new
        return attrs.evolve(value, **changes) if changes else value  # type: ignore[misc]  # an attrs instance
    return value
