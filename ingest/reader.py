"""One file → ParsedFile: read, split into parts, find sections, statements and metadata."""

from __future__ import annotations

import codecs
import hashlib
from datetime import date
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote

from ingest.cleanup import is_blank_page_marker, is_chart_residue
from ingest.errors import EmptyFile, IngestError, NotText, UnsupportedFormat
from ingest.file_names import meeting_in_name
from ingest.metadata import MEETING_PAPERS, infer, meeting_title
from ingest.models import Block, BlockKind, DocType, Document, FileFormat, Metadata, ParsedFile, SourceFile, Strict
from ingest.notices import is_notice
from ingest.packs import split_pack
from ingest.repeats import fold_repeats
from ingest.sections import body_font_size, build_sections
from ingest.statements import block_statements, block_text

SUFFIXES = {
    ".pdf": FileFormat.PDF, ".txt": FileFormat.TEXT, ".md": FileFormat.MARKDOWN, ".markdown": FileFormat.MARKDOWN,
    ".html": FileFormat.HTML, ".htm": FileFormat.HTML, ".docx": FileFormat.DOCX,
}


class Overrides(Strict):
    """What a user knows better than inference (CLI flags or a manifest row)."""

    authority: str | None = None
    committee: str | None = None
    meeting_date: date | None = None
    url: str | None = None


def source_file(path: Path, data: bytes) -> SourceFile:
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise UnsupportedFormat(path.name, f"unsupported file type '{path.suffix or '(none)'}'")
    return SourceFile(
        path=str(path.resolve()), source=unquote(path.name), sha256=hashlib.sha256(data).hexdigest(),
        size=len(data), format=fmt,
    )


class Read(NamedTuple):
    """What a format reader yields: blocks in reading order and the text it removed on purpose, per page."""

    blocks: list[Block]
    page_count: int
    warnings: list[str]
    ocr_pages: list[int]
    removed: list[list[str]]


def read_blocks(file: SourceFile, data: bytes, tables: bool = True) -> Read:
    """Blocks in reading order, page count, warnings, OCR'd page count and removed running text."""
    if file.format is FileFormat.PDF:
        from ingest.pdf import read_pdf

        content = read_pdf(data, file.source, tables=tables)
        return Read(content.blocks, content.page_count, content.warnings, content.ocr_pages, content.removed)
    if not data.strip():
        raise EmptyFile(file.source, "empty file (no text)")
    if file.format is FileFormat.HTML:
        from ingest.html import read_html

        blocks = read_html(data)
    elif file.format is FileFormat.DOCX:
        from ingest.docx import read_docx

        blocks = read_docx(data, file.source)
    else:
        from ingest.text import read_text

        blocks = read_text(decode_text(data, file.source))
    if not any(b.text or b.table for b in blocks):
        raise EmptyFile(file.source, "no text found")
    return Read(blocks, max((b.page for b in blocks), default=1), [], [], [])


def removed_text(blocks: list[Block], page_count: int, running: list[list[str]]) -> list[list[str]]:
    """Per page, what no statement holds on purpose: running headers and footers, page numbers, blank-page markers,
    publishers' notices."""
    removed = [list(running[i]) if i < len(running) else [] for i in range(page_count)]
    for b in blocks:
        if _unsaid(b):
            removed[b.page - 1].append(b.text)
    return removed


def _unsaid(block: Block) -> bool:
    """A block that says nothing of the paper's subject: "This page is intentionally left blank", a licence notice, a
    chart's axis."""
    return block.kind is not BlockKind.TABLE and (is_blank_page_marker(block.text) or is_notice(block.text)
                                                  or is_chart_residue(block.text))


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(data: bytes, source: str) -> str:
    """Text in the encoding its byte-order mark names (UTF-16 from Windows tools), else UTF-8, else Windows-1252;
    bytes that are not text at all are refused rather than stored as garbage statements."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is None and data[:4000].count(0) > len(data[:4000]) // 4:
        encoding = "utf-16-le" if data[1:4000:2].count(0) > data[0:4000:2].count(0) else "utf-16-be"
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8" if encoding else "cp1252", errors="replace")
    sample = text[:20000]
    odd = sum(1 for c in sample if c == "\ufffd" or (ord(c) < 32 and c not in "\t\n\r\f"))
    if odd > len(sample) // 20:
        raise NotText(source, "not a text file: binary content saved with a text file's name")
    return text


def page_texts(blocks: list[Block], page_count: int) -> list[str]:
    """Join each page's blocks and record where every block starts in its page text."""
    texts = [""] * page_count
    for b in blocks:
        i = b.page - 1
        if texts[i]:
            texts[i] += "\n\n"
        b.start = len(texts[i])
        texts[i] += block_text(b)
    return texts


