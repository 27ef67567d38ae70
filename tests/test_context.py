"""A hit is read with the sentence it leans on ("However, ...") and the one that leans on it ("This is ..."), not
with every neighbour."""

from __future__ import annotations

from pathlib import Path

from scrutineer.context import LEANS, _more_rows
from scrutineer.pipeline import ingest
from scrutineer.search import search
from store.records import Records

REPORT = """Corporate Parenting Panel report

Kinship care

The number of children living with kinship carers rose to 140 during the year. This is the highest figure since the
service began. The fostering panel met eleven times.

Placements

Placement stability improved across the county in the year. However, arrangements with independent providers ended early more
often than before. The panel thanked officers.
"""


def _first_hit(kb: Path, query: str) -> tuple[str, bool]:
    with Records(kb) as records:
        hit = search(records, None, None, query, limit=3)[0]
    assert hit.why is not None
    return hit.text, hit.why.context


def test_a_hit_is_read_with_what_leans_on_it_and_what_it_leans_on(tmp_path: Path) -> None:
    (tmp_path / "panel.txt").write_text(REPORT)
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / "panel.txt"], records, workers=1)
    text, context = _first_hit(tmp_path / "kb", "kinship carers")
    assert "This is the highest figure since the service began." in text  # it continues the hit
    assert "fostering panel" not in text and not context  # a plain neighbour is not pulled in
    text, _ = _first_hit(tmp_path / "kb", "independent providers ended early")
    assert text.startswith("Placement stability improved")  # the hit leans on it
    assert "thanked" not in text


def test_leaning_openings() -> None:
    assert LEANS.match("This equates to 137 connected carer households.")
    assert LEANS.match("However, the involvement of care leavers in their plans is inconsistent.")
    assert not LEANS.match("Thistle House opened in May.") and not LEANS.match("Care leavers are supported.")
    # a summary or a comparison of what was just said
    assert LEANS.match("Overall, in 2023/24 the performance was at 94%.")
    assert LEANS.match("In comparison, 61% of children nationally had a dental check.")
    assert LEANS.match("Meanwhile the number of referrals rose.") and LEANS.match("Likewise, reviews were late.")
    assert not LEANS.match("Overall performance of the service is good.")  # opens a new point


def test_a_figure_s_judgement_and_comparators_lean_on_it() -> None:
    """A performance report follows a figure with what it means and what it compares with; neither says which
    measure it is about."""
    assert LEANS.match("Positively this is an increase from 83% in Q1.")
    assert LEANS.match("Whilst this remains an excellent achievement, it is a reduction from 95.5%.")
    assert LEANS.match("Nationally, the average is 70% and our statistical neighbour average is 65%.")
    assert LEANS.match("The national average for 2023/24 was 38% with statistical neighbours being 37%.")
    assert not LEANS.match("Positively, social work vacancies have reduced significantly.")  # says what it is about
    assert not LEANS.match("Nationality of unaccompanied children placed in Kent.")
    assert not LEANS.match("Nationally care leavers fare worse than the general population of 16-25-year-olds.")
    assert not LEANS.match("Compared with statistical neighbours, in 2013-14, Wiltshire was the third lowest.")
    assert LEANS.match("Latest: 14.9% Target: 15%, Floor: 20% Previous: 15.2% (Amber)")  # a scorecard's value line
    assert not LEANS.match("Target: all care leavers to have a pathway plan by March 2025.")
    assert LEANS.match("For those aged 19 to 21, the figure is better than the national average.")
    assert LEANS.match("Of these, 12 were placed with relatives.") and LEANS.match("Sometimes, these moves can be positive.")
    assert not LEANS.match("Of the 40 children, 12 were placed with relatives.")
    # "those" that says whom it means, and words that only end like an adverb
    assert not LEANS.match("For those children who live in supported accommodation, leaders visit them.")
    assert not LEANS.match("Only those children who need to be looked after come into care.")
    assert not LEANS.match("July this year saw 40 new foster carers approved.")
    # what was just described, as its yield; not when the sentence says whose it is
    assert LEANS.match("The information gathered is used effectively to inform safety planning.")
    assert LEANS.match("The learning from these placement disruptions has not been used to inform practice.")
    assert not LEANS.match("The information provided to care leavers about their health histories is limited.")
    # a finding on what was just described; not one that says what it found of
    assert LEANS.match("Q2 data shows that it took on average 631 days, compared to a national average of 376.")
    assert LEANS.match("A recent audit confirmed that they are visited more often than required.")
    assert not LEANS.match("Data shows that this year a greater proportion of pupils are on track.")
    assert not LEANS.match("The data shows the number of children in care has fallen.")
    assert not LEANS.match("Research evidence suggests that it is better for children to live with family.")
    assert not LEANS.match("Local data shows that this financial year referrals rose.")
    assert not LEANS.match("The learning and development offer to staff has also been enhanced.")


def test_a_bare_row_leans_on_the_row_before() -> None:
    """"2018-2019 | 31% | 45%" says nothing of what it counts; the header row above it does."""
    assert _more_rows("Year | Initial health assessments | Review health assessments", "2018-2019 | 31%↓ | 45%↓")
    assert not _more_rows("Year | Initial health assessments", "UASC | 531 | 480")  # a row that says what it is
    assert not _more_rows("The figures are below.", "2018-2019 | 31% | 45%")  # after prose: a table pointed to
    assert not _more_rows("2017-2018 | 28% | 41%", "2018-2019 | 31% | 45%")  # a bare row names nothing either


HEALTH = """Health of cared for children

Dental checks

There are difficulties with obtaining dental data for cared for children. Table 2 below indicates the percentages of
cared for children who were up to date with their dental check on 31.03.2019 and the years before.

Table 2

31.03.15 | 98% | 86%

31.03.16 | 76% | 84%

Immunisation | 87% | 85%

The panel thanked the designated nurse.
"""


def test_a_sentence_pointing_to_a_table_brings_its_bare_rows(tmp_path: Path) -> None:
    """Rows of bare figures have no words a search could match; the sentence that points to their table does."""
    (tmp_path / "health.txt").write_text(HEALTH)
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / "health.txt"], records, workers=1)
    text, _ = _first_hit(tmp_path / "kb", "dental checks")
    assert "Table 2 31.03.15 | 98% | 86% 31.03.16 | 76% | 84%" in text
    assert "Immunisation" not in text and "thanked" not in text  # a row that says what it is ends the bare run
