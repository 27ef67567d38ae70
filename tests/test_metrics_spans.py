"""Periods of relative spans ("in the last 12 months", terms, "the current target") and measures that only look like
the cohort's figure (ages, mixed "or" measures, combined cohorts, durations), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from nlp.models import DocumentContext
from nlp.periods import resolve_periods
from nlp.prose import StatementIn, metrics_from_statements
from nlp.taxonomy import load_taxonomy
from nlp.values import find_values

INSPECTION = DocumentContext(authority="Northmoor Borough Council", period_start=date(2019, 2, 4),
                             period_end=date(2019, 2, 15), period_label="4 to 15 February 2019", inspection=True)
PAPER = DocumentContext(authority="Northmoor Borough Council", period_start=date(2024, 7, 1),
                        period_end=date(2024, 9, 30), period_label="Q2 2024/25", meeting_date=date(2024, 12, 3))


def rows(*sentences: str, ctx: DocumentContext = INSPECTION, items: tuple[int, ...] = ()):
    statements = [StatementIn(i, s, 1, ("Children looked after",), is_list_item=i in items)
                  for i, s in enumerate(sentences)]
    return metrics_from_statements(statements, ctx, load_taxonomy())


def spans(text: str, ctx: DocumentContext) -> list[tuple[date, date]]:
    return [(p.start, p.end) for p in resolve_periods(text, ctx)]


def test_the_last_twelve_months_end_before_an_inspection_and_at_a_paper_s_period() -> None:
    assert spans("Over the past twelve months, 40 carers left.", INSPECTION) == [(date(2018, 2, 4), date(2019, 2, 3))]
    assert spans("in the last year", PAPER) == [(date(2023, 10, 1), date(2024, 9, 30))]
    assert spans("in the year to 31 March 2018", INSPECTION) == [(date(2017, 4, 1), date(2018, 3, 31))]


def test_terms_a_quarter_of_this_year_and_a_current_target() -> None:
    assert spans("from 80% in the summer term of 2017 to 91% in the spring term of 2018", INSPECTION) == [
        (date(2017, 4, 1), date(2017, 7, 31)), (date(2018, 1, 1), date(2018, 3, 31))]
    assert spans("during the 2017/18 autumn term", INSPECTION) == [(date(2017, 9, 1), date(2017, 12, 31))]
    assert spans("the summer term", INSPECTION) == []
    assert spans("in the second quarter of this year", PAPER) == [(date(2024, 7, 1), date(2024, 9, 30))]
    assert spans("at the end of quarter four 2017–18", INSPECTION) == [(date(2018, 1, 1), date(2018, 3, 31))]
    assert spans("local data for quarter 3 for 2017-2018", INSPECTION) == [(date(2017, 10, 1), date(2017, 12, 31))]
    got = {m.value: m.period_end for m in rows("In 2016-17, 31 children were adopted; the current target is 35.")}
    assert got == {31: date(2017, 3, 31), 35: date(2019, 2, 15)}


def test_a_list_of_the_last_twelve_months_ends_at_the_paragraph_s_date() -> None:
    got = {m.value: (m.period_start, m.period_end) for m in rows(
        "At 31 December 2018, 410 children were looked after by the local authority. Of this number:",
        "- 30 live in residential children's homes",
        "The majority of those live within 20 miles.",
        "- 7 are unaccompanied asylum-seeking children.",
        "In the last 12 months:",
        "- there have been 22 adoptions",
        "- 150 children ceased to be looked after", items=(1, 3, 5, 6))}
    assert got[7] == (date(2018, 12, 31), date(2018, 12, 31))  # one sentence under an item does not end the list
    assert got[22] == got[150] == (date(2018, 1, 1), date(2018, 12, 31))
    ranged = {m.value: (m.period_start, m.period_end) for m in rows(
        "At 30 June 2018, 410 children were looked after by the local authority.",
        "In the last 12 months (1 June 2017 to 31 May 2018) there have been:", "- 22 adoptions", items=(2,))}
    assert ranged[22] == (date(2017, 6, 1), date(2018, 5, 31))  # the lead-in's own dates


def test_ages_and_confidence_levels_are_not_figures() -> None:
    assert find_values("Most care leavers aged 19, 20 and 21 are in education.", []) == []
    assert find_values("The error bars show where the true value lies (with 95% confidence).", []) == []


def test_mixed_measures_combined_cohorts_and_durations_are_not_the_cohort_s() -> None:
    got = {m.value: m.indicator for m in rows(
        "Nearly 55% of social workers are agency staff or have less than a year's experience since qualifying.",
        "Currently 120 looked after children and care leavers receive support from the practice.",
        "The average number of days between a child entering care and moving in with their adopters is 480.",
        "While 12 foster carers have been approved in the last year, 9 left the service.",
        "Of 700 children looked after or who ceased to be looked after in the previous 6 months, 300 had reviews on time.")}
    assert got[55] == got[120] == got[12] == got[700] == ""
    assert got[480] == "adoption_a1_days"  # days printed without their unit


def test_a_shared_predicate_does_not_share_the_first_share_s_measure() -> None:
    got = {m.value: m.indicator for m in rows(
        "Figures show that 85% of initial conferences and 97% of review conferences were held within timescales.")}
    assert got == {85: "icpc_within_15_days_percent", 97: ""}


def test_of_these_takes_the_date_of_the_figures_it_breaks_down() -> None:
    got = {m.value: m.period_end for m in rows(
        "In 2016-17, of 120 care leavers aged 19 to 21, 60% (72) were in education, employment or training.",
        "This is higher than the national average of 50%.", "Of these, 15% (18) are in higher education.")}
    assert got[15] == date(2017, 3, 31)


def test_a_change_from_an_unmapped_figure_borrows_no_measure_from_earlier() -> None:
    got = {m.value: m.indicator for m in rows(
        "Only 70% of children looked after have attendance of 95% or better.", "This is an increase from 61.5% in 2016-17.")}
    assert got == {70: "", 61.5: ""}  # a share above a bar, not the attendance rate


def test_a_label_holds_whole_words_only() -> None:
    """A label is the printed words around its value; a window cut inside a word read "ommunity projects (£1m)"."""
    sentence = ("Across the county the proportion of our care leavers aged 19 to 21 who were in education, employment or "
                "training reached 62% this quarter against the statistical neighbour average of 55% and a target of 65%.")
    found = rows(sentence, ctx=PAPER)
    assert found
    words = set(sentence.split())
    for m in found:
        assert m.label.split()[0] in words and m.label.split()[-1] in words, m.label
