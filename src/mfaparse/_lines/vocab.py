"""Every vocabulary of the line floor, once: named fragments, each with real examples above it, composed and
compiled at import (the way h11 writes its grammar). The classifier, dedup's markers, the layout reader, the
post splitter, TASS debris and the format sniffers all use these; a new word is one line here.

>>> bool(FORWARD.fullmatch("Forwarded from Russian MFA 🇷🇺")), bool(FORWARD.fullmatch("Переслано из МИД России"))
(True, True)
>>> [bool(LINK_WORDS.fullmatch(w)) for w in ("Read in full", "Watch the video", "Читать полностью", "Далее")]
[True, True, True, True]
>>> bool(ELISION.fullmatch("<...>")), bool(ELLIPSIS_LINE.fullmatch("…")), bool(ELISION.fullmatch("…"))
(True, True, False)
>>> parse_count("53.5", "K"), counter_field("подписчиков")
(53500, 'subscribers')
"""

from __future__ import annotations

import functools

import regex

__all__ = [
    "AGENCY",
    "AGENCY_MARK",
    "ANSWER_MARK",
    "BARE_COUNT",
    "BULLETS",
    "CALL_TO_ACTION",
    "CATALOGUE_TITLE",
    "CHANNEL_COUNTER",
    "CHROME_END",
    "CONTINUATION_MARKS",
    "CREDIT",
    "CRUMB",
    "ELISION",
    "ELLIPSIS_LINE",
    "FOOTER",
    "FORWARD",
    "FORWARD_STARTS",
    "LEADING_MARKS",
    "LINK_HINTS",
    "LINK_WORDS",
    "LISTING_STAMP",
    "MEDIA_CONTINUATION",
    "MEDIA_PLACEHOLDER",
    "PAGE_BUTTON",
    "PAGE_CHROME",
    "PLACE_MARK",
    "POST_OPENING",
    "QUESTION_MARK",
    "READ_ALSO",
    "READ_ALSO_HEADING",
    "RECORD_ALIASES",
    "RECORD_FIELDS",
    "RUBRICS",
    "SERVICE",
    "SHARE",
    "SITE_CRUMB",
    "STAMP_REACH",
    "SUBSCRIBER_LINE",
    "TITLE_CREDIT",
    "TITLE_CREDIT_REACH",
    "TITLE_MARK",
    "TRUNCATION",
    "VIEW_COUNTER",
    "counter_field",
    "forward_name",
    "parse_count",
]

# ---------------------------------------------------------------------------------------------------------------
# Telegram: forward headers and channel chrome
# ---------------------------------------------------------------------------------------------------------------

# "Forwarded from Russian MFA 🇷🇺", "Переслано от МИД России 🇷🇺", "Переслано из Russian MFA"
_FORWARD_WORDS = r"(?:Forwarded\ from|Переслано\ от|Переслано\ из)"
FORWARD = regex.compile(rf"{_FORWARD_WORDS}\s+(?P<name>\S.{{0,200}})")
FORWARD_STARTS = ("Forwarded from", "Переслано")
"""A cheap ``str.startswith`` test before :data:`FORWARD`."""


def forward_name(line: str) -> str | None:
    """The NAME of a forward header ``line`` (stripped: ``Forwarded from NAME``), or None for any other line.
    Remembered for short lines: a dump repeats a few headers thousands of times, and a stream asks of each line
    up to four times (where to cut, the chunk's first line, the post's start, its header).

    >>> forward_name("Forwarded from Russian MFA 🇷🇺"), forward_name("Text")
    ('Russian MFA 🇷🇺', None)
    """
    if not line.startswith(FORWARD_STARTS):
        return None
    return _forward_name_seen(line) if len(line) <= _LONGEST_REMEMBERED_HEADER else _forward_name(line)


def _forward_name(line: str) -> str | None:
    found = FORWARD.fullmatch(line)
    return found.group("name") if found else None


_LONGEST_REMEMBERED_HEADER = 256
_forward_name_seen = functools.lru_cache(maxsize=4096)(_forward_name)

