"""Telegram Desktop JSON exports and client-library messages into the same Post records."""

from __future__ import annotations

import datetime as dt
import io
import json
import pathlib

import pytest

import mfaparse
from mfaparse import ParseError, TelegramDump
from mfaparse.telegram.client import markdown_pieces
from tests.conftest import FIXTURES

UTC = dt.timezone.utc


def _synthetic_export() -> dict[str, object]:
    data: dict[str, object] = json.loads((FIXTURES / "synthetic_desktop_export.json").read_text(encoding="utf-8"))
    return data


def _spans_hold(dump: TelegramDump) -> None:
    for post in dump.posts:
        assert post.span.slice(dump.source).strip().startswith(post.text[:20].strip()) or not post.text
        for h in post.hashtags:
            assert h.span.slice(dump.source) == "#" + h.tag
        for m in post.mentions:
            assert m.span.slice(dump.source) == "@" + m.username
        for lk in post.links:
            assert lk.text in lk.span.slice(dump.source) or lk.span.slice(dump.source) in lk.text


def test_synthetic_export() -> None:
    """Service messages are skipped; forwards, time, links with hrefs, media and every entity type are read."""
    dump = mfaparse.parse_telegram_export(_synthetic_export())
    assert dump.channel is not None
    assert (dump.channel.name, dump.channel.flags) == ("Russian Embassy to the UK", ("RU",))
    assert [p.message_id for p in dump.posts] == [2, 3, 4]
    first, entities, reply = dump.posts
    assert first.forward is not None
    assert (first.forward.name, first.forward.flags) == ("Russian MFA", ("RU",))
    assert first.posted_at == dt.datetime(2024, 2, 1, 10, 5, tzinfo=UTC)
    assert first.url == "https://t.me/c/1234567890/2"
    assert (first.title, first.place, first.date) == (
        "Foreign Minister Sergey Lavrov’s remarks (Sochi, November 6, 2024)",
        "Sochi",
        mfaparse.PartialDate(year=2024, month=11, day=6),
    )
    assert [(lk.text, lk.url) for lk in first.links] == [
        ("Read in full", "https://mid.ru/en/foreign_policy/news/1978655/")
    ]
    assert [h.tag for h in first.hashtags] == ["ASEAN"]
    assert "unknown kept" in entities.text  # an entity type we do not know stays as text
    for word in ("bold", "italic", "underline", "strike", "code", "pre", "spoiler", "quote", "$RUB", "/start"):
        assert word in entities.text
    assert [m.username for m in entities.mentions] == ["MFARussia"]
    assert [h.tag for h in entities.hashtags] == ["МИД_России"]
    assert [(lk.url) for lk in entities.links] == ["https://t.me/MFARussia/100"]
    assert [m.kind for m in entities.media] == ["photo"]
    assert reply.text == "A reply repeated twice in the scrape is not repeated here."
    _spans_hold(dump)


def test_export_json_text_and_errors() -> None:
    """JSON text is accepted; truncated JSON and unrelated objects are ParseErrors; other types TypeErrors."""
    text = json.dumps(_synthetic_export(), ensure_ascii=False)
    assert len(mfaparse.parse_telegram_export(text).posts) == 3
    with pytest.raises(ParseError, match="Desktop JSON"):
        mfaparse.parse_telegram_export(text[:200])
    with pytest.raises(ParseError, match="messages"):
        mfaparse.parse_telegram_export({"name": "x"})
    with pytest.raises(TypeError):
        mfaparse.parse_telegram_export(42)  # type: ignore[arg-type]  # wrong type on purpose


def test_export_streams_like_whole(tmp_path: pathlib.Path) -> None:
    """iter_telegram_export (streaming with ijson) gives what parse_telegram_export gives."""
    path = tmp_path / "result.json"
    path.write_text(json.dumps(_synthetic_export(), ensure_ascii=False), encoding="utf-8")
    whole = mfaparse.parse_telegram_export(_synthetic_export()).posts
    with path.open("rb") as stream:
        streamed = list(mfaparse.iter_telegram_export(stream))
    assert [(p.text, p.span, p.message_id) for p in streamed] == [(p.text, p.span, p.message_id) for p in whole]
    with pytest.raises(ParseError):
        list(mfaparse.iter_telegram_export(io.BytesIO(b'{"messages": [{"id": 1, "text": "x"')))


