"""Back to the raw source: what :func:`~mfaparse.normalize` changed, and offsets in the normalised text mapped to
offsets in the raw text the user has.

:func:`normalize_explained` normalises and lists the edits, each a raw span, a normalised span and the two texts
(as ftfy's ``fix_and_explain`` says what it did). Records' spans point into normalised text;
:meth:`Normalized.to_raw` maps one to the raw text: a span in unchanged text maps to the same characters, a span
touching an edit widens to the whole edit (the raw text the repaired characters came from).

>>> n = normalize_explained("Moscowâ€™s &quot;position&quot;\\r\\nSecond line  ")
>>> n.text
'Moscow’s "position"\\nSecond line'
>>> [(e.before, e.after) for e in n.edits]
[('â€™s &quot;position&quot;', '’s "position"'), ('\\r\\n', '\\n'), ('  ', '')]
>>> span = Span(start=20, end=26)  # "Second" in the normalised text
>>> raw = "Moscowâ€™s &quot;position&quot;\\r\\nSecond line  "
>>> raw[n.to_raw(span).start : n.to_raw(span).end]
'Second'
"""

from __future__ import annotations

import bisect

import attrs
import regex

from mfaparse._model.base import Span
from mfaparse._model.record import Record
from mfaparse._text.normalize import normalize

__all__ = ["Edit", "Normalized", "normalize_explained"]

# The line ends normalize reads, as it reads them: a raw line and its normalised line correspond one to one.
_RAW_LINES = regex.compile(r"\r\n?|\n|[\u2028\u2029\x85]")


@attrs.frozen(kw_only=True)
class Edit(Record):
    """One change normalize made: ``raw`` (a span of the raw text) became ``normalized`` (a span of the result);
    ``before`` and ``after`` are their texts."""

    raw: Span
    normalized: Span
    before: str
    after: str


@attrs.frozen(kw_only=True)
class Normalized(Record):
    """The normalised ``text`` of a raw text, the ``edits`` that made it, and the mapping back."""

    text: str
    edits: tuple[Edit, ...]
    raw_length: int

    def to_raw(self, span: Span) -> Span:
        """The span of the raw text that ``span`` (of :attr:`text`) was made from: the same characters where
        nothing changed, the whole of an edit it touches."""
        if not isinstance(span, Span):
            raise TypeError(f"to_raw() takes a Span, not {type(span).__name__}")
        if span.end > len(self.text):
            raise ValueError(f"span {span} is outside the normalised text ({len(self.text)} characters)")
        return Span(start=self._raw_at(span.start, start=True), end=self._raw_at(span.end, start=False))

    def _raw_at(self, pos: int, *, start: bool) -> int:
        """A start maps into the last edit that starts at or before it, an end into the last that starts before
        it; inside an edit (or at its end, for an end) to the edit's raw bounds, after it shifted by the edit."""
        edits = self.edits
        if start:
            k = bisect.bisect_right(edits, pos, key=_normalized_start) - 1
        else:
            k = bisect.bisect_left(edits, pos, key=_normalized_start) - 1
        if k < 0:
            return pos
        edit = edits[k]
        n1, r0, r1 = edit.normalized.end, edit.raw.start, edit.raw.end
        if pos < n1 or (not start and pos == n1):
            return r0 if start else r1
        return r1 + (pos - n1)


def _normalized_start(edit: Edit) -> int:
    return edit.normalized.start


def normalize_explained(text: str) -> Normalized:
    """``normalize(text)`` with the edits it made (see the module)."""
    if not isinstance(text, str):
        raise TypeError(f"normalize_explained() takes str, not {type(text).__name__}")
    result = normalize(text)
    raw_lines = _lines(text)
    new_lines = _lines(result)
    edits: list[Edit] = []
    if len(raw_lines) != len(new_lines):  # an entity turned into a line break: one edit for the whole text
        if text != result:
            edits.append(_edit(text, result, Span(start=0, end=len(text)), Span(start=0, end=len(result))))
        return Normalized(text=result, edits=tuple(edits), raw_length=len(text))
    for (r0, r_body, r_end), (n0, n_body, n_end) in zip(raw_lines, new_lines, strict=True):
        raw_line, new_line = text[r0:r_body], result[n0:n_body]  # the line's text; its line end apart
        if raw_line != new_line:
            prefix = _common_prefix(raw_line, new_line)
            suffix = _common_suffix(raw_line[prefix:], new_line[prefix:])
            raw, new = Span(start=r0 + prefix, end=r_body - suffix), Span(start=n0 + prefix, end=n_body - suffix)
            edits.append(_edit(text, result, raw, new))
        if text[r_body:r_end] != result[n_body:n_end]:  # "\r\n" -> "\n"
            edits.append(_edit(text, result, Span(start=r_body, end=r_end), Span(start=n_body, end=n_end)))
    return Normalized(text=result, edits=tuple(edits), raw_length=len(text))


def _edit(raw_text: str, new_text: str, raw: Span, new: Span) -> Edit:
    return Edit(raw=raw, normalized=new, before=raw.slice(raw_text), after=new.slice(new_text))


def _lines(text: str) -> list[tuple[int, int, int]]:
    """Each line's start, the end of its text, and its end with its line end."""
    lines = []
    start = 0
    for m in _RAW_LINES.finditer(text):
        lines.append((start, m.start(), m.end()))
        start = m.end()
    lines.append((start, len(text), len(text)))
    return lines


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    k = 0
    while k < n and a[k] == b[k]:
        k += 1
    return k


def _common_suffix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    k = 0
    while k < n and a[-1 - k] == b[-1 - k]:
        k += 1
    return k
