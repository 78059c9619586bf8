"""Dask beside the command line: a >= 500 MB Telegram dump and 100,000 records (JSON Lines of TASS articles), each
through the recipe on a local cluster of 2 worker processes (``records_bag`` + ``write_jsonl``, and the one-pass
``write_jsonl_and_dedup``) and through ``mfaparse parse -j 2`` (and ``mfaparse dedup`` after it), in one run:
seconds, MB/s, peak memory of the largest process (the larger worker's VmHWM for Dask) and the bytes that reach
the client — for the CLI every record passes through its writer process, for Dask what ``compute`` returns.

Run: python benchmarks/bench_dask.py [--mb 500] [--records 100000] [--partition-mb 32]
"""

from __future__ import annotations

import argparse
import pathlib
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _data import run_cli, telegram_dump, write_tass_records  # the benchmarks folder is not a package

import mfaparse.dask_support as md


def _peak_mb() -> float:
    """This process's peak resident memory since it started (``VmHWM``: unlike ``ru_maxrss``, not inherited from
    the process that spawned it)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_dask(job: Callable[[Any], Any], partition_bytes: int) -> tuple[float, float, int, Any]:
    """(seconds, peak RSS in MB of the larger worker, bytes returned to the client, result) of one job on a fresh
    local cluster of 2 single-threaded worker processes (started before the clock starts)."""
    from dask.distributed import Client, LocalCluster  # noqa: PLC0415  # the dask extra (no type annotations)

    returned: list[int] = []
    compute = md._compute

    def measured(*collections: Any) -> tuple[Any, ...]:
        out = compute(*collections)
        returned.append(len(pickle.dumps(out)))
        return out

    md._compute = measured
    try:
        with (
            LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
            Client(cluster) as client,
        ):
            start = time.perf_counter()
            result = job(partition_bytes)
            seconds = time.perf_counter() - start
            peaks = client.run(_peak_mb)
    finally:
        md._compute = compute
    if not returned:  # write_jsonl computes itself: what it returns is what reached the client
        returned.append(len(pickle.dumps(result)))
    return seconds, max(peaks.values()), sum(returned), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=500.0)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--partition-mb", type=float, default=32.0)
    args = parser.parse_args()
    partition = int(args.partition_mb * (1 << 20))
    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder)
        dump = root / "dump.txt"
        dump.write_text(telegram_dump(args.mb), encoding="utf-8")
        records = root / "articles.jsonl"
        write_tass_records(records, args.records)
        print(f"2 workers; partitions of {args.partition_mb:g} MB; one run on a shared machine: compare within a table")
        for label, path, count_word in ((f"dump {dump.stat().st_size / 1e6:.0f} MB", dump, "posts"),
                                        (f"{args.records:,} records", records, "records")):  # fmt: skip
            size = path.stat().st_size / 1e6
            print(f"\n{label} ({size:.0f} MB)")
            print(
                f"{'run':<44} {'seconds':>8} {'MB/s':>6} {'peak MB/process':>16} {'to client MB':>13} {count_word:>9}"
            )
            out = root / "out.jsonl"
            seconds, peak = run_cli(["parse", str(path), "-j", "2", "-o", str(out), "-q"])
            lines = sum(1 for _ in out.open(encoding="utf-8"))
            row = f"{seconds:>8.1f} {size / seconds:>6.2f} {peak:>16.0f}"
            print(f"{'mfaparse parse -j 2 (slim)':<44} {row} {out.stat().st_size / 1e6:>13.1f} {lines:>9,}")
            seconds, peak = run_cli(["dedup", str(out)], stdout=root / "groups.jsonl")
            groups = sum(1 for _ in (root / "groups.jsonl").open(encoding="utf-8"))
            row = f"{seconds:>8.1f} {size / seconds:>6.2f} {peak:>16.0f}"
            print(f"{'  then mfaparse dedup (one process)':<44} {row} {'':>13} {groups:>9,} groups")

            def write(partition_bytes: int, path: pathlib.Path = path) -> Any:
                bag = md.records_bag([str(path)], partition_bytes=partition_bytes)
                return md.write_jsonl(bag, root / "dask-out")

            def both(partition_bytes: int, path: pathlib.Path = path) -> Any:
                bag = md.records_bag([str(path)], partition_bytes=partition_bytes)
                return md.write_jsonl_and_dedup(bag, root / "dask-both")

            seconds, peak, sent, written = run_dask(write, partition)
            lines = sum(len(pathlib.Path(p).read_text(encoding="utf-8").splitlines()) for p in written)
            row = f"{seconds:>8.1f} {size / seconds:>6.2f} {peak:>16.0f}"
            print(f"{'dask: records_bag + write_jsonl':<44} {row} {sent / 1e6:>13.4f} {lines:>9,}")
            seconds, peak, sent, (_, found) = run_dask(both, partition)
            row = f"{seconds:>8.1f} {size / seconds:>6.2f} {peak:>16.0f}"
            print(f"{'dask: write_jsonl_and_dedup (one pass)':<44} {row} {sent / 1e6:>13.4f} {len(found):>9,} groups")


if __name__ == "__main__":
    main()
