"""Plain-text and markdown input: paragraphs, list items, TAB-separated tables.

Committee papers often arrive as text already extracted from PDF, with markdown
residue (`**bold**`, `<u>`) that is noise in the text but good heading evidence.
"""

from __future__ import annotations

import re

from ingest.cleanup import (
    broken_sentence,
    continues,
    dangles,
    is_blank_page_marker,
    join_broken,
    join_lines,
    normalise,
    open_ended,
    strip_markup,
)
from ingest.hyphenation import settle_blocks
from ingest.models import Block, BlockKind
from ingest.tables import table_block

_BULLET = re.compile(r"^\s*(?:[-*•▪◦·]|o(?=\s))\s+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[a-z]\)|\([a-z0-9]+\))\s+\S")
# A PDF's page footer left on a line of its own in text extracted from it, often mid-sentence ("... working with
# adults in their own right to" / "Contact: Sonya Miller 01743254264 Page 12" / "understand their own lived ..."):
# dropped, so the sentence around it joins up.
_PAGE_FOOTER = re.compile(r"^.{0,80}?\bPage\s+\d{1,3}(?:\s+of\s+\d{1,3})?$", re.I)


def read_text(text: str) -> list[Block]:
    """Turn text into blocks; a form feed starts a new page."""
    blocks: list[Block] = []
    for page_no, page in enumerate(text.split("\f"), start=1):
        blocks.extend(_page_blocks(page.splitlines(), page_no))
    blocks = _rejoin(blocks)
    settle_blocks(blocks)
    return blocks


_PROSE = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)


def _rejoin(blocks: list[Block]) -> list[Block]:
    """Text extracted upstream often breaks a sentence with a blank line ("The funding will assist us to" /
    "- recruit and retain more foster carers"): join the halves so the statement reads whole. A list item
    joins only what was left open ("... to"), since items of a list often lack full stops."""
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if last is not None and last.kind in _PROSE and block.kind in _PROSE and not last.marked_heading \
                and not block.marked_heading and _carried_on(last, block):
            last.text = join_broken(last.text, block.text)
            continue
        out.append(block)
    return out


def _carried_on(last: Block, block: Block) -> bool:
    """A line cut short ("... homes in" / "Cheshire East with the first home opening ...") carries on in a paragraph,
    and in a new list item only when left open."""
    if block.kind is BlockKind.PARAGRAPH and dangles(last.text, block.text):
        return True
    return broken_sentence(last.text, block.text) and (block.kind is BlockKind.PARAGRAPH or open_ended(last.text))


def _page_blocks(lines: list[str], page: int) -> list[Block]:
    blocks: list[Block] = []
    para: list[str] = []
    marked = False
    table_rows: list[list[str]] = []

    def flush_para() -> None:
        nonlocal para, marked
        if para and not (len(para) == 1 and _PAGE_FOOTER.match(para[0])):
            blocks.append(_paragraph(join_lines(para), page, marked))
        para, marked = [], False

    def flush_table() -> None:
        nonlocal table_rows
        if table_rows:
            blocks.extend(_table_or_pairs(table_rows, page))
        table_rows = []

    for raw in lines:
        if "\t" in raw and _is_table_line(raw):
            flush_para()
            table_rows.append([normalise(strip_markup(c)[0]) for c in raw.rstrip("\n").split("\t")])
            continue
        flush_table()
        line, line_marked = strip_markup(raw.replace("\t", " "))
        line = line.strip()
        if not line or is_blank_page_marker(line):
            flush_para()
            if line:
                blocks.append(Block(text=line, page=page, kind=BlockKind.PARAGRAPH))
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            flush_para()
            blocks.append(
                Block(text=normalise(heading.group(2)), page=page, kind=BlockKind.HEADING,
                      marked_heading=True, level=len(heading.group(1)))
            )
            continue
        bullet = _BULLET.match(line)
        if bullet or _NUMBERED.match(line) or line_marked or not para or not continues(para[-1], line):
            flush_para()
            if bullet:
                blocks.append(Block(text=normalise(line[bullet.end():]), page=page, kind=BlockKind.LIST_ITEM))
                continue
        para.append(line)
        marked = marked or line_marked
    flush_para()
    flush_table()
    return blocks


def _paragraph(text: str, page: int, marked: bool) -> Block:
    return Block(text=text, page=page, marked_heading=marked)


def _is_table_line(line: str) -> bool:
    cells = [c.strip() for c in line.split("\t")]
    return sum(1 for c in cells if c) >= 2 or (line.startswith("\t") and any(cells)) or line.count("\t") >= 3


def _table_or_pairs(rows: list[list[str]], page: int) -> list[Block]:
    """Key/value lines ("Date of Meeting:<TAB>3 December 2024") are prose, not tables."""
    filled = [[c for c in r if c] for r in rows]
    if all(len(r) == 2 and r[0].endswith(":") for r in filled):
        return [Block(text=f"{r[0]} {r[1]}", page=page) for r in filled]
    return [table_block(rows, page)]
