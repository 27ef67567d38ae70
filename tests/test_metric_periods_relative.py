"""Periods, basis and value as inspection reports and council papers print them, on sentences written for these tests:
relative windows anchored on the inspection, snapshot days, a list's or a table caption's date, whose figure a
comparison makes a value, and which figure of a change is a row."""

from __future__ import annotations

from datetime import date

from ingest.models import Table
from nlp.models import DocumentContext
from nlp.periods import resolve_periods
from nlp.prose import StatementIn, metrics_from_statements
from nlp.table_metrics import metrics_from_table
from nlp.taxonomy import load_taxonomy

# an inspection on site 2 to 20 March 2015: its figures are the council's, given on the eve of its first day
VISIT = DocumentContext(authority="Northmoor Borough Council", period_start=date(2015, 3, 2), period_end=date(2015, 3, 20),
                        period_label="2 to 20 March 2015", inspection=True)
EVE = date(2015, 3, 1)


def rows(*sentences: str, section: tuple[str, ...] = ("Children looked after in this area",), items: tuple[int, ...] = ()):
    statements = [StatementIn(i, s, 1, section, is_list_item=i in items) for i, s in enumerate(sentences)]
    return [(m.indicator, m.basis.value, m.value, m.period_start, m.period_end)
            for m in metrics_from_statements(statements, VISIT, load_taxonomy())]


def span(text: str) -> tuple[date, date]:
    p = resolve_periods(text, VISIT)[-1]
    return p.start, p.end


def test_relative_windows_end_on_the_inspections_eve() -> None:
    assert span("in the past twelve months") == (date(2014, 3, 2), EVE)
    assert span("over the last 6 months") == (date(2014, 9, 2), EVE)
    assert span("during the previous two years") == (date(2013, 3, 2), EVE)
    assert span("in the past year") == (date(2014, 3, 2), EVE)
    assert span("in the 12 months prior to the inspection") == (date(2014, 3, 2), EVE)
    assert span("in the year preceding inspection") == (date(2014, 3, 2), EVE)
    assert resolve_periods("a plan updated within the last six months", VISIT) == []  # a condition, not a window
    got = rows("There has been an increase in placement moves, with 58 (11%) out of 520 having three or more moves in the "
               "past twelve months.")
    assert got[0][0] == "cla_3plus_placements_count" and got[0][3:] == (date(2014, 3, 2), EVE)


def test_the_year_to_date_starts_in_april_and_the_academic_year_in_september() -> None:
    for text in ("In the financial year to date", "so far this year", "this year", "in the current year",
                 "since 1 April", "the year-to-date figure"):
        assert span(text) == (date(2014, 4, 1), EVE), text
    assert span("since 1 April 2014") == (date(2014, 4, 1), EVE)  # a start, not the day itself
    got = rows("The council has seen a 5% reduction from 430 children looked after since 30 September 2014.")
    assert got[0][2:] == (430.0, date(2014, 9, 30), date(2014, 9, 30))  # the figure the change started from, that day
    assert span("during this academic year") == (date(2014, 9, 1), EVE)
    assert span("in March this year") == (date(2015, 3, 1), date(2015, 3, 31))
    assert span("Between 2011 and 2014, 11% of ...") == (date(2011, 1, 1), date(2014, 12, 31))
    assert span("2014/15 (YTD)") == (date(2014, 4, 1), date(2015, 3, 20))  # a named year to date keeps its own reading
    got = rows("In the financial year to date, 27 children have been adopted.")
    assert got == [("cla_adopted_count", "actual", 27.0, date(2014, 4, 1), EVE)]


def test_a_snapshot_day_is_an_instant_even_with_a_two_digit_year() -> None:
    got = rows("At 30 Nov 14, 198 children were the subject of a child protection plan.",
               section=("Child protection in this area",))
    assert got == [("cpp_count", "actual", 198.0, date(2014, 11, 30), date(2014, 11, 30))]


