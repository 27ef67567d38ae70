"""Extraction over one document: statements and tables in, metrics out."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ingest.models import DocType, Document, StatementKind, Table
from nlp.domain import document_domain, outside_children
from nlp.judgements import inspection_window, judgements_of
from nlp.kpi_cards import is_kpi_card, table_card_title
from nlp.models import Confidence, DocumentContext, Extraction, Flag, Metric, Timing, Unit
from nlp.outside_rows import flag_outside
from nlp.prose import StatementIn, metrics_from_statements
from nlp.table_metrics import metrics_from_table, table_subject
from nlp.taxonomy import Taxonomy
from nlp.topics import title_parts, topics_of

if TYPE_CHECKING:  # spaCy loads only when an extractor is built, not when the CLI starts
    from nlp.entities import EntityTagger

_PLAN_DAYS = 400  # longer than a year and its reporting slack
_CONTENTS = re.compile(r"^\s*(?:table of )?contents\s*:?\s*$", re.I)
_PROSE_END = re.compile(r"[.?!]\s*$")


@dataclass(frozen=True)
class TableIn:
    ord: int
    table: Table
    section_path: list[str]
    context: str
    subject: str = ""  # its numbered caption's words


def document_context(doc: Document) -> DocumentContext:
    """A plan spanning years ("Sufficiency Strategy January 2024 - 2027") states its figures as at its start: a
    "currently" or undated figure in it is of the first month, not of the plan's last year."""
    m = doc.meta
    start, end, label = m.period_start, m.period_end, m.period_label or ""
    if end is None and (window := inspection_window(doc)) is not None:  # an inspection whose metadata missed its dates
        start, end, label = window
    if start is not None and end is not None and (end - start).days > _PLAN_DAYS:
        end = date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
        label = f"{start:%B %Y}"
    return DocumentContext(authority=m.authority or "", period_start=start, period_end=end, period_label=label,
                           meeting_date=m.meeting_date, inspection=m.doc_type is DocType.INSPECTION_REPORT)


def document_inputs(doc: Document) -> tuple[list[StatementIn], list[TableIn]]:
    """Statements in order, and each table with its section and the words just before it."""
    statements = [
        StatementIn(i, s.text, s.page, tuple(s.section_path), s.kind is StatementKind.TABLE_ROW,
                    s.kind is StatementKind.LIST_ITEM)
        for i, s in enumerate(doc.statements)
    ]
    tables = []
    contents = _contents_list(statements)
    for ord_, table in enumerate(doc.tables):
        first = _first_row_statement(statements, table)
        if first in contents:
            continue  # "Introduction | 4": a heading and its page
        if first is not None and table.header_rows and is_kpi_card(statements[first].text):
            statements[first] = replace(statements[first], title=table_card_title(table))
        path = list(statements[first].section_path) if first is not None else []
        before = [s.text for s in statements[max(0, (first or 0) - 3):first or 0] if not s.is_table_row]
        context = " ".join([table.title, *path, table.rows[0][0] if table.rows else "", *before])
        tables.append(TableIn(ord_, table, path, context, table_subject([table.title, *before])))
    return statements, tables


def _contents_list(statements: list[StatementIn]) -> set[int]:
    """The statements of a contents list: under a "Contents" heading, up to the first sentence of prose."""
    out: set[int] = set()
    heading: StatementIn | None = None
    for i, s in enumerate(statements):
        if _CONTENTS.match(s.text):
            heading = s
        elif (s.section_path[-1:] and _CONTENTS.match(s.section_path[-1])) or (
                heading is not None and s.section_path == heading.section_path and not _PROSE_END.search(s.text)):
            out.add(i)
        else:
            heading = None
    return out


def _first_row_statement(statements: list[StatementIn], table: Table) -> int | None:
    rows = {" | ".join(c for c in r if c) for r in table.rows}
    return next((i for i, s in enumerate(statements) if s.is_table_row and s.page == table.page and s.text in rows), None)


