"""Figures that look like an indicator's and are not: ages, the base of a share, a year range printed with a stroke,
registration and dwellings, a measure the clause says there is none of, and the basis and period of a comparison.

Sentences written for these tests, in the language of inspection reports and needs assessments.
"""

from __future__ import annotations

from datetime import date

import pytest

from nlp.models import DocumentContext
from nlp.not_values import a_key
from nlp.prose import StatementIn, metrics_from_statements
from nlp.taxonomy import load_taxonomy

CTX = DocumentContext(authority="Northmoor Borough Council", period_start=date(2019, 2, 4),
                      period_end=date(2019, 2, 15), period_label="4 to 15 February 2019", inspection=True)


def rows(sentence: str) -> dict[float, tuple[str, str, date | None]]:
    """value -> (indicator, basis, period start) of every row the sentence yields."""
    statements = [StatementIn(0, sentence, 1, ("Children looked after",))]
    return {m.value: (m.indicator, m.basis.value, m.period_start)
            for m in metrics_from_statements(statements, CTX, load_taxonomy())}


@pytest.mark.parametrize("sentence", [
    "Care leavers are supported until 21, and personal advisers keep in touch with them.",
    "Pathway plans say that care leavers will receive support until 21.",
    "Care leavers are supported from 18 to 21 by personal advisers.",
    "The picture for the 16 to 18 cohort of care leavers is not repeated for the older cohort.",
    "Children in care move to the leaving care service at 18, and start to build the skills they need.",
])
def test_an_age_is_not_a_count(sentence: str) -> None:
    assert all(ind == "" for ind, _, _ in rows(sentence).values())


def test_a_count_range_and_a_change_of_a_count_are_still_counts() -> None:
    assert rows("The number of care leavers in staying put rose from 18 to 21.")[21][0] == "staying_put_count"
    assert rows("In 2018-19, 35 care leavers were in staying put arrangements.")[35][0] == "staying_put_count"


@pytest.mark.parametrize(("sentence", "base"), [
    ("In 2017-18, this reduced to 6% (11 of 176) of children looked after receiving a caution.", 176),
    ("The council keeps in touch with 140 of 145 care leavers.", 145),
    ("Contact is maintained with 95% of the 123 current eligible care leavers.", 123),
    ("At the time of the inspection, 25 of the 248 young people receiving leaving care services lived in shared "
     "houses.", 248),
])
def test_the_base_of_a_share_is_not_the_cohort(sentence: str, base: int) -> None:
    assert rows(sentence).get(base, ("",))[0] == ""


def test_a_lead_in_that_states_the_cohort_still_counts_it() -> None:
    got = rows("In 2017-18, of 150 care leavers aged 19 to 21, 60% (90) were in education, employment or training.")
    assert got[150][0] == "care_leavers_19_21_count"


@pytest.mark.parametrize("sentence", [
    "In 2016 \u0336 17, 176 children were looked after.",
    "In 2016 \u0336 2017, 176 children were looked after.",
    "In 2016\u201217, 176 children were looked after.",
    "In 2016 \u2015 17, 176 children were looked after.",
])
def test_a_year_range_printed_with_a_stroke_or_an_odd_dash_is_a_period(sentence: str) -> None:
    got = rows(sentence)
    assert 17 not in got and 2017 not in got
    assert got[176] == ("cla_count", "actual", date(2016, 4, 1))


def test_stroke_bullets_still_split_items() -> None:
    got = rows("Of these, 143 live outside the area \u0336 25 live in residential children's homes \u0336 12 live with "
               "their parents.")
    assert got[25][0] == "placements_residential_count"


def test_registration_with_a_dentist_is_not_a_dental_check() -> None:
    assert rows("Only 78% of children looked after are registered with a dentist.")[78][0] == ""
    assert rows("In 2018-19, 95% of children looked after had a dental check.")[95][0] == "cla_dental_check_percent"


@pytest.mark.parametrize(("sentence", "value"), [
    ("The council has increased access to housing through 9 new-build properties for care leavers.", 9),
    ("The council has commissioned 12 self-contained flats for care leavers.", 12),
    ("The authority has 6 emergency beds for care leavers.", 6),
])
def test_dwellings_beds_and_places_are_not_young_people(sentence: str, value: int) -> None:
    assert rows(sentence).get(value, ("",))[0] == ""


