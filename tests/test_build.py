"""Record makers (:mod:`mfaparse._model.build`): which classes a maker may build, and the pure-Python reference
maker against each class's own ``__init__`` on the records the parsers return for the seeds. The native core's
maker is tested against this reference in tests/test_native.py."""

from __future__ import annotations

import attrs
import pytest

from mfaparse._model import build
from mfaparse._model.base import Removal, Span, trusted_removal, trusted_span
from tests.harness import Plain, arguments, seed_records


def test_the_reference_maker_builds_what_init_builds_for_every_class_of_the_seeds() -> None:
    records = seed_records()
    classes = {type(r) for r in records}
    assert {"Span", "Removal", "Post", "Block", "Article", "Hashtag", "Quote"} <= {c.__name__ for c in classes}
    makers = {cls: build.python_maker(cls, trusted=True) for cls in classes}
    for record in records:
        made = makers[type(record)](**arguments(record))
        assert type(made) is type(record)
        assert made == record
        assert made.to_dict() == record.to_dict()
        assert hash(made) == hash(record)
        positional = makers[type(record)](*arguments(record).values())
        assert positional == record


def test_the_hand_written_trusted_makers_agree_with_init() -> None:
    span = trusted_span(3, 7)
    assert span == Span(start=3, end=7)
    assert type(span) is Span
    assert trusted_removal("header", span, "abcd") == Removal(kind="header", span=span, text="abcd")
    assert trusted_removal("duplicate", span, "x", span).duplicate_of == span


def test_a_maker_is_the_class_itself_or_takes_its_arguments() -> None:
    make = build.maker(Span, trusted=True)
    assert make(start=1, end=2) == Span(start=1, end=2)
    assert make is Span or type(make).__name__ == "Maker"


def test_the_reference_maker_takes_keywords_positions_defaults_and_aliases() -> None:
    make = build.python_maker(Plain)
    assert make(a=1, c=()) == Plain(a=1)
    assert make(1, "x", (2,), 3) == Plain(a=1, b="x", c=(2,), hidden=3)
    assert make(a=1, c=(), hidden=4) == Plain(a=1, c=(), hidden=4)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {"c": ()}, "missing required argument 'a'"),
        ((), {"a": 1}, "missing required argument 'c'"),  # a factory: the maker calls no code
        ((1, "b", (), None, 5), {}, "takes at most 4 arguments"),
        ((1,), {"a": 2, "c": ()}, "multiple values for argument 'a'"),
        ((), {"a": 1, "c": (), "_hidden": 2}, "unexpected keyword argument '_hidden'"),
    ],
)
def test_the_reference_maker_refuses_what_init_refuses(
    args: tuple[object, ...], kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        build.python_maker(Plain)(*args, **kwargs)


@attrs.frozen
class _Converted:
    a: int = attrs.field(converter=int)


@attrs.frozen
class _Checked:
    a: int = attrs.field(validator=attrs.validators.instance_of(int))


@attrs.frozen
class _Posted:
    a: int

    def __attrs_post_init__(self) -> None:
        pass


@attrs.define(slots=False)
class _Dicted:
    a: int


class _Slotted:
    __slots__ = ("a",)


@pytest.mark.parametrize(
    ("cls", "trusted", "message"),
    [
        (_Converted, True, "converter"),
        (_Checked, False, "validator"),
        (_Posted, False, "__attrs_post_init__"),
        (_Dicted, True, "not a slotted attrs class"),
        (_Slotted, True, "not a slotted attrs class"),
    ],
)
def test_a_maker_is_refused_for_a_class_whose_init_does_more_than_store(
    cls: type[object], trusted: bool, message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        build.fields_of(cls, trusted=trusted)
    with pytest.raises(TypeError, match=message):
        build.maker(cls, trusted=trusted)


def test_trusted_makers_allow_checks_the_caller_vouches_for() -> None:
    assert build.fields_of(_Checked, trusted=True) == (("a",), ("a",), (build.REQUIRED,))
    assert build.python_maker(_Posted, trusted=True)(a=1) == _Posted(a=1)


def test_a_maker_takes_a_class() -> None:
    with pytest.raises(TypeError, match="takes a class"):
        build.maker(trusted_span)  # a function (typed as a callable: only the check at run time refuses it)
