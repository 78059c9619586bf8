"""The document records: Telegram posts and dumps, TASS articles, and what they are made of.

Spans point into the ``source`` of the enclosing result (``TelegramDump.source``, ``Article.source``).
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from mfaparse._model.base import Hashtag, Link, Mention, PartialDate, PartialDateTime, Provenance, Removal, Span
from mfaparse._model.build import maker
from mfaparse._model.checks import one_of
from mfaparse._model.record import Record
from mfaparse._text.clean import record_clean_text
from mfaparse._text.emoji import name_and_flags

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Channel",
    "Dateline",
    "EditorNote",
    "Forward",
    "Media",
    "Post",
    "Quote",
    "Speaker",
    "TelegramDump",
    "new_forward",
]


@attrs.frozen(kw_only=True)
class Forward(Record):
    """Where a Telegram post came from: ``Forwarded from Russian MFA 🇷🇺`` -> name ``Russian MFA``, flags RU."""

    name: str
    flags: tuple[str, ...] = ()
    """ISO codes read from flag emoji in the name (``RU``, ``GB-SCT``), in order."""
    url: str | None = None
    message_id: int | None = None
    author: str | None = None
    posted_at: dt.datetime | None = None
    span: Span | None = None
    """Where the forward header was read from, when it came from text."""
    from_id: str | None = None
    """The original sender's id, where the format gives it (a Desktop export's ``forwarded_from_id``)."""

    @classmethod
    def from_display(cls, display: str, **fields: Any) -> Forward:
        """The forward of a display name as every source shows it: ``Russian MFA 🇷🇺`` -> name, flags.

        >>> forward = Forward.from_display("Russian MFA 🇷🇺", message_id=5)
        >>> forward.name, forward.flags, forward.message_id
        ('Russian MFA', ('RU',), 5)
        """
        name, flags = name_and_flags(display)
        return (new_forward if cls is Forward else cls)(name=name, flags=flags, **fields)


new_forward = maker(Forward)  # the core's where it is in use: the forward of every forwarded post


@attrs.frozen(kw_only=True)
class Channel(Record):
    """A channel's page header: name, counters as numbers (``53.5K`` -> 53500), description."""

    name: str
    flags: tuple[str, ...] = ()
    username: str | None = None
    subscribers: int | None = None
    photos: int | None = None
    videos: int | None = None
    files: int | None = None
    links: int | None = None
    description: str | None = None
    span: Span | None = None

    @classmethod
    def from_display(cls, display: str, counts: Mapping[str, int | None] | None = None, **fields: Any) -> Channel:
        """The channel of a display name (``Посольство России в Индии 🇷🇺🇮🇳`` -> name, flags ``RU``, ``IN``), with
        its counters by field name (``subscribers``, ``photos``, ``videos``, ``files``, ``links``).

        >>> Channel.from_display("Russian MFA 🇷🇺", {"subscribers": 53500}).subscribers
        53500
        """
        name, flags = name_and_flags(display)
        known: dict[str, Any] = {k: v for k, v in (counts or {}).items() if k in _COUNTERS}
        return cls(name=name, flags=flags, **known, **fields)


_COUNTERS = frozenset({"subscribers", "photos", "videos", "files", "links"})


@attrs.frozen(kw_only=True)
class Media(Record):
    """A media placeholder left by a scrape or export (``Media is too big`` + ``VIEW IN TELEGRAM`` is one)."""

    kind: str
    """``too_big``, ``unsupported``, ``photo``, ``video``, ``file``, ..."""
    text: str
    span: Span | None = None


@attrs.frozen(kw_only=True)
class Speaker(Record):
    """Someone quoted: ``💬 President Vladimir Putin (from ...):`` -> name ``Vladimir Putin``, role ``President``."""

    name: str
    role: str | None = None
    span: Span | None = None


BlockKind = Literal["paragraph", "question", "answer", "quote", "bullet", "hashtags", "elision", "title", "place"]


@attrs.frozen(kw_only=True)
class Block(Record):
    """One line of a post's layout, typed by its marker (🎙 title, 📍 place, 💬 answer, ❓ question, 🔹 bullet...)."""

    kind: BlockKind = attrs.field(validator=one_of(typing.get_args(BlockKind)))
    text: str
    span: Span
    speaker: str | None = None


