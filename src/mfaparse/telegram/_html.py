"""HTML of Telegram pages and exports as text pieces, with a fast parser (selectolax) from ``mfaparse[html]``.

Text is rendered the way a browser shows it: runs of whitespace are one space, ``<br>`` is a line break,
links become entities with their ``href`` (hashtag links ``?q=%23...`` become hashtags), and emoji markup
(``<i class="emoji">``, ``<tg-emoji>``) gives its emoji.
"""

from __future__ import annotations

import re  # literal whitespace only
from typing import TYPE_CHECKING, Any

from mfaparse.errors import MissingDependencyError
from mfaparse.telegram._messages import Piece

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

__all__ = ["html_parser", "node_pieces", "node_text"]

_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "head"})
_SPACE_RUN = re.compile(r"[ \t\r\n\f]+")
_LINE_SPACE_RUN = re.compile(r"[ \t\f]+")
_BLOCKS = frozenset(
    {"div", "p", "blockquote", "pre", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav",
     "section", "article", "aside", "main", "figure", "figcaption", "ul", "ol", "table", "form"}
)  # fmt: skip


def html_parser(html: str) -> Any:
    """A parsed document (selectolax's Lexbor parser); a clear error when the extra is not installed."""
    try:
        from selectolax.lexbor import LexborHTMLParser  # noqa: PLC0415  # optional dependency
    except ImportError as exc:
        raise MissingDependencyError(
            "reading Telegram HTML needs the html extra: pip install 'mfaparse[html]' (selectolax)"
        ) from exc
    return LexborHTMLParser(html)


def _anchor(child: LexborNode) -> tuple[str, str | None]:
    """The entity an ``<a>`` is: a hashtag (t.me's ``?q=%23...``, the Desktop export's ``ShowHashtag``), a mention
    (a link whose words are ``@username``), else a link."""
    link = child.attributes.get("href") or ""
    if link.startswith("?q=%23") or "ShowHashtag" in (child.attributes.get("onclick") or ""):
        return "hashtag", None
    if (child.text() or "").lstrip().startswith("@"):
        return "mention", None
    return "text_link", link or None


def _walk(root: LexborNode, pieces: list[Piece], newlines: bool) -> None:
    """The pieces of ``root``'s content, in document order; an explicit stack, so any nesting depth is fine."""
    space = _LINE_SPACE_RUN if newlines else _SPACE_RUN  # in fragments whose newlines are breaks, only spaces
    stack: list[tuple[Any, str | None, str | None]] = [(root.iter(include_text=True), None, None)]
    while stack:
        children, kind, href = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag == "-text":
            text = space.sub(" ", child.text_content or "")
            if text:
                pieces.append(Piece(text=text, kind=kind, href=href))
        elif tag == "br":
            pieces.append(Piece(text="\n"))
        elif tag == "a":
            stack.append((child.iter(include_text=True), *_anchor(child)))
        elif tag not in _SKIPPED:
            if tag in _BLOCKS and pieces and not pieces[-1].text.endswith("\n"):
                pieces.append(Piece(text="\n"))
            stack.append((child.iter(include_text=True), kind, href))


def node_pieces(node: LexborNode | None, *, newlines: bool = False) -> list[Piece]:
    """The rendered text of ``node`` as pieces; spaces around line breaks and at the ends are trimmed.

    ``newlines=True`` keeps newline characters as line breaks (HTML fragments written that way).
    """
    if node is None:
        return []
    pieces: list[Piece] = []
    _walk(node, pieces, newlines)
    out: list[Piece] = []
    for i, piece in enumerate(pieces):
        text = piece.text
        if (i + 1 < len(pieces) and pieces[i + 1].text.startswith("\n")) or i + 1 == len(pieces):
            text = text.rstrip(" ")
        if not out or out[-1].text.endswith("\n"):
            text = text.lstrip(" ")
        if text:
            out.append(Piece(text=text, kind=piece.kind, href=piece.href))
    while out and not out[-1].text.strip():
        out.pop()
    return out


def node_text(node: LexborNode | None, *, newlines: bool = False) -> str:
    """The rendered text of ``node``."""
    return "".join(p.text for p in node_pieces(node, newlines=newlines)).strip()
