"""A corpus on Dask: every record as JSON Lines (one file per partition) and its duplicate posts, in one pass.

    pip install 'mfaparse[dask]'
    python examples/dask_corpus.py examples/data --out out/
    python examples/dask_corpus.py /archive/exports --out /shared/out --scheduler tcp://scheduler:8786

Without ``--scheduler`` a local cluster of ``--workers`` processes is started here. Large dumps, exports and record
files are cut into partitions of about ``--partition-mb`` megabytes; the records equal ``mfaparse.read()``'s, the
duplicate groups ``mfaparse.dedup_posts``'s — found on the workers, with only ids sent back here.
"""

from __future__ import annotations

import argparse
import pathlib

from dask.distributed import Client, LocalCluster

import mfaparse
import mfaparse.dask_support as md


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="A corpus on Dask")
    parser.add_argument("inputs", nargs="+", help="files, folders, globs (as mfaparse parse takes them)")
    parser.add_argument("--out", type=pathlib.Path, required=True, help="folder for records/ and duplicates.jsonl")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    parser.add_argument("--partition-mb", type=float, default=32, help="input megabytes per partition (default 32)")
    args = parser.parse_args(argv)

    cluster = None if args.scheduler else LocalCluster(n_workers=args.workers, threads_per_worker=1)
    with Client(args.scheduler or cluster):
        bag = md.records_bag(args.inputs, partition_bytes=int(args.partition_mb * (1 << 20)))
        paths, groups = md.write_jsonl_and_dedup(bag, args.out / "records")
    if cluster is not None:
        cluster.close()

    with open(args.out / "duplicates.jsonl", "w", encoding="utf-8") as out:
        for group in groups:
            out.write(mfaparse.to_jsonl(group) + "\n")
    near = sum(1 for g in groups if g.kind == "near")
    print(f"{len(paths)} partitions in {args.out / 'records'}; {len(groups) - near} exact and {near} near groups")


if __name__ == "__main__":  # Dask starts worker processes: the script must be importable without running
    main()
