"""Throughput of normalize, strip_emoji and find_hashtags beside ftfy and the emoji package, in one run.

Run: python benchmarks/bench_foundation.py [--mb N]
The input is built deterministically from the seeds (tests/fixtures/seeds), repeated to N MB.
"""

from __future__ import annotations

import argparse
import pathlib
import time
from collections.abc import Callable

import emoji as emoji_pkg
import ftfy
import regex

import mfaparse
from mfaparse._text.normalize import FTFY_CONFIG

SEEDS = pathlib.Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seeds"
NAIVE_HASHTAG = regex.compile(r"#\w+")


def build_text(megabytes: float) -> str:
    """The seeds, concatenated and repeated to about ``megabytes`` MB of UTF-8."""
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    size = len(seeds.encode("utf-8"))
    return "\n".join([seeds] * max(1, round(megabytes * 1e6 / size)))


def measure(func: Callable[[str], object], text: str, budget: float = 3.0) -> float:
    """MB/s of ``func`` on ``text`` (the best of repeated runs within ``budget`` seconds)."""
    size = len(text.encode("utf-8")) / 1e6
    best = float("inf")
    spent = 0.0
    while spent < budget:
        start = time.perf_counter()
        func(text)
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
        spent += elapsed
        if elapsed > budget / 2:
            break
    return size / best


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=4.0, help="size of the generated input (default 4)")
    args = parser.parse_args()
    text = build_text(args.mb)
    small = build_text(0.5)  # the slow anchors run on a smaller slice
    rows = [
        ("normalize (mfaparse)", measure(mfaparse.normalize, text)),
        ("ftfy.fix_text, same config", measure(lambda t: ftfy.fix_text(t, FTFY_CONFIG), small)),
        ("ftfy.fix_text, defaults", measure(ftfy.fix_text, small)),
        ("strip_emoji (mfaparse)", measure(mfaparse.strip_emoji, text)),
        ("emoji.replace_emoji", measure(lambda t: emoji_pkg.replace_emoji(t, ""), small)),
        ("find_hashtags (mfaparse)", measure(mfaparse.find_hashtags, text)),
        ("naive re #\\w+", measure(NAIVE_HASHTAG.findall, text)),
        ("clean_text (mfaparse)", measure(mfaparse.clean_text, text)),
    ]
    zwj = "👨\u200d" * 20000
    adversarial = [
        ("strip_emoji on '👨\\u200d' * 20000", measure(mfaparse.strip_emoji, zwj, 1.0)),
        (
            "emoji.replace_emoji on the same",
            measure(lambda t: emoji_pkg.replace_emoji(t, ""), zwj[:4000], 1.0),
        ),
    ]
    print(f"input: {len(text.encode('utf-8')) / 1e6:.1f} MB built from the seeds")
    print(f"{'step':<40} {'MB/s':>10}")
    for name, rate in rows + adversarial:
        print(f"{name:<40} {rate:>10.2f}")
    print()
    print(f"strip_emoji / emoji.replace_emoji: {rows[3][1] / rows[4][1]:.0f}x")
    print(f"normalize / ftfy.fix_text (same config): {rows[0][1] / rows[1][1]:.0f}x")


if __name__ == "__main__":
    main()
