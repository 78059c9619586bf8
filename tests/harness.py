"""The invariants every parser's output keeps, checked by one harness for every registered format:

* spans: ``source[span.start:span.end]`` is the text a field was read from;
* nothing lost: every line of a post (every character of an article) is kept or inside a removal;
* round trip: each record's JSON line loads back into an equal record (loading checks every span, which the
  parsers build unchecked: :func:`mfaparse._model.base.trusted_span`).

And the samples the contract tests mutate: one real or documented input per format (real ones from the
fixtures, which ship; synthetic HTML shapes named so).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import attrs

import mfaparse
from mfaparse import Article, Parsed, Post
from mfaparse._model.record import Record
from tests.conftest import FIXTURES, SEEDS, seed_text

__all__ = ["SAMPLES", "Plain", "arguments", "check_article", "check_parsed", "check_post", "records_in", "seed_records"]


def check_post(source: str, post: Post) -> None:
    """A post's spans slice its source, and every line of it is kept or removed."""
    assert post.span.end <= len(source)
    for h in post.hashtags:
        assert h.span.slice(source) == "#" + h.tag
    for m in post.mentions:
        assert m.span.slice(source) == "@" + m.username
    for r in post.removed:
        assert r.span.slice(source) == r.text
        if r.duplicate_of is not None:
            assert r.duplicate_of.end <= r.span.start
    for b in post.blocks:
        assert b.span.slice(source) == b.text
    for lk in post.links:
        assert lk.text in mfaparse.strip_emoji(lk.span.slice(source)) or lk.url == lk.span.slice(source)
    for s in post.speakers:
        assert s.span is not None
        assert s.name in mfaparse.strip_hashtags(s.span.slice(source))  # "Maria #Zakharova" names her
    if post.forward is not None and post.forward.span is not None:
        assert post.forward.name in mfaparse.strip_emoji(post.forward.span.slice(source))
    kept = post.text.split("\n")
    pos = post.span.start
    for line in post.span.slice(source).split("\n"):
        end = pos + len(line)
        covered = any(r.span.start <= pos and end <= r.span.end for r in post.removed)
        assert covered or not line.strip() or line in kept, line
        pos = end + 1


def check_article(art: Article) -> None:
    """An article's spans slice its source, and every non-blank character is in a field or a removal."""
    source = art.source
    assert tuple(s.slice(source) for s in art.paragraph_spans) == art.paragraphs
    for r in art.removed:
        assert r.span.slice(source) == r.text
    for n in art.editor_notes:
        assert n.text in n.span.slice(source)
    for q in art.quotes:
        assert q.text in q.span.slice(source)
    if art.title_span is not None:
        assert art.title_span.slice(source) == art.title
    if art.dateline is not None:
        assert art.dateline.span.slice(source).strip()
    covered = [False] * len(source)
    spans = [*art.paragraph_spans, *(r.span for r in art.removed)]
    spans += [s for s in (art.title_span, art.subtitle_span) if s is not None]
    for s in spans:
        for k in range(s.start, s.end):
            covered[k] = True
    assert all(covered[k] or source[k].isspace() for k in range(len(source)))


def check_parsed(parsed: Parsed) -> None:
    """Every record of a parse keeps the invariants, and its JSON line loads back."""
    for record in parsed.records:
        if isinstance(record, Post):
            assert parsed.source is not None
            check_post(parsed.source, record)
        else:
            check_article(record)
        assert mfaparse.from_jsonl(mfaparse.to_jsonl(record)) == record


_WEB = (  # synthetic: the documented t.me/s markup (the corpus has real pages, which CI reads too)
    '<div class="tgme_channel_info"><div class="tgme_channel_info_header_title">Russian MFA 🇷🇺</div>'
    '<div class="tgme_channel_info_counter"><span class="counter_value">53.5K</span>'
    '<span class="counter_type">subscribers</span></div></div>'
    '<div class="tgme_widget_message" data-post="MFARussia/100">'
    '<div class="tgme_widget_message_forwarded_from">Forwarded from <a class="tgme_widget_message_'
    'forwarded_from_name" href="https://t.me/MID_Russia/5">МИД России 🇷🇺</a></div>'
    '<div class="tgme_widget_message_text">🎙 Lavrov: <a href="?q=%23ASEAN">#ASEAN</a><br>'
    "💬 We said so.<br>💬 We said so.<br>"
    '<a href="https://mid.ru/1">Read in full</a></div>'
    '<a class="tgme_widget_message_date"><time datetime="2024-11-06T12:00:00+00:00"></time></a></div>'
)
_DESKTOP_HTML = (  # synthetic: the documented messages.html markup
    '<div class="page_header"><div class="text">Russian MFA 🇷🇺</div></div><div class="history">'
    '<div class="message default clearfix" id="message7"><div class="body">'
    '<div class="pull_right date details" title="06.11.2024 18:00:00 UTC+03:00">18:00</div>'
    '<div class="from_name">Russian MFA</div><div class="text">🎙 Remarks<br>He said:<br>“Yes.”<br>'
    'He said:<br>“No.” <a href="" onclick="return ShowHashtag(&quot;ASEAN&quot;)">#ASEAN</a></div>'
    '</div></div><div class="message default clearfix joined" id="message8"><div class="body">'
    '<div class="pull_right date details" title="06.11.2024 18:01:00 UTC+03:00">18:01</div>'
    '<div class="text">Second <a href="https://mid.ru/2">link</a></div></div></div></div>'
)
_FRAGMENTS = [  # synthetic: the documented scraped-fragment records
    {"html": "🎙 <b>Remarks</b>\n<a href='?q=%23ASEAN'>#ASEAN</a>", "channel": "@MFARussia",
     "publishedAt": "2022-05-01 10:00:00"},
    {"html": "Second\nSecond", "channel": "@MFARussia", "publishedAt": "2022-05-01T11:00:00+03:00"},
]  # fmt: skip

