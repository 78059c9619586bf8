"""Line classes: what in scraped text is debris, not the author's words.

>>> [classify_line(s) for s in ["Media is too big", "👉 Read in full", "1.2K views 10:15", "Hello"]]
['media_placeholder', 'link_text', 'counter', 'content']
>>> link_words("👉 Read in full")
'Read in full'
"""

from __future__ import annotations

from typing import Literal

import regex

from mfaparse.emoji import strip_emoji

__all__ = ["LineClass", "classify_line", "is_media_continuation", "link_words"]

LineClass = Literal["content", "blank", "media_placeholder", "link_text", "call_to_action", "counter"]

# "Media is too big" (its "VIEW IN TELEGRAM" follows), "Please open Telegram to view this post".
_MEDIA = regex.compile(
    r"(?i)media\ is\ too\ big|please\ open\ telegram\ to\ view\ this\ post"
    r"|this\ media\ is\ not\ supported\ in\ your\ browser|медиа(?:файл)?\ слишком\ больш\w*"
    r"|откройте\ telegram,?\ чтобы\ (?:посмотреть|просмотреть)\ (?:этот\ )?пост",
)
_MEDIA_CONTINUATION = regex.compile(r"(?i)view\ in\ telegram|открыть\ в\ telegram|смотреть\ в\ telegram")
# Link words whose URL the scrape lost: "Read in full", "Read more about EEF-2023", "Читать полностью".
_LINK = regex.compile(
    r"(?i)read\ in\ full|read\ more(?:\ about\ .{1,80})?|watch\ in\ full|watch\ the\ video|full\ text"
    r"|читать\ (?:полностью|далее|подробнее)|подробнее|смотреть\ (?:полностью|видео)|полный\ текст"
    r"|leer\ (?:más|completo)|lire\ la\ suite"
)
# Calls to subscribe: "@SputnikHindi को सब्सक्राइब करें।", "Subscribe to @MFARussia", "Подписывайтесь на @MID_Russia".
_CALL_TO_ACTION = regex.compile(
    r"(?i)@\w{4,32}\ को\ सब्सक्राइब\ करें[।.!]?"
    r"|(?:subscribe\ to|follow\ us\ on|join)\ @\w{4,32}[.!]?"
    r"|подпи(?:сывайтесь|шитесь|саться)\ на\ @?\w{4,32}[.!]?"
)
# View counts, reactions and time footers: "1.2K views 10:15", "👁 1234", "👍 12 ❤ 3", "edited 10:15".
_COUNTER = regex.compile(
    r"(?i)(?:[\d.,]+\s*[KMК]?\s*(?:views?|просмотр\w*))?\s*(?:edited\s*|изменено\s*)?(?:\d{1,2}:\d\d)?"
    r"|(?:\p{Extended_Pictographic}\ufe0f?\s*[\d.,]+\s*[KMК]?\s*)+"
)
_DIGIT = regex.compile(r"\d")
# Words every link text holds one of: a cheap test before the patterns above.
_LINK_HINTS = ("read", "watch", "full", "more", "читать", "подробн", "смотреть", "текст", "leer", "lire")


def link_words(line: str) -> str:
    """The words of a link line without its emoji and spaces (``👉 Read in full`` -> ``Read in full``)."""
    return strip_emoji(line).strip(" \t:→»>")


def classify_line(line: str) -> LineClass:
    """What a line of scraped Telegram text is: author content, or one kind of debris."""
    stripped = line.strip()
    if not stripped:
        return "blank"
    if len(stripped) > 120:
        return "content"
    if _MEDIA.fullmatch(stripped):
        return "media_placeholder"
    if _DIGIT.search(stripped) and _COUNTER.fullmatch(stripped):
        return "counter"
    lowered = stripped.casefold()
    link_hint = any(hint in lowered for hint in _LINK_HINTS)
    if not link_hint and "@" not in lowered and "подпи" not in lowered:
        return "content"
    words = link_words(stripped)
    if link_hint and _LINK.fullmatch(words):
        return "link_text"
    if _CALL_TO_ACTION.fullmatch(words):
        return "call_to_action"
    return "content"


def is_media_continuation(line: str) -> bool:
    """``VIEW IN TELEGRAM`` after ``Media is too big``: part of the same placeholder."""
    return bool(_MEDIA_CONTINUATION.fullmatch(line.strip()))
