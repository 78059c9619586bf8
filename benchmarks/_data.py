"""Deterministic benchmark inputs built from the seeds (shared by the benchmark scripts)."""

from __future__ import annotations

import json
import os
import pathlib
import random
import subprocess
import sys
import time

SEEDS = pathlib.Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seeds"


def seed(prefix: str) -> str:
    """The text of the seed whose name starts with ``prefix``."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def telegram_dump(megabytes: float, *, rng_seed: int = 7, distinct: bool = False) -> str:
    """A Telegram dump of about ``megabytes`` MB: the posts of seed 002, shuffled, with words varied. With
    ``distinct``, every line of text is made unique across posts (a number after it, the same for a line's copies
    inside its post, whose scraped doubles stay doubles): no line repeats from post to post, as in a corpus of
    different posts, so nothing is won by remembering lines."""
    rng = random.Random(rng_seed)
    text = seed("002")
    posts = ["Forwarded from" + p for p in text.split("Forwarded from") if p.strip()]
    words = ["Moscow", "Jakarta", "ASEAN", "BRICS", "Lavrov", "security", "cooperation", "2024", "Москва"]
    out: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        post = rng.choice(posts)
        lines = post.split("\n")
        k = rng.randrange(1, len(lines))
        lines[k] = lines[k].replace(" the ", f" {rng.choice(words)} ", 1)
        if distinct:
            numbered: dict[str, str] = {}
            for n, line in enumerate(lines):
                if line.strip() and not line.startswith("Forwarded from"):
                    lines[n] = numbered.setdefault(line, f"{line} {len(out)}.{len(numbered)}")
        chunk = "\n".join(lines).rstrip("\n") + "\n"
        out.append(chunk)
        size += len(chunk.encode("utf-8"))
    return "".join(out)


def write_tass_records(path: pathlib.Path, count: int) -> None:
    """``count`` TASS articles as JSON Lines records (title, body, url), the English seeds in turn."""
    texts = [seed(p) for p in ("000", "001", "003", "004")]
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            title, _, body = texts[i % 4].partition("\n")
            out.write(json.dumps({"title": title, "body": body, "url": f"https://tass.com/{i}"}) + "\n")


_MEASURE = (
    "import resource, subprocess, sys; out = open(sys.argv[1], 'w') if sys.argv[1] != '-' else None; "
    "subprocess.run(sys.argv[2:], check=True, stdout=out); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run_cli(
    args: list[str], env: dict[str, str] | None = None, stdout: pathlib.Path | None = None
) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one ``mfaparse`` run. A fresh wrapper process runs it, so the peak is this
    run's own (the largest of the CLI and its workers), not the largest of every run so far; its standard output
    goes to ``stdout``."""
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603  # our own interpreter
        [sys.executable, "-c", _MEASURE, str(stdout or "-"), sys.executable, "-m", "mfaparse", *args],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    return time.perf_counter() - start, int(done.stdout.split()[-1]) / 1024
