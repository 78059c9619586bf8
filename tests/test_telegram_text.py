"""parse_telegram / iter_telegram on plain text: splitting, debris, duplicates, layout, spans."""

from __future__ import annotations

import pathlib
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mfaparse
from mfaparse import ParseError, Post, TelegramDump, iter_telegram, parse_telegram
from mfaparse._lines.rules import Lines
from mfaparse.telegram import text as telegram_text
from mfaparse.telegram._post import SCRAPED, PostState, run, run_scraped
from mfaparse.telegram.text import is_forward_header, parse_chunk, parse_chunks, telegram_chunks
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


def _raw_chunks_reference(lines: list[str], *, keep: bool) -> Iterator[tuple[list[str], list[str]]]:
    """``raw_chunks`` as it was before its one-line path: every given str split, blank buffers asked of anew."""
    buffer: list[str] = []
    given: list[str] = []
    for raw in lines:
        pieces = raw.split("\n") if "\n" in raw.rstrip("\n") else [raw]
        for k, piece in enumerate(pieces):
            line = piece.rstrip("\r\n")
            if is_forward_header(line) and any(s.strip() for s in buffer):
                yield buffer, given
                buffer, given = [], []
            buffer.append(line)
            if keep:
                given.append(piece + ("\n" if len(pieces) > 1 and k < len(pieces) - 1 else ""))
    if buffer:
        yield buffer, given


_LINE_PIECES = ["Forwarded from A", " Forwarded from B", "Переслано от МИД", "text", "", " ", "\t", "\u3000",
                "\n", "\r\n", "\r", "\n\n", "x\ny"]  # fmt: skip


@given(st.lists(st.lists(st.sampled_from(_LINE_PIECES), max_size=5).map("".join), max_size=20), st.booleans())
def test_raw_chunks_are_the_reference(lines: list[str], keep: bool) -> None:
    """The stream's chunks (one-line path, the blank-buffer flag) are what the former loop gave, for lines as a
    file gives them and for strs that hold several lines, blank and whitespace-only ones among them."""
    assert list(telegram_text.raw_chunks(lines, keep=keep)) == list(_raw_chunks_reference(lines, keep=keep))


def _one_by_one(chunks: list[tuple[str, int]]) -> list[Post]:
    return [post for source, base in chunks for post in parse_chunk(source, base)]


def test_chunks_parsed_in_groups_as_one_by_one(corpus: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """parse_chunks (chunks parsed together, a group at a time) gives exactly the posts parse_chunk gives chunk
    by chunk, on the seed and every Telegram text page of the corpus (channel pages, whose first chunk is parsed
    alone, among them), with groups of the default size and of a few characters (a group ends at each chunk)."""
    texts = [seed_text("002"), *(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("telegram-text/*.txt")))]
    for limit in (telegram_text._GROUP_CHARS, 1, 500):
        monkeypatch.setattr(telegram_text, "_GROUP_CHARS", limit)
        for text in texts:
            chunks = list(telegram_chunks(text.splitlines()))
            assert list(parse_chunks(chunks)) == _one_by_one(chunks)


posts = st.lists(
    st.tuples(st.sampled_from(["Russian MFA 🇷🇺", "Sputnik भारत", "МИД России"]), telegram_like), max_size=4
).map(lambda ps: "".join(f"Forwarded from {name}\n{body}\n" for name, body in ps))


@given(st.lists(st.one_of(posts, telegram_like), max_size=4).map("".join), st.sampled_from([1, 40, 1 << 16]))
def test_grouped_chunks_property(text: str, limit: int) -> None:
    """On random dumps, and random text before the first header, grouped chunks give the one-by-one posts."""
    chunks = list(telegram_chunks(text.splitlines()))
    old, telegram_text._GROUP_CHARS = telegram_text._GROUP_CHARS, limit  # no fixture: hypothesis runs it often
    try:
        assert list(parse_chunks(chunks)) == _one_by_one(chunks)
    finally:
        telegram_text._GROUP_CHARS = old


