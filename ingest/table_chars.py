"""A faster `make_chars` for PyMuPDF's `find_tables`: the same characters, read more cheaply.

`find_tables` first lists every character of the page as a dict. PyMuPDF 2.0 reads them from a text page that
collects underline and strikeout styles (a pass over the page's vector graphics, two thirds of the text page's
cost) and builds a `Rect`, a `Point` and two matrix products per character through its SWIG layer; together 80%
of the time `find_tables` took on the Kent budget papers, where most pages hold a table. Here the text page skips
the styles (nothing in table finding reads them) and, on an upright page (the page matrix only flips or moves),
the numbers are a subtraction each, rounded to 32-bit floats as MuPDF rounds them; any other page, and any
character whose box is not a plain rectangle, goes through PyMuPDF's own code. Without the styles MuPDF adds a
few zero-height spaces between words (35 on 300 pages), which table finding ignores: every other character is
equal (`tests/test_table_chars.py`), and the tables found on every page of the shared corpus are the same.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from contextlib import contextmanager

from ingest.lean_imports import pymupdf

_table = pymupdf.table  # PyMuPDF's table module, whose make_chars this one replaces

_original = _table.make_chars
_PATCHED_VERSION = "2.0"  # the PyMuPDF whose make_chars this one mirrors; another version keeps its own
_FLAGS = _table.FLAGS & ~pymupdf.TEXT_COLLECT_STYLES  # underline and strikeout styles: find_tables never reads them


def _f32(values: list[float]) -> list[float]:
    """Doubles rounded to 32-bit floats, as MuPDF's fz_transform_point stores them."""
    return array("f", values).tolist()


def make_chars(page: pymupdf.Page, clip: pymupdf.Rect | None = None):
    """Fill PyMuPDF's CHARS list exactly as `pymupdf.table.make_chars` does; returns the TextPage it read."""
    ctm = page.transformation_matrix
    if ctm.b != 0 or ctm.c != 0 or abs(ctm.a) != 1 or abs(ctm.d) != 1:
        return _original(page, clip=clip)
    chars = _table.CHARS._list()
    shift = (ctm.a, ctm.e, ctm.d, ctm.f)
    page_number = page.number + 1
    doctop_base = page.rect.height * page.number
    textpage = page.get_textpage(clip=clip, flags=_FLAGS)
    for block in page.get_text("rawdict", textpage=textpage)["blocks"]:
        for line in block["lines"]:
            cos, sin = round(line["dir"][0], 4), round(line["dir"][1], 4)
            upright = sin == 0
            rotation = (float(cos), float(-sin), float(sin), float(cos))
            for span in sorted(line["spans"], key=lambda s: s["bbox"][0]):
                template = _span_template(span, page_number, upright, rotation)
                chars += _span_chars(sorted(span["chars"], key=lambda ch: ch["bbox"][0]), template, doctop_base, ctm,
                                     shift)
    return textpage


def _span_template(span: dict, page_number: int, upright: bool, rotation: tuple[float, ...]) -> dict:
    """A span's character entry with what all its characters share, keys in PyMuPDF's order (copying it and setting
    the rest costs a third of building each entry whole)."""
    color = pymupdf.sRGB_to_pdf(span["color"])
    return {"adv": None, "bottom": None, "doctop": None, "fontname": span["font"], "height": None, "matrix": rotation,
            "ncs": "DeviceRGB", "non_stroking_color": color, "non_stroking_pattern": None, "object_type": "char",
            "page_number": page_number, "size": span["size"], "stroking_color": color, "stroking_pattern": None,
            "bold": bool(span["flags"] & pymupdf.TEXT_FONT_BOLD or span["char_flags"] & 8), "text": None,
            "top": None, "upright": upright, "width": None, "x0": None, "x1": None, "y0": None, "y1": None}


