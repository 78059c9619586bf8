"""TASS article page text, English and Russian, into an :class:`~mfaparse.Article`.

>>> art = parse_tass("All news\\n\\nTalks go on — Security Council\\n\\nThe lead says more\\n\\n"
...                  "MOSCOW, October 13. /TASS/. Russia is ready, the official said.\\n\\n- Share on VK")
>>> art.title, art.subtitle, art.dateline.city, art.dateline.date.iso(), art.paragraphs
('Talks go on — Security Council', 'The lead says more', 'MOSCOW', '--10-13', ('Russia is ready, the official said.',))
>>> [(r.kind, r.text) for r in art.removed]
[('crumb', 'All news'), ('dateline', 'MOSCOW, October 13. /TASS/. '), ('share_widget', '- Share on VK')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import regex

from mfaparse._lines import vocab
from mfaparse._lines.rules import TASS_RULES
from mfaparse._model.base import PartialDateTime, Removal, RemovalKind, Span, trusted_removal, trusted_span
from mfaparse._model.documents import Article, Dateline, EditorNote
from mfaparse._text.dates import find_dates, moscow_day, parse_time, timestamp
from mfaparse._text.dedup import line_key
from mfaparse._text.normalize import normalize
from mfaparse.errors import ParseError
from mfaparse.tass.dateline import Datelines
from mfaparse.tass.quotes import find_quotes

__all__ = ["Known", "build_article", "item_starts", "parse_tass", "units_of"]

# A timestamp line: "14:10, 16 February", "August 06, 18:14 UTC+3", "10:05", "обновлено 10:15".
_STAMP_WORDS = regex.compile(r"(?i)updated|обновлено|,|\s|\.")
# An editor's note: "(Australian-UK-US security partnership - TASS)", "(… — прим. ТАСС)".
_EDITOR_NOTE = regex.compile(r"\((?P<note>[^()\n]{2,400}?)\s*[-–—]\s*(?:TASS|ТАСС|прим\.\s*ТАСС|прим\.\s*ред\.)\)")
_EDITOR_NOTE_ENDS = ("TASS)", "ТАСС)", "ред.)")  # how every note ends: most sources have none, and are not scanned
# Letters counted on the UTF-8 bytes (C loops, no match objects): Cyrillic U+0400-U+04FF has lead bytes D0-D3;
# Latin is A-Z, a-z and U+00C0-U+024F (lead bytes C3-C9).
_CYRILLIC_LEADS = tuple(bytes([b]) for b in range(0xD0, 0xD4))
_LATIN_LEADS = tuple(bytes([b]) for b in range(0xC3, 0xCA))
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
_LANGUAGE_SAMPLE = 2000
_LONGEST_STAMP = 48
_LONGEST_CRUMB = len("Russian Politics & Diplomacy") + 12
_LONGEST_STAMP_LINE = _LONGEST_STAMP + 100  # a stamp with a place or a photo credit after it
_LOOKAHEAD_UNITS = 6  # a dateline is looked for among the first few units
_LONGEST_TITLE = 250
_DIGIT = regex.compile(r"\d")  # the digit every date and time pattern needs (regex's \d, as theirs)


def units_of(source: str) -> list[Span]:
    """Non-blank lines, each a unit: TASS page text puts a paragraph on a line, with or without blank lines."""
    units: list[Span] = []
    pos = 0
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            units.append(trusted_span(pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return units


def _timestamp(line: str) -> PartialDateTime | None:
    """The timestamp a line consists of (a time, with its date where given; or a whole date alone), or None."""
    if len(line) > _LONGEST_STAMP:  # "Обновлено 28 августа 2024, 15:20 UTC+3" is 38: a longer line is text
        return None
    if _DIGIT.search(line) is None:  # every time and date holds a digit: a headline mostly none
        return None
    time = parse_time(line)
    dates = find_dates(line)
    if time is None and not dates:
        return None
    rest = line
    for span in sorted([d.span for d in dates] + ([time[3]] if time else []), key=lambda s: -s.start):
        rest = rest[: span.start] + rest[span.end :]
    if _STAMP_WORDS.sub("", rest):
        return None
    if time is None and not (len(dates) == 1 and dates[0].date.is_complete):  # a date alone: "2024-08-28"
        return None
    return timestamp(dates[0].date if dates else None, time)


def _language(text: str) -> str | None:
    """``ru`` or ``en`` by the letters of the first few thousand characters."""
    sample = text[:_LANGUAGE_SAMPLE].encode("utf-8", "surrogatepass")
    cyrillic = sum(map(sample.count, _CYRILLIC_LEADS))
    latin = len(sample.translate(None, _NOT_ASCII_LETTERS)) + sum(map(sample.count, _LATIN_LEADS))
    if not cyrillic and not latin:
        return None
    return "ru" if cyrillic > latin else "en"


@attrs.frozen(kw_only=True)
class Known:
    """What a scraped record says about its own text (:func:`mfaparse.parse_tass_record`): the text opens with
    ``title`` and ``lead`` lines (as the record gave them, one line each), and the record's date and fields."""

    title: bool = False
    lead: bool = False
    published: dt.datetime | PartialDateTime | None = None
    id: str | None = None
    extra: tuple[tuple[str, str | int | float | bool | None], ...] = ()


