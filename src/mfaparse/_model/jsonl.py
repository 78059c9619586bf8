"""Records as JSON Lines and back: each line is a record's ``to_dict()`` with its ``type``.

>>> import mfaparse
>>> post = mfaparse.parse_telegram("Forwarded from X Channel\\nText #ASEAN").posts[0]
>>> line = to_jsonl(post)
>>> line[:31]
'{"type":"Post","span":{"start":'
>>> from_jsonl(line) == post
True
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from typing import Any

from mfaparse._model.documents import Article, Post
from mfaparse._model.results import DuplicateGroup, ReadFailure

__all__ = ["RECORD_TYPES", "from_jsonl", "to_jsonl"]

RECORD_TYPES: dict[str, type[Post] | type[Article] | type[ReadFailure] | type[DuplicateGroup]] = {
    "Post": Post,
    "Article": Article,
    "ReadFailure": ReadFailure,
    "DuplicateGroup": DuplicateGroup,
}


# Compact (no spaces after separators), UTF-8 as it is; records hold no cycles: skip the check
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":"))


def _stdlib(data: dict[str, Any]) -> str:
    return _ENCODER.encode(data)


def _fast_encoder() -> Callable[[dict[str, Any]], str]:
    """orjson where it is installed (the ``fast`` extra: about 5x the stdlib encoder on records, see
    ``benchmarks/bench_serialise.py``) and not switched off (``MFAPARSE_JSON=stdlib``); the same keys and values,
    compact either way. Text orjson refuses (a lone surrogate from an escaped JSON input) goes to the stdlib."""
    if os.environ.get("MFAPARSE_JSON") == "stdlib":
        return _stdlib
    try:
        import orjson  # noqa: PLC0415  # optional
    except ImportError:
        return _stdlib
    dumps, error = orjson.dumps, orjson.JSONEncodeError

    def encode(data: dict[str, Any]) -> str:
        try:
            return dumps(data).decode("utf-8")
        except error:
            return _ENCODER.encode(data)

    return encode


_encode = _fast_encoder()


def to_jsonl(
    record: Post | Article | ReadFailure | DuplicateGroup,
    profile: str = "full",
    *,
    fields: Sequence[str] | None = None,
    exclude: Sequence[str] | None = None,
) -> str:
    """One JSON line (no newline) for a record: its ``type``, then ``to_dict(profile, fields=, exclude=)``."""
    name = type(record).__name__
    if name not in RECORD_TYPES:
        raise TypeError(f"to_jsonl() takes one of {sorted(RECORD_TYPES)}, not {name}")
    return _encode({"type": name, **record.to_dict(profile, fields=fields, exclude=exclude)})


def from_jsonl(line: str) -> Any:
    """The record a JSON line holds (the inverse of :func:`to_jsonl`)."""
    data = json.loads(line)
    if not isinstance(data, dict) or data.get("type") not in RECORD_TYPES:
        raise ValueError(f"expected a JSON object with a type among {sorted(RECORD_TYPES)}")
    kind = RECORD_TYPES[data.pop("type")]
    return kind.from_dict(data)
