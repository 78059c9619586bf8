"""Building records on the hot paths: with the native core, a record's slots are written from C.

A parse builds tens of thousands of records a megabyte (spans, removals, blocks, posts); attrs' generated
``__init__`` costs a Python call and a ``setattr`` per field. :func:`maker` gives the constructor the hot paths
call: the class itself in pure Python, and with the native core a C callable taking the same arguments (keywords
or positions, the same defaults) that stores them without running ``__init__``. The records are the same; the
differential tests build each class both ways and demand equal records and equal errors.

>>> import attrs
>>> @attrs.frozen(kw_only=True, slots=True)
... class Pair:
...     left: int
...     right: int = 0
>>> make = maker(Pair)
>>> make(left=1) == Pair(left=1, right=0), python_maker(Pair)(left=1, right=2) == Pair(left=1, right=2)
(True, True)
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import attrs

from mfaparse import _native

__all__ = ["REQUIRED", "fields_of", "maker", "native_maker", "python_maker"]

P = ParamSpec("P")
R = TypeVar("R")

REQUIRED = object()
"""The default of a field the caller must give (no default, or a factory: a maker calls no code)."""

_FACTORY: type[object] = type(attrs.Factory(list))  # attrs types Factory as a function: its class, for isinstance


def fields_of(cls: type[Any], *, trusted: bool = False) -> tuple[tuple[str, ...], tuple[str, ...], tuple[object, ...]]:
    """The slots, ``__init__`` keywords and defaults (:data:`REQUIRED` where none) of the attrs class ``cls``.

    Raises TypeError for a class a maker cannot build as ``__init__`` would: not a slotted attrs class, a field
    with a converter (it changes values), a slot that is not a field; and, unless ``trusted`` (the caller passes
    values it computed and checks hold by construction, as property tests verify), a validator or an
    ``__attrs_post_init__``.
    """
    if not attrs.has(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a slotted attrs class")
    fields = attrs.fields(cls)
    slots = {name for klass in cls.__mro__ for name in klass.__dict__.get("__slots__", ())} - {"__weakref__"}
    if slots != {field.name for field in fields}:
        raise TypeError(f"{cls.__name__} has slots that are not fields: {sorted(slots - {f.name for f in fields})}")
    for field in fields:
        if field.converter is not None:
            raise TypeError(f"{cls.__name__}.{field.name} has a converter")
        if not trusted and field.validator is not None:
            raise TypeError(f"{cls.__name__}.{field.name} has a validator (a maker of trusted values only)")
    if not trusted and hasattr(cls, "__attrs_post_init__"):
        raise TypeError(f"{cls.__name__} has __attrs_post_init__ (a maker of trusted values only)")
    defaults = tuple(
        REQUIRED if field.default is attrs.NOTHING or isinstance(field.default, _FACTORY) else field.default
        for field in fields
    )  # fmt: skip
    keywords = tuple(
        sys.intern(f.alias or f.name) for f in fields
    )  # interned: the core matches keywords by identity first
    return tuple(f.name for f in fields), keywords, defaults


def maker(cls: Callable[P, R], *, trusted: bool = False) -> Callable[P, R]:
    """The constructor of ``cls`` for hot paths: the native core's maker when it is in use, else ``cls`` itself.

    ``trusted`` allows a class with validators or ``__attrs_post_init__``: the core's maker skips them, so the
    caller must pass only values they accept (the pure-Python path, ``cls`` itself, still runs them).
    """
    if not isinstance(cls, type):
        raise TypeError(f"maker() takes a class, not {type(cls).__name__}")
    return _core_maker(cls, trusted=trusted) or cls


def native_maker(cls: type[Any], python: Callable[P, R]) -> Callable[P, R]:
    """The core's maker of ``cls`` where the core is in use, else ``python``: a hand-written constructor of trusted
    values (:func:`mfaparse._model.base.trusted_span`) that takes the fields positionally, in their order, as the
    maker does. The maker skips validators and ``__attrs_post_init__``, as ``python`` does."""
    return _core_maker(cls, trusted=True) or python


def _core_maker(cls: type[Any], *, trusted: bool) -> Callable[..., Any] | None:
    """The core's maker of ``cls`` (its fields checked first, with or without the core), None without the core."""
    slots, keywords, defaults = fields_of(cls, trusted=trusted)
    core = _native.CORE
    if core is None:
        return None
    made: Callable[..., Any] = core.maker(cls, slots, keywords, defaults, REQUIRED)
    return made


def python_maker(cls: type[R], *, trusted: bool = False) -> Callable[..., R]:
    """The reference of the native core's ``maker``: the same arguments, defaults and errors, in Python."""
    slots, keywords, defaults = fields_of(cls, trusted=trusted)
    where = {keyword: i for i, keyword in enumerate(keywords)}
    name = cls.__name__

    def make(*args: object, **kwargs: object) -> R:
        if len(args) > len(slots):
            raise TypeError(f"{name}() takes at most {len(slots)} arguments ({len(args)} given)")
        values: list[object] = [*args, *([None] * (len(slots) - len(args)))]
        given = [True] * len(args) + [False] * (len(slots) - len(args))
        for keyword, value in kwargs.items():
            i = where.get(keyword)
            if i is None:
                raise TypeError(f"{name}() got an unexpected keyword argument '{keyword}'")
            if given[i]:
                raise TypeError(f"{name}() got multiple values for argument '{keyword}'")
            values[i], given[i] = value, True
        for i, default in enumerate(defaults):
            if not given[i]:
                if default is REQUIRED:
                    raise TypeError(f"{name}() missing required argument '{keywords[i]}'")
                values[i] = default
        record = object.__new__(cls)
        for slot, value in zip(slots, values, strict=True):
            object.__setattr__(record, slot, value)  # frozen: how attrs' own __init__ fills a slot
        return record

    return make
