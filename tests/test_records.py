"""Scraped article records of any common shape — JSON, JSON Lines, CSV, TSV — into Articles."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mfaparse
from mfaparse import Article, ParseError, PartialDateTime, ReadFailure, parse_tass_record
from mfaparse._lines.vocab import RECORD_FIELDS
from tests.harness import check_article

MSK = dt.timezone(dt.timedelta(hours=3))


def test_interfax_csv(corpus: pathlib.Path) -> None:
    """Interfax's rows: the date column is `published` (Moscow), the dateline `Москва. 30 апреля. INTERFAX.RU -`
    is Interfax's, the lost newlines (a literal n) come back as paragraphs, unmodelled columns stay in `extra`."""
    arts = list(mfaparse.read(corpus / "news-records" / "interfax_2019_corus.csv"))
    assert all(isinstance(a, Article) for a in arts)
    assert len(arts) == 9
    first = arts[0]
    assert isinstance(first, Article)
    assert first.title == "Российского чемпиона мира по греко-римской борьбе отстранили за допинг"
    assert first.url == "https://www.sport-interfax.ru/659837"
    assert first.published == dt.datetime(2019, 4, 30, 13, 26, tzinfo=MSK)
    assert first.dateline is not None
    assert (first.dateline.city, first.dateline.date, first.dateline.agency) == (
        "Москва", mfaparse.PartialDate(month=4, day=30), "Интерфакс"
    )  # fmt: skip
    assert first.paragraphs[0].startswith("Чемпион мира по греко-римской борьбе 2014 года Чингиз Лабазанов")
    assert first.paragraphs[1].startswith('"Федерация борьбы России, по решению РАА РУСАДА')
    assert len(first.paragraphs) == 3
    assert ("topics", "Спорт") in first.extra
    assert ("_repaired", "newlines written as n") in first.extra
    assert {a.dateline.agency for a in arts if isinstance(a, Article) and a.dateline} == {"Интерфакс"}
    assert all(isinstance(a, Article) and a.language == "ru" for a in arts)
    for art in arts:
        assert isinstance(art, Article)
        check_article(art)
        assert not any("n«" in p or ".nК" in p for p in art.paragraphs)


def test_rt_csv(corpus: pathlib.Path) -> None:
    """RT's rows have no dateline; `-` in a column is missing; an inline link's own line is a space again."""
    arts = [a for a in mfaparse.read(corpus / "news-records" / "rt_russian_2019_corus.csv") if isinstance(a, Article)]
    assert len(arts) == 9
    first = arts[0]
    assert first.title == "Эксперт прокомментировал ситуацию с возможным лишением прав за нечитаемые номера"
    assert first.url == "https://russian.rt.com/russia/news/644595-avto-ekspert-rossiya"
    assert first.published == dt.datetime(2019, 6, 26, 14, 0, tzinfo=MSK)
    assert first.dateline is None
    assert first.paragraphs[1].endswith("— заявил он.")
    assert "постановление, разъясняющее" in first.paragraphs[2]
    assert all(a.dateline is None for a in arts)
    assert not any(name == "edition" for a in arts for name, _ in a.extra)  # "-": missing, and a field anyway


def test_ria_json_lines_with_html_bodies(corpus: pathlib.Path) -> None:
    """RIA's lower-cased {text, title} lines: the body is HTML, the dateline `москва, 31 янв - риа новости.`."""
    arts = list(mfaparse.read(corpus / "news-records" / "ria_2010_lowercased_corus.jsonl"))
    assert len(arts) == 10
    first = arts[0]
    assert isinstance(first, Article)
    assert first.title == "большинство детей, которых пытались увезти в сша из гаити, не сироты"
    assert first.dateline is not None
    assert (first.dateline.city, first.dateline.date, first.dateline.agency) == (
        "москва", mfaparse.PartialDate(month=1, day=31), "РИА Новости"
    )  # fmt: skip
    assert first.paragraphs[0].startswith("большая часть из 33 детей")
    assert "<" not in first.text
    assert first.published is None  # the records give no date, the dateline no year
    assert all(isinstance(a, Article) and a.dateline and a.dateline.agency == "РИА Новости" for a in arts)


