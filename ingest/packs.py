"""Agenda packs → their constituent documents.

A pack concatenates an agenda, earlier minutes, reports and appendices.
Parts are cut where a new document visibly starts: a blank separator page,
a minutes header, a report cover block ("Date of Meeting" + "Report Title",
"From/To/Subject"), an Ofsted report title, "Agenda Item N", or an appendix
title at the top of a page. A cut takes with it the short masthead lines
printed just above the start signal.
"""

from __future__ import annotations

import itertools
import re

from ingest.cleanup import is_blank_page_marker
from ingest.models import Block, BlockKind

MIN_PART_CHARS = 300
_MINUTES = re.compile(r"^minutes\s*of (a|the) meeting (of|held (in|at))\b", re.I)
_REPORT_TO = re.compile(r"^[A-Z ]*REPORT TO\s*:", re.I)
_INSPECTION = re.compile(r"^inspection of (local authority )?children'?s (social care )?services\b", re.I)
_AGENDA_ITEM = re.compile(r"^agenda item\s+\d+[a-z]?\s*$", re.I)
_APPENDIX = re.compile(r"^appendix\s+[A-Z0-9]{1,3}\b", re.I)
_COVER_KEYS = re.compile(r"^(date of meeting|report title|subject|to|from|by|report of|report to)\s*:", re.I)


def _starts_document(blocks: list[Block], i: int) -> bool:
    text = blocks[i].text.strip()
    window = [b.text.strip() for b in blocks[i : i + 6]]
    if _MINUTES.match(text) or _REPORT_TO.match(text) or _INSPECTION.match(text) or _AGENDA_ITEM.match(text):
        return True
    if re.match(r"^date of meeting\s*:", text, re.I):
        return any(re.match(r"^report title\s*:", w, re.I) for w in window)
    if re.match(r"^(from|by)\s*:", text, re.I):
        keys = {m.group(1).lower() for w in window if (m := _COVER_KEYS.match(w))}
        return "to" in keys and ("subject" in keys or "report title" in keys)
    return bool(blocks[i].top_of_page and _APPENDIX.match(text) and len(text) < 90)


def _masthead_start(blocks: list[Block], i: int, floor: int) -> int:
    """Move a cut up over short title lines printed above the start signal."""
    j = i
    while j - 1 >= floor and i - j < 3:
        prev = blocks[j - 1]
        if prev.kind is BlockKind.TABLE or len(prev.text.split()) > 8 or prev.text.rstrip().endswith((".", ":")):
            break
        if is_blank_page_marker(prev.text):
            break
        if blocks[i].page != prev.page and not prev.top_of_page:
            break
        j -= 1
        if prev.top_of_page:
            break
    return j


def split_pack(blocks: list[Block]) -> list[tuple[int, int]]:
    """Half-open block ranges, one per document; a single range when nothing says otherwise."""
    cuts = {0}
    floor = 0
    signal = ""  # what started the last part
    for i, block in enumerate(blocks):
        if block.kind is not BlockKind.TABLE and is_blank_page_marker(block.text):
            cuts.add(i)
            cuts.add(i + 1)
            floor, signal = i + 1, ""
        elif i > 0 and block.kind is not BlockKind.TABLE and _starts_document(blocks, i):
            if _APPENDIX.match(block.text.strip()) and _same(block.text, signal):
                continue  # "APPENDIX F: 2025-28 BUDGET - SAVINGS" atop each of its pages: one appendix, not eight
            cuts.add(_masthead_start(blocks, i, floor))
            signal = block.text
    bounds = [*sorted(c for c in cuts if c < len(blocks)), len(blocks)]
    ranges = [(a, b) for a, b in itertools.pairwise(bounds) if _has_content(blocks[a:b])]
    return _merge_small(blocks, ranges)


def _same(text: str, other: str) -> bool:
    return " ".join(text.lower().split()) == " ".join(other.lower().split())


def _has_content(blocks: list[Block]) -> bool:
    return any(b.kind is BlockKind.TABLE or not is_blank_page_marker(b.text) for b in blocks)


def _size(blocks: list[Block]) -> int:
    return sum(len(b.text) + (500 if b.kind is BlockKind.TABLE else 0) for b in blocks)


def _merge_small(blocks: list[Block], ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A fragment too small to be a document joins the part after it (or before, at the end)."""
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for a, b in ranges:
        start = pending if pending is not None else a
        pending = None
        if _size(blocks[start:b]) < MIN_PART_CHARS:
            pending = start
            continue
        merged.append((start, b))
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], len(blocks))
        else:
            merged.append((pending, len(blocks)))
    return merged or [(0, len(blocks))]
