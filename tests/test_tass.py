"""parse_tass / parse_tass_record, datelines and dates."""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

import mfaparse
from mfaparse import Article, Dateline, ParseError, PartialDate, parse_tass, parse_tass_record
from mfaparse._text.dates import find_dates, parse_date, parse_time
from mfaparse.tass import dateline as dateline_module
from mfaparse.tass import quotes as quotes_module
from mfaparse.tass.dateline import AGENCIES, Datelines, read_dateline
from mfaparse.tass.quotes import _QUOTE, quote_spans
from tests.conftest import seed_text
from tests.harness import check_article
from tests.strategies import any_text

# (dateline text, city, region, ISO date, agency, correspondent)
DATELINES = [
    ("MOSCOW, October 13. /TASS/.", "MOSCOW", None, "--10-13", "TASS", None),
    ("NEW YORK, October 3. /TASS/.", "NEW YORK", None, "--10-03", "TASS", None),
    ("IGORA /Leningrad Region/, December 26. /TASS/.", "IGORA", "Leningrad Region", "--12-26", "TASS", None),
    ("ROSTOV-ON-DON, May 5. /TASS/.", "ROSTOV-ON-DON", None, "--05-05", "TASS", None),
    ("ST. PETERSBURG, June 16. /TASS/.", "ST. PETERSBURG", None, "--06-16", "TASS", None),
    ("SEVASTOPOL, November 29. /TASS/:", "SEVASTOPOL", None, "--11-29", "TASS", None),
    ("GENISCHESK, June 27. /TASS/.", "GENISCHESK", None, "--06-27", "TASS", None),
    ("MOSCOW, Oct. 13. /TASS/.", "MOSCOW", None, "--10-13", "TASS", None),
    ("МОСКВА, 13 октября. /ТАСС/.", "МОСКВА", None, "--10-13", "ТАСС", None),
    ("САНКТ-ПЕТЕРБУРГ, 1 мая. /ТАСС/.", "САНКТ-ПЕТЕРБУРГ", None, "--05-01", "ТАСС", None),
    ("РИМ, 3 декабря. /Корр. ТАСС Вера Щербакова/.", "РИМ", None, "--12-03", "ТАСС", "Вера Щербакова"),
    ("ВАШИНГТОН, 22 января. /ТАСС/.", "ВАШИНГТОН", None, "--01-22", "ТАСС", None),
    ("ЖЕНЕВА, 10 июня. /ТАСС/.", "ЖЕНЕВА", None, "--06-10", "ТАСС", None),
    ("НЬЮ-ЙОРК, 24 сент. /ТАСС/.", "НЬЮ-ЙОРК", None, "--09-24", "ТАСС", None),
    ("/ИТАР-ТАСС/.", None, None, None, "ИТАР-ТАСС", None),
    ("/TASS/.", None, None, None, "TASS", None),
    # regional TASS wires name no city; other agencies' forms (issue #12)
    ("ТАСС, 3 марта.", None, None, "--03-03", "ТАСС", None),
    ("ХАБАРОВСК, 5 мар – РИА Новости.", "ХАБАРОВСК", None, "--03-05", "РИА Новости", None),
    ("МОСКВА, 22 янв — РИА Новости", "МОСКВА", None, "--01-22", "РИА Новости", None),
    ("москва, 31 янв - риа новости.", "москва", None, "--01-31", "РИА Новости", None),
    ("МОСКВА, 5 авг – Sputnik.", "МОСКВА", None, "--08-05", "Sputnik", None),
    ("Москва. 30 апреля. INTERFAX.RU -", "Москва", None, "--04-30", "Интерфакс", None),
    ("MOSCOW, March 5 (Interfax) -", "MOSCOW", None, "--03-05", "Interfax", None),
    ("MOSCOW (Reuters) -", "MOSCOW", None, None, "Reuters", None),
    ("MOSCOW, Oct 3 (RIA Novosti) —", "MOSCOW", None, "--10-03", "RIA Novosti", None),
    ("МОСКВА, 5 августа. /РИА Новости/.", "МОСКВА", None, "--08-05", "РИА Новости", None),
]
# (text, ISO of each date found)
DATES = [
    ("October 13", ["--10-13"]),
    ("13 October 2023", ["2023-10-13"]),
    ("October 13, 2023", ["2023-10-13"]),
    ("13.10.2023", ["2023-10-13"]),
    ("2024-10-13", ["2024-10-13"]),
    ("2024-13-45", []),
    ("10–13 September 2023", ["2023-09-10"]),
    ("February 21-22", ["--02-21"]),
    ("13 октября", ["--10-13"]),
    ("13 октября 2023 года", ["2023-10-13"]),
    ("5 сент. 2021 г.", ["2021-09-05"]),
    ("Oct. 3", ["--10-03"]),
    ("May 9th, 2025", ["2025-05-09"]),
    ("1 мая", ["--05-01"]),
    ("31 декабря", ["--12-31"]),
    ("June 11, 2024, Nizhny Novgorod", ["2024-06-11"]),
    ("We may meet in March", []),
    ("march on", []),
    ("May", []),
    ("31 February", []),
    ("32 October", []),
]


