"""Parts, complements and other measures read as the whole cohort's figure, and dates inspection reports leave implicit.

Sentences written for these tests, in the language of inspection reports and needs assessments; one test per rule.
"""

from __future__ import annotations

from datetime import date

from ingest.models import Table
from nlp.models import Basis, DocumentContext
from nlp.periods import resolve_periods
from nlp.prose import StatementIn, metrics_from_statements
from nlp.table_metrics import metrics_from_table
from nlp.taxonomy import load_taxonomy

CTX = DocumentContext(authority="Northmoor Borough Council", period_start=date(2024, 7, 1),
                      period_end=date(2024, 9, 30), period_label="Q2 2024/25", meeting_date=date(2024, 12, 3))
INSPECTION = DocumentContext(authority="Northmoor Borough Council", period_start=date(2019, 2, 4),
                             period_end=date(2019, 2, 15), period_label="4 to 15 February 2019", inspection=True)


def rows(*sentences: str, ctx: DocumentContext = CTX):
    statements = [StatementIn(i, s, 1, ("Children looked after",)) for i, s in enumerate(sentences)]
    return metrics_from_statements(statements, ctx, load_taxonomy())


def mapped(*sentences: str) -> dict[float, str]:
    return {m.value: m.indicator for m in rows(*sentences)}


def test_a_figure_for_an_age_band_is_not_the_cohort_s() -> None:
    got = mapped("Health assessment completion stands at 96% for children under five and 88% for over-fives.",
                 "In 2013-14, 64 children under five years of age became looked after.",
                 "Review health assessments were at 91%, under 5 development checks at 95%, and immunisations at 84%.")
    assert got.get(96, "") == "" and got.get(88, "") == "" and got.get(64, "") == ""
    assert got[95] == "cla_development_assessment_under5_percent"  # a measure of its own, not immunisations
    assert got[91] == "cla_health_assessment_percent" and got[84] == "cla_immunisations_percent"
    assert mapped("The proportion of children who have lived in the same placement for over 2 years is 71%.")[71] \
        == "cla_long_term_placement_stability_percent"  # a duration, not an age band


def test_a_complement_a_forum_and_adopted_children_are_not_the_measure() -> None:
    got = mapped("Although most local schools are good, 17% of children in care attend a school judged less than good.",
                 "The children in care council is well attended and has 22 regular members.",
                 "A further 12 adopted children receive direct contact with their birth relatives.")
    assert got.get(17, "") == "" and got.get(22, "") == "" and got.get(12, "") == ""
    assert mapped("In the year, 31 children were adopted.")[31] == "cla_adopted_count"


def test_a_part_whose_own_verb_follows_a_comma_is_not_the_total() -> None:
    got = mapped("- 41 young people who ceased to be looked after, moved on to independent living.",
                 "- 150 children ceased to be looked after, of whom 9 returned to care.")
    assert got.get(41, "") == "" and got[150] == "cla_ceased_count"


def test_per_worker_figures_and_code_lists_are_not_counts() -> None:
    got = mapped("In the court teams, which also handle care proceedings, some workers carry up to 35 each.",
                 "Groups are recorded by code: 110 - Looked after 160 - Care leaver 170 - Supervised by YOT "
                 "190 - Teenage parent 200 - Alternative provision")
    assert got.get(35, "") == "" and got.get(160, "") == "" and got.get(190, "") == ""


def test_the_nearest_of_competing_workforce_measures_wins() -> None:
    got = mapped("Social worker turnover over the year was 12% for permanent staff and higher among agency workers.",
                 "The service relies on agency staff (28%) and has seen a rise in the staff turnover rate to 19%.",
                 "Reliance on agency social workers fell from 40% two years ago to 15% now. Staff turnover is stable.")
    assert got[12] == "sw_turnover_rate_percent" and got[19] == "sw_turnover_rate_percent"
    assert got[28] == "sw_agency_rate_percent" and got[15] == "sw_agency_rate_percent"


def test_another_population_or_another_named_rate_borrows_no_cohort() -> None:
    got = mapped("Care leavers' participation in education, employment or training has risen to 61%.",
                 "This matches a rise in the proportion of the whole Northmoor population of young people in "
                 "education, employment or training, which is now 90%.",
                 "The fostering service has a vacancy rate of 25%, partly because some carers keep a room for "
                 "young people staying put.")
    assert got[61] == "care_leavers_eet_percent" and got.get(90, "") == "" and got.get(25, "") == ""