def read_by_ocr(doc: Document, ocr_pages: list[int]) -> Document:
    """The document, knowing which of its pages were read with OCR: a figure read from a scanned page may be misread
    ("73%" as "70"), so its rows say so."""
    own = [p for p in ocr_pages if doc.page_start <= p <= doc.page_end]
    return doc.model_copy(update={"ocr_pages": own}) if own else doc


def parse_file(path: Path, overrides: Overrides | None = None, tables: bool = True) -> ParsedFile:
    """Parse one file; raises IngestError with a one-line reason for bad input."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path.name, f"cannot read file ({exc.strerror})") from exc
    file = source_file(path, data)
    blocks, page_count, warnings, ocr_pages, running = read_blocks(file, data, tables)
    texts = page_texts(blocks, page_count)
    documents = [read_by_ocr(d, ocr_pages) for d in assemble(file, blocks, overrides or Overrides(),
                                                             running[0] if running else [])]
    return ParsedFile(file=file, page_texts=texts, documents=documents, warnings=warnings, ocr_pages=len(ocr_pages),
                      removed=removed_text(blocks, page_count, running))


def _apply(meta: Metadata, overrides: Overrides, named: tuple[str | None, date | None] = (None, None)) -> Metadata:
    """The user's overrides win; the file name's meeting fills only what the paper's pages did not say."""
    changes = {k: v for k, v in overrides.model_dump().items() if v is not None}
    committee, when = named
    if meta.committee is None and committee and "committee" not in changes:
        changes["committee"] = committee
    if meta.meeting_date is None and when and "meeting_date" not in changes:
        changes["meeting_date"] = when
    committee = changes.get("committee", meta.committee)
    if meta.doc_type in MEETING_PAPERS and committee and changes.keys() & {"committee", "meeting_date"}:
        changes["title"] = meeting_title(meta.doc_type, committee, changes.get("meeting_date", meta.meeting_date))
    return meta.model_copy(update=changes)


def assemble(file: SourceFile, blocks: list[Block], overrides: Overrides, running: list[str] | None = None) -> list[Document]:
    """`running`: the first page's running header and footer lines, which ingest keeps out of the statements."""
    body = body_font_size(blocks)
    ranges = split_pack(blocks)
    named = meeting_in_name(Path(file.source).stem)
    whole = _apply(infer(blocks, running=running), overrides, named)
    if len(ranges) == 1:
        return [_document(file, blocks, 0, None, whole, body)]
    pack_id = f"{file.sha256[:16]}-0"
    first = infer(blocks[ranges[0][0] : ranges[0][1]], running=running)  # the first part starts on the first page
    pack_meta = _apply(first.model_copy(update={"doc_type": DocType.PACK, "authority": whole.authority}), overrides,
                       named)
    pages = [b.page for b in blocks]
    pack = Document(
        id=pack_id, source=file.source, sha256=file.sha256, meta=pack_meta,
        page_start=min(pages), page_end=max(pages),
    )
    parts = []
    for n, (a, b) in enumerate(ranges, start=1):
        meta = _apply(infer(blocks[a:b], parent=pack_meta, running=running if a == 0 else None), overrides)
        parts.append(_document(file, blocks[a:b], n, pack_id, meta, body))
    return [pack, *parts]


def _document(
    file: SourceFile, blocks: list[Block], index: int, parent: str | None, meta: Metadata, body: float | None
) -> Document:
    sections, paths = build_sections(blocks, body)
    statements = []
    for block, path in zip(blocks, paths, strict=False):
        if path is None or _unsaid(block):
            continue
        statements.extend(block_statements(block, path))
    pages = [b.page for b in blocks] or [1]
    return Document(
        id=f"{file.sha256[:16]}-{index}", source=file.source, sha256=file.sha256, part_index=index,
        parent_id=parent, meta=meta, page_start=min(pages), page_end=max(pages), sections=sections,
        statements=fold_repeats(statements), tables=[b.table for b in blocks if b.table is not None],
    )
