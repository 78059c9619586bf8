"""What the records are written as: profiles and field selection (JSON Lines, CSV, ``to_dict``), typed Parquet and
pandas, and the command line's dedup that a user can apply."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import pathlib
import sys
from typing import Any

import attrs
import pytest

import mfaparse
from mfaparse._model import profiles
from mfaparse._model.record import Record, to_data
from mfaparse.cli import main
from tests.conftest import SEEDS

DUMP = SEEDS / "002_12d9f524b16b2091.txt"


def test_full_round_trips_and_slim_says_what_is_missing() -> None:
    post = mfaparse.parse_telegram(DUMP.read_text(encoding="utf-8")).posts[0]
    assert mfaparse.from_jsonl(mfaparse.to_jsonl(post, "full")) == post
    slim = json.loads(mfaparse.to_jsonl(post, "slim"))
    assert not {"clean_text", "blocks", "removed"} & set(slim)
    assert slim["text"] == post.text
    assert slim["hashtags"][0]["tag"] == post.hashtags[0].tag
    with pytest.raises(ValueError, match="missing clean_text"):
        mfaparse.from_jsonl(mfaparse.to_jsonl(post, "slim"))


def test_clean_text_is_computed_on_first_read_kept_and_loaded_back() -> None:
    post = mfaparse.parse_telegram(DUMP.read_text(encoding="utf-8")).posts[0]
    art = mfaparse.parse_tass((SEEDS / "000_26f196d396e7094e.txt").read_text(encoding="utf-8"))
    for record in (post, art):
        assert record._clean_text is None  # the parse did not compute it
        assert record.clean_text == mfaparse.clean_text(record.text, mfaparse.CleanOptions(normalize=False))
        assert record._clean_text is record.clean_text  # computed once, then kept
        data = record.to_dict()
        assert data["clean_text"] == record.clean_text
        loaded = type(record).from_dict(data)
        assert loaded == record
        assert loaded._clean_text == record.clean_text  # loaded as written, not computed again
        del data["clean_text"]  # full records always hold it: a record without it was written by another profile
        with pytest.raises(ValueError, match="missing clean_text"):
            type(record).from_dict(data)
    given = attrs.evolve(post, clean_text="as the file says")
    assert given.clean_text == "as the file says"
    assert given == post  # equality follows the text, which decides clean_text


def test_slim_article_leaves_out_the_source_and_the_copies() -> None:
    art = mfaparse.parse_tass((SEEDS / "000_26f196d396e7094e.txt").read_text(encoding="utf-8"))
    data: dict[str, Any] = art.to_dict(profile="slim")
    assert not {"source", "paragraphs", "paragraph_spans", "clean_text", "removed", "quotes"} & set(data)
    assert data["text"].split("\n\n") == list(art.paragraphs)  # the paragraphs are in the text


def test_field_selection_with_dotted_paths() -> None:
    post = mfaparse.parse_telegram("Forwarded from Russian MFA 🇷🇺\n🎙 Title\nText #ASEAN @MFARussia").posts[0]
    assert post.to_dict(fields=["forward.name", "hashtags.tag"]) == {
        "forward": {"name": "Russian MFA"},
        "hashtags": [{"tag": "ASEAN"}],
    }
    left: dict[str, Any] = post.to_dict(exclude=["blocks", "removed", "hashtags.span", "forward"])
    assert "forward" not in left
    assert "span" not in left["hashtags"][0]
    assert "text" in left
    with pytest.raises(ValueError, match="unknown field 'titel'"):
        post.to_dict(fields=["titel"])
    with pytest.raises(ValueError, match="profile must be one of"):
        post.to_dict(profile="tiny")


@pytest.mark.parametrize("profile", ["slim", "full"])
def test_cli_profiles_and_sizes(tmp_path: pathlib.Path, profile: str) -> None:
    """``--profile``: full loads back; slim is at most 1.3x the input on a dump and on an article."""
    for seed in (DUMP, SEEDS / "000_26f196d396e7094e.txt"):
        out = tmp_path / f"{profile}.jsonl"
        assert main(["parse", str(seed), "-o", str(out), "-q", "--profile", profile]) == 0
        lines = out.read_text(encoding="utf-8").splitlines()
        if profile == "full":
            assert all(mfaparse.from_jsonl(line).provenance is not None for line in lines)
        else:
            assert out.stat().st_size <= 1.3 * seed.stat().st_size, (seed.name, out.stat().st_size)
            assert all(json.loads(line)["provenance"]["path"] == str(seed) for line in lines)


def test_cli_fields_in_jsonl_and_csv(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "x.jsonl"
    assert main(["parse", str(DUMP), "-o", str(out), "-q", "--fields", "text,forward.name"]) == 0
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert set(first) == {"type", "text", "forward"}
    assert set(first["forward"]) == {"name"}
    table = tmp_path / "x.csv"
    assert main(["parse", str(DUMP), "-o", str(table), "-q", "--output-format", "csv", "--fields", "path,text"]) == 0
    rows = list(csv.DictReader(table.read_text(encoding="utf-8").splitlines()))
    assert list(rows[0]) == ["type", "path", "text"]
    assert main(["parse", str(DUMP), "-o", str(table), "-q", "--output-format", "csv", "--exclude", "text"]) == 0
    header = table.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert "text" not in header
    assert "clean_text" not in header


def test_parquet_has_a_typed_schema(tmp_path: pathlib.Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    out = tmp_path / "x.parquet"
    export = pathlib.Path(__file__).parent / "fixtures" / "synthetic_desktop_export.json"
    assert main(["parse", str(DUMP), str(export), "-o", str(out), "-q", "--output-format", "parquet"]) == 0
    table = pq.read_table(out)
    schema = table.schema
    assert schema.field("message_id").type == pa.int64()
    assert schema.field("offset").type == pa.int64()
    assert schema.field("posted_at").type == pa.timestamp("us", tz="UTC")
    assert schema.field("hashtags").type == pa.list_(pa.string())
    assert pa.types.is_struct(schema.field("forward").type)
    rows = table.to_pylist()
    assert rows[0]["forward"]["name"] == "Russian MFA"
    assert rows[0]["hashtags"]
    assert any(r["message_id"] is not None and r["posted_at"] is not None for r in rows)
    assert "clean_text" not in schema.names  # slim
    full = tmp_path / "full.parquet"
    assert main(["parse", str(DUMP), "-o", str(full), "-q", "--output-format", "parquet", "--profile", "full"]) == 0
    assert pq.read_table(full).column("clean_text").to_pylist()[0]


def test_to_pandas_dtypes(corpus: pathlib.Path) -> None:
    """The whole corpus into one DataFrame: integers, zoned timestamps, strings, lists, structs."""
    pytest.importorskip("pandas")
    frame = mfaparse.to_pandas(mfaparse.read(corpus))
    dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert (dtypes["message_id"], dtypes["index"], dtypes["posted_at"]) == ("Int64", "Int64", "datetime64[us, UTC]")
    assert dtypes["listing"] == "boolean"
    assert set(frame["type"]) == {"Post", "Article", "ReadFailure"}  # reposts/04: an unknown format
    assert frame["title"].isna().any()  # an article without a title is a missing value, not a crash
    assert isinstance(frame.loc[frame["hashtags"].map(bool)].iloc[0]["hashtags"], list)
    with pytest.raises(TypeError):
        mfaparse.to_pandas(["not a record"])  # type: ignore[list-item]  # a wrong type on purpose


def _jsonl(tmp_path: pathlib.Path) -> pathlib.Path:
    posts = tmp_path / "posts.txt"
    posts.write_text(
        "Forwarded from A Channel\nThe very same post text here.\n"
        "Forwarded from B Channel\nSomething else entirely, said once.\n"
        "Forwarded from C Channel\nThe very same post text here, and longer.\n"
        "Forwarded from D Channel\nThe very same post text here.\n",
        encoding="utf-8",
    )
    (tmp_path / "bad.json").write_text("[", encoding="utf-8")
    out = tmp_path / "posts.jsonl"
    assert main(["parse", str(tmp_path / "bad.json"), str(posts), "-o", str(out), "-q"]) == 1  # a failure line first
    return out


def test_dedup_groups_name_their_lines_and_provenance(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _jsonl(tmp_path)
    assert main(["dedup", str(out)]) == 0
    (group,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (group["kind"], group["members"]) == ("exact", [0, 3])
    assert [w["line"] for w in group["where"]] == [f"{out}:2", f"{out}:5"]  # line 1 is the failure
    assert [w["provenance"]["offset"] for w in group["where"]] == [0, 183]


@pytest.mark.parametrize(("keep", "texts"), [
    ("first", ["The very same post text here.", "Something else entirely, said once.",
               "The very same post text here, and longer."]),
    ("longest", ["Something else entirely, said once.", "The very same post text here, and longer."]),
])  # fmt: skip
def test_dedup_keep(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], keep: str, texts: list[str]) -> None:
    """``--keep`` writes the records, a group's members but one left out; failures pass through."""
    out = _jsonl(tmp_path)
    assert main(["dedup", str(out), "--keep", keep, "--threshold", "0.5"]) == 0
    kept = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert kept[0]["type"] == "ReadFailure"
    if keep == "first":  # exact duplicates only at the default threshold's words: the near copy is its own
        assert [r["text"] for r in kept[1:]][:2] == texts[:2]
    else:
        assert [r["text"] for r in kept[1:]] == texts


