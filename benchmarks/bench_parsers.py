"""End-to-end parser throughput beside the pipelines users would otherwise combine, in one run.

Telegram: a dump built from seed 002 (default 50 MB) streamed through ``iter_telegram`` to full records
(text, clean_text, metadata), beside the anchor pipeline: ftfy.fix_text + emoji.replace_emoji + a hashtag
regex + seen-set line dedup (measured on a slice: it is much slower). TASS: articles built from the seeds
through ``parse_tass``, beside ``trafilatura.extract`` on the same articles wrapped as minimal HTML.
Each table has a "floor" row: only the passes over the text that any parser producing these records makes
(repair, emoji, hashtags; repair and the NLP view), to show what the machine allows before records are built.

Run: python benchmarks/bench_parsers.py [--mb 50] [--articles 20000]
"""

from __future__ import annotations

import argparse
import html
import importlib
import io
import resource
import sys
import time
from collections.abc import Callable
from types import ModuleType

import ftfy

import mfaparse

sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from _data import seed, telegram_dump  # the benchmarks folder is not a package


def _optional(name: str) -> ModuleType | None:
    """An anchor library, if installed."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


emoji_pkg = _optional("emoji")
trafilatura = _optional("trafilatura")

HASHTAG = __import__("re").compile(r"#\w+")


def anchor_pipeline(text: str) -> int:
    """What users combine without mfaparse: repair, strip emoji, find tags, drop repeated lines."""
    fixed = ftfy.fix_text(text)
    stripped = emoji_pkg.replace_emoji(fixed, "") if emoji_pkg else fixed
    tags = HASHTAG.findall(stripped)
    seen: set[str] = set()
    kept = []
    for line in stripped.split("\n"):
        if line not in seen:
            seen.add(line)
            kept.append(line)
    return len(tags) + len(kept)


def passes(text: str) -> int:
    """The passes over a post no parser of it can skip: repair, emoji, tags (a floor for the records' cost)."""
    source = mfaparse.normalize(text)
    return len(mfaparse.strip_emoji(source)) + len(mfaparse.find_hashtags(source))


def rate(func: Callable[[], object], size: float) -> tuple[float, float]:
    """(units per second, seconds) of one call."""
    start = time.perf_counter()
    func()
    seconds = time.perf_counter() - start
    return size / seconds, seconds


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Print the tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=50.0, help="size of the Telegram dump (default 50)")
    parser.add_argument("--articles", type=int, default=20_000, help="number of TASS articles (default 20000)")
    args = parser.parse_args()

    dump = telegram_dump(args.mb)
    size = len(dump.encode("utf-8")) / 1e6
    count = 0

    def ours() -> None:
        nonlocal count
        count = sum(1 for _ in mfaparse.iter_telegram(io.StringIO(dump)))

    rss_before = peak_rss_mb()
    ours_rate, ours_seconds = rate(ours, size)
    slice_mb = 2.0
    piece = dump[: int(len(dump) * slice_mb / size)]
    anchor_rate, _ = rate(lambda: anchor_pipeline(piece), len(piece.encode("utf-8")) / 1e6)
    print(f"Telegram dump: {size:.1f} MB, {count:,} posts (built from seed 002)")
    print(f"{'pipeline':<52} {'MB/s':>8} {'posts/s':>10}")
    print(f"{'mfaparse.iter_telegram -> Post records (1 core)':<52} {ours_rate:>8.2f} {count / ours_seconds:>10.0f}")
    label = "anchor: ftfy + emoji.replace_emoji + regex + seen-set"
    print(f"{label:<52} {anchor_rate:>8.2f} {'':>10}")
    posts = ["Forwarded from" + p for p in piece.split("Forwarded from") if p.strip()]
    floor_rate, _ = rate(lambda: [passes(p) for p in posts], len(piece.encode("utf-8")) / 1e6)
    label = "floor: normalize + strip_emoji + find_hashtags only"
    print(f"{label:<52} {floor_rate:>8.2f} {'':>10}")
    print(
        f"speed-up over the anchor: {ours_rate / anchor_rate:.1f}x; peak RSS {peak_rss_mb():.0f} MB "
        f"(the dump itself holds {sys.getsizeof(dump) / 1e6:.0f} MB; {rss_before:.0f} MB before parsing)"
    )

    texts = [seed(p) for p in ("000", "001", "003", "004")]
    articles = [texts[i % len(texts)] for i in range(args.articles)]
    tass_rate, _ = rate(lambda: [mfaparse.parse_tass(a) for a in articles], len(articles))
    sample = articles[:2000]
    floor_rate, _ = rate(lambda: [mfaparse.clean_text(mfaparse.normalize(a)) for a in sample], len(sample))
    print()
    print(f"TASS: {len(articles):,} articles built from seeds 000, 001, 003, 004")
    print(f"{'parser':<52} {'articles/s':>12}")
    print(f"{'mfaparse.parse_tass (1 core)':<52} {tass_rate:>12.0f}")
    print(f"{'floor: normalize + clean_text only (2,000 articles)':<52} {floor_rate:>12.0f}")
    if trafilatura is not None:
        pages = [
            "<html><body><article>"
            + "".join(f"<p>{html.escape(p)}</p>" for p in a.split("\n") if p.strip())
            + "</article></body></html>"
            for a in articles[:500]
        ]
        traf_rate, _ = rate(lambda: [trafilatura.extract(p) for p in pages], len(pages))
        print(f"{'trafilatura.extract on minimal HTML (500 articles)':<52} {traf_rate:>12.0f}")
        print(f"speed-up over trafilatura: {tass_rate / traf_rate:.1f}x")
    else:
        print("trafilatura is not installed: pip install trafilatura lxml_html_clean to compare")


if __name__ == "__main__":
    main()
