"""Read models for extracted metrics and entities, filtered inside SQLite."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, field_validator

from nlp.models import CONFIDENT as confident_levels
from nlp.models import Flag
from store.records import Records


class MetricRow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str
    authority: str
    indicator: str
    label: str
    basis: str
    value: float
    unit: str
    period_start: date | None
    period_end: date | None
    period_label: str
    page: int
    section_path: list[str]
    quote: str
    from_table: bool
    rag: str
    polarity: str
    flags: list[str]
    document_id: str
    document_title: str
    doc_type: str
    meeting_date: date | None
    sha256: str
    extractor_version: str
    evidence: str = ""
    confidence: str = ""  # high, medium, low; empty for an unmapped row (nlp.models.Confidence)

    @field_validator("section_path", "flags", mode="before")
    @classmethod
    def _json_list(cls, v: object) -> object:
        return json.loads(v) if isinstance(v, str) else v


class EntityCount(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: str
    norm: str
    mentions: int
    documents: int
    sources: list[str]


_METRICS = """
SELECT d.source, m.authority, m.indicator, m.label, m.basis, m.value, m.unit, m.period_start, m.period_end,
  m.period_label, m.page, m.section_path, m.quote, m.from_table, m.rag, m.polarity, m.flags, m.document_id,
  coalesce(d.title, '') AS document_title, d.doc_type, d.meeting_date, d.sha256, m.extractor_version, m.evidence,
  m.confidence
FROM metrics m JOIN documents d ON d.id = m.document_id
"""


class Only(StrEnum):
    """Which rows a reader wants: those an indicator was assigned to, those left unmapped, the confident ones, or all
    (with the figures of papers about other council business that name no child, which every other choice, and no
    choice, leaves out)."""

    MAPPED = "mapped"
    UNMAPPED = "unmapped"
    CONFIDENT = "confident"  # mapped with high or medium confidence: what compare and charts use
    ALL = "all"


CONFIDENT = tuple(c.value for c in confident_levels)
_CHILDRENS = f"m.flags NOT LIKE '%\"{Flag.OUTSIDE_CHILDRENS_SERVICES.value}\"%'"
_ONLY = {
    None: _CHILDRENS,
    Only.MAPPED: "m.indicator != ''",
    Only.UNMAPPED: f"m.indicator = '' AND {_CHILDRENS}",
    Only.CONFIDENT: f"m.indicator != '' AND m.confidence IN ({', '.join(repr(c) for c in CONFIDENT)})",
    Only.ALL: "1",
}


def query_metrics(records: Records, indicators: list[str] | None = None, authorities: list[str] | None = None,
                  bases: list[str] | None = None, only: Only | None = None) -> list[MetricRow]:
    """Metrics in a stable order (authority, indicator, period, source, page), so exports diff cleanly."""
    where, args = _where(indicators, authorities, bases, only)
    sql = _METRICS + where + " ORDER BY m.authority, m.indicator, m.period_end, d.source, m.page, m.id"
    return [MetricRow(**dict(r)) for r in records.db.execute(sql, args)]


def hides_outside(only: Only | None) -> bool:
    """Whether `only` leaves out flagged figures that could be there: the mapped choices have none (only unmapped
    figures are flagged), and "all" keeps them."""
    return only in (None, Only.UNMAPPED)


def outside_count(records: Records, indicators: list[str] | None = None, authorities: list[str] | None = None,
                  bases: list[str] | None = None) -> int:
    """How many rows the default choice leaves out: figures of papers about other council business."""
    where, args = _where(indicators, authorities, bases, Only.ALL)
    where += f" AND NOT ({_CHILDRENS})"
    return records.db.execute("SELECT count(*) FROM metrics m" + where, args).fetchone()[0]


def _where(indicators: list[str] | None, authorities: list[str] | None, bases: list[str] | None,
           only: Only | None) -> tuple[str, list[str]]:
    where, args = [_ONLY[only]], []
    for column, values in (("m.indicator", indicators), ("m.authority", authorities), ("m.basis", bases)):
        if values:
            where.append(f"{column} IN ({', '.join('?' * len(values))})")
            args += values
    return " WHERE " + " AND ".join(where), args


def entity_counts(records: Records, label: str | None = None) -> list[EntityCount]:
    sql = ("SELECT e.label, e.norm, count(*) AS mentions, count(DISTINCT e.document_id) AS documents,"
           " group_concat(DISTINCT d.source) AS sources FROM entities e JOIN documents d ON d.id = e.document_id")
    args = []
    if label:
        sql += " WHERE e.label = ?"
        args.append(label)
    sql += " GROUP BY e.label, e.norm ORDER BY mentions DESC, e.norm"
    return [EntityCount(**{**dict(r), "sources": sorted((r["sources"] or "").split(","))})
            for r in records.db.execute(sql, args)]
