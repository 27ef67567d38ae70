"""A line numbered as the next sibling of a heading heads its own section, in a text file as in a PDF."""

from __future__ import annotations

from pathlib import Path

from conftest import need_shared

from ingest.reader import parse_file

REPORT = """Shropshire Council

6.0 Children Looked After

6.9.1 Growth in Unaccompanied Asylum-Seeking Children (UASCs)

Under the National Transfer Scheme the council has accepted unaccompanied asylum-seeking children from port.

6.9.2 Growth in number of children looked after due to risk of significant harm

The number of children subject to care proceedings has increased through 2020/21 and reached a peak in March.

6.9.3 Growth in number of children looked after living with a relative or friend (Connected carers)

Since 2020 the number of children looked after with a connected carer has risen from 91 households to 137.

11.0 Additional Information

11.1 None at this time

List of Background Papers (This must be completed for all reports, but does not include exempt information)
"""


def _paths(path: Path) -> dict[str, list[str]]:
    return {s.text: s.section_path for d in parse_file(path).documents for s in d.statements}


def test_a_sentence_case_sibling_of_a_numbered_heading_heads_its_statements(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT)
    paths = _paths(path)
    connected = next(p for t, p in paths.items() if t.startswith("Since 2020"))
    assert connected[-1] == "6.9.3 Growth in number of children looked after living with a relative or friend " \
                            "(Connected carers)"
    harm = next(p for t, p in paths.items() if t.startswith("The number of children subject"))
    assert harm[-1].startswith("6.9.2 ")
    assert "None at this time" in paths  # a template's answer, not a heading


def test_the_numbered_sections_of_a_needs_assessment_are_found() -> None:
    path = need_shared() / "corpus" / "needs-assessments" / \
        "needs_assessment_of_vulnerable_and_looked_after_children___full_report.pdf"
    sections = {part for p in _paths(path).values() for part in p}
    assert {"5.2.4 Leaving care", "8.3 Low income households", "9.5 Placement type"} <= sections
