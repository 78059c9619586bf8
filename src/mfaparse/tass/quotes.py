"""Quotes and their speakers in news text: ``"...," Venediktov said`` -> Alexander Venediktov.

>>> text = ('Deputy Secretary of Russia’s Security Council Alexander Venediktov spoke. "We keep the doors open," '
...         'he said. "Doors are open," Venediktov warned.')
>>> quotes, speakers = find_quotes(text, [Span(start=0, end=len(text))])
>>> [(q.text, q.speaker) for q in quotes]
[('We keep the doors open,', 'Alexander Venediktov'), ('Doors are open,', 'Alexander Venediktov')]
>>> [(s.name, s.role) for s in speakers]
[('Alexander Venediktov', 'Deputy Secretary of Russia’s Security Council')]
"""

from __future__ import annotations

import bisect
import re  # the role-word scan: a literal alternation, several times faster than regex
from collections.abc import Iterable, Iterator, Sequence

import regex

from mfaparse import _native
from mfaparse._model.base import Span, trusted_span
from mfaparse._model.build import maker
from mfaparse._model.documents import Quote, Speaker

__all__ = ["find_quotes", "quote_spans"]

_new_speaker = maker(Speaker)
_new_quote = maker(Quote)

_ROLE_WORDS = (
    r"Minister|Ministry|Secretary|Spokes(?:wo)?man|Spokesperson|President|Ambassador|Director|Chairman|Chair|Head"
    r"|Envoy|Representative|Deputy|Council|Commander|Governor|Mayor|Chief|Speaker|General|Leader|Premier|Adviser"
    r"|Aide|Senator|Lawmaker|Diplomat|Officer|Prosecutor|State"
    r"|министр|министра|секретарь|представитель|президент|посол|директор|председатель|глава|замминистра"
    r"|Министр|Секретарь|Представитель|Президент|Посол|Директор|Председатель|Глава|Замминистра"
)
# Role words that name a person's post in lower case too ("the director general of the agency, Andrey
# Kondrashov"); "state", "head", "council" and the like in lower case are too common to open a role.
_LOWER_ROLE_WORDS = (
    "minister|secretary|spokesman|spokeswoman|spokesperson|president|ambassador|director|chairman|envoy"
    "|representative|deputy|commander|governor|mayor|senator|lawmaker|diplomat|prosecutor|adviser|aide"
)
# A first name and surname: the last two capitalised words before a lower-case word or punctuation,
# neither of them a role word ("Security Council" is no name).
_NAME_WORD = rf"(?!(?:{_ROLE_WORDS})\b)\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}?\p{{Ll}}+)*"
_NAME = rf"{_NAME_WORD}(?:\s{_NAME_WORD}){{1,2}}(?![\p{{L}}-]|\s+\p{{Lu}})"
# A role word, then (lazily, within a clause) the person's name: "Secretary of Russia’s Security Council,
# Alexander Venediktov", "Minister Sergey Lavrov". The capitalised words before the role word join it below.
_PERSON = regex.compile(
    rf"\b(?P<role>(?:{_ROLE_WORDS})\b[^.;:,\"“”«»\n]{{0,80}}?),?\s+(?P<name>{_NAME})"
    # a lower-case role sets the name off with a comma ("spokesman for the Kherson Region governor" names nobody)
    rf"|\b(?P<role>(?:{_LOWER_ROLE_WORDS})\b[^.;:,\"“”«»\n]{{0,80}}?),\s+(?P<name>{_NAME})",
    flags=regex.V1,
)
# "Vladimir Vasilenko, spokesman for ..." / "Sergey Lavrov, Russia’s Foreign Minister": a name that ends at a comma,
# then at most five capitalised words (or "the", "a", "of") before the role word; the role runs to the clause's end.
_HEAD = regex.compile(r"\s+(?P<head>(?:(?:\p{Lu}[\p{L}’'-]*|the|a|an|of)\s+){0,5})", flags=regex.V1)
_HEAD_REACH = 100
# (?r): matched from the window's end backwards, as the anchor at the end wants, instead of trying each start of
# the window in turn; the match is the forward search's (tests/test_tass.py compares them on random windows).
_NAME_BEFORE = regex.compile(rf"(?r)(?P<name>{_NAME})$", flags=regex.V1)
_NAME_REACH = 100
_ROLE_WORD = regex.compile(rf"(?:{_ROLE_WORDS}|{_LOWER_ROLE_WORDS})\b")
# Capitalised words that open sentences and clauses, never a name ("On Friday, the Secretary General said").
# fmt: off
_NOT_NAMES = frozenset({
    "On", "In", "At", "By", "For", "From", "To", "The", "This", "That", "These", "Those", "Last", "Next", "Earlier",
    "Later", "Meanwhile", "However", "Also", "According", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"
})
# fmt: on
_ROLE_CLAUSE = regex.compile(r"[^.;:,\"“”«»\n]{0,80}")
_LOWER_ROLE_REACH = 120  # the longest role word, and the 80 characters a role may run, with room to spare
_CLAUSE_BREAK = re.compile('[.;:"“”«»\n]')
_CAPITAL_NEXT = regex.compile(r"\s+\p{Lu}")
# No \b: stdlib re then skips ahead by the words' first letters.
_ROLE_START = re.compile(f"(?:{_ROLE_WORDS})")
_ROLE_STARTS = tuple(_ROLE_WORDS.replace("Spokes(?:wo)?man", "Spokesman|Spokeswoman").split("|"))
"""The role words of ``_ROLE_START``, each spelt out (the core's ``word_starts`` takes words)."""
_LOWER_ROLES = _LOWER_ROLE_WORDS.split("|")
# "Russian Foreign " / "Deputy " before a role word: capitalised words, "of", "the".
_ROLE_HEAD = regex.compile(r"(?r)(?:(?:\p{Lu}[\p{L}’'-]*|of|the)\s+){1,6}$")  # (?r): as _NAME_BEFORE
_ROLE_WINDOW = 80
_QUOTE = regex.compile(r"\"(?P<a>[^\"\n]{2,2000})\"|“(?P<b>[^”\n]{2,2000})”|«(?P<c>[^»\n]{2,2000})»")
"""What a quote is (the reference :func:`quote_spans` keeps to, and its tests check it against). Its ``finditer``
is slow on openers with no closer (``«`` repeated: each tries 2,000 characters), so it is not what runs."""
_STRAIGHT = regex.compile(r"\"[^\"\n]{2,2000}\"")  # fast as it is: its scan stops at the next '"'
_CLOSERS = {"“": "”", "«": "»"}
_LONGEST_QUOTE = 2000