@pytest.mark.parametrize("case", DATELINES, ids=[c[0] for c in DATELINES])
def test_datelines(case: tuple[str, str | None, str | None, str | None, str, str | None]) -> None:
    """Dateline forms, English and Russian, with their parsed parts."""
    text, *expected = case
    d = read_dateline(text + " Body text.")
    assert d is not None
    assert [d.city, d.region, d.date.iso() if d.date else None, d.agency, d.correspondent] == expected
    assert (text + " Body text.")[d.span.end :] == "Body text."


def test_wire_datelines_in_articles() -> None:
    """An RIA Novosti or Interfax article reads like a TASS one: the dateline is metadata, the language right."""
    ria = parse_tass("Заголовок новости\n\nХАБАРОВСК, 5 мар – РИА Новости. Губернатор сообщил об этом.")
    assert ria.dateline is not None
    assert (ria.title, ria.dateline.agency, ria.paragraphs, ria.language) == (
        "Заголовок новости", "РИА Новости", ("Губернатор сообщил об этом.",), "ru"
    )  # fmt: skip
    ifx = parse_tass("Moscow court rules\n\nMOSCOW, March 5 (Interfax) - The court said so.")
    assert ifx.dateline is not None
    assert (ifx.dateline.agency, ifx.paragraphs, ifx.language) == ("Interfax", ("The court said so.",), "en")


