"""The batch contract: one bad input (or one bad record) never ends a batch. Each scenario stands between two
good files (GOOD BAD GOOD): both good files are parsed, the bad one is a ReadFailure with a clear reason and
the CLI exits 1. Memory of the bombs is measured in ``benchmarks/bench_limits.py``, not here."""

from __future__ import annotations

import gzip
import io
import json
import os
import pathlib
import zipfile
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mfaparse
from mfaparse import ParseError, ReadFailure, ReadOptions
from mfaparse.cli import main

GOOD_DUMP = "Forwarded from Russian MFA 🇷🇺\n🎙 Remarks (Sochi, November 6, 2024)\n💬 We value #ASEAN.\n"
GOOD_RECORD = {"title": "Talks go on", "body": "MOSCOW, October 13. /TASS/. Russia is ready, he said."}
SMALL_LIMITS = ReadOptions(ratio_floor=1 << 20, max_ratio=50)


def _export(messages: list[dict[str, object]]) -> bytes:
    return json.dumps({"name": "Russian MFA 🇷🇺", "messages": messages}).encode("utf-8")


def _message(n: int, **fields: object) -> dict[str, object]:
    return {"id": n, "type": "message", "date_unixtime": "1730905200", "text": f"Message {n}.", **fields}


def _gzip_bomb(path: pathlib.Path) -> None:
    with gzip.open(path, "wb", compresslevel=9) as out:
        block = b"\0" * (1 << 20)
        for _ in range(64):  # 64 MiB of zeros in about 64 KB
            out.write(block)


def _zip_bomb(path: pathlib.Path) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", b"\0" * (40 << 20))


def _fifo(path: pathlib.Path) -> None:
    os.mkfifo(path)


# name -> (file name, how to write it, reason the failure must give, failures expected, good records inside)
Writer = Callable[[pathlib.Path], object]
SCENARIOS: dict[str, tuple[str, Writer, str, int, int]] = {
    "json nested 100,000 deep": (
        "b.json",
        lambda p: p.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8"),
        "nested deeper",
        1,
        0,
    ),
    "json lines nested deep on one line": (
        "b.jsonl",
        lambda p: p.write_text(json.dumps(GOOD_RECORD) + "\n" + "[" * 100_000 + "\n", encoding="utf-8"),
        "nested deeper",
        1,
        1,
    ),
    "timestamp 1e20": (
        "b.json",
        lambda p: p.write_bytes(_export([_message(1), _message(2, date_unixtime="1e20"), _message(3)])),
        "out of range",
        1,
        2,
    ),
    "timestamp Infinity": (
        "b.json",
        lambda p: p.write_bytes(_export([_message(1, date_unixtime=float("inf")), _message(2)])),
        "Unix time",
        1,
        1,
    ),
    "entity type a number": (
        "b.json",
        lambda p: p.write_bytes(
            _export([_message(1, text_entities=[{"type": 5, "text": "x"}]), _message(2), _message(3)])
        ),
        "entity type as a string",
        1,
        2,
    ),
    "old export entity type a number": (
        "b.json",
        lambda p: p.write_bytes(_export([_message(1, text=["a ", {"type": 7, "text": "b"}]), _message(2)])),
        "entity type as a string",
        1,
        1,
    ),
    "bool message id": (
        "b.json",
        lambda p: p.write_text(json.dumps([{"message_id": True, "text": "x"}, {"message_id": 2, "text": "y"}])),
        "integer message id",
        1,
        1,
    ),
    "records array with a non-object": (
        "b.json",
        lambda p: p.write_text(json.dumps([GOOD_RECORD, 5, GOOD_RECORD]), encoding="utf-8"),
        "expected each record to be an object",
        1,
        2,
    ),
    "fragment with a malformed date": (
        "b.jsonl",
        lambda p: p.write_text(
            json.dumps({"html": "a", "publishedAt": "yesterday"}) + "\n" + json.dumps({"html": "b"}) + "\n",
            encoding="utf-8",
        ),
        "ISO time",
        1,
        1,
    ),
    "desktop html with a malformed date": (
        "b.html",
        lambda p: p.write_text(
            '<div class="page_header"><div class="text">Chat</div></div><div class="history">'
            '<div class="message default" id="message1"><div class="body"><div class="date" '
            'title="31.02.2025 10:00:00 UTC+03:00"></div><div class="from_name">A</div>'
            '<div class="text">bad date</div></div></div>'
            '<div class="message default" id="message2"><div class="body"><div class="date" '
            'title="01.02.2025 10:00:00 UTC+03:00"></div><div class="text">good</div></div></div></div>',
            encoding="utf-8",
        ),
        "day is out of range",
        1,
        1,
    ),
    "gzip bomb": ("b.txt.gz", _gzip_bomb, "refused as a bomb", 1, 0),
    "zip bomb": ("b.zip", _zip_bomb, "refused as a bomb", 1, 0),
    "fifo named on its own": ("b.fifo", _fifo, "not a regular file", 1, 0),
    "not utf-8 nor a code page": ("b.txt", lambda p: p.write_bytes(b"\x98\x81 bad bytes \x98"), "not UTF-8", 1, 0),
    "a BOM that lies": ("b.txt", lambda p: p.write_bytes(b"\xff\xfe\x00"), "not utf-16", 1, 0),
    "broken gzip": ("b.txt.gz", lambda p: p.write_bytes(b"\x1f\x8b not really gzip"), "cannot read", 1, 0),
    "truncated json": ("b.json", lambda p: p.write_text('{"messages": [{"id": 1', encoding="utf-8"), "JSON", 1, 0),
    "unknown json": ("b.json", lambda p: p.write_text('{"x": 1}', encoding="utf-8"), "none of their keys", 1, 0),
    "unrelated html": (
        "b.html",
        lambda p: p.write_text("<html><p>Hi</p></html>", encoding="utf-8"),
        "none of them",
        1,
        0,
    ),
}


