"""Generic, type-driven conversion between attrs records and JSON-ready data.

Every record in :mod:`mfaparse._model.base` inherits :class:`Record`, which gives it ``to_dict()`` and
``from_dict()``. The conversion follows the type annotations, so a JSON line written by ``to_dict()``
loads back into an equal record.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias, TypeVar, Union

import attrs

from mfaparse._model.profiles import check_fields, drops, pruned, public_hints, select

__all__ = ["JSONValue", "Record", "from_data", "to_data", "to_pruned_data"]

JSONValue: TypeAlias = "bool | int | float | str | list[JSONValue] | dict[str, JSONValue] | None"

R = TypeVar("R", bound="Record")


class Record:
    """Mixin for attrs records: JSON-ready ``to_dict()`` and the matching ``from_dict()`` loader."""

    __slots__ = ()

    def to_dict(
        self,
        profile: str = "full",
        *,
        fields: Sequence[str] | None = None,
        exclude: Sequence[str] | None = None,
    ) -> dict[str, JSONValue]:
        """This record as JSON-ready data (dates as ISO strings, tuples as lists): the fields of ``profile``
        (``full``, ``slim``: see :mod:`mfaparse._model.profiles`), only ``fields`` where given (dotted paths:
        ``forward.name``), without ``exclude``."""
        if profile == "full" and not fields and not exclude:
            data = to_data(self)
            assert isinstance(data, dict)
            return data
        cls: Any = type(self)  # Any: mypy finds type[Record] unhashable (functools.cache)
        left_out = drops(cls.__name__, profile)
        names = _field_names(cls) or ()
        if profile == "slim" and not fields and not exclude:  # the command line's default: one pass, no copy
            return _pruned_fields(self, names, left_out)
        data = {name: to_data(getattr(self, name)) for name in names if name not in left_out}
        if fields or exclude:
            check_fields([*(fields or ()), *(exclude or ())])
        data = select(data, fields, exclude)
        return pruned(data) if profile == "slim" else data

    @classmethod
    def from_dict(cls: type[R], data: Mapping[str, Any]) -> R:
        """Load a record from the data ``to_dict()`` gives; raises TypeError/ValueError on bad data."""
        result = from_data(cls, data)
        assert isinstance(result, cls)
        return result


_PLAIN = frozenset({type(None), bool, int, float, str})


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The public field names of an attrs class (looked up once per class), None for other types: each field's
    ``__init__`` name, which is also the attribute to read (a field computed on first read, such as
    :attr:`~mfaparse.Post.clean_text`, is stored privately as ``_clean_text`` behind a property of its public
    name)."""
    return tuple(f.alias for f in attrs.fields(cls)) if attrs.has(cls) else None


def to_data(value: object) -> JSONValue:
    """Convert a record, or anything a record holds, to JSON-ready data."""
    cls: Any = type(value)  # Any: mypy finds type[object] unhashable (functools.cache below)
    if cls in _PLAIN:  # exact types first: the common case costs one set lookup
        return value  # type: ignore[return-value]  # one of the JSON scalars
    names = _field_names(cls)
    if names is not None:
        data: dict[str, JSONValue] = {}
        for name in names:  # scalars inline: most fields are, and a call per field is what costs
            field = getattr(value, name)
            data[name] = field if type(field) in _PLAIN else to_data(field)
        return data
    if cls is tuple or cls is list:
        return [v if type(v) in _PLAIN else to_data(v) for v in value]  # type: ignore[attr-defined]  # a sequence
    if isinstance(value, (bool, int, float, str)):  # subclasses: str enums, int flags
        return value
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return to_data(value.value)
    if isinstance(value, (tuple, list)):
        return [to_data(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): to_data(v) for k, v in value.items()}
    raise TypeError(f"cannot convert {type(value).__name__} to JSON data")