def test_one_parse_reads_each_paragraph_once_as_read_dateline_does(
    corpus: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Datelines (a parse's memo) gives what read_dateline gives, at any offset and asked again, on every line of
    the seeds and the corpus's TASS pages; and it reads a paragraph once however often it is asked."""
    texts = [seed_text(p) for p in ("000", "001", "003", "004")]
    texts += [path.read_text(encoding="utf-8") for path in sorted((corpus / "tass-text").glob("*.txt"))]
    lines = list(dict.fromkeys(line for text in texts for line in text.splitlines() if line.strip()))
    read = Datelines()
    for offset in (0, 7, 0):
        assert [read(line, offset) for line in lines] == [read_dateline(line, offset) for line in lines]
    assert any(read(line) is not None for line in lines)
    memo = Datelines()
    for line in lines[:3] * 3:
        memo(line)
    calls: list[str] = []

    def spy(paragraph: str, offset: int = 0) -> Dateline | None:
        calls.append(paragraph)
        return read_dateline(paragraph, offset)

    monkeypatch.setattr(dateline_module, "read_dateline", spy)  # the memo looks the name up at each miss
    for line in lines[:5] * 3:
        memo(line)
    assert calls == lines[3:5]


def test_no_dateline_in_prose() -> None:
    """Mixed-case place names in prose are not datelines."""
    assert read_dateline("Moscow, October 13. /TASS/. text") is None
    assert read_dateline("The minister said on October 13") is None


@pytest.mark.parametrize(("text", "dates"), DATES)
def test_dates(text: str, dates: list[str]) -> None:
    """Date forms TASS and the MFA use; a bare month word is never a date."""
    assert [d.date.iso() for d in find_dates(text)] == dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [("14:10, 16 February", (14, 10, None)), ("August 06, 18:14 UTC+3", (18, 14, 180)), ("10:05 по мск", (10, 5, 180))],
)
def test_times(text: str, expected: tuple[int, int, int | None]) -> None:
    """Times with and without a zone."""
    got = parse_time(text)
    assert got is not None
    assert got[:3] == expected


def test_parse_date_refuses_extra_words() -> None:
    """parse_date wants exactly one date."""
    assert parse_date("(October 7, 2024)") == PartialDate(year=2024, month=10, day=7)
    with pytest.raises(ParseError):
        parse_date("October 7 and October 8")


def test_agency_keywords_are_written_in_one_script() -> None:
    """Each agency keyword and the name it is written as are all Latin or all Cyrillic (confusables never match)."""
    for name in [*AGENCIES, *AGENCIES.values()]:
        letters = [c for c in name if c.isalpha()]
        assert all(c.isascii() for c in letters) or all("\u0400" <= c <= "\u04ff" for c in letters), name


def test_year_inference_and_moscow_time() -> None:
    """A year-less timestamp resolves against the reference date, in Moscow time."""
    art = parse_tass(seed_text("003"), reference_date=dt.date(2022, 3, 1))
    assert art.published == dt.datetime(2022, 2, 16, 14, 10, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    rollover = parse_tass(seed_text("003"), reference_date=dt.date(2023, 1, 2))
    assert isinstance(rollover.published, dt.datetime)
    assert rollover.published.year == 2022


def test_quotes_and_speakers() -> None:
    """``he said`` resolves to the last named speaker; a surname to the full name; roles are read."""
    art = parse_tass(seed_text("000"))
    assert [(s.name, s.role) for s in art.speakers] == [
        ("Alexander Venediktov", "Deputy Secretary of Russia’s Security Council")
    ]
    assert art.quotes[0].text.startswith("We keep the doors open.")
    assert art.quotes[0].speaker == "Alexander Venediktov"
    assert all(q.speaker in (None, "Alexander Venediktov") for q in art.quotes)


def test_lead_repeated_as_first_paragraph_goes() -> None:
    """A lead repeated as the first paragraph is a duplicate."""
    art = parse_tass("Title here\n\nThe lead line\n\nMOSCOW, May 1. /TASS/. The lead line\n\nSecond paragraph.")
    assert art.paragraphs == ("Second paragraph.",)
    assert [r.kind for r in art.removed] == ["dateline", "duplicate"]


def test_debris_kinds() -> None:
    """Share widgets, read-also lines and copyright footers are removals of their kinds."""
    art = parse_tass(
        "Заголовок статьи\n\nЛид статьи\n\nМОСКВА, 13 октября. /ТАСС/. Текст.\n\nЧитайте также\n\n"
        "- Поделиться в Telegram\n\n© Информационное агентство ТАСС"
    )
    assert art.language == "ru"
    assert art.paragraphs == ("Текст.",)
    assert [r.kind for r in art.removed] == ["dateline", "read_also", "share_widget", "footer"]


def test_bad_input() -> None:
    """No structure: title None, all text in paragraphs; strict mode says why; wrong types are TypeErrors."""
    art = parse_tass("Just a sentence that ends.\nAnd another one.")
    assert art.title is None
    assert art.paragraphs == ("Just a sentence that ends.", "And another one.")
    assert parse_tass("").paragraphs == ()
    with pytest.raises(ParseError, match="dateline"):
        parse_tass("Just a sentence.", strict=True)
    with pytest.raises(TypeError):
        parse_tass(None)  # type: ignore[arg-type]  # wrong type on purpose
    with pytest.raises(TypeError):
        parse_tass("x", reference_date="2024-01-01")  # type: ignore[arg-type]  # wrong type on purpose


def test_every_corpus_tass_file_parses(corpus: pathlib.Path) -> None:
    """Every page text parses, and its text is in the paragraphs."""
    for path in sorted((corpus / "tass-text").glob("*.txt")):
        art = parse_tass(path.read_text(encoding="utf-8"))
        assert art.paragraphs, path.name


def test_corpus_records(corpus: pathlib.Path) -> None:
    """Scraped records: news-API, Russian pastes with CRLF and entities, title/paragraph lists."""
    lines = (corpus / "tass-records" / "misc_tass_articles.jsonl").read_text(encoding="utf-8").splitlines()
    arts = [parse_tass_record(json.loads(line)) for line in lines]
    assert [(a.dateline.city if a.dateline else None) for a in arts] == ["GENISCHESK", "ВАШИНГТОН", "ЖЕНЕВА"]
    assert arts[0].title == "Ukrainian officials deny cholera outbreak in Kherson — spokesman of region's governor"
    assert arts[0].published == dt.datetime(2024, 6, 27, 12, 25, 52, tzinfo=dt.timezone.utc)
    assert arts[0].url == "https://tass.com/world/1809373"
    assert "\r" not in arts[1].source
    assert '"необычным"' in arts[2].paragraphs[0]
    assert [a.language for a in arts] == ["en", "ru", "ru"]
    page = json.loads((corpus / "tass-records" / "tasscom_articles_2022_student_page.json").read_text(encoding="utf-8"))
    student = [parse_tass_record(r) for r in page["articles"]]
    assert [a.dateline.city if a.dateline else None for a in student] == ["NEW YORK", "MOSCOW", "MOSCOW"]
    assert student[0].subtitle == page["articles"][0]["paragraphs"][0]


def test_record_errors() -> None:
    """Records without text, with wrong types or bad dates are refused clearly."""
    with pytest.raises(ParseError, match="a title or a body"):
        parse_tass_record({"id": 1})
    with pytest.raises(ParseError, match="ISO time"):
        parse_tass_record({"title": "T", "body": "B", "date": "yesterday"})
    with pytest.raises(TypeError):
        parse_tass_record(["title"])  # type: ignore[arg-type]  # wrong type on purpose


def test_round_trip() -> None:
    """An article goes to JSON-ready data and back unchanged."""
    art = parse_tass(seed_text("000"))
    assert Article.from_dict(json.loads(json.dumps(art.to_dict()))) == art


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_seed_spans(prefix: str) -> None:
    """Spans slice out what they were read from; nothing is lost."""
    check_article(parse_tass(seed_text(prefix)))


articles = st.lists(
    st.sampled_from(
        [
            "All news",
            "Title of it",
            "MOSCOW, October 13. /TASS/. Text.",
            "- Share on VK",
            "14:10, 16 February",
            "“Q,” he said.",
        ]
    )
    | any_text,
    max_size=8,
).map("\n\n".join)


@given(articles)
def test_never_raises_and_spans_hold(text: str) -> None:
    """Any str parses into an Article whose spans hold and which loses nothing."""
    check_article(parse_tass(text))


@given(articles)
def test_deterministic(text: str) -> None:
    """Same input, same article."""
    assert parse_tass(text) == parse_tass(text)


def test_public_api_names() -> None:
    """The design's public names are importable from the package."""
    for name in ("parse_tass", "parse_tass_record", "parse_telegram", "dedup_posts", "clean_text", "normalize"):
        assert callable(getattr(mfaparse, name))


@given(
    st.lists(
        st.sampled_from(["Lavrov", "Sergey Lavrov", "Lavrovs", "said", ",", " ", "Zakharova", "_", "é"]), max_size=30
    )
)
def test_name_occurrences_match_a_regex_alternation(pieces: list[str]) -> None:
    """Names are found as a regex alternation (longest first, whole words, no overlaps) would find them."""
    from mfaparse.tass.quotes import _occurrences  # noqa: PLC0415  # private helper under test

    text = "".join(pieces)
    words = {"Sergey Lavrov", "Lavrov", "Zakharova"}
    alternation = regex.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")
    assert _occurrences(text, words) == [(m.start(), m.group()) for m in alternation.finditer(text)]


@given(
    st.lists(
        st.sampled_from(["Minister", "Ministers", "Spokeswoman", "Замминистра", "министра", "x", "_", "1", " ", "-"]),
        max_size=30,
    ).map("".join)
)
@example("Замминистра xMinister -Deputy Chairman_Chair")
def test_role_word_starts_are_the_word_starts_of_the_role_words(text: str) -> None:
    """The pure path's role-word scan (stdlib re, non-overlapping, filtered to word starts) finds what the
    reference of the core's ``word_starts`` finds: the role words are letters, so no word start is inside a match."""
    from mfaparse import _native  # noqa: PLC0415  # switched off and on below
    from mfaparse.tass import quotes  # noqa: PLC0415  # private helpers under test

    assert all(word.isalpha() for word in quotes._ROLE_STARTS)  # the pattern's words, spelt out
    spelt = {*regex.findall(r"\w+", quotes._ROLE_START.pattern.replace("(?:wo)?", "")), "Spokeswoman"}
    assert spelt == set(quotes._ROLE_STARTS)
    paragraph = [mfaparse.Span(start=0, end=len(text))]
    core = _native.CORE
    try:
        _native.CORE = None
        pure = [at for _, at in quotes._role_word_starts(text, paragraph)]
    finally:
        _native.CORE = core
    assert [at for _, at in quotes._role_word_starts(text, paragraph)] == pure  # the core's, where it runs
    lower = [at for at, _ in quotes._occurrences_python(text, quotes._LOWER_ROLES)]
    assert pure == sorted({*quotes._word_starts_python(text, quotes._ROLE_STARTS), *lower})


@given(st.text(max_size=300))
def test_language_counts_letters_as_the_character_classes_do(text: str) -> None:
    """The byte-level letter count gives the language the Cyrillic and Latin character classes give."""
    from mfaparse.tass.text import _language  # noqa: PLC0415  # private helper under test

    cyrillic = len(regex.findall("[\u0400-\u04ff]", text))
    latin = len(regex.findall("[A-Za-z\u00c0-\u024f]", text))
    expected = None if not cyrillic and not latin else "ru" if cyrillic > latin else "en"
    assert _language(text) == expected


_DATE_PIECES = ["13", "2023", "5", "١٣", "October", "Oct", "сент", "октября", "Ma", "may", "x", ".", " ", "  ", "\n",
                ",", "-", "–", "г.", "st", "A", "é"]  # fmt: skip


@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=25))
def test_dates_found_as_a_scan_of_every_position_finds_them(pieces: list[str]) -> None:
    """Trying the date pattern only before digits finds what trying it at every position finds."""
    from mfaparse._text.dates import _DATE, _date_matches  # noqa: PLC0415  # private helpers under test

    text = "".join(pieces)
    assert [m.span() for m in _date_matches(text)] == [m.span() for m in _DATE.finditer(text)]


