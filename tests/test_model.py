"""Records: validation, ISO forms, year resolution, JSON round trips."""

from __future__ import annotations

import datetime as dt
import json
import typing
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mfaparse
from mfaparse import EmojiMatch, Hashtag, Link, Mention, PartialDate, PartialDateTime, Removal, Span


def test_span_slice_and_shift() -> None:
    """A span slices its source; shifting moves both ends."""
    assert Span(start=4, end=8).slice("The MFA said") == "MFA "
    assert Span(start=1, end=2).shift(10) == Span(start=11, end=12)


@pytest.mark.parametrize(("start", "end", "error"), [(-1, 2, ValueError), (5, 2, ValueError), (1.5, 2, TypeError)])
def test_span_rejects_bad_bounds(start: object, end: object, error: type[Exception]) -> None:
    """Negative, reversed or non-int bounds are refused."""
    with pytest.raises(error):
        Span(start=start, end=end)  # type: ignore[arg-type]  # the point is the wrong type


@pytest.mark.parametrize(
    ("date", "iso"),
    [
        (PartialDate(year=2023, month=7, day=13), "2023-07-13"),
        (PartialDate(month=10, day=13), "--10-13"),
        (PartialDate(year=2023, month=9), "2023-09"),
        (PartialDate(year=2023), "2023"),
        (PartialDate(month=2), "--02"),
    ],
)
def test_partial_date_iso(date: PartialDate, iso: str) -> None:
    """ISO 8601 forms, with the year-less ``--MM-DD``."""
    assert date.iso() == iso


@pytest.mark.parametrize(
    ("date", "reference", "expected"),
    [
        (PartialDate(month=12, day=31), dt.date(2024, 1, 2), dt.date(2023, 12, 31)),
        (PartialDate(month=1, day=2), dt.date(2024, 1, 2), dt.date(2024, 1, 2)),
        (PartialDate(month=10, day=13), dt.date(2023, 10, 12), dt.date(2022, 10, 13)),
        (PartialDate(month=2, day=29), dt.date(2023, 6, 1), dt.date(2020, 2, 29)),
        (PartialDate(year=2021, month=12, day=17), dt.date(2000, 1, 1), dt.date(2021, 12, 17)),
    ],
)
def test_partial_date_resolve(date: PartialDate, reference: dt.date, expected: dt.date) -> None:
    """The latest matching date not after the reference; an explicit year wins."""
    assert date.resolve(reference) == expected


def test_partial_date_validation() -> None:
    """Impossible dates are refused; a resolve without a day is a ValueError."""
    with pytest.raises(ValueError, match="month"):
        PartialDate(month=13)
    with pytest.raises(ValueError, match="does not exist"):
        PartialDate(year=2023, month=2, day=29)
    with pytest.raises(ValueError, match="month and day"):
        PartialDate(year=2023, month=2).resolve(dt.date(2024, 1, 1))
    with pytest.raises(TypeError):
        PartialDate(month=1, day=1).resolve("2024-01-01")  # type: ignore[arg-type]  # wrong type on purpose


def test_partial_datetime_resolves_to_moscow_time() -> None:
    """``14:10, 16 February`` seen in 2022 is 14:10 Moscow time (UTC+3)."""
    stamp = PartialDateTime(month=2, day=16, hour=14, minute=10)
    got = stamp.resolve(dt.date(2022, 3, 1))
    assert got == dt.datetime(2022, 2, 16, 11, 10, tzinfo=dt.timezone.utc)
    assert got.utcoffset() == dt.timedelta(hours=3)


@given(
    month=st.integers(1, 12),
    day=st.integers(1, 31),
    reference=st.dates(min_value=dt.date(1900, 1, 1)),
)
def test_resolve_never_after_reference(month: int, day: int, reference: dt.date) -> None:
    """``resolve`` never returns a date after the reference, and keeps month and day."""
    try:
        date = PartialDate(month=month, day=day)
    except ValueError:
        return
    got = date.resolve(reference)
    assert got <= reference
    assert (got.month, got.day) == (month, day)


