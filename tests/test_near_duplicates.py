"""dedup_posts: exact and near-duplicate posts across a corpus."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mfaparse import NearDupOptions, dedup_posts, strip_emoji, text_fingerprint
from mfaparse._text.near_duplicates import MinHasher, similarity
from tests.conftest import seed_text

POST = (
    "🎙 Foreign Minister Sergey Lavrov’s remarks following the 21st annual session of the "
    "Valdai International Discussion Club (Sochi, November 6, 2024)\n💬 I was invited to discuss "
    "the issue of Eurasian security at the regular annual session of the Valdai International "
    "Discussion Club, a matter of great urgency. President Vladimir Putin, in his address at "
    "the Russian Foreign Ministry on June 14 this year, outlined the goal of fostering "
    "cooperation among the diverse countries and associations of the Eurasian continent. #EAEU "
    "#SCO"
)
OTHER = (
    "🗓 The 8th Eastern Economic Forum 2023 is already in full swing - it takes place on 10–13 "
    "September 2023 in Vladivostok. More than 120 business events are planned, which are "
    "traditionally held in the format of panel sessions, round tables, TV debates, business "
    "breakfasts and business dialogues."
)


def test_emoji_stripped_and_word_changed_group_together() -> None:
    """A post and the same post with emoji stripped and a word changed are near-duplicates; others are not."""
    variant = strip_emoji(POST).replace("urgency", "importance")
    groups = dedup_posts([POST, OTHER, variant])
    assert [(g.kind, g.representative, g.members) for g in groups] == [("near", 0, (0, 2))]


def test_exact_duplicates_by_normalised_text() -> None:
    """Case, emoji, hashtag signs and punctuation do not make posts differ."""
    groups = dedup_posts([POST, OTHER, POST.upper().replace("#", ""), OTHER])
    assert [(g.kind, g.members) for g in groups] == [("exact", (0, 2)), ("exact", (1, 3))]


def test_unrelated_seed_posts_do_not_group() -> None:
    """The distinct posts of seed 002 form no groups."""
    posts = seed_text("002").split("Forwarded from")
    assert dedup_posts([p for p in posts if p.strip()]) == ()


def test_cyrillic_and_devanagari_words() -> None:
    """Tokens keep Cyrillic letters and Devanagari vowel signs: different words, different fingerprints."""
    assert text_fingerprint("рус") != text_fingerprint("рас")
    assert text_fingerprint("रूसी विदेश") != text_fingerprint("रसी विदेश")
    sig = MinHasher(NearDupOptions()).signature
    assert similarity(sig("Москва Россия МИД заявление сегодня"), sig("Москва Россия МИД заявление сегодня!")) == 1.0


def test_records_with_text_are_accepted() -> None:
    """Anything with a str ``.text`` is a post; other things are TypeErrors."""

    class Rec:
        def __init__(self, text: str) -> None:
            self.text = text

    assert [g.members for g in dedup_posts([Rec(POST), Rec(POST)])] == [(0, 1)]
    with pytest.raises(TypeError):
        dedup_posts([1, 2])


def test_options_validation() -> None:
    """Impossible options are refused."""
    with pytest.raises(ValueError, match="threshold"):
        NearDupOptions(threshold=0)
    with pytest.raises(ValueError, match="multiple"):
        NearDupOptions(num_perm=100, bands=16)


def test_signatures_stable_across_processes() -> None:
    """Signatures and fingerprints do not depend on Python's per-process hash seed."""
    code = (
        "from mfaparse._text.near_duplicates import MinHasher, NearDupOptions, text_fingerprint;"
        "import sys; t = sys.argv[1];"
        "print(text_fingerprint(t), hash(MinHasher(NearDupOptions()).signature(t)) % 1000003)"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code, POST],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_densify_matches_the_plain_loop() -> None:
    """Empty bins take the next filled bin's value (circularly), mixed with the distance, marked as borrowed."""
    from mfaparse._text.near_duplicates import _borrowed, _densify  # noqa: PLC0415  # private helper under test

    for mins in ({0: 5, 3: 7}, {1: 3}, {0: 1, 1: 2, 2: 3}, {2: 9}, {4: 1}, {0: 8}):
        n = 5 if len(mins) < 3 else 3
        expected = []
        for i in range(n):
            f = next(j for j in range(i, i + n) if j % n in mins)
            expected.append(mins[i] if i in mins else _borrowed(mins[f % n], f - i))
        assert list(_densify(mins, n)) == expected
        assert all(1 << 62 <= v < 1 << 63 for i, v in enumerate(expected) if i not in mins)


@given(st.text(max_size=300))
def test_signature_has_one_value_per_bin(text: str) -> None:
    """Whatever the text, a signature has num_perm values, and the same text gives the same signature."""
    hasher = MinHasher(NearDupOptions(num_perm=32, bands=4))
    assert len(hasher.signature(text)) == 32
    assert hasher.signature(text) == hasher.signature(text)
