"""Page chrome, line by line: what each line of a page's furniture becomes (EN and RU), and splitting a channel
page without forward headers (a hypothesis property: the posts and their removals tile the page)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mfaparse import parse_tass, parse_telegram
from mfaparse._lines.rules import classify_line
from tests.harness import check_article, check_post

_TITLE = "Talks go on — Security Council"
_LEAD = "The sides agreed to meet again"
_BODY = "MOSCOW, October 13. /TASS/. Russia is ready, the official said."

# (line, where it stands on the page, what it becomes: removal kinds in order, or "title"/"subtitle"/"paragraph")
HEADER_LINES = [
    ("All news", "top", ["crumb"]),
    ("Все новости", "top", ["crumb"]),
    ("World", "top", ["crumb"]),
    ("Russian Politics & Diplomacy", "under title", ["crumb"]),
    ("Military & Defense", "under title", ["crumb"]),
    ("Политика", "under title", ["crumb"]),
    ("В мире", "under title", ["crumb"]),
    ("August 06, 18:14 UTC+3", "under title", ["timestamp"]),
    ("August 06, 18:14 UTC+3 MOSCOW", "under title", ["timestamp"]),  # the place stays in the line's removal
    ("August 06, 18:14 UTC+3 © Sergei Bobylev/TASS", "under title", ["timestamp", "credit"]),
    ("14:10, 16 February", "under title", ["timestamp"]),
    ("10:05", "under title", ["timestamp"]),
    ("обновлено 10:15", "under title", ["timestamp"]),
    ("28 августа 2024, 14:10", "under title", ["timestamp"]),
    ("By TASS Editorial Desk", "top", ["credit"]),
    ("Редакция сайта ТАСС", "top", ["credit"]),
    ("Автор: Иван Петров", "under title", ["credit"]),
    ("© Sergei Bobylev/TASS", "under title", ["credit"]),
    ("Фото: Михаил Метцель/ТАСС", "under title", ["credit"]),
    ("{{element.title}}{{element.heading}} {{element.date}}", "top", ["page_chrome"]),
    ("The sides agreed to meet again", "under lead", ["duplicate"]),  # the lead printed twice
]
BODY_LINES = [
    ("- Share on Facebook", ["share_widget"]),
    ("Поделиться в Telegram", ["share_widget"]),
    ("Читайте также: Лавров провёл переговоры", ["read_also"]),
    ("Read also: Lavrov holds talks with Wang Yi", ["read_also"]),
    ("Комментарии", ["page_chrome"]),
    ("Comments (12)", ["page_chrome"]),
    ("Показать комментарии", ["page_chrome"]),
    ("Версия для печати", ["page_chrome"]),
    ("© 2024 TASS", ["footer"]),
    ("Информационное агентство России ТАСС © 2024", ["footer"]),
    ("He said:", "paragraph"),  # the author's words stay, however short
    ("Russia", "paragraph"),  # a section name is a crumb only above the text
    ("By the way, the talks went on.", "paragraph"),
]


def _page(line: str, where: str) -> str:
    parts = {
        "top": [line, _TITLE, _LEAD, _BODY],
        "under title": [_TITLE, line, _LEAD, _BODY],
        "under lead": [_TITLE, _LEAD, line, _BODY],
    }[where]
    return "\n\n".join(parts)


@pytest.mark.parametrize(("line", "where", "becomes"), HEADER_LINES)
def test_header_chrome(line: str, where: str, becomes: list[str]) -> None:
    """A furniture line above the text is removed by kind, and the title, lead and dateline are still read."""
    art = parse_tass(_page(line, where))
    check_article(art)
    assert (art.title, art.subtitle) == (_TITLE, _LEAD)
    assert art.dateline is not None
    assert [r.kind for r in art.removed if r.kind != "dateline"] == becomes
    assert line.rsplit(maxsplit=1)[-1] in " ".join(r.text for r in art.removed)


@pytest.mark.parametrize(("line", "becomes"), BODY_LINES)
def test_body_chrome(line: str, becomes: list[str] | str) -> None:
    """A furniture line in the text is removed by kind; the author's short lines stay paragraphs."""
    art = parse_tass("\n\n".join([_TITLE, _BODY, line, "He added more."]))
    check_article(art)
    if becomes == "paragraph":
        assert line in art.paragraphs
    else:
        assert [r.kind for r in art.removed if r.kind != "dateline"] == becomes
        assert line not in art.paragraphs
    assert art.paragraphs[-1] == "He added more."


def test_related_headlines_under_a_read_also_heading() -> None:
    """``Читайте также`` alone, then headlines: the block goes up to the next paragraph."""
    text = "\n\n".join([_TITLE, _BODY, "Читайте также", "Лавров провёл переговоры с Ван И", "Песков ответил на вопрос",
                        "He added more."])  # fmt: skip
    art = parse_tass(text)
    assert [r.kind for r in art.removed if r.kind != "dateline"] == ["read_also"] * 3
    assert art.paragraphs == ("Russia is ready, the official said.", "He added more.")


def test_byline_where_the_headline_should_be() -> None:
    """A reprint that dropped the headline: the desk line is a credit, never the title."""
    art = parse_tass("By TASS Editorial Desk\n\n" + _BODY)
    assert (art.title, [r.kind for r in art.removed]) == (None, ["credit", "dateline"])