def parse_tass(
    text: str, reference_date: dt.date | None = None, *, strict: bool = False, url: str | None = None
) -> Article:
    """Parse the page text of a TASS article (tass.com, tass.ru, or a reprint), or of another agency's wire
    (RIA Novosti, Interfax, Sputnik: their datelines are read alike).

    ``published`` is the most precise date the page gives: its timestamp line (``14:10, 16 February``), else
    its dateline's date; ``reference_date`` resolves a year-less one, to an aware datetime in Moscow time for a
    timestamp and to a dated ``PartialDateTime`` (Moscow) for a dateline. Text with no recognisable structure
    gives an Article with title None and every line a paragraph, or with ``strict=True`` a
    :class:`~mfaparse.ParseError`. A listing page (several items: see :func:`mfaparse.parse_tass_page`, which reads
    them) gives the whole page unread, marked ``listing=True``, or with ``strict=True`` a ParseError.
    """
    source, units = prepared(text, reference_date, "parse_tass")
    datelines = Datelines()
    if item_starts(source, units, datelines) is not None:
        if strict:
            raise ParseError("a listing page of several items: read it with parse_tass_page()", position=0)
        return _unread(source, units, url)
    return build_article(
        source, reference_date=reference_date, strict=strict, url=url, units=units, datelines=datelines
    )


def prepared(text: str, reference_date: dt.date | None, caller: str) -> tuple[str, list[Span]]:
    """A page's arguments checked (``caller`` names the function in the error), its normalised text and units."""
    if not isinstance(text, str):
        raise TypeError(f"{caller}() takes str, not {type(text).__name__}")
    if reference_date is not None and not isinstance(reference_date, dt.date):
        raise TypeError(f"reference_date must be a datetime.date, not {type(reference_date).__name__}")
    source = normalize(text)
    return source, units_of(source)


def item_starts(source: str, units: list[Span], read: Datelines) -> list[int] | None:
    """Where the items of a listing page start (unit numbers, the first item's first), or None for a page that
    is no listing: at least two glued listing lines (each an item; the line after one starts the next), or at
    least two dateline paragraphs each under a headline (an item's header: its headline, maybe a lead, crumbs and
    timestamps; never a line that ends a sentence, which is the last item's). ``read`` reads datelines: the
    caller's :class:`~mfaparse.tass.dateline.Datelines`, which the page's article or items share."""
    glued: list[int] = []
    headed: list[int] = []
    texts = [u.slice(source) for u in units]
    for k, line in enumerate(texts):  # cheap tests first: a paragraph ends with a sentence, a glued line with a time
        if line[-1].isdigit() and _listing_line(source, units[k]) is not None:
            glued.append(k)
        elif k + 1 < len(units) and _may_head(line) and read(texts[k + 1]) is not None and _is_headline(line, read):
            headed.append(k)  # where its header starts is read below, on a listing only (an article has one)
    if len(glued) < 2 and len(headed) < 2:
        return None
    headers = [_header_start(texts, k, read) for k in headed]
    starts = sorted({0, *glued, *headers, *(k + 1 for k in glued if k + 1 < len(units))})
    if len(starts) > 1 and all(_furniture(texts[k]) for k in range(starts[1])):
        del starts[1]  # a section crumb above the first item is the first item's
    return starts


