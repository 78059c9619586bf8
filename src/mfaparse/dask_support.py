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

from mfaparse._model.jsonl import to_jsonl
from mfaparse._model.results import DuplicateGroup
from mfaparse._text.near_duplicates import NearDupOptions, dedup_posts
from mfaparse.errors import MissingDependencyError
from mfaparse.reader import expand_paths, read_path

__all__ = ["duplicate_groups", "file_records", "records_bag"]


def _dask_bag() -> Any:
    try:
        import dask.bag  # noqa: PLC0415  # optional dependency
    except ImportError as exc:
        raise MissingDependencyError("running on Dask needs the dask extra: pip install 'mfaparse[dask]'") from exc
    return dask.bag


def file_records(path: str, format: str | None = None) -> list[dict[str, Any]]:  # read()'s word
    """The records of one input as JSON-ready dicts with their ``type`` (what a Dask task returns)."""
    import json  # noqa: PLC0415  # kept local: this runs on workers

    fmt = None if format in (None, "auto") else format
    return [json.loads(to_jsonl(record)) for record in read_path(path, fmt)]


def records_bag(
    paths: Iterable[str | pathlib.Path], *, format: str | None = None, partitions: int | None = None
) -> Any:
    """A ``dask.bag`` of record dicts: one task per input, the inputs expanded as :func:`mfaparse.read` expands
    them (:func:`mfaparse.expand_paths`); a name that is no input is a ReadFailure dict like any other."""
    bag = _dask_bag()
    import json  # noqa: PLC0415  # kept local, as in file_records

    inputs = list(expand_paths(list(paths)))
    files = [item for item in inputs if isinstance(item, str)]
    missing = [json.loads(to_jsonl(item)) for item in inputs if not isinstance(item, str)]
    records = bag.from_sequence(files, npartitions=partitions or max(1, min(len(files), 64))).map(
        file_records, format=format
    )
    flat = records.flatten()
    return bag.concat([bag.from_sequence(missing, npartitions=1), flat]) if missing else flat


def duplicate_groups(bag: Any, options: NearDupOptions | None = None) -> tuple[DuplicateGroup, ...]:
    """Exact and near-duplicate groups of the posts and articles in a records bag (a second, gathering step).

    Members are indices in the order the bag yields its records.
    """
    texts = [r["text"] for r in bag.compute() if r.get("type") in ("Post", "Article")]
    return dedup_posts(texts, options)
