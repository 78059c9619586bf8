"""Unicode repair that keeps the author's typography.

:func:`normalize` repairs what scraping and exporting break — mojibake (UTF-8 read as cp1252/latin-1,
Cyrillic read in the wrong single-byte code page), HTML entities, CR/CRLF newlines, NBSP and zero-width
debris, trailing spaces — and keeps curly quotes, dashes, «», ©, ®, ™ and every script as written.

ftfy does the UTF-8 repair but is slow, so it runs only on the lines a cheap gate flags as possibly broken;
:func:`fix_mojibake` gives exactly ``ftfy.fix_text(text, FTFY_CONFIG)``.

>>> normalize("Moscowâ€™s &quot;position&quot;\\r\\n")
'Moscow’s "position"\\n'
>>> normalize("Ìîñêâà, 13 îêòÿáðÿ")
'Москва, 13 октября'
>>> normalize("Déjà vu in São Paulo, Straße")
'Déjà vu in São Paulo, Straße'
"""

from __future__ import annotations

import functools
import html
import math
import re  # only for classes of literal code points, where it is 5-10x faster than regex; never for letters
from collections.abc import Callable

import ftfy
import regex

from mfaparse import _native
from mfaparse._text.emoji import BASE_CHAR, LETTER_OR_MARK
from mfaparse._text.marks import sub_marked

__all__ = ["FTFY_CONFIG", "fix_mojibake", "normalize"]

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # done deliberately by _unescape: ftfy's "auto" switches off after the first "<"
    uncurl_quotes=False,  # curly quotes are the author's typography
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=False,  # done by normalize itself
    normalization=None,  # keep code points as written
    explain=False,
)
"""The ftfy configuration mfaparse uses: encoding repair only, typography kept."""

# UTF-8 lead bytes (C2..F4) read as latin-1/cp1252, followed by a continuation byte read the same way:
# "Ã©" (é), "â€™" (’), "Ð¼" (м), "Ã " (à with its A0 turned into a space).
_CP1252_CONTINUATION = "\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ \ufffd"
# UTF-8 lead bytes D0/D1 read as cp1251 ("Р", "С"), then a continuation byte read as cp1251: "РњРѕ" (Мо).
_CP1251_CONTINUATION = "ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—™љ›њќћџ\xa0ЎўЈ¤Ґ¦§Ё©Є«¬\xad®Ї°±Ііґµ¶·ё№є»јЅѕї"
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ud800-\udfff"
_MOJIBAKE_GATE = re.compile(rf"[\xc2-\xf4][{_CP1252_CONTINUATION}]|[РС][{_CP1251_CONTINUATION}]|[{_CONTROL}]")


class _Prefilter:
    """A first look for lines that may need work: a character of one class, or of one class then another. Each
    class is the body of an ``re`` class of literal characters and ranges (``"\xc0-\xff\u2060"``, no escapes,
    of the Basic Multilingual Plane). The native core scans for it where it is in use (one pass with a bit
    table a class: a stdlib ``re`` scan costs several nanoseconds a character of a 50 MB dump), else the
    compiled pattern does."""

    __slots__ = ("_chars", "first", "pattern", "second")

    def __init__(self, first: str, second: str = "") -> None:
        self.first, self.second = first, second
        self.pattern = re.compile(f"[{first}]" + (f"[{second}]" if second else ""))
        self._chars: tuple[str, str] | None = None

    def find(self, text: str, pos: int = 0) -> int:
        """Where the first match at or after ``pos`` starts, or -1."""
        core = _native.CORE
        if core is not None:
            firsts, seconds = self._chars or self._expand()
            found: int = core.find_pair(text, pos, firsts, seconds)
            return found
        m = self.pattern.search(text, pos)
        return m.start() if m else -1

    def _expand(self) -> tuple[str, str]:
        """Each class's characters, on first use (tests/test_native.py checks them against ``re``'s reading)."""
        self._chars = (_class_chars(self.first), _class_chars(self.second))
        return self._chars


def _class_chars(body: str) -> str:
    """The characters of an ``re`` class body of literal characters and ``a-b`` ranges, as ``re`` reads it."""
    out: list[str] = []
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            out.extend(map(chr, range(ord(body[i]), ord(body[i + 2]) + 1)))
            i += 3
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


# Cheaper first looks, each a scan for one class: where the gate could match at all.
_MOJIBAKE_PREFILTERS = (_Prefilter("\xc2-\xf4" + _CONTROL), _Prefilter("РС", _CP1251_CONTINUATION))

