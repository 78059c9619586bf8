"""parse_telegram / iter_telegram on plain text: splitting, debris, duplicates, layout, spans."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mfaparse
from mfaparse import ParseError, TelegramDump, iter_telegram, parse_telegram
from tests.conftest import seed_text
from tests.harness import check_post
from tests.strategies import any_text, telegram_like


def _path(corpus: pathlib.Path, prefix: str) -> pathlib.Path:
    (path,) = (corpus / "telegram-text").glob(f"{prefix}*.txt")
    return path


def test_corpus_page_details(corpus: pathlib.Path) -> None:
    """Titles, places and dates read from real MFA layout; keycaps and flags of real posts."""
    page = parse_telegram(_path(corpus, "03_").read_text(encoding="utf-8"))
    (post,) = page.posts
    assert post.title is not None
    assert post.title.startswith("Foreign Minister Sergey Lavrov’s news conference")
    assert (post.place, post.date) == ("New York", mfaparse.PartialDate(year=2022, month=9, day=24))
    assert [lk.text for lk in post.links] == ["Read in full", "Watch in full"]
    keycaps = parse_telegram(_path(corpus, "04_").read_text(encoding="utf-8")).posts[0]
    assert keycaps.text.startswith("#HistoryOfDiplomacy\n\n8️⃣0️⃣ years ago")
    assert keycaps.clean_text.startswith("80 years ago, on February 4, 1945")  # the tag-only line goes
    sputnik = parse_telegram(_path(corpus, "20_").read_text(encoding="utf-8"))
    assert sum(r.kind == "call_to_action" for p in sputnik.posts for r in p.removed) >= 7
    assert sum(r.kind == "counter" for p in sputnik.posts for r in p.removed) >= 7


def test_forward_header_and_flags() -> None:
    """``Forwarded from NAME 🇷🇺`` and ``Переслано от`` give a Forward with ISO flags; the header leaves the text."""
    dump = parse_telegram("Forwarded from Russian MFA 🇷🇺\nText one.\nПереслано от МИД России 🇷🇺\nТекст два.")
    assert [(p.forward.name, p.forward.flags) for p in dump.posts if p.forward] == [
        ("Russian MFA", ("RU",)),
        ("МИД России", ("RU",)),
    ]
    assert [p.text for p in dump.posts] == ["Text one.", "Текст два."]
    assert [r.kind for r in dump.posts[0].removed] == ["header"]


def test_media_placeholder_is_one_entry() -> None:
    """``Media is too big`` + ``VIEW IN TELEGRAM`` is one media entry and one removal."""
    (post,) = parse_telegram("Forwarded from X Channel\nMedia is too big\nVIEW IN TELEGRAM\nThe caption.").posts
    assert [(m.kind, m.text) for m in post.media] == [("too_big", "Media is too big\nVIEW IN TELEGRAM")]
    assert post.text == "The caption."


def test_speakers_and_blocks() -> None:
    """💬 with a speaker, ❓ questions, bullets, elisions and tag lines are typed blocks."""
    text = (
        "Forwarded from Russian MFA 🇷🇺\n"
        "❓Question: Is the West ready?\n"
        "💬 President Vladimir Putin (from greetings to participants): We are open.\n"
        "🔹 A bullet\n<...>\n#BRICS #ASEAN"
    )
    (post,) = parse_telegram(text).posts
    assert [b.kind for b in post.blocks] == ["question", "answer", "bullet", "elision", "hashtags"]
    assert [(s.name, s.role) for s in post.speakers] == [("Vladimir Putin", "President")]
    assert post.blocks[1].speaker == "Vladimir Putin"
    assert post.clean_text == "Question: Is the West ready?\n" + (
        "President Vladimir Putin (from greetings to participants): We are open.\nA bullet\n<...>"
    )


def test_bad_input() -> None:
    """Empty text gives no posts; other text one post holding it all; strict mode says why; types are checked."""
    assert parse_telegram("").posts == ()
    assert parse_telegram(" \n\n ").posts == ()
    (post,) = parse_telegram("Just some text.\nWith two lines.").posts
    assert post.text == "Just some text.\nWith two lines."
    with pytest.raises(ParseError, match="Forwarded from"):
        parse_telegram("Just some text.", strict=True)
    with pytest.raises(TypeError):
        parse_telegram(b"bytes")  # type: ignore[arg-type]  # wrong type on purpose
    with pytest.raises(TypeError):
        list(iter_telegram("a str"))


def test_stream_matches_whole() -> None:
    """iter_telegram over lines gives the posts parse_telegram gives, spans into the joined stream."""
    text = seed_text("002")
    whole = parse_telegram(text)
    streamed = list(iter_telegram(text.splitlines(keepends=True)))
    assert [p.text for p in streamed] == [p.text for p in whole.posts]
    assert [p.title for p in streamed] == [p.title for p in whole.posts]
    assert [p.span for p in streamed] == [p.span for p in whole.posts]


def test_records_round_trip() -> None:
    """A whole dump goes to JSON-ready data and back unchanged."""
    dump = parse_telegram(seed_text("002"))
    assert TelegramDump.from_dict(dump.to_dict()) == dump


def _check_spans(dump: TelegramDump) -> None:
    source = dump.source
    for post in dump.posts:
        check_post(source, post)


def test_seed_spans_and_accounting() -> None:
    """On the seed, every span slices out what it was read from and every line is accounted for."""
    _check_spans(parse_telegram(seed_text("002")))


posts = st.lists(
    st.tuples(st.sampled_from(["Russian MFA 🇷🇺", "Sputnik भारत", "МИД России"]), telegram_like), max_size=4
).map(lambda ps: "".join(f"Forwarded from {name}\n{body}\n" for name, body in ps))


@given(st.one_of(any_text, posts))
def test_never_raises_and_spans_hold(text: str) -> None:
    """Any str parses; spans and accounting hold."""
    _check_spans(parse_telegram(text))


@given(posts, posts)
def test_concatenation_gives_posts_of_both(a: str, b: str) -> None:
    """Parsing two dumps joined gives the posts of the first, then those of the second."""
    first, second, both = parse_telegram(a), parse_telegram(b), parse_telegram(a + b)
    assert [p.text for p in both.posts] == [p.text for p in first.posts] + [p.text for p in second.posts]


@given(st.one_of(any_text, posts))
def test_deterministic(text: str) -> None:
    """The same text gives the same dump."""
    assert parse_telegram(text) == parse_telegram(text)


def test_short_lines_an_author_repeats_stay_in_every_source() -> None:
    """``He said:``, ``Question:`` or a speaker's name before each of two different quotes is the author's, in
    scraped text as in exports and client messages: only a repeated block is a duplicate (issue #13)."""
    lines = ["He said:", "💬 We value it.", "He said:", "💬 We do not.", "Question:", "A?", "Question:", "B?",
             "Sergey Lavrov", "“One.”", "Sergey Lavrov", "“Two.”"]  # fmt: skip
    text = "\n".join(lines)
    scraped = parse_telegram("Forwarded from Russian MFA\n" + text).posts[0]
    export = mfaparse.parse_telegram_export({"messages": [{"id": 1, "type": "message", "text": text}]}).posts[0]
    client = mfaparse.parse_client_messages([{"message_id": 1, "text": text}]).posts[0]
    for post in (scraped, export, client):
        assert post.text == text
        assert not [r for r in post.removed if r.kind == "duplicate"]