def test_a_clause_with_none_of_the_measure_does_not_name_the_figure() -> None:
    assert rows("There are no agency workers and 50% of the workforce are experienced social workers.")[50][0] == ""


def test_a_new_predicate_after_a_comparison_is_the_authority_s_own_figure() -> None:
    got = rows("The rate of dental checks for children looked after has been higher than that nationally, and has "
               "been 94% in 2017-18.")
    assert got[94][1] == "actual"


def test_the_figure_weighed_against_the_year_before_is_that_year_s() -> None:
    got = rows("While the number of children adopted in 2015-16 was down slightly on the year before, 12 as opposed "
               "to 15, more children have plans for adoption.")
    assert got[12] == ("cla_adopted_count", "actual", date(2015, 4, 1))
    assert got[15] == ("cla_adopted_count", "actual", date(2014, 4, 1))


def test_a_projection_is_not_the_figure_achieved() -> None:
    """Ofsted's Sutton and Hammersmith and Fulham reports: the figure a service expects is kept, unmapped."""
    got = rows("The performance of review health assessments was high at 93% in 2013-14 and is anticipated to be 96% "
               "for 2015-16.")
    assert got[93][0] == "cla_health_assessment_percent" and got[96][0] == ""
    got = rows("Recruitment has resulted in a significant reduction in agency social workers from 37% in 2015-16 to a "
               "projected 23% by January 2017.")
    assert got[37][0] == "sw_agency_rate_percent" and got[23][0] == ""
    # "within expected timescales" names a measure, not a projection
    got = rows("Performance on reviews undertaken within expected timescales is good: 92% from April to December 2015.")
    assert got[92][0] == "cla_reviews_in_timescale_percent"


def test_a_word_cut_by_the_look_back_still_vetoes_the_measure() -> None:
    """Ofsted's Leicester report: the clause before the figure began inside "initial", so the annual check won."""
    got = rows("Timescales for the completion of initial health assessments for children looked after are poor, with "
               "only 11% conducted within 28 days during April to November 2014.")
    assert got[11][0] == "initial_health_assessment_20_days_percent"


def test_a_recruitment_target_is_not_the_number_of_households() -> None:
    """Ofsted's Torbay and Bradford reports: ten more a year is a flow; "of 225 households" is the stock."""
    assert rows("The local authority is not meeting its target to recruit 10 additional fostering households each "
                "year.")[10][0] == ""
    assert rows("Carers are successfully recruited from all local ethnic communities, and of 225 fostering households "
                "70 are from minority groups.")[225][0] == "fostering_households_count"


def test_a_target_date_or_timescale_makes_no_figure_a_target() -> None:
    got = rows("A month after the target date for completion, only 31% of cases had all actions completed.")
    assert got[31][1] == "actual"
    assert rows("The council's target is 95% of reviews held on time.")[95][1] == "target"


def test_items_each_with_its_figure_in_brackets_keep_their_own_measure() -> None:
    got = rows("The timeliness of health assessments (97%), dental checks (92%) and immunisations (94%) has improved.")
    assert (got[92][0], got[94][0]) == ("cla_dental_check_percent", "cla_immunisations_percent")
    got = rows("Immunisations (94%) and dental checks (92%) have improved.")
    assert (got[94][0], got[92][0]) == ("cla_immunisations_percent", "cla_dental_check_percent")
    assert rows("Of the 450 children in care, most (72%) live with foster carers.")[72][0] == "cla_foster_care_percent"


def test_the_settlement_for_local_government_as_a_whole_is_national() -> None:
    assert rows("The 2025-26 spending plans for local government included a £1.3bn increase.")[1.3e9][1] == "national"
    assert rows("The council's own spending plans include a £1.3m increase.")[1.3e6][1] == "actual"