# An HTML entity with its semicolon: "&quot;", "&#171;", "&#x2014;". Bare "&copy" is left alone.
_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Ampersands escaped more than once: "&amp;amp;" -> "&".
_NESTED_AMP = regex.compile(r"&(?:amp;|#38;|#[xX]26;)+")

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00a0\u00ad\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]")  # spaces or zero-width
# Invisible debris: zero-width space, word joiner, BOM, soft hyphen, and ZWJ/ZWNJ outside words and emoji.
_ZERO_WIDTH = regex.compile(
    r"[\u200b\u2060\ufeff\u00ad]"
    r"|(?<![\p{L}\p{M}\p{Extended_Pictographic}\p{EMod}\ufe0f])[\u200c\u200d]"
    r"|[\u200c\u200d](?![\p{L}\p{M}\p{Extended_Pictographic}\p{EMod}])"
)
_CORE_ZERO_WIDTH = _native.tables_agree({"letter_or_mark": LETTER_OR_MARK, "base": BASE_CHAR})
"""Whether the core's ``strip_zero_width`` reads the classes of ``_ZERO_WIDTH`` as ``regex`` does: the letters and
marks and the emoji bases of its tables, with ©, ® and ™ (tests/test_native.py checks the union over every code
point)."""
_MAX_PASSES = 4
_REPLACE_PASSES = 3
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")

# Cyrillic text in cp1251 read as latin-1/cp1252: "Ìîñêâà" (Москва). Every Cyrillic letter lands in
# À..ÿ (plus ¨/¸ for Ё/ё), so a misread word is a run of those; French, German or Spanish words mix
# them with ASCII letters.
_CP1251_AS_LATIN = re.compile(r"[\xa8\xb8\xc0-\xff]{2,}")
_ANY_CYRILLIC = _Prefilter("\u0400-\u04ff")
# Without the core: a first look at the text's opening, then the UTF-8 bytes of the rest, chunk by chunk, for the
# lead bytes of U+0400-U+04FF (D0-D3: never a continuation byte), each a memchr; a stdlib re scan of a text with
# no Cyrillic costs several nanoseconds a character.
_CYRILLIC_LEADS = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")
_CYRILLIC_PROBE = 512
_CYRILLIC_CHUNK = 1 << 16


def _has_cyrillic(text: str) -> bool:
    """Whether ``text`` holds a character of U+0400-U+04FF (``_ANY_CYRILLIC.pattern.search``)."""
    if text.isascii():
        return False
    if _native.CORE is not None:
        return _ANY_CYRILLIC.find(text) >= 0
    if _ANY_CYRILLIC.pattern.search(text, 0, _CYRILLIC_PROBE) is not None:  # Russian text: at once
        return True
    for at in range(_CYRILLIC_PROBE, len(text), _CYRILLIC_CHUNK):
        data = text[at : at + _CYRILLIC_CHUNK].encode("utf-8", "surrogatepass")
        if any(lead in data for lead in _CYRILLIC_LEADS):
            return True
    return False


# Where a line may need work — invisible debris, the UTF-8 gate, the cp1251 check: two scans, one class each.
_REPAIR_PREFILTERS = (
    _Prefilter("\xa0\xad\xa8\xb8\xc0-\xff\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff" + _CONTROL),
    _MOJIBAKE_PREFILTERS[1],
)
_LETTER = regex.compile(r"\p{L}")
# KOI8-R read as cp1251: "нПУЛЧБ" is "Москва". Letters land in А..я, and ё/Ё (A3/B3) in Ј/і.
_CYRILLIC_RUN = re.compile(r"[А-яЈі]+")
_CYRILLIC_WORD = re.compile(r"[А-яЈі]{3,}")
# Misread capitalised words look like "нПУЛЧБ": a lowercase letter followed by capitals inside a word.
_KOI8_HINT = _Prefilter("а-яЈі", "А-Я")

# Letter frequencies of Russian text (per 10,000 letters), for telling KOI8-R misreads from Russian.
_RU_FREQ = dict(
    zip(
        "оеаинтсрвлкмдпуяызьбгчйхжшюцщэфъё",
        (
            1097,
            845,
            801,
            735,
            670,
            626,
            547,
            473,
            454,
            440,
            349,
            321,
            298,
            281,
            262,
            201,
            190,
            165,
            174,
            159,
            170,
            144,
            121,
            97,
            94,
            73,
            64,
            48,
            36,
            32,
            26,
            4,
            4,
        ),
        strict=True,
    )
)
_RU_LOGP = {ch: math.log(n / 10000) for ch, n in _RU_FREQ.items()}
_RU_RARE = math.log(1 / 10000)


def normalize(text: str) -> str:
    """Repair Unicode damage and tidy whitespace, keeping the author's characters.

    Idempotent; never raises on a ``str``; ``TypeError`` for anything else (decode bytes first).
    """
    if not isinstance(text, str):
        if isinstance(text, (bytes, bytearray)):
            raise TypeError("normalize() takes str, not bytes: decode first, e.g. data.decode('utf-8')")
        raise TypeError(f"normalize() takes str, not {type(text).__name__}")
    return _normalize_seen(text) if len(text) <= _LONGEST_REMEMBERED else _normalize(text)


def _normalize(text: str) -> str:
    # A repair can uncover more damage (ftfy fixes a C1 control, and the mojibake it sat in shows;
    # a space restored from NBSP completes a sequence): repeat, a bounded number of times, until stable.
    for _ in range(_MAX_PASSES):
        repaired = _normalize_once(text)
        if repaired == text:
            break
        text = repaired
    return text


_LONGEST_REMEMBERED = 256
_normalize_seen = functools.lru_cache(maxsize=4096)(_normalize)
"""Short texts remembered: a stream normalises a chunk a post, and a dump repeats short posts (a lone forward
header, a media placeholder) and an export short messages thousands of times."""


