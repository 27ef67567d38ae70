"""Where a figure's own words begin and end in its sentence: the clause its measure, basis and period are read from."""

from __future__ import annotations

import re

from nlp.value_periods import CLAUSE_MARK, TRAILING_END

_SEPARATOR = re.compile(CLAUSE_MARK)
LOOKBACK = 70  # characters before a figure that can name it, when no clause mark comes nearer


def clause_start(text: str, floor: int, start: int) -> int:
    seps = [m.end() for m in _SEPARATOR.finditer(text, floor, start)]
    return max([floor, start - LOOKBACK, *seps])


def word_start(text: str, lo: int, floor: int) -> int:
    """`lo`, moved back to the start of the word it falls in ("...tial" → "initial")."""
    while lo > floor and text[lo - 1].isalnum() and text[lo].isalnum():
        lo -= 1
    return lo


def whole_words(text: str, lo: int, hi: int) -> tuple[int, int]:
    """`lo` and `hi` moved out to the spaces around the printed words they fall in ("55|%" → "55%")."""
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return lo, hi


def clause_end(text: str, end: int, ceiling: int) -> int:
    m = TRAILING_END.search(text, end, ceiling)
    return m.start() if m else ceiling
