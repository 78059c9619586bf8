"""mfaparse: trustworthy structured records from TASS articles and Telegram posts.

>>> import mfaparse
>>> mfaparse.clean_text("🎙 Lavrov met #ASEAN ministers 🇷🇺")
'Lavrov met ASEAN ministers'
"""

from __future__ import annotations

from mfaparse.clean import CleanOptions, clean_text
from mfaparse.dedup import Dedup, DedupOptions, dedup_blocks
from mfaparse.detect import FORMATS, detect, parse, parse_as
from mfaparse.documents import (
    Article,
    Block,
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
from mfaparse.emoji import find_emoji, flag_code, strip_emoji
from mfaparse.entities import (
    Utf16Map,
    find_hashtags,
    find_links,
    find_mentions,
    is_hashtag_line,
    strip_hashtags,
)
from mfaparse.errors import MfaparseError, MissingDependencyError, ParseError
from mfaparse.model import EmojiMatch, Hashtag, Link, Mention, PartialDate, PartialDateTime, Removal, Span
from mfaparse.near_duplicates import DuplicateGroup, NearDupOptions, dedup_posts, text_fingerprint
from mfaparse.normalize import fix_mojibake, normalize
from mfaparse.reader import ReadFailure, read
from mfaparse.tass.records import parse_tass_record
from mfaparse.tass.text import parse_tass
from mfaparse.telegram.client import iter_client_messages, parse_client_messages
from mfaparse.telegram.export import iter_telegram_export, parse_telegram_export
from mfaparse.telegram.export_html import parse_telegram_export_html
from mfaparse.telegram.text import iter_telegram, parse_telegram
from mfaparse.telegram.web import iter_html_fragments, parse_telegram_web

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "Article",
    "Block",
    "Channel",
    "CleanOptions",
    "Dateline",
    "Dedup",
    "DedupOptions",
    "DuplicateGroup",
    "EditorNote",
    "EmojiMatch",
    "Forward",
    "Hashtag",
    "Link",
    "Media",
    "Mention",
    "MfaparseError",
    "MissingDependencyError",
    "NearDupOptions",
    "ParseError",
    "PartialDate",
    "PartialDateTime",
    "Post",
    "Quote",
    "ReadFailure",
    "Removal",
    "Span",
    "Speaker",
    "TelegramDump",
    "Utf16Map",
    "__version__",
    "clean_text",
    "dedup_blocks",
    "dedup_posts",
    "detect",
    "find_emoji",
    "find_hashtags",
    "find_links",
    "find_mentions",
    "fix_mojibake",
    "flag_code",
    "is_hashtag_line",
    "iter_client_messages",
    "iter_html_fragments",
    "iter_telegram",
    "iter_telegram_export",
    "normalize",
    "parse",
    "parse_as",
    "parse_client_messages",
    "parse_tass",
    "parse_tass_record",
    "parse_telegram",
    "parse_telegram_export",
    "parse_telegram_export_html",
    "parse_telegram_web",
    "read",
    "strip_emoji",
    "strip_hashtags",
    "text_fingerprint",
]
