"""Serialising records to JSON Lines: the ways to do it, in one run, on the records of a Telegram dump and of
TASS articles (built from the seeds). ``to_dict`` builds the JSON-ready data (each profile); the encoders turn it
into a line: the stdlib's ``json`` (what mfaparse used before), orjson and msgspec (if installed).

Run: python benchmarks/bench_serialise.py [--mb 4] [--articles 2000]
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import pathlib
import sys
import time
from collections.abc import Callable
from typing import Any

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _data import seed, telegram_dump  # the benchmarks folder is not a package

import mfaparse


def best(run: Callable[[], object], rounds: int = 3) -> float:
    """The fastest of ``rounds`` runs, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def _dicts(records: list[Any], profile: str) -> list[Any]:
    return [r.to_dict(profile) for r in records]


def _encoded(encode: Callable[[Any], Any], data: list[Any]) -> list[Any]:
    return [encode(d) for d in data]


def main() -> None:
    """Build the records, time each way, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=4.0)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    posts = list(mfaparse.parse_telegram(telegram_dump(args.mb)).posts)
    texts = [seed(p) for p in ("000", "001", "003", "004")]
    articles = [mfaparse.parse_tass(texts[i % 4]) for i in range(args.articles)]
    stdlib = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":"))
    encoders: dict[str, Callable[[Any], Any]] = {"json (stdlib)": stdlib.encode}
    for name, attr in (("orjson", "dumps"), ("msgspec", "json")):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        encoders[name] = getattr(module, attr) if name == "orjson" else module.json.Encoder().encode
    print(f"{len(posts):,} posts ({args.mb:g} MB dump), {len(articles):,} articles")
    print(f"{'step':<34}{'posts (ms)':>12}{'articles (ms)':>15}")
    for profile in ("full", "slim"):
        data_posts = [p.to_dict(profile) for p in posts]
        data_articles = [a.to_dict(profile) for a in articles]
        t_posts = best(functools.partial(_dicts, posts, profile))
        t_articles = best(functools.partial(_dicts, articles, profile))
        print(f"{'to_dict, ' + profile:<34}{t_posts * 1e3:>12.0f}{t_articles * 1e3:>15.0f}")
        for name, encode in encoders.items():
            e_posts = best(functools.partial(_encoded, encode, data_posts))
            e_articles = best(functools.partial(_encoded, encode, data_articles))
            print(f"{'  encode ' + profile + ': ' + name:<34}{e_posts * 1e3:>12.0f}{e_articles * 1e3:>15.0f}")
    t_posts = best(lambda: [mfaparse.to_jsonl(p, "slim") for p in posts])
    t_articles = best(lambda: [mfaparse.to_jsonl(a, "slim") for a in articles])
    print(f"{'to_jsonl, slim (as the CLI writes)':<34}{t_posts * 1e3:>12.0f}{t_articles * 1e3:>15.0f}")
    dump = telegram_dump(args.mb)
    t_posts = best(lambda: mfaparse.parse_telegram(dump), rounds=1)
    t_articles = best(lambda: [mfaparse.parse_tass(texts[i % 4]) for i in range(args.articles)], rounds=1)
    print(f"{'parsing them (for scale)':<34}{t_posts * 1e3:>12.0f}{t_articles * 1e3:>15.0f}")


if __name__ == "__main__":
    main()
