"""Hypothesis strategies shared by the test modules: text shaped like what mfaparse meets."""

from __future__ import annotations

from hypothesis import strategies as st

from mfaparse import CleanOptions

EMOJI = [
    "🇷🇺",
    "🇮🇳",
    "🎙",
    "📍",
    "💬",
    "❓",
    "🔹️",
    "☝️",
    "👉",
    "👨\u200d👩\u200d👧",
    "👍🏽",
    "8️⃣",
    "#️⃣",
    "🤝",
    "❗️",
]
WORDS = [
    "Lavrov",
    "ASEAN",
    "Москва",
    "МИД",
    "России",
    "भारत",
    "क्\u200dष",
    "रूसी",
    "©",
    "®",
    "™",
    "2023",
    "Türkiye",
    "«strategic»",
    "“Indo-Pacific”",
    "—",
    "–",
    "<...>",
    "Read in full",
    "#ASEAN",
    "#МИД_России",
    "@SputnikHindi",
    "C#",
    "#1",
    "a@b.com",
    "https://mid.ru/ru/",
    "t.me/MFARussia",
    "Ìîñêâà",
    "Ã©",
    "&quot;",
    "\u00a0",
    "\u200b",
]

telegram_like = st.lists(
    st.one_of(st.sampled_from(EMOJI), st.sampled_from(WORDS), st.sampled_from([" ", " ", "\n", ", ", ". ", "  "])),
    max_size=40,
).map("".join)
"""Text built from the pieces real posts are made of: emoji, tags, several scripts, debris."""

any_text = st.one_of(st.text(), telegram_like)
"""Any str, and str that looks like a post."""

clean_options = st.builds(
    CleanOptions,
    normalize=st.booleans(),
    emoji=st.sampled_from(["strip", "keep"]),
    hashtags=st.sampled_from(["unwrap", "remove", "keep"]),
    drop_hashtag_lines=st.booleans(),
    flatten_quotes=st.booleans(),
    collapse_whitespace=st.booleans(),
)
"""Every combination of :class:`mfaparse.CleanOptions`."""