def test_list_items_take_the_opening_date_with_or_without_a_lead_in() -> None:
    got = rows("At 31 December 2014, 412 children were being looked after by the local authority.",
               "This is an increase from 398 at 31 March 2014.",
               "- 31 live in residential children's homes, of whom 40% live out of the authority area",
               items=(2,))
    assert got[-2][:3] == ("placements_residential_count", "actual", 31.0)
    assert got[-2][3:] == (date(2014, 12, 31), date(2014, 12, 31))
    got = rows("At 31 December 2014, 412 children were being looked after by the local authority (a rate of 61 per "
               "10,000 children).", "This is an increase from 398 at 31 March 2014. Of this number",
               "- 31 live in residential children's homes", items=(2,))
    assert got[-1][:3] == ("placements_residential_count", "actual", 31.0) and got[-1][4] == date(2014, 12, 31)


def test_a_table_takes_its_captions_date_when_no_header_names_one() -> None:
    table = Table(page=1, title="Children looked after at 28 February 2015", header_rows=1,
                  rows=[["Measure", "Number"], ["Children looked after", "402"]])
    got = metrics_from_table(table, 0, ["Performance"], "", VISIT, load_taxonomy())
    assert [(m.indicator, m.value, m.period_start, m.period_end) for m in got] == [
        ("cla_count", 402.0, date(2015, 2, 28), date(2015, 2, 28))]


def test_the_subject_of_a_comparison_is_the_authoritys_own_figure() -> None:
    own = rows("The proportion of care leavers in education, employment or training is higher than the national "
               "average and statistical neighbours at 58%.")
    assert [(b, v) for _, b, v, _, _ in own] == [("actual", 58.0)]
    comparator = rows("Care leavers in education, employment or training rose to 58% in 2014, higher than statistical "
                      "neighbours at 49%.")
    assert [(b, v) for _, b, v, _, _ in comparator] == [("actual", 58.0), ("statistical_neighbours", 49.0)]
    assert rows("The proportion of care leavers in education, employment or training is below the England average "
                "of 49%.")[0][1] == "national"


def test_a_figure_to_be_reached_by_a_year_or_an_aim_is_a_target() -> None:
    got = rows("Improve stability so that by 2010, 75% of children looked after for 2.5 years or more will have lived "
               "in the same placement for at least two years.")
    assert got[0][1:3] == ("target", 75.0)
    got = rows("The council's ambition is to reach 70% of care leavers in education, employment or training.")
    assert got[0][1:3] == ("target", 70.0)
    past = rows("By 2014, 68% of care leavers were in education, employment or training.")
    assert past[0][1] == "actual"
    # the deadline leads the sentence, the figure to be reached ends it; the one it moves from is today's
    got = rows("By 2028, care leavers in education, employment or training will have improved from 55% to at least 65%.")
    assert [(b, v) for _, b, v, _, _ in got] == [("actual", 55.0), ("target", 65.0)]
    got = rows("By 2028/29, care leavers in unsuitable accommodation will have reduced from 10.2% to no more than 6%.")
    assert [(b, v) for _, b, v, _, _ in got] == [("actual", 10.2), ("target", 6.0)]
    forecast = rows("By 2026, on current trends, care leavers in education, employment or training will rise to 60%.")
    assert forecast[-1][1] == "actual"  # a forecast is not the council's aim
    compared = rows("By 2028, 75% of care leavers will be in education, employment or training, compared to 55% "
                    "nationally.")
    assert [(b, v) for _, b, v, _, _ in compared] == [("target", 75.0), ("national", 55.0)]
    earlier = rows("By 2028, care leavers in education, employment or training will have increased to 60%, compared to "
                   "52% in 2022.")
    assert [(b, v) for _, b, v, _, _ in earlier] == [("target", 60.0), ("actual", 52.0)]


