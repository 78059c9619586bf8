"""Emoji found and stripped on whole grapheme clusters.

A cluster is emoji when it holds an Extended_Pictographic character, a regional indicator, U+FE0F, U+20E3,
an emoji modifier or a tag sequence — except bare ©, ®, ™, which are text. Keycaps strip to their digit,
flags map to ISO codes, and letters, combining marks and digits of every script are never touched.

>>> [(m.text, m.kind, m.code) for m in find_emoji("🇷🇺🇮🇳 8️⃣ 👍🏽")]
[('🇷🇺', 'flag', 'RU'), ('🇮🇳', 'flag', 'IN'), ('8️⃣', 'keycap', '8'), ('👍🏽', 'emoji', None)]
>>> strip_emoji("8️⃣0️⃣ years ago 🎉 , said © TASS")
'80 years ago, said © TASS'
"""

from __future__ import annotations

import functools
import re  # only for the candidate scan below: one range of literal code points, 5x faster than regex
from collections.abc import Iterable, Iterator

import regex

from mfaparse import _native
from mfaparse._model.base import EmojiKind, EmojiMatch, Span, trusted_span
from mfaparse._model.build import native_maker

__all__ = ["BASE_CHAR", "LETTER_OR_MARK", "find_emoji", "flag_code", "name_and_flags", "strip_emoji"]


def _python_match(text: str, span: Span, kind: EmojiKind, code: str | None) -> EmojiMatch:
    return EmojiMatch(text=text, span=span, kind=kind, code=code)


_new_match = native_maker(EmojiMatch, _python_match)
"""An EmojiMatch from its fields in order (a call a cluster: positional is what the core's maker takes fastest)."""

# What may follow an emoji base inside its cluster: variation selectors, combining marks, tags, skin tones.
# ZWNJ is left out on purpose (it belongs to Persian and Indic words), and so is ZWJ (joins, below).
_EXTEND = r"[[\p{Grapheme_Extend}\p{EMod}]--[\u200c]]"
# An emoji base: 🎙, 🔹, ☝, a lone skin tone; ©/®/™ only with U+FE0F after them (©️), never bare.
BASE_CHAR = r"[[\p{Extended_Pictographic}\p{EMod}]--[©®™]]"
_BASE = rf"(?:{BASE_CHAR}|[©®™](?=\ufe0f))"
LETTER_OR_MARK = r"[\p{L}\p{M}]"  # a dangling ZWJ after one of these belongs to the word (Indic scripts)
_RI = r"\p{RI}"
_PATTERN = regex.compile(
    rf"""
    (?P<flag>{_RI}{_RI})                                        # 🇷🇺
  | (?P<keycap>[\#*0-9]\ufe0f?\u20e3)                           # 8️⃣ (8 FE0F 20E3)
  | (?P<emoji>
        (?:(?<!{LETTER_OR_MARK})\u200d+)?                     # a ZWJ left dangling before it
        {_BASE}{_EXTEND}*                                       # 👨🏽 or 🔹️
        (?:\u200d(?:{_BASE}{_EXTEND}*)?)*                       # 👨‍👩‍👧, and a trailing ZWJ ("👨\u200d")
    )
  | (?P<component>{_RI}|\ufe0f+|\u20e3)                        # a lone regional indicator or VS16
    """,
    flags=regex.VERBOSE | regex.V1,
)
# Where an emoji cluster can begin or sit: every emoji, VS16 and tag lies at or above U+2100, but ‼ ⁉ and
# the keycap mark. Prose in Latin, Cyrillic and Indic scripts has none, so the precise pattern runs only here.
_CANDIDATE = re.compile("[\u203c\u2049\u20e3\u2100-\U0010ffff]")
_BACK_UP = frozenset("#*0123456789©®")  # keycap bases and ©/® before the U+FE0F or U+20E3 found
_TAG_FLAG = regex.compile(r"\U0001F3F4([\U000E0061-\U000E007A\U000E0030-\U000E0039]+)\U000E007F")
_ASCII_TAG_OFFSET = 0xE0000
_BLACK_FLAG = "\U0001f3f4"  # what every tag flag opens with

