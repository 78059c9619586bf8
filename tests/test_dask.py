"""The Dask support on a local cluster of two worker processes: partitions that follow the data give read()'s
records, distributed dedup gives dedup_posts' groups with only ids reaching the client, output in the profiles,
and the recipe script runs as written."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import mfaparse
from mfaparse import _pieces, dask_support, reader
from mfaparse._model.jsonl import to_jsonl
from tests.conftest import SEEDS, require_corpus
from tests.test_pieces import seed_dump

distributed = pytest.importorskip("distributed")  # in the [test] extra; skipped only where it is not installed

SMALL = reader.ReadOptions(stream_bytes=4_000)  # read() streams files from 4 kB
PARTITION = 6_000  # bytes: every test input larger than one partition is cut


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A dump, JSON Lines, CSV and an export each several partitions long (the seeds and corpus files repeated),
    a folder of small files, and a name that is no file."""
    corpus = require_corpus()
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "dump.txt").write_text(seed_dump() * 5, encoding="utf-8")
    rows = (corpus / "news-records" / "ria_2010_lowercased_corus.jsonl").read_text(encoding="utf-8").splitlines()
    (folder / "records.jsonl").write_text("\n".join([*rows, "{not json", *rows]) + "\n", encoding="utf-8")
    header, _, body = (corpus / "news-records" / "interfax_2019_corus.csv").read_text(encoding="utf-8").partition("\n")
    (folder / "news.csv").write_text(header + "\n" + body * 2, encoding="utf-8")
    data = json.loads((corpus / "telegram-desktop-json" / "trfactsdeals_messages_2023.json").read_text("utf-8"))
    export = {"name": "TR Facts Deals", "type": "public_channel", "id": 1, "messages": data["messages"][:150]}
    (folder / "result.json").write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
    return [*(str(folder / n) for n in ("dump.txt", "records.jsonl", "news.csv", "result.json")),
            str(corpus / "telegram-text"), str(folder / "missing.txt")]  # fmt: skip


def test_partitions_follow_the_data_and_give_reads_records(client: Any, inputs: list[str]) -> None:
    bag = dask_support.records_bag(inputs, options=SMALL, partition_bytes=PARTITION)
    want = list(mfaparse.read(inputs, options=SMALL))
    cut = sum(len(_pieces.pieces(p, None, SMALL, PARTITION)) - 1 for p in inputs[:4])
    assert cut >= 8  # every large input is cut
    assert bag.npartitions > len(inputs) + cut - 2  # and the corpus folder's small files are grouped, not one each
    got = bag.compute()
    assert [to_jsonl(r) for r in got] == [to_jsonl(r) for r in want]
    assert {type(r).__name__ for r in got} == {"Post", "Article", "ReadFailure"}
    assert all(r.provenance is not None for r in got)


