"""Lines and their facts: computed once per distinct line, equal to computing them line by line; the rule
tables; the vocabulary shared by the classifier, dedup's markers, the layout and the sniffers."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

import mfaparse
from mfaparse._lines import vocab
from mfaparse._lines.memo import FactMemo
from mfaparse._lines.rules import TASS_RULES, TELEGRAM_RULES, Lines, classify_line, removal_kind
from mfaparse._text.dedup import is_marker, line_key
from tests.strategies import telegram_like

LINE_PIECES = ["Read in full", "👉 Read in full", "Media is too big", "VIEW IN TELEGRAM", "1.2K views 10:15",
               "<...>", "", "  ", "Subscribe to @MFARussia", "- Share on VK", "#ASEAN #EAEU", "Далее",
               "Text of a post."]  # fmt: skip
lines_of = st.lists(st.one_of(st.sampled_from(LINE_PIECES), telegram_like), max_size=30).map("\n".join)


@given(lines_of, st.integers(0, 10_000))
def test_facts_once_equal_facts_per_line(source: str, base: int) -> None:
    """Classes, keys and markers computed once per distinct line equal the per-line functions; spans sit at base."""
    lines = Lines.of(source, base)
    texts = source.split("\n")
    assert lines.kinds == tuple(classify_line(t) for t in texts)
    assert lines.keys == tuple(line_key(t) for t in texts)
    assert lines.markers == tuple(is_marker(t) or not line_key(t) for t in texts)
    for k, text in enumerate(texts):
        span = lines.span(k)
        assert (span.start, span.end - span.start) == (base + sum(len(t) + 1 for t in texts[:k]), len(text))
        assert lines.removal("blank", k).text == text


def test_rule_tables_name_their_removals() -> None:
    """Every rule's line class is a removal kind of the same name, so a new kind is one rule and one literal."""
    for table in (TELEGRAM_RULES, TASS_RULES):
        for rule in table.rules:
            assert rule.name == rule.removal == removal_kind(rule.name, table)
    assert classify_line("© 2024 TASS", TASS_RULES) == "footer"
    assert classify_line("Read in full", TASS_RULES) == "content"  # a TASS page has no Telegram debris


def test_one_vocabulary_for_classifier_dedup_layout_and_sniffers() -> None:
    """The words that used to drift between modules: link words are link text to the classifier and markers to
    dedup alike; forward headers in every form open posts and signal Telegram to the sniffer."""
    for words in ("Watch the video", "Read more about EEF-2023", "Подробнее", "Далее", "Lire la suite"):
        assert classify_line(words) == "link_text"
        assert is_marker(words)
    for header in ("Forwarded from Russian MFA 🇷🇺", "Переслано от МИД России", "Переслано из МИД России"):
        assert mfaparse.detect(header + "\nText") == "telegram-text"
        (post,) = mfaparse.parse_telegram(header + "\nText").posts
        assert post.forward is not None
        assert post.text == "Text"
    assert vocab.ELISION.fullmatch("[…]")
    assert not vocab.ELISION.fullmatch("…")  # a bare ellipsis is a dedup marker, not an elision block
    assert vocab.ELLIPSIS_LINE.fullmatch("…")


def test_a_new_removal_kind_is_one_rule() -> None:
    """A rule added to a table is classified, removed with its removal kind and accounted for by the pipeline,
    with no other change."""
    from mfaparse._lines.rules import Rule, RuleTable  # noqa: PLC0415  # building a table is this test's point
    from mfaparse.telegram import _post  # noqa: PLC0415  # the pipeline run on the table's lines

    table = RuleTable(
        rules=(*TELEGRAM_RULES.rules, Rule("footer", "footer", lambda s: s.startswith("Source:"))), longest=120
    )
    lines = Lines.of("Forwarded from Russian MFA 🇷🇺\nThe text.\nSource: mid.ru", table=table)
    post = _post.run(_post.PostState.start(lines, 0, len(lines)), _post.SCRAPED)
    assert post.text == "The text."
    assert [(r.kind, r.text) for r in post.removed] == [
        ("header", "Forwarded from Russian MFA 🇷🇺"),
        ("footer", "Source: mid.ru"),
    ]


@given(st.lists(lines_of, min_size=1, max_size=6))
def test_the_memo_of_facts_gives_what_computing_gives_whatever_ran_before(sources: list[str]) -> None:
    """A small memo, filled and cleared by the sources before, never changes a line's facts; it stays bounded and
    keeps no long line."""
    memo: FactMemo[str] = FactMemo(size=8, longest=20)
    for source in sources:
        texts = source.split("\n")
        assert memo.facts(texts, lambda todo: [line_key(t) for t in todo]) == [line_key(t) for t in texts]
        assert len(memo._known) <= 8
        assert all(len(text) <= 20 for text in memo._known)


def test_the_memo_computes_each_distinct_missing_text_once_in_one_call() -> None:
    memo: FactMemo[int] = FactMemo()
    calls: list[list[str]] = []

    def compute(todo: list[str]) -> list[int]:
        calls.append(todo)
        return [len(t) for t in todo]

    assert memo.facts(["a", "bb", "a", "ccc"], compute) == [1, 2, 1, 3]
    assert memo.facts(["bb", "dddd", "a"], compute) == [2, 4, 1]
    assert memo.facts(["a"], compute) == [1]
    assert calls == [["a", "bb", "ccc"], ["dddd"]]


_LEADING_MARKS_REFERENCE = regex.compile(
    r"(?:\s|[[\p{Extended_Pictographic}\p{EMod}\p{RI}]--[©®™]]|[©®™]\ufe0f|[\ufe0f\u20e3\u200d\U000e0020-\U000e007f])+",
    flags=regex.V1,
)
"""What a leading mark is, a group of alternatives a character (the compiled pattern is one class, faster)."""


_MARK_PIECES = ["©", "®", "™", "\ufe0f", " ", "\n", "\u3000", "\u200d", "🇷", "🇺", "👍", "🏽", "\u20e3", "\U000e0067"]
_MARK_PIECES += ["\U000e007f", "🙂", "a", "#", "8"]


@given(st.lists(st.sampled_from(_MARK_PIECES), max_size=16).map("".join))
def test_leading_marks_match_as_the_alternatives_do(text: str) -> None:
    """From every position, the leading-marks pattern ends where the plain alternation of its parts ends."""
    for at in range(len(text) + 1):
        fast, slow = vocab.LEADING_MARKS.match(text, at), _LEADING_MARKS_REFERENCE.match(text, at)
        assert (fast and fast.end()) == (slow and slow.end())


def test_a_long_run_of_marks_is_one_match() -> None:
    """A megabyte of VS16 (what stray emoji components leave) is one mark run, read to its end."""
    text = "\ufe0f" * 1_000_000 + "text"
    found = vocab.LEADING_MARKS.match(text)
    assert found is not None
    assert found.end() == 1_000_000
