"""Repeated blocks inside a text: a later run of lines that repeats an earlier run is a duplicate.

Scraped Telegram posts often carry their body twice (the link preview repeats it). Lines are compared by a
normalised key (NFKC, casefolded, emoji and whitespace removed); a run counts when it holds enough content
(``DedupOptions``). The first copy stays in place; every removal says where its first copy is.

>>> d = dedup_blocks("Title\\nFirst paragraph of the post.\\nSecond one.\\n"
...                  "First paragraph of the post.\\nSecond one.")
>>> d.text
'Title\\nFirst paragraph of the post.\\nSecond one.\\n'
>>> [(r.kind, r.span.slice(d.source), r.duplicate_of.slice(d.source)) for r in d.removed]
[('duplicate', 'First paragraph of the post.\\nSecond one.', 'First paragraph of the post.\\nSecond one.')]
"""

from __future__ import annotations

import re  # a literal class of a few code points: stdlib re scans it fastest
import unicodedata
from collections.abc import Sequence
from typing import TypeVar

import attrs

from mfaparse import _native
from mfaparse._lines.vocab import ELLIPSIS_LINE, LINK_WORDS, TRUNCATION
from mfaparse._model.base import Removal, Span
from mfaparse._model.checks import whole
from mfaparse._model.results import Dedup
from mfaparse._text.emoji import strip_emoji

__all__ = [
    "Dedup",
    "DedupOptions",
    "DuplicateRun",
    "contiguous",
    "dedup_blocks",
    "duplicate_lines",
    "find_duplicate_runs",
    "line_key",
    "line_keys",
    "markers",
]

T = TypeVar("T")

_LONGEST_MARKER = 100
_MAX_PASSES = 8


@attrs.frozen(kw_only=True)
class DedupOptions:
    """When a repeated run of lines counts as a duplicate."""

    min_chars: int = attrs.field(default=20, validator=whole(minimum=1))
    """A run with at least this many key characters in its non-marker lines counts."""
    min_lines: int = attrs.field(default=2, validator=whole(minimum=1))
    """A run with at least this many non-marker lines counts, however short."""
    max_candidates: int = attrs.field(default=8, validator=whole(minimum=1))
    """Earlier places tried per line (bounds the work per line: dedup stays linear)."""
    min_truncated_chars: int = attrs.field(default=16, validator=whole(minimum=1))
    """A truncated line (``…``) matches an earlier line when at least this many key characters agree."""


@attrs.frozen(kw_only=True)
class DuplicateRun:
    """Lines ``start .. start+length-1`` repeat lines ``source .. source+length-1`` (line indices)."""

    start: int
    length: int
    source: int


def line_key(line: str) -> str:
    """The comparison key of a line: NFKC, casefolded, without emoji and whitespace.

    >>> line_key("🔹️ The  Meeting was co-chaired")
    'themeetingwasco-chaired'
    """
    if not line.isascii():
        line = strip_emoji(unicodedata.normalize("NFKC", line), tidy=False)
    return "".join(line.casefold().split())


# Whitespace that NFKC leaves as it is (it maps the other Unicode spaces to U+0020), "\n" aside.
_OTHER_SPACE = re.compile("[\t\r\x0b\x0c\x1c-\x1f\x85\u1680\u2028\u2029]")


def line_keys(lines: Sequence[str]) -> list[str]:
    """:func:`line_key` of each line, computed in one pass over the joined lines (same result, faster).

    >>> line_keys(["🔹️ The  Meeting", "Second"])
    ['themeeting', 'second']
    """
    if not lines or any("\n" in line for line in lines):
        return [line_key(line) for line in lines]
    joined = "\n".join(lines)
    if not joined.isascii():  # strip_emoji keeps every newline, so the keys stay one per line
        joined = strip_emoji(unicodedata.normalize("NFKC", joined), tidy=False)
    joined = joined.casefold()
    if _OTHER_SPACE.search(joined):
        return ["".join(key.split()) for key in joined.split("\n")]
    return joined.replace(" ", "").split("\n")  # only U+0020 is left to drop: one replace for every line


def is_marker(line: str) -> bool:
    """True for lines that never count alone: blank, ``<...>``, a bare link text (``Read in full``).

    >>> is_marker("<...>"), is_marker("Read in full"), is_marker("👉 Read in full"), is_marker("Text")
    (True, True, False, False)
    """
    stripped = line.strip()
    if len(stripped) > _LONGEST_MARKER:
        return False
    return not stripped or bool(ELLIPSIS_LINE.fullmatch(stripped) or LINK_WORDS.fullmatch(stripped))


