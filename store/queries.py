"""Read models over the records store: document listings and one document in full."""

from __future__ import annotations

import json
from datetime import date

from pydantic import BaseModel, ConfigDict

from ingest.models import DocType, Document, Metadata, Place, Section, Statement, StatementKind, Table
from store.records import Records


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentRow(Row):
    id: str
    source: str
    sha256: str
    part_index: int
    parent_id: str | None
    title: str | None
    authority: str | None
    committee: str | None
    meeting_date: date | None
    doc_type: DocType
    author: str | None
    period_start: date | None
    period_end: date | None
    period_label: str | None
    url: str | None
    page_start: int
    page_end: int
    pages: int
    status: str
    sections: int
    statements: int
    tables: int


class SectionRow(Row):
    number: str
    title: str
    path: list[str]
    level: int
    page_start: int
    page_end: int


class StatementRow(Row):
    text: str
    page: int
    section_path: list[str]
    char_start: int
    char_end: int
    kind: StatementKind
    also_at: list[Place] = []


class TableRow(Row):
    page: int
    title: str
    header_rows: int
    rows: list[list[str]]


class DocumentDetail(Row):
    document: DocumentRow
    sections: list[SectionRow]
    statements: list[StatementRow]
    tables: list[TableRow]


class FailureRow(Row):
    source: str
    path: str
    reason: str


_DOCS = """
SELECT d.*, d.page_end - d.page_start + 1 AS pages,
  (SELECT count(*) FROM sections s WHERE s.document_id = d.id) AS sections,
  (SELECT count(*) FROM statements s WHERE s.document_id = d.id) AS statements,
  (SELECT count(*) FROM doc_tables t WHERE t.document_id = d.id) AS tables
FROM documents d
"""


def list_documents(records: Records) -> list[DocumentRow]:
    rows = records.db.execute(_DOCS + " ORDER BY d.source, d.part_index").fetchall()
    return [DocumentRow(**dict(r)) for r in rows]


def find_documents(records: Records, ref: str) -> list[DocumentRow]:
    """Documents by id, source file name, or id prefix."""
    rows = records.db.execute(
        _DOCS + " WHERE d.id = ? OR d.source = ? OR d.id LIKE ? ORDER BY d.source, d.part_index",
        (ref, ref, f"{ref}%"),
    ).fetchall()
    return [DocumentRow(**dict(r)) for r in rows]


def document_detail(records: Records, doc: DocumentRow) -> DocumentDetail:
    db = records.db
    sections = [
        SectionRow(number=r["number"], title=r["title"], path=json.loads(r["path"]), level=r["level"],
                   page_start=r["page_start"], page_end=r["page_end"])
        for r in db.execute("SELECT * FROM sections WHERE document_id = ? ORDER BY ord", (doc.id,))
    ]
    statements = [
        StatementRow(text=r["text"], page=r["page"], section_path=json.loads(r["section_path"]),
                     char_start=r["char_start"], char_end=r["char_end"], kind=r["kind"],
                     also_at=json.loads(r["also_at"]))
        for r in db.execute("SELECT * FROM statements WHERE document_id = ? ORDER BY ord", (doc.id,))
    ]
    tables = [
        TableRow(page=r["page"], title=r["title"], header_rows=r["header_rows"], rows=json.loads(r["rows"]))
        for r in db.execute("SELECT * FROM doc_tables WHERE document_id = ? ORDER BY ord", (doc.id,))
    ]
    return DocumentDetail(document=doc, sections=sections, statements=statements, tables=tables)


def page_text(records: Records, sha256: str, page: int) -> str:
    row = records.db.execute("SELECT text FROM pages WHERE sha256 = ? AND page = ?", (sha256, page)).fetchone()
    return row["text"] if row else ""


def last_failures(records: Records) -> list[FailureRow]:
    row = records.db.execute("SELECT max(id) AS id FROM runs").fetchone()
    if not row or row["id"] is None:
        return []
    return [
        FailureRow(source=r["source"], path=r["path"], reason=r["reason"])
        for r in records.db.execute("SELECT * FROM failures WHERE run_id = ? ORDER BY id", (row["id"],))
    ]


def load_document(records: Records, doc: DocumentRow) -> Document:
    """A stored document back as the ingest model, so extraction can be re-run without re-parsing."""
    detail = document_detail(records, doc)
    meta = Metadata(
        authority=doc.authority, committee=doc.committee, meeting_date=doc.meeting_date, title=doc.title,
        author=doc.author, doc_type=doc.doc_type, period_start=doc.period_start, period_end=doc.period_end,
        period_label=doc.period_label, url=doc.url,
    )
    return Document(
        id=doc.id, source=doc.source, sha256=doc.sha256, part_index=doc.part_index, parent_id=doc.parent_id,
        meta=meta, page_start=doc.page_start, page_end=doc.page_end,
        sections=[Section(**s.model_dump()) for s in detail.sections],
        statements=[Statement(**s.model_dump()) for s in detail.statements],
        tables=[Table(**t.model_dump()) for t in detail.tables],
        ocr_pages=[r["page"] for r in records.db.execute(
            "SELECT page FROM pages WHERE sha256 = ? AND ocr = 1 AND page BETWEEN ? AND ? ORDER BY page",
            (doc.sha256, doc.page_start, doc.page_end))],
    )
