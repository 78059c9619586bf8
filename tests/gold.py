"""Reading the gold files and comparing a parse with them, field by field (as ../shared/tools/check_gold.py)."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import regex

GOLD = pathlib.Path(__file__).parent / "fixtures" / "gold"
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "—": "-", "–": "-"})


def fold(value: object) -> object:
    """Strings with quotes, dashes and whitespace folded; other values as they are."""
    if isinstance(value, str):
        return regex.sub(r"\s+", " ", value.translate(_FOLD)).strip()
    return value


def gold(prefix: str) -> dict[str, Any]:
    """The gold record of the seed whose name starts with ``prefix``."""
    (path,) = GOLD.glob(f"{prefix}_*.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
