"""mfaparse: trustworthy structured records from TASS articles and Telegram posts.

>>> import mfaparse
>>> mfaparse.clean_text("🎙 Lavrov met #ASEAN ministers 🇷🇺")
'Lavrov met ASEAN ministers'
"""

from __future__ import annotations

from mfaparse.clean import CleanOptions, clean_text
from mfaparse.dedup import Dedup, DedupOptions, dedup_blocks
from mfaparse.emoji import find_emoji, flag_code, strip_emoji
from mfaparse.entities import (
    Utf16Map,
    find_hashtags,
    find_links,
    find_mentions,
    is_hashtag_line,
    strip_hashtags,
)
from mfaparse.errors import MfaparseError, ParseError
from mfaparse.model import (
    EmojiMatch,
    Hashtag,
    Link,
    Mention,
    PartialDate,
    PartialDateTime,
    Removal,
    Span,
)
from mfaparse.near_duplicates import DuplicateGroup, NearDupOptions, dedup_posts, text_fingerprint
from mfaparse.normalize import fix_mojibake, normalize

__version__ = "0.1.0"

__all__ = [
    "CleanOptions",
    "Dedup",
    "DedupOptions",
    "DuplicateGroup",
    "EmojiMatch",
    "Hashtag",
    "Link",
    "Mention",
    "MfaparseError",
    "NearDupOptions",
    "ParseError",
    "PartialDate",
    "PartialDateTime",
    "Removal",
    "Span",
    "Utf16Map",
    "__version__",
    "clean_text",
    "dedup_blocks",
    "dedup_posts",
    "find_emoji",
    "find_hashtags",
    "find_links",
    "find_mentions",
    "fix_mojibake",
    "flag_code",
    "is_hashtag_line",
    "normalize",
    "strip_emoji",
    "strip_hashtags",
    "text_fingerprint",
]
