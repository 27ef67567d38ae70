"""Each authority's newest paper, as "the latest inspection" or `--latest` asks: newest by when it was written (its
meeting, an inspection's last day, else the start of the period it covers), among the papers the other filters admit."""

from __future__ import annotations

import sqlite3

from store.statement_rows import SearchFilters

PAPERS = [  # id, doc_type, author, authority, committee, meeting_date, period_start, period_end
    ("capital programme 2025-35", "appendix", None, "Kent", None, None, "2025-04-01", "2035-03-31"),
    ("march cabinet report", "report", None, "Kent", "Cabinet", "2025-03-04", None, None),
    ("january cabinet plan 2025-29", "report", None, "Kent", "Cabinet", "2025-01-30", "2025-04-01", "2029-03-31"),
    ("panel minutes", "minutes", None, "Kent", "Corporate Parenting Panel", "2024-10-29", None, None),
    ("inspection 2024", "inspection_report", "Ofsted", "Croydon", None, None, "2024-10-14", "2024-10-25"),
    ("inspection 2017", "inspection_report", "Ofsted", "Croydon", None, None, "2017-06-20", "2017-07-13"),
    ("visit 2022", "letter", "Ofsted", "Croydon", None, None, "2022-05-10", "2022-05-11"),
    ("unplaced 2023", "report", None, None, None, "2023-02-01", None, None),
    ("unplaced 2021", "report", None, None, None, "2021-02-01", None, None),
]


def _newest(**filters: object) -> set[str]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE documents (id, doc_type, author, authority, committee, meeting_date, period_start, "
               "period_end)")
    db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)", PAPERS)
    where, args = SearchFilters(latest=True, **filters).sql()  # type: ignore[arg-type]
    return {r[0] for r in db.execute(f"SELECT d.id FROM documents d WHERE {where}", args)}


def test_a_forward_plan_is_not_newer_than_the_meeting_that_followed_it() -> None:
    """A paper dated by a meeting or an inspection is newer than one dated only by the period it covers, which a
    ten-year programme starting in April may have been written for a January meeting; among those, the period's
    start decides, not its end in 2035."""
    assert _newest(authorities=["Kent"]) == {"march cabinet report"}
    assert _newest(authorities=["Kent"], committee="Cabinet") == {"march cabinet report"}
    assert _newest(authorities=["Kent"], doc_type="appendix") == {"capital programme 2025-35"}


def test_the_newest_of_the_kind_asked_for() -> None:
    assert _newest(authorities=["Croydon"], doc_types=["inspection_report", "letter"], author="Ofsted") == {
        "inspection 2024"}
    assert _newest(authorities=["Croydon"], doc_type="letter") == {"visit 2022"}
    assert _newest(authorities=["Kent"], committee="Corporate Parenting Panel") == {"panel minutes"}
    assert _newest(authorities=["Kent"], year_to=2024) == {"panel minutes"}  # the newest of those years


def test_a_paper_of_no_known_authority_stands_alone() -> None:
    assert {"unplaced 2023", "unplaced 2021"} <= _newest()
    assert _newest() >= {"march cabinet report", "inspection 2024"}