def quote_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each quote ``_QUOTE.finditer(text)`` finds, in linear time. Straight quotes are found by
    their own pattern (its scan ends at the next ``"``). A ``“`` or ``«`` opens a quote when the first closer or
    line end after it is its closer, 2 to 2,000 characters on: so each closer and line end is looked up once for
    every opener before it, and the openers that cannot match (no closer on the line, or one too far) are skipped
    without being tried.

    >>> text = "«a» «bc» 'de' «open".replace("'", '"')
    >>> [text[a:b] for a, b in quote_spans(text)]
    ['«bc»', '"de"']
    """
    if '"' not in text and "“" not in text and "«" not in text:  # most paragraphs quote nobody
        return iter(())
    if "“" not in text and "«" not in text:  # straight quotes only: the pattern's own scan is the scan
        return (found.span() for found in _STRAIGHT.finditer(text))
    return _scan_quotes(text)


def _scan_quotes(text: str) -> Iterator[tuple[int, int]]:
    """:func:`quote_spans` of a text with a quote mark."""
    end_of_text = len(text)
    straight = _STRAIGHT.search(text)
    upcoming = {mark: text.find(mark) for mark in _CLOSERS}  # each opener's next place (-1: none)
    closing: dict[str, int] = {}  # each opener's first closer after the last place it was asked for
    newline = -1
    while True:
        at, mark = (straight.start(), '"') if straight is not None else (end_of_text, "")
        for other, place in upcoming.items():
            if 0 <= place < at:
                at, mark = place, other
        if not mark:
            return
        if mark == '"':
            assert straight is not None  # it is the earliest candidate
            end = straight.end()
        else:
            if newline <= at:
                newline = text.find("\n", at + 1)
                newline = end_of_text if newline < 0 else newline
            close = closing.get(mark, -1)
            if close <= at:
                close = text.find(_CLOSERS[mark], at + 1)
                closing[mark] = close = end_of_text if close < 0 else close
            length = close - at - 1
            if close >= newline:  # no opener of this kind matches before the line ends
                upcoming[mark] = text.find(mark, newline)
                continue
            if length > _LONGEST_QUOTE:  # only openers close enough to this closer can match
                upcoming[mark] = text.find(mark, max(at + 1, close - _LONGEST_QUOTE - 1))
                continue
            if length < 2:
                upcoming[mark] = text.find(mark, at + 1)
                continue
            end = close + 1
        yield at, end
        if straight is not None and straight.start() < end:
            straight = _STRAIGHT.search(text, end)
        for other, place in upcoming.items():
            if 0 <= place < end:
                upcoming[other] = text.find(other, end)


_VERBS = (
    r"said|says|stressed|warned|noted|added|asked|emphasized|emphasised|explained|told|wrote|pointed\ out"
    r"|continued|remarked|underlined|underscored|stated|believes|recalled|insisted|concluded|spoke|announced"
)
_RU_VERBS = r"сказал|заявил|отметил|подчеркнул|добавил|пояснил|сообщил|указал|написал|считает"
# Institutions that speak: "the Russian Foreign Ministry said", "the press service of the Central Military District
# said", "- сообщили в МИД России", "- говорится в заявлении посольства"
_INSTITUTION_NOUNS = (
    r"Ministry|Embassy|Kremlin|Foreign\ Office|Department|Council|Committee|Commission|Court|Service|Agency|Mission"
    r"|Government|Duma|Parliament|Office|Administration|Headquarters|Cent(?:er|re)|Bureau|Secretariat|District"
)
_INSTITUTION = (
    rf"(?:\p{{Lu}}[\p{{L}}’'-]*\s+){{0,4}}(?:{_INSTITUTION_NOUNS})"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?\p{{Lu}}[\p{{L}}’'-]*(?:\s+\p{{Lu}}[\p{{L}}’'-]*){{0,3}})?"
)
_RU_INSTITUTION_VERBS = r"сообщили|заявили|отметили|подчеркнули|пояснили|уточнили|говорится|указали"
# Tried after a quote only where no person is named there (or the "name" ends in an institution's noun)
_AFTER_INSTITUTION = regex.compile(
    rf"\s*,?\s*(?:[-—–]\s*(?:{_RU_INSTITUTION_VERBS})\s+в\s+(?:(?:заявлении|сообщении|комментарии|релизе)\s+)?"
    rf"(?P<ru_inst>[\p{{L}}-]+(?:\s+\p{{Lu}}[\p{{L}}-]*){{0,3}})"
    rf"|(?:the\s+)?(?:press\ service\ of\ (?:the\ )?)?(?P<inst>{_INSTITUTION})\s+(?:{_VERBS}))",
    flags=regex.V1,
)
_IT = frozenset({"it", "the ministry", "the embassy", "the agency", "the kremlin", "the committee"})
"""Words after a quote that name the last institution named as speaking."""
_AFTER = regex.compile(
    rf"\s*,?\s*(?:[-—–]\s*(?P<ru_verb>{_RU_VERBS})а?\s+(?:(?P<ru_who>\p{{Lu}}[\p{{L}}-]+(?:\s\p{{Lu}}[\p{{L}}-]+)?|он|она)"
    # "- сказал пресс-секретарь президента РФ Дмитрий Песков": a role's words, then the name (first and last)
    rf"|(?:[\p{{L}}-]+\s+){{1,6}}?(?P<ru_named>\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?\s\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?))"
    rf"|(?P<who>he|she|it|[Hh]e|[Ss]he|\p{{Lu}}[\p{{L}}’'-]+(?:\s\p{{Lu}}[\p{{L}}’'-]+)?|the\ [\p{{Ll}}’' ]{{3,60}}?)"
    rf"\s+(?:{_VERBS})"
    # "Belarusian Foreign Ministry Spokesperson Anatoly Glaz said": a role's words, then a person's name (no role
    # word in it: "the Russian Foreign Ministry said" names nobody)
    rf"|(?:(?:\p{{Lu}}[\p{{L}}’'-]*|of|the|and|for)\s+){{1,8}}?(?P<titled>{_NAME})"
    rf"\s+(?:{_VERBS}))",
    flags=regex.V1,
)
# Searched only in the characters just before a quote: a pronoun or a name of at most two words, then a verb.
_BEFORE_WINDOW = 160
_BEFORE = regex.compile(rf"(?P<who>he|she|\p{{Lu}}[\p{{L}}’'-]+(?:\s\p{{Lu}}[\p{{L}}’'-]+)?)\s+(?:{_VERBS}):?\s*$")
_BEFORE_VERBS = tuple(_VERBS.replace("\\ ", " ").split("|"))
_PRONOUNS = frozenset({"he", "she", "он", "она"})
# Found from the noun (``str.find``), the capitalised words before it read in a bounded window: linear time
_INSTITUTION_TAIL = regex.compile(
    rf"(?:{_INSTITUTION_NOUNS})(?:\s+(?:of|for)\s+(?:the\s+)?\p{{Lu}}[\p{{L}}’'-]*+(?:\s+\p{{Lu}}[\p{{L}}’'-]*+){{0,3}})?"
    rf"\s+(?:{_VERBS}|has\ said|said\ in)\b",
    flags=regex.V1,
)
_INSTITUTION_HEAD = regex.compile(r"(?:\p{Lu}[\p{L}’'-]{0,40}\s+){0,4}$", flags=regex.V1)
_INSTITUTION_WINDOW = 4 * 42
_VERB_AT_END = regex.compile(rf"\s+(?:{_VERBS}|has\ said|said\ in)$")
_INSTITUTION_WORDS = _INSTITUTION_NOUNS.replace("\\ ", " ").replace("Cent(?:er|re)", "Center|Centre").split("|")
_INSTITUTION_SET = frozenset(word.rsplit(maxsplit=1)[-1] for word in _INSTITUTION_WORDS)
_ROLE_LEAD = regex.compile(r"^(?:(?:the|and|of|by)\s+)+")
# A person named as the one speaking: "Venediktov, told TASS", "Lavrov said", "Zakharova asked".
# "..., said Vladimir Vasilenko": the verb just before the name ("pointed out" is two words).
_VERB_WORDS = frozenset(_VERBS.replace("\\ ", " ").split("|") + _RU_VERBS.split("|"))
_SPEAKS = regex.compile(rf",?\s+(?:[^,.\"“”«»]{{0,60}},\s+)?(?:{_VERBS}|{_RU_VERBS})\b", flags=regex.V1)


def find_quotes(
    source: str, paragraphs: Sequence[Span], texts: Sequence[str] | None = None
) -> tuple[tuple[Quote, ...], tuple[Speaker, ...]]:
    """Quoted statements in ``paragraphs`` (spans into ``source``) with speakers, and the people named with roles;
    ``texts`` are the paragraphs' texts where the caller has them.

    ``he said`` is the last person named as speaking before the quote; a surname is the full name given earlier.
    """
    texts = [p.slice(source) for p in paragraphs] if texts is None else texts
    speakers: dict[str, Speaker] = {}
    by_surname: dict[str, str] = {}
    starts = _role_word_starts(source, paragraphs)
    people: list[tuple[int, str, str]] = []  # (where the name starts, name, role)
    for p, m in _people(source, paragraphs, starts):
        prefix = _hyphen_prefix(source, m.start(), p.start)  # "Пресс-" of "Пресс-секретарь"
        head = _ROLE_HEAD.search(source, max(p.start, m.start() - len(prefix) - _ROLE_WINDOW), m.start() - len(prefix))
        role = (head.group() if head else "") + prefix + m.group("role").strip(" ,")
        people.append((m.start("name"), m.group("name"), role))
    people.extend(_named_first(source, starts))
    for start, name, role in sorted(people):
        speakers.setdefault(
            name,
            _new_speaker(name=name, role=_ROLE_LEAD.sub("", role) or None, span=trusted_span(start, start + len(name))),
        )
        by_surname.setdefault(name.split()[-1], name)
    mentions: list[tuple[int, str]] = []  # (position, full name) where a person is named as speaking
    if speakers:
        words = {w for name in speakers for w in (name, name.split()[-1])}
        ends = [p.end for p in paragraphs]
        for at, word in _occurrences(source, words):  # one scan of the source, then the paragraph of each hit
            k = bisect.bisect_right(ends, at)
            end = at + len(word)
            if (
                k < len(paragraphs)
                and paragraphs[k].start <= at
                and end <= ends[k]
                and (_SPEAKS.match(source, end, ends[k]) or _said_before(source, paragraphs[k].start, at))
            ):
                mentions.append((at, by_surname.get(word.split()[-1], word)))
    quotes: list[Quote] = []
    last: str | None = None
    named: tuple[int, str] | None = None  # the last institution named after a quote: (where, name)
    scanned: dict[int, list[tuple[int, str]]] = {}  # a paragraph's institutions named as speaking, on demand
    seen = 0  # mentions before the current quote (both lists run in text order)
    for k, (p, text) in enumerate(zip(paragraphs, texts, strict=True)):
        after_quote = 0  # the end of the paragraph's last quote: _BEFORE matches no quote mark, so none reaches it
        for start, end in quote_spans(text):
            said = text[start + 1 : end - 1]
            at = p.start + start
            while seen < len(mentions) and mentions[seen][0] < at:
                seen += 1
            if seen:  # the last person named as speaking before the quote, else the last speaker resolved
                last = mentions[seen - 1][1]
            lo = max(after_quote, start - _BEFORE_WINDOW)
            # _BEFORE ends in a verb, then ":?\s*": where the window, stripped of more than that, ends in no
            # verb, it cannot match (\s is within str.isspace), and most quotes follow no "he said:"
            tail = text[lo:start].rstrip().rstrip(":").rstrip()
            before = _BEFORE.search(text, lo, start) if tail.endswith(_BEFORE_VERBS) else None
            after_quote = end
            who = _who(_AFTER.match(text, end), before)
            institution: str | None = None
            if who is None or who in _IT or who.rsplit(maxsplit=1)[-1] in _INSTITUTION_SET:
                inst = _AFTER_INSTITUTION.match(text, end)
                if inst is not None:
                    institution, who = inst.group("inst") or inst.group("ru_inst"), None
                    named = (at, institution)
                elif who in _IT:
                    institution, who = (
                        _last_institution(texts, paragraphs, scanned, k=k, before=start, named=named),
                        None,
                    )
            speaker = _resolve(who, last, by_surname)
            if speaker is not None:
                last = speaker
            quotes.append(
                _new_quote(text=said, speaker=speaker, span=trusted_span(at, p.start + end), institution=institution)
            )
    return tuple(quotes), tuple(speakers.values())


def _last_institution(
    texts: Sequence[str],
    paragraphs: Sequence[Span],
    scanned: dict[int, list[tuple[int, str]]],
    *,
    k: int,
    before: int,
    named: tuple[int, str] | None,
) -> str | None:
    """The last institution named as speaking before place ``before`` of paragraph ``k`` (``it said`` is its): in
    the text (paragraphs scanned on demand, each once) or after an earlier quote (``named``)."""
    for j in range(k, -1, -1):
        if j not in scanned:
            scanned[j] = _institutions(texts[j])
        hits = [(paragraphs[j].start + start, name) for start, name in scanned[j] if j < k or start < before]
        if hits or (named is not None and named[0] >= paragraphs[j].start):
            candidates = hits + ([named] if named is not None else [])
            return max(candidates)[1]
    return named[1] if named is not None else None


def _institutions(text: str) -> list[tuple[int, str]]:
    """Institutions named as speaking in a paragraph (``the Russian Foreign Ministry said``): where each name
    starts, and the name. Tried only where an institution's noun stands (``str.find``), the capitalised words
    before the noun read in a bounded window."""
    found: list[tuple[int, str]] = []
    for at, _ in _occurrences(text, _INSTITUTION_WORDS):
        tail = _INSTITUTION_TAIL.match(text, at)
        if tail is None:
            continue
        head = _INSTITUTION_HEAD.search(text, max(0, at - _INSTITUTION_WINDOW), at)
        start = head.start() if head is not None else at
        name = text[start : tail.end()]
        verb = _VERB_AT_END.search(name)
        found.append((start, name[: verb.start()] if verb else name))
    return found


def _role_word_starts(source: str, paragraphs: Sequence[Span]) -> list[tuple[Span, int]]:
    """Where a role word begins a word (no letter, digit or ``_`` just before it) in a paragraph, with the
    paragraph, in order, each kind found once for the whole source: the capitalised ones by the core's
    ``word_starts`` (one pass for all of them), else by stdlib ``re`` (about 5x faster than a regex scan of every
    position); the lower-case ones, whole words, by :func:`_occurrences` (their common first letters slow a regex
    scan down)."""
    core = _native.CORE
    if core is not None:
        found = set(core.word_starts(source, _ROLE_STARTS))
    else:  # what _word_starts_python(source, _ROLE_STARTS) gives (role words are letters: tests check it)
        found = {
            at for m in _ROLE_START.finditer(source) if (at := m.start()) == 0 or not _is_word_char(source[at - 1])
        }
    found.update(at for at, _ in _occurrences(source, _LOWER_ROLES))
    ends = [p.end for p in paragraphs]
    starts: list[tuple[Span, int]] = []
    for at in sorted(found):
        k = bisect.bisect_right(ends, at)
        if k < len(paragraphs) and paragraphs[k].start <= at:
            starts.append((paragraphs[k], at))
    return starts


def _word_starts_python(text: str, words: Iterable[str]) -> list[int]:
    """Each place of ``text`` where one of ``words`` begins a word (no letter, digit or ``_`` just before; the
    word's end unchecked), ascending: the reference of the core's ``word_starts``."""
    found: set[int] = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            if at == 0 or not _is_word_char(text[at - 1]):
                found.add(at)
            at = text.find(word, at + 1)
    return sorted(found)


def _people(
    source: str, paragraphs: Sequence[Span], starts: list[tuple[Span, int]] | None = None
) -> list[tuple[Span, regex.Match[str]]]:
    """What ``_PERSON.finditer`` yields in each paragraph (positions in ``source``), with the paragraph, found by
    trying ``_PERSON`` only where a role word begins a word (:func:`_role_word_starts`)."""
    found: list[tuple[Span, regex.Match[str]]] = []
    free = 0
    for p, at in starts if starts is not None else _role_word_starts(source, paragraphs):
        if at < free:
            continue
        if source[at].islower() and source[at].isascii() and not _comma_then_capital(source, at, p.end):
            continue  # an English lower-case role word is common, and opens a role only before ", Name"
        m = _PERSON.match(source, at, p.end)
        if m is not None:
            found.append((p, m))
            free = m.end()
    return found


def _named_first(source: str, starts: list[tuple[Span, int]]) -> list[tuple[int, str, str]]:
    """People named before their role: ``Vladimir Vasilenko, spokesman for the Kherson Region governor``,
    ``Sergey Lavrov, Russia’s Foreign Minister`` — (where the name starts, name, role)."""
    found: list[tuple[int, str, str]] = []
    for p, at in starts:
        comma = source.rfind(",", max(p.start, at - _HEAD_REACH), at)  # cheap tests first: most role words fail
        head = _HEAD.fullmatch(source, comma + 1, at) if comma >= 0 else None
        if head is None or _ROLE_WORD.match(source, at, p.end) is None:  # "Ministers" is no role word
            continue
        named = _NAME_BEFORE.search(source, max(p.start, comma - _NAME_REACH), comma)
        if named is None or not _NOT_NAMES.isdisjoint(named.group("name").split()):
            continue  # "On Friday, the Committee of Ministers ..." names nobody
        clause = _ROLE_CLAUSE.match(source, at, p.end)
        role = head.group("head") + (clause.group() if clause else "")
        found.append((named.start("name"), named.group("name"), role.strip(" ,")))
    return found


def _hyphen_prefix(source: str, at: int, start: int) -> str:
    """The first half of a hyphenated word whose second half is the role word at ``at``: ``пресс-`` of
    ``пресс-секретарь``, ``вице-`` of ``вице-премьер``; empty where the role word stands alone."""
    if at - 1 <= start or source[at - 1] != "-" or not source[at - 2].isalpha():
        return ""
    begin = at - 1
    while begin > start and source[begin - 1].isalpha():
        begin -= 1
    return source[begin:at]


def _said_before(source: str, start: int, at: int) -> bool:
    """A speaking verb is the word just before ``at`` (spaces between), within the paragraph from ``start``."""
    end = at
    while end > start and source[end - 1].isspace():
        end -= 1
    if end == at:
        return False
    begin = end
    while begin > start and source[begin - 1].isalpha():
        begin -= 1
    word = source[begin:end]
    if word == "out" and source[max(start, begin - 8) : begin] == "pointed ":
        return True
    return word in _VERB_WORDS and (begin == start or not _is_word_char(source[begin - 1]))


def _comma_then_capital(text: str, at: int, end: int) -> bool:
    """The clause from ``at`` runs to a comma followed by a capitalised word (before ``end``): what a lower-case
    role needs."""
    comma = text.find(",", at, min(at + _LOWER_ROLE_REACH, end))
    return (
        comma > 0
        and _CLAUSE_BREAK.search(text, at, comma) is None
        and _CAPITAL_NEXT.match(text, comma + 1, end) is not None
    )


def _occurrences(text: str, words: Iterable[str]) -> list[tuple[int, str]]:
    """Where ``words`` stand as whole words in ``text``, leftmost first, the longest word where several start
    at one place, never overlapping (what a regex alternation of the words, longest first, finds): the native
    core's ``occurrences`` where it runs, else :func:`_occurrences_python`."""
    core = _native.CORE
    if core is not None:
        found: list[tuple[int, str]] = core.occurrences(text, words)
        return found
    return _occurrences_python(text, words)


def _occurrences_python(text: str, words: Iterable[str]) -> list[tuple[int, str]]:
    """The reference of :func:`_occurrences`: a ``str.find`` loop for each word, the hits sorted."""
    hits: list[tuple[int, int, str]] = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _is_word_char(text[at - 1])) and (end == len(text) or not _is_word_char(text[end])):
                hits.append((at, -len(word), word))
            at = text.find(word, at + 1)
    found: list[tuple[int, str]] = []
    free = 0
    for at, _, word in sorted(hits):
        if at >= free:
            found.append((at, word))
            free = at + len(word)
    return found


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _who(after: regex.Match[str] | None, before: regex.Match[str] | None) -> str | None:
    if after is not None:
        return after.group("who") or after.group("ru_who") or after.group("ru_named") or after.group("titled")
    if before is not None:
        return before.group("who")
    return None


def _resolve(who: str | None, last: str | None, by_surname: dict[str, str]) -> str | None:
    """A pronoun or a title ("the deputy secretary ...") is the last person named; a surname, their full name."""
    if who is None:
        return None
    if who.lower() in _PRONOUNS or who.startswith("the "):
        return last
    return by_surname.get(who.split()[-1], who)