_PEOPLE_PIECES = ["Minister", "director", "spokesman", ",", "Foreign", "Sergey", "Lavrov", "Chairman", "Chair",
                  "Head", "quarters", "State", "sman", "министр", "Иван", "Петров", " ", ", ", ".", "of", "the",
                  "Alexander", "Venediktov", "-", "é"]  # fmt: skip


@given(st.lists(st.sampled_from(_PEOPLE_PIECES), max_size=25))
def test_people_found_as_the_full_pattern_finds_them(pieces: list[str]) -> None:
    """Trying the person pattern only at role words finds what its scan of every position finds."""
    from mfaparse.tass.quotes import _PERSON, _people  # noqa: PLC0415  # private helpers under test

    text = "".join(pieces)
    assert [m.span() for _, m in _people(text, [mfaparse.Span(start=0, end=len(text))])] == [
        m.span() for m in _PERSON.finditer(text)
    ]


def test_quote_followed_by_role_and_name() -> None:
    """`"...," Belarusian Foreign Ministry Spokesperson Anatoly Glaz said.` names the speaker after the role words."""
    from mfaparse.tass.quotes import find_quotes  # noqa: PLC0415  # the quote finder alone

    text = (
        '"Sanctions will not work," Belarusian Foreign Ministry Spokesperson Anatoly Glaz said. '
        '"We keep the doors open," Deputy Secretary of Russia’s Security Council Alexander Venediktov told TASS. '
        '"Never," the Ministry said. "Not now," the Russian Foreign Ministry said.'
    )
    quotes, _ = find_quotes(text, [mfaparse.Span(start=0, end=len(text))])
    assert [q.speaker for q in quotes] == ["Anatoly Glaz", "Alexander Venediktov", None, None]


