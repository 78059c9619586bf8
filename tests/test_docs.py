"""The API reference names every public function and class, so the generated pages cover the whole API."""

from __future__ import annotations

import inspect
import pathlib
import typing

import mfaparse

API = pathlib.Path(__file__).resolve().parents[1] / "docs" / "api.md"


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
    assert listed - set(mfaparse.__all__) == set()