def _batch(tmp_path: pathlib.Path, name: str, write: Writer) -> list[pathlib.Path]:
    good_dump, good_records = tmp_path / "a.txt", tmp_path / "c.jsonl"
    good_dump.write_text(GOOD_DUMP, encoding="utf-8")
    good_records.write_text(json.dumps(GOOD_RECORD) + "\n", encoding="utf-8")
    bad = tmp_path / name
    write(bad)
    return [good_dump, bad, good_records]


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_bad_input_between_good_ones(tmp_path: pathlib.Path, scenario: str) -> None:
    """GOOD BAD GOOD: both good files parsed, the bad one's failures named with a clear reason, the rest kept."""
    name, write, reason, failures, inside = SCENARIOS[scenario]
    paths = _batch(tmp_path, name, write)
    records = list(mfaparse.read(paths, options=SMALL_LIMITS))
    found = [r for r in records if isinstance(r, ReadFailure)]
    assert len(found) == failures, found
    assert all(reason in f.reason for f in found), found
    assert all(f.path.startswith(str(paths[1])) for f in found)
    assert isinstance(records[0], mfaparse.Post)  # the first good file
    assert isinstance(records[-1], mfaparse.Article)  # the last good file
    assert len(records) == 2 + failures + inside
    out = tmp_path / "out.jsonl"
    assert main(["parse", *map(str, paths), "-o", str(out), "-q"], read_options=SMALL_LIMITS) == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sum(line["type"] == "ReadFailure" for line in lines) == failures
    assert lines[0]["type"] == "Post"
    assert lines[-1]["type"] == "Article"


def test_deep_html_is_read(tmp_path: pathlib.Path) -> None:
    """HTML nested 1,000 deep parses (the renderer walks with a stack, not recursion)."""
    page = (
        '<div class="tgme_widget_message" data-post="MFARussia/1"><div class="tgme_widget_message_text">'
        + "<b>" * 1000
        + "deep #text"
        + "</b>" * 1000
        + "</div></div>"
    )
    (post,) = mfaparse.parse_telegram_web(page).posts
    assert post.text == "deep #text"
    assert [m.tag for m in post.hashtags] == []  # a t.me page marks its hashtags as links; this one is plain text


def test_streamed_line_too_long(tmp_path: pathlib.Path) -> None:
    """A streamed dump's line past ReadOptions.max_line stops that file with a failure; earlier posts stay."""
    path = tmp_path / "dump.txt"
    path.write_text(GOOD_DUMP + "x" * 5000 + "\n" + GOOD_DUMP, encoding="utf-8")
    records = list(mfaparse.read(path, options=ReadOptions(stream_bytes=1, max_line=1000)))
    assert isinstance(records[-1], ReadFailure)
    assert "longer than 1,000 characters" in records[-1].reason


@given(st.lists(st.sampled_from(["ab", "abcde", "П", "\n", "\r\n", "\r", " "]), max_size=30), st.integers(0, 3))
def test_streamed_lines_are_the_lines_of_the_text(pieces: list[str], slack: int) -> None:
    """Read under a ReadOptions.max_line at or above its longest line, a stream gives the lines of the text, line
    ends as they are: a line of exactly max_line characters keeps its "\\r\\n" whole (the read stops between them)."""
    text = "".join(pieces)
    longest = max(len(line.rstrip("\r\n")) for line in io.StringIO(text, newline="")) if text else 0
    options = ReadOptions(max_line=max(longest, 1) + slack)
    lines = list(mfaparse.reader.telegram_lines(io.BytesIO(text.encode()), options))
    assert lines == io.StringIO(text, newline="").readlines()


