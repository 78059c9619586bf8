"""Parse a Telegram text dump into post records and print what was found; write JSONL if asked.

Run: python examples/parse_telegram_dump.py [DUMP.txt] [--jsonl OUT.jsonl]
(default: the shipped example dump of 13 forwarded MFA posts)
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

import mfaparse

DEFAULT = pathlib.Path(__file__).parent / "data" / "telegram_mfa_forwards.txt"


def main(argv: list[str]) -> int:
    """Parse, print a line per post, optionally write one JSON record per line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dump", nargs="?", type=pathlib.Path, default=DEFAULT)
    parser.add_argument("--jsonl", type=pathlib.Path, help="write the posts as JSON lines here")
    args = parser.parse_args(argv)
    dump = mfaparse.parse_telegram(args.dump.read_text(encoding="utf-8"))
    print(f"{args.dump.name}: {len(dump.posts)} posts")
    for i, post in enumerate(dump.posts, 1):
        source = post.forward.name if post.forward else (post.channel or "?")
        when = post.date.iso() if post.date else "-"
        removed = ", ".join(sorted({r.kind for r in post.removed}))
        size, tags = len(post.text), len(post.hashtags)
        print(f"{i:3}. {source:<26} {when:<11} {size:>6} chars  tags: {tags:<3} removed: {removed}")
        if post.title:
            print(f"     🎙 {post.title[:90]}")
    if args.jsonl:
        with args.jsonl.open("w", encoding="utf-8") as out:
            for post in dump.posts:
                out.write(json.dumps(post.to_dict(), ensure_ascii=False) + "\n")
        print(f"wrote {len(dump.posts)} records to {args.jsonl}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