def test_an_inspection_dates_its_undated_comparators_and_a_bare_month_is_the_last_one() -> None:
    got = {(m.value, m.basis): m.period_end for m in rows(
        "Placement stability is good: 8% of children had three or more moves, below the England average of 10%.",
        ctx=INSPECTION)}
    assert got[(8, Basis.ACTUAL)] == got[(10, Basis.NATIONAL)] == date(2019, 2, 15)
    committee = {(m.value, m.basis): m.period_end for m in rows(
        "Placement stability is good: 8% of children had three or more moves, below the England average of 10%.")}
    assert committee[(10, Basis.NATIONAL)] is None  # a committee paper's comparator is of the latest published year
    period = resolve_periods("The rate fell during August to 41 per 10,000 children.", CTX)
    assert [(p.start, p.end) for p in period] == [(date(2024, 8, 1), date(2024, 8, 31))]
    assert resolve_periods("in September 34% were seen", CTX)[0].end == date(2024, 9, 30)
    assert resolve_periods("between May and June", CTX) == [] or resolve_periods("between May and June", CTX)[0].label != "May"


def test_a_measure_defined_on_an_age_band_keeps_it() -> None:
    got = mapped("Development checks for under fives were completed for 93% of children.",
                 "By 2008, 80% of children under 16 looked after for 2.5 or more years will have lived in the same "
                 "placement for at least 2 years.")
    assert got[93] == "cla_development_assessment_under5_percent"
    assert got[80] == "cla_long_term_placement_stability_percent"


def test_a_comparator_in_the_same_period_takes_the_date_of_the_figure_before() -> None:
    got = {m.value: m.period_end for m in rows(
        "In 2017-18, 12% of children looked after had three or more placements.",
        "The England average in the same period was 10%.", ctx=INSPECTION)}
    assert got[12] == got[10] == date(2018, 3, 31)


def test_one_child_a_school_phase_and_a_clause_with_its_own_subject_are_not_the_cohort() -> None:
    got = mapped("One young person who had refused school for a year now has a 97% attendance record.",
                 "Attendance of secondary-aged children in care is too low, at 84%, while attendance of primary-aged "
                 "children is 96%.",
                 "School attendance for children looked after was 93% in 2023-24.",
                 "At the time of the visit, 74 children assessed as in need were waiting for a social worker, although "
                 "all children in care were allocated.")
    assert got.get(97, "") == "" and got.get(84, "") == "" and got.get(96, "") == "" and got.get(74, "") == ""
    assert got[93] == "school_attendance_percent"


def test_the_whole_a_part_is_taken_from_is_not_the_measure() -> None:
    got = mapped("Only seven of 104 (6.7%) 16- and 17-year-olds have left care this year.")
    assert got.get(104, "") == ""


def test_a_bracket_printed_apart_takes_the_date_of_the_sentence_it_closes() -> None:
    got = {m.value: m.period_end for m in rows(
        "At 31 January 2019, 310 children were being looked after by the local authority",
        "(a rate of 52 per 10,000 children).", ctx=INSPECTION)}
    assert got[310] == got[52] == date(2019, 1, 31)


def test_the_earlier_figure_of_a_change_since_a_year_is_of_that_year() -> None:
    got = {m.value: m.period_end for m in rows(
        "Adoptions have risen steadily since 2015-16, rising from 12 children to 19 children in 2016-17.")}
    assert got[12] == date(2016, 3, 31) and got[19] == date(2017, 3, 31)


def test_what_a_count_is_said_to_be_or_to_count_can_make_it_another_thing() -> None:
    got = mapped("The council has 96 children looked after (about 35%) who are accommodated under section 20.",
                 "Last year, 11 looked after young people were subject to a youth caution.",
                 "At 31 March, 420 children were subject to a child protection plan.",
                 "The number of tenancies allocated to the service fell from 12 to four, which limits options for care "
                 "leavers.",
                 "Annual health reviews are completed on time for 98% of children in care.")
    assert got.get(96, "") == "" and got.get(11, "") == "" and got.get(12, "") == ""
    assert got[420] == "cpp_count" and got[98] == "cla_health_assessment_percent"


