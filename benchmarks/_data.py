"""Deterministic benchmark inputs built from the seeds (shared by the benchmark scripts)."""

from __future__ import annotations

import pathlib
import random

SEEDS = pathlib.Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seeds"


def seed(prefix: str) -> str:
    """The text of the seed whose name starts with ``prefix``."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def telegram_dump(megabytes: float, *, rng_seed: int = 7) -> str:
    """A Telegram dump of about ``megabytes`` MB: the posts of seed 002, shuffled, with words varied."""
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
        chunk = "\n".join(lines).rstrip("\n") + "\n"
        out.append(chunk)
        size += len(chunk.encode("utf-8"))
    return "".join(out)
