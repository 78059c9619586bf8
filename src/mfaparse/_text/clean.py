"""``clean_text``: the lossy, NLP-ready view of a text, driven by :class:`CleanOptions`.

>>> clean_text("🎙 Talks with #ASEAN &amp; #EAEU 👉 done\\n#RussiaASEAN #BRICS\\n8️⃣0️⃣ years")
'Talks with ASEAN & EAEU done\\n80 years'
>>> clean_text("“Quoted” — text", CleanOptions(flatten_quotes=True))
'"Quoted" - text'
"""

from __future__ import annotations

from typing import Literal

import attrs

from mfaparse._model.checks import flag, one_of
from mfaparse._text.emoji import strip_emoji
from mfaparse._text.entities import is_hashtag_line, strip_hashtags
from mfaparse._text.normalize import normalize

__all__ = ["RECORD_CLEAN", "CleanOptions", "clean_text", "record_clean_text"]

_FLATTEN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "—": "-", "–": "-"})


@attrs.frozen(kw_only=True)
class CleanOptions:
    """What :func:`clean_text` does. The defaults give the usual NLP view; vary with ``attrs.evolve``."""

    normalize: bool = attrs.field(default=True, validator=flag)
    """Repair Unicode first (:func:`mfaparse.normalize`)."""
    emoji: Literal["strip", "keep"] = attrs.field(default="strip", validator=one_of(("strip", "keep")))
    """Strip emoji (keycaps become their digit) or keep them."""
    hashtags: Literal["unwrap", "remove", "keep"] = attrs.field(
        default="unwrap", validator=one_of(("unwrap", "remove", "keep"))
    )
    """``#ASEAN`` -> ``ASEAN`` (unwrap), dropped with its word (remove), or kept as written."""
    drop_hashtag_lines: bool = attrs.field(default=True, validator=flag)
    """Drop lines that hold only hashtags (they are tags, not prose)."""
    flatten_quotes: bool = attrs.field(default=False, validator=flag)
    """Turn curly quotes, «», and dashes into ASCII ``"``, ``'`` and ``-``."""
    collapse_whitespace: bool = attrs.field(default=True, validator=flag)
    """One space between words, no blank-line runs, no spaces at line ends."""


def clean_text(text: str, options: CleanOptions | None = None) -> str:
    """The NLP view of ``text``: no emoji, hashtags unwrapped, no tag-only lines, tidy whitespace."""
    if not isinstance(text, str):
        raise TypeError(f"clean_text() takes str, not {type(text).__name__}")
    opts = options if options is not None else CleanOptions()
    if not isinstance(opts, CleanOptions):
        raise TypeError(f"options must be CleanOptions, not {type(opts).__name__}")
    for _ in range(_MAX_PASSES):  # each step can make text an earlier step would change: "#\u200da" -> "#a"
        cleaned = _clean_once(text, opts)
        if cleaned == text:
            break
        text = cleaned
    return text


_MAX_PASSES = 6
"""Passes until the view is stable (cleaning it again changes nothing): each pass removes or repairs, and on every
input the tests tried (all strings of up to four tricky pieces, the property tests) a third pass changed nothing."""


def _clean_once(text: str, opts: CleanOptions) -> str:
    """One pass of every step :func:`clean_text` takes, in order."""
    if opts.collapse_whitespace:  # first too: a space run can hide mojibake from the repair
        text = _collapse(text)
    if opts.normalize:
        text = normalize(text)
    stripped = text
    if opts.emoji == "strip":
        text = strip_emoji(text)
    if opts.drop_hashtag_lines and "#" in text:
        text = "\n".join(line for line in text.split("\n") if not is_hashtag_line(line))
    if opts.hashtags != "keep":
        text = strip_hashtags(text, mode=opts.hashtags)
    if opts.normalize and text != stripped:
        text = normalize(text)  # what was apart may now touch: "À🇷À" -> "ÀÀ" is the cp1251 misread of "АА"
    if opts.flatten_quotes:
        text = text.translate(_FLATTEN)
    if opts.collapse_whitespace:
        text = _collapse(text)
    return text


RECORD_CLEAN = CleanOptions(normalize=False)
"""The options of a record's ``clean_text`` (:attr:`mfaparse.Post.clean_text`, :attr:`mfaparse.Article.clean_text`):
the defaults but the repair, which the parsers did before."""


def record_clean_text(text: str) -> str:
    """A record's ``clean_text``: its (normalised) ``text`` through :func:`clean_text` with :data:`RECORD_CLEAN`."""
    return clean_text(text, RECORD_CLEAN)


def _collapse(text: str) -> str:
    """One space between words, none at line ends, at most one blank line in a row (str methods: fast)."""
    if "\t" in text:
        text = text.replace("\t", " ")
    while "  " in text:
        text = text.replace("  ", " ")
    if " \n" in text or "\n " in text:
        text = text.replace(" \n", "\n").replace("\n ", "\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip(" \n")
