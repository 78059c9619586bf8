"""No slow inputs: every entry point's time per MB on repeated units, beside a normal dump's, in one run.

Each entry point (the parsers of text, the Telegram HTML parsers, and the text functions) gets the normal dump
(seed 002's posts, :func:`_data.telegram_dump`) and each adversarial input of the same size: one repeated unit
(``#``, ``@``, ``«``, ``"``, ``<``, emoji runs, unfinished ZWJ runs, ``Forwarded from X`` lines, dateline-like
text, quotes) and one line with no line end. The first table gives, per entry point, the worst input's time per MB
÷ its own time per MB on the normal dump, and ÷ ``parse_telegram``'s on the normal dump (the goal: at most 3 —
against the parse, since a scan that costs nothing on normal text, ``find_mentions`` at a millisecond a MB, cannot
stay within 3x of its own normal on ``@`` repeated), and which input it was; the second, the growth of each
input's time per MB from the smallest size to the largest (linear: 1), for the entry point where it grew most. A
last check runs the one-line input at 10 MB. ``--tree DIR`` times another checkout's ``src`` (the old code).

Each time is the best of ``--repeat`` runs (default 3), the line memos emptied before each.

Run: python benchmarks/bench_adversarial.py [--sizes 0.25,0.5,1,2] [--long-mb 10] [--tree ../old] [--only a,b]
[--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import pathlib
import sys
import time
from collections.abc import Callable

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _data import telegram_dump  # the benchmarks folder is not a package


def _tree(argv: list[str]) -> None:
    """Put ``--tree DIR``'s ``src`` first on the path, before mfaparse is imported."""
    if "--tree" in argv:
        sys.path.insert(0, str(pathlib.Path(argv[argv.index("--tree") + 1]) / "src"))


_tree(sys.argv)
import mfaparse  # noqa: E402  # after --tree chose which checkout

UNITS: dict[str, str] = {
    "#": "#",
    "@": "@",
    "«": "«",
    "«»": "«»",
    '"': '"',
    "<": "<",
    "#word": "#ASEAN",
    "flags": "🇷🇺",
    "flags, spaced": "🇷🇺 ",
    "skin tones": "👍🏽",
    "keycaps": "8️⃣",
    "unfinished ZWJ": "👨\u200d",
    "ZWJ + VS16": "\u200d\ufe0f",
    "forward lines": "Forwarded from Russian MFA 🇷🇺\n",
    "dateline-like": "MOSCOW, October 13. /TASS/. ",
    "quotes": '"Text," he said. ',
    "one line": "Lavrov met ASEAN ministers in Jakarta. ",
}
"""The repeated units: each input is one unit repeated to the size (``one line``: words with no line end)."""

ENTRY_POINTS: dict[str, Callable[[str], object]] = {
    "parse_telegram": mfaparse.parse_telegram,
    "iter_telegram": lambda text: sum(1 for _ in mfaparse.iter_telegram(io.StringIO(text))),
    "parse_tass": mfaparse.parse_tass,
    "parse_telegram_web": mfaparse.parse_telegram_web,
    "parse_telegram_export_html": mfaparse.parse_telegram_export_html,
    "clean_text": mfaparse.clean_text,
    "normalize": mfaparse.normalize,
    "dedup_blocks": mfaparse.dedup_blocks,
    "find_emoji": mfaparse.find_emoji,
    "find_hashtags": mfaparse.find_hashtags,
    "find_mentions": mfaparse.find_mentions,
    "find_links": mfaparse.find_links,
}


def repeated(unit: str, megabytes: float) -> str:
    """``unit`` repeated to about ``megabytes`` MB of UTF-8."""
    return unit * max(1, int(megabytes * 1e6 / len(unit.encode("utf-8"))))


try:
    from mfaparse._lines.memo import clear_memos
except ImportError:  # the old code has no memos

    def clear_memos() -> None:
        """Nothing to forget."""


def seconds(func: Callable[[str], object], text: str, repeat: int) -> float:
    """The best of ``repeat`` runs of ``func(text)`` (the machine is shared and noisy), each with the line memos
    empty, as a first parse has them."""
    best = float("inf")
    for _ in range(repeat):
        clear_memos()
        gc.collect()
        start = time.perf_counter()
        with contextlib.suppress(mfaparse.ParseError):  # unreadable content is an answer too: its time counts
            func(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.25,0.5,1,2", help="input sizes in MB, comma-separated")
    parser.add_argument("--long-mb", type=float, default=10.0, help="the size of the last check's one line")
    parser.add_argument("--tree", help="a checkout whose src to time (read before mfaparse is imported)")
    parser.add_argument("--only", help="entry points to run, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure (the best is kept)")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    chosen = args.only.split(",") if args.only else list(ENTRY_POINTS)
    if unknown := sorted(set(chosen) - set(ENTRY_POINTS)):
        parser.error(f"unknown entry points {', '.join(unknown)}; the entry points are {', '.join(ENTRY_POINTS)}")
    entries = {k: v for k, v in ENTRY_POINTS.items() if k in chosen}
    print(f"mfaparse from {pathlib.Path(mfaparse.__file__).parents[1]}; sizes {sizes} MB")
    normal = {size: telegram_dump(size) for size in sizes}
    inputs = {name: {size: repeated(unit, size) for size in sizes} for name, unit in UNITS.items()}
    per_mb: dict[tuple[str, str], float] = {}
    growth: dict[tuple[str, str], float] = {}
    for entry, func in entries.items():
        for name, texts in [("normal dump", normal), *inputs.items()]:
            times = [seconds(func, texts[size], args.repeat) for size in sizes]
            per_mb[entry, name] = times[-1] / sizes[-1]
            growth[entry, name] = (times[-1] / sizes[-1]) / max(times[0] / sizes[0], 1e-9)
    parse = per_mb.get(("parse_telegram", "normal dump")) or seconds(
        mfaparse.parse_telegram, normal[sizes[-1]], args.repeat
    )
    print()
    print(f"at {sizes[-1]:g} MB; ÷ parse: ÷ parse_telegram's s/MB on the normal dump (the goal: at most 3)")
    print(f"{'entry point':28} {'normal s/MB':>11} {'worst s/MB':>10} {'÷ own normal':>12} {'÷ parse':>8}  worst input")
    for entry in entries:
        base = per_mb[entry, "normal dump"]
        worst = max(UNITS, key=lambda name: per_mb[entry, name])
        high = per_mb[entry, worst]
        print(f"{entry:28} {base:11.3f} {high:10.3f} {high / base:12.2f} {high / parse:8.2f}  {worst}")
    print()
    print(
        f"growth: s/MB at {sizes[-1]:g} MB ÷ s/MB at {sizes[0]:g} MB (linear: 1), the worst entry point of each input"
    )
    for name in ["normal dump", *UNITS]:
        entry = max(entries, key=lambda e: growth[e, name])
        print(f"{name:18} {growth[entry, name]:6.2f}  {entry}")
    print()
    long_line = repeated(UNITS["one line"], args.long_mb)
    print(f"one {args.long_mb:g} MB line: s/MB ÷ own normal, ÷ parse")
    for entry, func in entries.items():
        cost = seconds(func, long_line, args.repeat) / args.long_mb
        print(f"{entry:28} {cost / per_mb[entry, 'normal dump']:6.2f} {cost / parse:6.2f}")


if __name__ == "__main__":
    main()
