"""Telegram HTML formats, format detection and read(): every corpus file, bad input as clear errors or records."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import pathlib
import zipfile

import pytest

import mfaparse
from mfaparse import ParseError, ReadFailure

UTC = dt.timezone.utc
CORPUS_FORMATS = {
    "reposts/00_": "telegram-text",
    "tass-records/misc_tass_articles.jsonl": "tass-records",
    "tass-records/tasscom_articles_2022_student_page.json": "tass-records",
    "tass-text/00_": "tass-text",
    "tass-text/04_": "tass-text",
    "telegram-client-json/bbc_": "telegram-client-json",
    "telegram-desktop-html/": "telegram-export-html",
    "telegram-desktop-json/": "telegram-export-json",
    "telegram-text/01_": "telegram-text",
    "telegram-text/29_": "telegram-text",
    "telegram-web-html/embed_": "telegram-web-html",
    "telegram-web-html/message_text_fragments": "html-fragments",
    "telegram-web-html/xCareers": "telegram-web-html",
}


def _one(corpus: pathlib.Path, prefix: str) -> pathlib.Path:
    folder, _, name = prefix.partition("/")
    (path,) = sorted((corpus / folder).glob(f"{name}*"))
    return path


@pytest.mark.parametrize("prefix", sorted(CORPUS_FORMATS))
def test_detect_corpus(corpus: pathlib.Path, prefix: str) -> None:
    """Each real file's format is found from its content."""
    path = _one(corpus, prefix)
    assert mfaparse.detect(path.read_text(encoding="utf-8")) == CORPUS_FORMATS[prefix]


def test_read_every_corpus_file(corpus: pathlib.Path) -> None:
    """read() over the whole corpus (the news records aside, see below): records for every file, no failures."""
    folders = sorted(p for p in corpus.iterdir() if p.is_dir() and p.name != "news-records")
    records = list(mfaparse.read(folders))
    # One page has no sign of any format (a repost on a news site: a heading and a list, no Telegram layout, no
    # dateline): it is an "unknown format" failure, not a guess; --format telegram-text reads it.
    (unknown,) = [r for r in records if isinstance(r, ReadFailure)]
    assert unknown.path.endswith("reposts/04_pravda_news_xyz_russia_2026_06_25_2400673_html.txt")
    assert unknown.reason.startswith("unknown format")
    forced = list(mfaparse.read(unknown.path, format="telegram-text"))
    assert [type(r).__name__ for r in forced] == ["Post"]
    assert sum(isinstance(r, mfaparse.Post) for r in records) > 2000
    # tass-text: two article pages and three listing pages (10 + 4 + 5 items); tass-records: 6 articles
    assert sum(isinstance(r, mfaparse.Article) for r in records) == 2 + 10 + 4 + 5 + 6


def test_read_news_records(corpus: pathlib.Path) -> None:
    """The news data sets' CSV and JSON Lines files are 9 + 9 + 10 articles (tests/test_records.py has details)."""
    records = list(mfaparse.read(corpus / "news-records"))
    assert [type(r).__name__ for r in records] == ["Article"] * 28


def test_web_page(corpus: pathlib.Path) -> None:
    """A t.me/s page: channel header with counters, posts with URLs, times, hashtags from links, views."""
    dump = mfaparse.parse_telegram_web(_one(corpus, "telegram-web-html/xCareers").read_text(encoding="utf-8"))
    assert dump.channel is not None
    assert (dump.channel.name, dump.channel.username, dump.channel.subscribers, dump.channel.links) == (
        "xCareers: Digital Jobs",
        "xCareers",
        60_000,
        479,
    )
    assert [p.url for p in dump.posts] == [f"https://t.me/xCareers/{n}" for n in (1491, 1510, 1511)]
    assert dump.posts[0].posted_at == dt.datetime(2020, 4, 30, 17, 0, 4, tzinfo=UTC)
    assert dump.posts[0].text.startswith("РАЗРАБОТЧИК IOS 🔥\n\nФормат: #удаленка")
    assert [h.tag for h in dump.posts[0].hashtags][:3] == ["удаленка", "офис", "москва"]
    for post in dump.posts:
        for h in post.hashtags:
            assert h.span.slice(dump.source) == "#" + h.tag


