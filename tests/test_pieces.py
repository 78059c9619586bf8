"""An input's pieces (what Dask partitions are made of): cut where records part, read apart, they give exactly the
records ``read()`` gives — spans, provenance, failures — for every format that is cut; files that cannot be cut
stay whole. No cluster here: the pieces are read in this process (``tests/test_dask.py`` runs them on one)."""

from __future__ import annotations

import gzip
import json
import pathlib
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mfaparse import _pieces, reader
from mfaparse._model.jsonl import to_jsonl
from tests.conftest import SEEDS
from tests.strategies import telegram_like

SMALL = reader.ReadOptions(stream_bytes=4_000)  # read() streams files from 4 kB: the tests' files are cut


def pieced(path: pathlib.Path, target: int, options: reader.ReadOptions = SMALL) -> tuple[list[str], list[str]]:
    """The records (as full JSON lines) of ``path`` read in pieces of about ``target`` bytes, and read whole."""
    pieces = _pieces.pieces(str(path), None, options, target)
    cut = [p for p in pieces if p.kind not in ("whole", "csv")]
    befores = _pieces.carries([_pieces.measure(p, options) for p in cut[:-1]]) if cut else []
    got = [
        to_jsonl(record)
        for k, piece in enumerate(pieces)
        for record in _pieces.piece_records(piece, befores[k] if cut else None, None, options)
    ]
    return got, [to_jsonl(record) for record in reader.read_path(str(path), None, options)]


def kinds(path: pathlib.Path, target: int, options: reader.ReadOptions = SMALL) -> list[str]:
    return [p.kind for p in _pieces.pieces(str(path), None, options, target)]