def test_lower_case_role_names_a_speaker() -> None:
    """`the director general of the state news agency, Andrey Kondrashov, told ...` (tass.com) names a person with
    a role, and `he said` after it resolves to him; a lower-case common word (`state`) opens no role."""
    from mfaparse.tass.quotes import find_quotes  # noqa: PLC0415  # the quote finder alone

    text = (
        "Documentaries will come soon, the director general of the state news agency, Andrey Kondrashov, told "
        'Rossiyskaya Gazeta. "Channels have been filming almost every day," he said. The state Ivan Petrov went.'
    )
    quotes, speakers = find_quotes(text, [mfaparse.Span(start=0, end=len(text))])
    assert [(s.name, s.role) for s in speakers] == [("Andrey Kondrashov", "director general of the state news agency")]
    assert [q.speaker for q in quotes] == ["Andrey Kondrashov"]


def test_roles_need_a_comma_in_lower_case_and_count_capitalised_in_russian() -> None:
    """A lower-case role sets its name off with a comma (else `the Kherson Region governor` would be a person:
    the name before the role is the person);
    a Russian role opening a sentence (`Президент США Дональд Трамп`) names a person, and `сказал он` resolves."""
    from mfaparse.tass.quotes import find_quotes  # noqa: PLC0415  # the quote finder alone

    text = "Officials hide it, said Vladimir Vasilenko, spokesman for the Kherson Region governor."
    speakers = find_quotes(text, [mfaparse.Span(start=0, end=len(text))])[1]
    assert [(s.name, s.role) for s in speakers] == [("Vladimir Vasilenko", "spokesman for the Kherson Region governor")]
    text = "Президент США Дональд Трамп заявил, что готов к встрече. «В любое время», — сказал он журналистам."
    quotes, speakers = find_quotes(text, [mfaparse.Span(start=0, end=len(text))])
    assert [(s.name, s.role) for s in speakers] == [("Дональд Трамп", "Президент США")]
    assert [q.speaker for q in quotes] == ["Дональд Трамп"]


