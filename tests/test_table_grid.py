"""Merged cells of a ruled table read back onto its figures' grid (ingest/table_grid.py), on a PDF drawn here."""

from __future__ import annotations

from pathlib import Path

from ingest.lean_imports import pymupdf
from ingest.tables import find_page_tables

_FIGURES = ((280, 350), (350, 410), (410, 480), (480, 540))  # number | % | number | %


def _cell(page: pymupdf.Page, box: tuple[float, float, float, float], text: str = "") -> None:
    page.draw_rect(pymupdf.Rect(*box), color=(0, 0, 0), width=0.5)
    if text:
        page.insert_textbox(pymupdf.Rect(box[0] + 2, box[1] + 3, box[2] - 2, box[3]), text, fontsize=8)


def _placements_pdf(path: Path) -> Path:
    """Years over "number | %", drawn over rules 6pt right of the figures' rules, and a row label merged down two
    rows ("Foster placement" beside "inside" and "outside local authority"), as a needs assessment prints them."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    _cell(page, (60, 100, 280, 140), "Placement")
    for x, year in ((286, "2003/04"), (416, "2006/07")):
        _cell(page, (x, 100, x + 124, 120), year)
        _cell(page, (x, 120, x + 70, 140), "number")
        _cell(page, (x + 70, 120, x + 124, 140), "%")
    _cell(page, (60, 140, 170, 180), "Foster placement")
    rows = [("inside local authority", "414", "(59)", "478", "(65)"), ("outside local authority", "66", "(9)", "58", "(8)")]
    for y, (place, *figures) in zip((140, 160), rows, strict=True):
        _cell(page, (170, y, 280, y + 20), place)
        for (x0, x1), text in zip(_FIGURES, figures, strict=True):
            _cell(page, (x0, y, x1, y + 20), text)
    _cell(page, (60, 180, 280, 200), "Placed with own parents")
    for (x0, x1), text in zip(_FIGURES, ("50", "(7)", "35", "(5)"), strict=True):
        _cell(page, (x0, 180, x1, 200), text)
    doc.save(path)
    return path


def _columns_of(rows: list[list[str]], header: str) -> list[str]:
    """The cells under the header cell `header`."""
    at = next(r.index(header) for r in rows if header in r)
    return [r[at] for r in rows]


def test_a_header_drawn_over_other_rules_heads_the_figures_it_covers(tmp_path: Path) -> None:
    page = pymupdf.open(_placements_pdf(tmp_path / "placements.pdf"))[0]
    [(_, table)] = find_page_tables(page, 1)
    assert table.header_rows == 2
    assert _columns_of(table.rows, "2003/04") == ["2003/04", "number", "414", "66", "50"]
    assert _columns_of(table.rows, "2006/07") == ["2006/07", "number", "478", "58", "35"]
    shares = next(r for r in table.rows if "(9)" in r).index("(9)")
    assert table.rows[1][shares] == "%"


def test_a_row_label_merged_down_two_rows_names_both(tmp_path: Path) -> None:
    page = pymupdf.open(_placements_pdf(tmp_path / "placements.pdf"))[0]
    [(_, table)] = find_page_tables(page, 1)
    labels = [" ".join(c for c in r[:2] if c) for r in table.rows[table.header_rows:]]
    assert labels == ["Foster placement inside local authority", "Foster placement outside local authority",
                      "Placed with own parents"]
