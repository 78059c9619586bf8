"""The throughput goals of issue #16 in one run: the old code, the new code in pure Python, the new code with the
native core, and the anchors users would otherwise combine, on the same inputs, back to back.

Rows: ``parse_telegram`` on a dump built from seed 002 (default 50 MB; lines repeat from post to post, as forwards
of one channel do) and on a dump of the same posts with every line made unique across posts (nothing is won by
remembering lines); ``parse_tass`` on articles from the TASS seeds; the command line end to end (``mfaparse parse
dump.txt -o out.jsonl``, the slim profile, one process, start-up included) as a share of the parser's MB/s; and the
anchors: ftfy.fix_text + emoji.replace_emoji + a hashtag regex + seen-set line dedup on a slice of the dump,
``trafilatura.extract`` on the articles wrapped as minimal HTML (each where installed). Each configuration runs
in a fresh process (``--tree DIR`` names the old checkout; ``MFAPARSE_NATIVE=0`` is the pure-Python run), the
configurations taking turns ``--repeat`` times (a shared machine's speed drifts within a run: each gets the same
drift); the first table is each measure's best run, the second its slowest.

Run: python benchmarks/bench_throughput.py --tree ../old [--mb 50] [--articles 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _data import run_cli, seed, telegram_dump  # the benchmarks folder is not a package

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent

CHILD = """
import json, sys, time
import mfaparse
try:
    from mfaparse._native import active
except ImportError:  # the old code has no core
    active = lambda: False
dumps, articles_path = sys.argv[1:-1], sys.argv[-1]
out = {"native": active()}
for path in dumps:
    text = open(path, encoding="utf-8").read()
    start = time.perf_counter()
    posts = len(mfaparse.parse_telegram(text).posts)
    out[path] = [len(text.encode("utf-8")) / 1e6 / (time.perf_counter() - start), posts]
articles = json.load(open(articles_path, encoding="utf-8"))
start = time.perf_counter()
for a in articles:
    mfaparse.parse_tass(a)
out["tass"] = len(articles) / (time.perf_counter() - start)
print(json.dumps(out))
"""


def child(tree: pathlib.Path, native: bool, dumps: list[pathlib.Path], articles: pathlib.Path) -> dict[str, Any]:
    """The measures of one configuration, from a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(tree / "src"), "MFAPARSE_NATIVE": "1" if native else "0"}
    done = subprocess.run(  # noqa: S603  # our own interpreter
        [sys.executable, "-c", CHILD, *map(str, dumps), str(articles)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def anchors(dump: str, articles: list[str]) -> tuple[float, float | None]:
    """MB/s of the anchor pipeline on a 2 MB slice, and trafilatura's articles/s on 500 (None if not installed)."""
    import bench_parsers  # noqa: PLC0415  # its anchor pipeline, one definition

    piece = dump[:2_000_000]
    start = time.perf_counter()
    bench_parsers.anchor_pipeline(piece)
    mbps = len(piece.encode("utf-8")) / 1e6 / (time.perf_counter() - start)
    if bench_parsers.trafilatura is None:
        return mbps, None
    import html  # noqa: PLC0415

    pages = [
        "<html><body><article>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in a.split("\n") if p.strip())
        + "</article></body></html>"
        for a in articles[:500]
    ]
    start = time.perf_counter()
    for page in pages:
        bench_parsers.trafilatura.extract(page)
    return mbps, len(pages) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", required=True, help="the old checkout (its src is timed as 'old')")
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each configuration, taking turns")
    args = parser.parse_args()
    old = pathlib.Path(args.tree).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        dump, distinct = folder / "dump.txt", folder / "distinct.txt"
        text = telegram_dump(args.mb)
        dump.write_text(text, encoding="utf-8")
        distinct.write_text(telegram_dump(args.mb, distinct=True), encoding="utf-8")
        texts = [seed(p) for p in ("000", "001", "003", "004")]
        articles = [texts[i % len(texts)] for i in range(args.articles)]
        articles_path = folder / "articles.json"
        articles_path.write_text(json.dumps(articles), encoding="utf-8")
        configs = {"old": (old, False), "new, pure Python": (ROOT, False), "new, native core": (ROOT, True)}
        for tree in {old, ROOT}:  # the CLI rows import from bytecode, whatever PYTHONDONTWRITEBYTECODE says
            compileall.compile_dir(tree / "src", quiet=1)
        runs: list[dict[str, dict[str, Any]]] = []
        for _ in range(args.repeat):  # the configurations take turns, so that each meets the host's drift
            run: dict[str, dict[str, Any]] = {}
            for name, (tree, native) in configs.items():
                run[name] = child(tree, native, [dump, distinct], articles_path)
                env = {"PYTHONPATH": str(tree / "src"), "MFAPARSE_NATIVE": "1" if native else "0"}
                seconds, _ = run_cli(["parse", str(dump), "-o", str(folder / "out.jsonl")], env=env)
                run[name]["cli"] = args.mb / seconds
            runs.append(run)
        anchor_runs = [anchors(text, articles) for _ in range(args.repeat)]
    first = runs[0]["old"]
    print(f"dump {args.mb:g} MB ({first[str(dump)][1]:,} posts), {args.articles:,} TASS articles; one core")
    rows: list[tuple[str, Callable[[dict[str, Any]], float]]] = [
        ("parse_telegram, MB/s", lambda r: float(r[str(dump)][0])),
        ("parse_telegram, lines unique, MB/s", lambda r: float(r[str(distinct)][0])),
        ("parse_tass, articles/s", lambda r: float(r["tass"])),
        ("CLI slim end to end, MB/s", lambda r: float(r["cli"])),
    ]
    for title, pick in (("best", max), ("slowest", min)):
        print(f"\n{title} of {args.repeat} runs")
        print(f"{'measure':<44}" + "".join(f"{name:>18}" for name in configs))
        for label, value in rows:
            print(f"{label:<44}" + "".join(f"{pick(value(r[n]) for r in runs):>18.2f}" for n in configs))
        ratio = "".join(
            f"{pick(r[n]['cli'] for r in runs) / pick(r[n][str(dump)][0] for r in runs):>18.2f}" for n in configs
        )
        print(f"{'CLI slim ÷ parse_telegram':<44}" + ratio)
    in_use = ", ".join(f"{name}: {first_run[name]['native']}" for first_run in runs[:1] for name in configs)
    print(f"\nnative core in use: {in_use}")
    anchor_mbps = [a for a, _ in anchor_runs]
    print(f"anchor: ftfy + emoji.replace_emoji + regex + seen-set, MB/s: {max(anchor_mbps):.2f} (slowest "
          f"{min(anchor_mbps):.2f})")  # fmt: skip
    trafs = [t for _, t in anchor_runs if t]
    print(f"anchor: trafilatura.extract, articles/s: {max(trafs):.0f}" if trafs else "trafilatura is not installed")


if __name__ == "__main__":
    main()