def test_a_bare_share_in_brackets_is_its_sums_and_a_comparable_years_figure_is_the_comparison() -> None:
    got = rows("The 2025-26 spending plans for local government included a £1.3bn (5%) increase.")
    assert (got[1.3e9][1], got[5][1]) == ("national", "national")
    got = rows("The schools block has increased by £108.5m (7.8%) to £1.4bn on the comparable figure for 2024-25.")
    assert got[1.4e9][2] != date(2024, 4, 1)


def test_a_forecast_tables_bank_rate_row_is_the_nations_and_a_budget_line_naming_a_tax_is_the_councils() -> None:
    from ingest.models import Table
    from nlp.table_metrics import metrics_from_table

    grid = [["", "Dec-24", "Mar-25"], ["Bank Rate", "4.75%", "4.50%"], ["Average rate on our investments", "4.9%", "4.7%"],
            ["National Insurance increase", "£9.4m", "£0.0m"]]
    got = metrics_from_table(Table(page=1, header_rows=1, rows=grid), 0, ["Treasury"], "", CTX, load_taxonomy())
    bases = {(m.label, m.value): m.basis.value for m in got}
    assert bases[("Bank Rate", 4.75)] == "national"
    assert bases[("Average rate on our investments", 4.9)] == "actual"
    assert bases[("National Insurance increase", 9.4e6)] == "actual"


def test_rows_under_a_national_rates_heading_are_the_nations_and_a_councils_cost_of_them_its_own() -> None:
    from ingest.models import Table
    from nlp.table_metrics import metrics_from_table

    grid = [["", "2024-25", "2025-26"], ["Employer's National Insurance", "", ""], ["Threshold", "£9,100", "£5,000"],
            ["Rate", "13.8%", "15.0%"], ["Cost to the council", "£6.2m", "£9.4m"]]
    got = metrics_from_table(Table(page=1, header_rows=1, rows=grid), 0, ["Context"], "", CTX, load_taxonomy())
    bases = {(m.label, m.value): m.basis.value for m in got}
    assert bases[("Threshold", 5000)] == "national" and bases[("Rate", 15)] == "national"
    assert bases[("Cost to the council", 9.4e6)] == "actual"


@pytest.mark.parametrize("sentence", [
    "The Here4U team, which supports children in care aged over 16 and care leavers, enables joint working.",
    "Disabled children are supported by the 0 to 18 children and young people with disabilities team.",
    "Plans to create a 0 to 25 service for children who have disabilities are well advanced.",
])
def test_an_age_that_names_a_group_or_a_service_is_no_row_at_all(sentence: str) -> None:
    assert rows(sentence) == {}


def test_a_count_of_children_of_an_age_is_still_a_count() -> None:
    assert 18 in rows("We support 18 children aged over 16 in supported lodgings.")


def test_a_table_of_areas_england_and_region_rows_are_comparators() -> None:
    from ingest.models import Table
    from nlp.table_metrics import metrics_from_table

    grid = [["Area", "Lone parent"], ["Adur", "20.4%"], ["SOUTH EAST", "18.4%"], ["ENGLAND", "22.8%"],
            ["Statistical neighbours", "21.0%"], ["National Bus Strategy", "14.0%"]]
    got = metrics_from_table(Table(page=1, header_rows=1, rows=grid), 0, ["Families"], "", CTX, load_taxonomy())
    bases = {m.value: m.basis.value for m in got}
    assert bases == {20.4: "actual", 18.4: "regional", 22.8: "national", 21: "statistical_neighbours", 14: "actual"}


def test_a_tally_by_the_end_of_a_quarter_runs_from_the_years_start() -> None:
    from nlp.periods import resolve_periods

    so_far = resolve_periods("By the end of Q2 2019/20, 10 children had achieved permanence by way of adoption.", CTX)
    assert (so_far[0].start, so_far[0].end) == (date(2019, 4, 1), date(2019, 9, 30))
    at_end = resolve_periods("At the end of Q2 2019/20, 412 children were in care.", CTX)
    assert (at_end[0].start, at_end[0].end) == (date(2019, 7, 1), date(2019, 9, 30))
    calendar = resolve_periods("by the end of the third quarter of 2016", CTX)
    assert (calendar[0].start, calendar[0].end) == (date(2016, 1, 1), date(2016, 9, 30))


