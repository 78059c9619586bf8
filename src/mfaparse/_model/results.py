"""Results that are not documents: a deduplicated text, a group of duplicate posts, an input that failed, and
what :func:`mfaparse.parse` returns.

>>> failure = ReadFailure(path="dumps/a.json#3", format="tass-records", reason="expected an object, found int")
>>> ReadFailure.from_dict(failure.to_dict()) == failure
True
"""

from __future__ import annotations

from typing import Literal

import attrs

from mfaparse._model.base import Provenance, Removal, Span
from mfaparse._model.documents import Article, Channel, Post
from mfaparse._model.record import Record

__all__ = ["Dedup", "DuplicateGroup", "Parsed", "ReadFailure"]


@attrs.frozen(kw_only=True)
class Dedup(Record):
    """The text without its repeated blocks, and what was removed (spans into ``source``)."""

    source: str
    text: str
    removed: tuple[Removal, ...]
    kept: tuple[Span, ...]
    """The pieces of ``source`` that make up ``text``, in order."""


@attrs.frozen(kw_only=True)
class DuplicateGroup(Record):
    """Posts that repeat each other: ``representative`` is the earliest; ``members`` include it, in order."""

    kind: Literal["exact", "near"]
    representative: int
    members: tuple[int, ...]


@attrs.frozen(kw_only=True)
class ReadFailure(Record):
    """An input that could not be read or parsed: where, which format was tried, why.

    ``path`` names the input as precisely as the reader knows it: ``dumps/a.txt``, ``archive.zip!member.json``,
    ``records.jsonl:17`` (a line of a JSON Lines file), ``records.json#3`` (an element of a JSON list or of an
    export's messages).
    """

    path: str
    format: str | None
    reason: str
    provenance: Provenance | None = None
    """The same place as a record's :class:`~mfaparse.Provenance` (``path`` above says it in one string)."""


@attrs.frozen(kw_only=True)
class Parsed(Record):
    """What :func:`mfaparse.parse` and :func:`mfaparse.parse_as` return, whatever the format.

    ``records`` are the posts or articles in input order. ``source`` is the text their spans point into where
    they share one (Telegram formats: the dump's normalised text; TASS text: the article's), None for records
    files and listing pages, whose articles each carry their own ``source``. ``channel`` is the channel header,
    where there is one.
    """

    format: str
    records: tuple[Post | Article, ...]
    source: str | None = None
    channel: Channel | None = None

    @property
    def posts(self) -> tuple[Post, ...]:
        """The records that are posts."""
        return tuple(r for r in self.records if isinstance(r, Post))

    @property
    def articles(self) -> tuple[Article, ...]:
        """The records that are articles."""
        return tuple(r for r in self.records if isinstance(r, Article))
