"""clean_text(): the NLP view and its options."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import example, given

from mfaparse import CleanOptions, clean_text, find_emoji, find_hashtags
from tests.conftest import seed_text
from tests.strategies import any_text, clean_options


def test_default_view() -> None:
    """Emoji stripped, keycaps to digits, hashtags unwrapped, tag-only lines dropped."""
    text = "🎙 Lavrov at #ASEAN 🇷🇺\n#RussiaIndia #DruzhbaDosti\n8️⃣0️⃣ years  ago"
    assert clean_text(text) == "Lavrov at ASEAN\n80 years ago"


def test_options() -> None:
    """Each option changes only what it names."""
    text = "“Hi” — 🎙 #ASEAN\n#Tag"
    assert clean_text(text, CleanOptions(emoji="keep")) == "“Hi” — 🎙 ASEAN"
    assert clean_text(text, CleanOptions(hashtags="keep", drop_hashtag_lines=False)) == "“Hi” — #ASEAN\n#Tag"
    assert clean_text(text, CleanOptions(hashtags="remove")) == "“Hi” —"
    flat = attrs.evolve(CleanOptions(), flatten_quotes=True)
    assert clean_text(text, flat) == '"Hi" - ASEAN'


def test_seed_has_no_emoji_or_tags_left() -> None:
    """On a real dump, the view holds no emoji and no hashtag."""
    out = clean_text(seed_text("002"))
    assert not find_emoji(out)
    assert not find_hashtags(out)
    assert "80 years" not in out  # no keycaps in this seed; the check below is about digits kept
    assert "7,000 participants" in out


def test_type_errors() -> None:
    """Wrong input or options types are TypeErrors."""
    with pytest.raises(TypeError):
        clean_text(1)  # type: ignore[arg-type]  # wrong type on purpose
    with pytest.raises(TypeError):
        clean_text("x", {"emoji": "keep"})  # type: ignore[arg-type]  # wrong type on purpose


@given(any_text, clean_options)
@example("#\ufe0f\u200da", CleanOptions())  # stripping the emoji left "#\u200da", the repair made it the tag "#a"
@example("#\ufe0f\u200da", CleanOptions(hashtags="remove"))
def test_idempotent(text: str, options: CleanOptions) -> None:
    """Cleaning twice is cleaning once, with any options."""
    once = clean_text(text, options)
    assert clean_text(once, options) == once
