"""The optional native core against its pure-Python reference: the same runs, the same answers, the same
records — on random lines and on every seed and corpus file. The suite runs whole both ways too (the README's
test command: once with the core, once with ``MFAPARSE_NATIVE=0``)."""

from __future__ import annotations

import gc
import os
import pathlib
import pickle
import re
import sys
import types
import weakref
from collections.abc import Callable
from typing import Any

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

import mfaparse
from mfaparse import _native
from mfaparse._lines import rules, vocab
from mfaparse._lines.memo import FactMemo
from mfaparse._model import build
from mfaparse._text import dedup, emoji, entities, normalize
from mfaparse.tass import quotes
from tests.conftest import CORPUS, SEEDS
from tests.harness import Plain, arguments, seed_records
from tests.strategies import telegram_like

core = pytest.importorskip("mfaparse_native._core", reason="the native core is not installed: pip install ./native")

_PIECES = ["A line of the post, long enough", "B line of the post, long enough", "A line of the post…",
           "A line of the post, long...", "Read in full", "<...>", "", "  ", "C", "D", "🔹 C", "C \u2003",
           "\u00a0…"]  # fmt: skip
# Few distinct lines, so that runs repeat, overlap and tie (the longest run and the first of equal ones matter).
lines_of = st.one_of(
    st.lists(st.one_of(st.sampled_from(_PIECES), telegram_like), max_size=40),
    st.lists(st.sampled_from(["C", "D", "", "A line of the post…", "A line of the post, long enough"]), max_size=40),
)
options = st.builds(
    dedup.DedupOptions,
    min_chars=st.integers(1, 40),
    min_lines=st.integers(1, 4),
    max_candidates=st.integers(1, 8),
    min_truncated_chars=st.integers(1, 20),
)


@given(lines_of, options)
@example(["C"] * 6, dedup.DedupOptions(min_chars=5, min_lines=2))  # a tie: the first of two equal runs counts
def test_find_runs_and_may_repeat_are_the_reference(lines: list[str], opts: dedup.DedupOptions) -> None:
    keys = dedup.line_keys(lines)
    marks = dedup.markers(lines, keys)
    reference = dedup._find_runs_python(lines, keys, marks, opts)
    native = core.find_runs(lines, keys, marks, vocab.TRUNCATION, opts.min_chars, opts.min_lines,
                            opts.max_candidates, opts.min_truncated_chars)  # fmt: skip
    assert native == [(r.start, r.length, r.source) for r in reference]
    assert core.may_repeat(lines, keys, marks, vocab.TRUNCATION) is dedup._may_repeat_python(lines, keys, marks)


@given(st.lists(st.text(max_size=20), max_size=30), st.integers(0, 2**40))
def test_line_starts_are_the_reference(texts: list[str], base: int) -> None:
    assert core.line_starts(texts, base) == rules.line_starts(texts, base)


_SPACES = st.sampled_from([" ", "\t", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "\u200b", "\ufeff", "a", "Ж", "🙂"])


@given(st.lists(st.one_of(st.text(max_size=20), st.lists(_SPACES, max_size=6).map("".join)), max_size=30))
def test_stripped_lines_are_the_reference(texts: list[str]) -> None:
    found = core.stripped(tuple(texts))
    assert found == rules.stripped(texts)
    assert all((a is b) is (a == b) for a, b in zip(found, texts, strict=True))  # unchanged lines are themselves


_WORD_PIECES = ["minister", "Minister", "ministers", "minister_", "aide", "aides", "spokes", "spokesman", "a", "",
                "министр", "министра", "٣", "x"]  # fmt: skip
words_of = st.lists(st.sampled_from(_WORD_PIECES), max_size=6)
text_of = st.lists(st.sampled_from([*_WORD_PIECES, " ", ",", "_", "1", "é", "\u0301", "’", "\n"]), max_size=30).map(
    "".join
)


