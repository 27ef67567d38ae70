"""Tables: PyMuPDF `find_tables` behind a cheap per-page gate, and cell clean-up.

`find_tables` costs ~300 ms a page, so it only runs where the page's vector
graphics could form a grid (ruled lines or shaded cells). With its default
"lines" strategy it cannot find a table without such graphics, so the gate
loses nothing it would have found; `bench/tables_gate.py` measures that.
"""

from __future__ import annotations

import bisect
import re

from ingest import table_chars
from ingest.cleanup import normalise
from ingest.lean_imports import pymupdf
from ingest.models import Block, BlockKind, Table
from ingest.table_grid import aligned_rows

_THOUSANDS = re.compile(r"^[£$]?-?\d{1,3}(?: \d{3})+(?:\.\d+)?%?$")
_NUMERIC = re.compile(r"^[£$]?[-+]?\(?\d[\d,]*(?:\.\d+)?\)?\s*(%|m|k|bn)?[↑↓]?$")
_LONE_PUNCT = {",", ";"}
_PROSE_CELL = 60


def clean_cell(cell: str | None) -> str:
    """Join a cell's lines; "2 902\\n," (a comma drawn as its own glyph) becomes "2,902"."""
    if not cell:
        return ""
    parts = [p.strip() for p in cell.split("\n")]
    text = normalise(" ".join(p for p in parts if p and p not in _LONE_PUNCT))
    if _THOUSANDS.match(text):
        text = text.replace(" ", ",")
    return text


def is_numeric(cell: str) -> bool:
    return bool(_NUMERIC.match(cell.replace(" ", "")))


def table_from_rows(rows: list[list[str | None]], page: int, title: str = "") -> Table:
    """Clean cells, drop repeated header rows, join wrapped row labels, count header rows."""
    cleaned = [[clean_cell(c) for c in r] for r in rows]
    cleaned = [r for r in cleaned if any(r)]
    width = max((len(r) for r in cleaned), default=0)
    cleaned = [r + [""] * (width - len(r)) for r in cleaned]
    header_rows = _count_header_rows(cleaned)
    cleaned = _join_split_columns(cleaned, header_rows)
    header = cleaned[:header_rows]
    body: list[list[str]] = []
    for r in cleaned[header_rows:]:
        if r in header:
            continue  # header repeated after a page break
        col = _continued_column(r, body[-1]) if body else None
        if col is not None:
            body[-1][col] = f"{body[-1][col]} {r[col]}"
            continue
        body.append(r)
    return Table(page=page, rows=header + body, header_rows=header_rows, title=title)


def _join_split_columns(rows: list[list[str]], header_rows: int) -> list[list[str]]:
    """A column split in two by the grid: a column with no header whose cells never meet those of the headed column
    beside it is that column's. A treasury table printed "31.3.2026 budget" over a column the grid cut in two, its
    figures "185.7" and "180.8" left of the line and "366.5" right of it, and the first two took the year before's date."""
    # the header reaches down to the first row with a figure ("31.3.2026" over "budget" over "185.7")
    header_rows = max(header_rows, next((i for i, r in enumerate(rows) if any(map(is_numeric, r))), 0))
    if not header_rows or len(rows) <= header_rows:
        return rows
    cols = [list(c) for c in zip(*rows, strict=True)]
    j = 0
    while j < len(cols):
        into = [k for k in (j - 1, j + 1) if 0 <= k < len(cols) and _split_from(cols[j], cols[k], header_rows)]
        if len(into) == 1 and not any(cols[j][:header_rows]):
            k = into[0]
            cols[k] = [b or a for a, b in zip(cols[j], cols[k], strict=True)]
            del cols[j]
            j = max(0, j - 1)
            continue
        j += 1
    return [list(r) for r in zip(*cols, strict=True)] if cols else rows


def _split_from(part: list[str], whole: list[str], header_rows: int) -> bool:
    """`part` (unheaded) is the rest of `whole` (headed): both hold figures and nothing else below the header, and their
    cells never meet (a label column beside another, as in Ofsted's judgement tables, is not split)."""
    body, rest = [c for c in part[header_rows:] if c], [c for c in whole[header_rows:] if c]
    return any(whole[:header_rows]) and bool(body) and bool(rest) and all(map(is_numeric, body + rest)) and \
        not any(a and b for a, b in zip(part, whole, strict=True))