def seed_dump() -> str:
    """The seed dumps one after another: real channel text with its forward headers."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")) if "Forwarded" in p.read_text())


def test_a_dump_is_cut_before_forward_headers_and_reads_as_a_whole(tmp_path: pathlib.Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_text(seed_dump() * 6, encoding="utf-8")
    assert kinds(dump, 5_000).count("dump") > 3
    got, want = pieced(dump, 5_000)
    assert got == want
    assert len(want) > 50


@pytest.mark.parametrize(
    ("name", "encoding", "newline"),
    [("crlf", "utf-8", "\r\n"), ("bom", "utf-8-sig", "\n"), ("cp1251", "cp1251", "\n")],
)
def test_a_dump_in_other_bytes_is_cut_alike(tmp_path: pathlib.Path, name: str, encoding: str, newline: str) -> None:
    """Windows line ends, a byte order mark, a Cyrillic code page: the same records and spans as read()
    (synthetic: the seed dumps written in those bytes)."""
    text = "\n".join(
        f"Forwarded from Russian MFA 🇷🇺\nЗаявление МИД России № {n} о переговорах в Москве.\n#МИД_России"
        for n in range(300)
    )
    if encoding == "cp1251":
        text = text.replace("🇷🇺", "")
    dump = tmp_path / f"{name}.txt"
    dump.write_bytes(text.replace("\n", newline).encode(encoding))
    assert kinds(dump, 3_000).count("dump") > 2
    got, want = pieced(dump, 3_000)
    assert got == want


def test_a_dump_that_opens_with_blank_lines_is_not_cut_before_its_first_header(tmp_path: pathlib.Path) -> None:
    """telegram_chunks does not cut before a header that only blank lines precede: neither do the pieces."""
    dump = tmp_path / "blank.txt"
    dump.write_text("\n" * 6_000 + seed_dump(), encoding="utf-8")
    got, want = pieced(dump, 5_000)
    assert got == want


def test_json_lines_are_cut_between_lines_and_keep_their_numbers(tmp_path: pathlib.Path, corpus: pathlib.Path) -> None:
    rows = (corpus / "news-records" / "ria_2010_lowercased_corus.jsonl").read_text(encoding="utf-8").splitlines()
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join([*rows * 4, "{not json", "", *rows * 4]) + "\n", encoding="utf-8")
    assert kinds(records, 20_000).count("json-lines") > 3
    got, want = pieced(records, 20_000)
    assert got == want
    assert any('"ReadFailure"' in line and ":" in line for line in want)  # the bad line, named by its number


@pytest.mark.parametrize("name", ["interfax_2019_corus.csv", "rt_russian_2019_corus.csv"])
def test_csv_rows_are_cut_after_a_row_not_inside_a_quoted_field(
    tmp_path: pathlib.Path, corpus: pathlib.Path, name: str
) -> None:
    """The news-records CSV files hold article texts with line ends inside quoted fields."""
    text = (corpus / "news-records" / name).read_text(encoding="utf-8")
    header, _, body = text.partition("\n")
    assert re.search(r'"[^"]*\n[^"]*"', body)  # a quoted field with a line end in it
    table = tmp_path / name
    table.write_text(header + "\n" + body * 8, encoding="utf-8")
    assert kinds(table, 20_000).count("csv") > 3
    got, want = pieced(table, 20_000)
    assert got == want


def test_an_export_is_cut_between_messages(tmp_path: pathlib.Path, corpus: pathlib.Path) -> None:
    """The corpus export's messages under a name, laid out as Telegram Desktop writes (one space a level), with a
    message that fails and a service message among them: same posts, spans, indices and failures."""
    data = json.loads((corpus / "telegram-desktop-json" / "trfactsdeals_messages_2023.json").read_text("utf-8"))
    messages = [*data["messages"], {"id": "x", "type": "message", "text": 5}, {"id": 2, "type": "service"}]
    export = tmp_path / "result.json"
    top = {"name": "TR Facts Deals", "type": "public_channel", "id": 1, "messages": messages * 2}
    export.write_text(json.dumps(top, ensure_ascii=False, indent=1), encoding="utf-8")
    assert kinds(export, 200_000).count("export") > 3
    got, want = pieced(export, 200_000)
    assert got == want


def test_files_that_cannot_be_cut_stay_whole(tmp_path: pathlib.Path) -> None:
    """A compressed dump, a minified export, UTF-16, a small file: one whole piece each (read() reads them)."""
    text = seed_dump() * 3
    packed = tmp_path / "dump.txt.gz"
    packed.write_bytes(gzip.compress(text.encode("utf-8")))
    wide = tmp_path / "wide.txt"
    wide.write_bytes(text.encode("utf-16"))
    export = tmp_path / "min.json"
    export.write_text(json.dumps({"name": "X", "messages": [{"id": n, "text": "Текст"} for n in range(900)]}))
    small = tmp_path / "small.txt"
    small.write_text("Forwarded from X Channel\nOne.", encoding="utf-8")
    for path in (packed, wide, export, small):
        assert kinds(path, 2_000) == ["whole"], path.name
        got, want = pieced(path, 2_000)
        assert got == want


def test_partitions_group_small_files_and_keep_cut_pieces_apart() -> None:
    small = [_pieces.Piece(path=f"{n}.txt", size=300) for n in range(10)]
    cut = [_pieces.Piece(path="big.txt", kind="dump", number=k, size=1_000) for k in range(2)]
    groups = _pieces.partitions([*small[:5], *cut, *small[5:]], 1_000)
    assert [[p.path for p in g] for g in groups] == [
        ["0.txt", "1.txt", "2.txt", "3.txt"],
        ["4.txt"],
        ["big.txt"],
        ["big.txt"],
        ["5.txt", "6.txt", "7.txt", "8.txt"],
        ["9.txt"],
    ]


def test_a_later_piece_needs_what_stands_before_it(tmp_path: pathlib.Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_text(seed_dump() * 4, encoding="utf-8")
    second = _pieces.pieces(str(dump), None, SMALL, 5_000)[1]
    with pytest.raises(ValueError, match="needs what stands before it"):
        list(_pieces.piece_records(second, None, None, SMALL))


forward_line = st.sampled_from(["Forwarded from Russian MFA 🇷🇺", "Forwarded from MFA Russia", "  Forwarded from X  "])
dump_lines = st.lists(st.one_of(forward_line, telegram_like, st.just("")), min_size=1, max_size=120)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=dump_lines, newline=st.sampled_from(["\n", "\r\n"]), target=st.integers(min_value=1, max_value=400))
def test_any_dump_cut_anywhere_reads_as_read_does(
    tmp_path: pathlib.Path, lines: list[str], newline: str, target: int
) -> None:
    """Random dumps (the shared strategies' text between forward headers and blank lines), any piece size."""
    dump = tmp_path / "random.txt"
    dump.write_bytes(newline.join(lines).encode("utf-8"))
    options = reader.ReadOptions(stream_bytes=1)
    got, want = pieced(dump, target, options)
    assert got == want


def test_the_core_does_not_import_dask(tmp_path: pathlib.Path) -> None:
    """The dask extra stays optional: reading in pieces, and all of mfaparse but dask_support, run without it."""
    dump = tmp_path / "dump.txt"
    dump.write_text(seed_dump() * 4, encoding="utf-8")
    code = (
        "import sys, mfaparse, mfaparse.cli, mfaparse.tables; from mfaparse import _pieces, reader\n"
        f"o = reader.ReadOptions(stream_bytes=4000); ps = _pieces.pieces({str(dump)!r}, None, o, 5000)\n"
        "assert len(ps) > 1 and list(_pieces.piece_records(ps[0], None, None, o))\n"
        "assert not any(m == 'dask' or m.startswith(('dask.', 'distributed')) for m in sys.modules), 'dask imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
