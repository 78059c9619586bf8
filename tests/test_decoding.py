"""File encodings: UTF-8 with or without BOM, UTF-16/32 with a BOM, cp1251, KOI8-R and KOI8-U, told apart by
letter statistics and recorded on the records; undecidable bytes are a ReadFailure, never mojibake."""

from __future__ import annotations

import json
import pathlib

import pytest

import mfaparse
from mfaparse import ParseError, ReadFailure, ReadOptions
from mfaparse._text.decoding import decode, stream_encoding

RUSSIAN = "МОСКВА, 13 октября. /ТАСС/. Россия готова к переговорам, заявил министр иностранных дел."
UKRAINIAN = "Міністр закордонних справ заявив, що їхня позиція щодо переговорів не змінилася."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1251", "koi8-r"])
def test_russian_in_every_encoding(encoding: str) -> None:
    """Russian text comes back as written, with its encoding's name."""
    text, found = decode(RUSSIAN.encode(encoding))
    assert text == RUSSIAN
    assert found == encoding


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1251", "koi8-u"])
def test_ukrainian_in_every_encoding(encoding: str) -> None:
    """Ukrainian letters (і, ї, є) tell KOI8-U from KOI8-R."""
    assert decode(UKRAINIAN.encode(encoding)) == (UKRAINIAN, encoding)


def test_undecidable_bytes_are_a_parse_error() -> None:
    """Too few letters to tell, or bytes no candidate reads: a ParseError saying so."""
    with pytest.raises(ParseError, match="too few letters"):
        decode("Да.".encode("cp1251"))
    with pytest.raises(ParseError, match="not utf-16"):
        decode(b"\xff\xfe\x00")
    with pytest.raises(TypeError):
        decode("text")  # type: ignore[arg-type]  # wrong on purpose
    assert stream_encoding(RUSSIAN.encode("utf-8")[:-1]) == "utf-8"  # a head cut inside a character


def test_files_in_code_pages_are_read_and_say_so(tmp_path: pathlib.Path) -> None:
    """A cp1251 article, a KOI8-R dump streamed, a UTF-16 JSON records file: read right, encoding recorded."""
    article = tmp_path / "article.txt"
    article.write_bytes(("Переговоры\n\n" + RUSSIAN).encode("cp1251"))
    (art,) = mfaparse.read(article)
    assert isinstance(art, mfaparse.Article)
    assert (art.title, art.dateline and art.dateline.city, art.encoding) == ("Переговоры", "МОСКВА", "cp1251")
    dump = tmp_path / "dump.txt"
    post = "Forwarded from МИД России 🇷🇺\n" + RUSSIAN + "\n"
    dump.write_bytes(post.replace("🇷🇺", "").encode("koi8-r") * 3)
    streamed = list(mfaparse.read(dump, options=ReadOptions(stream_bytes=1)))
    assert [(type(p).__name__, getattr(p, "encoding", None)) for p in streamed] == [("Post", "koi8-r")] * 3
    assert all(isinstance(p, mfaparse.Post) and p.text == RUSSIAN for p in streamed)
    records = tmp_path / "records.json"
    records.write_bytes(json.dumps([{"title": "Заголовок", "text": RUSSIAN}], ensure_ascii=False).encode("utf-16"))
    (rec,) = mfaparse.read(records)
    assert isinstance(rec, mfaparse.Article)
    assert (rec.title, rec.encoding) == ("Заголовок", "utf-16")
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text("Переговоры\n\n" + RUSSIAN, encoding="utf-8")
    (plain,) = mfaparse.read(utf8)
    assert isinstance(plain, mfaparse.Article)
    assert plain.encoding is None  # UTF-8, the default, is not written on every record
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(b"\x98\x81\x98")
    (failure,) = mfaparse.read(mixed)
    assert isinstance(failure, ReadFailure)
    assert "not UTF-8" in failure.reason


def test_detect_and_the_command_line_decode_as_read_does(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`mfaparse detect` and `mfaparse parse` on a large cp1251 dump (streamed a chunk at a time, -j 1 and -j 2)
    decode it as read() does, and the posts say their encoding."""
    from mfaparse.cli import main  # noqa: PLC0415  # the command line under test

    dump = tmp_path / "dump.txt"
    dump.write_bytes(("Forwarded from МИД России\n" + RUSSIAN + "\n").encode("cp1251") * 40)
    options = ReadOptions(stream_bytes=1)
    assert main(["detect", str(dump)]) == 0
    assert capsys.readouterr().out.split() == [str(dump), "telegram-text"]
    expected = [mfaparse.to_jsonl(r) for r in mfaparse.read(dump, options=options)]
    assert all('"encoding":"cp1251"' in line for line in expected)
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        assert (
            main(["parse", "--profile", "full", str(dump), "-o", str(out), "-q", "-j", jobs], read_options=options) == 0
        )
        assert out.read_text(encoding="utf-8").splitlines() == expected
