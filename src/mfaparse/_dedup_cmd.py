"""``mfaparse dedup``: duplicate posts and articles of JSON Lines that ``mfaparse parse`` wrote (any profile).

Records are read as JSON objects with a ``text``; other lines (failures, blank lines) are passed over when
grouping and passed through when writing records. Three outputs:

* groups (the default): one ``DuplicateGroup`` line per group, its ``members`` numbered among the text records
  and, beside them, ``where``: each member's input line (``records.jsonl:12``) and its ``provenance``;
* ``--keep first|longest``: the input lines again, each group's members but one left out (the earliest, or the
  one with the longest text, stays);
* ``--annotate``: every input line, each record with ``duplicate_groups`` (the numbers of its groups, ``[]``
  for none).
"""

from __future__ import annotations

import json
import pathlib
import sys
from collections.abc import Sequence
from typing import IO, Any

import attrs

from mfaparse._model.results import DuplicateGroup
from mfaparse._text.near_duplicates import NearDupOptions, dedup_posts

__all__ = ["Line", "dedup_lines", "read_lines"]


@attrs.frozen
class Line:
    """One input line: where it is (``path:number``), its text, and its record's data (None for no record)."""

    where: str
    raw: str
    data: dict[str, Any] | None


def read_lines(paths: Sequence[str], stdin: IO[str]) -> list[Line]:
    """The lines of ``paths`` (or of ``stdin``); a ValueError names a line that is no JSON."""
    sources = [(path, pathlib.Path(path).read_text(encoding="utf-8")) for path in paths] or [("<stdin>", stdin.read())]
    lines: list[Line] = []
    for name, text in sources:
        for number, raw in enumerate(text.splitlines(), 1):
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
            except ValueError as exc:
                raise ValueError(f"{name}:{number} is not a JSON line from 'mfaparse parse': {exc}") from exc
            record = data if isinstance(data, dict) and isinstance(data.get("text"), str) else None
            lines.append(Line(where=f"{name}:{number}", raw=raw, data=record))
    return lines


def dedup_lines(lines: list[Line], options: NearDupOptions, keep: str | None, annotate: bool) -> list[str]:
    """The output lines of ``mfaparse dedup`` for ``lines`` (see the module)."""
    records = [line for line in lines if line.data is not None]
    groups = dedup_posts([line.data["text"] for line in records if line.data is not None], options)
    if keep is None and not annotate:
        return [_group_line(group, records) for group in groups]
    if annotate:
        numbers: dict[int, list[int]] = {}
        for g, group in enumerate(groups):
            for member in group.members:
                numbers.setdefault(member, []).append(g)
        index = {id(line): k for k, line in enumerate(records)}
        out = []
        for line in lines:
            if line.data is None:
                out.append(line.raw)
            else:
                out.append(json.dumps({**line.data, "duplicate_groups": numbers.get(index[id(line)], [])},
                                      ensure_ascii=False))  # fmt: skip
        return out
    dropped = _dropped(groups, records, keep)
    return [line.raw for line in lines if line.data is None or id(line) not in dropped]


def _dropped(groups: Sequence[DuplicateGroup], records: list[Line], keep: str | None) -> set[int]:
    """The lines (by ``id``) that ``--keep`` leaves out: the groups joined where they share a member (a post in an
    exact and a near group), and of each joined group every member but the one kept."""
    parent = list(range(len(records)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for group in groups:
        for member in group.members[1:]:
            parent[root(member)] = root(group.members[0])
    joined: dict[int, list[int]] = {}
    for group in groups:
        for member in group.members:
            joined.setdefault(root(member), [])
            if member not in joined[root(member)]:
                joined[root(member)].append(member)
    dropped: set[int] = set()
    for members in joined.values():
        members.sort()
        longest = max(members, key=lambda m: (len(_text(records[m])), -m))  # the earliest of the longest
        kept = longest if keep == "longest" else members[0]
        dropped.update(id(records[m]) for m in members if m != kept)
    return dropped


def _text(line: Line) -> str:
    return line.data["text"] if line.data is not None else ""


def _group_line(group: DuplicateGroup, records: list[Line]) -> str:
    where = [{"line": records[m].where, "provenance": (records[m].data or {}).get("provenance")} for m in group.members]
    data = {"type": "DuplicateGroup", **group.to_dict(), "where": where}
    return json.dumps(data, ensure_ascii=False)


def main_dedup(paths: Sequence[str], threshold: float, keep: str | None, annotate: bool) -> int:
    """Run ``mfaparse dedup``: its exit code (2 for input that is no JSON Lines)."""
    try:
        lines = read_lines(paths, sys.stdin)
    except (ValueError, OSError) as exc:
        sys.stderr.write(f"mfaparse dedup: {exc}\n")
        return 2
    for line in dedup_lines(lines, NearDupOptions(threshold=threshold), keep, annotate):
        sys.stdout.write(line + "\n")
    return 0
