"""Hashtags, mentions, links and UTF-16 offsets."""

from __future__ import annotations

import itertools

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from mfaparse import (
    Hashtag,
    Mention,
    Utf16Map,
    find_hashtags,
    find_links,
    find_mentions,
    is_hashtag_line,
    strip_hashtags,
)
from mfaparse._text import entities
from mfaparse._text.entities import hashtag_spans
from mfaparse._text.marks import marked, sub_marked
from mfaparse.telegram import _post as telegram_post
from mfaparse.telegram._layout import _is_tag_line
from tests.strategies import any_text


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("#भारत and #МИД_России and #G20", ["भारत", "МИД_России", "G20"]),
        ("Cooperation between #ASEAN and the Eurasian Economic Union (#EAEU)", ["ASEAN", "EAEU"]),
        ("#ASEAN’s role", ["ASEAN"]),
        ("C# and #1 and x#y and 5#z", []),
        ("Maria #Zakharova: Russia’s partnership", ["Zakharova"]),
        ("#ASEANRussia #RussiaASEAN", ["ASEANRussia", "RussiaASEAN"]),
        ("##double", ["double"]),
        ("#2023год", ["2023год"]),
        ("#_", []),
    ],
)
def test_hashtags(text: str, tags: list[str]) -> None:
    """Telegram's rule, widened to combining marks."""
    assert [h.tag for h in find_hashtags(text)] == tags


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("@SputnikHindi को सब्सक्राइब करें।", ["SputnikHindi"]),
        ("write to a@b.com or press@mid.ru", []),
        ("@abc is too short, @MFARussia is not", ["MFARussia"]),
        ("@" + "a" * 33 + " too long", []),
        ("(@RusEmbSG)", ["RusEmbSG"]),
    ],
)
def test_mentions(text: str, names: list[str]) -> None:
    """5–32 characters starting with a letter, never inside an e-mail address."""
    assert [m.username for m in find_mentions(text)] == names


def test_links() -> None:
    """Markdown, scheme, www and bare t.me links; trailing punctuation is not part of a URL."""
    text = "[Читать](https://t.me/x/1) see https://mid.ru/ru/foreign_policy/news/1919"
    text += " and www.mid.ru, t.me/MFARussia."
    got = [(lk.text, lk.url, lk.span.slice(text)) for lk in find_links(text)]
    assert got == [
        ("Читать", "https://t.me/x/1", "[Читать](https://t.me/x/1)"),
        (
            "https://mid.ru/ru/foreign_policy/news/1919",
            "https://mid.ru/ru/foreign_policy/news/1919",
            "https://mid.ru/ru/foreign_policy/news/1919",
        ),
        ("www.mid.ru", "www.mid.ru", "www.mid.ru"),
        ("t.me/MFARussia", "t.me/MFARussia", "t.me/MFARussia"),
    ]


def test_link_with_parentheses() -> None:
    """A balanced pair of parentheses stays in a URL."""
    (link,) = find_links("(see https://en.wikipedia.org/wiki/ASEAN_(disambiguation))")
    assert link.url == "https://en.wikipedia.org/wiki/ASEAN_(disambiguation)"


def test_strip_hashtags_modes() -> None:
    """Unwrap keeps the word; remove drops it and tidies spaces."""
    text = "Talks with #ASEAN, #EAEU and #SCO.\n#RussiaASEAN"
    assert strip_hashtags(text) == "Talks with ASEAN, EAEU and SCO.\nRussiaASEAN"
    assert strip_hashtags(text, mode="remove") == "Talks with, and.\n"
    with pytest.raises(ValueError, match="mode"):
        strip_hashtags(text, mode="drop")  # type: ignore[arg-type]  # wrong value on purpose


def test_hashtag_lines() -> None:
    """A line of only hashtags is a tag line; a tag opening prose is not."""
    assert is_hashtag_line("#RussiaIndia #DruzhbaDosti")
    assert is_hashtag_line("#JCPOA")
    assert not is_hashtag_line("#RussiaASEAN meeting")
    assert not is_hashtag_line("")


def test_utf16_offsets_with_emoji() -> None:
    """Telegram entity offsets count UTF-16 units: astral emoji count two."""
    text = "🇷🇺🎙 Lavrov: #ASEAN 👨\u200d👩\u200d👧 @MFARussia"
    m = Utf16Map(text)
    utf16 = text.encode("utf-16-le")
    found: list[Hashtag | Mention] = [*find_hashtags(text), *find_mentions(text)]
    for tag in found:
        start, end = m.to_utf16(tag.span.start), m.to_utf16(tag.span.end)
        assert utf16[start * 2 : end * 2].decode("utf-16-le") == tag.span.slice(text)
        assert m.span(start, end - start) == tag.span
    with pytest.raises(ValueError, match="boundary"):
        m.to_index(1)


