"""What of a statement is embedded: its words with its section heading; not the figures of a table row.

A vector carries meaning, not numbers: "Integrated Children's Services | 18 | 18 | 19 | 19" is embedded as the
row's label under its heading, and a statement left with fewer than two words ("No", "(Item 7)", "2 | 2 | 1 | 3",
"-0.145 -5.912") is not embedded at all. Every statement stays in SQLite and its FTS5 index, so keyword search
still finds each figure and fragment; the vector index holds fewer, shorter texts (seeds + kent + kent-council:
see docs/benchmarks.md).
"""

from __future__ import annotations

import re

from ingest.models import StatementKind

CELL = " | "  # how ingest joins a table row's cells into one statement
_WORD = re.compile(r"[^\W\d_]{2,}")  # two or more letters in a row, any alphabet: "KS2", "No", "Café"
MIN_WORDS = 2


def embedding_text(text: str, kind: str, heading: str) -> str | None:
    """The text whose vector stands for the statement in the index, or None when it has too few words to embed."""
    if kind == StatementKind.TABLE_ROW:
        text = CELL.join(cell for cell in text.split(CELL) if _WORD.search(cell))
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    return f"{heading}: {text}" if heading else text
