"""What of a statement is embedded: its words with its section heading and the end of the sentence before it; not the
figures of a table row.

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
# A statement is embedded with the last characters of the prose statement before it in its section, after its own
# words (so the model's 128-token window cuts the context, never the statement): "Escalation of any missed
# appointments will be escalated to Senior Local Authority Managers." is about health assessments only by what precedes
# it. 30 probe sets, recall@30 0.767 -> 0.787 (up on 28, down on 1); context for short statements only gained less
# (docs/search.md, session 46).
CONTEXT_CHARS = 200


def embedding_text(text: str, kind: str, heading: str, before: str = "") -> str | None:
    """The text whose vector stands for the statement in the index, or None when it has too few words to embed.
    `before`: the prose statement before it in its section, if any."""
    if kind == StatementKind.TABLE_ROW:
        text = CELL.join(cell for cell in text.split(CELL) if _WORD.search(cell))
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    text = f"{heading}: {text}" if heading else text
    if before and kind != StatementKind.TABLE_ROW:
        text = f"{text} {before[-CONTEXT_CHARS:]}"
    return text
