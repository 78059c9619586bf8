"""Load a folder of scraped files into pandas: straight from the records (`mfaparse.to_pandas`), and from the
slim JSON Lines that `mfaparse parse FOLDER -o OUT.jsonl` writes.

Run: python examples/load_into_pandas.py [FOLDER] [--jsonl OUT.jsonl]
(default: the shipped example data; needs `pip install 'mfaparse[pandas]'`)
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import tempfile

import pandas as pd

import mfaparse

DEFAULT = pathlib.Path(__file__).parent / "data"


def main(argv: list[str]) -> int:
    """Load the folder both ways, print what is in it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=pathlib.Path, default=DEFAULT)
    parser.add_argument("--jsonl", type=pathlib.Path, help="keep the JSON lines here (default: a temporary file)")
    args = parser.parse_args(argv)

    # 1. Records straight into a DataFrame with proper dtypes (Int64, datetime64[us, UTC], lists, structs).
    frame = mfaparse.to_pandas(mfaparse.read(args.folder))
    print(f"{len(frame)} records:", ", ".join(f"{n} {t}" for t, n in frame["type"].value_counts().items()))
    posts = frame[frame["type"] == "Post"].copy()
    posts["source"] = posts["forward"].map(lambda f: f["name"] if isinstance(f, dict) else None)
    posts["words"] = posts["text"].str.split().str.len()
    print(posts[["source", "place", "date", "words"]].head(5).fillna("-").to_string(index=False))
    tags = posts["hashtags"].explode().dropna().value_counts().head(3)
    print("top hashtags:", ", ".join(f"#{tag} x{n}" for tag, n in tags.items()) or "-")
    for _, article in frame[frame["type"] == "Article"].head(5).iterrows():
        title = article["title"] if isinstance(article["title"], str) else "(no title)"
        print(f"article: {title[:60]} ({article['language']}, {len(article['text'])} characters)")

    # 2. The slim JSON Lines the command line writes, read back with pandas (a missing key is a missing value).
    out = args.jsonl or pathlib.Path(tempfile.mkdtemp()) / "records.jsonl"
    with out.open("w", encoding="utf-8") as handle:  # the same lines as: mfaparse parse FOLDER -o OUT
        for record in mfaparse.read(args.folder):
            handle.write(mfaparse.to_jsonl(record, "slim") + "\n")
    lines = pd.read_json(out, lines=True, dtype=False)
    print(f"{out.name}: {len(lines)} lines, {out.stat().st_size:,} bytes, columns: {', '.join(lines.columns[:8])} ...")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
