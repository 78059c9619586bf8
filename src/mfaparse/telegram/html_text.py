"""HTML of Telegram pages and exports as text pieces, with a fast parser (selectolax) from ``mfaparse[html]``.

Text is rendered the way a browser shows it: runs of whitespace are one space, ``<br>`` is a line break,
links become entities with their ``href`` (hashtag links ``?q=%23...`` become hashtags), and emoji markup
(``<i class="emoji">``, ``<tg-emoji>``) gives its emoji.
"""

from __future__ import annotations

import re  # literal whitespace only
from typing import TYPE_CHECKING, Any

from mfaparse.errors import MissingDependencyError
from mfaparse.telegram.messages import Piece

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

__all__ = ["html_parser", "node_pieces", "node_text"]

_SPACE_RUN = re.compile(r"[ \t\r\n\f]+")
_LINE_SPACE_RUN = re.compile(r"[ \t\f]+")
_BLOCKS = frozenset({"div", "p", "blockquote", "pre", "li", "tr"})


def html_parser(html: str) -> Any:
    """A parsed document (selectolax's Lexbor parser); a clear error when the extra is not installed."""
    try:
        from selectolax.lexbor import LexborHTMLParser  # noqa: PLC0415  # optional dependency
    except ImportError as exc:
        raise MissingDependencyError(
            "reading Telegram HTML needs the html extra: pip install 'mfaparse[html]' (selectolax)"
        ) from exc
    return LexborHTMLParser(html)


def _walk(node: LexborNode, pieces: list[Piece], kind: str | None, href: str | None, newlines: bool) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            text = child.text_content or ""
            # in fragments whose newlines are line breaks only spaces and tabs collapse
            text = (_LINE_SPACE_RUN if newlines else _SPACE_RUN).sub(" ", text)
            if text:
                pieces.append(Piece(text=text, kind=kind, href=href))
        elif tag == "br":
            pieces.append(Piece(text="\n"))
        elif tag == "a":
            link = child.attributes.get("href") or ""
            if link.startswith("?q=%23"):
                _walk(child, pieces, "hashtag", None, newlines)
            else:
                _walk(child, pieces, "text_link", link or None, newlines)
        elif tag in ("script", "style"):
            continue
        else:
            if tag in _BLOCKS and pieces and not pieces[-1].text.endswith("\n"):
                pieces.append(Piece(text="\n"))
            _walk(child, pieces, kind, href, newlines)


def node_pieces(node: LexborNode | None, *, newlines: bool = False) -> list[Piece]:
    """The rendered text of ``node`` as pieces; spaces around line breaks and at the ends are trimmed.

    ``newlines=True`` keeps newline characters as line breaks (HTML fragments written that way).
    """
    if node is None:
        return []
    pieces: list[Piece] = []
    _walk(node, pieces, None, None, newlines)
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