@given(text_of, words_of)
@example("the minister, the Minister", ["minister", "Minister"])
@example("spokesman", ["spokes", "spokesman", "spokesman"])  # the longest at one place; a word given twice
@example("a a", ["", "a"])  # the empty word stands between two non-word characters only
@example("", ["", ""])  # the reference takes each copy of the empty word at one place
def test_occurrences_are_the_reference(text: str, words: list[str]) -> None:
    assert core.occurrences(text, words) == quotes._occurrences_python(text, words)
    assert core.occurrences(text, set(words)) == quotes._occurrences_python(text, set(words))  # a set's order


@given(text_of, words_of)
@example("Ministers xMinister Замминистра, _Minister", ["Minister", "министр", "министра"])
@example("a a", ["", "a"])  # the empty word begins at every word start, the text's end among them
def test_word_starts_are_the_reference(text: str, words: list[str]) -> None:
    assert core.word_starts(text, words) == quotes._word_starts_python(text, words)
    assert core.word_starts(text, set(words)) == quotes._word_starts_python(text, words)


def test_the_core_refuses_what_the_reference_never_passes() -> None:
    with pytest.raises(TypeError):
        core.find_runs(["a"], [1], [False], ("…",), 1, 1, 1, 1)
    with pytest.raises(ValueError, match="one length"):
        core.may_repeat(["a", "b"], ["a"], [False], ("…",))
    with pytest.raises(TypeError):
        core.line_starts(["a", None], 0)
    with pytest.raises(TypeError):
        core.line_starts("ab", 0)
    with pytest.raises(TypeError):
        core.occurrences("a", ["a", 1])
    with pytest.raises(TypeError):
        core.occurrences(b"a", ["a"])
    with pytest.raises(TypeError):
        core.word_starts("a", ["a", None])
    with pytest.raises(TypeError):
        core.word_starts("a", 1)


@given(st.one_of(telegram_like, st.text(alphabet=st.sampled_from("#_a1 \u200c\ufe0f\u20e3é\u0301٣Жx#.")), st.text()))
@example("#RussiaIndia #МИД_России a#b ##x #123 #_1a #भारत C# #\u200cx #a\ufe0fb")
def test_hashtag_spans_are_the_reference(text: str) -> None:
    assert core.hashtag_spans(text) == entities._hashtag_spans_python(text)


@given(st.one_of(telegram_like, st.text(alphabet=st.sampled_from(" \t\na\u00e9\u0416\U0001f642\r")), st.text()))
@example("a \t\nb  \n\t\n  c \t")
@example("\U0001f642 \n" * 3)
def test_strip_line_ends_is_the_reference(text: str) -> None:
    stripped = core.strip_line_ends(text)
    assert stripped == normalize._strip_line_ends_python(text)
    assert (stripped is text) is (stripped == text)  # unchanged text comes back itself


_PREFILTERS = (*normalize._REPAIR_PREFILTERS, *normalize._MOJIBAKE_PREFILTERS, normalize._KOI8_HINT)
_MOJIBAKE_PIECES = [
    "Р",
    "С",
    "Ñ",
    "Ã",
    "©",
    "\xa0",
    "\u200d",
    "\x85",
    "\ufeff",
    "а",
    "П",
    "Ј",
    "x",
    "\n",
    "🙂",
    "\ud800",
]


@given(
    st.one_of(st.lists(st.sampled_from(_MOJIBAKE_PIECES), max_size=30).map("".join), telegram_like, st.text()),
    st.integers(-2, 40),
    st.sampled_from(range(len(_PREFILTERS))),
)
def test_prefilter_scans_are_the_reference(text: str, pos: int, which: int) -> None:
    prefilter = _PREFILTERS[which]
    found = prefilter.pattern.search(text, max(pos, 0))
    firsts, seconds = prefilter._expand()
    assert core.find_pair(text, pos, firsts, seconds) == (found.start() if found else -1)


