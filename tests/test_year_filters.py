"""A year filter admits a paper by its meeting or any year of the period it covers, and an Ofsted report by its
inspection or its publication, which readers know it by: a December inspection's report is the next January's."""

from __future__ import annotations

import sqlite3

import pytest

from store.paper_clauses import years_sql

PAPERS = [  # source, doc_type, author, meeting_date, period_start, period_end
    ("minutes", "minutes", None, "2023-12-05", None, None),
    ("scorecard", "scorecard", None, None, "2023-10-01", "2023-12-31"),
    ("inspection", "inspection_report", "Ofsted", None, "2023-12-04", "2023-12-15"),
    ("summer visit", "letter", "Ofsted: Caroline Walsh", None, "2023-07-19", "2023-07-20"),
    ("council letter", "letter", "Northmoor Borough Council", None, None, "2023-12-20"),
]
MORE = [
    ("strategy", "strategy", None, None, "2019-04-01", "2022-03-31"),  # a sufficiency strategy 2019-22
    ("budget", "report", None, "2019-02-14", "2019-04-01", "2020-03-31"),  # met in February for the next year
    ("undated", "other", None, None, None, None),
]


def _passing(year_from: int | None, year_to: int | None, papers: list[tuple] = PAPERS) -> set[str]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE documents (source, doc_type, author, meeting_date, period_start, period_end)")
    db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)", papers)
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


@pytest.mark.parametrize(("first", "last", "expected"), [
    (2021, 2021, {"strategy"}),  # a year inside the plan's span
    (2020, None, {"strategy", "budget"}),  # the budget met in 2019 covers 2019-20
    (None, 2018, {"undated"}),  # an undated paper passes "up to" a year, as it did
    (2019, 2019, {"strategy", "budget"}),
    (2023, None, set()),
])
def test_a_paper_is_of_every_year_its_period_covers(first, last, expected) -> None:
    assert _passing(first, last, MORE) == expected