def test_name_before_role_and_verb_before_name() -> None:
    """`said Vladimir Vasilenko, spokesman for ...` names a person with a role, and `he told TASS` then resolves;
    `Sergey Lavrov, Russia’s Foreign Minister` reads the capitalised words before the role word too."""
    from mfaparse.tass.quotes import find_quotes  # noqa: PLC0415  # the quote finder alone

    text = (
        "Officials hide an outbreak, said Vladimir Vasilenko, spokesman for the Kherson Region governor.\n\n"
        '"They deny it," he told TASS. Sergey Lavrov, Russia’s Foreign Minister, spoke later.'
    )
    paragraphs = [mfaparse.Span(start=0, end=text.index("\n")), mfaparse.Span(start=text.index('"'), end=len(text))]
    quotes, speakers = find_quotes(text, paragraphs)
    assert [(s.name, s.role) for s in speakers] == [
        ("Vladimir Vasilenko", "spokesman for the Kherson Region governor"),
        ("Sergey Lavrov", "Russia’s Foreign Minister"),
    ]
    assert [q.speaker for q in quotes] == ["Vladimir Vasilenko"]


def test_hyphenated_role_keeps_its_first_half() -> None:
    """A role inside a hyphenated word (``Пресс-секретарь``) is the whole word (issue #13)."""
    art = parse_tass('Заголовок\n\nМОСКВА, 3 марта. /ТАСС/. Пресс-секретарь президента РФ Дмитрий Песков заявил: "Да".')
    assert [(s.name, s.role) for s in art.speakers] == [("Дмитрий Песков", "Пресс-секретарь президента РФ")]


def test_field_label_before_the_dateline(corpus: pathlib.Path) -> None:
    """A scraper's ``date 2024-08-28`` label before the dateline (corpus tass-text/07) is the page's timestamp,
    and the dateline after it is read (issue #13); the page has no headline."""
    (path,) = (corpus / "tass-text").glob("07_*")
    art = parse_tass(path.read_text(encoding="utf-8"))
    assert art.title is None
    assert art.dateline is not None
    assert (art.dateline.city, art.dateline.date) == ("MOSCOW", PartialDate(month=8, day=28))
    assert art.published == mfaparse.PartialDateTime(year=2024, month=8, day=28)
    assert art.paragraphs[0].startswith("Several documentaries for the 120th anniversary of TASS")
    assert [r.kind for r in art.removed][:2] == ["timestamp", "dateline"]
    ru = parse_tass("Дата: 2024-08-28 14:10 МОСКВА, 28 августа. /ТАСС/. Текст.")
    assert ru.published == mfaparse.PartialDateTime(year=2024, month=8, day=28, hour=14, minute=10)
    assert ru.paragraphs == ("Текст.",)