# Tidying where an emoji was removed: spaces on both sides collapse, none before punctuation or at line ends.
_PUNCT_AFTER_TEXT = ".,;:!?)]}»”’…"
_PUNCT_AFTER = frozenset(_PUNCT_AFTER_TEXT)
_CORE_SCANS = _native.tables_agree({"extend": _EXTEND, "base": BASE_CHAR, "letter_or_mark": LETTER_OR_MARK, "ri": _RI})
"""Whether the core's cluster scan classifies characters as ``_PATTERN``'s classes do (its tables and regex)."""
_ALTERNATIVES = {"flag": 0, "keycap": 1, "emoji": 2, "component": 3}
"""``_PATTERN``'s alternatives, numbered as the core's ``emoji_clusters`` numbers them."""


_RI_A = 0x1F1E6  # REGIONAL INDICATOR SYMBOL LETTER A
_RI_COUNT = 26
_FLAG_OPENINGS = frozenset([*map(chr, range(_RI_A, _RI_A + _RI_COUNT)), _BLACK_FLAG])
"""What a flag opens with (a regional indicator or the black flag): an emoji that opens otherwise has no code."""
_PAIR_CODES: dict[str, str | None] = {}
"""The code of each pair of regional indicators seen (at most 26 × 26)."""
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def flag_code(cluster: str) -> str | None:
    """The ISO code of a flag emoji: ``🇷🇺`` -> ``RU``, 🏴 Scotland -> ``GB-SCT``; None for other clusters.

    >>> scotland = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    >>> flag_code("🇷🇺"), flag_code(scotland), flag_code("🎙")
    ('RU', 'GB-SCT', None)
    """
    if len(cluster) == 2:
        first, second = ord(cluster[0]) - _RI_A, ord(cluster[1]) - _RI_A
        if 0 <= first < _RI_COUNT and 0 <= second < _RI_COUNT:
            return _LETTERS[first] + _LETTERS[second]
    tag = _TAG_FLAG.fullmatch(cluster) if cluster.startswith(_BLACK_FLAG) else None  # the pattern's first character
    if tag:
        letters = "".join(chr(ord(c) - _ASCII_TAG_OFFSET) for c in tag.group(1)).upper()
        return f"{letters[:2]}-{letters[2:]}" if len(letters) > 2 else letters
    return None


def find_emoji(text: str) -> tuple[EmojiMatch, ...]:
    """Every emoji cluster in ``text``, with its span, kind and (for flags and keycaps) code."""
    if not isinstance(text, str):
        raise TypeError(f"find_emoji() takes str, not {type(text).__name__}")
    matches: list[EmojiMatch] = []
    append, new_match, span = matches.append, _new_match, trusted_span
    for start, end, alternative in _clusters(text):
        kind: EmojiKind
        code: str | None = None
        cluster = text[start:end]
        if alternative == 3:  # a stray component (a lone VS16): no code to read
            append(new_match(cluster, span(start, end), "component", None))
            continue
        if alternative == 0:  # two regional indicators: 676 pairs, each read once
            kind, code = "flag", _PAIR_CODES.get(cluster) or _PAIR_CODES.setdefault(cluster, flag_code(cluster))
        elif alternative == 1:
            kind, code = "keycap", cluster[0]
        else:  # 2: an emoji; a flag opens with a regional indicator or the black flag: look at no other
            opening = cluster[0] if cluster[0] != "\u200d" else cluster.strip("\u200d")[:1]
            code = flag_code(cluster.strip("\u200d")) if opening in _FLAG_OPENINGS else None
            kind = "flag" if code else "emoji"
        append(new_match(cluster, span(start, end), kind, code))
    return tuple(matches)


def strip_emoji(text: str, *, keycaps: bool = True, tidy: bool = True) -> str:
    """``text`` without emoji, keycaps kept as their digit (``8️⃣`` -> ``8``) unless ``keycaps=False``.

    Where an emoji goes, spaces are tidied: no double space, none before punctuation or at a line's ends.
    Everything else, whitespace included, stays as it was. ``tidy=False`` leaves the spaces alone (faster,
    for comparison keys that drop whitespace anyway).

    >>> strip_emoji("🔹 Talks 🇷🇺 , done"), strip_emoji("🔹 Talks 🇷🇺 , done", tidy=False)
    ('Talks, done', ' Talks  , done')
    """
    if not isinstance(text, str):
        raise TypeError(f"strip_emoji() takes str, not {type(text).__name__}")
    core = _native.CORE
    if core is not None and _CORE_SCANS:
        stripped: str = core.strip_emoji(text, keycaps, tidy, _PUNCT_AFTER_TEXT)
        return stripped
    return _strip_emoji_python(text, keycaps=keycaps, tidy=tidy)


