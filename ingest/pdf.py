"""PDF input with PyMuPDF: paragraphs with font evidence, tables, OCR for image-only pages."""

from __future__ import annotations

import itertools
import re
import shutil
from dataclasses import dataclass, field
from functools import cache

from ingest.cleanup import broken_sentence, dangles, is_blank_page_marker, join_broken, join_lines
from ingest.errors import DamagedFile, EmptyFile, EncryptedPdf, IngestError, NotAPdf, NoTextLayer, describe
from ingest.hyphenation import HYPHENATION, settle_blocks
from ingest.joins import join_page_breaks
from ingest.layout import TextBox, reading_order, remove_running_text
from ingest.lean_imports import pymupdf
from ingest.models import Block, BlockKind
from ingest.tables import find_page_tables, page_may_have_table

FLAGS = (pymupdf.TEXTFLAGS_DICT & ~pymupdf.TEXT_PRESERVE_LIGATURES & ~pymupdf.TEXT_PRESERVE_IMAGES) | (
    pymupdf.TEXT_MEDIABOX_CLIP
)
_LIST_START = re.compile(r"^(?:[•▪◦●■◼\-–]|o\s|\d+(?:\.\d+)*\.\s|\d+(?:\.\d+)+\s|\d+\s(?=[A-Z])|[a-z][.)]\s|\([a-z0-9]+\)\s)")
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.I)


@dataclass
class PdfContent:
    blocks: list[Block]
    page_count: int
    ocr_pages: list[int] = field(default_factory=list)  # 1-based numbers of the pages read with OCR
    warnings: list[str] = field(default_factory=list)
    removed: list[list[str]] = field(default_factory=list)


# an item's bullet; Word's second-level bullet is a Courier "o" before a capital ("o Reiterated points ..."), which
# otherwise reads as a lower-case line carrying on the item before it
_ITEM_MARK = re.compile(r"^(?:[•▪◦●■◼]\s*|o\s+(?=[A-Z(‘“'\"]))")
_LONE_FIGURE = re.compile(r"\(\s*\d[\d.,]*\s*%?\s*\)")
_GOES_ON = re.compile(r"(?:,|\b(?:and|of|to|for|the|on|at|in|with|by|from|&))\s*$", re.I)
_LEAD_LETTERS = 12  # letters in a span that sets a line's type (not a drop cap, a bullet or a footnote mark)
_ASIDE_WORDS = 5  # "Requires improvement to be good"
# a footnote's mark: digits set small and raised after a word ("residential special schools³", "young people.⁶")
_MARK = re.compile(r"\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*")
_MARK_SIZE = 0.8  # of the text it follows


@dataclass
class _Row:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float
    bold: bool


def read_pdf(data: bytes, source: str, tables: bool = True) -> PdfContent:
    doc = _open(data, source)
    truncated = b"%%EOF" not in data[-2048:]
    ocr = _ocr_available()
    pages: list[list[TextBox]] = []
    heights: list[float] = []
    ocr_pages: list[int] = []
    broken: list[str] = []  # pages that raised: skipped, not the whole file
    for number in range(doc.page_count):
        try:
            page = doc[number]
            boxes, used_ocr = _page_boxes(page, ocr, tables)
            height = page.rect.height
        except IngestError:
            raise  # the file's time limit, not a damaged page
        except Exception as exc:  # PyMuPDF raises several types for a damaged page
            broken.append(f"page {number + 1}: {describe(exc)}")
            boxes, used_ocr, height = [], 0, heights[-1] if heights else 842.0
        if used_ocr:
            ocr_pages.append(number + 1)
        pages.append(boxes)
        heights.append(height)
    read = sum(1 for p in pages if p)
    if not read:
        raise _unreadable(doc, source, truncated, broken, ocr)
    pages, removed = remove_running_text(pages, heights)
    blocks = join_page_breaks([b for boxes in pages for b in _to_blocks(boxes)])
    settle_blocks(blocks)
    warnings = [f"{len(ocr_pages)} page(s) read with OCR"] if ocr_pages else []
    if truncated:
        warnings.append(f"truncated PDF (the download stopped before the end of the file): text read from {read} of "
                        f"the {doc.page_count} pages recovered; the end of the document may be missing")
    if broken:
        warnings.append(f"damaged PDF: {len(broken)} page(s) could not be read ({broken[0]})")
    return PdfContent(blocks=blocks, page_count=doc.page_count, ocr_pages=ocr_pages, warnings=warnings, removed=removed)