def test_russian_verb_then_role_then_name() -> None:
    """``"...", - сказал пресс-секретарь президента РФ Дмитрий Песков``: the name after the role is the speaker
    (issue #13); a surname alone after the verb still is; an institution names no person."""
    quotes = [
        parse_tass(f"Заголовок\\n\\nМОСКВА, 3 марта. /ТАСС/. {text}").quotes[0]
        for text in (
            '"Мы готовы", - сказал пресс-секретарь президента РФ Дмитрий Песков.',
            '"Мы готовы", - заявил Лавров.',
            "«Решение принято», - сообщили в пресс-службе Министерства обороны.",
        )
    ]
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Мы готовы", "Дмитрий Песков"),
        ("Мы готовы", "Лавров"),
        ("Решение принято", None),
    ]


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_an_article_page_is_one_item(prefix: str) -> None:
    """The TASS seeds are article pages: ``parse_tass_page`` gives the one Article ``parse_tass`` gives."""
    text = seed_text(prefix)
    assert mfaparse.parse_tass_page(text) == (parse_tass(text),)
    assert not parse_tass(text).listing


def test_listing_items_with_title_and_lead() -> None:
    """Items with a headline and a lead above their dateline: the lead stays with its item, and a paragraph
    ending in a quote (``... surprise."``) stays with the item before."""
    page = (
        'Talks go on\n\nThe lead of the first\n\nMOSCOW, October 4. /TASS/. Russia is ready.\n\n"We were surprised."'
        "\n\nAnother item\n\nIts lead\n\nSEVASTOPOL, October 2. /TASS/: A court ruled."
    )
    items = mfaparse.parse_tass_page(page)
    assert [(a.title, a.subtitle, a.paragraphs) for a in items] == [
        ("Talks go on", "The lead of the first", ("Russia is ready.", '"We were surprised."')),
        ("Another item", "Its lead", ("A court ruled.",)),
    ]
    for a in items:
        check_article(a)


@pytest.mark.parametrize(
    ("body", "speaker", "institution"),
    [
        ('"We are ready," the Russian Foreign Ministry said.', None, "Russian Foreign Ministry"),
        ('"We are ready," the press service of the Central Military District said.', None, "Central Military District"),
        ('"Мы готовы", - сообщили в МИД России.', None, "МИД России"),
        ('"Мы готовы", - говорится в заявлении посольства России.', None, "посольства России"),
        ('"Мы готовы", - сказал пресс-секретарь президента Дмитрий Песков.', "Дмитрий Песков", None),
        ('"We are ready," Lavrov said.', "Lavrov", None),
    ],
)
def test_quote_sources_people_and_institutions(body: str, speaker: str | None, institution: str | None) -> None:
    """A quote's source: a person, or an institution (``Quote.institution``), never the one for the other."""
    art = parse_tass(f"Headline\n\nMOSCOW, October 13. /TASS/. {body}")
    (quote,) = art.quotes
    assert (quote.speaker, quote.institution) == (speaker, institution)


def test_it_said_is_the_last_institution_named() -> None:
    """``..., the ministry said in a statement.`` then ``"...," it said.``: the quote is the ministry's."""
    art = parse_tass(
        "Headline\n\nMOSCOW, July 3. /TASS/. Russia condemns the attack, the Russian Foreign Ministry said in a "
        'statement on Monday.\n\n"We urge all partners to act," it said.'
    )
    assert [(q.speaker, q.institution) for q in art.quotes] == [(None, "Russian Foreign Ministry")]


_QUOTE_PIECES = st.one_of(
    st.sampled_from(['"', "“", "”", "«", "»", "\n", " ", "a", "Lavrov said", "«Text»"]),
    st.integers(0, 2100).map(lambda n: "x" * n),  # around the 2,000-character limit of a quote
)


@given(st.lists(_QUOTE_PIECES, max_size=30).map("".join))
def test_quote_spans_are_what_the_quote_pattern_finds(text: str) -> None:
    """The linear scan finds exactly the quotes of the reference pattern (which is slow on unclosed openers)."""
    assert list(quote_spans(text)) == [m.span() for m in _QUOTE.finditer(text)]


_BEFORE_PIECES = st.sampled_from(["he", "She", "Lavrov", "Sergey Lavrov", " ", "  ", "\n", ":", "::", "\u2003",
                                  "\x1c", "said", "unsaid", "pointed out", "told", "x", "."])  # fmt: skip


@given(st.lists(_BEFORE_PIECES, max_size=12).map("".join))
def test_the_speaker_before_a_quote_is_searched_only_where_it_can_match(window: str) -> None:
    """The check before the search never skips a window the pattern matches."""
    tail = window.rstrip().rstrip(":").rstrip()
    if not tail.endswith(quotes_module._BEFORE_VERBS):
        assert quotes_module._BEFORE.search(window) is None


