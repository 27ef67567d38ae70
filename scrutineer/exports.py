"""Metric exports: tidy CSV (Excel-friendly on request), JSON and JSON Lines, in a stable order."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from enum import StrEnum

from store.metric_rows import MetricRow

CSV_COLUMNS = [
    "source", "authority", "indicator", "label", "basis", "value", "unit", "period_start", "period_end",
    "period_label", "page", "section_path", "quote", "from_table", "rag", "polarity", "flags", "document_title",
    "doc_type", "meeting_date", "sha256", "extractor_version",
]


class MetricFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"
    TABLE = "table"


def _flat(row: MetricRow) -> dict[str, object]:
    d = row.model_dump(mode="json")
    d["section_path"] = " > ".join(row.section_path)
    d["flags"] = ";".join(row.flags)
    d["value"] = f"{row.value:g}"
    d["from_table"] = "yes" if row.from_table else "no"
    return {k: ("" if d[k] is None else d[k]) for k in CSV_COLUMNS}


def metrics_csv(rows: Iterable[MetricRow], bom: bool = False) -> str:
    buf = io.StringIO()
    if bom:
        buf.write("\ufeff")
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_flat(r) for r in rows)
    return buf.getvalue()


def metrics_json(rows: Iterable[MetricRow], lines: bool = False) -> str:
    items = [r.model_dump(mode="json") for r in rows]
    if lines:
        return "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items)
    return json.dumps(items, indent=1, ensure_ascii=False) + "\n"