@given(any_text)
def test_span_invariant(text: str) -> None:
    """Every hashtag, mention and link span slices out what it was read from."""
    for h in find_hashtags(text):
        assert h.span.slice(text) == "#" + h.tag
    for mention in find_mentions(text):
        assert mention.span.slice(text) == "@" + mention.username
    for link in find_links(text):
        assert link.url is not None
        assert link.url in link.span.slice(text)


@given(any_text, st.sampled_from(["unwrap", "remove"]))
def test_strip_hashtags_idempotent(text: str, mode: str) -> None:
    """Stripping hashtags twice is stripping them once."""
    once = strip_hashtags(text, mode=mode)  # type: ignore[arg-type]  # sampled from the valid modes
    assert strip_hashtags(once, mode=mode) == once  # type: ignore[arg-type]  # same
    assert not find_hashtags(once) or mode == "unwrap"


@given(st.text())
def test_utf16_round_trip(text: str) -> None:
    """Every code-point index maps to UTF-16 and back."""
    m = Utf16Map(text)
    for i in range(len(text) + 1):
        assert m.to_index(m.to_utf16(i)) == i
    assert m.to_utf16(len(text)) == len(text.encode("utf-16-le", "surrogatepass")) // 2


@given(
    st.one_of(
        any_text, st.lists(st.sampled_from(["&", "amp;", "#171;", "quot;", "lt", "x", " ", "#", "@"])).map("".join)
    )
)
@example("&amp;amp; &#171; &quot;x&lt &copy; &&amp; #a @abcdef")
@example("@@abcdef @abcdefg@hijklm x@abcdef @Ab_cdefghijklmnopqrstuvwxyz0123456789 @abcde.fg")
def test_tags_and_mentions_found_as_a_full_scan_finds_them(text: str) -> None:
    """Trying the patterns only at '#', '@' and '&' finds what their scan of every position finds, and replaces
    what their ``sub`` replaces."""
    from mfaparse._text.entities import _HASHTAG, _MENTION  # noqa: PLC0415  # private patterns under test
    from mfaparse._text.normalize import _ENTITY, _NESTED_AMP  # noqa: PLC0415  # as above

    text = text.replace("*", "&")  # the text strategies seldom make '&' on their own
    for pattern, mark in ((_HASHTAG, "#"), (_MENTION, "@"), (_ENTITY, "&"), (_NESTED_AMP, "&")):
        assert [m.span() for m in marked(pattern, text, mark)] == [m.span() for m in pattern.finditer(text)]
        assert sub_marked(pattern, text, mark, "<>") == pattern.sub("<>", text)
    assert sub_marked(_ENTITY, text, "&", lambda m: m.group().upper()) == _ENTITY.sub(lambda m: m.group().upper(), text)
    assert [m.span() for m in entities._mention_matches(text)] == [m.span() for m in _MENTION.finditer(text)]


def _tag_line_reference(line: str) -> bool:
    """is_hashtag_line as first written: the text around and between the tags, joined, is filler only."""
    if not line.lstrip(" \t,;").startswith("#"):
        return False
    tags = find_hashtags(line)
    if not tags:
        return False
    rest = "".join(line[a.span.end : b.span.start] for a, b in itertools.pairwise(tags))
    return regex.fullmatch(r"[\s,;#]*", line[: tags[0].span.start] + rest + line[tags[-1].span.end :]) is not None


_TAG_LINE_PIECES = st.sampled_from(["#ASEAN", "#МИД_России", "#1", " ", ",", ";", "#", "\t", "\u2003", "\x1c", "a"])


@given(st.one_of(any_text, st.lists(_TAG_LINE_PIECES, max_size=12).map("".join)))
def test_tag_lines_from_places_found_once(text: str) -> None:
    """is_hashtag_line gap by gap equals the joined check; the layout's check from the line's hashtag places
    (found once, in the unstripped line) equals is_hashtag_line of the stripped line."""
    assert is_hashtag_line(text) is _tag_line_reference(text)
    for line in text.split("\n"):
        assert _is_tag_line(line, line.strip(), hashtag_spans(line)) is is_hashtag_line(line.strip())


_LINKISH = ["http", "https", "://", "www.", "www", "t.me/", "t.me", "telegram.me/", "telegram.org/", "](", "[a]",
            "(b)", "/", ".", "x", " ", "\n", "@", "🇷🇺"]  # fmt: skip


@given(st.one_of(st.lists(st.sampled_from(_LINKISH), max_size=16).map("".join), any_text))
@example("[a](b)")
@example("t.me/x")
@example("http://x")
def test_every_link_has_the_hints_the_pipeline_looks_for_first(text: str) -> None:
    """The entities stage looks for links only in posts with a post hint and lines with a line hint: every text
    with a link has both."""
    if entities._LINK.search(text) is not None:
        assert any(hint in text for hint in telegram_post._URL_HINTS_OF_POST)
        assert any(hint in text for hint in telegram_post._URL_HINTS)
