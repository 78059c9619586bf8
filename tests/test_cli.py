"""The command line, called as main(argv) and as a user would run it."""

from __future__ import annotations

import csv
import gzip
import io
import json
import pathlib
import subprocess
import sys
import zipfile

import attrs
import pytest
import regex

import mfaparse
from mfaparse._model.jsonl import from_jsonl, to_jsonl
from mfaparse.cli import main
from tests.conftest import SEEDS


def test_parse_to_jsonl_loads_back(tmp_path: pathlib.Path) -> None:
    """``parse`` writes one record per line; each loads back into an equal record."""
    out = tmp_path / "out.jsonl"
    assert main(["parse", "--profile", "full", str(SEEDS), "-o", str(out), "-q"]) == 0
    records = [from_jsonl(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [type(r).__name__ for r in records].count("Article") == 4
    assert [type(r).__name__ for r in records].count("Post") == 13
    direct = mfaparse.parse_telegram((SEEDS / "002_12d9f524b16b2091.txt").read_text(encoding="utf-8")).posts
    posts = [r for r in records if isinstance(r, mfaparse.Post)]
    assert [attrs.evolve(p, provenance=None) for p in posts] == list(direct)  # the same, and placed in their file
    seed = str(SEEDS / "002_12d9f524b16b2091.txt")
    assert [p.provenance for p in posts] == [mfaparse.Provenance(path=seed, offset=p.span.start) for p in direct]


def test_parallel_output_in_input_order(tmp_path: pathlib.Path) -> None:
    """``-j 2`` gives the same lines, in the same order, as ``-j 1``."""
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["parse", "--profile", "full", str(SEEDS), "-o", str(one), "-q"]) == 0
    assert main(["parse", "--profile", "full", str(SEEDS), "-o", str(two), "-q", "-j", "2"]) == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_failures_exit_1_with_summary(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad input is a ReadFailure line, exit 1, and a summary on stderr naming it."""
    (tmp_path / "bad.json").write_text('{"messages": [', encoding="utf-8")
    (tmp_path / "good.txt").write_text("Forwarded from X Channel\nText", encoding="utf-8")
    assert main(["parse", "--profile", "full", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    types = [json.loads(line)["type"] for line in captured.out.splitlines()]
    assert types == ["ReadFailure", "Post"]
    summary, *named = captured.err.splitlines()
    assert regex.fullmatch(r"mfaparse: 1 record, 1 failure in \d+\.\d s", summary)
    assert [line.split(": ")[0].strip() for line in named] == [str(tmp_path / "bad.json")]


def test_summary_and_verbosity(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Success says so in one line; ``-q`` says nothing but errors; ``-v`` names every failed input."""
    (tmp_path / "good.txt").write_text("Forwarded from X Channel\nText", encoding="utf-8")
    assert main(["parse", str(tmp_path), "-o", str(tmp_path / "out.jsonl")]) == 0
    assert capsys.readouterr().err.startswith("mfaparse: 1 record, 0 failures in ")
    assert main(["parse", str(tmp_path / "good.txt"), "-o", str(tmp_path / "out.jsonl"), "-q"]) == 0
    assert capsys.readouterr().err == ""
    for k in range(7):
        (tmp_path / f"bad{k}.json").write_text("[", encoding="utf-8")
    assert main(["parse", str(tmp_path), "-o", str(tmp_path / "out.jsonl")]) == 1
    assert "-v lists them all" in capsys.readouterr().err
    assert main(["parse", str(tmp_path), "-o", str(tmp_path / "out2.jsonl"), "-v"]) == 1
    assert sum("bad" in line for line in capsys.readouterr().err.splitlines()) == 7


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Unknown commands, formats or job counts are usage errors."""
    for argv in (["frobnicate"], ["parse", "x", "--format", "pdf"], ["parse", "x", "--fields", "titel"],
                 ["parse", "x", "--profile", "tiny"], ["parse", "x", "-j", "0"],
                 ["parse", "x", "--output-format", "csv", "--fields", "forward.name"]):  # fmt: skip
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert len(err.splitlines()) == 1, err  # one line, no usage dump
        assert err.startswith("mfaparse")


def test_csv_output(tmp_path: pathlib.Path) -> None:
    """``--output-format csv`` writes a header and a row per record."""
    out = tmp_path / "out.csv"
    assert (
        main(
            [
                "parse",
                "--profile",
                "full",
                str(SEEDS / "000_26f196d396e7094e.txt"),
                "-o",
                str(out),
                "--output-format",
                "csv",
                "-q",
            ]
        )
        == 0
    )
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert list(rows[0])[:6] == ["type", "path", "member", "index", "line", "offset"]
    assert (rows[0]["type"], rows[0]["index"], rows[0]["member"]) == ("Article", "0", "")


def test_reference_date(tmp_path: pathlib.Path) -> None:
    """``--reference-date`` resolves year-less TASS timestamps."""
    out = tmp_path / "out.jsonl"
    path = str(SEEDS / "003_68635443282a5ed9.txt")
    assert main(["parse", "--profile", "full", path, "-o", str(out), "-q", "--reference-date", "2022-03-01"]) == 0
    (article,) = [from_jsonl(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert article.published.isoformat() == "2022-02-16T14:10:00+03:00"


def test_clean_dedup_detect(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``clean`` filters stdin; ``dedup`` groups parsed posts; ``detect`` names formats."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("🎙 8️⃣0️⃣ years of #ASEAN ties 🇷🇺\n#RussiaASEAN"))
    assert main(["clean"]) == 0
    assert capsys.readouterr().out == "80 years of ASEAN ties\n"
    posts = tmp_path / "posts.txt"
    posts.write_text(
        "Forwarded from A Channel\nThe very same post text here.\n"
        "Forwarded from B Channel\nThe very same post text here."
    )
    out = tmp_path / "posts.jsonl"
    assert main(["parse", "--profile", "full", str(posts), "-o", str(out), "-q"]) == 0
    assert main(["dedup", str(out)]) == 0
    groups = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(g["kind"], g["members"]) for g in groups] == [("exact", [0, 1])]
    assert main(["detect", str(posts), str(SEEDS / "000_26f196d396e7094e.txt")]) == 0
    assert capsys.readouterr().out.split() == [
        str(posts),
        "telegram-text",
        str(SEEDS / "000_26f196d396e7094e.txt"),
        "tass-text",
    ]


def test_module_entry_point() -> None:
    """``python -m mfaparse`` runs the same command line."""
    done = subprocess.run([sys.executable, "-m", "mfaparse", "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("mfaparse ")
    assert ("(native core: on)" in done.stdout) is mfaparse._native.active()  # the same environment


def test_parquet_and_globs(tmp_path: pathlib.Path) -> None:
    """``--output-format parquet`` writes a table; a glob names the inputs."""
    pq = pytest.importorskip("pyarrow.parquet")  # in the [test] extra
    out = tmp_path / "out.parquet"
    assert (
        main(
            [
                "parse",
                "--profile",
                "full",
                str(SEEDS / "00[01]_*.txt"),
                "-o",
                str(out),
                "--output-format",
                "parquet",
                "-q",
            ]
        )
        == 0
    )
    table = pq.read_table(out)
    assert table.column("type").to_pylist() == ["Article", "Article"]
    assert table.column("title").to_pylist()[0].startswith("Moscow ready for dialogue")
    assert main(["parse", "--profile", "full", str(SEEDS), "--output-format", "parquet", "-q"]) == 2  # needs -o


def test_read_globs(tmp_path: pathlib.Path) -> None:
    """read() expands globs, recursively with **; a glob that matches nothing is reported missing."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "post.txt").write_text("Forwarded from X Channel\nText", encoding="utf-8")
    records = list(mfaparse.read(str(tmp_path / "**" / "*.txt")))
    assert [type(r).__name__ for r in records] == ["Post"]
    (missing,) = mfaparse.read(str(tmp_path / "*.nothing"))
    assert isinstance(missing, mfaparse.ReadFailure)


def test_parallel_shares_large_dumps_and_streams_in_order(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under -j a large Telegram dump is parsed by the workers in batches of chunks, other large files are
    streamed by the writer (never collected whole), small files go to workers; the output is the same, in the
    same order, as -j 1 — spans included — and a missing file still fails."""
    from mfaparse import _parallel, reader  # noqa: PLC0415  # the scheduler's plan and batch size

    folder = tmp_path / "in"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    dump = next(folder.glob("002_*.txt"))
    records = folder / "records.jsonl"
    articles = [{"title": f"Talks {n}", "body": "MOSCOW, May 1. /TASS/. Russia is ready, he said."} for n in range(40)]
    records.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    options = mfaparse.ReadOptions(stream_bytes=min(dump.stat().st_size, records.stat().st_size))
    monkeypatch.setattr(_parallel, "_BATCH_CHARS", 2_000)  # several batches from the one dump
    plans = {p.name: _parallel._plan(str(p), None, options) for p in folder.iterdir()}
    assert plans[dump.name] == "chunks"
    assert plans[records.name] == "stream"
    assert sorted(plans.values()).count("worker") == len(plans) - 2
    assert _parallel._plan(str(tmp_path / "missing.txt"), None, options) == "worker"
    assert _parallel._plan("-", None, options) == "stream"
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["parse", "--profile", "full", str(folder), "-o", str(one), "-q", "-j", "1"], read_options=options) == 0
    assert main(["parse", "--profile", "full", str(folder), "-o", str(two), "-q", "-j", "2"], read_options=options) == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert len(one.read_text(encoding="utf-8").splitlines()) == 13 + 4 + 40
    streamed = [to_jsonl(r) for r in mfaparse.read(dump, options=options)]  # read()'s own streaming
    assert reader.plan(str(dump), None, options)[0] == "chunks"
    assert [line for line in one.read_text(encoding="utf-8").splitlines() if line in set(streamed)] == streamed
    assert (
        main(["parse", "--profile", "full", str(dump), "-o", str(two), "-q", "-j", "2"], read_options=options) == 0
    )  # shared too
    assert two.read_text(encoding="utf-8").splitlines() == [
        line for line in one.read_text(encoding="utf-8").splitlines() if '"type":"Post"' in line
    ]
    missing = [
        "parse",
        "--profile",
        "full",
        str(folder),
        str(tmp_path / "missing.txt"),
        "-o",
        str(two),
        "-q",
        "-j",
        "2",
    ]
    assert main(missing, read_options=options) == 1


def test_closed_pipe_stops_quietly() -> None:
    """`mfaparse parse ... | head -1`: when the reader goes away the CLI stops with no traceback."""
    examples = pathlib.Path(__file__).resolve().parents[1] / "examples" / "data"
    with subprocess.Popen(  # our own interpreter and module
        [sys.executable, "-m", "mfaparse", "parse", str(examples), str(examples), str(examples), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        assert proc.stdout.readline().startswith(b"{")
        proc.stdout.close()
        errors = proc.stderr.read().decode("utf-8")
        assert proc.wait(timeout=60) == 0
    assert "Traceback" not in errors


def test_progress_inside_a_large_file(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On a terminal the progress line moves while a large file is read, at most every half second."""
    from mfaparse import cli  # noqa: PLC0415  # the progress line is private to the CLI

    big = tmp_path / "dump.txt"
    big.write_bytes(b"x" * 4_000_000)
    progress = cli._Progress([str(big)], enabled=True)
    progress.enabled = True  # tests run without a terminal
    progress.shown -= 1  # the last line is old enough
    progress.within(1_000_000)
    progress.within(2_000_000)  # too soon after the first: not shown
    progress.step(str(big))
    progress.close()
    err = capsys.readouterr().err
    assert "0/1 files, 1.0/4.0 MB" in err
    assert "2.0/4.0 MB" not in err
    assert "1/1 files, 4.0/4.0 MB" in err


def test_cli_read_and_dask_see_the_same_files(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder means the same inputs to ``mfaparse parse``, ``read()``, ``detect`` and Dask: files of the
    supported suffixes (a README beside the data is no article), archives included."""
    from mfaparse import _pieces, dask_support  # noqa: PLC0415  # its inputs and pieces, without a cluster

    data = tmp_path / "data"
    (data / "sub").mkdir(parents=True)
    (data / "README.md").write_text("# Notes\n\nMOSCOW, May 1. /TASS/. Not data.", encoding="utf-8")
    (data / "notes.docx").write_bytes(b"PK not data")
    (data / "a.txt").write_text("Forwarded from Russian MFA 🇷🇺\nOne.", encoding="utf-8")
    (data / "sub" / "b.txt.gz").write_bytes(gzip.compress(b"Forwarded from X Channel\nTwo."))
    with zipfile.ZipFile(data / "sub" / "c.zip", "w") as archive:
        archive.writestr("m.json", json.dumps([{"title": "T", "body": "MOSCOW, May 1. /TASS/. Three."}]))
    expected = [str(data / "a.txt"), str(data / "sub" / "b.txt.gz"), str(data / "sub" / "c.zip")]
    assert list(mfaparse.expand_paths(data)) == expected
    out = tmp_path / "out.jsonl"
    assert main(["parse", "--profile", "full", str(data), "-o", str(out), "-q"]) == 0
    cli_records = [from_jsonl(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert cli_records == list(mfaparse.read(data))
    assert [type(r).__name__ for r in cli_records] == ["Post", "Post", "Article"]
    assert main(["detect", str(data)]) == 0
    detected = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert detected == [
        [expected[0], "telegram-text"],
        [expected[1], "telegram-text"],
        [f"{expected[2]}!m.json", "tass-records"],
    ]
    bag_inputs = [item for item in mfaparse.expand_paths([data]) if isinstance(item, str)]
    assert bag_inputs == expected
    options = mfaparse.ReadOptions()
    pieces = [p for path in bag_inputs for p in _pieces.pieces(path, None, options, dask_support.PARTITION_BYTES)]
    records = [r for p in pieces for r in _pieces.piece_records(p, None, None, options)]
    assert [type(r).__name__ for r in records] == ["Post", "Post", "Article"]


def test_format_choices_are_the_registry() -> None:
    """--format offers exactly the registered formats, and each one's suffixes are read from folders."""
    from mfaparse import cli, formats, reader  # noqa: PLC0415  # the parser and the registry themselves

    parse = next(a for a in cli._parser()._actions if a.dest == "command").choices["parse"]  # type: ignore[index]  # the subparsers' choices
    choices = next(a.choices for a in parse._actions if a.dest == "format")
    assert list(choices) == ["auto", *mfaparse.FORMATS]
    assert [entry.name for entry in formats.REGISTRY] != []
    assert {s for entry in formats.REGISTRY for s in entry.suffixes} <= set(reader.SUFFIXES)


def test_reference_date_resolves_every_partial_date(tmp_path: pathlib.Path) -> None:
    """``--reference-date`` gives a year to a dateline without a timestamp and to a post's year-less date."""
    article = tmp_path / "a.txt"
    article.write_text("Talks go on\n\nМОСКВА, 31 декабря. /ТАСС/. Текст статьи.", encoding="utf-8")
    dump = tmp_path / "b.txt"
    dump.write_text("Forwarded from Russian MFA 🇷🇺\n📍 Moscow, December 30\nText of the post.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert (
        main(
            [
                "parse",
                "--profile",
                "full",
                str(article),
                str(dump),
                "-o",
                str(out),
                "-q",
                "--reference-date",
                "2025-01-02",
            ]
        )
        == 0
    )
    art, post = [from_jsonl(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert art.published == mfaparse.PartialDateTime(year=2024, month=12, day=31, utc_offset=180)
    assert post.date == mfaparse.PartialDate(year=2024, month=12, day=30)