# "53.5K", "132K", "1,2M", "16.7К" (Cyrillic К and М too: pages are copied from Russian interfaces)
_COUNT = r"(?P<n>\d+(?:[.,]\d+)?)\s*(?P<mult>[KMКМ]?)"
# "subscribers", "members", "подписчиков", "участника"
_SUBSCRIBER_WORDS = r"subscribers?|members?|подписчик\w*|участник\w*"
# "16.7K photos", "2.1K videos", "479 links", "фотографий", "ссылок"
_OTHER_COUNTER_WORDS = r"photos?|videos?|files?|links?|фото\w*|видео\w*|файл\w*|ссыл\w*"
CHANNEL_COUNTER = regex.compile(
    rf"{_COUNT}\s+(?P<what>{_SUBSCRIBER_WORDS}|{_OTHER_COUNTER_WORDS})", flags=regex.IGNORECASE | regex.VERBOSE
)
"""A channel page's counter line: ``53.5K subscribers``, ``16.7K photos``, ``132K подписчиков``."""
SUBSCRIBER_LINE = regex.compile(rf"(?m)^{_COUNT}\s+(?:{_SUBSCRIBER_WORDS})", flags=regex.IGNORECASE | regex.VERBOSE)
"""A line opening with a subscriber count: the format sniffers' sign of a channel page."""
_COUNTER_FIELDS = {"sub": "subscribers", "mem": "subscribers", "под": "subscribers", "уча": "subscribers",
                   "pho": "photos", "фот": "photos", "vid": "videos", "вид": "videos", "fil": "files",
                   "фай": "files", "lin": "links", "ссы": "links"}  # fmt: skip
_MULTIPLIERS = {"": 1, "K": 1_000, "К": 1_000, "M": 1_000_000, "М": 1_000_000}

# "Download Telegram", "Open in Telegram", "Открыть в Telegram", "Preview channel", "加入频道"
CHROME_END = regex.compile(
    r"Download\ Telegram|加入频道|Subscribe\ to\ a\ channel|Open\ in\ Telegram|Открыть\ в\ Telegram"
    r"|View\ in\ Telegram|Join\ channel|Preview\ channel",
    flags=regex.IGNORECASE | regex.VERBOSE,
)
"""The line that ends a channel page's header."""
# The same buttons between posts, where a mirror repeats them: never the author's ("VIEW IN TELEGRAM" and "Open in
# Telegram" are not here: after a media placeholder they are its second line)
PAGE_BUTTON = regex.compile(
    r"Download\ Telegram|加入频道|Subscribe\ to\ a\ channel|Join\ channel|Preview\ channel",
    flags=regex.IGNORECASE | regex.VERBOSE,
)
# A channel catalogue's header (tgchannels.org): "Telegram-канал mid_russia - МИД России 🇷🇺",
# "Telegram channel mfarussia - Russian MFA 🇷🇺", then the subscriber count alone on its line ("119044")
CATALOGUE_TITLE = regex.compile(
    r"(?:Telegram-канал|Telegram\ channel)\s+@?(?P<username>\w{4,32})\s+[-–—]\s+(?P<name>\S.{0,120})",
    flags=regex.IGNORECASE,
)
BARE_COUNT = regex.compile(r"\d{1,10}")

# ---------------------------------------------------------------------------------------------------------------
# Telegram: scrape debris
# ---------------------------------------------------------------------------------------------------------------

# "Media is too big" (its "VIEW IN TELEGRAM" follows), "Please open Telegram to view this post",
# "Медиафайл слишком большой", "Откройте Telegram, чтобы посмотреть этот пост"
MEDIA_PLACEHOLDER = regex.compile(
    r"(?i)media\ is\ too\ big|please\ open\ telegram\ to\ view\ this\ post"
    r"|this\ media\ is\ not\ supported\ in\ your\ browser|медиа(?:файл)?\ слишком\ больш\w*"
    r"|откройте\ telegram,?\ чтобы\ (?:посмотреть|просмотреть)\ (?:этот\ )?пост",
)
# "VIEW IN TELEGRAM", "Открыть в Telegram": the second line of a media placeholder
MEDIA_CONTINUATION = regex.compile(r"(?i)view\ in\ telegram|открыть\ в\ telegram|смотреть\ в\ telegram")

# Link words whose URL the scrape lost: "Read in full", "Read more about EEF-2023", "Watch the video",
# "Читать полностью", "Подробнее", "Далее", "Leer más", "Lire la suite". Dedup counts them as markers (a post may
# hold several); the classifier makes them Links with url=None.
LINK_WORDS = regex.compile(
    r"(?i)read\ in\ full|read\ more(?:\ about\ .{1,80})?|watch\ in\ full|watch\ the\ video|full\ text|more"
    r"|читать\ (?:полностью|далее|подробнее)|подробнее|далее|смотреть\ (?:полностью|видео)|полный\ текст"
    r"|leer\ (?:más|completo)|lire\ la\ suite"
)
LINK_HINTS = ("read", "watch", "full", "more", "читать", "подробн", "далее", "смотреть", "текст", "leer", "lire")
"""Words every :data:`LINK_WORDS` line holds one of (casefolded): a cheap test before the pattern."""

