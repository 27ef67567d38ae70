"""Page layout: reading order for column layouts, running headers and footers.

Works on `TextBox`es (a paragraph with its box and font) before they become
Blocks, because both decisions need geometry that Blocks do not keep.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.models import Table

_PAGE_NUMBER = re.compile(
    r"^(page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|/)\s*\d{1,4})?$|^page\s+\d+\s+of\s+\d+", re.I
)
_MARKINGS = re.compile(r"^(official|official[- ]sensitive|unclassified|not protectively marked|public|open)$", re.I)
_FOOTER_PAGE = re.compile(r"\bpage\s+\d{1,4}(\s+of\s+\d{1,4})?\s*$", re.I)
MARGIN = 0.09  # share of page height treated as header/footer band
_OUTER = 0.16  # the band a page's number may sit in when nothing lies beyond it
_NUMBER_DRIFT = 3  # a printed page number this far from the page's count is still its number
_BARE_NUMBER = re.compile(r"^\s*(?:page\s*)?(\d{1,4})\s*$", re.I)
_HEAD_STEP = 1.5  # points: a part's heading in the body is set this much larger than its running head


@dataclass
class TextBox:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float
    bold: bool
    page: int
    table: Table | None = None

    @property
    def width(self) -> float:
        return self.x1 - self.x0


def reading_order(boxes: list[TextBox], page_width: float) -> list[TextBox]:
    """Top to bottom, but a two-column band is read left column first (a band with boxes across the middle, a
    grid of several columns, is read row by row, so no box is left out)."""
    boxes = sorted(boxes, key=lambda b: (round(b.y0, 0), b.x0))
    mid = page_width / 2
    out: list[TextBox] = []
    band: list[TextBox] = []

    def flush() -> None:
        left = [b for b in band if b.x1 <= mid + 5]
        right = [b for b in band if b.x0 >= mid - 5 and b not in left]
        if left and right and len(left) + len(right) == len(band) and _overlap(left, right):
            out.extend(sorted(left, key=lambda b: b.y0))
            out.extend(sorted(right, key=lambda b: b.y0))
        else:
            out.extend(band)
        band.clear()

    for b in boxes:
        spans_both = b.x0 < mid - 20 and b.x1 > mid + 20
        if spans_both and b.width > page_width * 0.55:
            flush()
            out.append(b)
        else:
            band.append(b)
    flush()
    return out


def _overlap(left: list[TextBox], right: list[TextBox]) -> bool:
    """Columns only if their vertical extents really overlap (not a label/value pair)."""
    top = max(min(b.y0 for b in left), min(b.y0 for b in right))
    bottom = min(max(b.y1 for b in left), max(b.y1 for b in right))
    return bottom - top > 60 and len(left) + len(right) >= 4


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def remove_running_text(pages: list[list[TextBox]], heights: list[float]) -> tuple[list[list[TextBox]], list[list[str]]]:
    """Drop page numbers, security markings and lines repeated in the margins of many pages.

    Returns the kept boxes and, per page, the text removed, so that nothing is dropped unrecorded."""
    counts: Counter[str] = Counter()
    for boxes, height in zip(pages, heights, strict=False):
        keys = {_key(b.text) for b in boxes if _in_margin(b, height)}
        counts.update(keys)
    threshold = max(3, int(len(pages) * 0.4))
    repeated = {k for k, n in counts.items() if n >= threshold and len(pages) >= 3} | _running_heads(pages, heights)
    kept: list[list[TextBox]] = []
    removed: list[list[str]] = []
    for boxes, height in zip(pages, heights, strict=False):
        running = [_is_running(b, height, repeated) or _outer_page_number(b, boxes, height) for b in boxes]
        kept.append([b for b, r in zip(boxes, running, strict=True) if not r])
        removed.append([b.text for b, r in zip(boxes, running, strict=True) if r])
    return kept, removed


def _running_heads(pages: list[list[TextBox]], heights: list[float]) -> set[str]:
    """A running head that names the part a page is in ("Contextual - attainment and attendance" in small italics
    above the page, the part's heading in bold on the page it opens): too few pages for the count above, but printed
    on two at least, and larger in the body, which is where it belongs."""
    sizes: dict[str, float] = {}
    for boxes, height in zip(pages, heights, strict=False):
        for b in boxes:
            if not _in_margin(b, height) and b.table is None:
                sizes[_key(b.text)] = max(sizes.get(_key(b.text), 0.0), b.size)
    heads = Counter(_key(b.text) for boxes, height in zip(pages, heights, strict=False) for b in boxes
                    if _in_margin(b, height) and not b.bold and any(c.isalpha() for c in b.text)
                    and sizes.get(_key(b.text), 0.0) >= b.size + _HEAD_STEP)
    return {k for k, n in heads.items() if n >= 2}  # once is a report's own header ("Corporate Parenting Committee")


def _is_running(b: TextBox, height: float, repeated: set[str]) -> bool:
    text = b.text.strip()
    if _MARKINGS.match(text) and _in_margin(b, height, 0.15):
        return True
    if _PAGE_NUMBER.match(text) and _centre_in_margin(b, height):
        return True  # a large page number ("2" in 20 pt) reaches above the band its centre sits in
    return _in_margin(b, height) and bool(
        _key(text) in repeated or _PAGE_NUMBER.match(text) or _FOOTER_PAGE.search(text)
    )


def _outer_page_number(b: TextBox, boxes: list[TextBox], height: float) -> bool:
    """A page's own number printed above its footer band, on a page whose text ends high: Ofsted's "5" sat at 88% of
    the page and was read into the next page's first sentence ("5 carers during the pandemic ..."). Only the last (or
    first) text of the page, in its outer sixth, and near the page's count (a cover may go unnumbered)."""
    m = _BARE_NUMBER.match(b.text)
    if m is None or abs(int(m.group(1)) - b.page) > _NUMBER_DRIFT or not _in_margin(b, height, _OUTER):
        return False
    return all(o.y0 < b.y0 for o in boxes if o is not b) or all(o.y1 > b.y1 for o in boxes if o is not b)


def _in_margin(b: TextBox, height: float, share: float = MARGIN) -> bool:
    return b.y1 <= height * share or b.y0 >= height * (1 - share)


def _centre_in_margin(b: TextBox, height: float) -> bool:
    centre = (b.y0 + b.y1) / 2
    return centre <= height * MARGIN or centre >= height * (1 - MARGIN)
