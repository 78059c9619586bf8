from collections.abc import Callable, Iterable
from typing import Any

def find_runs(
    lines: list[str],
    keys: list[str],
    markers: list[bool],
    suffixes: tuple[str, ...],
    min_chars: int,
    min_lines: int,
    max_candidates: int,
    min_truncated_chars: int,
    /,
) -> list[tuple[int, int, int]]: ...
def may_repeat(lines: list[str], keys: list[str], markers: list[bool], suffixes: tuple[str, ...], /) -> bool: ...
def line_starts(texts: tuple[str, ...] | list[str], base: int, /) -> tuple[int, ...]: ...
def occurrences(text: str, words: Iterable[str], /) -> list[tuple[int, str]]: ...
def maker(
    cls: type[Any], slots: tuple[str, ...], keywords: tuple[str, ...], defaults: tuple[object, ...], required: object, /
) -> Callable[..., Any]: ...