# Calls to subscribe: "@SputnikHindi को सब्सक्राइब करें।", "Subscribe to @MFARussia", "Подписывайтесь на @MID_Russia"
CALL_TO_ACTION = regex.compile(
    r"(?i)@\w{4,32}\ को\ सब्सक्राइब\ करें[।.!]?"
    r"|(?:subscribe\ to|follow\ us\ on|join)\ @\w{4,32}[.!]?"
    r"|подпи(?:сывайтесь|шитесь|саться)\ на\ @?\w{4,32}[.!]?"
)
# View counts, reactions and time footers: "1.2K views 10:15", "👁 1234", "👍 12 ❤ 3", "edited 10:15", and reactions
# whose first emoji the page lost (a custom one): "29👍20👌3"
VIEW_COUNTER = regex.compile(
    r"(?i)(?:[\d.,]+\s*[KMК]?\s*(?:views?|просмотр\w*))?\s*(?:edited\s*|изменено\s*)?(?:\d{1,2}:\d\d)?"
    r"|(?:[\d.,]+\s*)?(?:\p{Extended_Pictographic}\ufe0f?\s*[\d.,]+\s*[KMК]?\s*)+"
)
# Service messages a channel page shows as posts of their own: "Live stream started", "Channel photo updated",
# "Трансляция начата", "Pinned a message"
SERVICE = regex.compile(
    r"(?i)live\ stream\ (?:started|finished|ended)|video\ chat\ (?:started|ended)|channel\ (?:photo|name)\ "
    r"(?:updated|changed|removed)|pinned\ a\ (?:message|photo|video)|channel\ created"
    r"|трансляция\ (?:начата|завершена)|видеочат\ (?:начат|завершён)|канал\ создан"
)

# ---------------------------------------------------------------------------------------------------------------
# Telegram: the layout of MFA posts
# ---------------------------------------------------------------------------------------------------------------

TITLE_MARK = "🎙"  # "🎙 Foreign Minister Sergey Lavrov’s remarks (Sochi, November 6, 2024)"
# A post's opening line on a page without forward headers: the 🎙 title, or a pair of flags ("🇷🇺🇺🇸 Russia's
# Foreign Minister ...", "🇷🇺 🇺🇸 Comment by the Embassy ...")
POST_OPENING = regex.compile(r"🎙|\p{RI}\p{RI}\s?\p{RI}\p{RI}", flags=regex.V1)
"""Matched at a line's start (``.match``)."""
PLACE_MARK = "📍"  # "📍 Jakarta, July 13, 2023"
ANSWER_MARK = "💬"  # "💬 Sergey Lavrov: We value cooperation with #ASEAN."
QUESTION_MARK = "❓"  # "❓Question: How do you assess ..."
# "🔹 The sides discussed ...", "▪️ ...", "• ...", "✅ ...", "- ...", "— ..."
BULLETS = ("🔹", "🔸", "▪", "•", "✅", "◾", "▫", "🔻", "➖", "▶", "✔", "☑", "- ", "– ", "— ")
# Lines that continue a post rather than open one: bullets, 📍, 👉, ❗ and bare dashes
CONTINUATION_MARKS = (*BULLETS, "📍", "👉", "❗", "-", "–", "—")
# Leading emoji and spaces: "🔹️ ", "🇷🇺🇮🇳 ", "❓" (a bare ©, ® or ™ is text, not a mark)
LEADING_MARKS = regex.compile(
    # One class repeated possessively, not a group of alternatives a character: a run of marks is scanned at the
    # class's speed (a 1 MB run of VS16 took 0.1 s); ©®™ count only with VS16 after them.
    r"(?:[[\s\p{Extended_Pictographic}\p{EMod}\p{RI}\ufe0f\u20e3\u200d\U000e0020-\U000e007f]--[©®™]]++|[©®™]\ufe0f)+",
    flags=regex.V1,
)

# "...", "…": an ellipsis, the core of every elision
_ELLIPSIS = r"(?:\.{3}|…)"
# "<...>", "[…]", "(...)": the author's cut, a block of its own, kept and never deduplicated
ELISION = regex.compile(rf"[<\[(]\s*{_ELLIPSIS}\s*[>\])]")
# "<...>" or a bare "…" line: a marker that never counts alone in dedup
ELLIPSIS_LINE = regex.compile(rf"[<\[(]?\s*{_ELLIPSIS}\s*[>\])]?")
TRUNCATION = ("…", "...")
"""How a link preview's cut-short line ends."""

