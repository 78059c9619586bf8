"""Parse a folder of scraped files to JSON Lines, as `mfaparse parse` does, and load the records into pandas.

Run: python examples/load_into_pandas.py [FOLDER] [--jsonl OUT.jsonl]
(default: the shipped example data, one Telegram dump and one TASS article; needs `pip install pandas`)
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import tempfile

import pandas as pd

import mfaparse

DEFAULT = pathlib.Path(__file__).parent / "data"


def iso_date(data: object) -> str | None:
    """A post's ``date`` column (a dict, or NaN where there is none) as ISO text, loaded as a PartialDate."""
    return mfaparse.PartialDate.from_dict(data).iso() if isinstance(data, dict) else None


def main(argv: list[str]) -> int:
    """Write the JSONL, load it, print a table per record type."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=pathlib.Path, default=DEFAULT)
    parser.add_argument("--jsonl", type=pathlib.Path, help="keep the JSON lines here (default: a temporary file)")
    args = parser.parse_args(argv)
    out = args.jsonl or pathlib.Path(tempfile.mkdtemp()) / "records.jsonl"
    with out.open("w", encoding="utf-8") as handle:  # the same lines as: mfaparse parse FOLDER -o OUT
        for record in mfaparse.read(args.folder):
            handle.write(mfaparse.to_jsonl(record) + "\n")

    records = pd.read_json(out, lines=True, dtype=False)  # one row per record; nested fields stay Python objects
    print(f"{len(records)} records:", ", ".join(f"{n} {t}" for t, n in records["type"].value_counts().items()))

    posts = records[records["type"] == "Post"].copy()
    posts["source"] = posts["forward"].map(lambda f: f["name"] if isinstance(f, dict) else None)
    posts["hashtags"] = posts["hashtags"].map(lambda tags: [t["tag"] for t in tags])
    posts["date"] = posts["date"].map(
        lambda d: mfaparse.PartialDate.from_dict(d).iso() if isinstance(d, dict) else None
    )
    posts["words"] = posts["clean_text"].str.split().str.len()
    print(posts[["source", "place", "date", "words"]].head(5).fillna("-").to_string(index=False))
    tags = posts["hashtags"].explode().value_counts().head(3)
    print("top hashtags:", ", ".join(f"#{tag} x{n}" for tag, n in tags.items()))

    articles = records[records["type"] == "Article"]
    for _, article in articles.iterrows():
        print(f"article: {article['title'][:60]} ({article['language']}, {len(article['paragraphs'])} paragraphs)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
