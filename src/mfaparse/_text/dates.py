"""Dates and times as TASS and the MFA write them, in English and Russian.

>>> find_dates("on 10–13 September 2023 in Vladivostok")[0].date.iso()
'2023-09-10'
>>> [d.date.iso() for d in find_dates("МОСКВА, 13 октября. On October 7, 2024; 13.10.2023")]
['--10-13', '2024-10-07', '2023-10-13']
>>> parse_date("February 21-22").iso(), parse_date("сент. 5, 2021").iso()
('--02-21', '2021-09-05')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import attrs
import regex

from mfaparse._model.base import PartialDate, PartialDateTime, Span
from mfaparse.errors import ParseError

__all__ = [
    "MONTHS",
    "MOSCOW",
    "MOSCOW_MINUTES",
    "DateMatch",
    "find_dates",
    "iso_time",
    "moscow_day",
    "parse_date",
    "parse_time",
    "unix_time",
]

MONTHS: dict[str, int] = {}
"""Month names and abbreviations (lower case, without the dot) to month numbers, English and Russian."""
for _number, _names in enumerate(
    [
        "january jan январь января янв",
        "february feb февраль февраля фев февр",
        "march mar март марта мар",
        "april apr апрель апреля апр",
        "may май мая",
        "june jun июнь июня июн",
        "july jul июль июля июл",
        "august aug август августа авг",
        "september sep sept сентябрь сентября сен сент",
        "october oct октябрь октября окт",
        "november nov ноябрь ноября ноя нояб",
        "december dec декабрь декабря дек",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number


def _month(name: str) -> str:
    """A month name as a whole word: "October", "Oct.", "октября", "сент." (group ``name``)."""
    return rf"(?P<{name}>\L<months>)\.?(?!\p{{L}})"


def _days(name: str) -> str:
    """A day or a day range: "13", "21st", "10–13", "21-22" (groups ``name`` and ``name_end``)."""
    return rf"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*[-–—]\s*(?P<{name}_end>[0-3]?\d))?(?!\d)"


def _year(name: str) -> str:
    return rf"(?P<{name}>(?:1[89]|20)\d\d)(?!\d)"


_DATE = regex.compile(
    rf"""
    (?<![\p{{L}}\d])(?:
        # "2024-10-13" (ISO 8601)
        (?P<iyear>(?:19|20)\d\d)-(?P<imonth>[01]\d)-(?P<iday>[0-3]\d)(?![\d-])
      | # "13 October 2023", "10–13 September 2023", "13 октября", "5 сент. 2021 г."
        {_days("day")}\s+{_month("month")}(?:,?\s+{_year("year")}(?:\s*(?:г\.|года))?)?
      | # "October 13, 2023", "February 21-22", "Oct. 3"
        {_month("month2")}\s+{_days("day2")}(?:,?\s+{_year("year2")})?
      | # "13.10.2023"
        (?P<nday>[0-3]?\d)\.(?P<nmonth>[01]?\d)\.(?P<nyear>(?:19|20)\d\d)(?!\d)
    )
    """,
    months=list(MONTHS),
    flags=regex.VERBOSE | regex.IGNORECASE | regex.V1,
)
# A time of day, with its zone where given: "14:10", "18:14 UTC+3", "10:05 по мск", "обновлено 10:15".
_TIME = regex.compile(
    r"(?<!\d)(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?!\d)"
    r"(?:\s*(?:(?:UTC|GMT)\s*(?P<offset>[+-−]\s*\d{1,2}(?::?\d\d)?)|(?P<msk>MSK|МСК|по\s+мск|Moscow\s+time)))?",
    flags=regex.IGNORECASE,
)


_DIGITS = re.compile(r"\d+")  # stdlib re: a plain class scan, far faster than trying _DATE at every position
_SPACE = regex.compile(r"\s")
_LONGEST_MONTH = max(map(len, MONTHS))


def _date_matches(text: str) -> Iterator[regex.Match[str]]:
    """What ``_DATE.finditer(text)`` yields, found by trying ``_DATE`` only where a date can begin.

    Every date holds a digit, and (by its look-behind) begins at the start of a run of digits or at the start of
    the month word just before one (``October 13``, ``сент. 5``). Trying those places in order, and none inside
    the last match, gives the same leftmost non-overlapping matches as a scan of every position.
    """
    free = 0  # matches may start here or later
    for digits in _DIGITS.finditer(text):
        at = digits.start()
        if at < free:
            continue
        for start in (_month_word_before(text, at), at):
            if start is None or start < free:
                continue
            m = _DATE.match(text, start)
            if m is not None:
                yield m
                free = m.end()
                break


def _month_word_before(text: str, at: int) -> int | None:
    """The start of the word before the spaces (and an optional dot) before ``at``, if it may be a month."""
    i = at
    while i > 0 and (text[i - 1] == " " or (not text[i - 1].isalnum() and _SPACE.match(text, i - 1))):
        i -= 1  # a space, a letter or digit (never \s) decided without the pattern
    if i in (at, 0):
        return None
    if text[i - 1] == ".":
        i -= 1
    end = i
    while i > 0 and text[i - 1].isalpha() and end - i <= _LONGEST_MONTH:
        i -= 1
    return i if 0 < end - i <= _LONGEST_MONTH else None


@attrs.frozen(kw_only=True)
class DateMatch:
    """A date found in text: the date (its first day for a range), the range's last day, and where."""

    date: PartialDate
    end: PartialDate | None
    span: Span


