"""How a figure is dated by the build of its sentence (nlp/figure_periods.py), on sentences written for these tests:
a comparator takes the date of the figure it is weighed against, dates and figures listed in order pair up, a figure
of the last inspection has no date, a snapshot's list carries past a footnote, windows printed later in the clause."""

from __future__ import annotations

from datetime import date

from nlp.models import DocumentContext
from nlp.prose import StatementIn, metrics_from_statements
from nlp.taxonomy import load_taxonomy

VISIT = DocumentContext(authority="Northmoor Borough Council", period_start=date(2015, 3, 2), period_end=date(2015, 3, 20),
                        period_label="2 to 20 March 2015", inspection=True)
FY_13_14 = (date(2013, 4, 1), date(2014, 3, 31))


def rows(*sentences: str, items: tuple[int, ...] = (), sections: dict[int, tuple[str, ...]] | None = None):
    section = ("Children looked after in this area",)
    statements = [StatementIn(i, s, 1, (sections or {}).get(i, section), is_list_item=i in items)
                  for i, s in enumerate(sentences)]
    return [(m.indicator, m.basis.value, m.value, m.period_start, m.period_end)
            for m in metrics_from_statements(statements, VISIT, load_taxonomy())]


def test_a_comparator_takes_the_date_of_the_figure_it_is_weighed_against() -> None:
    got = rows("Nine per cent of the children who left care in 2013-14 were adopted.",
               "That is below the England average of 16% and the statistical neighbour average of 19%.")
    assert [r[1:] for r in got] == [("national", 16.0, *FY_13_14), ("statistical_neighbours", 19.0, *FY_13_14)]
    got = rows("In 2012-13 the proportion of children adopted was 7% and it rose to 11% in 2013-14.",
               "Though that is a rise from 25 to 36 children, it is still under the England average of 16%.")
    assert got[-1][1:] == ("national", 16.0, *FY_13_14)
    # a comparator beside the authority's own undated figure is of that figure's time: the inspection's
    got = rows("In 2013-14 the service was reorganised.",
               "Of care leavers, 61% are in education, employment or training, above the national average of 48%.")
    assert got[-1][1:] == ("national", 48.0, date(2015, 3, 2), date(2015, 3, 20))
    # not the authority's month: an average is published for a year or at 31 March
    got = rows("The rate rose to 70% at the end of January 2015.",
               "That is still short of the 78% average for similar authorities.")
    assert got[-1][3:] == (date(2015, 3, 2), date(2015, 3, 20))
    got = rows("Data for the quarter to December 2014 show that 71% of children looked after had a dental check.",
               "The national average is 82%.")
    assert got[-1][3:] == (date(2015, 3, 2), date(2015, 3, 20))


def test_dates_and_figures_listed_in_order_pair_up() -> None:
    got = rows("This is a little higher than the numbers of children looked after at 31 March 2013 and 31 March 2014 "
               "of 402 and 415.")
    assert [r[2:] for r in got] == [(402.0, date(2013, 3, 31), date(2013, 3, 31)),
                                    (415.0, date(2014, 3, 31), date(2014, 3, 31))]


def test_a_figure_of_the_last_inspection_has_no_date_and_this_inspection_is_now() -> None:
    got = rows("At 88%, the share of care leavers in suitable accommodation has risen since the last inspection, "
               "when it was just 51%.")
    assert got[0][2:] == (88.0, date(2015, 3, 2), date(2015, 3, 20))
    assert got[1][0] == "" and got[1][3:] == (None, None)  # an earlier figure the report does not date: unmapped
    got = rows("The share of care leavers in suitable accommodation was 51% at the last inspection and is now 88%.")
    assert got[0][3:] == (None, None) and got[1][2:] == (88.0, date(2015, 3, 2), date(2015, 3, 20))
    got = rows("At the time of the previous inspection, the share of care leavers in suitable accommodation was 57%.")
    assert got[0][0] == "" and got[0][3:] == (None, None)
    got = rows("The proportion of care leavers in touch with the service has risen from 41% in 2013 to 80% at this "
               "inspection.")
    assert got[1][2:] == (80.0, date(2015, 3, 2), date(2015, 3, 20))
    got = rows("Use of agency social workers has fallen from 38% in 2013 to a current figure of 19%.")
    assert got[1][2:] == (19.0, date(2015, 3, 2), date(2015, 3, 20))


def test_a_figure_after_since_a_month_is_that_months() -> None:
    got = rows("The number of children subject to child protection plans at the time of the inspection (211) has fallen "
               "since June 2014 (287).")
    assert got[1][2:] == (287.0, date(2014, 6, 1), date(2014, 6, 30))


def test_a_window_later_in_the_clause_dates_the_figure() -> None:
    got = rows("Only 61% of children looked after had an initial health assessment within 20 working days of entering "
               "care in the year to October 2014, although this is up from 40% in May 2014.")
    assert got[0][2:] == (61.0, date(2013, 11, 1), date(2014, 10, 31))
    got = rows("The share of children with three or more placements within the last 12 months fell from 12% in "
               "2013-14 to 9.5% to the end of January 2015.")
    assert got[1][2:] == (9.5, date(2014, 2, 1), date(2015, 1, 31))
    # a snapshot keeps its day: the bracketed window is how the cohort was counted
    got = rows("At 2 February 2015, 1,402 children had been identified through assessment (in the previous 12 months) "
               "as being formally in need of a specialist children's service.")
    assert got[0][2:] == (1402.0, date(2015, 2, 2), date(2015, 2, 2))


def test_a_snapshot_list_carries_past_a_footnote_between_its_items() -> None:
    foot = ("Information about this local authority area",)
    got = rows("At 30 November 2014, 410 children were being looked after by the local authority.", "Of this number:",
               "- 150 (or 37%) live outside the local authority area",
               "4 The local authority was given the opportunity to review this section of the report.",
               "- 28 live in residential children's homes, of whom 60% live out of the authority area",
               items=(2, 4), sections={3: foot})
    residential = next(r for r in got if r[0] == "placements_residential_count")
    assert residential[3:] == (date(2014, 11, 30), date(2014, 11, 30))


def test_the_subject_of_a_comparison_in_a_relative_clause_is_the_authoritys() -> None:
    got = rows("Absence levels of children looked after, which were above the national and regional averages in 2013 "
               "at 5.9%, have fallen to 4.1% by the end of January 2015.")
    assert got[0][1:3] == ("actual", 5.9)


def test_an_average_over_years_the_sentence_does_not_date_is_not_the_papers() -> None:
    got = rows("Placement stability, measured by three or more moves in a year, was 9% across the three-year average.")
    assert got[0][0] == "cla_3plus_placements_percent" and got[0][3:] == (None, None)
    got = rows("Placement stability, measured by three or more moves in a year, was 9% across the year.")
    assert got[0][3:] == (date(2015, 3, 2), date(2015, 3, 20))  # a year's figure at the inspection, as before
    got = rows("Placement stability, measured by three or more moves in a year, had a three-year average of 9% for "
               "2011-14.")
    assert got[0][3:] == (date(2011, 4, 1), date(2014, 3, 31))  # dated where the sentence says when


def test_a_footnote_mark_glued_to_a_year_is_not_in_the_period_label() -> None:
    statements = [StatementIn(0, "There were 490 children looked after at 31 March 201412.", 1, ("Children looked after",))]
    got = metrics_from_statements(statements, VISIT, load_taxonomy())
    assert [(m.value, m.period_end, m.period_label) for m in got] == [(490.0, date(2014, 3, 31), "31 March 2014")]
