"""End to end: the CLI on a >= 50 MB Telegram dump and >= 20,000 TASS articles (built deterministically from the
seeds), with -j 1 and -j 2, beside the anchor pipeline; MB/s, records/s and peak RSS of each run.

Run: python benchmarks/bench_end_to_end.py [--mb 50] [--articles 20000]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _data import seed, telegram_dump  # the benchmarks folder is not a package
from bench_parsers import anchor_pipeline  # same anchor as the parser benchmark

_MEASURE = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run_cli(args: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one CLI run. A fresh wrapper process runs it, so the peak is this run's own
    (the largest of the CLI and its workers), not the largest of every run so far."""
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603  # our own interpreter
        [sys.executable, "-c", _MEASURE, sys.executable, "-m", "mfaparse", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    return seconds, int(done.stdout.split()[-1]) / 1024


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
        texts = [seed(p) for p in ("000", "001", "003", "004")]
        articles = root / "articles.jsonl"
        with articles.open("w", encoding="utf-8") as out:
            for i in range(args.articles):
                title, _, body = texts[i % 4].partition("\n")
                out.write(json.dumps({"title": title, "body": body, "url": f"https://tass.com/{i}"}) + "\n")
        print(
            f"inputs: Telegram dump {dump_mb:.1f} MB in {parts} files ({posts:,} posts);",
            f"{args.articles:,} TASS articles",
        )
        print(f"{'run':<46} {'seconds':>8} {'MB/s':>7} {'records/s':>10} {'peak RSS MB':>12}")
        for jobs in (1, 2):
            seconds, peak = run_cli(["parse", str(dumps), "-o", str(root / "posts.jsonl"), "-q", "-j", str(jobs)])
            label = f"mfaparse parse dumps/ -j {jobs}"
            print(f"{label:<46} {seconds:>8.1f} {dump_mb / seconds:>7.2f} {posts / seconds:>10.0f} {peak:>12.0f}")
        for jobs in (1,):
            seconds, peak = run_cli(
                ["parse", str(articles), "-o", str(root / "articles.out.jsonl"), "-q", "-j", str(jobs)]
            )
            size = articles.stat().st_size / 1e6
            label = f"mfaparse parse articles.jsonl -j {jobs}"
            print(f"{label:<46} {seconds:>8.1f} {size / seconds:>7.2f} {args.articles / seconds:>10.0f} {peak:>12.0f}")
        sample = (dumps / "dump0.txt").read_text(encoding="utf-8")[:2_000_000]
        start = time.perf_counter()
        anchor_pipeline(sample)
        seconds = time.perf_counter() - start
        label = "anchor (ftfy + emoji + regex + seen-set), 2 MB"
        print(f"{label:<46} {seconds:>8.1f} {len(sample.encode()) / 1e6 / seconds:>7.2f} {'':>10} {'':>12}")


if __name__ == "__main__":
    main()