def _unreadable(doc: pymupdf.Document, source: str, truncated: bool, broken: list[str], ocr: bool) -> IngestError:
    """Why no page gave text: cut short, damaged, or scanned (only when a page holds an image)."""
    if truncated:
        return DamagedFile(source, "truncated PDF: the download stopped before the end of the file and no page"
                                   " could be read")
    if broken or not any(_has_images(page) for page in doc):
        detail = f" ({broken[0]})" if broken else ""
        return DamagedFile(source, f"damaged PDF: none of its {doc.page_count} page(s) has readable text or"
                                   f" an image{detail}")
    hint = "" if ocr else "; install tesseract-ocr to read it with OCR"
    return NoTextLayer(source, f"image-only PDF (scanned pages, no text layer){hint}")


def _has_images(page: pymupdf.Page) -> bool:
    try:
        return bool(page.get_images())
    except Exception:
        return False


def _open(data: bytes, source: str) -> pymupdf.Document:
    if not data:
        raise EmptyFile(source, "empty file (0 bytes)")
    head = data[:1024]
    if b"%PDF-" not in head:
        if b"<html" in head.lower() or b"<!doctype html" in head.lower():
            raise NotAPdf(source, "not a PDF: it is an HTML page (likely an error page) saved with a .pdf name")
        raise NotAPdf(source, "not a PDF: the file has no PDF header")
    cut = b"%%EOF" not in data[-2048:]
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises several types for broken files
        what = "truncated PDF (the download stopped before the end of the file)" if cut else "damaged PDF"
        raise DamagedFile(source, f"{what} that cannot be opened ({describe(exc.__cause__ or exc)})") from exc
    if doc.needs_pass:
        raise EncryptedPdf(source, "password-protected PDF: cannot be read without its password")
    return doc


@cache
def _ocr_available() -> bool:
    """Once a process: PyMuPDF finds Tesseract's language data by running `tesseract --list-langs` (16 CPU ms)."""
    if not shutil.which("tesseract"):
        return False
    try:
        return bool(pymupdf.get_tessdata())
    except Exception:
        return False


