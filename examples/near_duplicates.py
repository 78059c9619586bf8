"""Find duplicate and near-duplicate posts across a corpus, and keep one of each.

Run: python examples/near_duplicates.py [DUMP.txt]
"""

from __future__ import annotations

import pathlib
import sys

import mfaparse

DEFAULT = pathlib.Path(__file__).parent / "data" / "telegram_mfa_forwards.txt"


def main(argv: list[str]) -> int:
    """Group the posts of a dump (plus an edited copy of the first) and list what a user would keep."""
    path = pathlib.Path(argv[0]) if argv else DEFAULT
    posts = list(mfaparse.parse_telegram(path.read_text(encoding="utf-8")).posts)
    texts = [p.text for p in posts]
    texts.append(mfaparse.strip_emoji(texts[0]).replace("once again", "again"))  # a re-post, lightly edited
    groups = mfaparse.dedup_posts(texts)
    for g in groups:
        print(f"{g.kind:>5} group: keep #{g.representative}, drop {[m for m in g.members if m != g.representative]}")
    dropped = {m for g in groups for m in g.members if m != g.representative}
    print(f"{len(texts)} posts, {len(texts) - len(dropped)} after dedup")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
