"""News article HTML pages — tass.com, tass.ru and any page exposing ``NewsArticle`` JSON-LD or OpenGraph
``article:`` metadata — into Articles (``pip install 'mfaparse[html]'``).

The page's visible text, a line per block, is the Article's ``source``. The title and lead come from the
metadata (JSON-LD ``headline``/``description``, else ``og:title``/``og:description``, else the ``<h1>``), the
date from ``datePublished`` or ``article:published_time``, the body from the article container's paragraphs
(``[itemprop=articleBody]``, ``.text-content``, ``<article>``, ...) read as agency text (datelines, quotes,
editor's notes); every other line of the page — menus, teasers, share widgets, comments, footers — is a
``page_chrome`` removal, so nothing is lost.

>>> page = ('<html><head><meta property="og:title" content="Talks go on">'
...         '<meta property="article:published_time" content="2024-10-13T09:30:00+03:00"></head><body>'
...         '<nav><a href="/">News</a> <a href="/world">World</a></nav><h1>Talks go on</h1>'
...         '<div class="text-content"><p>MOSCOW, October 13. /TASS/. Russia is ready.</p><p>He said so.</p></div>'
...         '<div class="share">Share on VK</div></body></html>')
>>> art = parse_news_html(page)
>>> art.title, art.dateline.city, art.paragraphs, art.published.isoformat()
('Talks go on', 'MOSCOW', ('Russia is ready.', 'He said so.'), '2024-10-13T09:30:00+03:00')
>>> [(r.kind, r.text) for r in art.removed]
[('page_chrome', 'News World'), ('dateline', 'MOSCOW, October 13. /TASS/. '), ('share_widget', 'Share on VK')]
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from mfaparse._model.documents import Article
from mfaparse._text.dates import MOSCOW, iso_time
from mfaparse._text.dedup import line_key, line_keys
from mfaparse._text.normalize import normalize
from mfaparse.errors import ParseError
from mfaparse.tass.text import Known, build_article
from mfaparse.telegram._html import html_parser, node_text

__all__ = ["is_news_page", "parse_news_html"]

_CONTAINERS = ('[itemprop="articleBody"]', ".text-content", ".text-block", ".article__text", ".article-text",
               ".news-text", ".js-mediator-article", "article", "main")  # fmt: skip
"""Where a page keeps its article body, most specific first."""
_CHROME_WORDS = ("share", "related", "read-also", "readalso", "tags", "comments", "subscribe", "banner", "promo")
_CHROME_TAGS = frozenset({"aside", "nav", "footer", "figure", "form"})
_ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle"})


def is_news_page(text: str) -> bool:
    """Whether an HTML page says it is an article: ``NewsArticle`` JSON-LD or OpenGraph article metadata."""
    head = text[:200_000]
    return '"NewsArticle"' in head or "article:published_time" in head or 'content="article"' in head


def _json_ld(doc: Any) -> dict[str, Any]:
    """The page's article object in JSON-LD (in a list or an ``@graph`` too); {} where there is none."""
    for script in doc.css('script[type="application/ld+json"]'):
        try:
            value = json.loads(script.text() or "null")
        except (ValueError, RecursionError):
            continue  # a broken block of metadata: the page's other metadata and text still count
        for item in _objects(value):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k in _ARTICLE_TYPES for k in kinds):
                return item
    return {}


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                yield from (g for g in graph if isinstance(g, dict))


