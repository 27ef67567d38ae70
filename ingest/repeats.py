"""A sentence printed twice in one document is one statement that records its other places.

Older inspection reports print their summary's findings again in the body: stored twice, the same sentence takes two
places in search results and is counted twice by anything that counts statements. The statement keeps its first place
(where a reader meets it first) and lists the later ones in `also_at`.
"""

from __future__ import annotations

from ingest.models import Place, Statement, StatementKind

# Shorter sentences ("The local authority was judged to be good.", a list item "quality of work") say different things in
# different places: only a sentence long enough to stand on its own is the same statement wherever it is printed.
MIN_REPEAT_CHARS = 60


def fold_repeats(statements: list[Statement]) -> list[Statement]:
    """The statements in reading order with each repeat of an earlier sentence folded into it (table rows are never
    folded: a row's cells mean what its table's headers say)."""
    first: dict[str, Statement] = {}
    out: list[Statement] = []
    for statement in statements:
        if statement.kind is StatementKind.TABLE_ROW or len(statement.text) < MIN_REPEAT_CHARS:
            out.append(statement)
            continue
        earlier = first.get(statement.text)  # the same words as printed: a template's sentence repeats exactly
        if earlier is None:
            first[statement.text] = statement
            out.append(statement)
            continue
        earlier.also_at.append(Place(page=statement.page, section_path=statement.section_path,
                                     char_start=statement.char_start, char_end=statement.char_end,
                                     number=statement.number, page_end=statement.page_end))
    return out