_SENTENCE_ENDS = (".", "!", "?", "…", ":", ";")
_CLOSING_QUOTES = "\"»”’')"


def _may_head(line: str) -> bool:
    """The cheap half of :func:`_is_headline`: short, and no sentence's end (``...surprise."`` is a paragraph's)."""
    return len(line) <= _LONGEST_TITLE and not line.rstrip(_CLOSING_QUOTES).endswith(_SENTENCE_ENDS)


def _is_headline(line: str, read: Datelines) -> bool:
    """A line that may head an item: short, no sentence's end, no furniture, no dateline of its own."""
    return _may_head(line) and _furniture(line) is None and read(line) is None


def _header_start(texts: list[str], k: int, read: Datelines) -> int:
    """The first unit of the header whose last headline-like unit is ``k``: up to two headlines (a title and its
    lead) and the crumbs and timestamp lines among them."""
    start, headlines = k, 1
    while start > 0 and k - start < _LOOKAHEAD_UNITS:
        previous = texts[start - 1]
        if _furniture(previous) is not None or _stamp_line(previous) is not None:
            start -= 1
        elif headlines < 2 and _is_headline(previous, read):
            start, headlines = start - 1, headlines + 1
        else:
            break
    return start


def _unread(source: str, units: list[Span], url: str | None) -> Article:
    """A listing page as one Article (what :func:`parse_tass` gives for it): marked ``listing``, nothing read into
    fields, every line a paragraph."""
    return Article(
        source=source, title=None, subtitle=None, published=None, dateline=None, url=url, listing=True,
        **_body_fields(source, units),
    )  # fmt: skip


def _body_fields(source: str, paragraphs: list[Span]) -> dict[str, Any]:
    """An Article's fields of its body: the paragraphs and their spans, the text, its NLP view, the language."""
    texts = tuple(p.slice(source) for p in paragraphs)
    text = "\n\n".join(texts)
    return {
        "paragraphs": texts,
        "paragraph_spans": tuple(paragraphs),
        "text": text,
        "language": _language(source),
    }


def build_article(
    source: str,
    *,
    reference_date: dt.date | None = None,
    strict: bool = False,
    url: str | None = None,
    known: Known | None = None,
    chrome: frozenset[int] = frozenset(),
    units: list[Span] | None = None,
    datelines: Datelines | None = None,
) -> Article:
    """The Article of normalised ``source``; ``known`` is what a record or a page says of it (see :class:`Known`);
    the units (non-blank lines) numbered in ``chrome`` are a page's furniture, removed as ``page_chrome``;
    ``units`` are the source's, where the caller has them (:func:`units_of`), and ``datelines`` what it read of
    datelines (:class:`~mfaparse.tass.dateline.Datelines`)."""
    units = units_of(source) if units is None else list(units)
    read = Datelines() if datelines is None else datelines
    removed: list[Removal] = []

    def remove(kind: RemovalKind, span: Span) -> None:
        removed.append(trusted_removal(kind, span, span.slice(source)))

    if chrome:
        for number in sorted(chrome):  # furniture of a known kind keeps its kind (share_widget, footer, timestamp)
            line = units[number].slice(source)
            kind = _debris(line) or ("timestamp" if _timestamp(line) is not None else "page_chrome")
            remove(kind, units[number])
        units = [unit for number, unit in enumerate(units) if number not in chrome]

    head = units
    label_stamp = _field_label(source, head, remove, read)
    dateline_at = next((k for k, u in enumerate(head[:_LOOKAHEAD_UNITS]) if read(u.slice(source)) is not None), None)
    if dateline_at is None and strict:
        raise ParseError("expected an agency article: no dateline such as 'MOSCOW, October 13. /TASS/.'", position=0)
    if known is not None:
        title = head[0] if known.title and head else None
        subtitle = head[int(known.title)] if known.lead and len(head) > int(known.title) else None
        stamp, body_from = None, int(known.title) + int(known.lead)
        if dateline_at is not None and 0 < dateline_at - body_from <= _HEADER_BEFORE_DATELINE:
            for k in range(body_from, dateline_at):  # a body opening with its lead or a timestamp, then the dateline
                found = _timestamp(head[k].slice(source))
                if found is not None and stamp is None:
                    stamp = found
                    remove("timestamp", head[k])
                elif subtitle is None:
                    subtitle = head[k]
                else:
                    break  # the record's own lead printed again: the body's duplicate
                body_from = k + 1
    else:
        title, subtitle, stamp, body_from = _read_header(source, head, dateline_at, remove, removed)
    stamp = stamp or label_stamp
    paragraphs, dateline = _body(source, head[body_from:], subtitle, remove, removed, read=read)
    agency = dateline.agency if dateline is not None else None
    reach = max(title.start, title.end - vocab.TITLE_CREDIT_REACH) if title is not None else 0
    if title is not None and (tail := vocab.TITLE_CREDIT.search(source, reach, title.end)) is not None:
        remove("credit", trusted_span(tail.start(), title.end))  # "... - TASS": the title keeps its words
        title = trusted_span(title.start, tail.start())
        agency = agency or tail.group("agency")

    notes = tuple(
        EditorNote(text=m.group("note").strip(), span=trusted_span(p.start + m.start(), p.start + m.end()))
        for p in (paragraphs if any(map(source.__contains__, _EDITOR_NOTE_ENDS)) else ())
        for m in _EDITOR_NOTE.finditer(p.slice(source))
    )
    body = _body_fields(source, paragraphs)
    quotes, speakers = find_quotes(source, paragraphs, body["paragraphs"])
    return Article(
        source=source,
        title=title.slice(source) if title else None,
        subtitle=subtitle.slice(source) if subtitle else None,
        title_span=title,
        subtitle_span=subtitle,
        published=_published(known, stamp, dateline, reference_date),
        dateline=dateline,
        **body,
        editor_notes=notes,
        quotes=quotes,
        speakers=speakers,
        url=url,
        agency=agency,
        id=known.id if known else None,
        extra=known.extra if known else (),
        removed=tuple(sorted(removed, key=lambda r: r.span.start)),
    )