def test_a_denominator_is_named_only_by_its_own_noun() -> None:
    got = mapped("Eighty of 92 care leavers, or 87%, are in suitable accommodation.",
                 "In 2022-23, of 150 care leavers aged 19 to 21, 60% (90) were in education, employment or training.",
                 "This is higher than the numbers for 31 March 2022 and 31 March 2023 of 301 and 310 children looked "
                 "after.")
    # "80 of 92": the base of a share is not the cohort at a date (kept unmapped); a lead-in "of 150 ..." states it
    assert got[92] == "" and got[150] == "care_leavers_19_21_count" and got[301] == "cla_count"


def test_a_measure_named_whole_in_the_clause_beats_one_the_sentence_completes() -> None:
    got = mapped("Annual health reviews stand at 99% completed on time, and all children complete strengths and "
                 "difficulties questionnaires each year.",
                 "(Published figures are rounded to the nearest 5 children looked after.)")
    assert got[99] == "cla_health_assessment_percent" and got.get(5, "") == ""


def test_lists_of_shares_bands_durations_and_provider_splits_name_their_own_figures() -> None:
    got = mapped("Of these, around 9% progress to higher education, 15% enter employment or training and 30% go into "
                 "other learning.",
                 "The team supports 88 looked after 16- and 17-year-olds who are eligible for leaving care services and "
                 "six 16- and 17-year-olds who have left care.",
                 "Reviews of children in need are completed at 10 and 30 days.",
                 "Of these, 58% are placed with in-house foster carers and 42% with independent fostering agencies.")
    assert got[9] == "care_leavers_higher_education_percent" or got[9] == ""
    assert got.get(15, "") == "" and got.get(88, "") == "" and got.get(10, "") == ""
    assert got.get(58, "") == "" and got.get(42, "") == ""
    assert mapped("Overall, 81% of children in care are fostered.")[81] == "cla_foster_care_percent"


def test_a_day_without_its_year_is_the_last_one_the_paper_has_seen() -> None:
    got = resolve_periods("This is an increase from 240 at 31 March.", INSPECTION)
    assert [(p.start, p.end) for p in got] == [(date(2018, 3, 31), date(2018, 3, 31))]


def test_a_share_of_whom_is_named_by_what_follows_and_a_rounding_base_is_no_value() -> None:
    got = mapped("The leaving care team is in touch with nearly all care leavers, most of whom are in suitable "
                 "accommodation and 68% of whom are in education, employment or training.")
    assert got[68] == "care_leavers_eet_percent"
    assert [m.value for m in rows("(Published figures are rounded to the nearest '5' children looked after.)")] == []


def test_a_foster_share_including_every_provider_is_the_share_fostered() -> None:
    got = mapped("70% of children in care are living in foster care (including with both our own carers and "
                 "independent fostering agencies).")
    assert got[70] == "cla_foster_care_percent"


def test_words_after_the_next_figure_and_what_a_count_goes_on_to_do_are_not_its_own() -> None:
    got = mapped("In 2022-23, most children (95%) had regular reviews of their care plans and 93% of young people "
                 "participated in their reviews.",
                 "A small number of care leavers, currently 9, attend university.",
                 "At present 17 care leavers have chosen to extend their fostering placement.",
                 "The 230 care leavers are well supported by their personal advisers.",
                 "When care leavers become 21, they move to the adult team.",
                 "About 300 young people who have left care and are aged over 21 have been told of the local offer.")
    assert got[95] != "cla_review_participation_percent" and got[93] == "cla_review_participation_percent"
    assert got.get(9, "") == "" and got.get(17, "") == "" and got.get(21, "") == "" and got.get(300, "") == ""
    assert got[230] == "care_leavers_count"


def test_a_rounding_rule_is_no_figure() -> None:
    got = mapped("To protect children in need, all numbers are rounded to the nearest 100 if they exceed 1,000.")
    assert got.get(1000, "") == "" and got.get(100, "") == ""


def test_a_way_of_leaving_care_a_school_phase_and_a_shares_total_are_not_the_measure() -> None:
    got = mapped("The number of children leaving care through a special guardianship order rose from six to 28.",
                 "Attendance is good overall; it is lower at secondary school, at 90%.")
    assert got.get(28, "") == "" and got.get(90, "") == ""
    table = Table(page=1, title="Children looked after by placement (%)",
                  rows=[["Placement", "2021", "2022"], ["Foster care", "72", "74"], ["TOTAL", "100", "100"]],
                  header_rows=1)
    assert all(m.indicator == "" for m in metrics_from_table(table, 0, ["Placements"], table.title, CTX, load_taxonomy())
               if m.value == 100)


