"""Listing pages — a section page of several items — read item by item.

Two layouts are listings (corpus ``tass-text/02``, ``04``, ``05``):

* tass.com section pages copy each headline with its rubric and time glued on:
  ``Gorbachev calls on Russian and US leaders to relaunch dialogueRussian Politics & Diplomacy July 03, 17:57``;
  each such line is a headline-only item;
* aggregators print headline, dateline paragraph and a paragraph or two, item after item.

A page is a listing when it has at least two items of one layout; anything else is one article.

>>> page = ("Russia\\n\\nTalks go on\\n\\nMOSCOW, October 4. /TASS/. Russia is ready.\\n\\n"
...         "Another item\\n\\nSEVASTOPOL, October 2. /TASS/: A court ruled.\\n\\nHe said so.")
>>> [(a.title, a.dateline.city, a.paragraphs) for a in parse_tass_page(page)]
[('Talks go on', 'MOSCOW', ('Russia is ready.',)), ('Another item', 'SEVASTOPOL', ('A court ruled.', 'He said so.'))]
>>> from mfaparse import parse_tass
>>> whole = parse_tass(page)
>>> whole.listing, whole.title, len(whole.paragraphs)
(True, None, 6)
"""

from __future__ import annotations

import datetime as dt

import attrs

from mfaparse._model.documents import Article
from mfaparse.tass.dateline import Datelines
from mfaparse.tass.text import build_article, item_starts, prepared

__all__ = ["parse_tass_page"]


def parse_tass_page(text: str, reference_date: dt.date | None = None, *, url: str | None = None) -> tuple[Article, ...]:
    """The Articles of a page: one for an article page (what :func:`mfaparse.parse_tass` gives), one per item
    for a listing page (each with ``listing=True``, its spans into its own ``source``: the item's slice of the
    page). Nothing of the page is lost: the lines before the first item (a section crumb) are the first item's."""
    source, units = prepared(text, reference_date, "parse_tass_page")
    datelines = Datelines()  # one page's datelines, read once for the listing test and its items
    starts = item_starts(source, units, datelines)
    if starts is None:  # an article page: what parse_tass gives
        return (build_article(source, reference_date=reference_date, url=url, units=units, datelines=datelines),)
    items = []
    for a, b in zip([0, *starts[1:]], [*starts[1:], len(units)], strict=True):
        piece = source[units[a].start : units[b - 1].end]
        article = build_article(piece, reference_date=reference_date, url=url, datelines=datelines)
        items.append(attrs.evolve(article, listing=True))
    return tuple(items)
