"""Word input (minutes are sometimes published as .docx) through python-docx, headings and tables kept."""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from ingest.cleanup import normalise
from ingest.errors import DamagedFile
from ingest.models import Block, BlockKind
from ingest.tables import table_block


def read_docx(data: bytes, source: str) -> list[Block]:
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DamagedFile(source, f"not a readable Word file ({exc})") from exc
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, DocxTable):
            rows = [[normalise(cell.text) for cell in row.cells] for row in item.rows]
            if len(rows) >= 2:
                blocks.append(table_block(rows, 1))
        elif isinstance(item, Paragraph):
            block = _paragraph(item)
            if block:
                blocks.append(block)
    return blocks


def _paragraph(p: Paragraph) -> Block | None:
    text = normalise(p.text)
    if not text:
        return None
    style = (p.style.name if p.style is not None else "") or ""
    heading = re.match(r"^(Heading|Title)\s*(\d)?", style)
    if heading:
        level = int(heading.group(2)) if heading.group(2) else 1
        return Block(text=text, page=1, kind=BlockKind.HEADING, marked_heading=True, level=level)
    kind = BlockKind.LIST_ITEM if "List" in style else BlockKind.PARAGRAPH
    runs = [r for r in p.runs if r.text.strip()]
    bold = bool(runs) and all(r.bold for r in runs)
    return Block(text=text, page=1, kind=kind, bold=bold)
