"""The README's main job: build a KB from the sample corpus and show what it can answer."""

from __future__ import annotations

import shutil
from pathlib import Path

from rich.console import Console

from scrutineer.api import open_kb
from scrutineer.compare_view import comparison_chart, comparison_notes, comparison_table
from scrutineer.exports import metrics_csv
from scrutineer.hits import hits_view
from scrutineer.render import documents_table, print_summary

SAMPLE_CORPUS = Path(__file__).resolve().parents[1] / "corpus"
QUERY = "emergency accommodation for care leavers"
INDICATOR = "care_leavers_19_21_neet_percent"


class DemoError(Exception):
    """The demo cannot run where it was asked to."""


def _fresh(kb: Path) -> None:
    """Replace an earlier demo KB, but never a folder that is something else."""
    if kb.exists() and any(kb.iterdir()):
        if not (kb / "records.sqlite").exists():
            raise DemoError(f"{kb} exists and is not a knowledge base; pass another --kb")
        shutil.rmtree(kb)


def run_demo(corpus: Path, kb: Path, out: Console, err: Console) -> None:
    _fresh(kb)
    with open_kb(kb, create=True) as base:
        out.rule(f"1. Ingest {corpus}")
        summary, index = base.ingest([corpus])
        print_summary(out, summary)
        if index is not None:
            out.print(f"vector index: {index.embedded} statements embedded in {index.seconds:.1f} s")
        out.rule("2. Documents and the parts of each agenda pack")
        out.print(documents_table(base.documents()))
        out.rule(f"3. scrutineer search \"{QUERY}\" --limit 5")
        out.print(hits_view(base.search(QUERY, limit=5), QUERY))
        out.rule(f"4. scrutineer compare {INDICATOR}")
        comparison = base.compare(INDICATOR)
        out.print(comparison_table(comparison, out.width))
        for note in comparison_notes(comparison):
            out.print(note, highlight=False, markup=False)
        chart = comparison_chart(comparison, kb / "neet.png")
        rows = base.metrics()
        (kb / "metrics.csv").write_text(metrics_csv(rows), encoding="utf-8")
    out.rule("5. Exports")
    out.print(f"{len(rows)} metrics written to {kb / 'metrics.csv'}; chart drawn to {chart}")
    out.print(f"Next: scrutineer search \"foster carer recruitment\" --kb {kb}   ·   "
              f"scrutineer metrics --kb {kb} --pivot period   ·   scrutineer entities --kb {kb}")