# A scraper's field label before the dateline, as in the English "date 2024-08-28 MOSCOW, August 28. /TASS/."
# and the Russian "Дата 2024-08-28 14:10 МОСКВА, 28 августа. /ТАСС/." pages.
_FIELD_LABEL = regex.compile(
    r"\s*(?:date|published|дата)\s*:?\s*(?P<date>\d{4}-\d\d-\d\d)(?:[T ](?P<time>\d\d:\d\d))?\s+",
    flags=regex.IGNORECASE,
)


def _field_label(
    source: str, head: list[Span], remove: Callable[[RemovalKind, Span], None], read: Datelines
) -> PartialDateTime | None:
    """A unit among the first few that opens with a field label and a date before a dateline: the label is a
    ``timestamp`` removal (its date the page's timestamp), and the unit starts at the dateline."""
    for n, unit in enumerate(head[:_LOOKAHEAD_UNITS]):
        m = _FIELD_LABEL.match(source, unit.start, unit.end)
        if m is None or read(source[m.end() : unit.end]) is None:
            continue
        stamp = _timestamp(f"{m.group('date')} {m.group('time') or ''}".strip())
        if stamp is None:
            return None
        remove("timestamp", trusted_span(unit.start, m.end()))
        head[n] = trusted_span(m.end(), unit.end)
        return stamp
    return None


