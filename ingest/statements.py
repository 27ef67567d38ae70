"""Statements: the citable unit search returns (a sentence, list item or table row).

Sentences shorter than a clause are merged with the next one and very long
ones split at clause boundaries, so every statement reads on its own and
stays within MAX_CHARS.
"""

from __future__ import annotations

import re

from ingest.cleanup import DANGLING
from ingest.models import Block, BlockKind, Statement, StatementKind, Table

MAX_CHARS = 800
MIN_CHARS = 25
_BULLET_START = re.compile(r"[•▪●◦]\s")
_ABBREVIATIONS = {
    "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "cllr", "no", "nos", "st", "vs", "approx", "fig", "para",
    "ref", "inc", "ltd", "co", "cf", "al", "min", "max", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "prof", "rev", "hon", "est", "dept",
}
# a footnote's mark may sit on the full stop: "4947 (68%) were actually seen.74 Early work is in progress"
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?:(?<=[a-z]\.)\d{1,3})?\s+(?=[A-Z0-9\"'“‘(£•])")
# "25. Children's ...", "11.When ...", "8. S47 enquiries ...", "7.9 The NEET ...": the paragraph's number, printed before its text
_PARAGRAPH_NUMBER = re.compile(
    r"^(?:(\d{1,3})\.(?!\d)\s*(?=[A-Z][A-Za-z’'\s]|[A-Z]\d|[‘'\"“(])|(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=[A-Z][a-z’']|[AI]\s|[A-Z]\d|[‘'\"“(]))"
)


def paragraph_number(text: str) -> tuple[str, int]:
    """The paragraph number a text starts with and where the text after it starts ("", 0 when none)."""
    m = _PARAGRAPH_NUMBER.match(text)
    return ((m.group(1) or m.group(2)), m.end()) if m else ("", 0)


def table_row_texts(table: Table) -> list[str]:
    return [" | ".join(c for c in row if c) for row in table.rows]


def block_text(block: Block) -> str:
    """What a block contributes to its page text (tables as one line a row)."""
    if block.kind is BlockKind.TABLE and block.table is not None:
        return "\n".join(table_row_texts(block.table))
    return block.text


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences in `text`."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start() + len(m.group(0).rstrip())
        word = re.search(r"(\S+)$", text[start : m.start()])
        token = word.group(1).lower() if word else ""
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in spans) if e > s]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _merge_short(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """A fragment under MIN_CHARS joins the sentence before it ("...dropped to 116. (126 in Q1)."), else the next; not
    a bullet's item, which begins a statement of its own ("... asylum-seeking children. • In the last 12 months:")."""
    merged: list[tuple[int, int]] = []
    carry: tuple[int, int] | None = None
    for s, e in spans:
        if carry is not None:
            s = carry[0]
            carry = None
        if e - s < MIN_CHARS and not (merged and _BULLET_START.match(text, s)):
            if merged and e - merged[-1][0] <= MAX_CHARS:
                merged[-1] = (merged[-1][0], e)
            else:
                carry = (s, e)
            continue
        merged.append((s, e))
    if carry is not None:
        merged.append(carry)
    return merged


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    while end - start > MAX_CHARS:
        window = text[start : start + MAX_CHARS]
        cut = max(window.rfind("; "), window.rfind(", "), window.rfind(" "))
        cut = cut + 1 if cut > MAX_CHARS // 3 else MAX_CHARS
        out.append(_trim(text, start, start + cut))
        start += cut
    out.append(_trim(text, start, end))
    return [(s, e) for s, e in out if e > s]


def _spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sentence spans of text[start:], short ones merged, long ones split, as offsets into `text`."""
    part = text[start:]
    return [(start + s, start + e) for s0, e0 in _merge_short(split_sentences(part), part)
            for s, e in _split_long(part, s0, e0)]


def block_statements(block: Block, path: list[str]) -> list[Statement]:
    """Statements of one block, with offsets into its page text; a paragraph's number goes to `number`."""
    text = block_text(block)
    if block.kind is BlockKind.TABLE and block.table is not None:
        rows = table_row_texts(block.table)
        out, offset = [], 0
        for i, row in enumerate(rows):
            if i >= block.table.header_rows and row:
                number, start = paragraph_number(row)
                spans = [(start, len(row))] if len(row) - start <= MAX_CHARS else _spans(row, start)  # a boxed summary
                out += [_statement(row[s:e], block, path, offset + s, StatementKind.TABLE_ROW, number) for s, e in spans]
            offset += len(row) + 1
        return out
    kind = StatementKind.LIST_ITEM if block.kind is BlockKind.LIST_ITEM else StatementKind.SENTENCE
    return [_statement(text[s:e], block, path, s, kind, number)
            for start, end, number in _numbered_items(text) for s, e in _spans(text[:end], start)]


def _numbered_items(text: str) -> list[tuple[int, int, str]]:
    """(start, end, number) of each numbered item a block runs together: a layout read out of its columns gives "39.
    Improve the quality of bail addresses ... courts 40. Provide training ...", where "40." numbers the next item and
    is no figure of the one before. Only the next number in turn cuts (after "39.", "40."), and not after a word that
    wants a figure ("rose to 13."); a block with no number is one item."""
    number, start = paragraph_number(text)
    items: list[tuple[int, int, str]] = []
    while number.isdigit():
        after = re.compile(rf"(?<=[a-z,;)])\s+({int(number) + 1})\.\s+(?=[A-Z][a-z])")
        cut = after.search(text, start)
        if cut is None or DANGLING.search(text, max(start, cut.start() - 12), cut.start()):
            break  # "rose to 13. This is high.": a figure after a word that wants one
        items.append((start, cut.start(), number))
        number, start = cut.group(1), cut.end()
    return [*items, (start, len(text), number)]


def _statement(text: str, block: Block, path: list[str], offset: int, kind: StatementKind, number: str = "") -> Statement:
    crosses = block.page_break is not None and offset + len(text) > block.page_break
    return Statement(
        text=text, page=block.page, section_path=path, char_start=block.start + offset,
        char_end=block.start + offset + len(text), kind=kind, number=number,
        page_end=block.page_end if crosses else None,
    )