def table_block(rows: list[list[str | None]], page: int) -> Block:
    """A table as a block in reading order, for readers that find tables structurally."""
    return Block(text="", page=page, kind=BlockKind.TABLE, table=table_from_rows(rows, page))


def _count_header_rows(rows: list[list[str]]) -> int:
    """Leading rows with no numeric cell, while the body below has numbers."""
    if len(rows) < 2:
        return 0
    n = 0
    for r in rows[: min(3, len(rows) - 1)]:
        if any(is_numeric(c) for c in r[1:] if c):
            break
        if n and (sum(1 for c in r if c) < 2 or r[0]):
            break  # a group label ("General") or a body row of text
        n += 1
    return max(1, n)


def _continued_column(row: list[str], previous: list[str]) -> int | None:
    """A row holding one lower-case fragment continues the wrapped cell above it."""
    filled = [i for i, c in enumerate(row) if c]
    if len(filled) != 1:
        return None
    i = filled[0]
    return i if row[i][:1].islower() and previous[i] and not is_numeric(previous[i]) else None


def page_may_have_table(page: pymupdf.Page) -> bool:
    """Cheap test for grid-forming vector graphics: enough ruling lines or shaded cells, and then either ruling
    lines that cross like a grid (the smallest ruled 2x2 table has 3 x 3 crossings) or shaded cells. Rules under
    headings, boxes and chart axes cross too little; on the shared corpus they were 70% of `find_tables`' pages."""
    drawings = page.get_drawings()
    horizontal: list[tuple[float, float, float]] = []  # x0, x1, y
    vertical: list[tuple[float, float, float]] = []  # x, y0, y1
    filled = 0
    for path in drawings:
        for item in path["items"]:
            if item[0] == "l":
                p1, p2 = item[1], item[2]
                if abs(p1.y - p2.y) < 1.5 and abs(p1.x - p2.x) > 15:
                    horizontal.append((min(p1.x, p2.x), max(p1.x, p2.x), p1.y))
                elif abs(p1.x - p2.x) < 1.5 and abs(p1.y - p2.y) > 6:
                    vertical.append((p1.x, min(p1.y, p2.y), max(p1.y, p2.y)))
            elif item[0] == "re":
                r = item[1]
                if r.height < 2.5 and r.width > 15:
                    horizontal.append((r.x0, r.x1, r.y0))
                elif r.width < 2.5 and r.height > 6:
                    vertical.append((r.x0, r.y0, r.y1))
                elif r.width > 15 and r.height > 6 and path.get("fill") is not None:
                    filled += 1
    h, v = len(horizontal), len(vertical)
    if not ((h >= 3 and v >= 2) or filled >= 4 or h >= 4):
        return False
    if filled < 2 and not _grid_crossings(horizontal, vertical):
        return False
    _lend_drawings(page, drawings)
    return True


_CROSSINGS = 9
_TOUCH = 2.0
_MAX_PAIRS = 40_000


def _grid_crossings(horizontal: list[tuple[float, float, float]], vertical: list[tuple[float, float, float]]) -> bool:
    """At least 9 points where a horizontal and a vertical rule meet; a page with very many rules is passed as is."""
    if len(horizontal) * len(vertical) > _MAX_PAIRS:
        return True
    found = 0
    for x0, x1, y in horizontal:
        for x, y0, y1 in vertical:
            if x0 - _TOUCH <= x <= x1 + _TOUCH and y0 - _TOUCH <= y <= y1 + _TOUCH:
                found += 1
                if found >= _CROSSINGS:
                    return True
    return False


def _lend_drawings(page: pymupdf.Page, drawings: list[dict]) -> None:
    """Leave the drawings on the page for the `find_tables` that follows: PyMuPDF 2.0 reads a page's drawings once
    per call through this cache (and never alters the list), so it need not read them a second time. A rotated page
    is drawn again unrotated inside `find_tables`, so it gets none."""
    if table_chars.install() and page.rotation == 0:
        page._table_drawings_cache = [drawings]


