"""Every record says where it came from (``Provenance``): plain files, archives, standard input, JSON Lines, CSV,
large dumps streamed or shared among workers — and the failures say it alike."""

from __future__ import annotations

import io
import json
import pathlib
import zipfile

import pytest

import mfaparse
from mfaparse import Provenance, ReadFailure
from mfaparse.cli import main
from mfaparse.reader import ReadOptions

DUMP = "Forwarded from A Channel\nThe first post.\nForwarded from B Channel\nThe second post.\n"
RECORD = {"title": "Talks go on", "text": "MOSCOW, October 13. /TASS/. Russia is ready."}


def test_a_text_dump_places_each_post_by_its_offset(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    posts = [r for r in mfaparse.read(path) if isinstance(r, mfaparse.Post)]
    assert [p.provenance for p in posts] == [
        Provenance(path=str(path), offset=0),
        Provenance(path=str(path), offset=41),
    ]
    assert [DUMP[p.span.start :].split("\n", maxsplit=1)[0] for p in posts] == [
        "Forwarded from A Channel",
        "Forwarded from B Channel",
    ]


def test_a_streamed_dump_and_the_workers_give_the_same_places(tmp_path: pathlib.Path) -> None:
    """A dump above the streaming threshold: read(), the CLI alone and the CLI's workers place posts alike."""
    path = tmp_path / "dump.txt"
    path.write_text(DUMP * 50, encoding="utf-8")
    small = ReadOptions(stream_bytes=100)
    places = [r.provenance for r in mfaparse.read(path, options=small)]
    assert len(places) == 100
    assert all(p is not None and p.offset is not None and p.path == str(path) for p in places)
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        assert (
            main(["parse", "--profile", "full", str(path), "-o", str(out), "-q", "-j", jobs], read_options=small) == 0
        )
        lines = out.read_text(encoding="utf-8").splitlines()
        assert [mfaparse.from_jsonl(line).provenance for line in lines] == places


def test_records_are_placed_by_index_and_by_line(tmp_path: pathlib.Path) -> None:
    listing = tmp_path / "records.json"
    listing.write_text(json.dumps([RECORD, 5, RECORD]), encoding="utf-8")
    lines = tmp_path / "records.jsonl"
    lines.write_text("\n".join([json.dumps(RECORD), "", "not json", json.dumps(RECORD)]), encoding="utf-8")
    got = [(type(r).__name__, r.provenance) for r in mfaparse.read([listing, lines])]
    assert got == [
        ("Article", Provenance(path=str(listing), index=0)),
        ("ReadFailure", Provenance(path=str(listing), index=1)),
        ("Article", Provenance(path=str(listing), index=2)),
        ("Article", Provenance(path=str(lines), line=1)),
        ("ReadFailure", Provenance(path=str(lines), line=3)),
        ("Article", Provenance(path=str(lines), line=4)),
    ]


def test_a_csv_row_and_a_listing_item_by_index(tmp_path: pathlib.Path) -> None:
    table = tmp_path / "news.csv"
    table.write_text("title,text\nOne,MOSCOW. 1 May. INTERFAX.RU - Text one.\nTwo,Text two.\n", encoding="utf-8")
    assert [r.provenance.index for r in mfaparse.read(table) if r.provenance] == [0, 1]


def test_an_archive_member_is_named(tmp_path: pathlib.Path) -> None:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("inner/dump.txt", DUMP)
        z.writestr("bad.json", "[1, 2")
    records = list(mfaparse.read(archive))
    assert [(r.provenance.path, r.provenance.member) for r in records if r.provenance] == [
        (str(archive), "bad.json"),  # members in name order
        (str(archive), "inner/dump.txt"),
        (str(archive), "inner/dump.txt"),
    ]
    assert isinstance(records[0], ReadFailure)


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    class _Stdin:
        buffer = io.BytesIO(DUMP.encode("utf-8"))

    monkeypatch.setattr("sys.stdin", _Stdin())
    assert [r.provenance for r in mfaparse.read("-")] == [
        Provenance(path="<stdin>", offset=0),
        Provenance(path="<stdin>", offset=41),
    ]


def test_provenance_round_trips_through_json_lines(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    for record in mfaparse.read(path):
        assert mfaparse.from_jsonl(mfaparse.to_jsonl(record)) == record