def _normalize_once(text: str) -> str:
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = _NEWLINES.sub("\n", text)
    text = _unescape(text)
    cyrillic = _has_cyrillic(text)
    # One scan finds the lines that hold invisible debris or may hold mojibake; only they are worked on.
    text = _fix_lines(text, _REPAIR_PREFILTERS if cyrillic else _REPAIR_PREFILTERS[:1], _repair_line)
    if cyrillic and _KOI8_HINT.find(text) >= 0:
        text = _fix_lines(text, (_KOI8_HINT,), _fix_koi8_line)
    return _strip_line_ends(text)


def _strip_line_ends(text: str) -> str:
    """No spaces or tabs before a newline or at the end: the native core's one pass where it is in use."""
    core = _native.CORE
    if core is not None:
        stripped: str = core.strip_line_ends(text)
        return stripped
    return _strip_line_ends_python(text)


def _strip_line_ends_python(text: str) -> str:
    """The reference of the core's ``strip_line_ends`` (str.replace passes: fast; a long run falls back)."""
    for _ in range(_REPLACE_PASSES):
        if " \n" not in text and "\t\n" not in text:
            return text.rstrip(" \t")
        text = text.replace(" \n", "\n").replace("\t\n", "\n")
    return "\n".join(line.rstrip(" \t") for line in text.split("\n")).rstrip(" \t")


def fix_mojibake(text: str) -> str:
    """``ftfy.fix_text(text, FTFY_CONFIG)``, run only on the lines that may need it.

    >>> fix_mojibake("Ð¡ÐµÑ€Ð³ÐµÐ¹ Ð›Ð°Ð²Ñ€Ð¾Ð² and clean text")
    'Сергей Лавров and clean text'
    """
    return _fix_lines(text, _MOJIBAKE_PREFILTERS, _ftfy_line)


def _ftfy_line(line: str) -> str:
    return ftfy.fix_text(line, FTFY_CONFIG) if _MOJIBAKE_GATE.search(line) else line


def _repair_line(line: str) -> str:
    if _INVISIBLE.search(line):
        line = _strip_zero_width(_SPACES.sub(" ", line))
    return _fix_cp1251_line(_ftfy_line(line))


def _strip_zero_width(text: str) -> str:
    """``_ZERO_WIDTH.sub("", text)``: the native core's one pass where its tables are these classes (a run of
    stray joiners is a regex match each)."""
    core = _native.CORE
    if core is not None and _CORE_ZERO_WIDTH:
        stripped: str = core.strip_zero_width(text)
        return stripped
    return _ZERO_WIDTH.sub("", text)


def _fix_lines(text: str, prefilters: tuple[_Prefilter, ...], fix: Callable[[str], str]) -> str:
    """``fix`` applied to each line (with its newline) where a prefilter matches; other lines as they are."""
    hits = [p.find(text) for p in prefilters]
    parts: list[str] = []
    done = 0  # text[:done] is already in parts
    while True:
        found = [h for h in hits if h >= 0]
        if not found:
            break
        at = min(found)
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at) + 1 or len(text)
        line = text[start:end]
        fixed = fix(line)
        if fixed != line:
            parts.append(text[done:start])
            parts.append(fixed)
            done = end
        hits = [h if h < 0 or h >= end else p.find(text, end) for p, h in zip(prefilters, hits, strict=False)]
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def _unescape(text: str) -> str:
    if "&" not in text:
        return text
    text = sub_marked(_NESTED_AMP, text, "&", "&")
    return sub_marked(_ENTITY, text, "&", lambda m: html.unescape(m.group()))


def _fix_cp1251_line(line: str) -> str:
    runs = _CP1251_AS_LATIN.findall(line)
    if not runs:
        return line
    in_runs = sum(map(len, runs))
    letters = len(_LETTER.findall(line))
    if in_runs < 4 or in_runs * 2 < letters:
        return line
    return _CP1251_AS_LATIN.sub(_cp1251_word, line)


def _cp1251_word(m: re.Match[str]) -> str:
    return m.group().encode("latin-1").decode("cp1251")


def _russianness(words: list[str]) -> float:
    """Mean log-frequency of the letters, minus a penalty per word cased like no Russian word is."""
    total = 0.0
    count = 0
    bad_case = 0
    for word in words:
        if not (word.islower() or word.isupper() or word.istitle()):
            bad_case += 1
        for ch in word.lower():
            total += _RU_LOGP.get(ch, _RU_RARE)
            count += 1
    return total / max(count, 1) - 2.0 * bad_case / max(len(words), 1)


def _fix_koi8_line(line: str) -> str:
    words = _CYRILLIC_WORD.findall(line)
    if len(words) < 2:
        return line
    swapped = [w.encode("cp1251").decode("koi8-r") for w in words]
    if _russianness(swapped) - _russianness(words) < 0.6:
        return line
    return _CYRILLIC_RUN.sub(_koi8_word, line)


def _koi8_word(m: re.Match[str]) -> str:
    return m.group().encode("cp1251").decode("koi8-r")