def extract_metrics(doc: Document, taxonomy: Taxonomy, ctx: DocumentContext | None = None) -> list[Metric]:
    ctx = ctx or document_context(doc)
    statements, tables = document_inputs(doc)
    sentences = [s.text for s in statements if not s.is_table_row]
    domain = document_domain(sentences)
    contents = _contents_list(statements)  # "Information about this inspection 48": a heading and its page
    metrics = metrics_from_statements([s for s in statements if s.ord not in contents], ctx, taxonomy, domain)
    for t in tables:
        metrics += metrics_from_table(t.table, t.ord, t.section_path, t.context, ctx, taxonomy, domain, t.subject)
    metrics = _flag_ocr(_on_the_day(metrics, taxonomy) + judgements_of(doc), set(doc.ocr_pages))
    if outside_children(doc.meta.title or "", sentences, [s.text for s in statements if s.is_table_row], domain):
        return flag_outside([m for m in metrics if not _blank_allocation(m)])
    return metrics


def _blank_allocation(m: Metric) -> bool:
    """A £0 cell of a budget book's or capital programme's table says nothing was added that year: a scheme already
    finished, or a line of the budget-change templates, which print a one-off saving as "-1,117 | 0.0 | 0.0" (the
    0.0s mean no further change). Stored as "£0 for 2027-28" they read as the line's budget; a reader judged 8 of 60
    such rows wrong (session 52)."""
    return m.from_table and m.unit is Unit.GBP and m.value == 0 and not m.indicator


def _on_the_day(metrics: list[Metric], taxonomy: Taxonomy) -> list[Metric]:
    """A measure taken on a day (children in care "at the end of quarter 2", or under a "Q2 2024/25" column) is dated
    that day, the period's last: then it compares with the same count on 31 March, which a quarter's span would not.
    The printed period stays in the row's period label."""
    def snapshot(m: Metric) -> bool:
        indicator = taxonomy.get(m.indicator) if m.indicator else None
        return indicator is not None and indicator.timing is Timing.SNAPSHOT
    return [m.model_copy(update={"period_start": m.period_end})
            if m.period_start and m.period_end and m.period_start < m.period_end and snapshot(m) else m
            for m in metrics]


def _flag_ocr(metrics: list[Metric], ocr_pages: set[int]) -> list[Metric]:
    """A figure read from a scanned page may be misread ("73%" as "70"): its row says so, for a reader to check, and
    is not confident enough for `compare` and charts until someone has."""
    return [m.model_copy(update={"flags": [*m.flags, Flag.OCR],
                                 "confidence": Confidence.LOW if m.confidence is not None else None})
            if m.page in ocr_pages else m for m in metrics]


def topics_only(doc: Document) -> Extraction:
    """What the fast profile extracts: the rules' topics, which search filters by (no metrics, no entities), and the
    parts of topics the paper's title names."""
    titled = title_parts(doc.meta.title)
    found = ((i, topics_of(s.text)) for i, s in enumerate(doc.statements))
    return Extraction(document_id=doc.id, topics={
        i: [t.value for t in dict.fromkeys(own + titled)] for i, own in found if own or titled})


class Extractor:
    """The expensive parts of extraction, built once (per process) and passed in."""

    def __init__(self, taxonomy: Taxonomy, entities: EntityTagger) -> None:
        self.taxonomy = taxonomy
        self.entities = entities

    def extract(self, doc: Document) -> Extraction:
        topics = topics_only(doc).topics
        statements = ((i, s.page, s.text) for i, s in enumerate(doc.statements))
        ctx = document_context(doc)  # once for both: an inspection's window is read from its opening lines
        entities = list(self.entities.tag(statements, ctx))
        return Extraction(document_id=doc.id, metrics=extract_metrics(doc, self.taxonomy, ctx), entities=entities,
                          topics=topics)