def test_distributed_dedup_equals_dedup_posts_and_sends_only_ids(
    client: Any, inputs: list[str], tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dump twice over (exact copies), edited posts (near copies): the groups dedup_posts gives, and what
    compute returns to the client is ints only."""
    edited = tmp_path / "edited.txt"
    edited.write_text(seed_dump().replace("Lavrov", "Lavrov (edited)"), encoding="utf-8")
    paths = [*inputs, str(edited), str(SEEDS)]
    bag = dask_support.records_bag(paths, options=SMALL, partition_bytes=PARTITION)
    returned: list[Any] = []
    compute = dask_support._compute

    def recording(*collections: Any) -> tuple[Any, ...]:
        out = compute(*collections)
        returned.append(out)
        return out

    monkeypatch.setattr(dask_support, "_compute", recording)
    groups = dask_support.duplicate_groups(bag)
    texts = [r for r in mfaparse.read(paths, options=SMALL) if isinstance(r, (mfaparse.Post, mfaparse.Article))]
    assert groups == mfaparse.dedup_posts(texts)
    assert {g.kind for g in groups} == {"exact", "near"}
    assert len(returned) == 1
    assert set(map(type, leaves(returned))) == {int}


def leaves(value: Any) -> Iterator[Any]:
    if isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from leaves(item)
    else:
        yield value


def test_output_files_are_newline_terminated_in_the_profile(
    client: Any, inputs: list[str], tmp_path: pathlib.Path
) -> None:
    """One file per partition, each line ending in a newline: the files joined are the slim JSON Lines of read(),
    provenance included; Parquet with the tables schema; dicts for dataframes; the one-pass write and dedup."""
    bag = dask_support.records_bag(inputs, options=SMALL, partition_bytes=PARTITION)
    want = list(mfaparse.read(inputs, options=SMALL))
    paths = dask_support.write_jsonl(bag, tmp_path / "jsonl")
    assert len(paths) == bag.npartitions
    texts = [pathlib.Path(p).read_text(encoding="utf-8") for p in paths]
    assert all(text.endswith("\n") for text in texts if text)
    assert "".join(texts).splitlines() == [to_jsonl(r, "slim") for r in want]
    assert all('"provenance"' in line for line in "".join(texts).splitlines())

    pq = pytest.importorskip("pyarrow.parquet")
    files = dask_support.write_parquet(bag, tmp_path / "parquet")
    assert all(pq.read_schema(f) == mfaparse.tables.arrow_schema("slim") for f in files)
    assert sum(pq.read_metadata(f).num_rows for f in files) == len(want)

    dicts = dask_support.to_dicts(bag, fields=["text"]).take(3, npartitions=-1)
    assert [d["type"] for d in dicts] == [type(r).__name__ for r in want[:3]]

    written, groups = dask_support.write_jsonl_and_dedup(bag, tmp_path / "both", exclude=["provenance"])
    lines = "".join(pathlib.Path(p).read_text(encoding="utf-8") for p in written).splitlines()
    assert lines == [to_jsonl(r, "slim", exclude=["provenance"]) for r in want]
    assert groups == mfaparse.dedup_posts([r for r in want if isinstance(r, (mfaparse.Post, mfaparse.Article))])


def test_bad_arguments_are_clear(client: Any) -> None:
    with pytest.raises(TypeError, match="partition_bytes"):
        dask_support.records_bag([str(SEEDS)], partition_bytes=0)
    with pytest.raises(TypeError, match="ReadOptions"):
        dask_support.records_bag([str(SEEDS)], options={"stream_bytes": 1})  # type: ignore[arg-type]  # the error
    with pytest.raises(TypeError, match="NearDupOptions"):
        dask_support.duplicate_groups(dask_support.records_bag([str(SEEDS)]), options=0.8)  # type: ignore[arg-type]


def test_the_recipe_script_runs_as_written(tmp_path: pathlib.Path) -> None:
    """examples/dask_corpus.py, the script docs/dask.md shows, on its own two-worker local cluster."""
    script = pathlib.Path(__file__).resolve().parents[1] / "examples" / "dask_corpus.py"
    data = tmp_path / "data"
    data.mkdir()
    (data / "dump.txt").write_text(seed_dump() * 2, encoding="utf-8")
    (data / "again.txt").write_text(seed_dump(), encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, str(script), str(data), "--out", str(out), "--partition-mb", "0.01"],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    assert done.stdout.startswith(f"{len(list((out / 'records').glob('*.jsonl')))} partitions in ")
    records = [line for p in sorted((out / "records").glob("*.jsonl")) for line in p.read_text("utf-8").splitlines()]
    assert records == [to_jsonl(r, "slim") for r in mfaparse.read(data)]
    groups = [json.loads(line) for line in (out / "duplicates.jsonl").read_text(encoding="utf-8").splitlines()]
    exact = [g for g in groups if g["kind"] == "exact"]
    assert len(exact) >= len(list(mfaparse.read(data / "again.txt")))  # each post of again.txt has copies
    assert f"{len(exact)} exact and" in done.stdout