spans = st.builds(lambda a, b: Span(start=min(a, b), end=max(a, b)), st.integers(0, 10**6), st.integers(0, 10**6))
records = st.one_of(
    spans,
    st.builds(
        Removal,
        kind=st.sampled_from(["duplicate", "crumb", "link_text"]),
        span=spans,
        text=st.text(),
        duplicate_of=st.none() | spans,
    ),
    st.builds(
        EmojiMatch,
        text=st.text(),
        span=spans,
        kind=st.sampled_from(["emoji", "flag"]),
        code=st.none() | st.text(),
    ),
    st.builds(Hashtag, tag=st.text(), span=spans),
    st.builds(Mention, username=st.text(), span=spans),
    st.builds(Link, text=st.text(), url=st.none() | st.text(), span=spans),
    st.builds(
        PartialDate,
        year=st.none() | st.integers(1, 9999),
        month=st.none() | st.integers(1, 12),
        day=st.none(),
    ),
    st.builds(
        PartialDateTime,
        month=st.none() | st.integers(1, 12),
        hour=st.none() | st.integers(0, 23),
        minute=st.none() | st.integers(0, 59),
        utc_offset=st.none() | st.integers(-600, 600),
    ),
)


@given(records)
def test_records_round_trip_through_json(record: Span) -> None:
    """``from_dict(json.loads(json.dumps(to_dict())))`` gives the record back."""
    data = json.loads(json.dumps(record.to_dict(), ensure_ascii=False))
    assert type(record).from_dict(data) == record


def test_from_dict_rejects_bad_data() -> None:
    """Unknown fields and wrong types are refused with a clear error."""
    with pytest.raises(ValueError, match="unknown fields"):
        Span.from_dict({"start": 1, "end": 2, "width": 1})
    with pytest.raises(TypeError, match="expected int"):
        Span.from_dict({"start": "1", "end": 2})
    with pytest.raises(ValueError, match="expected one of"):
        Removal.from_dict({"kind": "nonsense", "span": {"start": 0, "end": 1}, "text": "x"})


def test_records_and_options_pickle() -> None:
    """Records and options pickle (parallel and distributed runs send them between processes)."""
    import pickle  # noqa: PLC0415  # only this test pickles

    from mfaparse import CleanOptions, DedupOptions, NearDupOptions, parse_tass, parse_telegram  # noqa: PLC0415
    from tests.conftest import seed_text  # noqa: PLC0415

    for value in (
        parse_telegram(seed_text("002")),
        parse_tass(seed_text("000")),
        CleanOptions(flatten_quotes=True),
        DedupOptions(min_chars=5),
        NearDupOptions(threshold=0.7),
    ):
        assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301  # our own data, round-tripped


loose: Any = mfaparse  # the calls below are wrong on purpose: mypy would refuse them


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: loose.PartialDate(month=True), TypeError, "PartialDate.month must be an int"),
        (lambda: loose.PartialDateTime(hour="10"), TypeError, "PartialDateTime.hour must be an int"),
        (lambda: loose.CleanOptions(emoji="replace"), ValueError, "CleanOptions.emoji must be one of"),
        (lambda: loose.CleanOptions(normalize=1), TypeError, "CleanOptions.normalize must be True or False"),
        (lambda: loose.DedupOptions(min_lines=0), ValueError, "DedupOptions.min_lines must be >= 1"),
        (lambda: loose.DedupOptions(min_chars=2.5), TypeError, "DedupOptions.min_chars must be an int"),
        (lambda: loose.NearDupOptions(bands=True), TypeError, "NearDupOptions.bands must be an int"),
        (lambda: loose.NearDupOptions(threshold="high"), TypeError, "threshold must be a number"),
        (lambda: loose.ReadOptions(stream_bytes=-1), TypeError, "stream_bytes must be a positive int"),
        (lambda: loose.Removal(kind="junk", span=Span(start=0, end=1), text="x"), ValueError, "Removal.kind"),
        (lambda: loose.Block(kind="heading", text="x", span=Span(start=0, end=1)), ValueError, "Block.kind"),
    ],
)
def test_fields_are_checked_where_made(make: Callable[[], object], error: type[Exception], message: str) -> None:
    """A wrong type or value fails where the record or option object is made, with a message naming it."""
    with pytest.raises(error, match=message):
        make()


def test_public_names_are_sorted_and_typed() -> None:
    """__all__ is sorted (constants, classes, functions: ruff's RUF022 order), every name in it exists, and
    the Literal aliases of public fields are among them."""
    assert mfaparse.__all__ == sorted(mfaparse.__all__, key=lambda n: (not n.isupper(), not n[:1].isupper(), n))
    assert all(hasattr(mfaparse, name) for name in mfaparse.__all__)
    for alias in ("RemovalKind", "BlockKind", "Format", "EmojiKind", "LineClass"):
        assert alias in mfaparse.__all__
    assert typing.get_args(mfaparse.Format) == mfaparse.FORMATS
