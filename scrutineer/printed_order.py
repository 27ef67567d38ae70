"""A document's statements where a reader meets them, a sentence printed twice at both places.

A sentence printed twice in one document is stored once, at its first place, with its later places in `also_at`
(ingest/repeats.py): search gives it once, and metrics count it once. A reader going through the paper in `show` or
on its web page still expects it where the paper prints it: an impact assessment that repeats its mitigating actions
under each protected characteristic showed only the actions printed nowhere before, and "This will be reviewed at 6
months post transfer." without the sentence it speaks of. The views list each later place as well, marked as a
repeat of the first.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from store.queries import StatementRow


class Printed(NamedTuple):
    page: int
    section_path: list[str]
    text: str
    first_page: int | None = None  # where the statement was printed first, when this is a repeat


def printed_order(statements: list[StatementRow]) -> list[Printed]:
    """Every statement in reading order, each later place a statement is printed again inserted after the last
    statement printed before it."""
    keys = [(s.page, s.char_start) for s in statements]  # in page order, as stored (every paper of the shared corpus)
    after: dict[int, list[tuple[tuple[int, int], Printed]]] = {}
    for s in statements:
        for p in s.also_at:
            key = (p.page, p.char_start)
            after.setdefault(bisect.bisect_right(keys, key) - 1, []).append(
                (key, Printed(p.page, p.section_path, s.text, s.page)))
    out = [printed for _, printed in sorted(after.get(-1, []), key=lambda pair: pair[0])]
    for i, s in enumerate(statements):
        out.append(Printed(s.page, s.section_path, s.text))
        out += [printed for _, printed in sorted(after.get(i, []), key=lambda pair: pair[0])]
    return out
