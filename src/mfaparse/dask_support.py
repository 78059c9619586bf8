"""Running the parsers on Dask: a bag over files, records as JSON-ready dicts, corpus dedup as a second step.

Needs ``pip install 'mfaparse[dask]'``. Every function here is importable by workers and pickles.

    from dask.distributed import Client, LocalCluster
    import mfaparse.dask_support as md

    with LocalCluster(n_workers=2) as cluster, Client(cluster):
        bag = md.records_bag(["dumps/", "articles/"])
        bag.map(json.dumps).to_textfiles("out/*.jsonl")          # JSON Lines, one file per partition
        groups = md.duplicate_groups(bag)                        # exact and near-duplicate groups
"""

from __future__ import annotations

import pathlib
from collections.abc import Iterable
from typing import Any

from mfaparse.errors import MissingDependencyError
from mfaparse.jsonl import to_jsonl
from mfaparse.near_duplicates import DuplicateGroup, NearDupOptions, dedup_posts
from mfaparse.reader import read

__all__ = ["duplicate_groups", "file_records", "records_bag"]


def _dask_bag() -> Any:
    try:
        import dask.bag  # noqa: PLC0415  # optional dependency
    except ImportError as exc:
        raise MissingDependencyError("running on Dask needs the dask extra: pip install 'mfaparse[dask]'") from exc
    return dask.bag


def file_records(path: str, format: str = "auto") -> list[dict[str, Any]]:  # read()'s word
    """The records of one input as JSON-ready dicts with their ``type`` (what a Dask task returns)."""
    import json  # noqa: PLC0415  # kept local: this runs on workers

    return [json.loads(to_jsonl(record)) for record in read(path, format=format)]


def records_bag(paths: Iterable[str | pathlib.Path], *, format: str = "auto", partitions: int | None = None) -> Any:
    """A ``dask.bag`` of record dicts: one task per input file (folders are expanded here)."""
    bag = _dask_bag()
    files: list[str] = []
    for raw in paths:
        path = pathlib.Path(raw)
        if path.is_dir():
            files.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file())
        else:
            files.append(str(path))
    return (
        bag.from_sequence(files, npartitions=partitions or max(1, min(len(files), 64)))
        .map(file_records, format=format)
        .flatten()
    )


def duplicate_groups(bag: Any, options: NearDupOptions | None = None) -> tuple[DuplicateGroup, ...]:
    """Exact and near-duplicate groups of the posts and articles in a records bag (a second, gathering step).

    Members are indices in the order the bag yields its records.
    """
    texts = [r["text"] for r in bag.compute() if r.get("type") in ("Post", "Article")]
    return dedup_posts(texts, options)
