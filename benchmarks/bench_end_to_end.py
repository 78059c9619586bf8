"""End to end: the CLI on a >= 50 MB Telegram dump and >= 20,000 TASS articles (built deterministically from the
seeds), beside the parser alone and the anchor pipeline, in one run: each profile (slim, full) with the JSON
encoder mfaparse picks (orjson where installed) and the stdlib's (``MFAPARSE_JSON=stdlib``), -j 1 and -j 2;
seconds, MB/s, records/s, output size / input size and peak RSS of each run.

Run: python benchmarks/bench_end_to_end.py [--mb 50] [--articles 20000]
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _data import run_cli, telegram_dump, write_tass_records  # the benchmarks folder is not a package
from bench_parsers import anchor_pipeline  # same anchor as the parser benchmark

import mfaparse


def main() -> None:
    """Build the inputs, run everything, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder)
        dumps = root / "dumps"
        dumps.mkdir()
        parts = 8  # eight files, so that -j has something to share
        for i in range(parts):
            (dumps / f"dump{i}.txt").write_text(telegram_dump(args.mb / parts, rng_seed=i), encoding="utf-8")
        dump_mb = sum(p.stat().st_size for p in dumps.iterdir()) / 1e6
        posts = sum(p.read_text(encoding="utf-8").count("Forwarded from") for p in dumps.iterdir())
        articles = root / "articles.jsonl"
        write_tass_records(articles, args.articles)
        print(
            f"inputs: Telegram dump {dump_mb:.1f} MB in {parts} files ({posts:,} posts);",
            f"{args.articles:,} TASS articles",
        )
        dump_files = sorted(dumps.iterdir())
        start = time.perf_counter()
        for path in dump_files:
            with path.open(encoding="utf-8") as handle:
                sum(1 for _ in mfaparse.iter_telegram(handle))
        parser_seconds = time.perf_counter() - start
        head = f"{'run':<52} {'seconds':>8} {'MB/s':>7} {'records/s':>10} {'out/in':>7} {'peak RSS MB':>12}"
        print(head)
        label = "parser alone: iter_telegram over the dumps, 1 core"
        print(f"{label:<52} {parser_seconds:>8.1f} {dump_mb / parser_seconds:>7.2f} {posts / parser_seconds:>10.0f}")
        runs = [("slim", None, 1), ("slim", "stdlib", 1), ("full", None, 1), ("full", "stdlib", 1), ("slim", None, 2)]
        for profile, encoder, jobs in runs:
            target = root / "posts.jsonl"
            argv = ["parse", str(dumps), "-o", str(target), "-q", "-j", str(jobs), "--profile", profile]
            seconds, peak = run_cli(argv, {"MFAPARSE_JSON": "stdlib"} if encoder else None)
            ratio = target.stat().st_size / 1e6 / dump_mb
            label = f"mfaparse parse dumps/ --profile {profile} -j {jobs}" + (" (stdlib json)" if encoder else "")
            print(
                f"{label:<52} {seconds:>8.1f} {dump_mb / seconds:>7.2f} {posts / seconds:>10.0f} {ratio:>7.2f}"
                f" {peak:>12.0f}"
            )
        size = articles.stat().st_size / 1e6
        for profile in ("slim", "full"):
            target = root / "articles.out.jsonl"
            seconds, peak = run_cli(["parse", str(articles), "-o", str(target), "-q", "--profile", profile])
            ratio = target.stat().st_size / 1e6 / size
            label = f"mfaparse parse articles.jsonl --profile {profile}"
            print(
                f"{label:<52} {seconds:>8.1f} {size / seconds:>7.2f} {args.articles / seconds:>10.0f} {ratio:>7.2f}"
                f" {peak:>12.0f}"
            )
        sample = (dumps / "dump0.txt").read_text(encoding="utf-8")[:2_000_000]
        start = time.perf_counter()
        anchor_pipeline(sample)
        seconds = time.perf_counter() - start
        label = "anchor (ftfy + emoji + regex + seen-set), 2 MB"
        print(f"{label:<52} {seconds:>8.1f} {len(sample.encode()) / 1e6 / seconds:>7.2f}")


if __name__ == "__main__":
    main()
