"""A year filter admits a paper by its meeting or the period it covers, and an Ofsted report by its inspection or
its publication, which readers know it by: a December inspection's report is the next January's."""

from __future__ import annotations

import sqlite3

import pytest

from store.statement_rows import years_sql

PAPERS = [  # source, doc_type, author, meeting_date, period_end
    ("minutes", "minutes", None, "2023-12-05", None),
    ("scorecard", "scorecard", None, None, "2023-12-31"),
    ("inspection", "inspection_report", "Ofsted", None, "2023-12-15"),
    ("summer visit", "letter", "Ofsted: Caroline Walsh", None, "2023-07-20"),
    ("council letter", "letter", "Northmoor Borough Council", None, "2023-12-20"),
]


def _passing(year_from: int | None, year_to: int | None) -> set[str]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE documents (source, doc_type, author, meeting_date, period_end)")
    db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?)", PAPERS)
    clause, args = years_sql(year_from, year_to)
    return {r[0] for r in db.execute(f"SELECT source FROM documents d WHERE {clause}", args)}


@pytest.mark.parametrize(("first", "last", "expected"), [
    (2024, 2024, {"inspection"}),  # published in 2024, inspected in December 2023
    (2023, 2023, {"minutes", "scorecard", "inspection", "summer visit", "council letter"}),
    (2024, None, {"inspection"}),
    (None, 2022, set()),
])
def test_an_ofsted_report_is_of_its_inspection_year_and_its_publication_year(first, last, expected) -> None:
    assert _passing(first, last) == expected
