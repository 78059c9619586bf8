"""Back to the raw source: normalize's edits, and record spans mapped to the raw text."""

from __future__ import annotations

import io
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mfaparse
from mfaparse import Span
from mfaparse._text.offsets import Normalized, normalize_explained
from mfaparse.telegram.text import telegram_chunks

_PIECES = st.sampled_from(
    [
        "Forwarded from Russian MFA 🇷🇺\n", "Lavrov said", " ", "\n", "\r\n", "\r", "&quot;", "&amp;amp;", "\u00a0",
        "  \n", "Moscowâ€™s", "cafÃ© noir", "Ìîñêâà", "\u200b", "#ASEAN", "@MID_Russia", "«цитата»", "\u2028",
        "Read in full\n", "📍 Jakarta, July 13, 2023\n", "&#10;", "\t",
    ]
)  # fmt: skip


def _touches(span: Span, edits: tuple[mfaparse.Span, ...]) -> bool:
    return any(span.start <= e.end and e.start <= span.end for e in edits)


@given(st.lists(_PIECES, max_size=40))
def test_every_span_of_a_record_maps_back_to_its_raw_text(pieces: list[str]) -> None:
    """Each span of each post, mapped to the raw input: where normalize changed nothing the raw slice is the
    field's text; where it repaired, the raw slice normalises to text that holds the field's text."""
    raw = "".join(pieces)
    explained = normalize_explained(raw)
    dump = mfaparse.parse_telegram(raw)
    assert explained.text == dump.source
    spans = [
        s
        for post in dump.posts
        for s in (post.span, *(h.span for h in post.hashtags), *(b.span for b in post.blocks),
                  *(r.span for r in post.removed), *(m.span for m in post.mentions))
    ]  # fmt: skip
    changed = tuple(e.normalized for e in explained.edits)
    for span in spans:
        back = explained.to_raw(span)
        assert 0 <= back.start <= back.end <= len(raw)
        field = span.slice(dump.source)
        if not _touches(span, changed):
            assert back.slice(raw) == field
        else:
            assert back.slice(raw) == _unrepaired(explained, span)


def _unrepaired(explained: Normalized, span: Span) -> str:
    """The field's text as it was before normalize: the span widened to the edits it starts or ends inside, each
    edit within it put back (``after`` to ``before``); an edit that only deleted text at a bound is outside."""
    start, end = span.start, span.end
    for e in explained.edits:
        n = e.normalized
        if n.start <= start < n.end:
            start = n.start
        if n.start < end <= n.end:
            end = n.end
    parts, at = [], start
    for e in explained.edits:
        n = e.normalized
        inside = (n.start < n.end and start <= n.start and n.end <= end) or (n.start == n.end and start < n.start < end)
        if inside:
            parts.append(explained.text[at : n.start] + e.before)
            at = n.end
    return "".join(parts) + explained.text[at:end]


@given(st.lists(_PIECES, max_size=40))
def test_the_edits_rebuild_the_text(pieces: list[str]) -> None:
    """Applying the edits to the raw text gives the normalised text: they say all that changed."""
    raw = "".join(pieces)
    explained = normalize_explained(raw)
    rebuilt, done = [], 0
    for edit in explained.edits:
        assert edit.raw.slice(raw) == edit.before
        assert edit.normalized.slice(explained.text) == edit.after
        rebuilt.append(raw[done : edit.raw.start] + edit.after)
        done = edit.raw.end
    assert "".join(rebuilt) + raw[done:] == explained.text


def test_a_repaired_word_maps_to_its_mojibake() -> None:
    raw = "Forwarded from X Channel\nÌîñêâà, 13 îêòÿáðÿ #МИД\r\n"
    explained = normalize_explained(raw)
    post = mfaparse.parse_telegram(raw).posts[0]
    (tag,) = post.hashtags
    assert explained.to_raw(tag.span).slice(raw) == "#МИД"
    word = Span(start=explained.text.index("Москва"), end=explained.text.index("Москва") + 6)
    assert explained.to_raw(word).slice(raw) == "Ìîñêâà, 13 îêòÿáðÿ"  # the repaired stretch, whole
    with pytest.raises(TypeError):
        explained.to_raw((0, 1))  # type: ignore[arg-type]  # a wrong type on purpose
    with pytest.raises(ValueError, match="outside"):
        explained.to_raw(Span(start=0, end=10_000))


@given(st.lists(_PIECES, max_size=40), st.integers(1, 3))
def test_a_streamed_dump_maps_back_too(pieces: list[str], cut: int) -> None:
    """A dump read as a stream (chunk by chunk, as read() reads a large file): ``explain_stream`` of the decoded
    text gives the stream's text, and every post's spans map back as for a whole text."""
    raw = "".join(pieces) + "Forwarded from B Channel\r\nLast post &quot;here&quot;" * cut
    explained = mfaparse.explain_stream(raw)
    posts = list(mfaparse.iter_telegram(io.StringIO(raw, newline="")))
    stream = "".join(source for source, _ in telegram_chunks(io.StringIO(raw, newline="")))
    assert explained.text == stream
    changed = tuple(e.normalized for e in explained.edits)
    for post in posts:
        for span in (post.span, *(h.span for h in post.hashtags), *(b.span for b in post.blocks)):
            back = explained.to_raw(span)
            if not _touches(span, changed):
                assert back.slice(raw) == span.slice(stream)
            else:
                assert back.slice(raw) == _unrepaired(explained, span)


def test_a_large_file_read_by_read_maps_back(tmp_path: pathlib.Path) -> None:
    """``read()`` of a file above the streaming threshold: decode it with its line ends as they are, then map."""
    raw = "Forwarded from A Channel\r\nOne &amp; two #ASEAN\r\n" * 30
    path = tmp_path / "dump.txt"
    path.write_bytes(raw.encode("utf-8"))
    explained = mfaparse.explain_stream(path.read_bytes().decode("utf-8"))
    posts = [
        p for p in mfaparse.read(path, options=mfaparse.ReadOptions(stream_bytes=100)) if isinstance(p, mfaparse.Post)
    ]
    assert len(posts) == 30
    assert {explained.to_raw(p.hashtags[0].span).slice(raw) for p in posts} == {"#ASEAN"}
    assert {explained.to_raw(p.blocks[0].span).slice(raw) for p in posts} == {"One &amp; two #ASEAN"}
