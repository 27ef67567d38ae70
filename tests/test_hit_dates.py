"""The date a hit is filed under in the timeline: its meeting's, else the end of what its paper covers."""

from __future__ import annotations

from datetime import date

from scrutineer.hits import dated, render_hits
from scrutineer.search import Hit
from scrutineer.web.present import timeline


def _hit(meeting: date | None, period_end: date | None, authority: str = "London Borough of Lewisham") -> Hit:
    return Hit(text="Children in care are listened to.", source="report.pdf", page=3, page_end=3, section_path=[],
               authority=authority, committee="", meeting_date=meeting, period_end=period_end,
               doc_type="inspection_report", document_title="Inspection", part=0, score=0.1)


def test_an_ofsted_report_is_dated_by_its_inspection_and_a_minute_by_its_meeting() -> None:
    inspection, minutes = _hit(None, date(2023, 12, 15)), _hit(date(2024, 3, 5), date(2024, 3, 31))
    assert (dated(inspection), dated(minutes), dated(_hit(None, None))) == ("to 2023-12-15", "2024-03-05", "")
    groups = timeline([minutes, inspection])
    assert [m.date for m in groups[0].meetings] == ["to 2023-12-15", "2024-03-05"]  # in date order
    assert "period_end" in render_hits([inspection], "csv").splitlines()[0]
