"""Output profiles and field selection: which fields of a record are written, the same words for ``to_dict()``,
:func:`mfaparse.to_jsonl` and the command line's ``--profile``, ``--fields`` and ``--exclude``.

* ``full``: the whole record — every field, every span, what was removed and why; loads back into an equal
  record (:meth:`~mfaparse._model.record.Record.from_dict`).
* ``slim``: what a reader of the text needs — no ``source`` (the input itself), no derived copies
  (``clean_text``; an article's ``paragraphs``, which ``text`` holds joined by blank lines, and its ``quotes``,
  the quoted parts of ``text`` again), no per-block or per-paragraph spans (``blocks``, ``paragraph_spans``,
  ``title_span``, ``subtitle_span``), no ``removed``, and no field without a value (null, an empty list);
  metadata, entities, speakers and provenance kept. A reader of JSON Lines (``pandas.read_json(lines=True)``)
  takes a missing key as a missing value.

``fields`` keeps only the fields named (dotted paths reach into nested records: ``forward.name``); ``exclude``
drops them. A record written without some fields does not load back into a record: the loader names what is
missing.

>>> import mfaparse
>>> post = mfaparse.parse_telegram("Forwarded from X Channel\\nText #ASEAN").posts[0]
>>> sorted(post.to_dict(profile="slim"))
['forward', 'hashtags', 'span', 'text']
>>> post.to_dict(fields=["text", "forward.name", "hashtags.tag"])
{'text': 'Text #ASEAN', 'forward': {'name': 'X Channel'}, 'hashtags': [{'tag': 'ASEAN'}]}
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

__all__ = ["PROFILES", "Profile", "check_fields", "drops", "pruned", "public_hints", "select"]

Profile = Literal["full", "slim"]
PROFILES: tuple[Profile, ...] = typing.get_args(Profile)

_SLIM: dict[str, frozenset[str]] = {
    "Post": frozenset({"clean_text", "blocks", "removed"}),
    "Article": frozenset(
        {
            "source",
            "paragraphs",
            "paragraph_spans",
            "clean_text",
            "title_span",
            "subtitle_span",
            "removed",
            "quotes",
            "editor_notes",
        }
    ),
}


def drops(cls_name: str, profile: str) -> frozenset[str]:
    """The fields of the record class named ``cls_name`` that ``profile`` leaves out."""
    if profile == "full":
        return frozenset()
    if profile == "slim":
        return _SLIM.get(cls_name, frozenset())
    raise ValueError(f"profile must be one of {', '.join(PROFILES)}, not {profile!r}")


def pruned(value: Any) -> Any:
    """``value`` without the dict entries that hold nothing (None, ``[]``, ``{}``), at every depth: the ``slim``
    profile's last step."""
    if isinstance(value, dict):
        kept = {k: pruned(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v is not None and v not in ([], {})}
    if isinstance(value, list):
        return [pruned(v) for v in value]
    return value


def check_fields(paths: Iterable[str]) -> tuple[str, ...]:
    """``paths`` checked against the fields of the records (posts, articles, failures, duplicate groups, and the
    records they hold): a ValueError names an unknown one and the fields there are."""
    paths = tuple(paths)
    for path in paths:
        if not isinstance(path, str):
            raise TypeError(f"field names are str, not {type(path).__name__}")
    return _checked(paths)


@functools.cache
def _checked(paths: tuple[str, ...]) -> tuple[str, ...]:
    from mfaparse._model.jsonl import RECORD_TYPES  # noqa: PLC0415  # the records import this module's users

    names = _all_fields(tuple(RECORD_TYPES.values()))
    for path in paths:
        for part in path.split("."):
            if part not in names:
                raise ValueError(f"unknown field {part!r} in {path!r}; fields: {', '.join(sorted(names))}")
    return paths


@functools.cache
def _all_fields(classes: tuple[type, ...]) -> frozenset[str]:
    """The field names of ``classes`` and of every record class their fields hold."""
    seen: set[type] = set()
    names: set[str] = {"type"}
    todo = list(classes)
    while todo:
        cls = todo.pop()
        if cls in seen or not attrs.has(cls):
            continue
        seen.add(cls)
        for name, hint in public_hints(cls).items():
            names.add(name)
            todo.extend(_record_types(hint))
    return frozenset(names)


@functools.cache
def public_hints(cls: type) -> dict[str, Any]:
    """The type hints of an attrs class's fields by public name: each field's ``__init__`` name, which is also the
    attribute to read (a field computed on first read, such as :attr:`~mfaparse.Post.clean_text`, is stored as
    ``_clean_text`` behind a property of its public name)."""
    hints = typing.get_type_hints(cls)
    return {f.alias: hints[f.name] for f in attrs.fields(cls)}


def _record_types(hint: Any) -> list[type]:
    """The attrs classes a type hint holds (``tuple[Hashtag, ...]``, ``Forward | None``)."""
    if isinstance(hint, type) and attrs.has(hint):
        return [hint]
    return [t for arg in typing.get_args(hint) for t in _record_types(arg)]


def select(data: dict[str, Any], fields: Sequence[str] | None, exclude: Sequence[str] | None) -> dict[str, Any]:
    """``data`` (a record's ``to_dict()``) with only ``fields`` (dotted paths), then without ``exclude``."""
    if fields:
        data = _keep(data, _tree(fields))
    for path in exclude or ():
        _drop(data, path.split("."))
    return data


def _tree(paths: Sequence[str]) -> dict[str, Any]:
    """Dotted paths as a tree: ``["forward.name", "text"]`` -> ``{"forward": {"name": {}}, "text": {}}``; an empty
    subtree keeps the whole value."""
    tree: dict[str, Any] = {}
    for path in paths:
        node = tree
        parts = path.split(".")
        for k, part in enumerate(parts):
            if part in node and not node[part]:
                break  # the whole value is already kept
            node = node.setdefault(part, {})
            if k == len(parts) - 1:
                node.clear()
    return tree


def _keep(value: Any, tree: dict[str, Any]) -> Any:
    if not tree:
        return value
    if isinstance(value, list):
        return [_keep(item, tree) for item in value]
    if isinstance(value, dict):
        return {k: _keep(v, tree[k]) for k, v in value.items() if k in tree or k == "type"}
    return value


def _drop(value: Any, parts: list[str]) -> None:
    if isinstance(value, list):
        for item in value:
            _drop(item, parts)
    elif isinstance(value, dict) and parts[0] in value:
        if len(parts) == 1:
            del value[parts[0]]
        else:
            _drop(value[parts[0]], parts[1:])