@given(
    st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), min_size=1, max_size=40),
    st.lists(st.sampled_from(_MOJIBAKE_PIECES), max_size=30).map("".join),
)
def test_prefilter_tables_kept_between_calls_stay_right(order: list[tuple[int, int]], text: str) -> None:
    """The core keeps the bit tables of the last classes it was given (by the str object): twelve classes, more
    than it keeps, asked for in any order as firsts and seconds, a class it refuses among them, give what
    ``re`` finds every time."""
    bodies = ["a-z", "А-Я", "а-яЈі", "\xc2-\xf4", "РС", "\x80-\xbf", "\n", "x", "П", "\ufeff", "\u200b-\u200d", ""]
    classes = [normalize._class_chars(body) for body in bodies]
    for first, second in order:
        if not bodies[first]:
            with pytest.raises(ValueError, match="Basic Multilingual Plane"):
                core.find_pair(text, 0, classes[first] + "🙂", classes[second])
            continue
        pattern = re.compile(f"[{bodies[first]}]" + (f"[{bodies[second]}]" if bodies[second] else ""))
        found = pattern.search(text)
        assert core.find_pair(text, 0, classes[first], classes[second]) == (found.start() if found else -1)


def test_prefilter_classes_are_the_characters_re_reads_in_them() -> None:
    """Each prefilter class's characters, as the core gets them, are those ``re`` matches with the class, every
    one of the Basic Multilingual Plane (the core's scan takes no others, and none lies above)."""
    plane, above = "".join(map(chr, range(0x10000))), "".join(map(chr, range(0x10000, 0x110000)))
    for prefilter in _PREFILTERS:
        for body, chars in zip((prefilter.first, prefilter.second), prefilter._expand(), strict=True):
            assert set(chars) == (set(re.findall(f"[{body}]", plane)) if body else set())
            assert not body or not re.search(f"[{body}]", above)
    with pytest.raises(ValueError, match="Basic Multilingual Plane"):
        core.find_pair("x", 0, "🙂", "")