@pytest.mark.parametrize(
    ("title", "words", "agency"),
    [
        ("Russian diplomat compares Bolivia to Ukraine - TASS", "Russian diplomat compares Bolivia to Ukraine", "TASS"),
        ("Песков ответил на вопрос – ТАСС", "Песков ответил на вопрос", "ТАСС"),
        ("Kremlin comments on talks | Interfax", "Kremlin comments on talks", "Interfax"),
    ],
)
def test_reprint_title_credit(title: str, words: str, agency: str) -> None:
    """A reprint's ``... - TASS`` title tail: the title keeps the author's words, the agency is in the record."""
    art = parse_tass(f"{title}\n\nThe body of the reprint goes on here.")
    assert (art.title, art.agency) == (words, agency)
    assert [r.kind for r in art.removed] == ["credit"]
    check_article(art)


def test_wire_dateline_of_another_agency() -> None:
    """``MOSCOW (Reuters) -``: wire copy names its agency in the dateline, and the record says so."""
    art = parse_tass("Russia says talks go on\n\nMOSCOW (Reuters) - Russia said on Monday that talks go on.")
    assert art.dateline is not None
    assert (art.agency, art.dateline.city) == ("Reuters", "MOSCOW")


# Telegram page lines: (line, class)
TELEGRAM_LINES = [
    ("Media is too big", "media_placeholder"),
    ("Please open Telegram to view this post", "media_placeholder"),
    ("This media is not supported in your browser", "media_placeholder"),
    ("Медиафайл слишком большой", "media_placeholder"),
    ("👍317👌4😁1", "counter"),
    ("29👍20👌3", "counter"),  # a custom reaction's emoji lost on the page
    ("1.2K views 10:15", "counter"),
    ("Subscribe to @SputnikInt", "call_to_action"),
    ("Подписывайтесь на @MID_Russia", "call_to_action"),
    ("👉 Read in full", "link_text"),
    ("Читать полностью", "link_text"),
    ("Download Telegram", "page_chrome"),  # a mirror repeats the page's buttons between posts
    ("Subscribe to a channel", "page_chrome"),
    ("VIEW IN TELEGRAM", "content"),  # a media placeholder's second line: read with the placeholder
    ("Live stream started", "content"),  # a service message: a post of its own, see below
    ("#RussiaCambodia #RussiaHelps", "content"),
]


@pytest.mark.parametrize(("line", "kind"), TELEGRAM_LINES)
def test_telegram_page_lines(line: str, kind: str) -> None:
    assert classify_line(line) == kind


def test_page_buttons_between_posts_end_a_post() -> None:
    """A mirror's ``Download Telegram`` between two posts: removed, and the next post starts after it."""
    dump = parse_telegram("The first post ends here.\nDownload Telegram\nThe second post starts here.")
    assert [p.text for p in dump.posts] == ["The first post ends here.", "The second post starts here."]
    assert [r.kind for r in dump.posts[0].removed] == ["page_chrome"]


# --- splitting a page without forward headers
_PROSE = st.sampled_from(
    [
        "The talks were held in a friendly atmosphere.",
        "Переговоры прошли в дружественной атмосфере.",
        "🤝 On December 24, the Deputy Minister met the ambassadors.",
        "⚡️ Maria Zakharova will hold a briefing at 2 PM.",
        "📍 Kuala Lumpur, July 10",
        "📍24–25 мая в рамках Годов культуры прошли концерты.",
        "🔹 The sides discussed cooperation.",
        "and continued in lower case",
    ]
)
_CLOSING = st.sampled_from(
    ["#RussiaCambodia #RussiaHelps", "👍317👌4😁1", "1.2K views 10:15", "Subscribe to @SputnikInt"]
)
_OPENING = st.sampled_from(
    [
        "🎙 Foreign Minister Sergey Lavrov’s remarks (Sochi, November 6, 2024)",
        "🇷🇺🇺🇸 Russia's Foreign Minister holds talks",
        "Media is too big",
        "VIEW IN TELEGRAM",
        "Live stream started",
        "Russian MFA 🇷🇺",
        "Download Telegram",
    ]
)
_PAGE_LINES = st.lists(st.one_of(_PROSE, _CLOSING, _OPENING, st.just("")), max_size=40)


@given(_PAGE_LINES, st.booleans())
def test_splitting_a_page_never_loses_or_repeats_a_line(lines: list[str], with_header: bool) -> None:
    """Every non-blank line of a header-less page is in exactly one post (kept or removed), posts in order."""
    head = "Russian MFA 🇷🇺\n53.5K subscribers\n16.7K photos\nDownload Telegram\n" if with_header else ""
    page = head + "\n".join(lines)
    dump = parse_telegram(page)
    source = dump.source
    owners = [0] * len(source)
    previous_end = dump.channel.span.end if dump.channel and dump.channel.span else 0
    for post in dump.posts:
        check_post(source, post)
        assert post.span.start >= previous_end
        previous_end = post.span.end
        for k in range(post.span.start, post.span.end):
            owners[k] += 1
    start = previous = 0
    header_end = dump.channel.span.end if dump.channel and dump.channel.span else 0
    for line in source.split("\n"):
        end = start + len(line)
        if line.strip() and start >= header_end:
            assert all(owners[k] == 1 for k in range(start, end)), line
        previous, start = end, end + 1
    assert previous <= len(source)