@pytest.mark.parametrize(
    ("field", "name"), [(field, name) for field, names in sorted(RECORD_FIELDS.items()) for name in names]
)
def test_every_field_alias(field: str, name: str) -> None:
    """Each name a scraper gives a field is read as that field, whatever its case."""
    values = {
        "title": "Talks go on",
        "lead": "The lead says more.",
        "body": "MOSCOW, October 13. /TASS/. Russia is ready.",
        "date": "2024-10-13T09:30:00+03:00",
        "url": "https://tass.com/politics/1",
        "id": "1848",
        "site": "tass.com",
    }
    record = {k: v for k, v in values.items() if k != field}
    record[name.upper() if field == "body" else name] = values[field]
    if field == "site":
        record["url"] = "/politics/1"
    art = parse_tass_record(record)
    got = {
        "title": art.title,
        "lead": art.subtitle,
        "body": art.paragraphs[0] if art.paragraphs else None,
        "date": art.published,
        "url": art.url,
        "id": art.id,
        "site": art.url,
    }[field]
    expected = {
        "body": "Russia is ready.",
        "date": dt.datetime(2024, 10, 13, 9, 30, tzinfo=MSK),
        "site": "https://tass.com/politics/1",
    }.get(field, values[field])
    assert got == expected


@pytest.mark.parametrize(
    "body",
    [
        "MOSCOW, May 1. /TASS/. One.\n\nTwo.",
        ["MOSCOW, May 1. /TASS/. One.", "Two."],
        [{"text": "MOSCOW, May 1. /TASS/. One."}, {"text": "Two."}],
        "<p><strong>MOSCOW, May 1. /TASS/.</strong> One.</p><p>Two.</p>",
        ["<p>MOSCOW, May 1. /TASS/. One.</p>", "<p>Two.</p>"],
    ],
    ids=["string", "list", "objects", "html", "html list"],
)
def test_body_shapes(body: object) -> None:
    """A body as a string, a list of paragraphs, {text} objects or HTML gives the same article."""
    art = parse_tass_record({"title": "Talks", "body": body})
    assert (art.title, art.paragraphs, art.dateline and art.dateline.city) == ("Talks", ("One.", "Two."), "MOSCOW")


def test_headline_only_relative_links_and_dates() -> None:
    """A headline-only row is a title without paragraphs; a relative link is resolved against the record's
    site or base_url; an ISO date alone, "YYYY-MM-DD HH:MM:SS" (Moscow) and Unix seconds are dates."""
    art = parse_tass_record({"id": 7, "title": "Only a headline", "link": "/politika/1234567", "site": "tass.ru"})
    assert (art.title, art.paragraphs, art.url, art.id) == (
        "Only a headline",
        (),
        "https://tass.ru/politika/1234567",
        "7",
    )
    assert parse_tass_record({"title": "T", "url": "/x/1"}, base_url="https://ria.ru/").url == "https://ria.ru/x/1"
    assert parse_tass_record({"title": "T", "date": "2024-10-13"}).published == PartialDateTime(
        year=2024, month=10, day=13, utc_offset=180
    )
    assert parse_tass_record({"title": "T", "date": "2024-10-13 09:30:00"}).published == dt.datetime(
        2024, 10, 13, 9, 30, tzinfo=MSK
    )
    assert parse_tass_record({"title": "T", "date": 1728800000}).published == dt.datetime.fromtimestamp(
        1728800000, tz=dt.timezone.utc
    )
    dated = parse_tass_record({"title": "T", "body": "МОСКВА, 31 декабря. /ТАСС/. Текст."})
    assert dated.published is None  # no year anywhere: Dateline.date keeps the day
    resolved = mfaparse.parse_tass("T\n\nМОСКВА, 31 декабря. /ТАСС/. Текст.", reference_date=dt.date(2025, 1, 2))
    assert resolved.published == PartialDateTime(year=2024, month=12, day=31, utc_offset=180)