def to_pruned_data(value: object) -> JSONValue:
    """``pruned(to_data(value))`` in one pass: the data of ``value`` without the dict entries that hold nothing
    (None, ``[]``, ``{}``) at any depth, built without the full data first (the ``slim`` profile's records)."""
    cls: Any = type(value)  # Any: as in to_data
    if cls in _PLAIN:
        return value  # type: ignore[return-value]  # one of the JSON scalars
    names = _field_names(cls)
    if names is not None:
        return _pruned_fields(value, names, frozenset())
    if cls is tuple or cls is list:
        return [v if type(v) in _PLAIN else to_pruned_data(v) for v in value]  # type: ignore[attr-defined]  # a sequence
    result: JSONValue = pruned(to_data(value))  # the rare kinds (dates, enums, mappings): the two passes
    return result


def _pruned_fields(record: object, names: Sequence[str], left_out: frozenset[str]) -> dict[str, JSONValue]:
    data: dict[str, JSONValue] = {}
    for name in names:
        if name in left_out:
            continue
        field = getattr(record, name)
        value = field if type(field) in _PLAIN else to_pruned_data(field)
        if value is not None and value not in ([], {}):  # what pruned leaves out: nothing held
            data[name] = value
    return data


def from_data(tp: Any, data: Any) -> Any:
    """Build a value of type ``tp`` from JSON data, following the annotations of attrs records."""
    origin = typing.get_origin(tp)
    if tp is Any:
        return data
    if origin is Union or origin is types.UnionType:
        arms = typing.get_args(tp)
        if data is None and type(None) in arms:
            return None
        errors: list[str] = []
        for arm in arms:
            if arm is type(None):
                continue
            try:
                return from_data(arm, data)
            except (TypeError, ValueError, KeyError) as exc:
                errors.append(str(exc))
        raise ValueError(f"{data!r} fits none of {tp}: {'; '.join(errors)}")
    if origin is typing.Literal:
        if data not in typing.get_args(tp):
            raise ValueError(f"expected one of {typing.get_args(tp)}, found {data!r}")
        return data
    if origin is tuple:
        args = typing.get_args(tp)
        if not isinstance(data, list):
            raise TypeError(f"expected a list for {tp}, found {type(data).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], item) for item in data)
        return tuple(from_data(a, item) for a, item in zip(args, data, strict=True))
    if origin is dict:
        _, value_type = typing.get_args(tp)
        if not isinstance(data, Mapping):
            raise TypeError(f"expected an object for {tp}, found {type(data).__name__}")
        return {str(k): from_data(value_type, v) for k, v in data.items()}
    if isinstance(tp, type):
        return _from_data_type(tp, data)
    raise TypeError(f"cannot load data into {tp!r}")


def _from_data_type(tp: type, data: Any) -> Any:
    if attrs.has(tp):
        if not isinstance(data, Mapping):
            raise TypeError(f"expected an object for {tp.__name__}, found {type(data).__name__}")
        hints = public_hints(tp)
        names = set(hints)
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"unknown fields for {tp.__name__}: {sorted(unknown)}")
        missing = [  # fields without a default, and those computed on first read that full records always hold
            f.alias
            for f in attrs.fields(tp)
            if (f.default is attrs.NOTHING or f.metadata.get("written")) and f.alias not in data
        ]
        if missing:
            raise ValueError(
                f"{tp.__name__} is missing {', '.join(missing)}: written with a profile or a field selection that"
                " leaves them out (write with the 'full' profile to load records back)"
            )
        kwargs = {name: from_data(hints[name], data[name]) for name in names if name in data}
        return tp(**kwargs)
    if issubclass(tp, enum.Enum):
        return tp(data)
    if tp is dt.datetime:
        if not isinstance(data, str):
            raise TypeError(f"expected an ISO datetime string, found {data!r}")
        return dt.datetime.fromisoformat(data)
    if tp is dt.date:
        if not isinstance(data, str) or "T" in data:
            raise TypeError(f"expected an ISO date string, found {data!r}")
        return dt.date.fromisoformat(data)
    if tp is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if tp in (str, int, float, bool):
        if type(data) is not tp:
            raise TypeError(f"expected {tp.__name__}, found {type(data).__name__}")
        return data
    raise TypeError(f"cannot load data into {tp.__name__}")
