"""News article HTML pages: metadata (JSON-LD, OpenGraph), the article body, and page chrome as removals.

The corpus has no raw news page (its README says so): the fixtures are synthetic, built from the documented
structure of tass.com pages (JSON-LD ``@graph`` with a ``NewsArticle``, ``news-header`` title/lead/date, a
``text-content`` body with an inline read-also block, share links, related news) and tass.ru pages (OpenGraph
``article:`` metadata only, an ``<article>`` with tags and comments blocks)."""

from __future__ import annotations

import datetime as dt

import pytest

import mfaparse
from mfaparse import ParseError
from mfaparse.tass.html import parse_news_html
from tests.conftest import FIXTURES
from tests.harness import check_article

MSK = dt.timezone(dt.timedelta(hours=3))


def test_tass_com_page() -> None:
    """JSON-LD gives title, lead, time and URL; the body's dateline, quote and editor's note are read; menus,
    crumbs, the date line, the read-also block, share links, related news and the footer are removals."""
    page = (FIXTURES / "synthetic_tass_com_article.html").read_text(encoding="utf-8")
    assert mfaparse.detect(page) == "news-html"
    art = parse_news_html(page)
    assert art.title == "Russia ready for dialogue with those who refuse confrontation — Security Council"
    assert art.subtitle == "Alexander Venediktov stressed that Moscow keeps the doors open"
    assert art.published == dt.datetime(2023, 10, 13, 14, 10, tzinfo=MSK)
    assert art.url == "https://tass.com/politics/1690001"
    assert art.dateline is not None
    assert (art.dateline.city, art.dateline.agency) == ("MOSCOW", "TASS")
    assert len(art.paragraphs) == 3
    assert art.paragraphs[0].startswith("Russia is ready for dialogue")
    assert [(q.text, q.speaker) for q in art.quotes] == [("We keep the doors open,", "Alexander Venediktov")]
    assert [n.text for n in art.editor_notes] == ["CSTO"]
    kinds = [r.kind for r in art.removed]
    assert kinds.count("page_chrome") == 5  # menu, crumb, "More news" and its two teasers
    assert {"timestamp", "read_also", "share_widget", "footer", "dateline"} <= set(kinds)
    assert not any("Share on" in p or "Read also" in p for p in art.paragraphs)
    check_article(art)


def test_tass_ru_page() -> None:
    """OpenGraph alone gives title, lead, a naive time (Moscow) and URL; tags and comments are chrome."""
    art = parse_news_html((FIXTURES / "synthetic_tass_ru_article.html").read_text(encoding="utf-8"))
    assert (art.title, art.subtitle) == (
        "Лавров: Россия открыта к диалогу",
        "Министр иностранных дел провел переговоры в Москве",
    )
    assert art.published == dt.datetime(2023, 10, 13, 10, 5, tzinfo=MSK)
    assert art.url == "https://tass.ru/politika/19001234"
    assert art.dateline is not None
    assert (art.dateline.city, art.dateline.agency, art.language) == ("МОСКВА", "ТАСС", "ru")
    assert art.paragraphs == (
        "Россия открыта к диалогу с партнерами, заявил министр иностранных дел РФ Сергей Лавров.",
        '"Мы готовы к переговорам", - сказал Лавров.',
    )
    assert [s.name for s in art.speakers] == ["Сергей Лавров"]
    chrome = [r.text for r in art.removed if r.kind in ("page_chrome", "footer")]
    assert chrome == [
        "Главное Политика Экономика",
        "Теги: Сергей Лавров, МИД",
        "Комментарии (0)",
        "Информационное агентство России ТАСС ©",
    ]
    check_article(art)


def test_metadata_only_and_bad_pages() -> None:
    """A page whose body is only in JSON-LD's articleBody still gives paragraphs; an unrelated page is a
    ParseError; a page read by read() is one Article."""
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Headline",'
        ' "articleBody": "MOSCOW, May 1. /TASS/. One.\\nTwo.", "datePublished": "2024-05-01"}</script></head>'
        "<body><div>Menu</div></body></html>"
    )
    art = parse_news_html(page)
    assert (art.title, art.paragraphs, art.published) == (
        "Headline",
        ("One.", "Two."),
        dt.datetime(2024, 5, 1, tzinfo=MSK),
    )
    assert [r.text for r in art.removed if r.kind == "page_chrome"] == ["Menu"]
    with pytest.raises(ParseError, match="news article page"):
        parse_news_html("<html><body><div>Just a shop</div></body></html>")
    with pytest.raises(TypeError):
        parse_news_html(b"<html></html>")  # type: ignore[arg-type]  # wrong on purpose
