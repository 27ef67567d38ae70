"""A measure taken on a day is dated that day, the last of the period its paper names."""

from __future__ import annotations

from datetime import date

from ingest.models import Document, Metadata, Statement, StatementKind, Table
from nlp.extract import extract_metrics
from nlp.models import Timing
from nlp.taxonomy import load_taxonomy

META = Metadata(authority="Northmoor Borough Council", period_start=date(2024, 7, 1), period_end=date(2024, 9, 30),
                period_label="Q2 2024/25")


def document(texts: list[tuple[str, StatementKind]], tables: list[Table] | None = None) -> Document:
    return Document(
        id="d-0", source="report.pdf", sha256="0" * 64, meta=META, page_start=1, page_end=1,
        statements=[Statement(text=t, page=1, section_path=["Children in care"], char_start=0, char_end=1, kind=k)
                    for t, k in texts],
        tables=tables or [])


def dated(doc: Document) -> dict[tuple[str, float], tuple[date | None, date | None, str]]:
    return {(m.indicator, m.value): (m.period_start, m.period_end, m.period_label)
            for m in extract_metrics(doc, load_taxonomy()) if m.indicator}


def test_the_reference_says_which_measures_are_taken_on_a_day() -> None:
    taxonomy = load_taxonomy()
    assert taxonomy.get("cla_count").timing is Timing.SNAPSHOT
    assert taxonomy.get("cla_rate_per_10000").timing is Timing.SNAPSHOT
    assert taxonomy.get("cla_starts_count").timing is Timing.PERIOD
    assert taxonomy.get("sw_vacancy_rate_percent").timing is None  # "year ending / snapshot at 30 September"
    assert taxonomy.get("placements_residential_count").timing is Timing.SNAPSHOT  # the project's reading of its title
    assert taxonomy.get("contacts_count").timing is None


def test_a_count_at_a_quarters_end_is_dated_that_day_and_keeps_the_quarters_name() -> None:
    rows = dated(document([(
        "At the end of quarter 2, Northmoor was responsible for 412 children in care, an increase from 398 at the end "
        "of quarter 1.", StatementKind.SENTENCE)]))
    assert rows[("cla_count", 412)] == (date(2024, 9, 30), date(2024, 9, 30), "quarter 2")
    assert rows[("cla_count", 398)] == (date(2024, 6, 30), date(2024, 6, 30), "quarter 1")


def test_a_scorecards_quarter_columns_date_a_count_by_each_quarters_last_day() -> None:
    grid = [["Measure", "Q1 2024/25", "Q2 2024/25"], ["Number of children in care", "398", "412"]]
    doc = document([(" | ".join(r), StatementKind.TABLE_ROW) for r in grid], [Table(page=1, header_rows=1, rows=grid)])
    rows = dated(doc)
    assert rows[("cla_count", 398)][:2] == (date(2024, 6, 30), date(2024, 6, 30))
    assert rows[("cla_count", 412)] == (date(2024, 9, 30), date(2024, 9, 30), "Q2 2024/25")


def test_a_years_events_keep_the_year() -> None:
    rows = dated(document([("In 2023/24, 150 children started to be looked after.", StatementKind.SENTENCE)]))
    assert rows[("cla_starts_count", 150)][:2] == (date(2023, 4, 1), date(2024, 3, 31))