def find_duplicate_runs(lines: Sequence[str], options: DedupOptions | None = None) -> tuple[DuplicateRun, ...]:
    """The runs of ``lines`` that repeat an earlier run, in order; sources are always first copies.

    Expected O(n): each line is looked up by its hashed key among a bounded number of earlier places.
    """
    keys = line_keys(lines)
    return _find_runs(lines, keys, markers(lines, keys), options if options is not None else DedupOptions())


def markers(lines: Sequence[str], keys: Sequence[str]) -> list[bool]:
    """Whether each line is a marker (:func:`is_marker`), or has an empty key."""
    return [not key or is_marker(line) for line, key in zip(lines, keys, strict=True)]


def _find_runs(
    lines: Sequence[str], keys: Sequence[str], markers: Sequence[bool], options: DedupOptions
) -> tuple[DuplicateRun, ...]:
    core = _native.CORE
    if core is not None:
        found = core.find_runs(
            _listed(lines), _listed(keys), _listed(markers), TRUNCATION, options.min_chars, options.min_lines,
            options.max_candidates, options.min_truncated_chars,
        )  # fmt: skip
        return tuple(DuplicateRun(start=start, length=length, source=source) for start, length, source in found)
    return _find_runs_python(lines, keys, markers, options)


def _listed(items: Sequence[T]) -> list[T]:
    """``items`` as the list the native core takes: itself when it is one (the callers' usual case), else a copy."""
    return items if isinstance(items, list) else list(items)


def _find_runs_python(
    lines: Sequence[str], keys: Sequence[str], markers: Sequence[bool], options: DedupOptions
) -> tuple[DuplicateRun, ...]:
    """The reference of the native core's ``find_runs``."""
    index = _LineIndex(lines, keys, markers, options)
    runs: list[DuplicateRun] = []
    i = 0
    while i < len(lines):
        best = index.best_run(i)
        if best is not None:
            runs.append(best)
            i += best.length
            continue
        index.remember(i)
        i += 1
    return tuple(runs)


def duplicate_lines(
    lines: Sequence[str],
    options: DedupOptions | None = None,
    *,
    keys: Sequence[str] | None = None,
    marks: Sequence[bool] | None = None,
) -> list[tuple[list[int], list[int]]]:
    """Repeated runs as (indices of the repeat, indices of the first copy), found until nothing repeats.

    Removing a run can bring lines together that repeat an earlier run in turn; another pass over what is
    kept finds those, so that deduplicating the result again removes nothing. Passes are bounded
    (``_MAX_PASSES``), each linear; line keys are computed once for all of them, or given (``keys`` and
    ``marks``, each line's :func:`line_key` and :func:`markers`: a caller that has them already).
    """
    opts = options if options is not None else DedupOptions()
    all_keys = keys if keys is not None else line_keys(lines)
    all_markers = marks if marks is not None else markers(lines, all_keys)
    if not _may_repeat(lines, all_keys, all_markers):
        return []
    kept = list(range(len(lines)))
    texts, kept_keys, kept_markers = lines, all_keys, all_markers  # those of the kept lines, pass by pass
    found: list[tuple[list[int], list[int]]] = []
    for _ in range(_MAX_PASSES):
        runs = _find_runs(texts, kept_keys, kept_markers, opts)
        if not runs:
            break
        gone: set[int] = set()
        for run in runs:
            repeat = kept[run.start : run.start + run.length]
            found.append((repeat, kept[run.source : run.source + run.length]))
            gone.update(repeat)
        kept = [k for k in kept if k not in gone]
        texts, kept_keys, kept_markers = (
            [lines[k] for k in kept],
            [all_keys[k] for k in kept],
            [all_markers[k] for k in kept],
        )
        if not _may_repeat(texts, kept_keys, kept_markers):  # nothing kept can start a run: no pass would find one
            break
    found.sort(key=lambda pair: pair[0][0])
    return found


def _may_repeat(lines: Sequence[str], keys: Sequence[str], markers: Sequence[bool]) -> bool:
    """Whether any run can repeat: a run starts at a non-marker line whose key some earlier line has, or at a
    truncated line (``…``). Most posts have neither; this loop is much cheaper than the index that finds runs."""
    core = _native.CORE
    if core is not None:
        return bool(core.may_repeat(_listed(lines), _listed(keys), _listed(markers), TRUNCATION))
    return _may_repeat_python(lines, keys, markers)


def _may_repeat_python(lines: Sequence[str], keys: Sequence[str], markers: Sequence[bool]) -> bool:
    """The reference of the native core's ``may_repeat``."""
    seen: set[str] = set()
    for key, marker in zip(keys, markers, strict=True):
        if not marker and key in seen:
            return True
        seen.add(key)
    return any(not marker and line.rstrip().endswith(TRUNCATION) for line, marker in zip(lines, markers, strict=True))


