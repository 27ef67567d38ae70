"""Command line: each command is a short adapter over a library function."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import Progress

from ingest import Overrides
from ingest.authorities import resolve_authority
from nlp.embed import Embedder
from nlp.models import TOPICS_VERSION
from nlp.topics import Topic, parse_topic
from scrutineer.cli_analysis import compare_command, demo_command
from scrutineer.cli_ray import ray_session
from scrutineer.cli_serve import serve_command
from scrutineer.cli_support import KbOption, emit, err, kb_path, open_records, out, progress_bar, writing
from scrutineer.config import WarmEmbedder, extracts, open_vectors, reads_tables, settings
from scrutineer.exports import MetricFormat, Pivot, metrics_csv, metrics_json, metrics_wide
from scrutineer.hits import hits_view, render_hits
from scrutineer.indexing import reindex as reindex_vectors
from scrutineer.indexing import sync_or_rebuild
from scrutineer.limits import FileLimits
from scrutineer.reextract import reextract as reextract_kb
from scrutineer.render import document_view, documents_table, entities_table, metrics_table, print_summary
from scrutineer.search import reading, unmatched_filters
from scrutineer.vector_search import search_or_keywords
from store.kb_lock import VectorsBusy
from store.metric_rows import Only, entity_counts, hides_outside, outside_count, query_metrics
from store.queries import document_detail, find_documents, list_documents
from store.records import Records
from store.statement_rows import SearchFilters
from store.vectors import IndexDamaged, IndexMismatch

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Council committee papers → a knowledge base.")


class Format:
    TABLE = "table"
    JSON = "json"


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive): PDF, TXT, MD, HTML, DOCX.")],
    kb: KbOption = None,
    authority: Annotated[str | None, typer.Option(help="Authority for every file (wins over inference).")] = None,
    committee: Annotated[str | None, typer.Option(help="Committee for every file.")] = None,
    meeting_date: Annotated[str | None, typer.Option(help="Meeting date for every file (YYYY-MM-DD).")] = None,
    workers: Annotated[int | None, typer.Option(help="Parallel parsers (default: 2).")] = None,
    ray: Annotated[bool, typer.Option("--ray", help="Parse and embed on a Ray cluster (see --ray-address).")] = False,
    ray_address: Annotated[str | None, typer.Option(help="Ray cluster: auto, local, HOST:PORT, ray://HOST:10001 "
                                                    "(implies --ray; default RAY_ADDRESS or this machine).")] = None,
) -> None:
    """Read papers into the knowledge base; a manifest.csv beside them overrides metadata per file."""
    from scrutineer.pipeline import ingest as run_ingest  # the extraction rules: 0.2-0.45 s no other command needs

    missing = [p for p in paths if not p.exists()]
    for p in missing:
        err.print(f"[red]error[/] {escape(str(p))}: no such file or folder")
    if missing and len(missing) == len(paths):
        raise typer.Exit(2)
    try:
        when = date.fromisoformat(meeting_date) if meeting_date else None
    except ValueError as exc:
        err.print(f"[red]error[/] --meeting-date {meeting_date!r} is not a date (YYYY-MM-DD)")
        raise typer.Exit(2) from exc
    overrides = Overrides(authority=authority, committee=committee, meeting_date=when)
    cfg = settings()
    on_ray = ray or cfg.ray or bool(ray_address or cfg.ray_address)
    warm = WarmEmbedder(kb_path(kb), cfg) if cfg.embed and not on_ray else None
    with writing(kb, "scrutineer ingest"), open_records(kb, must_exist=False) as records, \
            ray_session(on_ray, ray_address or cfg.ray_address) as engine, progress_bar() as progress:
        files = progress.add_task("files", total=None)
        pages = progress.add_task("pages", total=None)

        def on_file(source: str, n_pages: int) -> None:
            progress.advance(files)
            progress.advance(pages, n_pages)
            progress.update(files, description=f"files [dim]{source[:40]}[/]")

        summary = run_ingest(
            [p for p in paths if p.exists()], records, overrides, workers=workers or cfg.workers, tables=reads_tables(cfg),
            on_file=on_file, on_total=lambda n: progress.update(files, total=n),
            limits=FileLimits(seconds=cfg.file_seconds), extract=extracts(cfg),
            executor=engine.parse if engine else None, on_parsing=warm.start if warm else None,
        )
        if cfg.embed:
            _index(records, kb_path(kb), progress,
                   embedder=engine.embedder(cfg.profile, cfg.model, cfg.cache, cfg.int8) if engine else warm)
    print_summary(err, summary)
    if summary.failures or missing:
        raise typer.Exit(1)


def _index(records: Records, kb: Path, progress: Progress, rebuild: bool = False, refresh_topics: bool = False,
           embedder: Embedder | WarmEmbedder | None = None) -> None:
    task = progress.add_task("embedding", total=None)
    advance = lambda n: progress.advance(task, n)  # noqa: E731
    try:
        if isinstance(embedder, WarmEmbedder):
            embedder = embedder.result()
        opened = lambda rebuilding: open_vectors(kb, settings(), rebuilding=rebuilding, embedder=embedder)  # noqa: E731
        done = reindex_vectors(records, *opened(True), advance) if rebuild else sync_or_rebuild(
            records, opened, advance, refresh_topics, lambda why: _warn(f"{why}: rebuilding it from the records"))
    except (IndexMismatch, IndexDamaged, VectorsBusy) as exc:
        err.print(f"[red]error[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc
    err.print(f"vector index: {done.embedded} statements embedded, {done.removed} removed, "
              f"topics revised on {done.retagged} in {done.seconds:.1f} s")


@app.command()
def documents(
    kb: KbOption = None,
    format: Annotated[str, typer.Option("--format", help="table or json")] = Format.TABLE,
) -> None:
    """List every document and pack part with its metadata and ingest status."""
    if format not in (Format.TABLE, Format.JSON):
        err.print(f"[red]error[/] --format must be table or json, not {format!r}")
        raise typer.Exit(2)
    with open_records(kb) as records:
        docs = list_documents(records)
    if format == Format.JSON:
        print(json.dumps([d.model_dump(mode="json") for d in docs], indent=1, ensure_ascii=False))
    else:
        out.print(documents_table(docs))


@app.command()
def show(
    ref: Annotated[str, typer.Argument(help="Source file name or document id.")],
    kb: KbOption = None,
    statements: Annotated[int, typer.Option(help="How many lines of statements to print (a repeat at each place).")] = 40,
    format: Annotated[str, typer.Option("--format", help="table or json")] = Format.TABLE,
) -> None:
    """Show a document (every part of a pack): section tree, statements with pages, tables."""
    with open_records(kb) as records:
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
    pivot: Annotated[Pivot | None, typer.Option(help="Wide CSV: a column per period or per authority.")] = None,
    only: Annotated[Only | None, typer.Option(
        help="mapped, unmapped, confident (mapped, high or medium), or all: with the figures of papers on other "
             "council business (budget books, treasury) that name no child, which are otherwise left out.")] = None,
) -> None:
    """Every value the papers report, with indicator, basis, period and source: as a table, CSV or JSON."""
    authorities = [resolve_authority(a) for a in authority or []]
    with open_records(kb) as records:
        rows = query_metrics(records, indicator, authorities, basis, only)
        outside = outside_count(records, indicator, authorities, basis) if hides_outside(only) else 0
    if outside:
        err.print(f"left out {outside} figure{'s' * (outside != 1)} of papers on other council business that name no "
                  "child: --only all shows them")
    if pivot is not None:
        emit(metrics_wide(rows, pivot, bom=bom), output, f"{len(rows)} metrics, pivoted by {pivot.value}")
        return
    if format is MetricFormat.TABLE and output is None:
        out.print(metrics_table(rows))
        return
    text = metrics_json(rows, lines=format is MetricFormat.JSONL) if format in (MetricFormat.JSON, MetricFormat.JSONL) \
        else metrics_csv(rows, bom=bom)
    emit(text, output, f"{len(rows)} metrics")


@app.command()
def entities(
    kb: KbOption = None,
    label: Annotated[str | None, typer.Option(help="AUTHORITY, ORG, PERSON, ROLE, PROGRAMME, LEGAL, PERIOD, DATE")] = None,
    format: Annotated[str, typer.Option("--format", help="table or json")] = Format.TABLE,
) -> None:
    """Organisations, people, programmes and legal terms named in the papers, with counts and documents."""
    with open_records(kb) as records:
        rows = entity_counts(records, label.upper() if label else None)
    if format == Format.JSON:
        print(json.dumps([r.model_dump() for r in rows], indent=1, ensure_ascii=False))
    else:
        out.print(entities_table(rows))


@app.command()
def reextract(kb: KbOption = None) -> None:
    """Re-run metric and entity extraction over a stored KB (after changing rules), without re-parsing."""
    from nlp.pipeline import build_extractor  # the rules load here, not for every command (0.45 s of a search)

    with writing(kb, "scrutineer reextract"), open_records(kb) as records:
        total = reextract_kb(records, build_extractor())
        err.print(f"{total} metrics extracted")
        cfg = settings()
        if cfg.embed and (cfg.chroma_url or (kb_path(kb) / "chroma").exists()):
            with progress_bar() as progress:
                _index(records, kb_path(kb), progress, refresh_topics=True)  # rule topics may have changed


class SearchFormat:
    ALL = ("table", "json", "csv", "md")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for, in your own words.")],
    kb: KbOption = None,
    limit: Annotated[int, typer.Option(help="Most hits to return.")] = 20,
    all_: Annotated[bool, typer.Option("--all", help="Every hit above --threshold, however many.")] = False,
    threshold: Annotated[float, typer.Option(help="Lowest fused score to keep.")] = 0.0,
    authority: Annotated[list[str] | None, typer.Option(help="Authority (repeatable).")] = None,
    committee: Annotated[str | None, typer.Option(help="Committee name contains this.")] = None,
    doc_type: Annotated[str | None, typer.Option("--doc-type", help="minutes, report, scorecard...")] = None,
    from_: Annotated[int | None, typer.Option("--from", help="From this year (its meeting, or any year the period it "
                                                                 "covers touches).")] = None,
    to: Annotated[int | None, typer.Option("--to", help="Up to this year.")] = None,
    latest: Annotated[bool, typer.Option("--latest", help="Only each authority's newest paper of those the other "
                                                          "filters admit.")] = False,
    topic: Annotated[str | None, typer.Option(help="Topic, e.g. neet, accommodation, uasc.")] = None,
    indicator: Annotated[str | None, typer.Option(help="Only statements reporting this indicator.")] = None,
    format: Annotated[str, typer.Option("--format", help="table, json, csv or md")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    literal: Annotated[bool, typer.Option("--literal", help="Search the words as typed: no filters read from them.")]
    = False,
    expand: Annotated[bool, typer.Option("--expand", help="Also search the other ways papers speak of the topic.")]
    = False,
) -> None:
    """Every statement on a topic, across authorities and years, with document, page and section. An authority,
    years ("since 2023", "in 2024/25"), a kind of paper ("Ofsted", "minutes") or "the latest" of them named in the
    query become filters."""
    if format not in SearchFormat.ALL:
        err.print(f"[red]error[/] --format must be one of {', '.join(SearchFormat.ALL)}")
        raise typer.Exit(2)
    chosen = parse_topic(topic) if topic else None
    if topic and chosen is None:
        err.print(f"[red]error[/] unknown topic {topic!r}: one of {', '.join(t.value for t in Topic)}")
        raise typer.Exit(2)
    filters = SearchFilters(authorities=[resolve_authority(a) for a in authority or []], committee=committee,
                            doc_type=doc_type, year_from=from_, year_to=to, latest=latest,
                            topic=chosen.value if chosen else None, indicator=indicator)
    with open_records(kb) as records:
        read = reading(records, query, filters, literal)  # as the search reads it, years maybe let go
        found = search_or_keywords(records, lambda: open_vectors(kb_path(kb), settings(), writer=False), query, filters,
                                   0 if all_ else limit, threshold, _warn, literal=literal, expand=expand, read=read)
        unmatched = None if found else unmatched_filters(records, read, filters)  # a literal read has no filters
        older = records.older_topic_rules()
    if older is not None:
        _warn(f"this KB's topics were tagged by older rules (version {older}, now {TOPICS_VERSION}), so search "
              "reads them as they were: `scrutineer reextract` tags them again")
    if unmatched is not None:
        _warn(f"no paper in this KB passes the filters read from your query: {unmatched.describe()} (--literal "
              "searches the words as typed)")
    if format == "table" and output is None:
        if read.named_filters:
            out.print(f"filters from your query: {read.describe()} (--literal searches the words as typed)")
        out.print(hits_view(found, read.text))
        return
    if read.named_filters:
        err.print(f"filters from your query: {read.describe()}")
    emit(render_hits(found, format), output, f"{len(found)} hits")


def _warn(message: str) -> None:
    err.print(f"[yellow]warning[/] {escape(message)}", highlight=False)


@app.command()
def reindex(kb: KbOption = None) -> None:
    """Rebuild the vector index from SQLite (after changing the embedding model, or when it is damaged)."""
    with writing(kb, "scrutineer reindex"), open_records(kb) as records, progress_bar() as progress:
        _index(records, kb_path(kb), progress, rebuild=True)


app.command("compare")(compare_command)
app.command("demo")(demo_command)
app.command("serve")(serve_command)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
