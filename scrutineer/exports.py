"""Metric exports: tidy CSV (Excel-friendly on request), JSON and JSON Lines, in a stable order."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from enum import StrEnum

from nlp.taxonomy import load_taxonomy
from scrutineer.period_names import period_name, period_sort_key
from store.metric_rows import MetricRow

CSV_COLUMNS = [
    "source", "authority", "indicator", "indicator_title", "label", "basis", "value", "unit", "period_start", "period_end",
    "period_label", "page", "section_path", "quote", "from_table", "rag", "polarity", "flags", "document_title",
    "doc_type", "meeting_date", "sha256", "extractor_version", "evidence", "confidence",
]


class Pivot(StrEnum):
    PERIOD = "period"
    AUTHORITY = "authority"


class MetricFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"
    TABLE = "table"


def _flat(row: MetricRow) -> dict[str, object]:
    d = row.model_dump(mode="json")
    known = load_taxonomy().get(row.indicator) if row.indicator else None
    d["indicator_title"] = known.title if known else ""
    d["polarity"] = row.polarity or (known.polarity.value if known else "")
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


def metrics_wide(rows: list[MetricRow], pivot: Pivot, bom: bool = False) -> str:
    """One row per authority × indicator × basis with a column per period (or per authority).

    A cell holds the value from the latest meeting when several papers report it, as `compare` does.
    """
    ordered = sorted(rows, key=lambda r: (r.meeting_date.isoformat() if r.meeting_date else "", r.source, -r.page))
    cells: dict[tuple[str, ...], dict[str, str]] = {}
    columns: dict[str, tuple] = {}
    for r in ordered:  # later meetings overwrite earlier ones
        period = period_name(r.period_start, r.period_end, r.period_label)
        if pivot is Pivot.PERIOD:
            key, column = (r.authority, r.indicator or r.label, r.basis, r.unit), period
            columns[column] = period_sort_key(r.period_start, r.period_end)
        else:
            key, column = (r.indicator or r.label, r.basis, r.unit, period), r.authority
            columns[column] = (r.authority,)
        cells.setdefault(key, {})[column] = f"{r.value:g}"
    names = sorted(columns, key=lambda c: (columns[c], c))
    head = ["authority", "indicator", "basis", "unit"] if pivot is Pivot.PERIOD else ["indicator", "basis", "unit", "period"]
    buf = io.StringIO()
    if bom:
        buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(head + names)
    for key in sorted(cells):
        writer.writerow([*key, *(cells[key].get(n, "") for n in names)])
    return buf.getvalue()