def _to_date(year: str | None, month: int, day: str) -> PartialDate | None:
    try:
        return PartialDate(year=int(year) if year else None, month=month, day=int(day))
    except ValueError:
        return None


def find_dates(text: str) -> tuple[DateMatch, ...]:
    """Every date expression in ``text``; a bare month word without a day is never a date."""
    if not isinstance(text, str):
        raise TypeError(f"find_dates() takes str, not {type(text).__name__}")
    found: list[DateMatch] = []
    for m in _date_matches(text):
        g = m.groupdict()
        if g["iyear"]:
            date = _to_date(g["iyear"], int(g["imonth"]), g["iday"]) if 1 <= int(g["imonth"]) <= 12 else None
            end_day = None
        elif g["nday"]:
            date = _to_date(g["nyear"], int(g["nmonth"]), g["nday"]) if 1 <= int(g["nmonth"]) <= 12 else None
            end_day = None
        else:
            month_name = (g["month"] or g["month2"]).lower().rstrip(".")
            month = MONTHS[month_name]
            day, end_day, year = (
                (g["day"], g["day_end"], g["year"])
                if g["month"]
                else (
                    g["day2"],
                    g["day2_end"],
                    g["year2"],
                )
            )
            date = _to_date(year, month, day)
        if date is None:
            continue
        end = None
        if end_day and date.month is not None:
            end = _to_date(str(date.year) if date.year else None, date.month, end_day)
        found.append(DateMatch(date=date, end=end, span=Span(start=m.start(), end=m.end())))
    return tuple(found)


def parse_date(text: str) -> PartialDate:
    """The one date ``text`` consists of (surrounding spaces and punctuation allowed); ParseError otherwise."""
    matches = find_dates(text)
    rest = text
    if len(matches) == 1:
        m = matches[0]
        rest = text[: m.span.start] + text[m.span.end :]
    if len(matches) != 1 or rest.strip(" ,.;:()"):
        raise ParseError("expected a single date such as 'October 13, 2023' or '13 октября'", position=0, text=text)
    return matches[0].date


def parse_time(text: str) -> tuple[int, int, int | None, Span] | None:
    """The first time of day in ``text``: (hour, minute, UTC offset in minutes or None, span)."""
    m = _TIME.search(text)
    if m is None:
        return None
    offset: int | None = None
    if m.group("offset"):
        raw = m.group("offset").replace(" ", "").replace("−", "-")
        sign = -1 if raw[0] == "-" else 1
        digits = raw[1:].replace(":", "")
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
        offset = sign * (int(hours) * 60 + int(minutes))
    elif m.group("msk"):
        offset = MOSCOW_MINUTES
    return int(m.group("hour")), int(m.group("minute")), offset, Span(start=m.start(), end=m.end())


def timestamp(date: PartialDate | None, time: tuple[int, int, int | None, Span] | None) -> PartialDateTime:
    """A partial timestamp from a date and a time (either may be missing)."""
    return PartialDateTime(
        year=date.year if date else None,
        month=date.month if date else None,
        day=date.day if date else None,
        hour=time[0] if time else None,
        minute=time[1] if time else None,
        utc_offset=time[2] if time else None,
    )


_UTC = dt.timezone.utc
MOSCOW_MINUTES = 180
"""Moscow time's offset from UTC in minutes: the agencies' own zone, taken where a text gives none."""
MOSCOW = dt.timezone(dt.timedelta(minutes=MOSCOW_MINUTES))


def moscow_day(day: dt.date) -> PartialDateTime:
    """A whole day with no time of day, in Moscow (a dateline's day once its year is known).

    >>> moscow_day(dt.date(2024, 3, 5))
    PartialDateTime(year=2024, month=3, day=5, hour=None, minute=None, utc_offset=180)
    """
    return PartialDateTime(year=day.year, month=day.month, day=day.day, utc_offset=MOSCOW_MINUTES)


def unix_time(value: object, field: str = "time") -> dt.datetime:
    """An aware UTC datetime from a Unix time (a number, or digits as a string); anything else — a bool, a
    value out of the datetime range, NaN or infinity — is a ParseError naming ``field``.

    >>> unix_time("1686201531").isoformat()
    '2023-06-08T05:18:51+00:00'
    >>> unix_time(1e20, "date_unixtime")
    Traceback (most recent call last):
    ...
    mfaparse.errors.ParseError: expected a Unix time in date_unixtime, found 1e+20 (out of range)
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ParseError(f"expected a Unix time in {field}, found {type(value).__name__}")
    try:
        number = float(value) if isinstance(value, str) and not value.strip().isdigit() else int(value)
        return dt.datetime.fromtimestamp(number, tz=_UTC)
    except ValueError as exc:
        raise ParseError(f"expected a Unix time in {field}, found {value!r}") from exc
    except (OverflowError, OSError) as exc:
        raise ParseError(f"expected a Unix time in {field}, found {value!r} (out of range)") from exc


def iso_time(value: str, field: str = "time", *, naive: dt.tzinfo = _UTC) -> dt.datetime:
    """An aware datetime from an ISO 8601 string (``Z`` and a space for ``T`` accepted); a naive time is in
    ``naive``'s zone. A malformed string is a ParseError naming ``field``.

    >>> iso_time("2024-12-01 10:00:00Z").isoformat()
    '2024-12-01T10:00:00+00:00'
    """
    if not isinstance(value, str):
        raise ParseError(f"expected an ISO time in {field}, found {type(value).__name__}")
    try:
        stamp = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError as exc:
        raise ParseError(f"expected an ISO time such as 2024-06-27T12:26:08Z in {field}, found {value!r}") from exc
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=naive)
