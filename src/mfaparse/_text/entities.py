"""Hashtags, mentions and links, found the way Telegram finds them, and UTF-16 offset conversion.

>>> [h.tag for h in find_hashtags("#भारत #МИД_России #G20 (#EAEU) #ASEAN’s C# #1 x#y")]
['भारत', 'МИД_России', 'G20', 'EAEU', 'ASEAN']
>>> [m.username for m in find_mentions("@SputnikHindi को, mail a@b.com")]
['SputnikHindi']
>>> strip_hashtags("Cooperation with #ASEAN and #EAEU")
'Cooperation with ASEAN and EAEU'
>>> strip_hashtags("Cooperation with #ASEAN and #EAEU", mode="remove")
'Cooperation with and'
"""

from __future__ import annotations

import bisect
import re  # the scan for mention starts: a literal first character
from collections.abc import Iterator, Sequence
from typing import Literal

import regex

from mfaparse import _native
from mfaparse._model.base import Hashtag, Link, Mention, Span, trusted_span
from mfaparse._model.build import maker
from mfaparse._text.marks import marked

__all__ = [
    "Utf16Map",
    "add_hashtags",
    "add_mentions",
    "find_hashtags",
    "find_links",
    "find_mentions",
    "hashtag_spans",
    "hashtags_in",
    "is_hashtag_line",
    "links_in",
    "mentions_in",
    "only_hashtags",
    "strip_hashtags",
]

_new_hashtag = maker(Hashtag)
_new_mention = maker(Mention)
_new_link = maker(Link)

# Word characters of a tag; variation selectors and the keycap mark belong to emoji, not words ("❗️#Tag").
_TAG_CHAR = r"[[\p{L}\p{M}\p{Nd}_\u200c]--[\ufe00-\ufe0f\u20e3]]"
# "#МИД_России": '#' not after a word character, then word characters (possessive: linear time);
# the tag must hold a letter, which find_hashtags checks ("#1" is no tag).
_HASHTAG = regex.compile(rf"(?<!{_TAG_CHAR})#({_TAG_CHAR}++)", flags=regex.V1)
_HAS_LETTER = regex.compile(r"\p{L}")
_CORE_SCANS = _native.tables_agree({"tag_char": _TAG_CHAR, "letter": _HAS_LETTER.pattern})
"""Whether the core's hashtag scan classifies characters as these patterns do (its tables' classes and regex)."""
_CHAINED_TAG = regex.compile(rf"#+{_TAG_CHAR}*+", flags=regex.V1)
# "@SputnikHindi": 5-32 of [A-Za-z0-9_] starting with a letter; not inside "a@b.com" or "@x@y".
_MENTION = regex.compile(r"(?<![\p{L}\p{M}\p{Nd}_@.+\-])@([A-Za-z][A-Za-z0-9_]{4,31})(?![A-Za-z0-9_@]|\.[A-Za-z])")
# Links: Markdown "[Read in full](https://mid.ru/...)", "https://...", "www.mid.ru/...", "t.me/MFARussia".
_URL_BODY = r"[^\s<>\"'«»\[\]()]*+(?:\([^\s<>()]*+\)[^\s<>\"'«»\[\]()]*+)*+"
_LINK = regex.compile(
    rf"""
    \[(?P<md_text>[^\[\]\n]{{1,500}})\]\((?P<md_url>[^\s()]{{1,2000}})\)
  | (?P<url>(?:https?://|www\.){_URL_BODY})
  | (?<![\w.@/])(?P<bare>(?:t\.me|telegram\.me|telegram\.org)/{_URL_BODY})
    """,
    flags=regex.VERBOSE,
)
_TRAILING_PUNCT = ".,;:!?…’”"
_SPACE_RUN = regex.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = regex.compile(r"[ \t]+(?=[.,;:!?)])")
_TAG_LINE_FILLER = regex.compile(r"[\s,;#]*")


