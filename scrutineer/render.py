"""Rich renderings for the terminal: document tables, section trees, ingest summaries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from scrutineer.printed_order import printed_order
from store.metric_rows import EntityCount, MetricRow
from store.queries import DocumentDetail, DocumentRow

if TYPE_CHECKING:  # the ingest pipeline (and the extraction rules it loads) only for commands that ingest
    from scrutineer.pipeline import IngestSummary


def documents_table(docs: list[DocumentRow]) -> Table:
    t = Table(title=f"{len(docs)} documents", show_lines=False)
    for col in ("source", "part", "title", "authority", "committee", "meeting date", "type", "pages", "status"):
        t.add_column(col, overflow="fold")
    for d in docs:
        part = "pack" if d.part_index == 0 and d.doc_type.value == "pack" else (str(d.part_index) if d.part_index else "")
        t.add_row(
            escape(d.source), part, escape((d.title or "")[:70]), escape(d.authority or ""), escape(d.committee or ""),
            d.meeting_date.isoformat() if d.meeting_date else "", d.doc_type.value,
            f"{d.page_start}-{d.page_end}" if d.pages > 1 else str(d.page_start), d.status,
        )
    return t


def document_view(detail: DocumentDetail, statements: int = 40) -> Group:
    d = detail.document
    head = Table.grid(padding=(0, 2))
    for label, value in (
        ("title", d.title), ("source", f"{d.source} (part {d.part_index})" if d.part_index else d.source),
        ("authority", d.authority), ("committee", d.committee), ("meeting date", d.meeting_date),
        ("type", d.doc_type.value),
        ("period", f"{d.period_label} ({d.period_start} to {d.period_end})" if d.period_label else None),
        ("author", d.author), ("pages", f"{d.page_start}-{d.page_end}"),
    ):
        head.add_row(f"[bold]{label}[/]", escape(str(value)) if value else "-")
    tree = Tree(f"[bold]{escape(d.title or d.source)}[/]")
    nodes: dict[tuple[str, ...], Tree] = {(): tree}
    for s in detail.sections:
        parent = nodes.get(tuple(s.path[:-1]), tree)
        pages = f"p{s.page_start}" if s.page_start == s.page_end else f"p{s.page_start}-{s.page_end}"
        nodes[tuple(s.path)] = parent.add(f"{escape(s.path[-1])} [dim]{pages}[/]")
    printed = printed_order(detail.statements)
    rows = Table(title=f"statements ({len(detail.statements)}; the first {min(statements, len(printed))} lines as printed,"
                       " a repeat at each place)")
    rows.add_column("page", justify="right")
    rows.add_column("section")
    rows.add_column("statement", overflow="fold")
    for st in printed[:statements]:
        again = f" [dim](printed first on p. {st.first_page})[/]" if st.first_page is not None else ""
        rows.add_row(str(st.page), escape(" › ".join(st.section_path)[-50:]), escape(st.text) + again)
    parts: list = [head, tree, rows]
    for i, t in enumerate(detail.tables, 1):
        parts.append(_table_view(t.rows, t.header_rows, f"table {i} (page {t.page}) {escape(t.title or '')}"))
    return Group(*parts)


def _table_view(rows: list[list[str]], header_rows: int, title: str) -> Table:
    width = max((len(r) for r in rows), default=0)
    header = rows[0] if header_rows and rows else [""] * width
    t = Table(title=title)
    for h in header:
        t.add_column(escape(h) or " ", overflow="fold")
    for r in rows[header_rows:] if header_rows else rows:
        t.add_row(*(escape(c) for c in r))
    return t


def summary_lines(s: IngestSummary) -> list[str]:
    lines = [
        f"files read {s.files_read} of {s.files_seen}; documents {s.documents} "
        f"({s.parts} parts of {s.packs} packs); pages {s.pages}; sections {s.sections}; "
        f"statements {s.statements}; tables {s.tables}; metrics {s.metrics}",
        f"duplicates skipped {s.duplicates}; unchanged skipped {s.unchanged}; pages read with OCR {s.ocr_pages}",
    ]
    lines += [f"[yellow]warning[/] {escape(w)}" for w in s.warnings]
    lines += [f"[red]failed[/] {escape(f.source)}: {escape(f.reason)}" for f in s.failures]
    return lines


def print_summary(console: Console, s: IngestSummary) -> None:
    for line in summary_lines(s):
        console.print(line, highlight=False, soft_wrap=True)


def metrics_table(rows: list[MetricRow], limit: int = 200) -> Table:
    table = Table(title=f"{len(rows)} metrics" + (f" (first {limit})" if len(rows) > limit else ""))
    for col in ("authority", "indicator / label", "basis", "value", "unit", "period", "source", "page"):
        table.add_column(col, justify="right" if col == "value" else "left")
    for r in rows[:limit]:
        period = r.period_label or (r.period_end.isoformat() if r.period_end else "")
        table.add_row(escape(r.authority), r.indicator or f"[dim]{escape(r.label[:60])}[/]", r.basis, f"{r.value:g}",
                      r.unit, period, escape(r.source), str(r.page))
    return table


def entities_table(rows: list[EntityCount], limit: int = 200) -> Table:
    table = Table(title=f"{len(rows)} entities")
    for col in ("label", "entity", "mentions", "documents", "sources"):
        table.add_column(col)
    for r in rows[:limit]:
        table.add_row(r.label, escape(r.norm), str(r.mentions), str(r.documents), escape(", ".join(r.sources)[:80]))
    return table
