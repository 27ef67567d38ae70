"""KPI cards ("Latest: 53.6% Target: 65%, Floor: 55% Previous: 54.3% (Red)"): the card prints its figures under a
title that names the measure, often with a RAG status line between them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from ingest.models import Table

_CARD = re.compile(r"\b(?:Latest|Target|Floor|Previous)\s*:")
_RAG = re.compile(r"^(?:red|amber|green|R|A|G|[\u2600-\u27bf\U0001F300-\U0001FAFF]+)(?:\s*\(\w+\))?$", re.I)


class _Line(Protocol):
    text: str
    section_path: tuple[str, ...]


def is_kpi_card(text: str) -> bool:
    return bool(_CARD.search(text))


def is_rag(cell: str) -> bool:
    return bool(_RAG.match(cell.strip()))


def card_title(card: _Line, before: Sequence[_Line]) -> str:
    """The line just above the card, past its status word; none when another card comes first (its title is spent)."""
    for line in reversed(before[-3:]):
        if line.section_path != card.section_path or is_kpi_card(line.text):
            return ""
        if not is_rag(line.text):
            return line.text
    return ""


def table_card_title(table: Table) -> str:
    """ "Number of foster households | RED" above "Latest: 613 | Target: 700": a card the table detector read as a table
    has its title in the table head; the measure, not its status."""
    cells = [c for r in table.rows[: table.header_rows] for c in r if c]
    return " ".join(c for c in cells if not is_rag(c))