@attrs.frozen(kw_only=True)
class Post(Record):
    """A Telegram post. Spans point into the ``source`` of the dump (or stream) it came from.

    ``text`` is the post as its author wrote it (scrape debris and repeated blocks removed, emoji and
    hashtags kept); ``clean_text`` is the NLP view; ``removed`` lists everything else, with reasons.
    """

    span: Span
    text: str
    _clean_text: str | None = attrs.field(
        default=None, alias="clean_text", eq=False, repr=False, metadata={"written": True}
    )
    """Stored behind the ``clean_text`` property: None until it is first read (or given)."""
    removed: tuple[Removal, ...] = ()
    forward: Forward | None = None
    channel: str | None = None
    message_id: int | None = None
    url: str | None = None
    posted_at: dt.datetime | None = None
    author: str | None = None
    """The post's signature (a channel post's author), where the format gives it."""
    reply_to: int | None = None
    """The message id this post replies to, where the format gives it."""
    views: int | None = None
    title: str | None = None
    place: str | None = None
    date: PartialDate | None = None
    speakers: tuple[Speaker, ...] = ()
    blocks: tuple[Block, ...] = ()
    hashtags: tuple[Hashtag, ...] = ()
    """Distinct hashtags of ``text`` in order of first use (every occurrence is in ``blocks``' text)."""
    mentions: tuple[Mention, ...] = ()
    links: tuple[Link, ...] = ()
    media: tuple[Media, ...] = ()
    encoding: str | None = None
    """The file's encoding where it was not UTF-8 (``cp1251``, ``koi8-r``, ``utf-16``...), as the reader found it."""
    provenance: Provenance | None = None
    """Where the record came from (:class:`~mfaparse.Provenance`), set by :func:`mfaparse.read` and the CLI."""

    @property
    def clean_text(self) -> str:
        """The NLP view of ``text`` (``mfaparse.clean_text(text, CleanOptions(normalize=False))``), computed when
        first read: most pipelines never read it, and it is a seventh of a parse. ``to_dict()`` of the ``full``
        profile writes it; equality and hashing leave it out, since ``text`` decides it."""
        return _lazy_clean_text(self)


def _lazy_clean_text(record: Post | Article) -> str:
    """``record``'s ``clean_text``, computed from its ``text`` on first read and kept (the record stays frozen to
    its users: the value is a function of ``text``)."""
    value = record._clean_text  # the property's own storage
    if value is None:
        value = record_clean_text(record.text)
        object.__setattr__(record, "_clean_text", value)  # frozen: the attrs way to fill a slot after __init__
    return value


@attrs.frozen(kw_only=True)
class TelegramDump(Record):
    """A parsed Telegram text dump: the (normalised) source, the channel header if any, the posts."""

    source: str
    channel: Channel | None
    posts: tuple[Post, ...]


@attrs.frozen(kw_only=True)
class Dateline(Record):
    """A TASS dateline: ``MOSCOW, October 13. /TASS/.``, ``РИМ, 3 декабря. /Корр. ТАСС Вера Щербакова/.``."""

    city: str | None
    region: str | None
    date: PartialDate | None
    agency: str
    correspondent: str | None
    span: Span


@attrs.frozen(kw_only=True)
class EditorNote(Record):
    """An editor's note in parentheses: ``(Australian-UK-US security partnership - TASS)`` -> its words."""

    text: str
    span: Span
    """The whole parenthetical, as it stands in the text."""


@attrs.frozen(kw_only=True)
class Quote(Record):
    """A quoted statement and who said it: a person (``speaker``), or an institution (``institution``:
    ``"...," the Russian Foreign Ministry said`` -> ``Russian Foreign Ministry``); both None where the text does not
    say."""

    text: str
    speaker: str | None
    span: Span
    institution: str | None = None


@attrs.frozen(kw_only=True)
class Article(Record):
    """A TASS article. Spans point into ``source`` (the normalised input).

    ``paragraphs`` are the body without the dateline; ``text`` is the body joined by blank lines;
    title, subtitle, timestamp and dateline are fields; ``removed`` lists everything else with reasons.
    """

    source: str
    title: str | None
    subtitle: str | None
    published: PartialDateTime | dt.datetime | None
    dateline: Dateline | None
    paragraphs: tuple[str, ...]
    paragraph_spans: tuple[Span, ...]
    text: str
    _clean_text: str | None = attrs.field(
        default=None, alias="clean_text", eq=False, repr=False, metadata={"written": True}
    )
    """Stored behind the ``clean_text`` property: None until it is first read (or given)."""
    language: Literal["en", "ru"] | None
    title_span: Span | None = None
    subtitle_span: Span | None = None
    editor_notes: tuple[EditorNote, ...] = ()
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    url: str | None = None
    agency: str | None = None
    """The agency the text is credited to: its dateline's (``/TASS/``, ``(Reuters)``), else a reprint's title tail
    (``... - TASS``) or credit line."""
    listing: bool = False
    """The page is a listing (a section page of several items): this Article is one of its items
    (:func:`mfaparse.parse_tass_page`, :func:`mfaparse.read`), or, from :func:`mfaparse.parse_tass`, the whole page
    left unread into fields (no title, no dateline, every line a paragraph)."""
    id: str | None = None
    """The record's own id, where a scraped record gives one."""
    extra: tuple[tuple[str, str | int | float | bool | None], ...] = ()
    """A scraped record's columns the model has no field for (``topics``, ``authors``, ``views``, ...), in the
    record's order: texts and numbers as given, lists and objects as JSON text."""
    encoding: str | None = None
    """The file's encoding where it was not UTF-8 (``cp1251``, ``koi8-r``, ``utf-16``...), as the reader found it."""
    provenance: Provenance | None = None
    """Where the record came from (:class:`~mfaparse.Provenance`), set by :func:`mfaparse.read` and the CLI."""
    removed: tuple[Removal, ...] = ()

    @property
    def clean_text(self) -> str:
        """The NLP view of ``text`` (as :attr:`Post.clean_text`), computed when first read (see
        :attr:`Post.clean_text`)."""
        return _lazy_clean_text(self)