def test_dedup_annotate(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _jsonl(tmp_path)
    assert main(["dedup", str(out), "--annotate"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r.get("duplicate_groups") for r in lines] == [None, [0], [], [], [0]]


def test_dedup_refuses_what_is_no_json_lines(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "x.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    assert main(["dedup", str(bad)]) == 2
    assert f"{bad}:1" in capsys.readouterr().err


def test_clean_files(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("🎙 #ASEAN ties", encoding="utf-8")
    russian = "Министерство иностранных дел России сообщило о переговорах, #МИД"
    b.write_bytes(russian.encode("cp1251"))  # decoded as the reader decodes
    assert main(["clean", str(a), str(b)]) == 0
    assert capsys.readouterr().out == f"ASEAN ties\n{russian.replace('#', '')}\n"
    assert main(["clean", str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("#x y"))
    assert main(["clean"]) == 0


def test_detect_and_parse_say_unknown(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Text no format recognises is ``unknown`` to ``detect`` and a ReadFailure to ``parse``, never a guess."""
    notes = tmp_path / "notes.txt"
    notes.write_text("Shopping list\n\nMilk, bread and tea.\n", encoding="utf-8")
    assert main(["detect", str(notes)]) == 1
    assert capsys.readouterr().out == f"{notes}\tunknown\n"
    assert main(["parse", str(notes), "-q"]) == 1
    (failure,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert failure["type"] == "ReadFailure"
    assert failure["reason"].startswith("unknown format")
    assert main(["parse", str(notes), "-q", "--format", "telegram-text"]) == 0  # named, it is read


def test_orjson_and_the_stdlib_write_the_same_json(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast encoder, where installed, writes what the stdlib's writes: the same keys and values (and bytes)."""
    from mfaparse._model import jsonl  # noqa: PLC0415  # the module's encoder is swapped for the test

    records: list[mfaparse.Post | mfaparse.Article] = [*mfaparse.parse_telegram(DUMP.read_text(encoding="utf-8")).posts]
    records.append(mfaparse.parse_tass((SEEDS / "003_68635443282a5ed9.txt").read_text(encoding="utf-8")))
    fast = [mfaparse.to_jsonl(r, profile) for r in records for profile in ("full", "slim")]
    monkeypatch.setattr(jsonl, "_encode", jsonl._stdlib)
    plain = [mfaparse.to_jsonl(r, profile) for r in records for profile in ("full", "slim")]
    assert [json.loads(line) for line in fast] == [json.loads(line) for line in plain]
    assert fast == plain
    lone = mfaparse.ReadFailure(path="x\ud800", format=None, reason="r")  # orjson refuses a lone surrogate
    monkeypatch.undo()
    assert json.loads(mfaparse.to_jsonl(lone))["path"] == "x\ud800"


def _slim_in_two_passes(record: Record) -> object:
    """The slim profile as first written: the record's data without the slim drops, then pruned."""
    cls = type(record)
    assert attrs.has(cls)  # every Record is an attrs class
    names = [f.alias for f in attrs.fields(cls)]
    left_out = profiles.drops(type(record).__name__, "slim")
    return profiles.pruned({name: to_data(getattr(record, name)) for name in names if name not in left_out})


def test_slim_in_one_pass_is_the_two_passes(corpus: pathlib.Path) -> None:
    """to_dict("slim") prunes as it converts: the same data as converting every field and pruning after, for the
    records of every seed and corpus file (posts, articles, failures, all they hold) and a record of dates."""
    paths = sorted(SEEDS.glob("*.txt")) + sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix != ".md")
    records = list(mfaparse.read(paths))
    assert len(records) > 100
    for record in records:
        assert record.to_dict("slim") == _slim_in_two_passes(record)
    article = next(r for r in records if isinstance(r, mfaparse.Article))
    dated = attrs.evolve(article, published=dt.datetime(2024, 1, 2, tzinfo=dt.UTC), extra=(("k", None), ("n", 1)))
    assert dated.to_dict("slim") == _slim_in_two_passes(dated)  # a datetime, and a None inside a list: kept
