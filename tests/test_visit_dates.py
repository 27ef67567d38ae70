"""An inspectorate's visit letter is dated by the visit it reports (ingest/visit_dates.py)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import need_shared

from ingest.visit_dates import visit_period
from scrutineer.pipeline import ingest
from store.records import Records


@pytest.mark.parametrize(("text", "start", "end"), [
    ("This letter summarises the findings of the focused visit to Dorset children's services on 17 and 18 May 2023.",
     date(2023, 5, 17), date(2023, 5, 18)),
    ("the findings of a focused visit to Blackburn with Darwen children's services on 7 November 2019.",
     date(2019, 11, 7), date(2019, 11, 7)),
    ("the findings of the monitoring visit to Sandwell children's services on 30 November and 1 December 2022",
     date(2022, 11, 30), date(2022, 12, 1)),
    ("the findings of a focused visit to Gateshead children's services on 22 to 23 September 2021",
     date(2021, 9, 22), date(2021, 9, 23)),
])
def test_the_visit_days_are_read_from_the_letters_opening(text: str, start: date, end: date) -> None:
    assert visit_period(text)[:2] == (start, end)


def test_an_earlier_judgement_is_not_the_visit() -> None:
    assert visit_period("At the last inspection in May 2022, services were judged inadequate.") is None


def test_focused_visit_letters_of_the_shared_corpus_are_dated_by_their_visits(tmp_path) -> None:
    folder = need_shared() / "corpus" / "ofsted-focused-visits"
    letters = sorted(folder.glob("*buckinghamshire*")) + sorted(folder.glob("*darlington*"))
    with Records(tmp_path) as records:
        ingest(letters, records, workers=1)
        got = dict(records.db.execute("SELECT source, period_label FROM documents").fetchall())
    # before: "May 2022" (the previous inspection) and "January 2019" (another date of the opening)
    assert sorted(got.values()) == ["12 and 13 October 2022", "27 February 2019"]
