"""Ofsted's papers known as Ofsted's: "what did Ofsted say" reaches its reports and visit letters, not a council's own
letters (a minister's reply, answers to members' questions), which are letters too."""

from __future__ import annotations

from pathlib import Path

from scrutineer.pipeline import ingest
from scrutineer.query_filters import FilterKind, apply_filters, read_query
from store.records import Records
from store.statement_rows import SearchFilters

VISIT = """Dear Ms Smith

Focused visit to Northmoor Borough Council children's services

This letter summarises the findings of the focused visit to Northmoor children's services by Ofsted.
Care leavers told inspectors that too many of them live in unsuitable emergency accommodation.
"""
REPORT = """Inspection of Northmoor local authority children's services

Inspection dates: 3 to 14 March 2025
Lead inspector: Jane Doe, His Majesty's Inspector

Care leavers live in suitable accommodation and very few are in emergency accommodation.
Ofsted will monitor the local authority's progress at its next inspection.
"""
COUNCIL = """Dear Councillor Brown

Thank you for your question about care leavers in emergency accommodation in Northmoor.
The council has opened twelve new supported lodgings for care leavers this year.
"""


def _statements(records: Records, filters: SearchFilters) -> set[str]:
    where, args = filters.sql()
    sql = f"SELECT d.source FROM statements s JOIN documents d ON d.id = s.document_id WHERE {where}"
    return {r[0] for r in records.db.execute(sql, args)}


def test_ofsteds_letters_are_by_ofsted_and_a_councils_are_not(tmp_path: Path) -> None:
    files = _write(tmp_path)
    with Records(tmp_path / "kb") as records:
        ingest(files, records, workers=1)
        typed = dict(records.db.execute("SELECT source, doc_type || ' ' || coalesce(author, '-') FROM documents"))
        assert typed == {"visit.txt": "letter Ofsted", "reply.txt": "letter -",
                         "ilacs.txt": "inspection_report Ofsted: Jane Doe, His Majesty's Inspector"}
        read = read_query("what did Ofsted say about emergency accommodation in Northmoor")
        assert {(f.kind, f.value) for f in read.filters} >= {(FilterKind.AUTHOR, "Ofsted"),
                                                             (FilterKind.DOC_TYPE, "letter")}
        assert "by Ofsted" in read.describe()
        assert _statements(records, apply_filters(read, SearchFilters())) == {"visit.txt", "ilacs.txt"}
        assert _statements(records, SearchFilters(doc_type="letter")) == {"visit.txt", "reply.txt"}


def _write(folder: Path) -> list[Path]:
    files = {"visit.txt": VISIT, "reply.txt": COUNCIL, "ilacs.txt": REPORT}
    for name, text in files.items():
        (folder / name).write_text(text)
    return [folder / name for name in files]


def test_a_kb_ingested_before_learns_who_wrote_ofsteds_papers(tmp_path: Path) -> None:
    """Migration 007 reads the author from stored statements as ingest now does: no re-ingest needed."""
    from store.records import SCHEMA_VERSION

    kb = tmp_path / "kb"
    with Records(kb) as records:
        ingest(_write(tmp_path), records, workers=1)
        with records.transaction() as db:
            db.execute("UPDATE documents SET author = NULL WHERE source != 'ilacs.txt'")
            db.execute("UPDATE documents SET author = 'Jane Doe' WHERE source = 'ilacs.txt'")
            db.execute("ALTER TABLE pages DROP COLUMN ocr")  # as a version 6 KB was, before migration 008
            db.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    with Records(kb) as records:
        assert dict(records.db.execute("SELECT source, author FROM documents")) == {
            "visit.txt": "Ofsted", "reply.txt": None, "ilacs.txt": "Ofsted: Jane Doe"}
        assert records.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == \
            str(SCHEMA_VERSION)


EARLIER_VISIT = VISIT.replace("children's services by Ofsted.", "children's services by Ofsted on 4 and 5 June 2024.")
LATER_REPORT = REPORT.replace("Northmoor local authority", "Northmoor Borough Council")


def test_the_latest_paper_is_each_authoritys_newest_of_the_kind_asked(tmp_path: Path) -> None:
    files = {"visit.txt": EARLIER_VISIT, "reply.txt": COUNCIL, "ilacs.txt": LATER_REPORT}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / n for n in files], records, workers=1)
        dated = dict(records.db.execute("SELECT source, coalesce(period_end, meeting_date) FROM documents"))
        assert dated["ilacs.txt"] > dated["visit.txt"]
        read = read_query("what did the latest Ofsted inspection say about emergency accommodation in Northmoor")
        assert _statements(records, apply_filters(read, SearchFilters())) == {"ilacs.txt"}
        assert _statements(records, SearchFilters(doc_type="letter", latest=True)) == {"visit.txt"}  # undated: not newest
        assert _statements(records, SearchFilters(doc_types=["inspection_report", "letter"], author="Ofsted")) == \
            {"visit.txt", "ilacs.txt"}