def _strip_emoji_python(text: str, *, keycaps: bool, tidy: bool) -> str:
    """The reference of the native core's ``strip_emoji``."""
    out: list[str] = []
    pos = 0
    found = False
    for m in _iter_clusters(text):
        found = True
        if m.start() > pos:  # no empty pieces: the space checks below look back to the last piece only
            out.append(text[pos : m.start()])
        pos = m.end()
        if keycaps and m.group("keycap"):
            out.append(m.group()[0])
            continue
        if not tidy:
            continue
        # Spaces after the emoji go when the kept text already ends in a space or starts a line.
        while pos < len(text) and text[pos] in " \t" and _ends_in_space_or_line_start(out):
            pos += 1
        # Spaces before it go when the line ends there or punctuation follows.
        if pos == len(text) or text[pos] == "\n" or text[pos] in _PUNCT_AFTER:
            _drop_trailing_spaces(out)
    if not found:
        return text
    out.append(text[pos:])
    return "".join(out)


def _clusters(text: str) -> Iterable[tuple[int, int, int]]:
    """(start, end, alternative) of each cluster (``_ALTERNATIVES``): the core's scan where it is in use and its
    tables are these classes, else :func:`_clusters_python`."""
    core = _native.CORE
    if core is not None and _CORE_SCANS:
        found: list[tuple[int, int, int]] = core.emoji_clusters(text)
        return found
    return _clusters_python(text)


def _clusters_python(text: str) -> Iterator[tuple[int, int, int]]:
    """The reference of the native core's ``emoji_clusters``."""
    for m in _iter_clusters(text):
        yield m.start(), m.end(), _ALTERNATIVES[m.lastgroup or ""]


def _iter_clusters(text: str) -> Iterator[regex.Match[str]]:
    """What ``_PATTERN.finditer(text)`` yields, found faster: the pattern is tried only at candidates, until
    clusters come densely (an emoji run), where ``finditer``'s own scan from there is faster than two calls a
    cluster."""
    pos = 0
    found = 0
    while True:
        if found >= _DENSE_AFTER and pos < found * _DENSE_SPACING:
            yield from _PATTERN.finditer(text, pos)  # from a match's end: what finditer(text) would go on with
            return
        hit = _CANDIDATE.search(text, pos)
        if hit is None:
            return
        i = hit.start()
        base = i - 1 if i > pos and text[i] in "\ufe0f\u20e3" and text[i - 1] in _BACK_UP else i
        start = base
        while start > pos and text[start - 1] == "\u200d":
            start -= 1
        # Where a match can begin before the candidate: a ZWJ run's start; inside it (the run's first ZWJ may
        # follow a letter, which the pattern's look-behind refuses: one place inside stands for all); a keycap
        # base or ©/® before the candidate; then the candidate itself. Each is tried once: linear time.
        m = None
        for at in dict.fromkeys((start, start + 1, base, i)):
            if at <= i and (at == start or at >= base or text[at] == "\u200d"):
                m = _PATTERN.match(text, at)
                if m is not None:
                    break
        if m is None:
            pos = i + 1
            continue
        yield m
        pos = m.end()
        found += 1


_DENSE_AFTER = 64  # clusters seen before the density counts
_DENSE_SPACING = 8  # at most this many characters a cluster so far: dense


def _drop_trailing_spaces(out: list[str]) -> None:
    while out:
        out[-1] = out[-1].rstrip(" \t")
        if out[-1]:
            return
        out.pop()


def _ends_in_space_or_line_start(out: list[str]) -> bool:
    for piece in reversed(out):
        if piece:
            return piece[-1] in " \t\n"
    return True


def name_and_flags(raw: str) -> tuple[str, tuple[str, ...]]:
    """A display name without its emoji, and the ISO codes of its flags (remembered for short names: a corpus
    forwards from a few channels, each named in thousands of headers).

    >>> name_and_flags("Russian MFA 🇷🇺")
    ('Russian MFA', ('RU',))
    """
    return _name_and_flags_seen(raw) if len(raw) <= _LONGEST_REMEMBERED_NAME else _name_and_flags(raw)


_LONGEST_REMEMBERED_NAME = 200


def _name_and_flags(raw: str) -> tuple[str, tuple[str, ...]]:
    flags = tuple(m.code for m in find_emoji(raw) if m.kind == "flag" and m.code)
    return strip_emoji(raw).strip(), flags


_name_and_flags_seen = functools.lru_cache(maxsize=4096)(_name_and_flags)
