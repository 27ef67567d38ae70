"""The fast character list for find_tables holds PyMuPDF's own characters, so the tables found do not change."""

from __future__ import annotations

import pymupdf
import pytest
from pymupdf import table as pymupdf_table

from ingest import table_chars
from ingest.tables import find_page_tables


def _ruled_table_pdf(rotation: int = 0, mediabox_shift: float = 0.0) -> pymupdf.Document:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 60), "Table 3: Children in care by placement type, £000s", fontsize=12, fontname="hebo")
    rows = [("Placement", "2023/24", "2024/25"), ("Foster care", "1,204", "1,187"), ("Residential", "96", "104"),
            ("Semi-independent", "57", "61")]
    for r, row in enumerate(rows):
        y = 80 + 24 * r
        for c, cell in enumerate(row):
            x = 72 + 150 * c
            page.draw_rect(pymupdf.Rect(x, y, x + 150, y + 24))
            page.insert_text((x + 4, y + 16), cell, fontsize=10, fontname="hebo" if r == 0 else "helv")
    page.insert_text((72, 220), "The number of children in residential care rose over the year.", fontsize=11)
    page.insert_text((300, 400), "Rotated note", fontsize=9, rotate=90)
    if mediabox_shift:
        page.set_mediabox(pymupdf.Rect(mediabox_shift, mediabox_shift, 595, 842))
    if rotation:
        page.set_rotation(rotation)
    return pymupdf.open("pdf", doc.tobytes())


def _chars(make, page: pymupdf.Page) -> list[dict]:
    pymupdf_table._CHARS_VAR.set([])
    old = pymupdf.TOOLS.set_small_glyph_heights()
    pymupdf.TOOLS.set_small_glyph_heights(True)  # as find_tables sets it
    try:
        make(page)
    finally:
        pymupdf.TOOLS.set_small_glyph_heights(old)
    return list(pymupdf_table.CHARS)


@pytest.mark.skipif(pymupdf.__version__ != table_chars._PATCHED_VERSION, reason="mirrors PyMuPDF 2.0 only")
@pytest.mark.parametrize(("rotation", "shift"), [(0, 0.0), (90, 0.0), (0, 20.0)])
def test_fast_make_chars_gives_pymupdf_own_list(rotation, shift):
    page = _ruled_table_pdf(rotation, shift)[0]
    if page.rotation:
        page = pymupdf_table.page_rotation_set0(page)[0]  # find_tables reads a rotated page upright
    own = _chars(table_chars._original, page)
    fast = _chars(table_chars.make_chars, page)
    assert len(own) > 100

    def printed(chars: list[dict]) -> list[str]:
        return sorted(repr(c) for c in chars if c["text"].strip())  # repr also tells -0.0 from 0.0

    assert printed(fast) == printed(own)


def test_tables_found_with_the_fast_list_are_the_same():
    page = _ruled_table_pdf()[0]

    def found() -> list:
        return [(tuple(t.bbox), t.extract()) for t in page.find_tables(use_layout=False).tables]

    pymupdf_table.make_chars = table_chars._original
    try:
        own = found()
    finally:
        table_chars.install()
    assert found() == own
    assert find_page_tables(page, 1)[0][1].rows[1] == ["Foster care", "1,204", "1,187"]


@pytest.mark.skipif(pymupdf.__version__ != table_chars._PATCHED_VERSION, reason="mirrors PyMuPDF 2.0 only")
@pytest.mark.parametrize(("rotation", "shift"), [(0, 0.0), (90, 0.0), (0, 20.0)])
def test_geometry_chars_hold_pymupdf_own_boxes(rotation, shift):
    page = _ruled_table_pdf(rotation, shift)[0]
    if page.rotation:
        page = pymupdf_table.page_rotation_set0(page)[0]
    keys = ("x0", "x1", "top", "bottom", "y0", "y1", "text")

    def boxes(chars: list[dict]) -> list[str]:
        return sorted(repr(tuple(c[k] for k in keys)) for c in chars if c["text"].strip())

    own = _chars(table_chars._original, page)
    assert len(own) > 100
    assert boxes(_chars(table_chars.geometry_chars, page)) == boxes(own)


def test_geometry_only_finds_the_same_tables():
    page = _ruled_table_pdf()[0]
    with table_chars.geometry_only():
        lean = find_page_tables(page, 1)
    assert pymupdf_table.make_chars is not table_chars.geometry_chars  # put back
    full = find_page_tables(page, 1)
    assert [(tuple(r), t.rows) for r, t in lean] == [(tuple(r), t.rows) for r, t in full]
    assert lean and lean[0][1].rows[1] == ["Foster care", "1,204", "1,187"]