def test_a_comparator_after_a_change_is_dated_with_its_latest_figure() -> None:
    got = rows("Care leavers aged 19 to 21 in education, employment or training increased from 39% in 2013 to 52% in 2014.",
               "This is now better than comparators (44%).")
    assert got[-1][1:] == ("statistical_neighbours", 44.0, date(2014, 1, 1), date(2014, 12, 31))
    got = rows("Care leavers aged 19 to 21 in education, employment or training rose to 52% in December 2014.",
               "This is positive, but below the 58% average for statistical neighbours.")
    assert got[-1][1:] == ("statistical_neighbours", 58.0, VISIT.period_start, VISIT.period_end)  # not December's


def test_a_changes_share_is_not_a_figure_and_an_undated_baseline_is_no_row() -> None:
    got = rows("There are currently 540 children looked after. This is an increase of 62 children (13%) since March 2014.")
    assert 13.0 not in [v for _, _, v, _, _ in got]
    got = rows("In January 2015, the proportion of children with three or more placements in a year had fallen from "
               "14% to 9.8%.")
    assert [(i, v) for i, _, v, _, _ in got] == [("", 14.0), ("cla_3plus_placements_percent", 9.8)]
    assert got[1][3:] == (date(2015, 1, 1), date(2015, 1, 31))


def test_a_trends_span_and_a_year_weeks_old_date_nothing() -> None:
    got = rows("Placement stability has improved over the past three years to 71% of children looked after for 2.5 years "
               "or more living in the same placement for two years.")
    assert got[0][3:] == (VISIT.period_start, VISIT.period_end)  # at the inspection, not three years to its eve
    may = DocumentContext(authority="Northmoor Borough Council", period_start=date(2016, 5, 9),
                          period_end=date(2016, 5, 27), period_label="9 to 27 May 2016", inspection=True)
    assert resolve_periods("this year, 34% ...", may) == []  # five weeks into 2016-17: which year is meant is unknowable
    assert resolve_periods("in the financial year to date", may)[0].start == date(2016, 4, 1)
    got = rows("Adoption orders rose from 31 last year to 44 this year.")
    assert [(i, v) for i, _, v, _, _ in got] == [("", 31.0), ("cla_adopted_count", 44.0)]
    assert got[1][3:] == (date(2014, 4, 1), EVE)


def test_a_comparison_whose_subject_points_back_keeps_the_comparator() -> None:
    got = rows("Children waited 410 days on average between entering care and moving in with their adoptive family.",
               "This is better than the England average at 520 days and statistical neighbours at 480 days.")
    assert [b for _, b, v, _, _ in got if v == 520.0] == ["national"]


def test_items_run_together_with_stroke_bullets_are_read_one_by_one_under_their_lead_in() -> None:
    got = rows("At 31 December 2014, 412 children were being looked after by the local authority.", "Of this number: \u0336",
               "150 (or 36%) live outside the local authority area \u0336 27 live in residential children's homes, of whom "
               "70% live out of the authority area \u0336 two live in residential special schools")
    assert [(i, v, end) for i, _, v, _, end in got if i] == [("cla_count", 412.0, date(2014, 12, 31)),
                                                           ("placements_residential_count", 27.0, date(2014, 12, 31))]


def test_a_closing_bracket_naming_the_figures_year_dates_every_figure_of_the_sentence() -> None:
    got = rows("The proportion of care leavers in education, employment or training, at 48%, is slightly better than "
               "the national average of 45% (2013–14 figures).")
    assert {(r[1], r[2], r[3], r[4]) for r in got if r[0] == "care_leavers_eet_percent"} == {
        ("actual", 48, date(2013, 4, 1), date(2014, 3, 31)), ("national", 45, date(2013, 4, 1), date(2014, 3, 31))}


def test_a_twelve_month_period_before_the_inspection_ends_on_its_eve() -> None:
    assert span("In the twelve month period before the inspection") == (date(2014, 3, 2), EVE)
    assert span("in the 12-month period prior to the inspection") == (date(2014, 3, 2), EVE)


