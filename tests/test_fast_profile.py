"""The fast profile's ingest: statements and topics, searchable by keyword, metrics added later by reextract."""

from __future__ import annotations

from pathlib import Path

from nlp.embed import Profile
from nlp.pipeline import build_extractor
from scrutineer.config import Settings, extracts, reads_tables
from scrutineer.pipeline import ingest
from scrutineer.reextract import reextract
from store.records import Records

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _count(records: Records, table: str) -> int:
    return records.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_fast_profile_stores_statements_and_topics_and_reextract_adds_metrics(tmp_path: Path) -> None:
    fast = Settings(profile=Profile.FAST)
    assert not reads_tables(fast) and not extracts(fast)
    assert reads_tables(Settings()) and extracts(Settings())
    files = [CORPUS / "northmoor-scorecard-q2-2024-25.pdf", CORPUS / "northmoor-minutes-2024-12.pdf"]
    with Records(tmp_path / "kb") as records:
        summary = ingest(files, records, workers=1, tables=reads_tables(fast), extract=extracts(fast))
        assert summary.files_read == 2 and not summary.failures
        assert summary.tables == 0 and summary.metrics == 0
        assert _count(records, "statements") > 20 and _count(records, "metrics") == 0
        hits = records.db.execute("SELECT COUNT(*) FROM statements_fts WHERE statements_fts MATCH 'care'").fetchone()[0]
        assert hits > 0
        assert _count(records, "statement_topics") > 0
        reextract(records, build_extractor())
        assert _count(records, "metrics") > 0  # prose metrics, read later from the stored statements