def test_grouped_chunks_of_a_failing_stream_come_before_its_error() -> None:
    """A stream that fails (a decoding error) after some chunks: their posts are yielded, then the error."""

    def failing() -> Iterator[tuple[str, int]]:
        yield from telegram_chunks(["Forwarded from A", "One", "Forwarded from B", "Two"])
        raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")

    found: list[str] = []

    def consume() -> None:
        found.extend(post.text for post in parse_chunks(failing()))

    with pytest.raises(UnicodeDecodeError):
        consume()
    assert found == ["One", "Two"]


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


def _through_the_pipeline_and_shortcut(text: str) -> list[tuple[Post, Post]]:
    """Each post of ``text`` by ``run_scraped`` (with its shortcut) and by the stages, segment by segment."""
    source = mfaparse.normalize(text)
    if not source.strip():
        return []
    doc = Lines.of(source)
    channel, first = (
        (None, 0) if is_forward_header(doc.texts[0]) else telegram_text._read_channel(doc.texts, doc.starts)
    )
    name = channel.name if channel else None
    return [
        (run_scraped(doc, a, b, page_channel=name), run(PostState.start(doc, a, b, page_channel=name), SCRAPED))
        for a, b in telegram_text._segments(doc, first, channel)
    ]


def test_the_shortcut_for_header_only_posts_is_the_pipeline(corpus: pathlib.Path) -> None:
    texts = [seed_text("002"), *(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("telegram-text/*.txt")))]
    texts.append("Forwarded from Russian MFA 🇷🇺\n" * 3 + "Forwarded from МИД России\nText.\n  Forwarded from X  \n")
    pairs = [pair for text in texts for pair in _through_the_pipeline_and_shortcut(text)]
    assert sum(1 for fast, _ in pairs if fast.forward is not None and not fast.text) >= 4  # the shortcut ran
    for fast, staged in pairs:
        assert fast == staged
        assert fast.to_dict() == staged.to_dict()


@given(st.lists(st.one_of(posts, telegram_like, st.just("Forwarded from Russian MFA 🇷🇺\n")), max_size=6).map("".join))
def test_the_shortcut_for_header_only_posts_is_the_pipeline_property(text: str) -> None:
    for fast, staged in _through_the_pipeline_and_shortcut(text):
        assert fast == staged


_DUMP_LINES = [
    "Forwarded from Russian MFA 🇷🇺",
    "Forwarded from B",
    "Text of a post.",
    "Another line of it",
    "1.2K views 14:05",
    "👁 1.5K",
    "Join channel",
    "Download Telegram",
    "",
    "   ",
    "#ASEAN",
    "🎙 Title line",
]


def _cuts_both_ways(text: str) -> tuple[list[int], list[int]] | None:
    """A dump's cuts by the fast path and by the line loop, or None where the text is no dump of forwards."""
    doc = Lines.of(mfaparse.normalize(text), 0)
    channel, first = (
        (None, 0) if is_forward_header(doc.texts[0]) else telegram_text._read_channel(doc.texts, doc.starts)
    )
    headers = [i for i in range(first, len(doc.texts)) if mfaparse._lines.vocab.forward_name(doc.stripped[i])]
    if channel is not None or not headers:
        return None
    fast = telegram_text._dump_cuts(doc, first, headers)
    return fast, telegram_text._line_cuts(doc, first, set(), headers, page=False)


@given(st.lists(st.sampled_from(_DUMP_LINES), min_size=1, max_size=30).map("\n".join))
def test_dump_cuts_are_the_line_loops(text: str) -> None:
    """A dump of forwards is cut where the line loop cuts it (headers, content after a footer), found from the
    headers and footers alone."""
    both = _cuts_both_ways(text)
    if both is not None:
        assert both[0] == both[1]


def test_dump_cuts_of_the_seed_and_corpus(corpus: pathlib.Path) -> None:
    """The same on the seed dump and every text file of the corpus that is a dump of forwards."""
    texts = [
        seed_text("002"),
        *(p.read_text(encoding="utf-8") for p in sorted((corpus / "telegram-text").glob("*.txt"))),
    ]
    compared = 0
    for text in texts:
        both = _cuts_both_ways(text)
        if both is not None:
            assert both[0] == both[1]
            compared += 1
    assert compared >= 2