def test_embed_pages(corpus: pathlib.Path) -> None:
    """Embed pages: the post link gives the URL; a forward's link its origin; a reply's quote is not the text."""
    dump = mfaparse.parse_telegram_web(_one(corpus, "telegram-web-html/embed_").read_text(encoding="utf-8"))
    assert [p.message_id for p in dump.posts] == [5340, 5341, 5343, 5346, 5345, 5309]
    forwarded = dump.posts[3]
    assert forwarded.forward is not None
    assert (forwarded.forward.name, forwarded.forward.url, forwarded.forward.message_id) == (
        "Rouhani Thesis",
        "https://t.me/RouhaniThesis/500",
        500,
    )
    assert [m.kind for m in dump.posts[4].media] == ["unsupported", "video"]
    assert dump.posts[1].text.startswith("مدیریت زمستانی به روش انگلیسی\n\n#یادداشت_مهمان")


def test_html_fragments(corpus: pathlib.Path) -> None:
    """Message-text fragments keep their emoji (the scraper's own text field lost them)."""
    lines = _one(corpus, "telegram-web-html/message_text_fragments").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    posts = list(mfaparse.iter_html_fragments(records))
    assert len(posts) == 53
    assert posts[0].channel == "covid19_ukraine"
    assert posts[0].posted_at == dt.datetime(2022, 2, 26, 10, 56, 32, tzinfo=UTC)
    assert [lk.url for lk in posts[0].links] == ["https://t.me/UkraineNow"]
    assert any(p.text.startswith("🇪🇺 Газовые войны") for p in posts)


