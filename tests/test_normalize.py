"""normalize(): mojibake, code pages, entities, whitespace — and the author's typography kept."""

from __future__ import annotations

import pathlib

import ftfy
import ftfy.bad_codecs  # registers "sloppy-windows-1252" for the injection below
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mfaparse import fix_mojibake, normalize
from mfaparse._text.normalize import FTFY_CONFIG
from tests.strategies import any_text


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Moscowâ€™s position", "Moscow’s position"),
        ("Ð¡ÐµÑ€Ð³ÐµÐ¹ Ð›Ð°Ð²Ñ€Ð¾Ð²", "Сергей Лавров"),
        ("cafÃ©", "café"),
        ("Ìîñêâà, 13 îêòÿáðÿ. /ÒÀÑÑ/.", "Москва, 13 октября. /ТАСС/."),
        ("Ñåðãåé Ëàâðîâ", "Сергей Лавров"),
        (
            "Москва, 13 октября. ТАСС сообщает".encode("koi8-r").decode("cp1251"),  # нПУЛЧБ, 13 ПЛФСВТС...
            "Москва, 13 октября. ТАСС сообщает",
        ),
        ("&quot;Tass&quot; &amp;amp; &#171;RIA&#187; &mdash; x", '"Tass" & «RIA» — x'),
        ("line\r\nnext\rlast\u2028end", "line\nnext\nlast\nend"),
        ("a\u00a0b\u202fc  \nd \t", "a b c\nd"),
        ("zero\u200bwidth\u2060 soft\u00adhyphen\ufeff", "zerowidth softhyphen"),
    ],
)
def test_repairs(broken: str, fixed: str) -> None:
    """Each kind of damage is repaired."""
    assert normalize(broken) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "“Indo-Pacific strategies” — «strategic defeat» – ‘victory’",
        "© Информационное агентство ТАСС ® ™",
        "Déjà vu à São Paulo: l’été où Françoise a vu Noël",
        "Größere Straße, Öl und Ärger über Übermaß",
        "El niño español comió piñata en Logroño, ¿sí? ¡Olé!",
        "Ça été très réussi — Citroën, naïve, œuvre",
        "रूसी विदेश मंत्री क्\u200dष सर्गे लवरोव",
        "می\u200cخواهم — Persian ZWNJ",
        "👨\u200d👩\u200d👧 family and 🏳️\u200d🌈",
        "МОСКВА, 13 октября. /ТАСС/. Министр иностранных дел России Сергей Лавров",
        "РИМ, 3 декабря. /Корр. ТАСС Вера Щербакова/. Ё-моё, ёлка",
        "Київ і Львів — це міста України",
        "AT&T and &copy without semicolon, &notice",
        "<...> elisions and C# code",
    ],
)
def test_keeps_real_text(text: str) -> None:
    """Real text of every script, typography included, comes back unchanged."""
    assert normalize(text) == text


def test_real_corpus_text_is_kept(corpus: pathlib.Path) -> None:
    """The real page texts of the corpus change only in spaces (NBSP, trailing)."""
    for path in sorted(corpus.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        expected = "\n".join(line.replace("\u00a0", " ").rstrip(" \t") for line in text.split("\n"))
        assert normalize(text).replace("\u200b", "") == expected.replace("\u200b", ""), path.name


def test_type_errors() -> None:
    """bytes get a helpful TypeError, other types a plain one."""
    with pytest.raises(TypeError, match="decode"):
        normalize(b"text")  # type: ignore[arg-type]  # wrong type on purpose
    with pytest.raises(TypeError, match="int"):
        normalize(3)  # type: ignore[arg-type]  # wrong type on purpose


@given(any_text)
def test_never_raises_and_is_idempotent(text: str) -> None:
    """Any str gives a str, and a second pass changes nothing."""
    once = normalize(text)
    assert normalize(once) == once


words = st.lists(
    st.sampled_from(
        [
            "Moscow’s",
            "café",
            "naïve",
            "Сергей",
            "Лавров",
            "МИД",
            "ёлка",
            "“quoted”",
            "—",
            "2023",
            "Jakarta",
            "€5",
        ]
    ),
    min_size=1,
    max_size=12,
).map(" ".join)


@given(st.lists(st.tuples(words, st.sampled_from(["none", "cp1252", "latin-1"])), min_size=1, max_size=6))
def test_gated_repair_equals_ftfy(parts: list[tuple[str, str]]) -> None:
    """With mojibake injected (UTF-8 read as cp1252/latin-1), the gate gives what ftfy gives on all of it."""
    lines = []
    for words_line, codec in parts:
        if codec == "cp1252":
            lines.append(words_line.encode("utf-8").decode("sloppy-windows-1252"))
        elif codec == "latin-1":
            lines.append(words_line.encode("utf-8").decode("latin-1"))
        else:
            lines.append(words_line)
    text = "\n".join(lines)
    assert fix_mojibake(text) == ftfy.fix_text(text, FTFY_CONFIG)


@given(words)
def test_injected_mojibake_is_repaired(text: str) -> None:
    """A line of real words broken as cp1252 comes back as written."""
    broken = text.encode("utf-8").decode("sloppy-windows-1252")
    assert normalize(broken) == normalize(text)


@given(
    st.lists(
        st.sampled_from(["a", "é", "’", "\ud800", "\u03ff", "\u0400", "Ж", "\u04ff", "\u0500", "🙂"]), max_size=40
    ).map("".join),
    st.sampled_from([0, 511, 512, 513, 1 << 16, (1 << 16) + 600]),
)
def test_the_cyrillic_check_is_the_class_search(tail: str, padding: int) -> None:
    """``_has_cyrillic`` (the core's scan, or the opening then UTF-8 lead bytes chunk by chunk) says what a search
    of U+0400-U+04FF says, wherever in the text the letter stands."""
    import re  # noqa: PLC0415  # the reference class, only here

    from mfaparse import _native  # noqa: PLC0415  # switched off and on below
    from mfaparse._text import normalize as module  # noqa: PLC0415  # private helper under test

    text = "’" * padding + tail
    expected = re.search("[\u0400-\u04ff]", text) is not None
    core = _native.CORE
    try:
        _native.CORE = None
        assert module._has_cyrillic(text) is expected
    finally:
        _native.CORE = core
    assert module._has_cyrillic(text) is expected
