"""Ofsted judgements as ordinal metrics, on PDFs made here and on one real inspection report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pymupdf
import pytest
from conftest import need_shared
from typer.testing import CliRunner

from ingest.reader import parse_file
from nlp.judgements import grade_name, inspection_period, judgements_of
from nlp.models import Unit
from nlp.taxonomy import load_taxonomy
from scrutineer.cli import app
from scrutineer.compare import compare
from scrutineer.pipeline import ingest
from store.records import Records

runner = CliRunner()

ILACS = [
    "Inspection of Northumberland local authority children's services",
    "Inspection dates: 3 to 14 March 2025",
    "Lead inspector: Jo Bloggs, His Majesty's Inspector",
]
ILACS_TABLE = [
    ("Judgement", "Grade"),
    ("The impact of leaders on social work practice with children and families", "Good"),
    ("The experiences and progress of children who need help and protection", "Requires improvement to be good"),
    ("The experiences and progress of children in care", "Good"),
    ("The experiences and progress of care leavers", "Outstanding"),
    ("Overall effectiveness", "Good"),
]


def _pdf(path: Path, lines: list[str], table: list[tuple[str, str]] | None = None, after: list[str] | None = None) -> Path:
    """A one-page report: its opening lines, a ruled two-column judgements table, then prose."""
    doc = pymupdf.open()
    page = doc.new_page()
    y = 60.0
    for i, line in enumerate(lines):
        page.insert_text((50, y), line, fontsize=16 if i == 0 else 11)
        y += 24 if i == 0 else 16
    if table:
        y += 10
        for left, right in table:
            page.draw_rect(pymupdf.Rect(50, y, 400, y + 30))
            page.draw_rect(pymupdf.Rect(400, y, 560, y + 30))
            page.insert_textbox(pymupdf.Rect(54, y + 3, 396, y + 29), left, fontsize=9)
            page.insert_textbox(pymupdf.Rect(404, y + 3, 556, y + 29), right, fontsize=9)
            y += 30
    y += 20
    for line in after or []:
        page.insert_text((50, y), line, fontsize=11)
        y += 16
    doc.save(path)
    return path


def _grades(path: Path) -> dict[str, float]:
    (doc,) = parse_file(path).documents
    return {m.indicator: m.value for m in judgements_of(doc)}


def test_judgements_table_becomes_grades(tmp_path: Path):
    path = _pdf(tmp_path / "report.pdf", ILACS, ILACS_TABLE,
                ["Services for children in Northmoor have improved since the last inspection in 2021,",
                 "when the local authority was judged inadequate overall."])
    (doc,) = parse_file(path).documents
    found = {m.indicator: m for m in judgements_of(doc)}
    assert {k: m.value for k, m in found.items()} == {
        "ofsted_leadership": 2, "ofsted_help_and_protection": 3, "ofsted_children_in_care": 2,
        "ofsted_care_leavers": 1, "ofsted_overall_effectiveness": 2}
    overall = found["ofsted_overall_effectiveness"]
    assert overall.unit is Unit.GRADE and overall.basis.value == "actual"
    assert (overall.period_start, overall.period_end) == (date(2025, 3, 3), date(2025, 3, 14))
    assert overall.authority == "Northumberland County Council"
    assert overall.label == "Overall effectiveness: Good" and "Good" in overall.quote
    assert overall.confidence == "high" and "Overall effectiveness" in overall.evidence  # compare keeps only confident rows
    assert found["ofsted_help_and_protection"].label.endswith("Requires improvement to be good")


@pytest.mark.parametrize("overall", [
    ["The overall judgement is that children's services require improvement to be good"],
    ["Inspectors looked again at children's services in Wexcombe, after they were judged to be inadequate.",
     "Children's services in Wexcombe County Council require improvement to be good"],
])
def test_single_inspection_framework_states_overall_in_a_sentence(tmp_path: Path, overall: list[str]):
    path = _pdf(tmp_path / "sif.pdf", [
        "Wexcombe County Council",
        "Inspection of services for children in need of help and protection, children looked after and care leavers",
        "Inspection date: 12 October 2015 - 5 November 2015",
        "Report published: 5 January 2016",
        *overall,
        "1. Children who need help and protection",
        "Inadequate",
        "2. Children looked after and achieving permanence",
        "Requires improvement",
        "2.1 Adoption performance",
        "Good",
        "Requires",  # a two-line grade centred on its row
        "2.2 Experiences and progress of care leavers",
        "improvement",
        "3. Leadership, management and governance",
        "Requires improvement",
    ])
    assert _grades(path) == {
        "ofsted_overall_effectiveness": 3, "ofsted_help_and_protection": 4, "ofsted_children_in_care": 3,
        "ofsted_adoption_performance": 2, "ofsted_care_leavers": 3, "ofsted_leadership": 3}
    (doc,) = parse_file(path).documents
    overall = next(m for m in judgements_of(doc) if m.indicator == "ofsted_overall_effectiveness")
    assert overall.label == "Overall effectiveness: Requires improvement to be good"
    assert (overall.period_start, overall.period_end) == (date(2015, 10, 12), date(2015, 11, 5))


def test_letters_and_councils_own_reports_grade_nothing(tmp_path: Path):
    letter = _pdf(tmp_path / "letter.pdf", [
        "Dear Ms Smith", "Focused visit to Northmoor children's services",
        "This visit was carried out under the inspection of local authority children's services (ILACS) framework.",
        "At the last inspection, overall effectiveness was judged to be good.",
    ])
    report = _pdf(tmp_path / "report_to_committee.pdf", [
        "Report to Corporate Parenting Committee", "Subject: Outcome of the Ofsted inspection",
        "The Council's children's services were inspected in March.",
    ], ILACS_TABLE[1:])
    assert _grades(letter) == {}
    assert _grades(report) == {}


def test_inspection_dates_as_printed():
    assert inspection_period("Inspection dates: 8 October 2018 to 19 October 2018 \n") == (
        date(2018, 10, 8), date(2018, 10, 19), "8 October 2018 to 19 October 2018")
    assert inspection_period("Inspection date: 25 September to 19 October 2017 Report published: 8 December 2017")[:2] == (
        date(2017, 9, 25), date(2017, 10, 19))
    assert inspection_period("Inspection date: 12/09/2016 to 06/10/2016 \n")[:2] == (date(2016, 9, 12), date(2016, 10, 6))
    assert inspection_period("Report published: 8 August 2014 \n")[:2] == (date(2014, 8, 8), date(2014, 8, 8))
    assert grade_name(3) == "Requires improvement to be good"


def test_compare_shows_grades_side_by_side(tmp_path: Path):
    papers = tmp_path / "papers"
    papers.mkdir()
    _pdf(papers / "a.pdf", ILACS, ILACS_TABLE)
    worse = [(area, "Inadequate" if area == "Overall effectiveness" else grade) for area, grade in ILACS_TABLE]
    _pdf(papers / "b.pdf", [ILACS[0].replace("Northumberland", "Wiltshire"), "Inspection dates: 2 to 13 June 2024"], worse)
    kb = tmp_path / "kb"
    with Records(kb) as records:
        ingest([papers], records, workers=1)
        result = compare(records, load_taxonomy(), "ofsted_overall_effectiveness")
    assert {(p.name, p.value) for p in result.points} == {("Northumberland", 2), ("Wiltshire", 4)}
    out = runner.invoke(app, ["compare", "ofsted_overall_effectiveness", "--kb", str(kb)], terminal_width=200)
    assert out.exit_code == 0, out.output
    assert "Good" in out.output and "Inadequate" in out.output and "2025" in out.output


@pytest.mark.shared
def test_real_inspection_report():
    report = need_shared() / "corpus/ofsted-ilacs/80426_barnsley_children_s_services_inspection_-_27_october_2023.pdf"
    (doc,) = parse_file(report).documents
    found = {m.indicator: m for m in judgements_of(doc)}
    assert {k: m.value for k, m in found.items()} == {
        "ofsted_leadership": 2, "ofsted_help_and_protection": 3, "ofsted_children_in_care": 2,
        "ofsted_care_leavers": 2, "ofsted_overall_effectiveness": 2}
    assert found["ofsted_overall_effectiveness"].authority == "Barnsley Metropolitan Borough Council"
    assert found["ofsted_overall_effectiveness"].period_end == date(2023, 9, 15)
    assert found["ofsted_overall_effectiveness"].page == 1
