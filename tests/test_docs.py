"""The API reference names every public function and class, so the generated pages cover the whole API; the Dask
page shows the recipe script as it is in examples/."""

from __future__ import annotations

import importlib.util
import inspect
import pathlib
import re
import typing

import mfaparse

ROOT = pathlib.Path(__file__).resolve().parents[1]
API = ROOT / "docs" / "api.md"


def test_the_api_reference_lists_every_public_function_and_class() -> None:
    listed = {line.removeprefix("::: mfaparse.").strip() for line in API.read_text(encoding="utf-8").splitlines()
              if line.startswith("::: mfaparse.")}  # fmt: skip
    public = {
        name
        for name in mfaparse.__all__
        if (inspect.isclass(obj := getattr(mfaparse, name)) or inspect.isfunction(obj))
        and typing.get_origin(obj) is not typing.Literal  # the Literal aliases are documented with their records
    }
    assert public - listed == set()
    modules = {name for name in listed - set(mfaparse.__all__) if importlib.util.find_spec(f"mfaparse.{name}")}
    assert listed - set(mfaparse.__all__) - modules == set()
    assert modules == {"dask_support"}  # documented whole: its own __all__


def test_the_dask_page_shows_the_example_script() -> None:
    """docs/dask.md's script is examples/dask_corpus.py without its docstring (tests/test_dask.py runs that)."""
    page = (ROOT / "docs" / "dask.md").read_text(encoding="utf-8")
    shown = re.search(r"```python\n(.*?)```", page, re.DOTALL)
    assert shown is not None
    script = (ROOT / "examples" / "dask_corpus.py").read_text(encoding="utf-8")
    body = script.split("from __future__ import annotations\n", 1)[1]
    assert shown.group(1).strip() == body.strip()