def _span_chars(span_chars: list[dict], template: dict, doctop_base: float, ctm: pymupdf.Matrix,
                shift: tuple[float, float, float, float]) -> list[dict]:
    """The entries of a span's characters; top, bottom and origin moved by the page matrix and rounded to float32
    for the whole span at once (one rounding each costs ten times as much)."""
    rounded = _f32(_plain_numbers(span_chars, shift))
    rotation, upright = template["matrix"], template["upright"]
    out = []
    i = 0
    for char in span_chars:
        x0, y0, x1, y1 = char["bbox"]
        if x0 > x1 or y0 > y1:  # an inverted box: MuPDF's own transform decides
            box = pymupdf.Rect(char["bbox"]) * ctm
            origin = pymupdf.Point(char["origin"]) * ctm
            ty0, ty1, ox, oy = box.y0, box.y1, origin.x, origin.y
        else:
            ty0, ty1, ox, oy = rounded[i:i + 4]
            i += 4
        entry = dict(template, adv=x1 - x0 if upright else y1 - y0, bottom=y1, doctop=y0 + doctop_base, height=y1 - y0,
                     matrix=(*rotation, ox, oy), text=char["c"], top=y0, width=x1 - x0, x0=x0, x1=x1, y0=ty0, y1=ty1)
        if not upright:
            entry["size"] = y1 - y0
        out.append(entry)
    return out


def _plain_numbers(span_chars: list[dict], shift: tuple[float, float, float, float]) -> list[float]:
    """Top, bottom and origin of each character with a plain box, moved by the page matrix."""
    a, e, d, f = shift
    out: list[float] = []
    for char in span_chars:
        x0, y0, x1, y1 = char["bbox"]
        if x0 > x1 or y0 > y1:
            continue
        ya, yb = y0 * d + f, y1 * d + f
        ox, oy = char["origin"]
        out += (ya, yb, ox * a + e, oy * d + f) if d > 0 else (yb, ya, ox * a + e, oy * d + f)
    return out


def geometry_chars(page: pymupdf.Page, clip: pymupdf.Rect | None = None):
    """`make_chars` with only what `find_tables` reads when it finds tables by ruling lines and nobody asks a table
    for its text or header: each character's box, both ways up (x0, x1, top, bottom; y0, y1 moved by the page
    matrix), and its text (has it any). The same numbers as make_chars, in one small dict per character instead
    of a copy of a 23-key template (half the time of the character list)."""
    ctm = page.transformation_matrix
    if ctm.b != 0 or ctm.c != 0 or abs(ctm.a) != 1 or abs(ctm.d) != 1:
        return _original(page, clip=clip)
    chars = _table.CHARS._list()
    shift = (ctm.a, ctm.e, ctm.d, ctm.f)
    textpage = page.get_textpage(clip=clip, flags=_FLAGS)
    for block in page.get_text("rawdict", textpage=textpage)["blocks"]:
        for line in block["lines"]:
            for span in line["spans"]:
                span_chars = span["chars"]
                rounded = _f32(_plain_numbers(span_chars, shift))
                i = 0
                for char in span_chars:
                    x0, top, x1, bottom = char["bbox"]
                    if x0 > x1 or top > bottom:  # an inverted box: MuPDF's own transform decides
                        box = pymupdf.Rect(char["bbox"]) * ctm
                        y0, y1 = box.y0, box.y1
                    else:
                        y0, y1 = rounded[i], rounded[i + 1]
                        i += 4
                    chars.append({"x0": x0, "x1": x1, "top": top, "bottom": bottom, "y0": y0, "y1": y1,
                                  "text": char["c"]})
    return textpage


@contextmanager
def geometry_only() -> Iterator[None]:
    """`find_tables` inside builds its character list with `geometry_chars` (where PyMuPDF is the mirrored version):
    for callers that read a table's cells and box only, never `extract()`, `header` or `to_markdown()`."""
    if not install():
        yield
        return
    _table.make_chars = geometry_chars
    try:
        yield
    finally:
        _table.make_chars = make_chars


def install() -> bool:
    """Use this make_chars inside `find_tables` (idempotent); False where PyMuPDF is not the mirrored version."""
    if pymupdf.__version__ != _PATCHED_VERSION:
        return False
    _table.make_chars = make_chars
    return True
