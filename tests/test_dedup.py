"""dedup_blocks: repeated runs of lines inside a text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mfaparse import DedupOptions, dedup_blocks
from mfaparse._text.dedup import find_duplicate_runs, line_key, line_keys
from tests.conftest import seed_text
from tests.strategies import any_text

# Seed 002 per post: (first line of the repeat, its length, first line of the first copy), 1-based lines.
SEED_002_RUNS = {
    1: [(14, 11, 3)],  # repeat starts at the 📍 line and takes the trailing "Read in full" with it
    2: [(30, 1, 29)],  # "@SputnikHindi को सब्सक्राइब करें।" twice: one line is enough content
    3: [(39, 6, 33)],  # starts at the second line, ends with "Read more about EEF-2023"
    4: [(62, 11, 50)],  # starts after the title; the bare "Read in full" before it is the post's own link
    5: [(84, 9, 75)],
    6: [(102, 7, 95)],  # starts at the second line, "👉 Read in full"
    7: [(119, 8, 111)],
    8: [(132, 3, 129)],
    9: [(142, 5, 137)],
    10: [(161, 12, 149)],
    11: [(177, 2, 175)],  # 📍 line and hashtag line
    12: [(196, 15, 181)],
    13: [(223, 10, 213)],  # to the file's last line, "Read in full" without a newline
}


def seed_002_posts() -> list[tuple[int, list[str]]]:
    """The posts of seed 002 as (1-based line of their first body line, body lines)."""
    lines = seed_text("002").split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("Forwarded from")] + [len(lines)]
    return [(a + 2, lines[a + 1 : b]) for a, b in itertools.pairwise(starts)]


@pytest.mark.parametrize("post", sorted(SEED_002_RUNS))
def test_seed_002_runs(post: int) -> None:
    """Every post of seed 002 loses exactly its repeated body, wherever the repeat starts."""
    first_line, body = seed_002_posts()[post - 1]
    runs = find_duplicate_runs(body)
    got = [(r.start + first_line, r.length, r.source + first_line) for r in runs]
    assert got == SEED_002_RUNS[post]


def test_truncated_repeat_still_counts() -> None:
    """A preview whose last line is cut short with … or ... is a duplicate too."""
    text = (
        "🎙 Title of the post\n"
        "First paragraph is long enough to count.\n"
        "Second paragraph carries on for a while longer.\n"
        "First paragraph is long enough to count.\n"
        "Second paragraph carries on…"
    )
    d = dedup_blocks(text)
    assert d.text == "🎙 Title of the post\nFirst paragraph is long enough to count.\n" + (
        "Second paragraph carries on for a while longer.\n"
    )
    assert [r.kind for r in d.removed] == ["duplicate"]
    single = dedup_blocks("A whole paragraph with enough words in it.\nA whole paragraph with enou...")
    assert single.text == "A whole paragraph with enough words in it.\n"


@pytest.mark.parametrize(
    "text",
    [
        "One\n<...>\nTwo\n<...>\nThree",
        "Para one\nRead in full\nPara two\nRead in full",
        "Line\n\n\nOther\n\n\nMore",
        "Thank you!\nThank you!",  # one short line is not enough content
        "[...]\n…\n[...]\n…",
    ],
)
def test_markers_and_short_lines_stay(text: str) -> None:
    """Elisions, bare link texts, blank lines and short single lines never count alone."""
    assert dedup_blocks(text).text == text


def test_tass_lead_repeated_as_first_paragraph() -> None:
    """A TASS lead repeated as the first body paragraph goes."""
    text = (
        "Lavrov stressed that Moscow is open to dialogue\n"
        "\n"
        "Lavrov stressed that Moscow is open to dialogue\n"
        "\n"
        "The minister spoke to reporters."
    )
    d = dedup_blocks(text)
    assert d.text == "Lavrov stressed that Moscow is open to dialogue\n\nThe minister spoke to reporters."
    (removal,) = d.removed
    assert removal.duplicate_of is not None
    assert removal.duplicate_of.slice(text) == "Lavrov stressed that Moscow is open to dialogue\n"  # and its blank


def test_keys_ignore_emoji_case_and_space() -> None:
    """Emoji, case, width and whitespace do not make lines differ."""
    assert line_key("🔹️ The  meeting") == line_key("the meeting") == line_key("ＴＨＥ MEETING".lower())


def test_options_thresholds() -> None:
    """The content thresholds are options."""
    text = "Short line\nShort line"
    assert dedup_blocks(text).text == text
    assert dedup_blocks(text, DedupOptions(min_chars=5)).text == "Short line\n"


def test_type_errors() -> None:
    """Wrong types are TypeErrors."""
    with pytest.raises(TypeError):
        dedup_blocks(None)  # type: ignore[arg-type]  # wrong type on purpose
    with pytest.raises(TypeError):
        dedup_blocks("x", {"min_chars": 3})  # type: ignore[arg-type]  # wrong type on purpose


def test_many_identical_lines_are_linear() -> None:
    """10⁵ identical lines: one stays; the rest go in runs that double (each repeats first copies only)."""
    text = "\n".join(["The same long line repeated many times"] * 100_000)
    d = dedup_blocks(text)
    assert d.text == "The same long line repeated many times\n"
    assert len(d.removed) == 17  # 1 + 2 + 4 + ... : log2(10⁵) runs
    assert all(r.duplicate_of is not None and r.duplicate_of.start == 0 for r in d.removed)


lines = st.lists(
    st.sampled_from(
        [
            "A line with plenty of content here",
            "Another line of real text",
            "<...>",
            "Read in full",
            "",
            "x",
            "…",
        ]
    )
    | st.text(max_size=30).filter(lambda s: "\n" not in s),
    max_size=30,
).map("\n".join)


@given(lines)
def test_nothing_lost(text: str) -> None:
    """Kept pieces and removals tile the input exactly; each removal repeats its first copy."""
    d = dedup_blocks(text)
    pieces = sorted([(s.start, s.end) for s in d.kept] + [(r.span.start, r.span.end) for r in d.removed])
    pos = 0
    for start, end in pieces:
        assert start == pos
        pos = end
    assert pos == len(text)
    assert d.text == "".join(s.slice(text) for s in d.kept)
    for r in d.removed:
        assert r.span.slice(text) == r.text
        assert r.duplicate_of is not None
        assert r.duplicate_of.end <= r.span.start


@given(lines)
def test_idempotent_and_deterministic(text: str) -> None:
    """Deduplicating twice is deduplicating once; the same input gives the same result."""
    once = dedup_blocks(text)
    assert dedup_blocks(once.text).text == once.text
    assert dedup_blocks(text) == once


@given(lines)
def test_first_occurrence_order_kept(text: str) -> None:
    """The kept lines are the input's lines in their order (a subsequence)."""
    kept = dedup_blocks(text).text.split("\n")
    it = iter(text.split("\n"))
    assert all(any(line == other for other in it) for line in kept if line)


def test_removal_that_joins_lines_is_followed_up() -> None:
    """Removing a run can bring lines together that repeat an earlier run; they go in the same call."""
    text = "0\n0\nA line with plenty of content here\nAnother line of real text\n"
    text += "A line with plenty of content here\n0\nAnother line of real text\n0"
    once = dedup_blocks(text)
    assert once.text == "0\n0\nA line with plenty of content here\nAnother line of real text\n"
    assert dedup_blocks(once.text).text == once.text


_SPACES = st.sampled_from(["\t", "\r", "\x0b", "\x1c", "\x85", "\u1680", "\u2028", "\u2003", "\u00a0", "\u3000", " "])


@given(st.lists(st.lists(st.one_of(any_text, _SPACES), max_size=4).map(lambda p: "".join(p).replace("\n", " "))))
def test_line_keys_are_the_keys_of_each_line(lines: list[str]) -> None:
    """The one-pass keys of joined lines equal each line's own key, whatever spaces, emoji and scripts they hold."""
    assert line_keys(lines) == [line_key(line) for line in lines]