def find_page_tables(page: pymupdf.Page, page_no: int) -> list[tuple[pymupdf.Rect, Table]]:
    """Tables on a page with their boxes, so the caller can drop the text they cover."""
    table_chars.install()
    found = []
    words = None
    try:
        with table_chars.geometry_only():  # cells and boxes are read below, never PyMuPDF's text of a table
            tables = page.find_tables(use_layout=False).tables
    finally:
        if getattr(page, "_table_drawings_cache", None) is not None:
            del page._table_drawings_cache  # the gate's drawings, lent for this call only
    for t in tables:
        if t.row_count < 2 or t.col_count < 2:
            continue
        words = words if words is not None else _PageWords(page.get_text("words"))
        boxes = [list(row.cells) for row in t.rows]
        rows = aligned_rows([[_cell_text(words, cell) for cell in row] for row in boxes], boxes)
        table = table_from_rows(rows, page_no)
        if not looks_like_prose(table):
            found.append((pymupdf.Rect(t.bbox), table))
    return found


def looks_like_prose(table: Table) -> bool:
    """A "table" that is prose in a ruled box or grid: too few rows for its long cells, or rows that are
    paragraphs (a sentence cell beside at most a paragraph number or bullet)."""
    if len(table.rows) < 2:
        return True
    longest = max(len(c) for r in table.rows for c in r)
    if len(table.rows) <= 2 and longest > _PROSE_CELL:
        return True
    rows = [[c for c in r if c] for r in table.rows]
    rows = [r for r in rows if r]
    paragraphs = sum(1 for r in rows if _paragraph_row(r))
    return paragraphs >= max(2, 0.6 * len(rows))


_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)]*$|[a-z]{2}[.!?] [A-Z]")
_MARKER = re.compile(r"\(?\d{1,3}(?:\.\d{1,2})*[.)]|\(\d{1,3}\)|\(?[a-z]{1,3}[.)]|[•▪◦●■◼\-–]")  # "12.", "(b)", "•"


def _paragraph_row(cells: list[str]) -> bool:
    """One cell of running text (a sentence, or a line of a paragraph), anything else beside it a marker."""
    prose = [c for c in cells if _running_text(c)]
    return len(prose) == 1 and all(c in prose or _MARKER.fullmatch(c) for c in cells)


def _running_text(cell: str) -> bool:
    words = cell.split()
    if len(words) < 8:
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return bool(_SENTENCE_END.search(cell)) or lower >= 0.5 * len(words)


class _PageWords:
    """A page's words (PyMuPDF's "words" tuples) with their centres ordered by height: a cell reads only the words
    of its own band of the page, not every word of it (a budget table's page: hundreds of cells, each once)."""

    def __init__(self, words: list[tuple]) -> None:
        self.words = words
        self.xs = [(w[0] + w[2]) / 2 for w in words]
        by_height = sorted(((w[1] + w[3]) / 2, i) for i, w in enumerate(words))
        self.ys = [y for y, _ in by_height]
        self.order = [i for _, i in by_height]

    def centred_in(self, x0: float, y0: float, x1: float, y1: float) -> list[tuple]:
        """The words whose centre lies in the box, in the page's order."""
        band = self.order[bisect.bisect_left(self.ys, y0):bisect.bisect_right(self.ys, y1)]
        return [self.words[i] for i in sorted(i for i in band if x0 <= self.xs[i] <= x1)]


def _cell_text(words: _PageWords, cell: tuple | None) -> str | None:
    """Words whose centre lies in the cell, one line per printed line (extract() can lose spaces)."""
    if cell is None:
        return None
    lines: dict[tuple[int, int], list[tuple]] = {}
    for w in words.centred_in(*cell):
        lines.setdefault((w[5], w[6]), []).append(w)
    ordered = sorted(lines.values(), key=lambda ws: (ws[0][1], ws[0][0]))
    return "\n".join(" ".join(w[4] for w in sorted(ws, key=lambda w: w[7])) for ws in ordered)