def test_corpus_desktop_export(corpus: pathlib.Path) -> None:
    """The real export: 1,467 messages; times from date_unixtime; links with URLs; hashtags as the export marks."""
    data = json.loads(
        (corpus / "telegram-desktop-json" / "trfactsdeals_messages_2023.json").read_text(encoding="utf-8")
    )
    dump = mfaparse.parse_telegram_export(data)
    assert len(dump.posts) == 1467
    first = dump.posts[0]
    assert first.message_id == 85087
    assert first.posted_at == dt.datetime.fromtimestamp(1686201531, tz=UTC)
    assert first.channel == "TR Facts Deals"
    assert first.text.startswith("Min. 80% Off On Branded Luggage\n\nMaster Link : https://extp.in/Gr4gS7")
    assert all(lk.url for p in dump.posts for lk in p.links)
    marked = [e["text"] for m in data["messages"] for e in m["text_entities"] if e["type"] == "hashtag"]
    assert [f"#{h.tag}" for p in dump.posts for h in p.hashtags] == list(dict.fromkeys(marked)) or len(marked) == sum(
        len(p.hashtags) for p in dump.posts
    )
    # the export marks "@1499" (a price) as a mention; usernames start with a letter, so it is none
    assert not any(m.username[0].isdigit() for p in dump.posts for m in p.mentions)
    _spans_hold(dump)


def test_markdown_pieces() -> None:
    """Client Markdown: bold, italic, strike, code and links become pieces; the markup goes."""
    pieces = markdown_pieces("**B** __I__ ~~S~~ `C` [T](https://x.org/a)")
    assert [(p.text, p.kind) for p in pieces if p.kind] == [
        ("B", "bold"),
        ("I", "italic"),
        ("S", "strike"),
        ("C", "code"),
        ("T", "text_link"),
    ]


def test_synthetic_telethon() -> None:
    """Telethon dicts: UTF-16 entity offsets after astral emoji, fwd_from, media-only messages."""
    messages = json.loads((FIXTURES / "synthetic_telethon_messages.json").read_text(encoding="utf-8"))
    dump = mfaparse.parse_client_messages(messages)
    first, second = dump.posts
    assert [h.tag for h in first.hashtags] == ["ДеньПоэзии"]
    assert [m.username for m in first.mentions] == ["MID_Russia"]
    assert [(lk.text, lk.url) for lk in first.links] == [("подробнее", "https://mid.ru/ru/press_service/")]
    assert first.url == "https://t.me/c/1101170442/16711"
    assert first.forward is not None
    assert (first.forward.message_id, first.forward.author, first.forward.url) == (
        16700,
        "Press Service",
        "https://t.me/c/1101170442/16700",
    )
    assert first.forward.posted_at == dt.datetime(2024, 3, 21, 8, 55, tzinfo=UTC)
    assert [m.kind for m in second.media] == ["MessageMediaPhoto"]
    _spans_hold(dump)
    broken = [dict(messages[0], entities=[{"_": "MessageEntityBold", "offset": 1, "length": 2}])]
    with pytest.raises(ParseError, match="does not fit"):
        mfaparse.parse_client_messages(broken)


def test_corpus_client_json(corpus: pathlib.Path) -> None:
    """Real client-library records (RIA Novosti, BBC Russian): counts, times, Markdown links with URLs."""
    ria = json.loads(
        (corpus / "telegram-client-json" / "ria_novosti_2024-12_first300.json").read_text(encoding="utf-8")
    )
    bbc = json.loads(
        (corpus / "telegram-client-json" / "bbc_russian_2024-12_first150.json").read_text(encoding="utf-8")
    )
    ria_dump, bbc_dump = mfaparse.parse_client_messages(ria), mfaparse.parse_client_messages(bbc)
    assert (len(ria_dump.posts), len(bbc_dump.posts)) == (300, 150)
    assert ria_dump.posts[0].message_id == 271643
    assert ria_dump.posts[0].url == "https://t.me/c/1101170442/271643"  # the channel field is a display name
    assert all(p.posted_at is not None and p.posted_at.tzinfo for p in ria_dump.posts)
    assert sum(1 for p in bbc_dump.posts for lk in p.links if lk.url) > 100
    # nested and line-spanning markup ("**__bit.ly__**", "[__bit.ly__](...)", "**Headline\n**") goes too
    assert not any("](" in p.text or "**" in p.text or "__" in p.text for p in bbc_dump.posts)
    _spans_hold(bbc_dump)