class _LineIndex:
    """The first copies seen so far, by key and by key prefix (for truncated lines)."""

    def __init__(self, lines: Sequence[str], keys: Sequence[str], markers: Sequence[bool], opts: DedupOptions) -> None:
        self.lines = lines
        self.opts = opts
        self.keys = keys
        self.markers = markers
        self.where: dict[str, list[int]] = {}
        self.by_prefix: dict[str, list[int]] = {}

    def remember(self, i: int) -> None:
        key, limit, width = self.keys[i], self.opts.max_candidates, self.opts.min_truncated_chars
        places = self.where.setdefault(key, [])
        if len(places) < limit:
            places.append(i)
        if len(key) >= width:
            prefixed = self.by_prefix.setdefault(key[:width], [])
            if len(prefixed) < limit:
                prefixed.append(i)

    def truncated_match(self, a: int, b: int) -> bool:
        """Line ``a`` is cut short (``…``) and its text begins line ``b``."""
        if not self.lines[a].rstrip().endswith(TRUNCATION):
            return False
        stem = self.keys[a].rstrip(".…")
        return len(stem) >= self.opts.min_truncated_chars and self.keys[b].startswith(stem)

    def candidates(self, i: int) -> list[int]:
        found = self.where.get(self.keys[i], [])
        if found or not self.lines[i].rstrip().endswith(TRUNCATION):
            return found
        stem = self.keys[i].rstrip(".…")
        width = self.opts.min_truncated_chars
        return self.by_prefix.get(stem[:width], []) if len(stem) >= width else []

    def best_run(self, i: int) -> DuplicateRun | None:
        """The longest qualifying run starting at line ``i``; markers never start one."""
        if self.markers[i]:
            return None
        best: DuplicateRun | None = None
        for j in self.candidates(i):
            length = chars = content_lines = 0
            while i + length < len(self.keys) and j + length < i:
                a, b = i + length, j + length
                exact = self.keys[a] == self.keys[b]
                if not exact and not self.truncated_match(a, b):
                    break
                if not self.markers[a]:
                    chars += len(self.keys[a])
                    content_lines += 1
                length += 1
                if not exact:  # a truncated line ends the run
                    break
            enough = chars >= self.opts.min_chars or content_lines >= self.opts.min_lines
            if enough and (best is None or length > best.length):
                best = DuplicateRun(start=i, length=length, source=j)
        return best


def dedup_blocks(text: str, options: DedupOptions | None = None) -> Dedup:
    """``text`` without runs of lines that repeat an earlier run; each removal points at its first copy."""
    if not isinstance(text, str):
        raise TypeError(f"dedup_blocks() takes str, not {type(text).__name__}")
    if options is not None and not isinstance(options, DedupOptions):
        raise TypeError(f"options must be DedupOptions, not {type(options).__name__}")
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)  # one past each line's newline
    pieces: list[tuple[int, int, Span]] = []  # (first line, line count, first copy) of each removed piece
    for repeat, first_copy in duplicate_lines(lines, options):
        source = Span(start=starts[first_copy[0]], end=starts[first_copy[-1]] + len(lines[first_copy[-1]]))
        pieces.extend((piece[0], len(piece), source) for piece in contiguous(repeat))
    pieces.sort(key=lambda piece: piece[0])
    removed: list[Removal] = []
    kept: list[Span] = []
    pos = 0
    for first, count, source in pieces:
        span = _lines_span(starts, first, count, len(text))
        if span.start > pos:
            kept.append(Span(start=pos, end=span.start))
        removed.append(Removal(kind="duplicate", span=span, text=span.slice(text), duplicate_of=source))
        pos = span.end
    if pos < len(text):
        kept.append(Span(start=pos, end=len(text)))
    return Dedup(source=text, text="".join(s.slice(text) for s in kept), removed=tuple(removed), kept=tuple(kept))


def _lines_span(starts: list[int], first: int, count: int, end_of_text: int) -> Span:
    """``count`` lines from line ``first``, each with its newline (the text's last line has none)."""
    return Span(start=starts[first], end=min(starts[first + count], end_of_text))


def contiguous(indices: Sequence[int]) -> list[list[int]]:
    """Line indices grouped into runs of consecutive ones: [1, 2, 5] -> [[1, 2], [5]]."""
    groups: list[list[int]] = []
    for k in sorted(indices):
        if groups and groups[-1][-1] == k - 1:
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups
