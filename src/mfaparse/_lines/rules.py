"""Lines and their classes: a source split once into lines whose facts (offset, class, dedup key, marker) are
computed once, and the line classes as rule tables (name, removal kind, test) for Telegram and TASS text.

>>> [classify_line(s) for s in ["Media is too big", "👉 Read in full", "1.2K views 10:15", "Hello"]]
['media_placeholder', 'link_text', 'counter', 'content']
>>> classify_line("- Share on Facebook", TASS_RULES)
'share_widget'
>>> link_words("👉 Read in full")
'Read in full'
>>> lines = Lines.of("Title\\n\\nRead in full", base=100)
>>> lines.kinds, lines.span(2), lines.removal("link_text", 2).text
(('content', 'blank', 'link_text'), Span(start=107, end=119), 'Read in full')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

import attrs
import regex

from mfaparse import _native
from mfaparse._lines import vocab
from mfaparse._lines.memo import FactMemo
from mfaparse._model.base import Removal, RemovalKind, Span, trusted_removal, trusted_span
from mfaparse._text.dedup import line_keys, markers
from mfaparse._text.emoji import strip_emoji

__all__ = [
    "TASS_RULES",
    "TELEGRAM_RULES",
    "LineClass",
    "Lines",
    "Rule",
    "RuleTable",
    "classify_line",
    "is_media_continuation",
    "link_words",
]

LineClass = Literal[
    "content", "blank", "media_placeholder", "link_text", "call_to_action", "counter", "share_widget", "read_also",
    "footer", "credit", "page_chrome",
]  # fmt: skip
"""What a line is: the author's ``content``, a ``blank``, or one kind of debris (each a removal kind too)."""


@attrs.frozen
class Rule:
    """One line class: its ``name``, the removal kind of a line of that class, and the test on the stripped line
    (anything truthy is a yes: a pattern's ``fullmatch`` serves as it is)."""

    name: LineClass
    removal: RemovalKind
    test: Callable[[str], object]


@attrs.frozen
class RuleTable:
    """Rules tried in order on a stripped, non-blank line; a line longer than ``longest`` is content at once."""

    rules: tuple[Rule, ...]
    longest: int | None = None
    memo: FactMemo[LineClass] = attrs.field(factory=FactMemo, eq=False, repr=False)
    """The classes of lines this table classified before (:class:`~mfaparse._lines.memo.FactMemo`)."""


def link_words(line: str) -> str:
    """The words of a link line without its emoji and spaces (``👉 Read in full`` -> ``Read in full``)."""
    return strip_emoji(line).strip(" \t:→»>")


_DIGIT = regex.compile(r"\d")


def _is_counter(stripped: str) -> bool:
    return bool(_DIGIT.search(stripped)) and bool(vocab.VIEW_COUNTER.fullmatch(stripped))


def _is_link_text(stripped: str) -> bool:
    lowered = stripped.casefold()
    return any(hint in lowered for hint in vocab.LINK_HINTS) and bool(vocab.LINK_WORDS.fullmatch(link_words(stripped)))


def _is_call_to_action(stripped: str) -> bool:
    lowered = stripped.casefold()
    return ("@" in lowered or "подпи" in lowered) and bool(vocab.CALL_TO_ACTION.fullmatch(link_words(stripped)))


TELEGRAM_RULES = RuleTable(
    rules=(
        Rule("media_placeholder", "media_placeholder", vocab.MEDIA_PLACEHOLDER.fullmatch),
        Rule("counter", "counter", _is_counter),
        Rule("link_text", "link_text", _is_link_text),
        Rule("call_to_action", "call_to_action", _is_call_to_action),
        Rule("page_chrome", "page_chrome", vocab.PAGE_BUTTON.fullmatch),
    ),
    longest=120,
)
"""Scraped Telegram text: media placeholders, view counters, link words that lost their URL, calls to subscribe,
a page's buttons between posts."""

TASS_RULES = RuleTable(
    rules=(
        Rule("share_widget", "share_widget", vocab.SHARE.fullmatch),
        Rule("read_also", "read_also", vocab.READ_ALSO.fullmatch),
        Rule("credit", "credit", vocab.CREDIT.fullmatch),  # before the footer: "© Sergei Bobylev/TASS" is a credit
        Rule("footer", "footer", vocab.FOOTER.fullmatch),
        Rule("page_chrome", "page_chrome", vocab.PAGE_CHROME.fullmatch),
    ),
    longest=250,  # the longest furniture: a read-also line with its headline (a paragraph is longer)
)
"""TASS page text: share widgets, read-also lines, bylines and photo credits, copyright footers, comment buttons
and unrendered templates."""


def classify_line(line: str, table: RuleTable = TELEGRAM_RULES) -> LineClass:
    """The class of one line by the rules of ``table``."""
    stripped = line.strip()
    if not stripped:
        return "blank"
    if table.longest is not None and len(stripped) > table.longest:
        return "content"
    for rule in table.rules:
        if rule.test(stripped):
            return rule.name
    return "content"


def removal_kind(name: LineClass, table: RuleTable = TELEGRAM_RULES) -> RemovalKind:
    """The removal kind of a line of class ``name`` in ``table``."""
    return next(rule.removal for rule in table.rules if rule.name == name)


def is_media_continuation(line: str) -> bool:
    """``VIEW IN TELEGRAM`` after ``Media is too big``: part of the same placeholder."""
    return bool(vocab.MEDIA_CONTINUATION.fullmatch(line.strip()))


def line_starts(texts: Sequence[str], base: int) -> tuple[int, ...]:
    """Where each of ``texts`` starts when they stand joined by newlines at ``base``, and one past the last (the
    reference of the native core's ``line_starts``)."""
    starts = [base]
    for text in texts:
        starts.append(starts[-1] + len(text) + 1)
    return tuple(starts)


def stripped(texts: Sequence[str]) -> tuple[str, ...]:
    """Each of ``texts`` without the whitespace at its ends (the reference of the native core's ``stripped``)."""
    return tuple([text.strip() for text in texts])


def _key_and_marker(texts: list[str]) -> list[tuple[str, bool]]:
    """The dedup key and marker of each of ``texts`` (the keys in one pass over them all)."""
    keys = line_keys(texts)
    return list(zip(keys, markers(texts, keys), strict=True))


_DEDUP_FACTS: FactMemo[tuple[str, bool]] = FactMemo()


class Lines:
    """A source split into lines, each line's facts computed once: where it starts, its text without the spaces
    at its ends, its class, its dedup key and whether it is a dedup marker (all but the first on first use, for
    every line at once).

    Offsets are ``base`` plus the place in ``source``: a chunk of a stream or a message of an export gets its
    spans at their final place directly, with no second pass over the records.
    """

    __slots__ = ("_keys", "_kinds", "_markers", "_stripped", "base", "source", "starts", "table", "texts")

    def __init__(self, source: str, base: int = 0, table: RuleTable = TELEGRAM_RULES) -> None:
        self.source = source
        self.base = base
        self.table = table
        self.texts = tuple(source.split("\n"))
        core = _native.CORE
        self.starts = core.line_starts(self.texts, base) if core is not None else line_starts(self.texts, base)
        self._kinds: tuple[LineClass, ...] | None = None
        self._stripped: tuple[str, ...] | None = None
        self._keys: tuple[str, ...] | None = None
        self._markers: tuple[bool, ...] | None = None

    @classmethod
    def of(cls, source: str, base: int = 0, table: RuleTable = TELEGRAM_RULES) -> Lines:
        """The lines of ``source``, placed at ``base``."""
        return cls(source, base, table)

    def __len__(self) -> int:
        return len(self.texts)

    @property
    def stripped(self) -> tuple[str, ...]:
        """Each line without the spaces at its ends."""
        if self._stripped is None:
            core = _native.CORE
            self._stripped = core.stripped(self.texts) if core is not None else stripped(self.texts)
        return self._stripped

    @property
    def kinds(self) -> tuple[LineClass, ...]:
        """Each line's class (:func:`classify_line` with this source's rule table), computed once per distinct
        line of the process (a dump repeats many: link previews, blank lines, footers; see
        :class:`~mfaparse._lines.memo.FactMemo`)."""
        if self._kinds is None:
            table = self.table
            self._kinds = tuple(table.memo.facts(self.texts, lambda texts: [classify_line(t, table) for t in texts]))
        return self._kinds

    @property
    def keys(self) -> tuple[str, ...]:
        """Each line's dedup key (:func:`mfaparse._text.dedup.line_key`), computed once per distinct line of the
        process."""
        if self._keys is None:
            self._dedup_facts()
        assert self._keys is not None
        return self._keys

    @property
    def markers(self) -> tuple[bool, ...]:
        """Whether each line is a dedup marker (blank, ``<...>``, bare link words), computed with its key."""
        if self._markers is None:
            self._dedup_facts()
        assert self._markers is not None
        return self._markers

    def _dedup_facts(self) -> None:
        facts = _DEDUP_FACTS.facts(self.texts, _key_and_marker)
        self._keys = tuple([key for key, _ in facts])
        self._markers = tuple([marker for _, marker in facts])

    def span(self, first: int, last: int | None = None) -> Span:
        """The span of lines ``first`` to ``last`` (inclusive), without the final newline."""
        last = first if last is None else last
        return trusted_span(self.starts[first], self.starts[last] + len(self.texts[last]))

    def removal(
        self, kind: RemovalKind, first: int, last: int | None = None, *, duplicate_of: Span | None = None
    ) -> Removal:
        """A removal of lines ``first`` to ``last`` (inclusive)."""
        span = self.span(first, last)
        return trusted_removal(kind, span, self.text_of(span), duplicate_of)

    def text_of(self, span: Span) -> str:
        """The text ``span`` (at its final offsets) covers."""
        return self.source[span.start - self.base : span.end - self.base]
