"""A question that names children in care or care leavers prefers statements about them: by their own words, or by
the section or paper they sit in."""

from __future__ import annotations

from pathlib import Path

from scrutineer.pipeline import ingest
from scrutineer.population import in_care_query, outside_care
from store.records import Records

HIGHWAYS = """Highways and Transport Report

School Streets

The School Streets programme, with temporary restrictions on motorised traffic at school gates, expands to two more
schools this term.
"""
VIRTUAL_SCHOOL = """Corporate Parenting Panel report

Virtual School

The head teacher reported that attainment at key stage 4 rose this year and fewer pupils were excluded.
"""


def test_in_care_words_in_the_question() -> None:
    assert in_care_query("how well children in care do at school and their exam results")
    assert in_care_query("care leavers who become homeless") and in_care_query("CLA dental checks")
    assert not in_care_query("school attendance across the county")
    assert in_care_query("GCSE results for pupils in care") and in_care_query("young people from care at university")
    assert not in_care_query("staffing in care homes for older people")
    assert not in_care_query("how many children are in care proceedings")


def test_a_statement_outside_the_population_is_known_by_its_paper_and_section(tmp_path: Path) -> None:
    (tmp_path / "highways.txt").write_text(HIGHWAYS)
    (tmp_path / "panel.txt").write_text(VIRTUAL_SCHOOL)
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / "highways.txt", tmp_path / "panel.txt"], records, workers=1)
        rows = dict(records.db.execute("SELECT s.id, d.source FROM statements s JOIN documents d "
                                       "ON d.id = s.document_id WHERE s.text LIKE '%school%' OR s.text LIKE '%stage 4%'"))
        outside = outside_care(records, list(rows))
    assert {rows[i] for i in outside} == {"highways.txt"}  # the panel's pupils are its children in care