def test_lead_printed_again_is_a_duplicate() -> None:
    """A lead repeated as the first paragraph, or just before the dateline, is a duplicate of the lead."""
    for body in ("The lead.\n\nMOSCOW, May 1. /TASS/. Text.", "The lead. MOSCOW, May 1. /TASS/. Text."):
        art = parse_tass_record({"title": "T", "lead": "The lead.", "body": body})
        assert art.subtitle == "The lead."
        assert art.paragraphs == ("Text.",)
        duplicates = [r for r in art.removed if r.kind == "duplicate"]
        assert [r.text.strip() for r in duplicates] == ["The lead."]
        assert duplicates[0].duplicate_of == art.subtitle_span
        check_article(art)


def test_bad_records_are_per_record_failures(tmp_path: pathlib.Path) -> None:
    """A body of the wrong type, a date that is no date: a ReadFailure for that record, the file goes on."""
    rows = [
        {"title": "Good one", "text": "Text."},
        {"title": "Bad body", "text": {"nested": True}},
        {"title": "Bad date", "date": "yesterday", "text": "Text."},
        {"title": "Good two", "text": "Text."},
    ]
    path = tmp_path / "records.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    records = list(mfaparse.read(path))
    assert [type(r).__name__ for r in records] == ["Article", "ReadFailure", "ReadFailure", "Article"]
    failures = [r for r in records if isinstance(r, ReadFailure)]
    assert [f.path for f in failures] == [f"{path}#1", f"{path}#2"]
    assert "body as text or a list" in failures[0].reason
    assert "ISO time" in failures[1].reason
    table = tmp_path / "records.csv"
    table.write_text(
        'title,date,text\nGood,2024-01-01,Text.\nBad,yesterday,Text.\n"Good, too",-,Text.\n', encoding="utf-8"
    )
    records = list(mfaparse.read(table))
    assert [type(r).__name__ for r in records] == ["Article", "ReadFailure", "Article"]
    assert isinstance(records[1], ReadFailure)
    assert records[1].path == f"{table}:3"
    tsv = tmp_path / "records.tsv"
    tsv.write_text("headline\tbody\nA\tMOSCOW, May 1. /TASS/. Text.\n", encoding="utf-8")
    (art,) = mfaparse.read(tsv)
    assert isinstance(art, Article)
    assert (art.title, art.dateline and art.dateline.agency) == ("A", "TASS")
    assert mfaparse.detect(table.read_text(encoding="utf-8")) == "records-csv"


def test_csv_streams_like_whole(tmp_path: pathlib.Path) -> None:
    """A large CSV streams a row at a time: the same articles and failures as a whole read."""
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "url", "title", "text"])
        for n in range(50):
            writer.writerow(
                [f"2024-01-{n % 28 + 1:02d} 10:00:00", f"/news/{n}", f"Title {n}", f"Line one {n}.\nLine two."]
            )
        writer.writerow(["never", "/bad", "Bad", "x"])
    whole = list(mfaparse.read(path))
    streamed = list(mfaparse.read(path, options=mfaparse.ReadOptions(stream_bytes=1)))
    assert streamed == whole
    assert [type(r).__name__ for r in whole].count("Article") == 50
    assert isinstance(whole[-1], ReadFailure)


_NAMES = st.sampled_from([name for names in RECORD_FIELDS.values() for name in names] + ["topics", "views", "x"])
_VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["-", "", "null", "2024-10-13", "2024-10-13 09:30:00", "1728800000", "/a/b", "tass.com"]),
    st.lists(st.text(max_size=20), max_size=3),
    st.integers(-5, 10**10),
    st.none(),
)


@given(st.dictionaries(_NAMES, _VALUES, max_size=7))
def test_generated_records_never_raise_and_round_trip(record: dict[str, object]) -> None:
    """Any record of known and unknown fields, in any order and shape: an Article that keeps the invariants and
    loads back from JSON, or a ParseError (as JSON and as a CSV row alike)."""
    for shape in ("json", "csv"):
        if shape == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(list(record) or ["title"])
            writer.writerow([str(v) if v is not None else "" for v in record.values()])
            try:
                articles = list(mfaparse.parse_as(buffer.getvalue(), "records-csv").records)
            except ParseError:
                continue
        else:
            try:
                articles = [parse_tass_record(record)]
            except ParseError:
                continue
        for art in articles:
            assert isinstance(art, Article)
            check_article(art)
            assert mfaparse.from_jsonl(mfaparse.to_jsonl(art)) == art
