"""Every example script runs on the shipped example data and prints what it promises."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest
import regex

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"


def run(name: str, *args: str) -> str:
    """Run an example as a user would; its output."""
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout


def test_every_example_is_tested() -> None:
    """No example script goes untested."""
    assert {p.name for p in EXAMPLES.glob("*.py")} == {
        "clean_seed.py",
        "parse_telegram_dump.py",
        "parse_tass_articles.py",
        "near_duplicates.py",
        "load_into_pandas.py",
        "dask_corpus.py",  # run on a local cluster by tests/test_dask.py
    }


def test_parse_telegram_dump(tmp_path: pathlib.Path) -> None:
    """13 posts listed; the JSONL it writes loads back into Post records."""
    out = tmp_path / "posts.jsonl"
    text = run("parse_telegram_dump.py", "--jsonl", str(out))
    assert text.startswith("telegram_mfa_forwards.txt: 13 posts")
    import mfaparse  # noqa: PLC0415  # imported here: the example must run without the test's imports

    posts = [mfaparse.Post.from_dict(json.loads(line)) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(posts) == 13
    assert posts[0].place == "Jakarta"


def test_parse_tass_articles() -> None:
    """The dateline's year comes from the reference date."""
    assert "dateline: MOSCOW, 2022-10-13 (TASS)" in run("parse_tass_articles.py")


def test_near_duplicates() -> None:
    """The edited re-post is grouped with its original."""
    assert "near group: keep #0, drop [13]" in run("near_duplicates.py")


@pytest.mark.parametrize("name", ["clean_seed.py"])
def test_clean_seed(name: str) -> None:
    """Hashtags and emoji of the example dump are counted."""
    text = run(name)
    assert "#ASEAN ×23" in text
    assert "RU ×16" in text


def test_load_into_pandas(tmp_path: pathlib.Path) -> None:
    """The example data loads into a DataFrame: 13 posts and the article, with dates and hashtags read back."""
    out = tmp_path / "records.jsonl"
    text = run("load_into_pandas.py", "--jsonl", str(out))
    assert text.startswith("14 records: 13 Post, 1 Article")
    assert "Russian MFA Jakarta 2023-07-13" in text
    assert "top hashtags: #ASEAN x13" in text
    assert "(en, 2401 characters)" in text
    assert len(out.read_text(encoding="utf-8").splitlines()) == 14


def test_load_into_pandas_on_the_whole_corpus(corpus: pathlib.Path) -> None:
    """The real corpus (articles without titles, listings, every format) loads both ways."""
    text = run("load_into_pandas.py", str(corpus))
    assert regex.match(r"\d{4} records: \d{4} Post, \d+ Article", text)
    assert "(no title)" in text or "article:" in text
