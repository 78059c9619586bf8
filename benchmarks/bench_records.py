"""Scraped records, CSV and JSON Lines, through ``read()`` (articles/s), beside what users combine without
mfaparse: ``pandas.read_csv`` / ``pandas.read_json`` and ``parse_tass`` on each row's title and text, in one run.

Input: the real Interfax and RT rows of ``../shared/corpus/news-records`` (18 rows), repeated to the count asked
for, written as CSV and as JSON Lines.

Run: python benchmarks/bench_records.py [--rows 5000]
"""

from __future__ import annotations

import argparse
import csv
import json
import pathlib
import tempfile
import time

import mfaparse

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news-records"


def _rows(count: int) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for name in ("interfax_2019_corus.csv", "rt_russian_2019_corus.csv"):
        with (CORPUS / name).open(encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return [rows[i % len(rows)] for i in range(count)]


def _rate(func: object, count: int) -> float:
    start = time.perf_counter()
    func()  # type: ignore[operator]  # a callable
    return count / (time.perf_counter() - start)


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    rows = _rows(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        table, lines = pathlib.Path(tmp) / "rows.csv", pathlib.Path(tmp) / "rows.jsonl"
        with table.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        lines.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{args.rows:,} rows ({table.stat().st_size / 1e6:.1f} MB as CSV)")
        print(f"{'pipeline':<58} {'articles/s':>11}")
        for label, path in (("CSV", table), ("JSON Lines", lines)):
            count = 0

            def ours(path: pathlib.Path = path) -> None:
                nonlocal count
                count = sum(isinstance(r, mfaparse.Article) for r in mfaparse.read(path))

            name = f"mfaparse.read, {label} (fields, dateline, repair, date)"
            print(f"{name:<58} {_rate(ours, args.rows):>11.0f}")
        try:
            import pandas as pd  # noqa: PLC0415  # optional: the anchor
        except ImportError:
            print("pandas is not installed: pip install pandas to compare")
            return

        def anchor_csv() -> None:
            frame = pd.read_csv(table)
            for title, text in zip(frame["title"], frame["text"], strict=True):
                mfaparse.parse_tass(f"{title}\n\n{text}")

        def anchor_json() -> None:
            frame = pd.read_json(lines, lines=True)
            for title, text in zip(frame["title"], frame["text"], strict=True):
                mfaparse.parse_tass(f"{title}\n\n{text}")

        print(f"{'anchor: pandas.read_csv + parse_tass(title + text)':<58} {_rate(anchor_csv, args.rows):>11.0f}")
        print(f"{'anchor: pandas.read_json(lines=True) + parse_tass':<58} {_rate(anchor_json, args.rows):>11.0f}")


if __name__ == "__main__":
    main()
