"""Parse TASS article texts with a reference date, so year-less timestamps get their year.

Run: python examples/parse_tass_articles.py [ARTICLE.txt ...] [--reference-date 2022-10-20]
(default: the shipped example article)
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import sys

import mfaparse

DEFAULT = pathlib.Path(__file__).parent / "data" / "tass_en_security_council.txt"


def main(argv: list[str]) -> int:
    """Print title, dateline, first paragraph and quotes of each article."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("articles", nargs="*", type=pathlib.Path, default=[DEFAULT])
    parser.add_argument("--reference-date", type=dt.date.fromisoformat, default=dt.date(2022, 10, 20))
    args = parser.parse_args(argv)
    for path in args.articles:
        art = mfaparse.parse_tass(path.read_text(encoding="utf-8"), reference_date=args.reference_date)
        print(f"{path.name}: {art.title}")
        if art.dateline and art.dateline.date:
            when = art.dateline.date.resolve(args.reference_date)
            print(f"  dateline: {art.dateline.city}, {when.isoformat()} ({art.dateline.agency})")
        print(f"  {len(art.paragraphs)} paragraphs; first: {art.paragraphs[0][:80]}…")
        for quote in art.quotes[:3]:
            print(f"  “{quote.text[:60]}…” — {quote.speaker or 'unattributed'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