def _meta(doc: Any, name: str) -> str | None:
    node = doc.css_first(f'meta[property="{name}"]') or doc.css_first(f'meta[name="{name}"]')
    value = node.attributes.get("content") if node is not None else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _text_field(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _in_chrome(node: Any, container: Any) -> bool:
    """Whether a paragraph of the container sits in furniture inside it (a teaser, a share block, a caption)."""
    parent = node.parent
    while parent is not None and parent != container:
        classes = (parent.attributes.get("class") or "").lower()
        if parent.tag in _CHROME_TAGS or any(word in classes for word in _CHROME_WORDS):
            return True
        parent = parent.parent
    return False


def _container(doc: Any) -> Any:
    for selector in _CONTAINERS:
        node = doc.css_first(selector)
        if node is not None and node.css_first("p") is not None:
            return node
    return None


def _published(data: dict[str, Any], doc: Any) -> dt.datetime | None:
    value = _text_field(data, "datePublished") or _meta(doc, "article:published_time")
    return iso_time(value, "the page's published time", naive=MOSCOW) if value else None


def parse_news_html(html: str, *, reference_date: dt.date | None = None, url: str | None = None) -> Article:
    """An Article from a news page's HTML (see the module's description); a page with no article body and no
    article metadata is a ParseError."""
    if not isinstance(html, str):
        raise TypeError(f"parse_news_html() takes str, not {type(html).__name__}")
    doc = html_parser(html)
    data = _json_ld(doc)
    h1 = doc.css_first("h1")
    title = _text_field(data, "headline") or _meta(doc, "og:title") or (node_text(h1) or None if h1 else None)
    lead = _text_field(data, "description") or _meta(doc, "og:description")
    container = _container(doc)
    if container is None and not data:
        raise ParseError("expected a news article page: no article body and no NewsArticle or og:article metadata")
    # Lines normalised here, one by one, so that a line normalize empties (a lone control character) or splits
    # (an escaped line break) cannot shift the furniture's line numbers against the article's units
    body_lines = _normalised_lines(node_text(doc.css_first("body")))
    wanted = [
        " ".join(node_text(p).split())
        for p in (container.css("p") if container else [])
        if not _in_chrome(p, container)
    ]
    if not wanted and isinstance(data.get("articleBody"), str):
        wanted = [p.strip() for p in data["articleBody"].split("\n") if p.strip()]
    lines, chrome = _lay_out(body_lines, title, lead, [w for w in wanted if w])
    page_url = url or _text_field(data, "url") or _meta(doc, "og:url")
    known = Known(title=title is not None, lead=lead is not None, published=_published(data, doc))
    return build_article(
        normalize("\n".join(lines)), reference_date=reference_date, url=page_url, known=known, chrome=chrome
    )


def _normalised_lines(text: str) -> list[str]:
    """The non-blank lines of ``text``, each normalised and stripped (a line normalize splits gives several)."""
    return [piece.strip() for line in text.split("\n") for piece in normalize(line).split("\n") if piece.strip()]


def _lay_out(
    body: list[str], title: str | None, lead: str | None, paragraphs: list[str]
) -> tuple[list[str], frozenset[int]]:
    """The page's lines in order, the title first and the lead second (taken from the body where they stand
    there, else from the metadata), and the numbers of the lines that are furniture: all but the paragraphs.
    Paragraphs found nowhere in the page's text (a JSON-LD ``articleBody``) follow the lead."""
    keys = line_keys(body)
    used: set[int] = set()

    def take(text: str | None) -> int | None:
        if text is None:
            return None
        key = line_key(text)
        at = next((k for k in range(len(body)) if k not in used and keys[k] == key), None)
        if at is not None:
            used.add(at)
        return at

    title_at, lead_at = take(title), take(lead)
    wanted = iter(line_keys(paragraphs))  # matched in order: each paragraph at the first free line after the last
    expected = next(wanted, None)
    kept: set[int] = set()
    for k in range(len(body)):
        if expected is not None and k not in used and keys[k] == expected:
            kept.add(k)
            expected = next(wanted, None)
    order = [k for k in range(len(body)) if k not in (title_at, lead_at)]
    lines = [title if title_at is None else body[title_at]] if title is not None else []
    if lead is not None:
        lines.append(lead if lead_at is None else body[lead_at])
    if paragraphs and not kept:  # the body only in the metadata (JSON-LD articleBody): it follows the lead
        lines.extend(paragraphs)
    head = len(lines)
    lines.extend(body[k] for k in order)
    chrome = frozenset(head + n for n, k in enumerate(order) if k not in kept)
    return lines, chrome