# ---------------------------------------------------------------------------------------------------------------
# Agency text (TASS pages)
# ---------------------------------------------------------------------------------------------------------------

# "/TASS/", "/ТАСС/", "/Корр. ТАСС Вера Щербакова/", "/ИТАР-ТАСС/", "/Спец. корр. ТАСС .../", "/РИА Новости/"
AGENCY = (
    r"/\s*(?:(?:Корр\.|Спец\.\s*корр\.|Corr\.)\s*)?"
    r"(?P<agency>ИТАР-ТАСС|ITAR-TASS|ТАСС|TASS|РИА\s+Новости|RIA\s+Novosti|Sputnik|Спутник|Интерфакс|Interfax)"
    r"(?:\s+(?P<corr>[^/\n]{3,60}))?\s*/"
)
"""The agency mark of a dateline (a fragment: the dateline grammar and the sniffers compose it)."""
AGENCY_MARK = regex.compile(rf"{AGENCY}\s*[.:]", flags=regex.IGNORECASE)
"""An agency mark closing a dateline anywhere in a text (the sniffers' sign of agency copy)."""

# "All news", "Все новости": the site's own crumb
_SITE_CRUMB = r"all\ news|все\ новости"
# "World", "Politics", "Military & Defense", "Политика", "В мире": section crumbs above a title
_SECTION_CRUMB = (
    r"world|politics|russia|economy|business\ &\ economy|society(?:\ &\ culture)?|sports?"
    r"|military\ &\ defense|science\ &\ space|emergencies|russian\ politics\ &\ diplomacy|ukraine\ crisis"
    r"|политика|в\ мире|экономика(?:\ и\ бизнес)?|общество|происшествия|спорт|культура"
    r"|армия\ и\ опк|наука|международная\ панорама|новости"
)
CRUMB = regex.compile(rf"(?i){_SITE_CRUMB}|{_SECTION_CRUMB}")
RUBRICS = ("Russian Politics & Diplomacy", "Military & Defense", "Business & Economy", "Science & Space", "World",
           "Society & Culture", "Emergencies", "Sports", "Politics", "Russia", "Economy", "Ukraine crisis")  # fmt: skip
