"""Bytes to text for the reader: UTF-8 (BOM or none), UTF-16/32 with a BOM, and the Cyrillic code pages users'
files come in (cp1251, the Windows default; KOI8-R and KOI8-U), told apart by letter statistics.

A text in a single-byte code page is decoded with each candidate; the right one gives letters in the
frequencies of Russian and Ukrainian text, the wrong ones give rare letters and words whose case jumps about.
Bytes that decode as no candidate, or too few letters to tell, are a ParseError saying so — never mojibake.

>>> decode("Лавров: «Мы ценим сотрудничество»".encode("cp1251"))
('Лавров: «Мы ценим сотрудничество»', 'cp1251')
>>> decode("Заява міністра закордонних справ".encode("koi8-u"))
('Заява міністра закордонних справ', 'koi8-u')
>>> decode("\\ufeffТекст".encode("utf-16"))
('Текст', 'utf-16')
"""

from __future__ import annotations

import codecs
import math

from mfaparse.errors import ParseError

__all__ = ["CANDIDATES", "decode", "stream_encoding"]

CANDIDATES = ("cp1251", "koi8-r", "koi8-u")
"""The single-byte code pages tried for text that is not UTF-8, in the order ties go."""
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16"),
    (b"\xff\xfe", "utf-16"),
)
# Letter frequencies of Russian and Ukrainian news text (per mille, lower case), the letters of both.
_FREQUENCIES = {
    "о": 105, "е": 80, "а": 78, "и": 68, "н": 64, "т": 60, "с": 52, "р": 46, "в": 44, "л": 41, "к": 34, "м": 31,
    "д": 29, "п": 27, "у": 25, "я": 20, "ы": 18, "ь": 17, "г": 16, "з": 16, "б": 15, "ч": 13, "й": 11, "х": 9,
    "ж": 9, "ш": 7, "ю": 6, "ц": 5, "щ": 3, "э": 3, "ф": 2, "ъ": 0.4, "ё": 1, "і": 20, "ї": 5, "є": 4, "ґ": 0.3,
}  # fmt: skip
_LOG = {letter: math.log(per_mille / 1000) for letter, per_mille in _FREQUENCIES.items()}
_FLOOR = math.log(0.0002)  # a letter no such text uses (a box-drawing sign, a Greek letter)
_MIN_LETTERS = 12
_MARGIN = 0.35  # mean log-probability per letter by which the best candidate must lead


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and its encoding's name (``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-32``,
    ``cp1251``, ``koi8-r``, ``koi8-u``); ParseError where the bytes are none of them, or cannot be told apart."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode() takes bytes, not {type(data).__name__}")
    raw = bytes(data)
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(name)
            except UnicodeDecodeError as exc:
                raise ParseError(f"the file opens with a {name} mark but is not {name} ({exc.reason})") from exc
            return text.lstrip("\ufeff"), name
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    candidates = _candidates(raw)  # in CANDIDATES order: a tie goes to the earlier (KOI8-R before KOI8-U)
    scored = sorted(
        ((_score(text), name, text) for name, text in candidates),
        key=lambda c: (c[0] if c[0] is not None else -math.inf, -CANDIDATES.index(c[1])),
        reverse=True,
    )
    if not scored:
        raise ParseError(f"not UTF-8 text ({utf8_error.reason} at byte {utf8_error.start}) nor a Cyrillic code page")
    (best, name, text), rest = scored[0], scored[1:]
    if best is None:
        raise ParseError(
            f"not UTF-8 text ({utf8_error.reason} at byte {utf8_error.start}); too few letters to tell "
            f"{' from '.join(CANDIDATES)}"
        )
    rivals = [r for r in rest if r[0] is not None and not _same_family(name, r[1])]
    if rivals and best - rivals[0][0] < _MARGIN:  # type: ignore[operator]  # scores of None were left out
        raise ParseError(
            f"not UTF-8 text; {name} and {rivals[0][1]} read it about as well: the encoding cannot be told apart"
        )
    return text, name


def _candidates(raw: bytes) -> list[tuple[str, str]]:
    found = []
    for name in CANDIDATES:
        try:
            found.append((name, raw.decode(name)))
        except UnicodeDecodeError:  # noqa: PERF203  # cp1251 leaves a few bytes undefined: that candidate is out
            continue
    return found


def _same_family(a: str, b: str) -> bool:
    """KOI8-R and KOI8-U agree on every Russian letter and differ only where KOI8-U has і, ї, є, ґ and KOI8-R
    box-drawing signs: the better score between them is the answer, however close."""
    return a.startswith("koi8") and b.startswith("koi8")


def _score(text: str) -> float | None:
    """The mean log-probability of the text's Cyrillic and box-drawing letters, less a penalty for words whose
    case jumps (``пРИВЕТ``: what a wrong code page makes of lower case); None with too few letters."""
    total = 0.0
    letters = 0
    jumps = 0
    previous_upper: bool | None = None
    for ch in text:
        code = ord(ch)
        if 0x0400 <= code <= 0x04FF or 0x2500 <= code <= 0x259F:
            lower = ch.lower()
            total += _LOG.get(lower, _FLOOR)
            letters += 1
            upper = ch != lower
            if previous_upper is False and upper:
                jumps += 1
            previous_upper = upper
        else:
            previous_upper = None
    if letters < _MIN_LETTERS:
        return None
    return total / letters - 4.0 * jumps / letters


def stream_encoding(head: bytes) -> str:
    """The encoding to read a stream in, from its first bytes (which may end inside a character)."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return decode(head)[1]
    return "utf-8"
