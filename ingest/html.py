"""HTML input (meeting pages saved from a council site) through BeautifulSoup with lxml."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from ingest.cleanup import normalise
from ingest.models import Block, BlockKind
from ingest.tables import table_block

_SKIP = {"script", "style", "nav", "header", "footer", "noscript", "form", "button", "svg"}
_TEXT = {"p", "div", "li", "dd", "dt", "blockquote", "td", "span", "section", "article"}
_MARK = re.compile(r"\[?\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\]?")  # a footnote's mark: "3", "[12]", "4, 5"


def read_html(data: bytes) -> list[Block]:
    soup = BeautifulSoup(data, "lxml")
    for tag in soup.find_all(list(_SKIP)):
        tag.decompose()
    # "schools<sup>3</sup>, of whom": a footnote's mark left out, "5<sup>th</sup>" one word, not "schools 3 ," and "5 th"
    for sup in soup.find_all("sup"):
        parent = sup.parent
        if _MARK.fullmatch(sup.get_text().strip()):
            sup.decompose()
        else:
            sup.unwrap()
        if parent is not None:
            _join_texts(parent)
    root = soup.find("main") or soup.body or soup
    blocks: list[Block] = []
    _walk(root, blocks)
    return blocks


def _join_texts(tag: Tag) -> None:
    """A tag's neighbouring strings as one, so `get_text(" ")` puts no space inside "schools, of" ("smooth" would
    recurse as deep as the page nests)."""
    for child in list(tag.contents):
        before = child.previous_sibling
        if type(child) is NavigableString and type(before) is NavigableString:  # not a comment
            child.replace_with(NavigableString(before + child))
            before.extract()


def _walk(root: Tag, blocks: list[Block]) -> None:
    """Depth first with a stack of its own: a page nested thousands deep must not exhaust Python's recursion."""
    stack = [iter(root.children)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name or ""
        if name in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            text = normalise(child.get_text(" "))
            if text:
                blocks.append(Block(text=text, page=1, kind=BlockKind.HEADING, marked_heading=True, level=int(name[1])))
        elif name == "table":
            rows = [[normalise(c.get_text(" ")) for c in tr.find_all(["th", "td"])] for tr in child.find_all("tr")]
            if len(rows) >= 2:
                blocks.append(table_block(rows, 1))
        elif name == "li" or (name in _TEXT and not child.find(["p", "div", "li", "table", "h1", "h2", "h3", "h4", "ul", "ol"])):
            text = normalise(child.get_text(" "))
            if text:
                kind = BlockKind.LIST_ITEM if name == "li" else BlockKind.PARAGRAPH
                strong = child.find(["strong", "b"])
                bold = strong is not None and normalise(strong.get_text(" ")) == text
                blocks.append(Block(text=text, page=1, kind=kind, bold=bold))
        else:
            stack.append(iter(child.children))
