"""The parser contract, for every registered format through one harness: only TypeError or ParseError escape a
parser, whatever the input (random text, and real samples truncated, spliced, with values of other types,
nested deeply); what parses keeps the span, nothing-lost and round-trip invariants; parsing is deterministic
with other parses and other options run in between; ``read()`` yields only records and failures."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import tempfile
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mfaparse
from mfaparse import CleanOptions, DedupOptions, ParseError, ReadFailure
from mfaparse._lines.memo import clear_memos
from tests.harness import SAMPLES, check_parsed
from tests.strategies import any_text, telegram_like

JUNK: list[Any] = [None, True, False, 0, -1, 1e20, float("inf"), "", "x", "1e20", [], {}, [1], {"a": 1}]


def test_a_sample_for_every_format() -> None:
    """The harness has an input of every registered format, and each is detected as that format."""
    assert set(SAMPLES) == set(mfaparse.FORMATS)
    for fmt, text in SAMPLES.items():
        assert mfaparse.detect(text) == fmt
        parsed = mfaparse.parse(text)
        assert parsed.format == fmt
        assert parsed.records
        check_parsed(parsed)


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value (a key or an index path)."""
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _places(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _places(inner, (*path, index))
    return found


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {k: _replaced(v, rest, new) if k == head else v for k, v in value.items()}
    return [_replaced(v, rest, new) if i == head else v for i, v in enumerate(value)]


@st.composite
def mutated(draw: st.DrawFn, fmt: str) -> str:
    """A sample of ``fmt`` broken the ways real files break."""
    text = SAMPLES[fmt]
    how = draw(st.sampled_from(["truncate", "splice", "repeat", "random", "types", "nest"]))
    if how == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    if how == "splice":
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(any_text) + text[at:]
    if how == "repeat":
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 400)))
        return text[:b] + text[a:b] * draw(st.integers(1, 3)) + text[b:]
    if how == "random":
        return draw(any_text)
    if fmt in ("telegram-export-json", "telegram-client-json", "tass-records", "html-fragments"):
        lines = fmt == "html-fragments"
        value = [json.loads(line) for line in text.splitlines()] if lines else json.loads(text)
        if how == "types":
            place = draw(st.sampled_from(_places(value)))
            value = _replaced(value, place, draw(st.sampled_from(JUNK)))
            if lines and isinstance(value, list):
                return "\n".join(json.dumps(v) for v in value)
            return json.dumps(value)
        depth = draw(st.sampled_from([10, 900, 5000]))
        return "[" * depth + json.dumps(value) + "]" * depth
    depth = draw(st.sampled_from([10, 1500]))
    return "<div>" * depth + text + "</div>" * depth


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
@given(data=st.data())
def test_only_parse_errors_escape(fmt: str, data: st.DataObject) -> None:
    """Whatever the input, parse_as raises only ParseError; what parses keeps every invariant."""
    text = data.draw(mutated(fmt))
    try:
        parsed = mfaparse.parse_as(text, fmt)
    except ParseError:
        return
    check_parsed(parsed)


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
@given(data=st.data())
def test_detect_answers_or_says_why(fmt: str, data: st.DataObject) -> None:
    """detect() and parse() on a broken sample: a format, or a ParseError, nothing else."""
    text = data.draw(mutated(fmt))
    try:
        found = mfaparse.detect(text)
        parsed = mfaparse.parse(text)
    except ParseError:
        return
    assert parsed.format == found
    check_parsed(parsed)


def _other_work() -> None:
    """Parses with other options, run between two parses of the same input."""
    mfaparse.parse_tass(SAMPLES["tass-text"], reference_date=dt.date(2020, 1, 1))
    mfaparse.clean_text("🎙 #ASEAN «x»", CleanOptions(emoji="keep", hashtags="remove", flatten_quotes=True))
    mfaparse.dedup_blocks("a b c d e f g\nh\na b c d e f g\nh", DedupOptions(min_chars=1, min_lines=1))
    mfaparse.parse(SAMPLES["telegram-web-html"])
    list(mfaparse.read(pathlib.Path(__file__).parent / "fixtures" / "seeds"))


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_deterministic_with_other_parses_between(fmt: str) -> None:
    """The same input gives the same records before and after other parses with other options."""
    before = mfaparse.parse_as(SAMPLES[fmt], fmt)
    _other_work()
    after = mfaparse.parse_as(SAMPLES[fmt], fmt)
    assert after == before
    assert [mfaparse.to_jsonl(r) for r in after.records] == [mfaparse.to_jsonl(r) for r in before.records]


@pytest.mark.parametrize("fmt", sorted(SAMPLES))
def test_the_memos_of_line_facts_change_nothing(fmt: str) -> None:
    """Parsed with every memo of line facts full (of this and other inputs) and then empty: the same records."""
    _other_work()
    warm = mfaparse.parse_as(SAMPLES[fmt], fmt)
    clear_memos()
    assert mfaparse.parse_as(SAMPLES[fmt], fmt) == warm


@given(telegram_like, telegram_like)
def test_the_memos_change_nothing_on_random_dumps(first: str, second: str) -> None:
    dump = f"Forwarded from A\n{first}\n{second}\n\nForwarded from B\n{second}\n{first}"
    warm = mfaparse.parse_telegram(dump)
    clear_memos()
    assert mfaparse.parse_telegram(dump) == warm


@given(data=st.data())
def test_read_yields_only_records_and_failures(data: st.DataObject) -> None:
    """read() over files of broken samples (any format, any suffix): Posts, Articles and ReadFailures only."""
    with tempfile.TemporaryDirectory() as folder:
        for n in range(3):
            fmt = data.draw(st.sampled_from(sorted(SAMPLES)))
            suffix = data.draw(st.sampled_from([".txt", ".json", ".jsonl", ".html"]))
            (pathlib.Path(folder) / f"{n}{suffix}").write_text(data.draw(mutated(fmt)), encoding="utf-8")
        for record in mfaparse.read(folder):
            assert isinstance(record, (mfaparse.Post, mfaparse.Article, ReadFailure))
            if isinstance(record, ReadFailure):
                assert record.path.startswith(folder)
                assert record.reason