_CSV = (  # synthetic, in the shape of the news data sets' CSV (date,url,edition,topics,authors,title,text,...)
    "date,url,edition,topics,title,text,views\n"
    '2019-04-30 13:26:00,https://www.interfax.ru/659837,www.interfax.ru,Спорт,Заголовок,"Москва. 30 апреля. '
    'INTERFAX.RU - Первый абзац.nВторой «абзац».nТретий.",120\n'
    "2019-05-07 12:46:00,/660425,www.interfax.ru,-,Только заголовок,-,-\n"
)

_LISTING_TAIL = (
    "\n\nRussian official says US policy loses ideology\n\nMOSCOW, October 2. /TASS/. US foreign policy has lost its"
    " footing, a senator told TASS.\n\nGorbachev calls on leaders to relaunch dialogueRussian Politics & Diplomacy"
    " July 03, 17:57\nSpaceX Dragon cargo craft splashes downScience & Space July 03, 17:45\n"
)
SAMPLES: dict[str, str] = {
    "records-csv": _CSV,
    "news-html": (FIXTURES / "synthetic_tass_com_article.html").read_text(encoding="utf-8"),
    "telegram-text": seed_text("002")[:6000],
    # a seed article, then (synthetic, in the corpus's layouts) a listing's items: mutations cut, repeat and splice
    # the items, so the split into items keeps the invariants too
    "tass-text": seed_text("000") + _LISTING_TAIL,
    "telegram-export-json": (FIXTURES / "synthetic_desktop_export.json").read_text(encoding="utf-8"),
    "telegram-client-json": (FIXTURES / "synthetic_telethon_messages.json").read_text(encoding="utf-8"),
    "telegram-web-html": _WEB,
    "telegram-export-html": _DESKTOP_HTML,
    "html-fragments": "\n".join(json.dumps(r, ensure_ascii=False) for r in _FRAGMENTS),
    "tass-records": json.dumps(
        [
            {"title": "Talks go on", "lead": "The lead.", "body": "The lead.\n\nMOSCOW, October 13. /TASS/. Text."},
            {
                "headline": "Second",
                "paragraphs": ["ВАШИНГТОН, 22 января. /ТАСС/. Текст.", "Ещё."],
                "date": "2024-01-22T10:00:00Z",
            },
        ],
        ensure_ascii=False,
    ),
}
"""One input per registered format (a test checks there is one for each)."""


def records_in(value: object) -> Iterator[Record]:
    """Every record in ``value``, nested ones included (depth first)."""
    if isinstance(value, Record):
        yield value
        for field in _fields(value):
            yield from records_in(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from records_in(item)


def seed_records() -> list[Record]:
    """The records of every seed, nested ones included: real values of every class the parsers build."""
    found: list[Record] = []
    for record in mfaparse.read(sorted(SEEDS.glob("*.txt"))):
        found.extend(records_in(record))
    return found


def arguments(record: Record) -> dict[str, object]:
    """The ``__init__`` keywords that build ``record`` again."""
    return {field.alias or field.name: getattr(record, field.name) for field in _fields(record)}


def _fields(record: Record) -> tuple[attrs.Attribute[object], ...]:
    cls = type(record)
    assert attrs.has(cls), cls  # every Record is an attrs class
    return tuple(attrs.fields(cls))


@attrs.frozen(kw_only=True)
class Plain:
    """A synthetic record shape for the makers' tests: a required field, a default, a factory, an alias."""

    a: object
    b: object = "b"
    c: object = attrs.field(factory=tuple)
    _hidden: object = None
