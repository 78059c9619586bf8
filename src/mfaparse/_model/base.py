"""The records mfaparse returns: frozen attrs classes with JSON round trips.

Spans are half-open code-point offsets into the ``source`` of the enclosing result:
``source[span.start:span.end]`` is the text a field was read from.

>>> from mfaparse import PartialDate, Span
>>> Span(start=3, end=7).slice("the text")
' tex'
>>> PartialDate(month=10, day=13).iso()
'--10-13'
>>> import datetime
>>> PartialDate(month=12, day=31).resolve(datetime.date(2024, 1, 2))
datetime.date(2023, 12, 31)
"""

from __future__ import annotations

import calendar
import datetime as dt
import typing
from typing import Literal

import attrs

from mfaparse._model.build import native_maker
from mfaparse._model.checks import one_of
from mfaparse._model.record import Record

__all__ = [
    "EmojiKind",
    "EmojiMatch",
    "Hashtag",
    "Link",
    "Mention",
    "PartialDate",
    "PartialDateTime",
    "Provenance",
    "Removal",
    "RemovalKind",
    "Span",
    "trusted_removal",
    "trusted_span",
]


def _non_negative(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be an int, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


@attrs.frozen(kw_only=True)
class Span(Record):
    """A half-open range ``[start, end)`` of code points in a source text."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        if type(self.start) is not int or type(self.end) is not int:
            _non_negative(self, attrs.fields(Span).start, self.start)
            _non_negative(self, attrs.fields(Span).end, self.end)
        if not 0 <= self.start <= self.end:
            if self.start < 0:
                raise ValueError(f"start must be >= 0, got {self.start}")
            raise ValueError(f"span end {self.end} is before its start {self.start}")

    def slice(self, source: str) -> str:
        """The text this span covers in ``source``."""
        return source[self.start : self.end]

    def shift(self, offset: int) -> Span:
        """This span moved by ``offset`` code points (to map a part's spans into the whole)."""
        return Span(start=self.start + offset, end=self.end + offset)

    def __len__(self) -> int:
        return self.end - self.start


_new = object.__new__
_set = object.__setattr__  # how attrs' own __init__ fills a frozen slot


def _trusted_span(start: int, end: int) -> Span:
    span = _new(Span)
    _set(span, "start", start)
    _set(span, "end", end)
    return span


trusted_span = native_maker(Span, _trusted_span)
"""``Span(start=start, end=end)`` without the checks, for offsets a parser computed (``0 <= start <= end``, ints):
the hot paths build tens of thousands per megabyte, and half their cost was checking what holds by construction
(with the native core, its maker writes the two slots from C: a quarter of the Python function's time).
Everything from outside (``Span(...)``, ``from_dict``) is checked; the property tests check that every span a
parser returns passes those checks.

>>> trusted_span(3, 7) == Span(start=3, end=7)
True
"""


RemovalKind = Literal[
    "duplicate",
    "media_placeholder",
    "link_text",
    "call_to_action",
    "share_widget",
    "crumb",
    "page_chrome",
    "footer",
    "header",
    "dateline",
    "timestamp",
    "counter",
    "blank",
    "read_also",
    "credit",
]
"""Why a piece of input left a record's text.

``header`` is a line read into metadata (``Forwarded from ...``), ``dateline``/``timestamp`` likewise;
``counter`` is a view or reaction count; ``blank`` is whitespace between kept parts; ``credit`` is a byline, a
desk line, a photo credit or an agency credit read into ``Article.agency`` (``... - TASS``).
"""


@attrs.frozen(kw_only=True)
class Removal(Record):
    """A piece of input that is not in a record's text, with the reason and where it was."""

    kind: RemovalKind = attrs.field(validator=one_of(typing.get_args(RemovalKind)))
    span: Span
    text: str
    duplicate_of: Span | None = None
    """For ``duplicate``: where the first copy is, in the same source."""


def _trusted_removal(kind: RemovalKind, span: Span, text: str, duplicate_of: Span | None = None) -> Removal:
    removal = _new(Removal)
    _set(removal, "kind", kind)
    _set(removal, "span", span)
    _set(removal, "text", text)
    _set(removal, "duplicate_of", duplicate_of)
    return removal


trusted_removal = native_maker(Removal, _trusted_removal)
"""``Removal(...)`` without the check of ``kind``, for a parser's own removals (``kind`` a literal mypy checked):
a dump of one-line posts builds one a post. Loading (``from_dict``) checks it, as the property tests do for
every removal a parser returns.

>>> checked = Removal(kind="header", span=Span(start=0, end=3), text="abc")
>>> trusted_removal("header", trusted_span(0, 3), "abc") == checked
True
"""


EmojiKind = Literal["emoji", "flag", "keycap", "component"]


@attrs.frozen(kw_only=True)
class EmojiMatch(Record):
    """One emoji grapheme cluster (or a stray emoji component such as a lone U+FE0F)."""

    text: str
    span: Span
    kind: EmojiKind
    code: str | None = None
    """ISO 3166 code for flags (``RU``, ``GB-SCT``); the digit or sign for keycaps; else None."""


@attrs.frozen(kw_only=True)
class Hashtag(Record):
    """A hashtag: ``tag`` is the word without ``#`` as written (``#МИД_России`` -> ``МИД_России``)."""

    tag: str
    span: Span


@attrs.frozen(kw_only=True)
class Mention(Record):
    """A Telegram ``@username`` mention; ``username`` is without ``@``."""

    username: str
    span: Span


@attrs.frozen(kw_only=True)
class Link(Record):
    """A link: its words (without emoji) and its URL, None where the scrape lost it (``Read in full``)."""

    text: str
    url: str | None
    span: Span


def _check_ints(inst: object, values: tuple[object, ...], names: tuple[str, ...]) -> None:
    for value, name in zip(values, names, strict=True):
        if value is not None and type(value) is not int:
            raise TypeError(f"{type(inst).__name__}.{name} must be an int or None, not {type(value).__name__}")


def _check_date_parts(inst: PartialDate | PartialDateTime) -> None:
    year, month, day = inst.year, inst.month, inst.day
    if not ((year is None or type(year) is int) and (month is None or type(month) is int)):  # cheap test first
        _check_ints(inst, (year, month, day), ("year", "month", "day"))
    if day is not None and type(day) is not int:
        _check_ints(inst, (day,), ("day",))
    if inst.month is not None and not 1 <= inst.month <= 12:
        raise ValueError(f"month must be 1..12, got {inst.month}")
    if inst.day is not None:
        if not 1 <= inst.day <= 31:
            raise ValueError(f"day must be 1..31, got {inst.day}")
        if inst.month is not None:
            longest = 29 if inst.month == 2 and inst.year is None else _days_in(inst.year or 2000, inst.month)
            if inst.day > longest:
                raise ValueError(f"day {inst.day} does not exist in month {inst.month}")
    if inst.year is not None and not 1 <= inst.year <= 9999:
        raise ValueError(f"year must be 1..9999, got {inst.year}")


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


@attrs.frozen(kw_only=True)
class PartialDate(Record):
    """A calendar date of which some parts may be unknown (a TASS dateline has no year)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        _check_date_parts(self)

    @property
    def is_complete(self) -> bool:
        """True when year, month and day are all known."""
        return self.year is not None and self.month is not None and self.day is not None

    def iso(self) -> str:
        """ISO 8601 form: ``2023-07-13``, ``--10-13`` without a year, ``2023-07`` without a day."""
        if self.month is None:
            return f"{self.year:04d}" if self.year is not None else ""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}" if self.day is not None else f"--{self.month:02d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def to_date(self) -> dt.date:
        """The date, when complete; ValueError otherwise."""
        if self.year is None or self.month is None or self.day is None:
            raise ValueError(f"{self.iso() or 'empty date'} is not a complete date")
        return dt.date(self.year, self.month, self.day)

    def resolve(self, reference: dt.date) -> dt.date:
        """The latest date matching this one that is not after ``reference``.

        A missing year is inferred (``December 31`` seen on ``January 2`` is last year's);
        a missing day or month cannot be and raises ValueError.
        """
        if not isinstance(reference, dt.date):
            raise TypeError(f"reference must be a datetime.date, not {type(reference).__name__}")
        if isinstance(reference, dt.datetime):
            reference = reference.date()
        if self.month is None or self.day is None:
            raise ValueError(f"cannot resolve {self.iso() or 'an empty date'} without a month and day")
        if self.year is not None:
            return dt.date(self.year, self.month, self.day)
        year = reference.year
        while year >= 1:
            if self.day <= _days_in(year, self.month):
                candidate = dt.date(year, self.month, self.day)
                if candidate <= reference:
                    return candidate
            year -= 1
        raise ValueError(f"no {self.iso()} on or before {reference.isoformat()}")


@attrs.frozen(kw_only=True)
class PartialDateTime(Record):
    """A timestamp of which some parts may be unknown (``14:10, 16 February`` has no year).

    ``utc_offset`` is in minutes east of UTC (Moscow: 180), None when the text gives no zone.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    utc_offset: int | None = None

    def __attrs_post_init__(self) -> None:
        _check_date_parts(self)
        _check_ints(self, (self.hour, self.minute, self.utc_offset), ("hour", "minute", "utc_offset"))
        if self.hour is not None and not 0 <= self.hour <= 23:
            raise ValueError(f"hour must be 0..23, got {self.hour}")
        if self.minute is not None and not 0 <= self.minute <= 59:
            raise ValueError(f"minute must be 0..59, got {self.minute}")
        if self.utc_offset is not None and not -16 * 60 <= self.utc_offset <= 16 * 60:
            raise ValueError(f"utc_offset must be within ±16 hours, got {self.utc_offset} minutes")

    @property
    def date(self) -> PartialDate:
        """The date part."""
        return PartialDate(year=self.year, month=self.month, day=self.day)

    def resolve(self, reference: dt.date, *, default_offset: int = 180) -> dt.datetime:
        """An aware datetime, the year inferred against ``reference`` as :meth:`PartialDate.resolve` does."""
        day = self.date.resolve(reference)
        offset = self.utc_offset if self.utc_offset is not None else default_offset
        tz = dt.timezone(dt.timedelta(minutes=offset))
        return dt.datetime(day.year, day.month, day.day, self.hour or 0, self.minute or 0, tzinfo=tz)


@attrs.frozen(kw_only=True)
class Provenance(Record):
    """Where a record came from, as :func:`mfaparse.read` and the command line found it: the ``path`` as given
    (``<stdin>`` for standard input), the ``member`` of an archive, and the record's place in that input —
    ``offset`` for a post of a Telegram text dump (its first character in the normalised text, the start of its
    ``span``), ``line`` for a record of a JSON Lines file, else ``index`` (0-based, in reading order: a message of
    an export, an element of a JSON list, a row of a CSV file, an item of a listing page)."""

    path: str
    member: str | None = None
    index: int | None = None
    line: int | None = None
    offset: int | None = None
