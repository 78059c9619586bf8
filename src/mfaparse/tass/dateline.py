"""Agency datelines — TASS, RIA Novosti, Sputnik, Interfax and wire copy — in English and Russian.

>>> d = read_dateline("IGORA /Leningrad Region/, December 26. /TASS/. Putin said")
>>> d.city, d.region, d.date.iso(), d.agency, d.span.end
('IGORA', 'Leningrad Region', '--12-26', 'TASS', 47)
>>> d = read_dateline("РИМ, 3 декабря. /Корр. ТАСС Вера Щербакова/. Папа")
>>> d.city, d.date.iso(), d.agency, d.correspondent
('РИМ', '--12-03', 'ТАСС', 'Вера Щербакова')
>>> read_dateline("/ИТАР-ТАСС/. Текст").agency
'ИТАР-ТАСС'
>>> for line in ["ТАСС, 3 марта. Губернатор", "ХАБАРОВСК, 5 мар – РИА Новости. Текст",
...              "москва, 31 янв - риа новости. текст", "Москва. 30 апреля. INTERFAX.RU - Текст",
...              "MOSCOW, March 5 (Reuters) - Text"]:
...     d = read_dateline(line)
...     print(d.city, d.date.iso(), d.agency)
None --03-03 ТАСС
ХАБАРОВСК --03-05 РИА Новости
москва --01-31 РИА Новости
Москва --04-30 Интерфакс
MOSCOW --03-05 Reuters
"""

from __future__ import annotations

import re  # the cheap hint tests: literal words, C-level search

import attrs
import regex

from mfaparse._lines.vocab import AGENCY
from mfaparse._model.base import PartialDate, Span, trusted_span
from mfaparse._model.documents import Dateline
from mfaparse._text.dates import MONTHS

__all__ = ["AGENCIES", "Datelines", "read_dateline"]

AGENCIES = {
    "tass": "TASS",
    "itar-tass": "ITAR-TASS",
    "тасс": "ТАСС",
    "итар-тасс": "ИТАР-ТАСС",
    "ria novosti": "RIA Novosti",
    "риа новости": "РИА Новости",
    "sputnik": "Sputnik",
    "спутник": "Спутник",
    "interfax": "Interfax",
    "interfax.ru": "Интерфакс",
    "интерфакс": "Интерфакс",
    "reuters": "Reuters",
    "ap": "AP",
    "afp": "AFP",
    "xinhua": "Xinhua",
    "bloomberg": "Bloomberg",
    "rt": "RT",
}
"""The agency names a dateline may carry (lower case, spaces single) and how ``Dateline.agency`` writes them,
each in one script. ``INTERFAX.RU`` is the Russian site's own mark, so its copy is Интерфакс."""

