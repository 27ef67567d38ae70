"""Integration on the real papers in ../shared (skipped with a message when it is absent)."""

import json
import subprocess
import sys

import pytest
from conftest import SHARED, need_shared

from scrutineer.pipeline import ingest
from store.queries import document_detail, list_documents
from store.records import Records


@pytest.fixture(scope="module")
def dev_kb(tmp_path_factory):
    shared = need_shared()
    kb = tmp_path_factory.mktemp("dev")
    with Records(kb) as records:
        summary = ingest([shared / "corpus" / "seeds", shared / "corpus" / "kent"], records, workers=2)
    assert [f.source for f in summary.failures] == ["APPENDIX B - ADOPTION of KMWLP 2024-39.pdf"]
    assert summary.duplicates == 1
    return kb


def test_documents_metadata_scores(dev_kb, tmp_path):
    with Records(dev_kb) as records:
        docs = [d.model_dump(mode="json") for d in list_documents(records)]
    out = tmp_path / "d.json"
    out.write_text(json.dumps(docs))
    res = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "documents", "--gold",
                          str(SHARED / "eval" / "documents_dev.csv"), "--docs", str(out)], capture_output=True, text=True)
    line = res.stdout.strip().splitlines()[-1]
    right = dict(part.split()[:2] for part in line.removeprefix("documents: ").split(", ")[:3])
    assert right["authority"] == "14/14"
    assert int(right["committee"].split("/")[0]) >= 11 and int(right["meeting_date"].split("/")[0]) >= 11


def test_seed_001_pack_parts_and_scorecard(dev_kb):
    with Records(dev_kb) as records:
        parts = [d for d in list_documents(records) if d.source == "001_5955e778cbc3fb74.txt" and d.part_index]
        types = [d.doc_type.value for d in parts]
        assert len(parts) >= 6
        assert types[:2] == ["agenda", "minutes"] and "inspection_report" in types
        minutes = parts[1]
        assert str(minutes.meeting_date) == "2019-11-12"
        tables = [t for d in parts for t in document_detail(records, d).tables]
    refs = {row[0] for t in tables for row in t.rows}
    for ref in ["G1", "G2", "G3", "P1.1", "P2.15", "P3.1", "P3.19", "P4.8", "P5.7"]:
        assert ref in refs, ref
    scorecard = next(t for t in tables if any(r[0] == "P2.15" for r in t.rows))
    assert scorecard.rows[0][:6] == ["Ref", "", "Polarity", "Stat Neigh Av", "National Av", "Target"]
    assert next(r for r in scorecard.rows if r[0] == "P2.15")[6:9] == ["39%", "47%", "44%"]


def test_kent_qpr_table_cells_cleaned(dev_kb):
    with Records(dev_kb) as records:
        qpr = next(d for d in list_documents(records) if d.source == "QPR Q3 Cabinet appendix 1.pdf")
        tables = document_detail(records, qpr).tables
    total = next(r for t in tables for r in t.rows if r[0] == "Total" and "1,884" in r)
    assert total[1:] == ["1,997", "1,940", "1,920", "1,989", "1,884"]


def test_bad_folder_one_line_each(tmp_path):
    shared = need_shared()
    with Records(tmp_path / "kb") as records:
        summary = ingest([shared / "corpus" / "bad"], records, workers=1)
    reasons = {f.source: f.reason for f in summary.failures}
    assert "password-protected" in reasons["password-protected.pdf"]
    # a cut download whose pages survive is kept, marked partial, with a warning saying so
    assert "truncated-download.pdf" not in reasons
    assert any(w.startswith("truncated-download.pdf: truncated PDF") for w in summary.warnings)
    assert "HTML page" in reasons["error-page-saved-as.pdf"]
    if "scanned-minutes.pdf" in reasons:  # no Tesseract here
        assert "image-only" in reasons["scanned-minutes.pdf"]
    else:
        assert summary.ocr_pages == 2