def test_streamed_export_keeps_its_channel_and_good_messages(tmp_path: pathlib.Path) -> None:
    """A Desktop export streamed (large) or read whole (small) gives the same channel and records; a bad message
    is a ReadFailure naming it either way."""
    path = tmp_path / "result.json"
    path.write_bytes(_export([_message(1), _message(2, date_unixtime="1e20"), _message(3)]))
    whole = list(mfaparse.read(path))
    streamed = list(mfaparse.read(path, options=ReadOptions(stream_bytes=1)))
    assert streamed == whole
    assert [r.channel for r in whole if isinstance(r, mfaparse.Post)] == ["Russian MFA", "Russian MFA"]
    assert [r.path for r in whole if isinstance(r, ReadFailure)] == [f"{path}#1"]
    with path.open("rb") as stream, pytest.raises(ParseError, match="message #1"):  # the parser alone raises
        list(mfaparse.iter_telegram_export(stream))


def test_parsers_raise_parse_errors_for_bad_messages() -> None:
    """Called directly, a parser raises ParseError naming the message (the batch keeps the rest)."""
    with pytest.raises(ParseError, match=r"message #1: expected a Unix time"):
        mfaparse.parse_telegram_export({"messages": [_message(1), _message(2, date_unixtime="1e20")]})
    with pytest.raises(ParseError, match="integer message id"):
        mfaparse.parse_client_messages([{"message_id": True, "text": "x"}])
    with pytest.raises(ParseError, match="record #1"):
        mfaparse.parse(json.dumps([GOOD_RECORD, 5]))
    with pytest.raises(ParseError, match="nested deeper"):
        mfaparse.parse("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ParseError, match="ISO time"):
        list(mfaparse.iter_html_fragments([{"html": "a", "publishedAt": "2024-13-45"}]))


def test_unwritable_output_is_a_usage_error(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An -o that cannot be written: one line on stderr, exit code 2, no traceback."""
    source = tmp_path / "a.txt"
    source.write_text(GOOD_DUMP, encoding="utf-8")
    for extra in ([], ["--output-format", "csv"], ["--output-format", "parquet"]):
        code = main(["parse", str(source), "-o", str(tmp_path / "no" / "such" / "dir" / "out"), *extra])
        assert code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "cannot write" in err


def test_bool_id_never_reaches_jsonl() -> None:
    """No record holds a bool where an int belongs, so every JSON line loads back."""
    dump = mfaparse.parse_client_messages([{"message_id": 3, "text": "x", "views": 10}])
    line = mfaparse.to_jsonl(dump.posts[0])
    assert mfaparse.from_jsonl(line) == dump.posts[0]


def test_fifo_in_a_folder_is_not_opened(tmp_path: pathlib.Path) -> None:
    """A FIFO inside a folder is no input file: the walk passes over it (reading it would block)."""
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text(GOOD_DUMP, encoding="utf-8")
    assert [type(r).__name__ for r in mfaparse.read(tmp_path)] == ["Post"]
    assert list(mfaparse.expand_paths(tmp_path)) == [str(tmp_path / "a.txt")]


def test_stdin_is_one_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """``-`` reads standard input whole (within the limit) and detects its format like a file."""

    class _Stdin:
        buffer = io.BytesIO(json.dumps([GOOD_RECORD, 5]).encode("utf-8"))

    monkeypatch.setattr("sys.stdin", _Stdin())
    records = list(mfaparse.read("-"))
    assert [type(r).__name__ for r in records] == ["Article", "ReadFailure"]
    assert isinstance(records[1], ReadFailure)
    assert records[1].path == "<stdin>#1"


def test_wrong_arguments_fail_at_the_call() -> None:
    """read() checks its arguments when called, before any file is touched."""
    with pytest.raises(ValueError, match="unknown format 'telegram'"):
        mfaparse.read("x", format="telegram")
    with pytest.raises(TypeError, match="options must be ReadOptions"):
        mfaparse.read("x", options={"stream_bytes": 1})  # type: ignore[arg-type]  # wrong on purpose
    with pytest.raises(TypeError, match="paths must be"):
        mfaparse.read(b"x")  # type: ignore[arg-type]  # wrong on purpose
