"""SQL clauses over documents `d` that say which papers a reader means: who wrote one, which years it is of, and
which is each authority's newest. Search filters, the keyword index's filter flags and the vector scope share them,
so a paper passes or fails a filter the same way in each."""

from __future__ import annotations

from ingest.metadata import OFSTED

AUTHOR_SQL = "(d.author = ? OR d.author LIKE ?)"  # the author, or a body before the name of one of its people
PUBLISHED_WITHIN_DAYS = 74
_OFSTED_PAPER = f"d.doc_type IN ('inspection_report', 'letter') AND {AUTHOR_SQL}"


def author_args(author: str) -> list[str]:
    """AUTHOR_SQL's arguments: "Ofsted" matches "Ofsted" and "Ofsted: Caroline Walsh"."""
    return [author, f"{author}:%"]


def _year_of(*columns: str) -> str:
    return f"CAST(substr(coalesce({', '.join(f'nullif(d.{c}, {chr(39) * 2})' for c in columns)}, ''), 1, 4) AS INTEGER)"


_MET = _year_of("meeting_date")
_FIRST, _LAST = _year_of("period_start", "period_end"), _year_of("period_end", "period_start")
_MEETING = "coalesce(d.meeting_date, '') != ''"
_PERIOD = "coalesce(d.period_end, d.period_start, '') != ''"
# Ofsted publishes a report or visit letter some weeks after the inspection (the shared corpus: median 43 days, 95% within
# 74), and readers know it by that year: a December inspection's report is the next January's.
_PUBLISHED = (f"CASE WHEN {_OFSTED_PAPER} AND NOT {_MEETING} AND coalesce(d.period_end, '') != '' "
              f"THEN CAST(strftime('%Y', d.period_end, '+{PUBLISHED_WITHIN_DAYS} days') AS INTEGER) END")


def years_sql(year_from: int | None, year_to: int | None) -> tuple[str, list[object]]:
    """A paper of these years: its meeting is in them, or the period it covers overlaps them (a budget for 2025-26 is of
    2025 and 2026, a sufficiency strategy for 2024-27 of each year to 2027, a report to a January 2025 meeting on the
    quarter to December 2024 of both years), or an inspectorate's report is published in them. A paper with no date
    is of year 0, as before: it passes "up to" a year, not "from" one."""
    def within(first: str, last: str, year_args: list[object]) -> tuple[str, list[object]]:
        bounds = [(b, f"{last} >= ?") for b in [year_from] if b] + [(b, f"{first} <= ?") for b in [year_to] if b]
        return " AND ".join(test for _, test in bounds), [a for b, _ in bounds for a in (*year_args, b)]
    met, args = within(_MET, _MET, [])
    covered, more = within(_FIRST, _LAST, [])
    undated, undated_args = within("0", "0", [])
    published, published_args = within(_PUBLISHED, _PUBLISHED, list(author_args(OFSTED)))
    return (f"(({_MEETING} AND {met}) OR ({_PERIOD} AND {covered}) OR (NOT {_MEETING} AND NOT {_PERIOD} AND {undated}) "
            f"OR ({published}))", args + more + undated_args + published_args)


# When a paper was written, as near as its dates tell: its meeting, or an inspection's last day; a paper dated only by
# the period it covers (a budget's appendices, a ten-year capital programme, a strategy) comes after every paper so
# dated, by its period's start, since it may have been written any time before that period ends (Kent's 2025-35
# capital appendices, written for a January 2025 meeting, are not newer than its March 2025 Cabinet papers).
_WRITTEN = (f"CASE WHEN {_MEETING} THEN '1' || d.meeting_date "
            f"WHEN {_OFSTED_PAPER} AND coalesce(d.period_end, '') != '' THEN '1' || d.period_end "
            "ELSE '0' || coalesce(nullif(d.period_start, ''), nullif(d.period_end, ''), '') END")


def newest_sql(where: str) -> str:
    """The ids of each authority's newest papers among those `where` admits (arguments: `newest_args`). A paper whose
    authority is not known stands alone rather than being ranked against other such papers, which may be any
    council's."""
    return (f"SELECT id FROM (SELECT d.id, {_WRITTEN} AS day, max({_WRITTEN}) OVER (PARTITION BY coalesce(d.authority, "
            f"d.id)) AS newest FROM documents d WHERE {where}) WHERE day = newest")


def newest_args(where_args: list[object]) -> list[object]:
    """`newest_sql`'s arguments, in the order its placeholders appear: the two day expressions' author tests, then the
    `where` clause's own."""
    return [*author_args(OFSTED), *author_args(OFSTED), *where_args]
