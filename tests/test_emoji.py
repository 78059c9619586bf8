"""Emoji on grapheme clusters: flags, keycaps, ZWJ sequences, and text that must stay."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from mfaparse import find_emoji, flag_code, strip_emoji
from mfaparse._text import emoji as emoji_module
from tests.strategies import EMOJI, any_text

SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("🇷🇺रूसी विदेश मंत्री", "रूसी विदेश मंत्री"),
        ("🇷🇺🇮🇳 Russia’s Foreign Minister", "Russia’s Foreign Minister"),
        ("🔹️ The meeting", "The meeting"),
        ("☝️ In the West", "In the West"),
        ("8️⃣0️⃣ years ago", "80 years ago"),
        ("Family 👨\u200d👩\u200d👧\u200d👦 day", "Family day"),
        ("Thumbs 👍🏽!", "Thumbs!"),
        ("the answer 👉 Ruined statehood", "the answer Ruined statehood"),
        ("Patrushev 🇷🇺 and Uddam 🇰🇭.", "Patrushev and Uddam."),
        (f"{SCOTLAND} Scotland", "Scotland"),
        ("© TASS, ® and ™ stay", "© TASS, ® and ™ stay"),
        ("©️ with VS16 goes", "with VS16 goes"),
        ("# * 0 1 2 stay", "# * 0 1 2 stay"),
        ("क्\u200dष and क्\u200cष stay", "क्\u200dष and क्\u200cष stay"),
        ("trailing 🎉", "trailing"),
        ("🎉\nnext 🎉 line", "\nnext line"),  # a line of only emoji stays, empty
        ("unfinished 👨\u200d", "unfinished"),
        ("lone \ufe0f selector", "lone selector"),
    ],
)
def test_strip(text: str, stripped: str) -> None:
    """Whole clusters go; keycaps keep their digit; text characters stay; spaces are tidied."""
    assert strip_emoji(text) == stripped


def test_find_kinds_and_codes() -> None:
    """Each match says its kind and, for flags and keycaps, its code."""
    got = [(m.text, m.kind, m.code) for m in find_emoji(f"🇷🇺🇮🇳 {SCOTLAND} 8️⃣ 🎙 👍🏽")]
    assert got == [
        ("🇷🇺", "flag", "RU"),
        ("🇮🇳", "flag", "IN"),
        (SCOTLAND, "flag", "GB-SCT"),
        ("8️⃣", "keycap", "8"),
        ("🎙", "emoji", None),
        ("👍🏽", "emoji", None),
    ]


def test_span_covers_vs16_and_zwj() -> None:
    """A match covers its trailing U+FE0F and every U+200D."""
    (m,) = find_emoji("x 🏳️\u200d🌈 y")
    assert m.text == "🏳️\u200d🌈"
    assert m.span.slice("x 🏳️\u200d🌈 y") == m.text


def test_flag_code_of_non_flags() -> None:
    """Non-flag clusters have no code."""
    assert flag_code("🎙") is None
    assert flag_code("RU") is None


def test_linear_on_unfinished_zwj_sequences() -> None:
    """``"👨\\u200d" * n`` is one emoji and strips to nothing (the anchor library is quadratic here)."""
    text = "👨\u200d" * 20000
    assert strip_emoji(text) == ""
    assert len(find_emoji(text)) == 1


def test_type_errors() -> None:
    """Non-str input is a TypeError."""
    with pytest.raises(TypeError):
        strip_emoji(None)  # type: ignore[arg-type]  # wrong type on purpose
    with pytest.raises(TypeError):
        find_emoji(b"x")  # type: ignore[arg-type]  # wrong type on purpose


@given(any_text)
def test_span_invariant(text: str) -> None:
    """Every match's span slices out its text, and matches do not overlap."""
    end = 0
    for m in find_emoji(text):
        assert text[m.span.start : m.span.end] == m.text
        assert m.span.start >= end
        end = m.span.end


@given(any_text)
def test_strip_is_idempotent(text: str) -> None:
    """Stripping twice is stripping once."""
    once = strip_emoji(text)
    assert strip_emoji(once) == once


@given(any_text)
def test_strip_leaves_no_emoji_debris(text: str) -> None:
    """No emoji, no U+FE0F, no emoji-adjacent ZWJ is left."""
    out = strip_emoji(text)
    assert not find_emoji(out)
    assert "\ufe0f" not in out


@given(any_text)
def test_strip_keeps_every_other_grapheme(text: str) -> None:
    """Removing emoji and whitespace from both sides, the rest is identical: letters, marks, digits stay."""
    emoji_free = list(text)
    for m in find_emoji(text):
        keep = m.text[0] if m.kind == "keycap" else ""
        emoji_free[m.span.start : m.span.end] = [keep] + [""] * (len(m.text) - 1)
    expected = regex.sub(r"\s+", "", "".join(emoji_free))
    assert regex.sub(r"\s+", "", strip_emoji(text)) == expected


@given(any_text)
def test_strip_adds_no_double_spaces(text: str) -> None:
    """Where the input has no double spaces, the output has none, nor spaces at line ends."""
    if "  " in text or any(line != line.strip(" ") for line in text.split("\n")):
        return
    out = strip_emoji(text)
    assert "  " not in out
    assert all(line == line.strip(" ") for line in out.split("\n"))


@given(st.lists(st.one_of(st.sampled_from(EMOJI), st.sampled_from(["\u200d", "\ufe0f", " ", "a", "#", "8", "©"])),
                min_size=0, max_size=400).map("".join))  # fmt: skip
def test_the_candidate_scan_finds_what_the_pattern_finds(text: str) -> None:
    """Tried at candidates, then (in a dense run) by finditer from there: the clusters of the pattern itself."""
    assert [m.span() for m in emoji_module._iter_clusters(text)] == [
        m.span() for m in emoji_module._PATTERN.finditer(text)
    ]


_FLAG_PIECES = [*EMOJI, SCOTLAND, "🏴", "\U000e0067", "\U000e007f", "🇷", "🇺", "\u200d", "\ufe0f", "👍🏽", " ", "a"]


@given(st.lists(st.sampled_from(_FLAG_PIECES), max_size=12).map("".join))
def test_an_emoji_is_a_flag_exactly_when_its_cluster_has_a_flag_code(text: str) -> None:
    """find_emoji looks for a flag code only in clusters that open as flags do; the answer is flag_code's of
    every cluster, joiners at its ends aside."""
    for m in find_emoji(text):
        if m.kind in ("flag", "emoji"):
            assert m.code == flag_code(m.text.strip("\u200d"))
            assert m.kind == ("flag" if m.code else "emoji")
