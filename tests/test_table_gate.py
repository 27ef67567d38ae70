"""The per-page gate in front of `find_tables`: grids and shaded cells pass, rules that form no grid do not."""

from __future__ import annotations

import pymupdf

from ingest.tables import find_page_tables, page_may_have_table


def _page(draw) -> pymupdf.Page:
    doc = pymupdf.open()
    page = doc.new_page()
    draw(page)
    return pymupdf.open("pdf", doc.tobytes())[0]


def _ruled_grid(page: pymupdf.Page, rows: list[tuple[str, ...]]) -> None:
    """A table drawn as separate ruling lines, as most council papers' exporters draw them."""
    x0, y0, w, h = 72, 100, 140, 22
    cols = len(rows[0])
    for r in range(len(rows) + 1):
        page.draw_line((x0, y0 + r * h), (x0 + cols * w, y0 + r * h))
    for c in range(cols + 1):
        page.draw_line((x0 + c * w, y0), (x0 + c * w, y0 + len(rows) * h))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            page.insert_text((x0 + c * w + 4, y0 + r * h + 15), cell, fontsize=10)


def test_smallest_ruled_table_passes_and_is_found() -> None:
    page = _page(lambda p: _ruled_grid(p, [("Placement", "2024/25"), ("Foster care", "1,187")]))
    assert page_may_have_table(page)
    assert find_page_tables(page, 1)[0][1].rows == [["Placement", "2024/25"], ["Foster care", "1,187"]]


def test_shaded_cells_pass() -> None:
    def draw(page: pymupdf.Page) -> None:
        for r in range(4):
            page.draw_rect(pymupdf.Rect(72, 100 + 22 * r, 400, 120 + 22 * r), color=None, fill=(0.9, 0.9, 0.9))

    assert page_may_have_table(_page(draw))


def test_heading_rules_and_a_side_bar_do_not_pass() -> None:
    def draw(page: pymupdf.Page) -> None:
        for y in (90, 250, 410, 570, 730):  # a rule under each heading
            page.draw_line((72, y), (520, y))
            page.insert_text((72, y - 6), "Leadership and management", fontsize=12)
        page.draw_line((40, 100), (40, 240))  # a bar beside a quotation, crossing no rule
        page.draw_line((40, 420), (40, 560))

    assert not page_may_have_table(_page(draw))