def _page_boxes(page: pymupdf.Page, ocr: bool, tables: bool) -> tuple[list[TextBox], int]:
    number = page.number + 1
    used_ocr = 0
    boxes = _text_boxes(page.get_text("dict", flags=FLAGS), number)
    if ocr and not boxes and page.get_images():
        textpage = page.get_textpage_ocr(flags=FLAGS, language="eng", dpi=200, full=True)
        boxes = _text_boxes(page.get_text("dict", flags=FLAGS, textpage=textpage), number)
        used_ocr = 1
    if tables and not used_ocr and page_may_have_table(page):
        found = find_page_tables(page, number)
        for rect, table in found:
            cells = _words(" ".join(c for r in table.rows for c in r))
            boxes = [b for b in boxes if not rect.contains(pymupdf.Point((b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2))
                     or not _words(b.text) <= cells]  # text in the table's box that no cell holds stays text
            boxes.append(TextBox(rect.x0, rect.y0, rect.x1, rect.y1, "", 0.0, False, number, table))
    return reading_order(boxes, page.rect.width), used_ocr


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", text.lower().replace(HYPHENATION, "")))


def _text_boxes(data: dict, page: int) -> list[TextBox]:
    return [box for block in data["blocks"] if block["type"] == 0 for box in _block_boxes(block, page)]


def _block_boxes(block: dict, page: int) -> list[TextBox]:
    """Split a PyMuPDF block into paragraphs at style changes, list starts and gaps."""
    rows = _asides_last(_rows(block["lines"]))
    boxes: list[TextBox] = []
    current: list[_Row] = []
    for row in rows:
        if current and _breaks(current[-1], row):
            boxes.append(_box(current, page))
            current = []
        current.append(row)
    if current:
        boxes.append(_box(current, page))
    return [b for b in boxes if b.text]


def _rows(lines: list[dict]) -> list[_Row]:
    """Merge lines printed on one baseline ("1.1" and its text are often separate lines)."""
    rows: list[_Row] = []
    for line in _run_ins_apart(sorted(lines, key=lambda ln: (round(ln["bbox"][1]), ln["bbox"][0]))):
        spans = [s for s in line["spans"] if s["text"].strip()]
        if not spans:
            continue
        x0, y0, x1, y1 = line["bbox"]
        text = _join_spans(spans, line["spans"])
        bold = all(_bold(s) for s in spans)
        # a bold line's type is its lead's: "Children, Young People and Education (Education and Skills)" with the
        # bracket set smaller is a 14-point heading like its siblings, not a 13.3-point one nested under them (body
        # text keeps the mean: a paragraph set in 11 and 12 points by turns is one paragraph)
        lead = next((s for s in spans if len(re.findall(r"[^\W\d_]", s["text"])) >= _LEAD_LETTERS), None) if bold else None
        sized = [s for s in spans if not _mark_like(s)] or spans  # a heading's footnote mark does not set its size
        size = lead["size"] if lead else sum(s["size"] * len(s["text"]) for s in sized) / sum(len(s["text"]) for s in sized)
        last = rows[-1] if rows else None
        if last and abs((last.y0 + last.y1) / 2 - (y0 + y1) / 2) < 2.5 and x0 >= last.x1 - 1 and not line.get("run_in"):
            # the row's size is its words': a bullet set in 10 points before a 12-point item ("•", "Providing advice
            # ... as well as") would part the item from its next line ("behaviour policies.")
            before, added = _letters(last.text), _letters(text)
            last.size = (last.size * before + size * added) / (before + added) if before + added else last.size
            last.text = f"{last.text} {text}"
            last.x1, last.bold = max(last.x1, x1), last.bold and bold
            continue
        rows.append(_Row(x0, y0, x1, y1, text, size, bold))
    return rows


def _run_ins_apart(lines: list[dict]) -> list[dict]:
    """A bold heading whose last line goes on in plain text parts there: a consultation report's question wraps in bold
    and its base follows on the same line ("Please tell us what impact ... at the Sheppey" / "Gateway would have on you
    / or your family? Base: all answering (343)"), and the plain words made the whole line plain, which cut the
    question in two. Only where the bold line above runs on into the bold words and they end a sentence: a form's
    bold label and its value ("Is the decision eligible for call-in? Yes") stay one line."""
    out: list[dict] = []
    above: list[dict] = []  # the spans of the last line with words
    for line in lines:
        spans = [s for s in line["spans"] if s["text"].strip()]
        cut = next((i for i, s in enumerate(spans) if not _bold(s)), 0)
        if cut and above and _runs_on(above, spans[:cut], line["bbox"][1]):
            out.append({**line, "spans": spans[:cut], "bbox": _span_box(spans[:cut])})
            out.append({**line, "spans": spans[cut:], "bbox": _span_box(spans[cut:]), "run_in": True})
        else:
            out.append(line)
        above = spans or above
    return out


def _runs_on(above: list[dict], bold: list[dict], top: float) -> bool:
    """Whether a bold line above, not ended, runs on into `bold`, words that end a sentence on the next line."""
    if not all(_bold(s) for s in above):
        return False
    _, y0, _, y1 = _span_box(above)
    return (y0 + y1) / 2 < top \
        and not "".join(s["text"] for s in above).rstrip().endswith((".", "?", "!", ":")) \
        and "".join(s["text"] for s in bold).rstrip().endswith(("?", "."))


def _span_box(spans: list[dict]) -> tuple[float, float, float, float]:
    return (min(s["bbox"][0] for s in spans), min(s["bbox"][1] for s in spans),
            max(s["bbox"][2] for s in spans), max(s["bbox"][3] for s in spans))


def _letters(text: str) -> int:
    return len(re.findall(r"[^\W\d_]", text))


def _asides_last(rows: list[_Row]) -> list[_Row]:
    """A short line set to the right of all the others, between two of their lines, read after them: an inspection's
    grade printed beside its two-line heading ("The experiences and progress of" / "Good" / "children who need help
    and protection") is not a word of the heading's."""
    if len(rows) < 3:
        return rows
    asides = [r for r in rows if len(r.text.split()) <= _ASIDE_WORDS and rows[0] is not r and rows[-1] is not r
              and all(r.x0 >= o.x1 - 1 for o in rows if o is not r)]
    return [r for r in rows if r not in asides] + asides if asides else rows


def _join_spans(spans: list[dict], printed: list[dict]) -> str:
    """Spans carry no space where the PDF just moves the pen: a visible gap is a word break, and so is a space the PDF
    prints as a span of its own, even where the next word starts inside it ("2.3", " ", "Over time ..."). A footnote's
    mark is left out, and stands for a break before a word ("Board¹ Local", not "BoardLocal")."""
    spaced = {id(b) for a, b in itertools.pairwise(printed) if not a["text"].strip()}
    text, prev, marked = spans[0]["text"], spans[0], False
    for span in spans[1:]:
        if _footnote_mark(prev, span):
            marked = True
            continue
        gap = span["bbox"][0] - prev["bbox"][2]
        broken = span["text"][:1].isalnum() if marked else gap > 0.15 * span["size"] or id(span) in spaced
        if broken and not text.endswith(" ") and not span["text"].startswith(" "):
            text += " "
        text += span["text"]
        prev, marked = span, False
    return text.strip()


def _footnote_mark(prev: dict, span: dict) -> bool:
    """A superscript number after body text is a footnote's mark: printed glued to the word ("schools3, of whom") it
    made a word no reader sees, and after a full stop a figure that opened the next sentence ("6 In terms of ...").
    A heading keeps its mark ("What needs to improve?1"): its footnote is filed under it (ingest/sections.py)."""
    return _mark_like(span) and span["size"] < _MARK_SIZE * prev["size"] and not _bold(prev)


def _mark_like(span: dict) -> bool:
    return bool(span["flags"] & pymupdf.TEXT_FONT_SUPERSCRIPT) and _MARK.fullmatch(span["text"].strip()) is not None


def _bold(span: dict) -> bool:
    return bool(span["flags"] & 16 or _BOLD_FONT.search(span["font"]))


def _breaks(prev: _Row, row: _Row) -> bool:
    if abs(prev.size - row.size) > 0.6 or prev.bold != row.bold:
        return True
    if _LIST_START.match(row.text):
        return True
    return row.y0 - prev.y1 > 0.8 * max(row.y1 - row.y0, 1.0)


def _box(rows: list[_Row], page: int) -> TextBox:
    chars = sum(len(r.text) for r in rows) or 1
    size = sum(r.size * len(r.text) for r in rows) / chars
    return TextBox(
        x0=min(r.x0 for r in rows), y0=min(r.y0 for r in rows), x1=max(r.x1 for r in rows),
        y1=max(r.y1 for r in rows), text=join_lines([r.text for r in rows]), size=round(size, 1),
        bold=all(r.bold for r in rows), page=page,
    )


def _to_blocks(boxes: list[TextBox]) -> list[Block]:
    blocks = []
    for i, b in enumerate(boxes):
        top = i == 0
        if b.table is not None:
            blocks.append(Block(text="", page=b.page, kind=BlockKind.TABLE, table=b.table, top_of_page=top))
            continue
        kind = BlockKind.LIST_ITEM if _ITEM_MARK.match(b.text) else BlockKind.PARAGRAPH
        text = _ITEM_MARK.sub("", b.text) if kind is BlockKind.LIST_ITEM else b.text
        if is_blank_page_marker(text):
            kind = BlockKind.PARAGRAPH
        broken = _unfinished(blocks, b.size, text, b.bold) if kind is BlockKind.PARAGRAPH else None
        if broken is not None:
            broken.text = join_broken(broken.text, text)
            continue
        if i and _heading_goes_on(boxes[i - 1], b) and blocks and blocks[-1].bold:
            blocks[-1].text = f"{blocks[-1].text} {text}"  # "Question by A to B," / "Cabinet Member for Environment"
            continue
        blocks.append(Block(text=text, page=b.page, kind=kind, font_size=b.size, bold=b.bold, top_of_page=top))
    return blocks


def _heading_goes_on(prev: TextBox, box: TextBox) -> bool:
    """A bold line that ends mid-phrase (a comma, "and", "of", "to") carries on in the bold line just under it, though
    the PDF set them as two blocks: one heading, not two where the second replaces the first."""
    return (prev.bold and box.bold and prev.table is None and prev.page == box.page and abs(prev.size - box.size) < 0.6
            and bool(_GOES_ON.search(prev.text)) and -(prev.y1 - prev.y0) / 2 <= box.y0 - prev.y1 < prev.y1 - prev.y0)


def _unfinished(blocks: list[Block], size: float, text: str, bold: bool) -> Block | None:
    """The paragraph a line continues when a sentence was broken by extra spacing, a change of font, or a box
    the reading order put in between: a lower-case start, or a figure after "decreased by" / "80 to 475"; or,
    straight after a line left on "for" or "and", a capitalised word set like it (not a bold heading)."""
    for block in reversed(blocks[-3:]):
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or block.bold \
                or abs((block.font_size or size) - size) > 0.6:
            continue  # a bold line is a heading: what follows it starts something new
        if broken_sentence(block.text, text) or (block is blocks[-1] and not bold and (
                dangles(block.text, text) or _LONE_FIGURE.fullmatch(text.strip()))):
            return block  # "(36%)" set on a line of its own ends the item above it
    return None
