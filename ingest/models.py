"""Contracts of the ingest layer: what a file becomes before any NLP runs.

Every model forbids unknown fields so that a typo between layers fails loudly
instead of silently dropping data.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FileFormat(StrEnum):
    PDF = "pdf"
    TEXT = "txt"
    MARKDOWN = "md"
    HTML = "html"
    DOCX = "docx"


class DocType(StrEnum):
    AGENDA = "agenda"
    MINUTES = "minutes"
    REPORT = "report"
    SCORECARD = "scorecard"
    STRATEGY = "strategy"
    INSPECTION_REPORT = "inspection_report"
    LETTER = "letter"
    APPENDIX = "appendix"
    PACK = "pack"
    OTHER = "other"


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    TABLE = "table"


class StatementKind(StrEnum):
    SENTENCE = "sentence"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"


class SourceFile(Strict):
    path: str = Field(description="Absolute path the file was read from.")
    source: str = Field(description="Base name as a user knows it (URL-decoded).")
    sha256: str
    size: int
    format: FileFormat


class Table(Strict):
    page: int
    rows: list[list[str]] = Field(description="Cleaned cell text, header rows first.")
    header_rows: int = Field(0, description="How many leading rows are column headers.")
    title: str = Field("", description="Caption printed above the table, if any.")

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


class Block(Strict):
    """A paragraph-sized unit in reading order, with the evidence used to find headings."""

    text: str
    page: int
    kind: BlockKind = BlockKind.PARAGRAPH
    font_size: float | None = None
    bold: bool = False
    marked_heading: bool = Field(False, description="Markup said heading: **bold**, <u>, <h2>, a Heading style.")
    level: int | None = Field(None, description="Heading level when the markup states it (h1-h6, Heading 1-9).")
    top_of_page: bool = Field(False, description="First block on its page: where new documents start.")
    table: Table | None = None
    start: int = Field(0, description="Offset of this block in its page text.")
    page_end: int | None = Field(None, description="Page its last sentence ends on, when carried across a page break.")
    page_break: int | None = Field(None, description="Offset in `text` where the text of `page_end` begins.")


class Section(Strict):
    number: str = ""
    title: str
    path: list[str]
    level: int
    page_start: int
    page_end: int


class Place(Strict):
    """Another place a statement is printed in its document (a summary sentence repeated in the body)."""

    page: int
    section_path: list[str]
    char_start: int = Field(description="Offset into the page text.")
    char_end: int
    number: str = ""
    page_end: int | None = None


class Statement(Strict):
    text: str
    page: int
    section_path: list[str]
    char_start: int = Field(description="Offset into the page text.")
    char_end: int
    kind: StatementKind = StatementKind.SENTENCE
    number: str = Field("", description="Paragraph number printed before it (\"25\", \"7.9\"), not part of the text.")
    page_end: int | None = Field(None, description="Last page, when the sentence runs on across a page break.")
    also_at: list[Place] = Field(
        default_factory=list, description="Later places the same sentence is printed in this document, in reading order."
    )


class Metadata(Strict):
    authority: str | None = None
    committee: str | None = None
    meeting_date: date | None = None
    title: str | None = None
    author: str | None = None
    doc_type: DocType = DocType.OTHER
    period_start: date | None = None
    period_end: date | None = None
    period_label: str | None = None
    url: str | None = Field(None, description="Where the paper was published, when a manifest says.")


class Document(Strict):
    """One document: a whole file, a pack, or one part of a pack."""

    id: str = Field(description="Stable: content hash plus part index.")
    source: str
    sha256: str
    part_index: int = Field(0, description="0 for a whole file or a pack; 1.. for the parts of a pack.")
    parent_id: str | None = None
    meta: Metadata
    page_start: int
    page_end: int
    sections: list[Section] = []
    statements: list[Statement] = []
    tables: list[Table] = []
    ocr_pages: list[int] = Field([], description="Pages (1-based, of the file) whose text was read with OCR.")

    @property
    def pages(self) -> int:
        return self.page_end - self.page_start + 1


class ParsedFile(Strict):
    """Everything one file yields; the unit the store writes in one transaction."""

    file: SourceFile
    page_texts: list[str] = Field(description="Cleaned text of each page; statement offsets index into these.")
    documents: list[Document]
    warnings: list[str] = []
    ocr_pages: int = 0
    removed: list[list[str]] = Field(
        default_factory=list,
        description="Per page, text left out of statements on purpose: running headers/footers, page numbers,"
        " blank-page markers.",
    )
