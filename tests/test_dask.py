"""The Dask recipe, on a local cluster with a small input."""

from __future__ import annotations

import pathlib

import pytest

from mfaparse import dask_support
from tests.conftest import SEEDS

distributed = pytest.importorskip("distributed")  # in the [test] extra; skipped only where it is not installed


def test_records_bag_and_dedup_on_a_local_cluster(tmp_path: pathlib.Path) -> None:
    """A bag over the seeds gives the records read() gives; JSON Lines out; dedup as a second step."""
    repeated = tmp_path / "again.txt"
    repeated.write_text((SEEDS / "002_12d9f524b16b2091.txt").read_text(encoding="utf-8"), encoding="utf-8")
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        missing = tmp_path / "missing.txt"
        assert [r["type"] for r in dask_support.records_bag([missing]).compute()] == ["ReadFailure"]
        bag = dask_support.records_bag([SEEDS, repeated])
        records = bag.compute()
        assert [r["type"] for r in records].count("Post") == 26
        assert [r["type"] for r in records].count("Article") == 4
        out = tmp_path / "out"
        bag.map(__import__("json").dumps).to_textfiles(str(out / "*.jsonl"))
        assert sum(len(p.read_text(encoding="utf-8").splitlines()) for p in out.glob("*.jsonl")) == 30
        groups = dask_support.duplicate_groups(bag)
    assert sum(1 for g in groups if g.kind == "exact") == 13  # each post of the repeated dump once more