def test_the_core_tables_classify_every_code_point_as_the_patterns_do() -> None:
    """Each code point's two bits, read back through the core's scan: ``#x`` + c is a three-character hashtag
    exactly when c is a word character, and ``#_`` + c one at all exactly when c is also a letter."""
    every = "".join(map(chr, range(0x110000)))
    word = {m.start() for m in regex.compile(entities._TAG_CHAR, flags=regex.V1).finditer(every)}
    letter = {m.start() for m in entities._HAS_LETTER.finditer(every)}
    through = core.hashtag_spans("".join(f"#x{chr(c)}\n" for c in range(0x110000)))
    assert {start // 4 for start, end in through if end - start == 3} == word
    through = core.hashtag_spans("".join(f"#_{chr(c)}\n" for c in range(0x110000)))
    assert {start // 4 for start, _ in through} == word & letter
    assert _native.tables_agree(_HASHTAG_CLASSES, core=core)


_EMOJI_PIECES = [
    "\u200d",
    "\ufe0f",
    "\u20e3",
    "🇷",
    "🇺",
    "#",
    "*",
    "8",
    "©",
    "®",
    "™",
    "🏽",
    "👨",
    "🙂",
    "🔹",
    "\U000e0067",
    "\U000e007f",
    "🏴",
    "a",
    "क",
    "\u0301",
    "\u200c",
    " ",
    "\t",
    "\n",
    ",",
    ".",
    "‼",
    "x",
]
emoji_like = st.one_of(
    st.lists(st.sampled_from(_EMOJI_PIECES), max_size=40).map("".join), telegram_like, st.text(max_size=60)
)


@given(emoji_like)
@example("🔹 Talks 🇷🇺 , done 8️⃣ x 👨\u200d👩\u200d👧 a\u200d\ufe0f ©️ © क\u200d🙂 \u200d\u200d🙂 🏴\U000e0067\U000e007f")
def test_emoji_clusters_are_the_reference(text: str) -> None:
    assert core.emoji_clusters(text) == list(emoji._clusters_python(text))


@given(emoji_like, st.booleans(), st.booleans())
@example("a 🔹 , b 🔹\n 🔹 🔹  c 8️⃣ d", True, True)
def test_strip_emoji_is_the_reference(text: str, keycaps: bool, tidy: bool) -> None:
    stripped = core.strip_emoji(text, keycaps, tidy, emoji._PUNCT_AFTER_TEXT)
    assert stripped == emoji._strip_emoji_python(text, keycaps=keycaps, tidy=tidy)


def test_the_core_emoji_tables_classify_every_code_point_as_the_patterns_do() -> None:
    """Each code point's bits, read back through the core's cluster scan (a probe per class: c twice is a flag
    exactly when c is a regional indicator; c alone an emoji exactly when it is a base; 🙂 + c one cluster of two
    exactly when c extends it, or is a ZWJ; c + ZWJ + 🙂 starts its cluster at the 🙂 exactly when c is a letter
    or mark — for the c no other class makes a cluster of)."""
    every = "".join(map(chr, range(0x110000)))

    def members(pattern: str) -> set[int]:
        return {m.start() for m in regex.compile(pattern, flags=regex.V1).finditer(every)}

    ri, base, extend, letter_or_mark = (members(emoji._RI), members(emoji.BASE_CHAR), members(emoji._EXTEND),
                                        members(emoji.LETTER_OR_MARK))  # fmt: skip
    codes = range(0x110000)
    flags = core.emoji_clusters("".join(f"{chr(c)}{chr(c)}\n" for c in codes))
    assert {start // 3 for start, end, alternative in flags if alternative == 0} == ri
    alone = core.emoji_clusters("\n".join(map(chr, codes)))
    assert {start // 2 for start, end, alternative in alone if alternative == 2 and end - start == 1} == base
    after = core.emoji_clusters("".join(f"🙂{chr(c)}\n" for c in codes))
    assert {start // 3 for start, end, _ in after if end - start == 2} == extend | {0x200D}
    clustering = ri | base | extend | {ord(c) for c in "\u200d\ufe0f\u20e3#*0123456789\n"}
    plain = [c for c in codes if c not in clustering]
    probes = core.emoji_clusters("".join(f"{chr(c)}\u200d🙂\n" for c in plain))
    starts = {start for start, _, _ in probes}
    assert {c for k, c in enumerate(plain) if 4 * k + 2 in starts} == letter_or_mark & set(plain)
    assert {c for k, c in enumerate(plain) if 4 * k + 1 in starts} == set(plain) - letter_or_mark


_ZERO_WIDTH_PIECES = ["\u200b", "\u2060", "\ufeff", "\u00ad", "\u200c", "\u200d", "\ufe0f", "a", "ب", "क्", "\u0301",
                      "🙂", "🏽", "©", "®", "™", "#", " ", "\n", "1", "\ud800", "𝔸"]  # fmt: skip


@given(st.one_of(st.lists(st.sampled_from(_ZERO_WIDTH_PIECES), max_size=24).map("".join), emoji_like, st.text()))
@example("\u200d\ufe0f" * 5)
@example("a\u200db \u200d x\u200b\ufe0f\u200d🙂©\u200d®\u200c")
def test_strip_zero_width_is_the_pattern(text: str) -> None:
    stripped = core.strip_zero_width(text)
    assert stripped == normalize._ZERO_WIDTH.sub("", text)
    assert stripped is text or len(stripped) < len(text)


def test_zero_width_neighbours_are_the_tables_classes() -> None:
    """The characters _ZERO_WIDTH lets a joiner stand between are the core's letters-or-marks and emoji bases
    with ©, ® and ™: every code point, through the core's scan (x + ZWJ + x keeps its ZWJ exactly then)."""
    neighbour = regex.compile(r"[\p{L}\p{M}\p{Extended_Pictographic}\p{EMod}]")
    every = "".join(map(chr, range(0x110000)))
    members = {m.start() for m in neighbour.finditer(every)}
    probes = core.strip_zero_width("".join(f"{chr(c)}\u200d{chr(c)}\n" for c in range(0x110000)))
    kept = {ord(line[0]) for line in probes.split("\n") if len(line) == 3}
    assert kept == members - {0x0A}
    assert normalize._CORE_ZERO_WIDTH is _native.active()


def _memo_run(
    batches: list[list[str]], native: object
) -> tuple[list[list[object]], list[list[str]], dict[str, object]]:
    """What a small memo gives for the batches in turn, what it computed, and what it holds after, run with the
    given core (None: pure Python)."""
    saved, _native.CORE = _native.CORE, native  # type: ignore[assignment]  # the path under test
    try:
        memo: FactMemo[object] = FactMemo(size=5, longest=3)
        asked: list[list[str]] = []

        def compute(todo: list[str]) -> list[object]:
            asked.append(list(todo))
            return [None if not t else len(t) for t in todo]  # None is a fact too

        got = [memo.facts(tuple(b) if k % 2 else b, compute) for k, b in enumerate(batches)]
        return got, asked, dict(memo._known)
    finally:
        _native.CORE = saved


@given(st.lists(st.lists(st.sampled_from(["", "a", "bb", "ccc", "dddd", "a", "bb"]), max_size=8), max_size=6))
def test_the_memo_lookups_are_the_reference(batches: list[list[str]]) -> None:
    """A FactMemo with the core's lookups gives, computes and keeps what the pure-Python one does (misses asked
    once each, in order, None facts, a full memo starting again, long texts not kept)."""
    assert _memo_run(batches, core) == _memo_run(batches, None)


def test_the_memo_lookups_refuse_what_they_cannot_read() -> None:
    with pytest.raises(TypeError, match="tuple or list"):
        core.known_facts(iter(["a"]), {}, None)
    with pytest.raises(ValueError, match="differ in length"):
        core.fill_facts([None], ("a", "b"), {}, None)
    with pytest.raises(KeyError):
        core.fill_facts([None], ("a",), {}, None)
    with pytest.raises(TypeError):
        core.known_facts(["a"], ["not a dict"], None)


_HASHTAG_CLASSES = {"tag_char": entities._TAG_CHAR, "letter": entities._HAS_LETTER.pattern}
_EMOJI_CLASSES = {
    "extend": emoji._EXTEND,
    "base": emoji.BASE_CHAR,
    "letter_or_mark": emoji.LETTER_OR_MARK,
    "ri": emoji._RI,
}


def test_core_tables_of_another_regex_or_class_are_not_used() -> None:
    other = types.SimpleNamespace(TABLES_REGEX_VERSION="2000.1.1", TABLES=core.TABLES)
    with pytest.warns(RuntimeWarning, match="rebuild it"):
        assert not _native.tables_agree(_HASHTAG_CLASSES, core=other)  # type: ignore[arg-type]  # a stand-in
    assert _native.tables_agree(_HASHTAG_CLASSES | _EMOJI_CLASSES, core=core)
    assert emoji._CORE_SCANS is entities._CORE_SCANS is _native.active()
    with pytest.warns(RuntimeWarning, match="rebuild it"):
        assert not _native.tables_agree({"tag_char": "[a-z]"}, core=core)
    with pytest.warns(RuntimeWarning, match="rebuild it"):
        assert not _native.tables_agree({"a table the core lacks": "x"}, core=core)


def _core_maker(cls: type[object]) -> Callable[..., Any]:
    """The core's maker of ``cls``, trusted (as the hot paths ask for the classes with checks)."""
    made: Callable[..., Any] = core.maker(cls, *build.fields_of(cls, trusted=True), build.REQUIRED)
    return made


def test_the_core_maker_builds_what_the_reference_builds_for_every_class_of_the_seeds() -> None:
    records = seed_records()
    makers = {cls: _core_maker(cls) for cls in {type(r) for r in records}}
    for record in records:
        cls = type(record)
        reference = build.python_maker(cls, trusted=True)
        made = makers[cls](**arguments(record))
        assert type(made) is cls
        assert made == reference(**arguments(record)) == record
        assert made.to_dict() == record.to_dict()
        assert pickle.loads(pickle.dumps(made)) == record  # noqa: S301  # our own bytes; Dask and the workers pickle records
        assert makers[cls](*arguments(record).values()) == record


def _outcome(make: Callable[..., Any], args: list[object], kwargs: dict[str, object]) -> object:
    try:
        return make(*args, **kwargs)
    except TypeError as error:
        return str(error)


@given(
    st.lists(st.integers(), max_size=5),
    st.dictionaries(st.sampled_from(["a", "b", "c", "hidden", "_hidden", "d"]), st.integers(), max_size=5),
)
def test_the_core_maker_takes_and_refuses_what_the_reference_does(
    args: list[object], kwargs: dict[str, object]
) -> None:
    assert _outcome(_core_maker(Plain), args, kwargs) == _outcome(build.python_maker(Plain), args, kwargs)


def test_the_core_maker_owns_its_references() -> None:
    value = "a value of its own " * 3
    before = sys.getrefcount(value)
    made = [_core_maker(Plain)(a=value, c=()) for _ in range(100)]
    assert sys.getrefcount(value) == before + 100
    del made
    gc.collect()
    assert sys.getrefcount(value) == before


def test_core_records_of_untracked_values_are_left_out_of_the_cyclic_gc() -> None:
    make = _core_maker(Plain)
    assert not gc.is_tracked(make(a=1, c=()))
    inner = make(a="x", c=(1, "y", None))
    assert not gc.is_tracked(inner)
    assert not gc.is_tracked(make(a=inner, c=(inner,)))  # records of such records, and tuples of them
    built = tuple([1, "x"])  # noqa: C409  # built at run time: tracked until a collection looks at it
    assert gc.is_tracked(built)
    assert not gc.is_tracked(make(a=1, c=built))
    assert not gc.is_tracked(built)  # untracked on the way, as the collector itself would
    assert gc.is_tracked(make(a=[], c=()))  # a list can come to hold anything
    assert gc.is_tracked(make(a=1, c=([],)))


def test_the_collector_still_frees_a_cycle_through_a_core_record() -> None:
    make = _core_maker(Plain)
    holder: list[object] = []
    record = make(a=holder, c=())
    holder.append(record)
    gone = weakref.ref(record)
    del holder, record
    gc.collect()
    assert gone() is None


def test_the_core_refuses_a_maker_for_what_is_no_object_slot() -> None:
    required = build.REQUIRED
    with pytest.raises(TypeError, match="is not a slot"):
        core.maker(mfaparse.Span, ("slice",), ("slice",), (required,), required)  # a method
    with pytest.raises(TypeError, match="not a writable object slot"):
        core.maker(slice, ("start",), ("start",), (required,), required)  # a read-only member
    with pytest.raises(AttributeError):
        core.maker(mfaparse.Span, ("nothing",), ("nothing",), (required,), required)
    with pytest.raises(ValueError, match="one length"):
        core.maker(mfaparse.Span, ("start", "end"), ("start",), (required, required), required)
    with pytest.raises(ValueError, match="distinct"):
        core.maker(mfaparse.Span, ("start", "start"), ("a", "b"), (required, required), required)
    with pytest.raises(TypeError):
        core.maker("Span", ("start",), ("start",), (required,), required)
    assert repr(_core_maker(mfaparse.Span)) == "<maker of Span>"


def test_a_core_older_than_the_package_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """A build of an older checkout (a function missing) is left alone, with a warning that says to reinstall."""
    import mfaparse_native  # noqa: PLC0415  # installed: the module-level importorskip passed

    stale = types.SimpleNamespace(**{name: getattr(core, name) for name in _native.FUNCTIONS[:-1]})
    monkeypatch.setattr(mfaparse_native, "_core", stale)
    monkeypatch.setenv("MFAPARSE_NATIVE", "1")
    with pytest.warns(RuntimeWarning, match="reinstall it"):
        assert _native.load() is None
    monkeypatch.setattr(mfaparse_native, "_core", core)
    assert _native.load() is core


def _inputs() -> list[pathlib.Path]:
    """The seeds, and the corpus's files where the corpus is beside the checkout."""
    files = sorted(SEEDS.glob("*.txt"))
    if CORPUS.is_dir():
        files += sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".md")
    return [p for p in files if p.name not in ("index.tsv",)]


def test_every_seed_and_corpus_file_gives_the_same_records_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _inputs()
    assert len(paths) > (40 if CORPUS.is_dir() else 4)
    monkeypatch.setattr(_native, "CORE", core)
    with_core = [r.to_dict() for r in mfaparse.read(paths)]
    monkeypatch.setattr(_native, "CORE", None)
    without = [r.to_dict() for r in mfaparse.read(paths)]
    assert with_core == without
    assert any(r.get("removed") for r in with_core)  # dedup and debris did run


def test_the_core_is_in_use_unless_switched_off() -> None:
    assert _native.active() is (os.environ.get("MFAPARSE_NATIVE", "1").strip() != "0")
