"""Dedup scaling (1, 2, 4, 8 MB; a 5 MB post of repeated blocks; 10⁵ identical lines) and near-duplicate
signatures beside datasketch, in one run.

Run: python benchmarks/bench_dedup.py
"""

from __future__ import annotations

import functools
import json
import pathlib
import sys
import time
from collections.abc import Callable

import mfaparse
from mfaparse._text.near_duplicates import MinHasher, NearDupOptions, normalised_words

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _data import seed, telegram_dump  # the benchmarks folder is not a package


def timed(func: Callable[[], object]) -> float:
    """Seconds one call takes (best of three)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print both tables."""
    print("dedup_blocks scaling (time should double with the size)")
    print(f"{'input':<34} {'MB':>6} {'seconds':>9} {'MB/s':>8}")
    for mb in (1, 2, 4, 8):
        text = telegram_dump(mb)
        seconds = timed(functools.partial(mfaparse.dedup_blocks, text))
        print(f"{'dump from seed 002':<34} {mb:>6} {seconds:>9.3f} {mb / seconds:>8.1f}")
    block = "\n".join(seed("002").split("\n")[1:24])
    post = "\n".join([block] * (5_000_000 // len(block.encode("utf-8"))))
    seconds = timed(lambda: mfaparse.dedup_blocks(post))
    print(f"{'one 5 MB post of repeated blocks':<34} {5:>6} {seconds:>9.3f} {5 / seconds:>8.1f}")
    same = "\n".join(["The same long line repeated many times"] * 100_000)
    size = len(same) / 1e6
    seconds = timed(lambda: mfaparse.dedup_blocks(same))
    print(f"{'10^5 identical lines':<34} {size:>6.1f} {seconds:>9.3f} {size / seconds:>8.1f}")

    posts = [p for p in telegram_dump(2).split("Forwarded from") if p.strip()][:5000]
    opts = NearDupOptions()
    hasher = MinHasher(opts)
    ours = timed(lambda: [hasher.signature(p) for p in posts])
    try:
        import datasketch  # noqa: PLC0415  # optional: only the comparison needs it

        def anchor() -> None:
            for p in posts:
                words = normalised_words(p)
                m = datasketch.MinHash(num_perm=opts.num_perm, seed=opts.seed)
                for i in range(max(1, len(words) - 2)):
                    m.update(" ".join(words[i : i + 3]).encode("utf-8"))

        theirs: float | None = timed(anchor)
    except ImportError:
        theirs = None
    print()
    print(f"near-duplicate signatures, {len(posts)} posts from seed 002, {opts.num_perm} bins, 3-word shingles")
    print(f"{'signatures':<34} {'posts/s':>10}")
    print(f"{'mfaparse MinHasher (one-permutation)':<34} {len(posts) / ours:>10.0f}")
    if theirs is not None:
        print(f"{'datasketch.MinHash, update per shingle':<34} {len(posts) / theirs:>10.0f}")
        print(f"speed-up: {theirs / ours:.0f}x")
    else:
        print("datasketch is not installed: pip install datasketch to compare")
    short = [p[:500] for p in posts]
    short_time = timed(lambda: [hasher.signature(p) for p in short])
    print(f"{'mfaparse, the same posts cut to 500 chars':<34} {len(short) / short_time:>10.0f}")
    real_folder = pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpus" / "telegram-client-json"
    real = [
        m["text"] for f in sorted(real_folder.glob("*.json")) for m in json.loads(f.read_text("utf-8")) if m.get("text")
    ]
    if real:
        real_time = timed(lambda: [hasher.signature(p) for p in real])
        print(f"{'mfaparse, real client posts (corpus)':<34} {len(real) / real_time:>10.0f}")
    groups_time = timed(lambda: mfaparse.dedup_posts(posts))
    print(f"{'dedup_posts (exact + near groups)':<34} {len(posts) / groups_time:>10.0f}")


if __name__ == "__main__":
    main()