def test_client_type_errors() -> None:
    """A str or a single mapping is not a list of messages."""
    with pytest.raises(TypeError):
        mfaparse.parse_client_messages("text")  # type: ignore[arg-type]  # wrong type on purpose
    with pytest.raises(TypeError):
        mfaparse.parse_client_messages([1])  # type: ignore[list-item]  # wrong type on purpose


REPEATED = ["🎙 Remarks (Sochi, November 6, 2024)", "He said:", "“We value cooperation with ASEAN and the EAEU.”",
            "He said:", "“We value cooperation with ASEAN and the EAEU.”"]  # fmt: skip


def test_authored_sources_keep_repeated_lines() -> None:
    """A line the author wrote twice stays twice in exports and client messages (no scraped-double dedup), while
    the same text as a scraped dump loses its second copy."""
    text = "\n".join(REPEATED)
    export = mfaparse.parse_telegram_export({"messages": [{"id": 1, "type": "message", "text": text}]})
    client = mfaparse.parse_client_messages([{"message_id": 1, "text": text}])
    fragments = list(mfaparse.iter_html_fragments([{"html": text}]))
    for post in (export.posts[0], client.posts[0], fragments[0]):
        assert post.text == text
        assert post.removed == ()
    scraped = mfaparse.parse_telegram("Forwarded from Russian MFA 🇷🇺\n" + text).posts[0]
    assert scraped.text.count("We value cooperation") == 1
    assert [r.kind for r in scraped.removed] == ["header", "duplicate"]


def test_authored_sources_keep_their_debris_words() -> None:
    """Words that are scrape debris in a dump (a call to subscribe, a view count) are the author's in an export."""
    text = "Main news of the day\nSubscribe to @MFARussia\n1.2K views"
    (post,) = mfaparse.parse_telegram_export({"messages": [{"id": 1, "type": "message", "text": text}]}).posts
    assert post.text == text
    (scraped,) = mfaparse.parse_telegram("Forwarded from Russian MFA\n" + text).posts
    assert scraped.text == "Main news of the day"


def test_entities_come_from_the_format() -> None:
    """An export's hashtags, mentions and links are its entities: what it does not mark is plain text, and a
    mark that breaks the rules (a mention of digits) is none."""
    message = {
        "id": 1,
        "type": "message",
        "text_entities": [
            {"type": "plain", "text": "Not a tag: #ASEAN, "},
            {"type": "hashtag", "text": "#EAEU"},
            {"type": "plain", "text": " price "},
            {"type": "mention", "text": "@1499"},
            {"type": "plain", "text": " by "},
            {"type": "mention", "text": "@MFARussia"},
            {"type": "plain", "text": " at mid.ru "},
            {"type": "text_link", "text": "here", "href": "https://mid.ru/1"},
        ],
    }
    (post,) = mfaparse.parse_telegram_export({"messages": [message]}).posts
    assert [h.tag for h in post.hashtags] == ["EAEU"]
    assert [m.username for m in post.mentions] == ["MFARussia"]
    assert [(lk.text, lk.url) for lk in post.links] == [("here", "https://mid.ru/1")]
    dump = mfaparse.parse_telegram_export({"messages": [message, message]})
    second = dump.posts[1]
    assert [h.span.slice(dump.source) for h in second.hashtags] == ["#EAEU"]
    assert [lk.span.slice(dump.source) for lk in second.links] == ["here"]


def test_one_channel_name_whole_and_streamed(tmp_path: pathlib.Path) -> None:
    """The same export has the same channel name read whole, streamed, and as its HTML twin's header."""
    data = _synthetic_export()
    path = tmp_path / "result.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    whole = mfaparse.parse_telegram_export(data)
    with path.open("rb") as stream:
        streamed = list(mfaparse.iter_telegram_export(stream))
    read_streamed = list(mfaparse.read(path, options=mfaparse.ReadOptions(stream_bytes=1)))
    names = (
        {p.channel for p in whole.posts}
        | {p.channel for p in streamed}
        | {p.channel for p in read_streamed if isinstance(p, mfaparse.Post)}
    )
    assert names == {"Russian Embassy to the UK"}
    assert whole.channel == mfaparse.Channel.from_display("Russian Embassy to the UK 🇷🇺")
    assert [p.forward for p in streamed] == [p.forward for p in whole.posts]
    assert whole.posts[0].forward == mfaparse.Forward.from_display("Russian MFA 🇷🇺")


