"""The seed gold, held in the project's own tests: every field the gold names must come out right."""

from __future__ import annotations

from typing import Any

import pytest

import mfaparse
from tests.conftest import seed_text
from tests.gold import fold, gold

TELEGRAM_POSTS = range(len(gold("002")["posts"]))


def _post_fields(post: mfaparse.Post) -> dict[str, Any]:
    return {
        "forwarded_from": post.forward.name if post.forward else None,
        "forwarded_from_flags": list(post.forward.flags) if post.forward else [],
        "title": fold(post.title),
        "place": fold(post.place),
        "date": post.date.iso() if post.date else None,
        "hashtags": [h.tag for h in post.hashtags],
        "mentions": [m.username for m in post.mentions],
        "media_placeholders": len(post.media),
        "link_texts": [lk.text for lk in post.links],
        "text_lines": [fold(line) for line in post.text.split("\n") if line.strip()],
    }


def test_telegram_post_count() -> None:
    """Seed 002 has 13 posts."""
    assert len(mfaparse.parse_telegram(seed_text("002")).posts) == gold("002")["post_count"]


@pytest.mark.parametrize("index", TELEGRAM_POSTS)
def test_telegram_post(index: int) -> None:
    """Each post of seed 002 has the gold's forward, title, place, date, tags, links, media and text lines."""
    expected = gold("002")["posts"][index]
    got = _post_fields(mfaparse.parse_telegram(seed_text("002")).posts[index])
    for field, want in expected.items():
        if field == "source_lines":
            continue
        value = [fold(w) for w in want] if field == "text_lines" else fold(want)
        assert got[field] == value, field


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_tass_article(prefix: str) -> None:
    """Each TASS seed has the gold's title, lead, timestamp, dateline, paragraphs, notes and removals."""
    expected = gold(prefix)
    art = mfaparse.parse_tass(seed_text(prefix))
    assert fold(art.title) == fold(expected["title"])
    assert fold(art.subtitle) == fold(expected["subtitle"])
    assert art.language == expected["language"]
    if expected["dateline"] is None:
        assert art.dateline is None
    else:
        assert art.dateline is not None
        assert art.dateline.date is not None
        got = {"city": art.dateline.city, "agency": art.dateline.agency, **art.dateline.date.to_dict()}
        assert {k: got[k] for k in expected["dateline"]} == expected["dateline"]
    if expected["timestamp"] is None:
        assert art.published is None
    else:
        assert art.published is not None
        assert {k: getattr(art.published, k) for k in expected["timestamp"]} == expected["timestamp"]
    assert [fold(p) for p in art.paragraphs] == [fold(p) for p in expected["paragraphs"]]
    assert [n.text for n in art.editor_notes] == expected["editor_notes"]
    removed = {(r.kind, fold(r.text)) for r in art.removed}
    for r in expected["removed"]:
        assert (r["kind"], fold(r["text"])) in removed