def _check(text: object, name: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{name}() takes str, not {type(text).__name__}")
    return text


def find_hashtags(text: str) -> tuple[Hashtag, ...]:
    """Every hashtag in ``text``: ``#`` not after a word character, then word characters with a letter."""
    return hashtags_in(_check(text, "find_hashtags"))


def hashtags_in(text: str, base: int = 0) -> tuple[Hashtag, ...]:
    """:func:`find_hashtags` of ``text``, its spans placed at ``base`` (where ``text`` stands in a source)."""
    return tuple(
        _new_hashtag(tag=text[start + 1 : end], span=trusted_span(base + start, base + end))
        for start, end in hashtag_spans(text)
    )


def _hashtag_matches(text: str) -> Iterator[regex.Match[str]]:
    """The matches of the hashtags of ``text`` (a ``#`` run whose word holds a letter)."""
    if "#" in text:
        for m in marked(_HASHTAG, text, "#"):
            if _HAS_LETTER.search(m.group(1)):
                yield m


def add_hashtags(found: dict[str, Hashtag], text: str, base: int = 0) -> list[tuple[int, int]]:
    """Add to ``found`` the first hashtag of each tag of ``text`` not in it yet, by tag: what
    ``found.setdefault(h.tag, h)`` over :func:`hashtags_in` does, without building the copies (``#a`` repeated).
    Returns every hashtag's place in ``text`` (:func:`hashtag_spans`), for the stages after."""
    spans = hashtag_spans(text)
    for start, end in spans:
        tag = text[start + 1 : end]
        if tag not in found:
            found[tag] = _new_hashtag(tag=tag, span=trusted_span(base + start, base + end))
    return spans


def add_mentions(found: dict[str, Mention], text: str, base: int = 0) -> None:
    """:func:`add_hashtags` for mentions, by username."""
    for m in _mention_matches(text):
        name = m.group(1)
        if name not in found:
            found[name] = _new_mention(username=name, span=trusted_span(base + m.start(), base + m.end()))


def _mention_matches(text: str) -> Iterator[regex.Match[str]]:
    """The matches of the mentions of ``text``, tried where ``@`` stands before an ASCII letter, as every mention
    starts (``@`` repeated has no such place)."""
    return marked(_MENTION, text, _MENTION_START) if "@" in text else iter(())


_MENTION_START = re.compile("@[A-Za-z]")
"""Where a mention can start: stdlib ``re``, whose scan skips to each ``@`` at memory speed."""


def find_mentions(text: str) -> tuple[Mention, ...]:
    """Every ``@username`` mention in ``text`` (not e-mail addresses)."""
    return mentions_in(_check(text, "find_mentions"))


def mentions_in(text: str, base: int = 0) -> tuple[Mention, ...]:
    """:func:`find_mentions` of ``text``, its spans placed at ``base``."""
    return tuple(
        _new_mention(username=m.group(1), span=trusted_span(base + m.start(), base + m.end()))
        for m in _mention_matches(text)
    )


def find_links(text: str) -> tuple[Link, ...]:
    """Markdown links, ``http(s)://`` and ``www.`` URLs, and bare ``t.me/...`` links in ``text``.

    >>> [(lk.text, lk.url) for lk in find_links("See [Read in full](https://mid.ru/x) or t.me/MFARussia.")]
    [('Read in full', 'https://mid.ru/x'), ('t.me/MFARussia', 't.me/MFARussia')]
    """
    return links_in(_check(text, "find_links"))


def links_in(text: str, base: int = 0) -> tuple[Link, ...]:
    """:func:`find_links` of ``text``, its spans placed at ``base``."""
    links: list[Link] = []
    for m in _LINK.finditer(text):
        start = base + m.start()
        if m.group("md_text") is not None:
            links.append(
                _new_link(text=m.group("md_text"), url=m.group("md_url"), span=trusted_span(start, base + m.end()))
            )
            continue
        url = m.group().rstrip(_TRAILING_PUNCT)
        if url in ("www.", "") or url.endswith("://"):
            continue
        links.append(_new_link(text=url, url=url, span=trusted_span(start, start + len(url))))
    return tuple(links)


def is_hashtag_line(line: str) -> bool:
    """True when ``line`` holds only hashtags (``#RussiaIndia #DruzhbaDosti``).

    >>> is_hashtag_line("#RussiaIndia #DruzhbaDosti"), is_hashtag_line("#RussiaASEAN meeting")
    (True, False)
    """
    if not line.lstrip(" \t,;").startswith("#"):
        return False
    return only_hashtags(line, hashtag_spans(line))


def hashtag_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each hashtag of ``text``, its ``#`` included: the spans of :func:`find_hashtags`,
    without building records (a stage that needs the places only, or keeps them for a later stage). The native
    core scans them where it is in use and its tables are this module's classes (:data:`_CORE_SCANS`)."""
    core = _native.CORE
    if core is not None and _CORE_SCANS:
        found: list[tuple[int, int]] = core.hashtag_spans(text)
        return found
    return _hashtag_spans_python(text)


def _hashtag_spans_python(text: str) -> list[tuple[int, int]]:
    """The reference of the native core's ``hashtag_spans``."""
    return [m.span() for m in _hashtag_matches(text)]


def only_hashtags(line: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``line``, whose hashtags stand at ``spans`` (:func:`hashtag_spans`), holds nothing else but
    spaces, commas, semicolons and ``#``: :func:`is_hashtag_line` from hashtags found before."""
    if not spans or not line.lstrip(" \t,;").startswith("#"):
        return False
    filler = _TAG_LINE_FILLER.fullmatch
    pos = 0
    for start, end in spans:  # the filler is one class repeated: each gap may be checked on its own
        if filler(line, pos, start) is None:
            return False
        pos = end
    return filler(line, pos) is not None


def strip_hashtags(text: str, mode: Literal["unwrap", "remove"] = "unwrap") -> str:
    """``text`` with hashtags unwrapped to their word (``#ASEAN`` -> ``ASEAN``) or removed with their word.

    Removing tidies the spaces it leaves (no double spaces, none before punctuation).
    """
    _check(text, "strip_hashtags")
    if mode not in ("unwrap", "remove"):
        raise ValueError(f"mode must be 'unwrap' or 'remove', not {mode!r}")
    if "#" not in text:
        return text
    out: list[str] = []
    pos = 0
    for at, end in hashtag_spans(text):
        if at < pos:
            continue
        start = at
        while start > pos and text[start - 1] == "#":  # "##A" unwraps to "A", not to another tag
            start -= 1
        out.append(text[pos:start])
        pos = end
        if mode == "unwrap":
            out.append(text[at + 1 : end])
        else:  # "#A#B": once "#A" goes, "#B" would be a tag; it goes with it
            while pos < len(text) and text[pos] == "#":
                chained = _CHAINED_TAG.match(text, pos)
                assert chained is not None  # the pattern matches any "#"
                pos = chained.end()
    if not out:
        return text
    out.append(text[pos:])
    result = "".join(out)
    if mode == "remove":
        result = _SPACE_BEFORE_PUNCT.sub("", _SPACE_RUN.sub(" ", result))
        result = "\n".join(line.strip(" \t") for line in result.split("\n"))
    return result


class Utf16Map:
    """Converts between code-point indices and UTF-16 offsets (Telegram entity offsets) of one text.

    >>> m = Utf16Map("🇷🇺 #ASEAN")
    >>> m.to_index(5), m.to_utf16(3)
    (3, 5)
    >>> m.span(5, 6).slice("🇷🇺 #ASEAN")
    '#ASEAN'
    """

    __slots__ = ("_astral", "_length")

    def __init__(self, text: str) -> None:
        _check(text, "Utf16Map")
        # Code-point indices of characters outside the BMP: each takes two UTF-16 units.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        self._length = len(text)

    def to_utf16(self, index: int) -> int:
        """The UTF-16 offset of code-point ``index``."""
        if not 0 <= index <= self._length:
            raise ValueError(f"index {index} is outside the text (length {self._length})")
        return index + bisect.bisect_left(self._astral, index)

    def to_index(self, offset: int) -> int:
        """The code-point index at UTF-16 ``offset``; an offset inside a surrogate pair is a ValueError."""
        lo, hi = 0, self._length
        while lo < hi:  # smallest index whose UTF-16 offset is >= offset
            mid = (lo + hi) // 2
            if self.to_utf16(mid) < offset:
                lo = mid + 1
            else:
                hi = mid
        if self.to_utf16(lo) != offset:
            raise ValueError(f"UTF-16 offset {offset} is not on a character boundary")
        return lo

    def span(self, offset: int, length: int) -> Span:
        """The code-point span of a Telegram entity given as UTF-16 ``offset`` and ``length``."""
        return Span(start=self.to_index(offset), end=self.to_index(offset + length))