# "MOSCOW", "NEW YORK", "ROSTOV-ON-DON", "САНКТ-ПЕТЕРБУРГ", "ST. PETERSBURG": capitals, spaces, hyphens.
_CITY = r"(?P<city>\p{Lu}[\p{Lu}\p{M}'’.\-]*(?:[ \-][\p{Lu}\p{M}'’.\-]+){0,4})"
# "Москва", "москва" (a lower-cased data set), "Нижний Новгород": any letters, where the agency mark is certain.
_ANY_CITY = r"(?P<city>\p{L}[\p{L}\p{M}'’.\-]*(?:[ \-][\p{L}\p{M}'’.\-]+){0,4})"
_REGION = r"(?:\s*/(?P<region>[^/\n]{2,60})/)?"
# "October 13", "13 октября", "5 мар", "31 янв."
_WHEN = r"(?:(?P<month>\L<months>)\.?\s+(?P<day>[0-3]?\d)|(?P<day2>[0-3]?\d)\s+(?P<month2>\L<months>)\.?)"
_DASH = r"\s*[-–—]\s*"
_FLAGS = regex.IGNORECASE  # simple case folding: full (V1) compiles 3x slower and no dateline needs it
# "MOSCOW, October 13. /TASS/.", "/ИТАР-ТАСС/.", "РИМ, 3 декабря. /Корр. ТАСС Вера Щербакова/."
_SLASHED = regex.compile(
    rf"^\s*(?:{_CITY}{_REGION},\s*{_WHEN}\s*\.?\s*)?{AGENCY}\s*[.:]?\s*", months=list(MONTHS), flags=_FLAGS
)
# "ТАСС, 3 марта.": a regional TASS wire names no city
_REGIONAL = regex.compile(rf"^\s*(?P<agency>ТАСС|TASS),\s*{_WHEN}\s*\.\s*", months=list(MONTHS), flags=_FLAGS)
# "ХАБАРОВСК, 5 мар – РИА Новости.", "МОСКВА, 22 янв — РИА Новости", "москва, 31 янв - риа новости."
_RIA = regex.compile(
    rf"^\s*{_ANY_CITY},\s*{_WHEN}{_DASH}(?P<agency>РИА\s+Новости|RIA\s+Novosti|Sputnik|Спутник)\s*\.?\s*",
    months=list(MONTHS),
    flags=_FLAGS,
)
# "Москва. 30 апреля. INTERFAX.RU -", "Москва. 30 апреля. Интерфакс -"
_INTERFAX = regex.compile(
    rf"^\s*{_ANY_CITY}\.\s*{_WHEN}\s*\.\s*(?P<agency>INTERFAX\.RU|Интерфакс|Interfax){_DASH}",
    months=list(MONTHS),
    flags=_FLAGS,
)
# Wire copy: "MOSCOW (Reuters) -", "MOSCOW, March 5 (Interfax) -", "MOSCOW, Oct 3 (RIA Novosti) —"
_WIRE = regex.compile(
    rf"^\s*{_CITY}(?:,\s*{_WHEN}\s*\.?)?\s*\((?P<agency>Reuters|AP|AFP|Xinhua|Bloomberg|Sputnik|RIA\s+Novosti"
    rf"|Interfax|TASS|ITAR-TASS|RT)\){_DASH}",
    months=list(MONTHS),
    flags=_FLAGS,
)
# Each form with the words one of which its opening must hold (casefolded): a cheap test before the pattern.
_FORMS = (
    (_SLASHED, re.compile("/")),
    (_REGIONAL, re.compile("тасс|tass")),
    (_RIA, re.compile("риа|ria|sputnik|спутник")),
    (_INTERFAX, re.compile("interfax|интерфакс")),
    (_WIRE, re.compile(r"\(")),
)
_ANY_HINT = re.compile("|".join(hint.pattern for _, hint in _FORMS))
"""One search for all the forms' words: most lines hold none, and need no more tests."""
_OPENING = 200  # a dateline's agency mark stands within its first characters
_SPACES = regex.compile(r"\s+")


def agency_name(mark: str) -> str:
    """How ``Dateline.agency`` writes an agency mark: ``риа новости`` -> ``РИА Новости``, ``tass`` -> ``TASS``."""
    key = _SPACES.sub(" ", mark.strip()).lower()
    return AGENCIES.get(key, mark.strip())


def read_dateline(paragraph: str, offset: int = 0) -> Dateline | None:
    """The dateline opening ``paragraph`` (spans moved by ``offset``), or None."""
    opening = paragraph[:_OPENING].casefold()
    if _ANY_HINT.search(opening) is None:
        return None
    for form, hint in _FORMS:
        if hint.search(opening) is None:
            continue
        m = form.match(paragraph)
        if m is not None:
            return _dateline(m, offset, strict_city=form is _SLASHED or form is _WIRE)
    return None


class Datelines:
    """:func:`read_dateline` for one page, each distinct paragraph read once: a parse asks of the dateline's
    paragraph up to three times (whether the page is a listing, where its dateline stands, what it says).

    >>> read = Datelines()
    >>> read("MOSCOW, October 13. /TASS/. Text", 100).span.start, read("MOSCOW, October 13. /TASS/. Text").span.start
    (100, 0)
    """

    __slots__ = ("_read",)

    def __init__(self) -> None:
        self._read: dict[str, Dateline | None] = {}

    def __call__(self, paragraph: str, offset: int = 0) -> Dateline | None:
        """What ``read_dateline(paragraph, offset)`` gives."""
        if paragraph in self._read:
            found = self._read[paragraph]
        else:
            found = self._read[paragraph] = read_dateline(paragraph)
        if found is None or not offset:
            return found
        return attrs.evolve(found, span=trusted_span(found.span.start + offset, found.span.end + offset))


def _dateline(m: regex.Match[str], offset: int, *, strict_city: bool) -> Dateline | None:
    groups = m.groupdict()
    city = groups.get("city")
    if strict_city and city is not None and city != city.upper():  # "Moscow, October 13" in prose is no dateline
        return None
    month_name = groups.get("month") or groups.get("month2")
    day = groups.get("day") or groups.get("day2")
    date: PartialDate | None = None
    if month_name and day:
        try:
            date = PartialDate(month=MONTHS[month_name.lower().rstrip(".")], day=int(day))
        except ValueError:
            return None
    region, corr = groups.get("region"), groups.get("corr")
    return Dateline(
        city=city,
        region=region.strip() if region else None,
        date=date,
        agency=agency_name(m.group("agency")),
        correspondent=corr.strip() if corr else None,
        span=Span(start=offset + m.start(), end=offset + m.end()),
    )