"""Section names as tass.com writes them, the longest first where one ends another (``... & Diplomacy``)."""
SITE_CRUMB = regex.compile(rf"(?i){_SITE_CRUMB}")
# "- Share on Facebook", "• Share on VK", "Поделиться в Telegram"
SHARE = regex.compile(r"(?i)[-–•]?\s*(?:share\ on|поделиться\ в)\s+\w[\w.\- ]{0,20}")
# Read-also lines: "Читайте также: ...", "Read also", "Также по теме", "Ещё по теме", "Related news"; a bare heading
# is followed by the related headlines (see READ_ALSO_HEADING)
_READ_ALSO_WORDS = r"читайте\ также|read\ also|see\ also|также\ по\ теме|ещё\ по\ теме|еще\ по\ теме|related\ news"
READ_ALSO = regex.compile(rf"(?i)(?:{_READ_ALSO_WORDS})[:.]?(?:\s.{{0,200}})?")
READ_ALSO_HEADING = regex.compile(rf"(?i)(?:{_READ_ALSO_WORDS})[:.]?")
"""A read-also heading alone on its line: the related headlines under it are the block's (up to a paragraph)."""
# "© 2024 TASS", "Информационное агентство России ТАСС © ..."
FOOTER = regex.compile(r"(?i)©.{0,80}(?:ТАСС|TASS).{0,80}|(?:информационное\ агентство\ россии\ )?тасс\ ©.{0,80}")
# Credits where a headline or a caption stands: a desk or an author ("By TASS Editorial Desk", "Editorial board",
# "Редакция сайта ТАСС", "Автор: Иван Петров", "By Denis Dubrovin") and a photo's credit ("© Sergei Bobylev/TASS",
# "Фото: Михаил Метцель/ТАСС", "Photo: Reuters"). No year in a photo credit: "© 2024 TASS" is the footer.
_DESK = r"(?:by\ )?(?:(?:tass|тасс)\ )?(?:editorial\ (?:desk|board|staff)|newsroom|news\ desk)"
_RU_DESK = r"(?:редакция|подготовила?\ редакция)(?:\ сайта)?\ (?:тасс|tass\.ru)"
_AUTHOR = r"(?:автор|author|by):?\ (?-i:\p{Lu}\p{Ll}+(?:\ \p{Lu}\p{Ll}+){1,2})"
_PHOTO = (
    r"©\ ?[^©\d\n/]{2,60}/\ ?(?:tass|тасс|итар-тасс|reuters|ap|afp|epa|риа\ новости|sputnik)"
    r"|(?:photo|фото)(?::|\ ©)\ ?[^\n]{2,80}"
)
CREDIT = regex.compile(rf"(?i){_DESK}|{_RU_DESK}|{_AUTHOR}|{_PHOTO}", flags=regex.V1)
"""A byline, a desk line or a photo credit: a removal of kind ``credit``."""
# A reprint's agency credit at the end of a title: "Russian diplomat compares Bolivia to Ukraine - TASS", and
# in Russian with an en dash ("Песков ответил – ТАСС") or a bar ("... | TASS")
TITLE_CREDIT_REACH = 40
"""A title's credit is looked for in its last characters only (the longest credit with its dash and spaces)."""
TITLE_CREDIT = regex.compile(
    r"\s{1,3}[-–—|]\s{1,3}"
    r"(?P<agency>TASS|ТАСС|ИТАР-ТАСС|RIA\ Novosti|РИА\ Новости|Interfax|Интерфакс|Sputnik|Reuters)\s*$"
)
# Furniture of a page that is never text: comment counters and buttons ("Комментарии", "Comments (12)",
# "Показать комментарии"), an unrendered template ("{{element.title}}{{element.heading}} {{element.date}}"),
# subscribe buttons ("Subscribe to TASS", "Подписаться на ТАСС"), "Print", "Версия для печати"
PAGE_CHROME = regex.compile(
    r"(?i)(?:комментари(?:и|ев)|comments?|показать\ комментарии|show\ comments|\d+\ комментари\w*)(?:\ ?\(\d+\))?"
    r"|(?:\{\{[\w.\ ]{1,40}\}\}\s*){1,8}"
    r"|(?:subscribe\ to|подписаться\ на)\ (?:tass|тасс)|print|версия\ для\ печати"
)
# A headline of a listing page with its rubric and time glued on, as tass.com's section pages copy (corpus
# tass-text/02): "Gorbachev calls on ... to relaunch dialogueRussian Politics & Diplomacy July 03, 17:57"
_MONTHS_EN = r"January|February|March|April|May|June|July|August|September|October|November|December"
LISTING_STAMP = regex.compile(rf"(?:{_MONTHS_EN})\ \d{{1,2}},\ \d{{1,2}}:\d\d$")
"""The time that ends a glued listing line (its rubric, a :data:`RUBRICS` name, stands just before it); searched
in a line's last :data:`STAMP_REACH` characters only."""
STAMP_REACH = len("September 30, 23:59")

# ---------------------------------------------------------------------------------------------------------------
# Scraped records: the names scrapers and data sets give their fields (matched case-insensitively)
# ---------------------------------------------------------------------------------------------------------------

RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name", "header", "заголовок"),
    "lead": ("lead", "description", "summary", "subtitle", "anons", "announce", "annotation", "lede", "teaser"),
    "body": ("body", "content", "text", "article", "full_text", "fulltext", "article_text", "paragraphs", "текст"),
    "date": ("published", "datetimepub", "datetime", "date", "pub_date", "pubdate", "published_at", "publishedat",
             "date_published", "datepublished", "date_add", "created_at", "time", "timestamp"),
    "url": ("url", "link", "href", "uri", "source_url"),
    "id": ("id", "article_id", "news_id", "guid"),
    "site": ("site", "domain", "edition", "base_url", "host"),
}  # fmt: skip
"""A record's fields and the names they go by, the first present one winning: ``{"Headline": ..., "link": ...}``."""
RECORD_ALIASES: dict[str, str] = {name: field for field, names in RECORD_FIELDS.items() for name in names}
"""Each name (lower case) of :data:`RECORD_FIELDS` and the field it names."""


def parse_count(number: str, mult: str = "") -> int:
    """A counter's value: ``("53.5", "K")`` -> 53500, ``("1,2", "М")`` -> 1200000."""
    return round(float(number.replace(",", ".")) * _MULTIPLIERS.get(mult.upper(), 1))


def counter_field(word: str) -> str:
    """The :class:`~mfaparse.Channel` field a counter word names (``subscribers``, ``photos``, ``links``...)."""
    return _COUNTER_FIELDS.get(word[:3].lower(), "links")