def _body(
    source: str,
    units: list[Span],
    lead: Span | None,
    remove: Callable[[RemovalKind, Span], None],
    removed: list[Removal],
    *,
    read: Datelines,
) -> tuple[list[Span], Dateline | None]:
    """The paragraphs and the dateline of the body; page furniture goes, and the lead printed again — as the
    first paragraph, or just before the dateline — is a duplicate of the lead."""
    paragraphs: list[Span] = []
    dateline: Dateline | None = None
    lead_key = line_key(lead.slice(source)) if lead is not None else None
    related = 0  # headlines still to be read under a bare "Читайте также" heading
    for whole in units:
        unit = whole
        line = unit.slice(source)
        kind = _debris(line)
        if kind is None and related and _looks_like_headline(line) and read(line) is None:
            kind = "read_also"
            related -= 1
        else:
            related = _RELATED_HEADLINES if kind == "read_also" and vocab.READ_ALSO_HEADING.fullmatch(line) else 0
        if kind is not None:
            remove(kind, unit)
            continue
        if dateline is None and not paragraphs:
            if lead is not None and lead_key and line_key(line) == lead_key:
                removed.append(trusted_removal("duplicate", unit, line, lead))
                continue
            if lead is not None and lead_key and line.startswith(lead.slice(source)):  # "Lead. МОСКВА, ... /ТАСС/."
                cut = unit.start + len(lead.slice(source))
                rest = source[cut : unit.end]
                if read(rest.lstrip()) is not None:
                    first = trusted_span(unit.start, cut)
                    removed.append(trusted_removal("duplicate", first, first.slice(source), lead))
                    unit = trusted_span(cut + len(rest) - len(rest.lstrip()), unit.end)
                    line = unit.slice(source)
            dateline = read(line, unit.start)
            if dateline is not None:
                remove("dateline", dateline.span)
                unit = trusted_span(dateline.span.end, unit.end)
                if not unit:
                    continue
            if lead is not None and lead_key and line_key(unit.slice(source)) == lead_key:  # after the dateline
                removed.append(trusted_removal("duplicate", unit, unit.slice(source), lead))
                continue
        paragraphs.append(unit)
    return paragraphs, dateline


def _published(
    known: Known | None, stamp: PartialDateTime | None, dateline: Dateline | None, reference: dt.date | None
) -> PartialDateTime | dt.datetime | None:
    """The most precise date there is: the record's own, else the page's timestamp, else the dateline's date —
    a year-less one resolved against the record's date or ``reference`` (Moscow time: the agencies are there)."""
    if known is not None and known.published is not None:
        return known.published
    if stamp is not None:
        if reference is not None and stamp.month and stamp.day:
            return stamp.resolve(reference)
        return stamp
    if dateline is None or dateline.date is None or dateline.date.month is None or dateline.date.day is None:
        return None
    date = dateline.date
    if date.year is None and reference is None:
        return None  # the dateline's date is in Dateline.date; nothing more precise is known
    return moscow_day(date.resolve(reference) if reference is not None else date.to_date())


_HEADER_BEFORE_DATELINE = 2  # a record's body may open with its lead and a timestamp before the dateline
_RELATED_HEADLINES = 5  # headlines a bare "Читайте также" heading may hold before the text goes on
# What may follow a timestamp on its line (tass.com, 2017: "August 06, 18:14 UTC+3 MOSCOW"): a place in capitals
# ("MOSCOW", "ST. PETERSBURG", "UNITED NATIONS") or in at most three capitalised words ("Moscow", "New York").
_PLACE_TAIL = regex.compile(r"\p{Lu}[\p{Lu}\s.'’/-]{1,40}|\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{Ll}+){0,2}", flags=regex.V1)
_UPDATED = ("updated", "обновлено", "изменено")


def _looks_like_title(line: str) -> bool:
    return len(line) <= _LONGEST_TITLE and not line.endswith((".", ":", ";"))


def _looks_like_headline(line: str) -> bool:
    """A related headline under a read-also heading: short, and no sentence's end."""
    return len(line) <= _LONGEST_TITLE and not line.endswith((".", ":", ";", "!", "?", '"', "»", "”", "…", ")"))


def _stamp_line(line: str) -> tuple[PartialDateTime, int, bool] | None:
    """A timestamp line: its time and date, where the stamp ends (a credit may follow it on the line: ``August 06,
    18:14 UTC+3 © Sergei Bobylev/TASS``), and whether it says when the page was updated; None for other lines."""
    if len(line) > _LONGEST_STAMP_LINE or _DIGIT.search(line) is None:
        return None
    whole = _timestamp(line)
    updated = line.lower().startswith(_UPDATED)
    if whole is not None:
        return whole, len(line), updated
    time = parse_time(line[:_LONGEST_STAMP])
    if time is None:
        return None
    cut = time[3].end
    stamp = _timestamp(line[:cut])
    tail = line[cut:].strip(" ,")
    if stamp is None or not tail:
        return None
    if vocab.CREDIT.fullmatch(tail):
        return stamp, cut, updated
    if _PLACE_TAIL.fullmatch(tail):
        return stamp, len(line), updated  # the place stays in the timestamp line's removal
    return None


