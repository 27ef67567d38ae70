"""What of a statement is embedded: a table row's label, not its figures; nothing for a statement of numbers. Such a
statement is still found by keyword search (a real PDF, a real KB, the real model and a real Chroma store)."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import make_pdf

from nlp.embed_text import embedding_text
from scrutineer.config import Settings, open_vectors
from scrutineer.indexing import sync_index
from scrutineer.pipeline import ingest
from scrutineer.search import search
from store.records import Records
from store.statement_rows import index_rows


def test_a_table_row_is_embedded_as_its_label_under_its_heading() -> None:
    row = "3 | % of care leavers aged 19-21 NEET | 38% | 37% | 43% | 41%"
    assert embedding_text(row, "table_row", "Scorecard") == "Scorecard: % of care leavers aged 19-21 NEET"
    assert embedding_text("Council Tax | Provisional tax base estimate (+1.24%) | -£4.9m", "table_row", "") == \
        "Council Tax | Provisional tax base estimate (+1.24%)"
    assert embedding_text("KS2 | Café | 12", "table_row", "") == "KS2 | Café"  # letters of any alphabet


def test_statements_of_figures_and_single_words_are_not_embedded() -> None:
    assert embedding_text("9,659.1 | 108,092.3 | 4,518.2", "table_row", "Budget") is None
    assert embedding_text("No | 553 | 54%", "table_row", "Profile of respondents") is None
    assert embedding_text("Total 30.5 29.3 -1.2", "sentence", "Budget") is None
    assert embedding_text("(Item 7)", "sentence", "") is None
    assert embedding_text("Residual Waste", "sentence", "") == "Residual Waste"
    text = "The overspend on children's placements rose again."  # a sentence is embedded whole, figures and all
    assert embedding_text(text + " It is £4.9m.", "sentence", "Budget") == f"Budget: {text} It is £4.9m."


def test_a_statement_of_figures_is_not_embedded_but_keyword_search_finds_it(corpus_kb: Path, tmp_path: Path) -> None:
    kb, papers = tmp_path / "kb", tmp_path / "papers"
    shutil.copytree(corpus_kb, kb)
    papers.mkdir()
    make_pdf(papers / "budget.pdf", ["Northmoor Borough Council", "Cabinet, 5 March 2025", "Budget monitoring",
                                     "The overspend on children's placements rose again this quarter.",
                                     "Total 30.5 29.3 -1.2", "4,518.2 3,902.7 615.5"])
    with Records(kb) as records:
        assert not ingest([papers], records, workers=1).failures
        figures = {r[0]: r[1] for r in records.db.execute(
            "SELECT id, text FROM statements WHERE text IN ('Total 30.5 29.3 -1.2', '4,518.2 3,902.7 615.5')")}
        assert len(figures) == 2
        assert not figures.keys() & {sid for sid, _, _ in index_rows(records, exclude=set())}
        index, embedder = open_vectors(kb, Settings())
        done = sync_index(records, index, embedder)
        assert done.embedded > 100 and not figures.keys() & index.ids()
        assert sync_index(records, index, embedder).embedded == 0  # what is not embedded is not owed on the next sync
        for text in figures.values():
            hits = search(records, index, embedder, text, literal=True, limit=10)
            assert any(text in h.text for h in hits), text
        prose = search(records, index, embedder, "spending on placements above budget", limit=10)
        assert any("overspend on children's placements" in h.text for h in prose)
