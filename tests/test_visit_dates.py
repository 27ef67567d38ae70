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
    ("Inspection of Barnsley local authority children's services Inspection dates: 11 to 15 September 2023 Lead",
     date(2023, 9, 11), date(2023, 9, 15)),
    ("Inspection dates: 30 September 2019 to 11 October 2019", date(2019, 9, 30), date(2019, 10, 11)),
    ("Inspection date: 12/09/2016 to 06/10/2016 Report published: 25/11/2016", date(2016, 9, 12), date(2016, 10, 6)),
])
def test_the_visit_days_are_read_from_the_letters_opening(text: str, start: date, end: date) -> None:
    assert visit_period(text)[:2] == (start, end)


def test_an_earlier_judgement_is_not_the_visit() -> None:
    assert visit_period("At the last inspection in May 2022, services were judged inadequate.") is None
    # the visit's own days in a form not read: nothing, rather than the next sentence's earlier inspection
    assert visit_period("This letter summarises the findings of the focused visit to Dorset children's services on "
                        "Tuesday 17 and Wednesday 18 May 2023. Dorset was last inspected from 4 to 8 March 2019.") is None


def test_visit_letters_and_inspection_reports_of_the_shared_corpus_are_dated_by_their_visits(tmp_path) -> None:
    corpus = need_shared() / "corpus"
    papers = [*corpus.glob("ofsted-focused-visits/*buckinghamshire*"), *corpus.glob("ofsted-focused-visits/*darlington*"),
              *corpus.glob("ofsted-ilacs/80499_harrow*2025*"), *corpus.glob("ofsted-ilacs/80426_barnsley*2023*")]
    with Records(tmp_path) as records:
        ingest(papers, records, workers=1)
        got = dict(records.db.execute("SELECT source, period_label FROM documents").fetchall())
    # before: "May 2022" (the previous inspection), "January 2019" (another date of the opening), "February 2020"
    # (Harrow's last inspection, five years before) and none (Barnsley: days within one month)
    assert sorted(got.values()) == ["11 to 15 September 2023", "12 and 13 October 2022", "20 to 24 January 2025",
                                    "27 February 2019"]
