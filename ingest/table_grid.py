"""Merged cells of a ruled table, read back onto the grid of its figures.

PyMuPDF's `find_tables` puts a merged cell's text in the first grid column (or row) it covers and nothing in the
others. When a header is drawn over other rules than the figures under it ("2003/04" over "number | %", its left
edge a few points right of the figures' cells), that first column holds no figure, and every figure loses its
header: read by the paper's date, or by the year of the column beside it. And a row label merged down two rows
("Foster placement" beside "inside" and "outside local authority") names only the first of them. Here each header
cell moves to the first figure column it mostly covers, and a row label merged down is repeated on each row, so a
cell is read by its own column and its whole row label.
"""

from __future__ import annotations

import re

from ingest.cleanup import normalise

Box = tuple[float, float, float, float]
_NUMERIC = re.compile(r"^[£$]?[-+]?\(?\d[\d,. ]*\)?\s*(%|m|k|bn)?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_LABEL = re.compile(r"[A-Za-z]{3}")  # words, not a block of figures read as one tall cell


def aligned_rows(texts: list[list[str | None]], boxes: list[list[Box | None]]) -> list[list[str | None]]:
    """The table's cell texts with merged header cells over their figures and merged row labels repeated."""
    out = [list(r) for r in texts]
    first = next((i for i, r in enumerate(out) if _has_figure(r)), None)
    if first is None:
        return out
    _fill_down(out, boxes, first)
    if not first:
        return out  # no header above the figures
    figures: dict[int, tuple[float, float]] = {}  # a figure column: the x-span of its cells
    body: set[int] = set()  # the columns the body prints anything in
    for i in range(first, len(out)):
        for j, box in enumerate(boxes[i]):
            if box is not None and out[i][j]:
                body.add(j)
                if _numeric(out[i][j]) and j not in figures:
                    figures[j] = (box[0], box[2])
    for i in range(first):
        for j, box in enumerate(boxes[i]):
            if box is None or not out[i][j] or j in body:
                continue  # a header over a column of the body stays (a title across the table, a label's header)
            target = next((k for k in sorted(figures) if _mostly_covered(figures[k], box)), None)
            if target is not None and not out[i][target]:
                out[i][target], out[i][j] = out[i][j], ""
    return out


def _fill_down(rows: list[list[str | None]], boxes: list[list[Box | None]], first: int) -> None:
    """A label merged down several rows of figures is each row's: its box reaches below the row it was read in (a
    header merged down the header rows stays where it is: ingest counts header rows by their empty label cell)."""
    for i in range(first + 1, len(rows)):
        mid = _row_middle(boxes[i])
        if mid is None or not _has_figure(rows[i]):
            continue  # only a row of figures takes the label (not the slivers a tall cell of prose is cut into)
        for j in range(len(rows[i])):
            if boxes[i][j] is not None or rows[i][j]:
                continue
            k = next((k for k in range(i - 1, first - 1, -1) if j < len(boxes[k]) and boxes[k][j] is not None), None)
            if k is None:
                continue
            above, text = boxes[k][j], rows[k][j]
            if above is not None and text and above[3] > mid and _LABEL.search(text) and not _numeric(text):
                rows[i][j] = text


def _row_middle(boxes: list[Box | None]) -> float | None:
    ys = [(b[1] + b[3]) / 2 for b in boxes if b is not None]
    return min(ys) if ys else None


def _mostly_covered(column: tuple[float, float], box: Box) -> bool:
    """Most of the figure column's width lies under the header cell."""
    overlap = min(column[1], box[2]) - max(column[0], box[0])
    return overlap > 0.5 * (column[1] - column[0])


def _has_figure(row: list[str | None]) -> bool:
    """A row of figures, not a header of years ("2004 | 2007")."""
    return any(_numeric(c) and not _YEAR.match(normalise(c).strip()) for c in row[1:] if c)


def _numeric(text: str) -> bool:
    return bool(_NUMERIC.match(" ".join(text.split())))
