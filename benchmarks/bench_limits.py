"""What bad inputs cost: time and peak memory of ``read()`` on each, beside a normal dump of about the same size,
every case in a fresh process (its own peak RSS: ``VmHWM``, which exec resets, where ``ru_maxrss`` would carry
the parent's peak over; Linux). Pass ``--tree DIR`` to run another checkout's ``src`` (the code
before a change) on the same files, back to back.

Cases: a gzip bomb (2 GiB of zeros in ~2 MB), a zip bomb (1 GiB in ~1 MB), JSON nested 100,000 deep, HTML nested
1,000 deep, one 64 MB line in a dump, a Desktop export whose messages carry out-of-range times; each between two
good files, as a batch meets them.

Run: python benchmarks/bench_limits.py [--tree ../old-checkout] [--gib 2]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _data import telegram_dump  # the benchmarks folder is not a package

CHILD = """
import sys, time, mfaparse
start = time.perf_counter()
kinds = {}
try:
    for record in mfaparse.read(sys.argv[1:]):
        kinds[type(record).__name__] = kinds.get(type(record).__name__, 0) + 1
    outcome = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
except BaseException as exc:  # the old code let some through: report, do not hide
    outcome = f"batch ended: {type(exc).__name__} after {sum(kinds.values())} records"
status = open("/proc/self/status", encoding="ascii").read()  # VmHWM: this program's peak (reset at exec)
peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(f"{time.perf_counter() - start:.2f}\\t{peak:.0f}\\t{outcome}")
"""


def _cases(folder: pathlib.Path, gib: float) -> dict[str, pathlib.Path]:
    cases: dict[str, pathlib.Path] = {}
    normal = folder / "normal.txt"
    normal.write_text(telegram_dump(10), encoding="utf-8")
    cases["a normal 10 MB dump (reference)"] = normal
    bomb = folder / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        block = b"\0" * (1 << 24)
        for _ in range(int(gib * 64)):
            out.write(block)
    cases[f"gzip bomb: {gib:g} GiB of zeros in {bomb.stat().st_size / 1e6:.1f} MB"] = bomb
    zbomb = folder / "bomb.zip"
    with zipfile.ZipFile(zbomb, "w", compression=zipfile.ZIP_DEFLATED) as archive, archive.open("z.txt", "w") as m:
        for _ in range(64):
            m.write(b"\0" * (1 << 24))
    cases[f"zip bomb: 1 GiB of zeros in {zbomb.stat().st_size / 1e6:.1f} MB"] = zbomb
    deep = folder / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    cases["JSON nested 100,000 deep"] = deep
    html = folder / "deep.html"
    html.write_text(
        '<div class="tgme_widget_message" data-post="x/1"><div class="tgme_widget_message_text">'
        + "<b>" * 1000 + "deep" + "</b>" * 1000 + "</div></div>",
        encoding="utf-8",
    )  # fmt: skip
    cases["HTML nested 1,000 deep"] = html
    line = folder / "line.txt"
    line.write_text("Forwarded from X Channel\n" + "x" * (64 << 20) + "\n", encoding="utf-8")
    cases["one 64 MB line in a dump"] = line
    export = folder / "times.json"
    messages = [{"id": n, "type": "message", "date_unixtime": "1e20" if n % 2 else "1730905200", "text": f"m {n}"}
                for n in range(1000)]  # fmt: skip
    export.write_text(json.dumps({"name": "X", "messages": messages}), encoding="utf-8")
    cases["export: 500 of 1,000 times out of range"] = export
    return cases


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tree", type=pathlib.Path, help="another checkout whose src/ is run as well")
    parser.add_argument("--gib", type=float, default=2.0, help="size of the gzip bomb (default 2 GiB)")
    args = parser.parse_args()
    here = pathlib.Path(__file__).resolve().parents[1]
    trees = [("this tree", here)] + ([("--tree", args.tree.resolve())] if args.tree else [])
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        good_a, good_b = folder / "good_a.txt", folder / "good_b.txt"
        for good in (good_a, good_b):
            good.write_text("Forwarded from Russian MFA 🇷🇺\nA post.\n", encoding="utf-8")
        started = time.perf_counter()
        cases = _cases(folder, args.gib)
        print(f"inputs built in {time.perf_counter() - started:.0f} s; each case read as GOOD BAD GOOD")
        print(f"{'case':<44} {'code':<10} {'seconds':>8} {'peak MB':>8}  records")
        for name, path in cases.items():
            for label, tree in trees:
                env = dict(os.environ, PYTHONPATH=str(tree / "src"))
                done = subprocess.run(  # noqa: S603  # our own interpreter and script, our temporary files
                    [sys.executable, "-c", CHILD, str(good_a), str(path), str(good_b)],
                    capture_output=True, text=True, env=env, timeout=1800, check=False,
                )  # fmt: skip
                seconds, peak, outcome = [*done.stdout.strip().split("\t"), "", "", ""][:3]
                if done.returncode:
                    outcome = f"exit {done.returncode}: {done.stderr.strip().splitlines()[-1:]}"
                print(f"{name:<44} {label:<10} {seconds:>8} {peak:>8}  {outcome}")


if __name__ == "__main__":
    main()
