"""Command line: each command is a short adapter over a library function."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ingest import Overrides
from ingest.authorities import resolve_authority
from nlp.pipeline import build_extractor
from scrutineer.config import settings
from scrutineer.exports import MetricFormat, metrics_csv, metrics_json
from scrutineer.pipeline import ingest as run_ingest
from scrutineer.reextract import reextract as reextract_kb
from scrutineer.render import document_view, documents_table, entities_table, metrics_table, print_summary
from store.metric_rows import entity_counts, query_metrics
from store.queries import document_detail, find_documents, list_documents
from store.records import Records, StoreError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Council committee papers → a knowledge base.")
out = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 200)

KbOption = Annotated[Path | None, typer.Option("--kb", help="Knowledge base folder (default ./kb or SCRUTINEER_KB).")]


class Format:
    TABLE = "table"
    JSON = "json"


def _kb(kb: Path | None) -> Path:
    return kb or settings().kb


def _open(kb: Path | None, must_exist: bool = True) -> Records:
    path = _kb(kb)
    if must_exist and not (path / "records.sqlite").exists():
        err.print(f"[red]error[/] no knowledge base at {path}: run `scrutineer ingest PATH --kb {path}` first")
        raise typer.Exit(2)
    try:
        return Records(path)
    except StoreError as exc:
        err.print(f"[red]error[/] {exc}")
        raise typer.Exit(2) from exc


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive): PDF, TXT, MD, HTML, DOCX.")],
    kb: KbOption = None,
    authority: Annotated[str | None, typer.Option(help="Authority for every file (wins over inference).")] = None,
    committee: Annotated[str | None, typer.Option(help="Committee for every file.")] = None,
    meeting_date: Annotated[str | None, typer.Option(help="Meeting date for every file (YYYY-MM-DD).")] = None,
    workers: Annotated[int | None, typer.Option(help="Parallel parsers (default: 2).")] = None,
) -> None:
    """Read papers into the knowledge base; a manifest.csv beside them overrides metadata per file."""
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        err.print(f"[red]error[/] {p}: no such file or folder")
    if missing and len(missing) == len(paths):
        raise typer.Exit(2)
    try:
        when = date.fromisoformat(meeting_date) if meeting_date else None
    except ValueError as exc:
        err.print(f"[red]error[/] --meeting-date {meeting_date!r} is not a date (YYYY-MM-DD)")
        raise typer.Exit(2) from exc
    overrides = Overrides(authority=authority, committee=committee, meeting_date=when)
    cfg = settings()
    with _open(kb, must_exist=False) as records, _progress() as progress:
        files = progress.add_task("files", total=None)
        pages = progress.add_task("pages", total=None)

        def on_file(source: str, n_pages: int) -> None:
            progress.advance(files)
            progress.advance(pages, n_pages)
            progress.update(files, description=f"files [dim]{source[:40]}[/]")

        summary = run_ingest(
            [p for p in paths if p.exists()], records, overrides, workers=workers or cfg.workers, tables=cfg.tables,
            on_file=on_file, on_total=lambda n: progress.update(files, total=n),
        )
    print_summary(err, summary)
    if summary.failures or missing:
        raise typer.Exit(1)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=not sys.stderr.isatty(), disable=not sys.stderr.isatty(),
    )


@app.command()
def documents(
    kb: KbOption = None,
    format: Annotated[str, typer.Option("--format", help="table or json")] = Format.TABLE,
) -> None:
    """List every document and pack part with its metadata and ingest status."""
    if format not in (Format.TABLE, Format.JSON):
        err.print(f"[red]error[/] --format must be table or json, not {format!r}")
        raise typer.Exit(2)
    with _open(kb) as records:
        docs = list_documents(records)
    if format == Format.JSON:
        print(json.dumps([d.model_dump(mode="json") for d in docs], indent=1, ensure_ascii=False))
    else:
        out.print(documents_table(docs))


@app.command()
def show(
    ref: Annotated[str, typer.Argument(help="Source file name or document id.")],
    kb: KbOption = None,
    statements: Annotated[int, typer.Option(help="How many statements to print.")] = 40,
    format: Annotated[str, typer.Option("--format", help="table or json")] = Format.TABLE,
) -> None:
    """Show a document (every part of a pack): section tree, statements with pages, tables."""
    with _open(kb) as records:
        docs = find_documents(records, ref)
        if not docs:
            err.print(f"[red]error[/] no document matches {ref!r}: see `scrutineer documents`")
            raise typer.Exit(2)
        details = [document_detail(records, d) for d in docs if d.doc_type.value != "pack" or len(docs) == 1]
    if format == Format.JSON:
        print(json.dumps([d.model_dump(mode="json") for d in details], indent=1, ensure_ascii=False))
        return
    for detail in details:
        out.rule(f"{detail.document.source} · {detail.document.id}")
        out.print(document_view(detail, statements))


@app.command()
def metrics(
    kb: KbOption = None,
    indicator: Annotated[list[str] | None, typer.Option(help="Indicator id (repeatable).")] = None,
    authority: Annotated[list[str] | None, typer.Option(help="Authority name (repeatable).")] = None,
    basis: Annotated[list[str] | None, typer.Option(help="actual, target, national, statistical_neighbours...")] = None,
    format: Annotated[MetricFormat, typer.Option("--format", help="csv, json, jsonl or table")] = MetricFormat.TABLE,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    bom: Annotated[bool, typer.Option(help="Start the CSV with a UTF-8 BOM (for Excel).")] = False,
) -> None:
    """Every value the papers report, with indicator, basis, period and source: as a table, CSV or JSON."""
    with _open(kb) as records:
        rows = query_metrics(records, indicator, [resolve_authority(a) for a in authority or []], basis)
    if format is MetricFormat.TABLE and output is None:
        out.print(metrics_table(rows))
        return
    text = metrics_json(rows, lines=format is MetricFormat.JSONL) if format in (MetricFormat.JSON, MetricFormat.JSONL) \
        else metrics_csv(rows, bom=bom)
    _emit(text, output, f"{len(rows)} metrics")


def _emit(text: str, output: Path | None, what: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    err.print(f"{what} written to {output}")


@app.command()
def entities(
    kb: KbOption = None,
    label: Annotated[str | None, typer.Option(help="AUTHORITY, ORG, PERSON, ROLE, PROGRAMME, LEGAL, PERIOD, DATE")] = None,
    format: Annotated[str, typer.Option("--format", help="table or json")] = Format.TABLE,
) -> None:
    """Organisations, people, programmes and legal terms named in the papers, with counts and documents."""
    with _open(kb) as records:
        rows = entity_counts(records, label.upper() if label else None)
    if format == Format.JSON:
        print(json.dumps([r.model_dump() for r in rows], indent=1, ensure_ascii=False))
    else:
        out.print(entities_table(rows))


@app.command()
def reextract(kb: KbOption = None) -> None:
    """Re-run metric and entity extraction over a stored KB (after changing rules), without re-parsing."""
    with _open(kb) as records:
        total = reextract_kb(records, build_extractor())
    err.print(f"{total} metrics extracted")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
