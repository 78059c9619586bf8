"""Clean a Telegram dump for NLP and list its hashtags and emoji.

Run: python examples/clean_seed.py [PATH]   (default: the shipped example dump)
"""

from __future__ import annotations

import collections
import pathlib
import sys

import mfaparse

DEFAULT = pathlib.Path(__file__).parent / "data" / "telegram_mfa_forwards.txt"


def main(argv: list[str]) -> int:
    """Print the cleaned text's first lines, the most common hashtags and emoji."""
    path = pathlib.Path(argv[0]) if argv else DEFAULT
    text = mfaparse.normalize(path.read_text(encoding="utf-8"))
    tags = collections.Counter(h.tag for h in mfaparse.find_hashtags(text))
    emoji = collections.Counter(m.code or m.text for m in mfaparse.find_emoji(text))
    cleaned = mfaparse.clean_text(text)
    print(f"{path.name}: {len(text):,} characters, {len(cleaned):,} after clean_text")
    print("hashtags:", ", ".join(f"#{tag} ×{n}" for tag, n in tags.most_common(8)))
    print("emoji:   ", ", ".join(f"{e} ×{n}" for e, n in emoji.most_common(8)))
    print("clean text begins:")
    for line in cleaned.split("\n")[:3]:
        print("   ", line[:100])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
