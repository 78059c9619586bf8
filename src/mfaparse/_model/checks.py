"""Field checks for records and option objects, run where they are made (attrs validators): a wrong type or
value fails at once with a message naming the class and field, not later somewhere else.

>>> import attrs
>>> @attrs.frozen
... class Example:
...     mode: str = attrs.field(validator=one_of(("strip", "keep")))
...     count: int = attrs.field(default=1, validator=whole(minimum=1))
>>> Example("replace")
Traceback (most recent call last):
...
ValueError: Example.mode must be one of 'strip', 'keep', not 'replace'
>>> Example("keep", True)
Traceback (most recent call last):
...
TypeError: Example.count must be an int, not bool
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

__all__ = ["flag", "one_of", "optional_whole", "whole"]

Check = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _where(instance: Any, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def whole(*, minimum: int | None = None) -> Check:
    """An int (never a bool), at least ``minimum``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not int:
            raise TypeError(f"{_where(instance, attribute)} must be an int, not {type(value).__name__}")
        if minimum is not None and value < minimum:
            raise ValueError(f"{_where(instance, attribute)} must be >= {minimum}, got {value}")

    return check


def optional_whole(*, minimum: int | None = None) -> Check:
    """None, or what :func:`whole` accepts."""
    inner = whole(minimum=minimum)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def flag(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A bool."""
    if type(value) is not bool:
        raise TypeError(f"{_where(instance, attribute)} must be True or False, not {value!r}")


def one_of(choices: Iterable[str]) -> Check:
    """One of ``choices`` (the members of a Literal)."""
    allowed = tuple(choices)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in allowed or not isinstance(value, str):
            listed = ", ".join(repr(c) for c in allowed)
            raise ValueError(f"{_where(instance, attribute)} must be one of {listed}, not {value!r}")

    return check