def test_a_shared_predicate_still_names_each_figure() -> None:
    got = mapped("Local figures show that 84% of initial conferences and 100% of review conferences were held within "
                 "timescales.",
                 "Figures show a fall from 9% in 2021-22 to 6% this year in children made the subject of a child "
                 "protection plan for a second or subsequent time.",
                 "The current cohort of 214 care leavers are well supported.")  # "aged over 18": a part (age_band)
    assert got[84] == "icpc_within_15_days_percent" and got[9] == got[6] == "cpp_repeat_percent"
    assert got[214] == "care_leavers_count"


def test_an_aside_after_a_comma_is_not_the_count_s_own_verb() -> None:
    got = mapped("Of the 14 children adopted in 2023/24, unfortunately the number of days to placement is skewed by delay.")
    assert got[14] == "cla_adopted_count"


def test_a_bracketed_figure_or_a_semicolon_closes_a_clause() -> None:
    got = mapped("In 2022-23, most children had regular reviews of their care plans (94%) and 91% of young people "
                 "participated in their reviews.",
                 "Own data show 61%, below the local target of 75%; 24% of referrals received are re-referrals.")
    assert got[94] != "cla_review_participation_percent" and got[91] == "cla_review_participation_percent"
    assert got.get(75, "") != "rereferrals_12_months_percent" and got[24] == "rereferrals_12_months_percent"


def test_one_teams_staffing_is_not_the_services_workforce_rate() -> None:
    assert mapped("The MASH is staffed currently with 37% agency social workers.") == {37: ""}
    assert mapped("In the assessment team 40% of social workers are agency staff.") == {40: ""}
    assert mapped("Agency social workers make up 22% of the workforce.") == {22: "sw_agency_rate_percent"}
    assert mapped("Our social work team has a vacancy rate of 12%.") == {12: "sw_vacancy_rate_percent"}


def test_last_years_figure_in_an_inspection_is_not_dated_by_the_inspection() -> None:
    """An inspection gives no year to count back from: "last year" is not the fieldwork weeks, nor a guess."""
    got = {m.value: (m.indicator, m.period_start) for m in rows(
        "Now 85% of care leavers are in suitable accommodation, compared with 80% the previous year.",
        "Last year 72% of care leavers were in education, employment or training.", ctx=INSPECTION)}
    assert got == {85: ("care_leavers_suitable_accommodation_percent", date(2019, 2, 4)),
                   80: ("care_leavers_suitable_accommodation_percent", None), 72: ("care_leavers_eet_percent", None)}
    in_the_last = rows("In the last year, 80% of care leavers were in suitable accommodation.", ctx=INSPECTION)
    assert in_the_last[0].period_start is not None  # the past twelve months, up to the inspection


def test_a_comparators_year_printed_before_it_dates_it() -> None:
    got = {m.value: (m.basis.value, m.period_start) for m in rows(
        "Social worker vacancy levels at the time of the inspection were 6.9%, which compares well with the 2013 "
        "national average of 14%.", ctx=INSPECTION)}
    assert got == {6.9: ("actual", date(2019, 2, 4)), 14: ("national", date(2013, 1, 1))}


def test_the_placement_with_parents_in_an_area_profile() -> None:
    assert mapped("- 60 children live with parents or other persons with parental responsibility") == {
        60: "placed_with_parents_count"}
    assert mapped("Most children in need live with their parents.") == {}


def test_a_comparator_named_for_both_neighbours_and_england_dates_by_its_own_bracket() -> None:
    got = {m.value: (m.basis.value, m.period_end) for m in rows(
        "In 2014–15, 10% of children looked after lived in three or more placements during the year, compared to 11% "
        "for both similar local authorities and nationally (2013–14).", ctx=INSPECTION)}
    assert got == {10: ("actual", date(2015, 3, 31)), 11: ("statistical_neighbours", date(2014, 3, 31))}


def test_the_latest_published_figures_are_not_dated_by_the_inspection() -> None:
    got = {m.value: (m.basis.value, m.period_start) for m in rows(
        "According to the latest published figures, 25% of children looked after leave care through adoption, better "
        "than statistical neighbours at 23%.",
        "Current performance on assessments completed within 45 days is 76%.", ctx=INSPECTION)}
    assert got == {25: ("actual", None), 23: ("statistical_neighbours", None), 76: ("actual", date(2019, 2, 4))}