def test_desktop_html(corpus: pathlib.Path) -> None:
    """Desktop HTML: joined messages inherit the sender, times carry their offset, a forward its origin."""
    dump = mfaparse.parse_telegram_export_html(_one(corpus, "telegram-desktop-html/").read_text(encoding="utf-8"))
    assert len(dump.posts) == 21
    assert dump.posts[0].posted_at == dt.datetime(2025, 12, 3, 19, 7, 11, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert [p.channel for p in dump.posts[:3]] == ["Emerick Grimm", "Who", "Emerick Grimm"]
    (forwarded,) = [p for p in dump.posts if p.forward]
    assert forwarded.forward is not None
    assert forwarded.forward.name == "[ ARCHIVE ] AroPixel Home"
    assert forwarded.text.startswith("Схоже, що треба буде поробити один важливий пост")
    assert [m.kind for p in dump.posts for m in p.media][:3] == ["sticker", "animation", "photo"]  # .tgs: a sticker
    assert {m.kind for p in dump.posts for m in p.media} >= {"contact", "call", "voice_message", "video_file"}


def test_bad_input_is_a_clear_error() -> None:
    """Unrelated HTML, JSON of no known shape, truncated JSON: ParseErrors saying what was expected."""
    with pytest.raises(ParseError, match="Telegram HTML"):
        mfaparse.detect("<html><body><p>A shop</p></body></html>")
    with pytest.raises(ParseError, match="none of their keys"):
        mfaparse.detect('{"weather": "sunny"}')
    with pytest.raises(ParseError, match="JSON"):
        mfaparse.detect('{"messages": [')
    with pytest.raises(ParseError, match="tgme_widget_message"):
        mfaparse.parse_telegram_web("<html><body>nothing</body></html>")
    with pytest.raises(ParseError, match="Desktop HTML"):
        mfaparse.parse_telegram_export_html("<html><body>nothing</body></html>")
    with pytest.raises(ValueError, match="format"):
        list(mfaparse.read("x", format="pdf"))


def test_read_failures_and_archives(tmp_path: pathlib.Path) -> None:
    """Each bad file is a ReadFailure and reading goes on; .gz and .zip are read; stdin works."""
    (tmp_path / "good.txt").write_text("Forwarded from Russian MFA 🇷🇺\nA post.", encoding="utf-8")
    (tmp_path / "truncated.json").write_text('{"messages": [{"id": 1', encoding="utf-8")
    (tmp_path / "shop.html").write_text("<html><body>shop</body></html>", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "article.txt.gz").write_bytes(gzip.compress(b"Title\nMOSCOW, May 1. /TASS/. Text."))
    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as archive:
        archive.writestr("inner/post.txt", "Forwarded from X Channel\nInside a zip.")
    records = list(mfaparse.read([tmp_path, tmp_path / "missing.txt"]))
    kinds = [(type(r).__name__, pathlib.Path(r.path).name if isinstance(r, ReadFailure) else None) for r in records]
    assert kinds == [
        ("Article", None),
        ("Post", None),
        ("Post", None),
        ("ReadFailure", "latin1.txt"),
        ("ReadFailure", "shop.html"),
        ("ReadFailure", "truncated.json"),
        ("ReadFailure", "missing.txt"),
    ]
    failures = {pathlib.Path(r.path).name: r for r in records if isinstance(r, ReadFailure)}
    assert "UTF-8" in failures["latin1.txt"].reason
    assert "Telegram HTML" in failures["shop.html"].reason
    assert failures["missing.txt"].reason == "no such file or directory"
    assert ReadFailure.from_dict(failures["shop.html"].to_dict()) == failures["shop.html"]


def test_parse_dispatch() -> None:
    """parse() gives one Parsed whatever the format: its records, the source their spans share, the channel."""
    dump = mfaparse.parse("Forwarded from X Channel\nText #A")
    assert (dump.format, [type(r).__name__ for r in dump.records]) == ("telegram-text", ["Post"])
    assert dump.source is not None
    assert [h.span.slice(dump.source) for p in dump.posts for h in p.hashtags] == ["#A"]
    article = mfaparse.parse("Title\nMOSCOW, May 1. /TASS/. Text.")
    assert (article.format, [a.title for a in article.articles]) == ("tass-text", ["Title"])
    records = mfaparse.parse(json.dumps([{"title": "T", "body": "MOSCOW, May 1. /TASS/. Text."}]))
    assert (records.format, records.source, [a.title for a in records.articles]) == ("tass-records", None, ["T"])
    assert mfaparse.parse_as("Title\nMOSCOW, May 1. /TASS/. Text.", "telegram-text").format == "telegram-text"
    with pytest.raises(ValueError, match="unknown format"):
        mfaparse.parse_as("x", "telegram")


def test_views_authors_and_replies(corpus: pathlib.Path) -> None:
    """Views, signatures and replies, where the format gives them."""
    embeds = mfaparse.parse_telegram_web(_one(corpus, "telegram-web-html/embed_").read_text(encoding="utf-8"))
    assert [p.views for p in embeds.posts] == [10_300, 9_700, 11_000, 11_500, 6_000, 11_400]
    assert {p.author for p in embeds.posts} == {"کیوان ابراهیمی"}
    assert [p.reply_to for p in embeds.posts] == [None, 5340, None, None, None, None]
    desktop = mfaparse.parse_telegram_export_html(_one(corpus, "telegram-desktop-html/").read_text(encoding="utf-8"))
    assert [(p.message_id, p.reply_to) for p in desktop.posts if p.reply_to] == [(1301659, 1301549)]


def test_missing_html_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without selectolax, reading HTML says which extra to install."""
    import sys  # noqa: PLC0415  # only this test touches the module table

    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)
    with pytest.raises(mfaparse.MissingDependencyError, match=r"mfaparse\[html\]"):
        mfaparse.parse_telegram_web("<div class='tgme_widget_message'></div>")


def test_large_dumps_stream(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the streaming size, Telegram text and Desktop JSON are read post by post, with the same posts."""
    from mfaparse import reader  # noqa: PLC0415  # the reader's plan for a file
    from tests.conftest import FIXTURES, seed_text  # noqa: PLC0415  # test helpers

    dump = tmp_path / "dump.txt.gz"
    dump.write_bytes(gzip.compress(seed_text("002").encode("utf-8")))
    export = tmp_path / "result.json"
    export.write_bytes((FIXTURES / "synthetic_desktop_export.json").read_bytes())
    whole = [p.text for p in mfaparse.read([dump, export]) if isinstance(p, mfaparse.Post)]
    options = mfaparse.ReadOptions(stream_bytes=1)
    assert reader.plan(str(dump), None, options)[0] == "chunks"
    assert reader.plan(str(export), None, options)[0] == "stream"
    streamed = [p.text for p in mfaparse.read([dump, export], options=options) if isinstance(p, mfaparse.Post)]
    assert streamed == whole
    assert len(streamed) == 13 + 3


def test_large_json_lines_are_read_whole(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large JSON Lines file whose head ends mid-line is detected on whole lines, never a crash."""
    from mfaparse import reader  # noqa: PLC0415  # the head size is the reader's own

    options = mfaparse.ReadOptions(stream_bytes=1)
    monkeypatch.setattr(reader, "_HEAD_BYTES", 120)
    path = tmp_path / "articles.jsonl"
    line = json.dumps({"title": "Talks go on", "body": "MOSCOW, May 1. /TASS/. Russia is ready, he said."})
    path.write_text("\n".join([line] * 3) + "\n", encoding="utf-8")
    records = list(mfaparse.read(path, options=options))
    assert [type(r).__name__ for r in records] == ["Article"] * 3
    broken = tmp_path / "broken.txt.gz"
    broken.write_bytes(b"not gzip at all")
    (failure,) = mfaparse.read(broken, options=options)
    assert isinstance(failure, ReadFailure)


def test_large_json_lines_stream_a_line_at_a_time(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Large JSON Lines files of TASS records or client messages are streamed: the same records as a whole read,
    and a broken line or record is a ReadFailure naming its line while reading goes on."""
    from mfaparse import reader  # noqa: PLC0415  # the reader's plan for a file

    streaming = mfaparse.ReadOptions(stream_bytes=1)
    articles = [
        {"title": f"Talks go on {n}", "body": f"MOSCOW, May {n}. /TASS/. Russia is ready for talks, he said."}
        for n in range(1, 6)
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    whole = list(mfaparse.read(path))
    assert reader.plan(str(path), None, streaming)[0] == "stream"
    assert list(mfaparse.read(path, options=streaming)) == whole
    assert [a.title for a in whole if isinstance(a, mfaparse.Article)] == [a["title"] for a in articles]

    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = '{"title": "cut short'
    lines[3] = '{"title": 5, "body": []}'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for options in (streaming, mfaparse.ReadOptions()):  # streamed or read whole: the same records and failures
        records = list(mfaparse.read(path, options=options))
        assert [type(r).__name__ for r in records] == ["Article", "ReadFailure", "Article", "ReadFailure", "Article"]
        failures = [r for r in records if isinstance(r, ReadFailure)]
        assert failures[0].path.endswith("articles.jsonl:2")
        assert "not JSON" in failures[0].reason
        assert failures[1].path.endswith("articles.jsonl:4")

    messages = json.loads(
        (pathlib.Path(__file__).parent / "fixtures" / "synthetic_telethon_messages.json").read_text("utf-8")
    )
    client = tmp_path / "messages.jsonl"
    client.write_text("".join(json.dumps(m) + "\n" for m in messages), encoding="utf-8")
    read_whole = [p.text for p in mfaparse.read(client) if isinstance(p, mfaparse.Post)]
    assert reader.plan(str(client), None, streaming)[0] == "stream"
    assert [p.text for p in mfaparse.read(client, options=streaming) if isinstance(p, mfaparse.Post)] == read_whole
    assert len(read_whole) == len([m for m in messages if m.get("message")])


def test_desktop_html_joined_forward_keeps_its_sender() -> None:
    """A joined message (no name of its own) that is a forward: the channel is the sender above it, never the
    forward's name with its date glued on; names lose their flags as in the JSON export (synthetic markup)."""
    html = (
        '<div class="history"><div class="message default" id="message1"><div class="body">'
        '<div class="from_name">Russian MFA 🇷🇺</div><div class="text">one</div></div></div>'
        '<div class="message default joined" id="message2"><div class="body"><div class="forwarded body">'
        '<div class="from_name">МИД России <span class="date details" title="14.01.2026 00:22:03 UTC+02:00">'
        ' 14.01.2026 00:22:03</span></div><div class="text">two</div></div></div></div></div>'
    )
    posts = mfaparse.parse_telegram_export_html(html).posts
    assert [(p.channel, p.forward.name if p.forward else None) for p in posts] == [
        ("Russian MFA", None),
        ("Russian MFA", "МИД России"),
    ]
    forward = posts[1].forward
    assert forward is not None
    assert forward.posted_at == dt.datetime(2026, 1, 14, 0, 22, 3, tzinfo=dt.timezone(dt.timedelta(hours=2)))
