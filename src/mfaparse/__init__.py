"""mfaparse: trustworthy structured records from TASS articles and Telegram posts.

>>> import mfaparse
>>> mfaparse.clean_text("🎙 Lavrov met #ASEAN ministers 🇷🇺")
'Lavrov met ASEAN ministers'
"""

from __future__ import annotations

from mfaparse._lines.rules import LineClass
from mfaparse._model.base import (
    EmojiKind,
    EmojiMatch,
    Hashtag,
    Link,
    Mention,
    PartialDate,
    PartialDateTime,
    Provenance,
    Removal,
    RemovalKind,
    Span,
)
from mfaparse._model.documents import (
    Article,
    Block,
    BlockKind,
    Channel,
    Dateline,
    EditorNote,
    Forward,
    Media,
    Post,
    Quote,
    Speaker,
    TelegramDump,
)
from mfaparse._model.jsonl import from_jsonl, to_jsonl
from mfaparse._model.results import Dedup, DuplicateGroup, Parsed, ReadFailure
from mfaparse._text.clean import CleanOptions, clean_text
from mfaparse._text.dedup import DedupOptions, dedup_blocks
from mfaparse._text.emoji import find_emoji, flag_code, strip_emoji
from mfaparse._text.entities import (
    Utf16Map,
    find_hashtags,
    find_links,
    find_mentions,
    is_hashtag_line,
    strip_hashtags,
)
from mfaparse._text.near_duplicates import NearDupOptions, dedup_posts, text_fingerprint
from mfaparse._text.normalize import fix_mojibake, normalize
from mfaparse._text.offsets import Edit, Normalized, normalize_explained
from mfaparse.errors import MfaparseError, MissingDependencyError, ParseError
from mfaparse.formats import FORMATS, Format, detect, parse, parse_as
from mfaparse.reader import ReadOptions, expand_paths, read
from mfaparse.tables import to_pandas
from mfaparse.tass.listing import parse_tass_page
from mfaparse.tass.records import parse_tass_record
from mfaparse.tass.text import parse_tass
from mfaparse.telegram.client import iter_client_messages, parse_client_messages
from mfaparse.telegram.export_html import parse_telegram_export_html
from mfaparse.telegram.export_json import iter_telegram_export, parse_telegram_export
from mfaparse.telegram.text import explain_stream, iter_telegram, parse_telegram
from mfaparse.telegram.web import iter_html_fragments, parse_telegram_web

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "Article",
    "Block",
    "BlockKind",
    "Channel",
    "CleanOptions",
    "Dateline",
    "Dedup",
    "DedupOptions",
    "DuplicateGroup",
    "Edit",
    "EditorNote",
    "EmojiKind",
    "EmojiMatch",
    "Format",
    "Forward",
    "Hashtag",
    "LineClass",
    "Link",
    "Media",
    "Mention",
    "MfaparseError",
    "MissingDependencyError",
    "NearDupOptions",
    "Normalized",
    "ParseError",
    "Parsed",
    "PartialDate",
    "PartialDateTime",
    "Post",
    "Provenance",
    "Quote",
    "ReadFailure",
    "ReadOptions",
    "Removal",
    "RemovalKind",
    "Span",
    "Speaker",
    "TelegramDump",
    "Utf16Map",
    "__version__",
    "clean_text",
    "dedup_blocks",
    "dedup_posts",
    "detect",
    "expand_paths",
    "explain_stream",
    "find_emoji",
    "find_hashtags",
    "find_links",
    "find_mentions",
    "fix_mojibake",
    "flag_code",
    "from_jsonl",
    "is_hashtag_line",
    "iter_client_messages",
    "iter_html_fragments",
    "iter_telegram",
    "iter_telegram_export",
    "normalize",
    "normalize_explained",
    "parse",
    "parse_as",
    "parse_client_messages",
    "parse_tass",
    "parse_tass_page",
    "parse_tass_record",
    "parse_telegram",
    "parse_telegram_export",
    "parse_telegram_export_html",
    "parse_telegram_web",
    "read",
    "strip_emoji",
    "strip_hashtags",
    "text_fingerprint",
    "to_jsonl",
    "to_pandas",
]