def test_children_picked_out_by_their_schools_grade_or_school_age_are_not_all_looked_after() -> None:
    got = mapped("The latest figures show that 74 children looked after attend schools judged to require improvement.",
                 "Of the 210 children looked after of school age, 85% attend schools that are good or outstanding.",
                 "Personal education plans are up to date and 95% of children in care have had an up-to-date medical.")
    assert got == {74: "", 210: "", 85: "good_outstanding_school_percent", 95: "cla_health_assessment_percent"}


def test_last_years_average_for_similar_authorities_and_a_mentoring_scheme_s_count() -> None:
    got = {m.value: (m.indicator, m.basis.value) for m in rows(
        "A provisional 7% of children had three or more placements in 2013–14, compared to the 13% average in the "
        "previous year for similar local authorities.",
        "'Spark 2 Life' involves 12 care leavers being mentored to help them develop employability skills.")}
    assert got == {7: ("cla_3plus_placements_percent", "actual"),
                   13: ("cla_3plus_placements_percent", "statistical_neighbours"), 12: ("", "actual")}


def test_a_bracket_dating_a_comparison_and_a_councils_latest_data_are_not_moved() -> None:
    got = {m.value: m.period_start for m in rows(
        "The rate of children looked after with three or more placements is 10%, the same as nationally (2013-14).",
        ctx=INSPECTION)}
    assert got == {10: date(2019, 2, 4)}  # the inspection's: the bracket dates the national figure
    got = {m.value: m.period_start for m in rows(
        "The latest available data shows that 76% of children looked after had a dental check.")}
    assert got == {76: date(2024, 7, 1)}  # a council's own quarterly report: its quarter


def test_children_placed_in_or_outside_a_health_area_are_part_of_the_cohort() -> None:
    got = mapped("Percentage of Review Health Assessments completed in timescale for children placed outside of NHS "
                 "Eastern Clinical Commissioning Group areas was 67% in 2017-18.",
                 "At the end of 2018-19, 93.1% of children in care for more than 12 months had an up to date Review "
                 "Health Assessment.")
    assert got == {67: "", 93.1: "cla_health_assessment_percent"}


def test_two_months_without_a_year_are_the_last_such_months_the_paper_has_seen() -> None:
    got = {m.value: (m.period_start, m.period_end) for m in rows(
        "Across July and August, 90% of our cared for children have had their reviews within timescales.")}
    assert got == {90: (date(2024, 7, 1), date(2024, 8, 31))}


def test_a_year_to_date_row_counts_from_april() -> None:
    table = Table(page=1, title="Corporate parenting scorecard",
                  rows=[["Ref", "Measure", "Qu 1 19-20", "Qu 2 19-20"],
                        ["P4.3", "% of review health assessments completed (ytd fig)", "91%", "85%"],
                        ["P4.4", "% of dental checks completed", "70%", "72%"]], header_rows=1)
    got = {m.value: (m.period_start, m.period_end) for m in
           metrics_from_table(table, 0, ["Scorecard"], table.title, CTX, load_taxonomy())}
    assert got[85] == (date(2019, 4, 1), date(2019, 9, 30)) and got[72] == (date(2019, 7, 1), date(2019, 9, 30))


def test_a_school_year_group_a_regional_agency_and_a_distance_inside_the_borough_are_other_measures() -> None:
    """Found by a blind check of rows from papers outside the gold (session 22): the West Sussex needs assessment's
    year 1 dental screening, Kent's minutes on its regional adoption agency's report, and Cheshire East's share placed
    over 20 miles away "(Cheshire East and out of borough)"."""
    got = mapped("Out of a total of 7287 children in year 1 who were offered dental screening, 4947 (68%) were seen.")
    assert got[68] == ""
    assert mapped("Of looked after children, 82% had a dental check this year.")[82] == "cla_dental_check_percent"
    agency = [StatementIn(0, "To update the figures from the report: 31 children had been adopted,", 4,
                          ("Adoption Partnership South East, Regional Adoption Agency Annual Report 2023/2024",))]
    assert [m.indicator for m in metrics_from_statements(agency, CTX, load_taxonomy())] == [""]
    own = [StatementIn(0, "In 2023-24, 24 children were adopted.", 4, ("Adoption",))]
    assert [m.indicator for m in metrics_from_statements(own, CTX, load_taxonomy())] == ["cla_adopted_count"]
    both = "27% of cared for children were placed over 20 miles from home address (Cheshire East and out of borough)."
    assert mapped(both)[27] == ""
    assert mapped("27% of children looked after were placed over 20 miles from home, out of borough.")[27] == \
        "cla_placed_over_20_miles_percent"