@pytest.mark.parametrize(("context", "basis"), [
    ("West Sussex Local Area Agreement 2008-11 - statutory targets", "target"),
    ("The three-year project targets are shown in the table below:", "target"),
    ("Performance against targets", "actual"),
    ("Relevant data are scrutinised and targets set where improvements are needed.", "actual"),
])
def test_a_table_its_title_says_holds_targets(context: str, basis: str) -> None:
    from ingest.models import Table
    from nlp.table_metrics import metrics_from_table

    grid = [["Measure", "2008/09", "2009/10"], ["Care leavers in suitable accommodation", "61%", "65%"]]
    got = metrics_from_table(Table(page=1, header_rows=1, rows=grid), 0, ["Plan"], context, CTX, load_taxonomy())
    assert {m.basis.value for m in got} == {basis}


def test_a_row_named_a_target_holds_targets_and_a_description_naming_one_does_not() -> None:
    from ingest.models import Table
    from nlp.table_metrics import metrics_from_table

    grid = [["", "2021-22", "2022-23"], ["Savings target (£)", "£358,100", "£1,193,600"],
            ["Renewable energy source options to work towards the Net Zero target", "£300,000", "£500,000"]]
    got = metrics_from_table(Table(page=1, header_rows=1, rows=grid), 0, ["Plan"], "", CTX, load_taxonomy())
    assert {(m.label, m.basis.value) for m in got} == {
        ("Savings target (£)", "target"), ("Renewable energy source options to work towards the Net Zero target", "actual")}


def test_a_period_weighed_against_dates_no_figure_after_the_next() -> None:
    qctx = DocumentContext(authority="Northmoor Borough Council", period_start=date(2024, 10, 1),
                           period_end=date(2024, 12, 31), period_label="Quarter 3 2024/25")
    text = ("Library issues have risen by 1% in comparison with Quarter 3, 2023/24, and while physical issues have "
            "dropped by 2%, this is balanced out by an increase in eBook issues of 5%.")
    got = {m.value: m.period_start for m in metrics_from_statements([StatementIn(0, text, 1, ("Libraries",))], qctx,
                                                                    load_taxonomy())}
    assert got[5] == date(2024, 10, 1)
    text = ("There were 6,357 referrals to children's social care services in the Quarter, an 8.3% increase when "
            "compared to the previous Quarter (5,869).")
    got = {m.value: m.period_start for m in metrics_from_statements([StatementIn(0, text, 1, ("Referrals",))], qctx,
                                                                    load_taxonomy())}
    assert got[5869] == date(2024, 7, 1)


@pytest.mark.parametrize("key", ["19% to 48% 10% to 19% 6% to 10% Under 6%", "Under 5 6 to 10 11 to 15 16+",
                                 "12.5% to 15%, 15% to 20%"])
def test_a_map_s_key_holds_bands_not_figures(key: str) -> None:
    assert rows(key) == {}


def test_a_range_in_a_sentence_is_still_read() -> None:
    assert set(rows("Rates ranged from 6% to 10% across the wards, and 45% to 50% in the towns.")) >= {6, 10, 45, 50}


def test_a_line_of_budget_figures_is_no_key() -> None:
    """Signed figures are not bands; and a long line of them is read in one pass (a nested pattern took a minute)."""
    line = "5,814.5 -8,852.0 796.5 709.5 0.0 -3,332.0 -3,332.0 -403.0 0.0 -403.0 40.0 0.0 -1,232.5 " * 4
    assert not a_key(line) and not a_key("12.5 1.0 -11.5") and a_key("0-5 6-10 11-15")


@pytest.mark.parametrize("sentence", [
    "The proportion of children looked after achieving five GCSEs has fluctuated between 30 and 50%.",
    "The strategy is to hold general reserves of between 5% and 10% of the net revenue budget.",
])
def test_the_ends_of_a_band_are_no_figures(sentence: str) -> None:
    assert rows(sentence) == {}


def test_a_change_to_a_share_is_still_its_level() -> None:
    assert 90 in rows("Attendance of children looked after rose from 85 to 90% this year.")