def _listing_line(source: str, unit: Span) -> tuple[Span, Span, Span] | None:
    """A listing page's glued line (``HeadlineRussian Politics & Diplomacy July 03, 17:57``): the headline, the
    rubric and the time, or None."""
    line = unit.slice(source)
    m = vocab.LISTING_STAMP.search(line, max(0, len(line) - vocab.STAMP_REACH))
    if m is None:
        return None
    before = line[: m.start()].rstrip()
    rubric = next((r for r in vocab.RUBRICS if before.endswith(r) and len(before) > len(r)), None)
    if rubric is None:
        return None
    at = unit.start + len(before) - len(rubric)
    stamp_at = unit.start + m.start()
    return trusted_span(unit.start, at), trusted_span(at, at + len(rubric)), trusted_span(stamp_at, unit.end)


def _furniture(line: str) -> RemovalKind | None:
    """The removal kind of a header line that is neither title nor lead: a crumb or rubric, or debris."""
    if len(line) <= _LONGEST_CRUMB and vocab.CRUMB.fullmatch(line):
        return "crumb"
    return _debris(line)


def _read_header(
    source: str,
    head: list[Span],
    dateline_at: int | None,
    remove: Callable[[RemovalKind, Span], None],
    removed: list[Removal],
) -> tuple[Span | None, Span | None, PartialDateTime | None, int]:
    """Title, subtitle, timestamp, and the index of the first body unit.

    Header lines are read by rule: crumbs and rubrics (``All news``, ``Russian Politics & Diplomacy``), timestamp
    lines (``14:10, 16 February``, ``August 06, 18:14 UTC+3 MOSCOW``, ``10:05`` + ``обновлено 10:15``: the first
    that is not an update is ``published``), credits and desk lines (``By TASS Editorial Desk``), page chrome. With
    a dateline paragraph, the rest above it is the title, then the lead (a lead printed twice is a duplicate).
    Without one, the first other unit is a title only if it looks like one.
    """
    title: Span | None = None
    subtitle: Span | None = None
    published: PartialDateTime | None = None
    updated: PartialDateTime | None = None
    end = dateline_at if dateline_at is not None else min(len(head), _LOOKAHEAD_UNITS)
    body_from = 0
    for k in range(end):
        unit = head[k]
        line = unit.slice(source)
        kind = _furniture(line)
        stamped = _stamp_line(line) if kind is None else None
        glued = _listing_line(source, unit) if kind is None and stamped is None else None
        if kind is not None:
            remove(kind, unit)
        elif stamped is not None:
            stamp, cut, is_update = stamped
            remove("timestamp", trusted_span(unit.start, unit.start + cut))
            if cut < len(line):
                tail = line[cut:]
                lead = len(tail) - len(tail.lstrip(" ,"))
                remove("credit", trusted_span(unit.start + cut + lead, unit.end))
            if is_update:
                updated = updated or stamp
            else:
                published = published or stamp
        elif glued is not None and title is None:
            title, rubric, time = glued
            remove("crumb", rubric)
            remove("timestamp", time)
            published = published or _timestamp(time.slice(source))
        elif title is None and (dateline_at is not None or (_looks_like_title(line) and k + 1 < len(head))):
            title = unit
        elif dateline_at is None:
            break  # no dateline: the body starts at the first line that is no header furniture after the title
        elif subtitle is not None and line_key(line) == line_key(subtitle.slice(source)):
            removed.append(trusted_removal("duplicate", unit, line, subtitle))
        else:
            subtitle = unit if subtitle is None else trusted_span(subtitle.start, unit.end)
        body_from = k + 1
    return title, subtitle, published or updated, body_from


def _debris(unit: str) -> RemovalKind | None:
    """The removal kind of a page-furniture unit (share widgets, read-also, footers) by the TASS rule table,
    None for content (units are stripped and never blank; a unit longer than the table's ``longest`` is content)."""
    if TASS_RULES.longest is not None and len(unit) > TASS_RULES.longest:
        return None
    for rule in TASS_RULES.rules:
        if rule.test(unit):
            return rule.removal
    return None
