"""Expected-output tests on the sample corpus. Regenerate with SCRUTINEER_REGEN=1 after a deliberate change."""

import json
import os

import pytest
from conftest import ROOT

from store.queries import document_detail, list_documents
from store.records import Records

EXPECTED = ROOT / "tests" / "expected"


def _snapshot(kb) -> dict:
    with Records(kb) as records:
        docs = list_documents(records)
        out = {}
        for d in docs:
            detail = document_detail(records, d)
            out[f"{d.source}#{d.part_index}"] = {
                "meta": d.model_dump(mode="json", include={"title", "authority", "committee", "meeting_date", "doc_type",
                                                           "period_start", "period_end", "page_start", "page_end"}),
                "sections": [" / ".join(s.path) for s in detail.sections],
                "statements": len(detail.statements),
                "tables": [t.rows for t in detail.tables],
            }
    return out


def test_sample_corpus_matches_expected(corpus_kb):
    path = EXPECTED / "corpus.json"
    got = _snapshot(corpus_kb)
    if os.environ.get("SCRUTINEER_REGEN"):
        path.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n")
    if not path.exists():
        pytest.fail(f"{path} is missing: run with SCRUTINEER_REGEN=1 to create it")
    assert got == json.loads(path.read_text())


def test_pack_splits_into_agenda_minutes_report(corpus_kb):
    with Records(corpus_kb) as records:
        parts = [d for d in list_documents(records) if d.source == "northmoor-agenda-pack-2025-03-03.pdf"]
    assert [d.doc_type.value for d in parts] == ["pack", "agenda", "minutes", "report"]
    assert str(parts[2].meeting_date) == "2024-12-02"  # minutes in a pack are of the earlier meeting