@given(
    st.lists(
        st.sampled_from(["(", ")", "note", " - ", "–", "TASS", "ТАСС", "прим.", " ", "ред.", "прим. ред.", "\n", "x"]),
        max_size=30,
    ).map("".join)
)
@example("(Collective Security Treaty Organization - TASS)")
@example("(прим.  ред.)(ok - прим. ред.)")
def test_editor_notes_end_as_the_precheck_says(text: str) -> None:
    """A source is searched for editor's notes only if it holds an end of one: every match ends with one."""
    from mfaparse.tass.text import _EDITOR_NOTE, _EDITOR_NOTE_ENDS  # noqa: PLC0415  # private rule under test

    for m in _EDITOR_NOTE.finditer(text):
        assert m.group().endswith(_EDITOR_NOTE_ENDS)


_HEAD_TOKENS = ["Russian", "Foreign", "Minister", "Chairman", "Ministers", "Sergey", "Lavrov", "Petrov-Vodkin",
                "Abc-def", "-", "of", "the", "proof", "McDonald", "O’Neil", "Ab-Cd", "B", "x", "a", "1", ",", "Лавров",
                "Сергей", "Первый", "оф"]  # fmt: skip


@given(
    st.lists(
        st.tuples(st.sampled_from(_HEAD_TOKENS), st.sampled_from(["", " ", "  ", "\t", "\u00a0"])), max_size=14
    ).map(lambda pairs: "".join(a + b for a, b in pairs)),
    st.integers(0, 200),
    st.integers(0, 200),
)
@example("Deputy Secretary of Russia’s Security Council Alexander Venediktov", 0, 200)
@example("proof of the Russian Foreign ", 0, 200)
def test_backward_window_searches_find_what_a_forward_search_finds(text: str, lo: int, hi: int) -> None:
    """The end-anchored window searches run backwards (``(?r)``): the same match as the forward pattern's."""
    from mfaparse.tass import quotes  # noqa: PLC0415  # private patterns under test

    lo, hi = min(lo, len(text)), min(hi, len(text))
    for backward in (quotes._NAME_BEFORE, quotes._ROLE_HEAD):
        forward = regex.compile(backward.pattern.removeprefix("(?r)"), flags=backward.flags & ~regex.REVERSE)
        found, expected = backward.search(text, lo, hi), forward.search(text, lo, hi)
        assert (found and (found.span(), found.groupdict())) == (expected and (expected.span(), expected.groupdict()))


@given(
    st.lists(
        st.sampled_from(
            [
                "14",
                ":",
                "10",
                "UTC+3",
                "August",
                "06",
                "октября",
                "2024-08-28",
                "١٤",
                "٣٠",
                "Moscow",
                " ",
                ", ",
                ".",
                "-",
                "обновлено",
                "MSK",
                "x",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_no_date_or_time_without_a_digit(line: str) -> None:
    """Timestamp lines are read only where a digit stands: no date or time pattern matches without one."""
    from mfaparse._text.dates import find_dates, parse_time  # noqa: PLC0415  # the readers the stamp lines use
    from mfaparse.tass.text import _DIGIT  # noqa: PLC0415  # private precheck under test

    if _DIGIT.search(line) is None:
        assert parse_time(line) is None
        assert find_dates(line) == ()


@given(
    st.sampled_from(
        [
            "MOSCOW, October 13. /TASS/. Text",
            "РИМ, 3 декабря. /Корр. ТАСС Вера Щербакова/. Текст",
            "МОСКВА, 28 августа - РИА Новости. Текст",
            "Moscow, October 13 in prose",
            "No dateline",
        ]
    ),
    st.integers(0, 10_000),
)
def test_page_datelines_are_read_dateline_at_any_offset(paragraph: str, offset: int) -> None:
    """A page's dateline reader (each paragraph read once, then moved) gives what read_dateline gives."""
    from mfaparse.tass.dateline import Datelines, read_dateline  # noqa: PLC0415  # the reader and its memo

    read = Datelines()
    assert read(paragraph) == read_dateline(paragraph)
    assert read(paragraph, offset) == read_dateline(paragraph, offset)
