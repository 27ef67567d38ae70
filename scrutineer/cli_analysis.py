"""CLI commands for policy leads: `compare` an indicator across authorities, and the `demo` tour."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ingest.authorities import resolve_authority
from nlp.taxonomy import load_taxonomy
from scrutineer.cli_support import KbOption, emit, err, fail, kb_path, open_records, out
from scrutineer.compare import UnknownIndicator, compare
from scrutineer.compare_view import comparison_chart, comparison_csv, comparison_notes, comparison_table
from scrutineer.demo import SAMPLE_CORPUS, DemoError, run_demo

_CHART_SUFFIXES = (".png", ".svg")


def compare_command(
    indicator: Annotated[str, typer.Argument(help="Indicator id, e.g. care_leavers_19_21_neet_percent.")],
    kb: KbOption = None,
    authority: Annotated[list[str] | None, typer.Option(help="Authority (repeatable); default every one in the KB.")] = None,
    neighbours: Annotated[bool, typer.Option(help="Add the --authority's ten statistical neighbours.")] = False,
    format: Annotated[str, typer.Option("--format", help="table or csv")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the CSV here.")] = None,
    chart: Annotated[Path | None, typer.Option(help="Draw a line chart to this .png or .svg file.")] = None,
) -> None:
    """An indicator by authority and period, against England and statistical neighbours, with direction of travel."""
    if format not in ("table", "csv"):
        raise fail(f"--format must be table or csv, not {format!r}")
    if chart is not None and chart.suffix.lower() not in _CHART_SUFFIXES:
        raise fail(f"{chart}: a chart is written as .png or .svg")
    if neighbours and len(authority or []) != 1:
        raise fail("--neighbours needs exactly one --authority")
    names = [resolve_authority(a) for a in authority or []]
    with open_records(kb) as records:
        try:
            result = compare(records, load_taxonomy(), indicator, [] if neighbours else names,
                             names[0] if neighbours else None)
        except UnknownIndicator as exc:
            raise fail(str(exc)) from exc
    if format == "csv" or output is not None:
        emit(comparison_csv(result), output, f"{len(result.points)} values")
    else:
        out.print(comparison_table(result, out.width))
    for note in comparison_notes(result):
        err.print(note, highlight=False, soft_wrap=True, markup=False)
    if chart is not None:
        err.print(f"chart written to {comparison_chart(result, chart)}")


def demo_command(
    kb: Annotated[Path, typer.Option("--kb", help="Where to build the demo KB (replaced if it exists).")] = Path("kb-demo"),
    corpus: Annotated[Path, typer.Option(help="Papers to ingest.")] = SAMPLE_CORPUS,
) -> None:
    """Build a KB from the sample corpus and tour it: documents, a search, a comparison, the CSV export."""
    if not corpus.is_dir():
        raise fail(f"{corpus}: no such folder (run from the repository, or pass --corpus)")
    try:
        run_demo(corpus, kb_path(kb), out, err)
    except DemoError as exc:
        raise fail(str(exc)) from exc