def test_an_adoption_scorecard_named_in_the_paragraph_dates_its_measures() -> None:
    got = rows("Measured against the 2011 to 2014 adoption scorecard, the local authority's performance is good.",
               "The average time between a child entering care and being placed with their adoptive family is 545 days.")
    assert [(r[0], r[2], r[3], r[4]) for r in got if r[2] == 545] == [
        ("adoption_a1_days", 545, date(2011, 4, 1), date(2014, 3, 31))]
    told = rows("The adoption scorecard information for 2011–14 confirms that timescales were longer than England's.",
                "The average time between a child entering care and being placed with their adoptive family is 672 days.")
    assert [(r[3], r[4]) for r in told if r[2] == 672] == [(date(2011, 4, 1), date(2014, 3, 31))]
    alone = rows("The average time between a child entering care and being placed with their adoptive family is 545 days.")
    assert [(r[3], r[4]) for r in alone if r[2] == 545] == [(VISIT.period_start, VISIT.period_end)]


def test_twelve_months_to_a_day_is_the_year_to_it() -> None:
    assert span("in the 12 months to 31 March 2013") == (date(2012, 4, 1), date(2013, 3, 31))
    assert span("In the twelve month period to the end of December 2015") == (date(2015, 1, 1), date(2015, 12, 31))
    listed = rows("In the 12 month to 31 March 2013:", "198 children ceased to be looked after.", items=(1,))
    assert [(r[3], r[4]) for r in listed if r[2] == 198] == [(date(2012, 4, 1), date(2013, 3, 31))]


def test_a_breakdown_of_the_opening_figure_and_an_items_own_breakdown_keep_the_lists_date() -> None:
    """ "Of the 427 children:" is a breakdown of the paragraph's opening figure; "Of this 109, 5% ..." printed apart
    under an item is the item's breakdown and of the item's window, not the inspection's."""
    got = rows("At 31 December 2014, 412 children were being looked after by the local authority.",
               "This is a reduction from 448 at 31 March 2014. Of the 412 children:",
               "- 31 live in residential children's homes, of whom 40% live out of the authority area",
               items=(2,))
    assert got[-2][:3] == ("placements_residential_count", "actual", 31.0) and got[-2][4] == date(2014, 12, 31)
    got = rows("At 31 December 2014, 412 children were being looked after by the local authority.",
               "In the last 12 months:", "- 109 children ceased to be looked after.",
               "Of this 109, 5% subsequently returned to be looked after", items=(2,))
    assert got[-1][2:] == (5.0, date(2014, 1, 1), date(2014, 12, 31))


def test_a_year_named_an_academic_year_runs_september_to_august() -> None:
    """"2006/07" alone is a financial year (the papers' own convention); "the academic year 2006/07" and "2008 (2007/08
    academic year)" say which year they are."""
    assert span("during the academic year 2006/07") == (date(2006, 9, 1), date(2007, 8, 31))
    assert span("2008 (2007/08 academic year)") == (date(2007, 9, 1), date(2008, 8, 31))
    assert span("in 2006/07") == (date(2006, 4, 1), date(2007, 3, 31))


def test_a_census_is_of_its_census_day_and_dates_the_table_its_caption_sources_to_it() -> None:
    assert span("Source: Census 2001") == (date(2001, 4, 29), date(2001, 4, 29))
    assert span("according to the 2011 Census") == (date(2011, 3, 27), date(2011, 3, 27))
    assert resolve_periods("the January 2024 school census", VISIT)[0].label == "January 2024"  # DfE's, not the ONS's
    table = Table(page=1, header_rows=1, rows=[["Area", "All dependent children 0-18 years", "Lone parent"],
                                               ["Adur", "12,496", "20.4%"]])
    context = "Table 8.2 Family structure district level, 0-18 year olds Source: Census 2001"
    got = metrics_from_table(table, 0, ["Family structure"], context, VISIT, load_taxonomy())
    assert {(m.value, m.period_start, m.period_end) for m in got} == {
        (12496, date(2001, 4, 29), date(2001, 4, 29)), (20.4, date(2001, 4, 29), date(2001, 4, 29))}
