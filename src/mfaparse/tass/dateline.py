"""TASS datelines, English and Russian.

>>> d = read_dateline("IGORA /Leningrad Region/, December 26. /TASS/. Putin said")
>>> d.city, d.region, d.date.iso(), d.agency, d.span.end
('IGORA', 'Leningrad Region', '--12-26', 'TASS', 47)
>>> d = read_dateline("РИМ, 3 декабря. /Корр. ТАСС Вера Щербакова/. Папа")
>>> d.city, d.date.iso(), d.agency, d.correspondent
('РИМ', '--12-03', 'ТАСС', 'Вера Щербакова')
>>> read_dateline("/ИТАР-ТАСС/. Текст").agency
'ИТАР-ТАСС'
"""

from __future__ import annotations

import regex

from mfaparse._lines.vocab import AGENCY
from mfaparse._model.base import PartialDate, Span
from mfaparse._model.documents import Dateline
from mfaparse._text.dates import MONTHS

__all__ = ["AGENCIES", "read_dateline"]

AGENCIES = ("TASS", "ITAR-TASS", "ТАСС", "ИТАР-ТАСС")
"""The agency names a dateline may carry, each written in one script."""

# "MOSCOW", "NEW YORK", "ROSTOV-ON-DON", "САНКТ-ПЕТЕРБУРГ", "ST. PETERSBURG": capitals, spaces, hyphens.
_CITY = r"(?P<city>\p{Lu}[\p{Lu}\p{M}'’.\-]*(?:[ \-][\p{Lu}\p{M}'’.\-]+){0,4})"
_REGION = r"(?:\s*/(?P<region>[^/\n]{2,60})/)?"
# "October 13" or "13 октября"
_WHEN = r"(?:(?P<month>\L<months>)\.?\s+(?P<day>[0-3]?\d)|(?P<day2>[0-3]?\d)\s+(?P<month2>\L<months>)\.?)"
# "/TASS/", "/ТАСС/", "/Корр. ТАСС Вера Щербакова/", "/ИТАР-ТАСС/": the shared fragment (formats sniff it too)
_AGENCY = AGENCY
_DATELINE = regex.compile(
    rf"^\s*(?:{_CITY}{_REGION},\s*{_WHEN}\s*\.?\s*)?{_AGENCY}\s*[.:]?\s*",
    months=list(MONTHS),
    flags=regex.IGNORECASE | regex.V1,
)


def read_dateline(paragraph: str, offset: int = 0) -> Dateline | None:
    """The dateline opening ``paragraph`` (spans moved by ``offset``), or None."""
    m = _DATELINE.match(paragraph)
    if m is None:
        return None
    city = m.group("city")
    if city is not None and city != city.upper():  # "Moscow, October 13" in prose is no dateline
        return None
    month_name = m.group("month") or m.group("month2")
    day = m.group("day") or m.group("day2")
    date: PartialDate | None = None
    if month_name and day:
        try:
            date = PartialDate(month=MONTHS[month_name.lower().rstrip(".")], day=int(day))
        except ValueError:
            return None
    return Dateline(
        city=city,
        region=m.group("region").strip() if m.group("region") else None,
        date=date,
        agency=m.group("agency").upper(),
        correspondent=m.group("corr").strip() if m.group("corr") else None,
        span=Span(start=offset + m.start(), end=offset + m.end()),
    )