def _twin_export() -> tuple[dict[str, object], str]:
    """The same synthetic channel export as Desktop writes it in JSON and in HTML: an author who repeats a short
    line and a quotation on purpose, a forward with its source id, a mention, a hashtag and a sticker."""
    lines = ["🎙 Briefing", "He said:", "“We value cooperation.”", "He said:", "“We value cooperation.”"]
    data: dict[str, object] = {
        "name": "Russian MFA 🇷🇺",
        "type": "public_channel",
        "messages": [
            {"id": 1, "type": "message", "date_unixtime": "1730905200", "from": "Russian MFA 🇷🇺",
             "from_id": "channel1113210510", "text_entities": [{"type": "plain", "text": "\n".join(lines)}]},
            {"id": 2, "type": "message", "date_unixtime": "1730905260", "from": "Russian MFA 🇷🇺",
             "forwarded_from": "МИД России 🇷🇺", "forwarded_from_id": "channel1101170442",
             "text_entities": [{"type": "plain", "text": "See "}, {"type": "mention", "text": "@MID_Russia"},
                               {"type": "plain", "text": " "}, {"type": "hashtag", "text": "#ASEAN"}]},
            {"id": 3, "type": "message", "date_unixtime": "1730905320", "from": "Russian MFA 🇷🇺",
             "file": "stickers/sticker.webp", "media_type": "sticker", "sticker_emoji": "👍", "text_entities": []},
        ],
    }  # fmt: skip
    html = (
        '<div class="page_header"><div class="text">Russian MFA 🇷🇺</div></div><div class="history">'
        '<div class="message default clearfix" id="message1"><div class="body">'
        '<div class="pull_right date details" title="06.11.2024 15:00:00 UTC+00:00">15:00</div>'
        f'<div class="from_name">Russian MFA 🇷🇺</div><div class="text">{"<br>".join(lines)}</div></div></div>'
        '<div class="message default clearfix joined" id="message2"><div class="body">'
        '<div class="pull_right date details" title="06.11.2024 15:01:00 UTC+00:00">15:01</div>'
        '<div class="forwarded body"><div class="from_name">МИД России 🇷🇺 <span class="date details" '
        'title="06.11.2024 14:00:00 UTC+00:00"> 06.11.2024 14:00:00</span></div>'
        '<div class="text">See <a href="https://t.me/MID_Russia">@MID_Russia</a> '
        '<a href="" onclick="return ShowHashtag(&quot;ASEAN&quot;)">#ASEAN</a></div></div></div></div>'
        '<div class="message default clearfix joined" id="message3"><div class="body">'
        '<div class="pull_right date details" title="06.11.2024 15:02:00 UTC+00:00">15:02</div>'
        '<div class="media_wrap clearfix"><a class="sticker_wrap clearfix pull_left" href="stickers/sticker.webp">'
        '<img class="sticker" src="stickers/sticker.webp_thumb.jpg"/></a></div></div></div></div>'
    )
    return data, html


def test_one_export_as_json_and_html() -> None:
    """The same export as JSON and HTML gives the same channel, forwards, texts, entities and media kinds; the
    author's repeated line and quotation are both kept."""
    data, html = _twin_export()
    as_json, as_html = mfaparse.parse_telegram_export(data), mfaparse.parse_telegram_export_html(html)
    assert as_json.channel == as_html.channel == mfaparse.Channel.from_display("Russian MFA 🇷🇺")
    for dump in (as_json, as_html):
        first, forwarded, sticker = dump.posts
        assert first.text.count("He said:") == 2
        assert first.text.count("“We value cooperation.”") == 2
        assert first.removed == ()
        assert [p.channel for p in dump.posts] == ["Russian MFA"] * 3
        assert forwarded.forward is not None
        assert forwarded.forward.name == "МИД России"
        assert [m.username for m in forwarded.mentions] == ["MID_Russia"]
        assert [h.tag for h in forwarded.hashtags] == ["ASEAN"]
        assert forwarded.links == ()  # a mention's or a hashtag's anchor is no link
        assert [m.kind for m in sticker.media] == ["sticker"]
        _spans_hold(dump)
    assert [p.text for p in as_json.posts] == [p.text for p in as_html.posts]
    assert [p.posted_at for p in as_json.posts] == [p.posted_at for p in as_html.posts]
    json_forward, html_forward = as_json.posts[1].forward, as_html.posts[1].forward
    assert json_forward is not None
    assert html_forward is not None
    assert json_forward.from_id == "channel1101170442"  # the JSON export gives the source's id
    assert html_forward.posted_at == dt.datetime(2024, 11, 6, 14, 0, tzinfo=UTC)  # the HTML export its date
