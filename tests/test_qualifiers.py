"""The qualifier check: a figure whose own words narrow or change the cohort or the measure is not the indicator's.

Sentences written for these tests, in the language of inspection reports and needs assessments. Each class: the
figure maps without the qualifier, and stays an unmapped row (value kept, evidence naming the qualifier) with it.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.models import Table
from nlp.models import DocumentContext, Flag, Unit
from nlp.prose import StatementIn, metrics_from_statements
from nlp.qualifiers import load_qualifiers, own_words
from nlp.table_metrics import metrics_from_table
from nlp.taxonomy import load_taxonomy

CTX = DocumentContext(authority="Northmoor Borough Council", period_start=date(2019, 2, 4),
                      period_end=date(2019, 2, 15), period_label="4 to 15 February 2019", inspection=True)


def row(sentence: str, value: float):
    statements = [StatementIn(0, sentence, 1, ("Children looked after",))]
    return next(m for m in metrics_from_statements(statements, CTX, load_taxonomy()) if m.value == value)


# (class, indicator, sentence without the qualifier, sentence with it, the value)
CASES = [
    ("age_band", "cla_count", "Northmoor has 41 young people looked after.",
     "Northmoor has 41 young people looked after, aged 16 to 18, and many more care leavers.", 41),
    ("age_band", "care_leavers_count", "The authority supports 126 care leavers.",
     "The authority supports 126 care leavers aged 19 and over.", 126),
    ("subgroup", "good_outstanding_school_percent", "Overall, 81% of children in care attend a good or better school.",
     "This falls to 48% of children in care at secondary level attending a good or better school.", None),
    ("subgroup", "fostering_households_count", "The service has 225 approved fostering households.",
     "Of the approved fostering households, 70 households are from Black and minority ethnic communities.", None),
    ("cohort_in_need", "cla_persistent_absence_percent", "Persistent absence of children in care fell to 9%.",
     "Persistent absence of children in need fell to 9%.", 9),
    ("cohort_early_help", "cin_count", "Currently 640 children are supported as children in need.",
     "Currently 640 children in need of early help support are seen by the family hubs.", 640),
    ("cohort_adults", "assessments_45_days_percent", "Of all assessments, 80% are completed within timescales.",
     "Of all assessments, 80% are completed within timescales, so that prospective adopters are approved promptly.", 80),
    ("owner", "care_leavers_count", "The authority is responsible for some 350 care leavers.",
     "The 16-plus team is responsible for some 350 care leavers, the rest remaining with other services.", 350),
    ("owner", "cla_starts_count", "In the year, 113 children came into care.",
     "Of the children considered by the edge of care panel, 13 came into care.", 13),
    ("owner", "cla_count", "At 31 March 2019, 42 children were looked after.",
     "Advocates are valued, with 42 children looked after being supported by this arrangement.", 42),
    ("per_worker", "cla_count", "At 31 March 2019, 99 children were looked after.",
     "At present, caseloads of 99 children looked after for a full-time IRO are too high.", 99),
    ("short_of_outcome", "staying_put_count", "Currently 28 care leavers stay put with their foster carers.",
     "Currently 28 care leavers are requesting to stay put with their foster carers.", 28),
    ("cumulative", "staying_put_count", "At present, 110 care leavers remain with their former foster carers beyond 18.",
     "Since 2008, 110 care leavers have remained with their former foster carers beyond 18.", 110),
    ("cumulative", "care_leavers_apprenticeships_count", "Currently 29 care leavers are in apprenticeships.",
     "To date, 29 care leavers have taken up apprenticeships with the council.", 29),
    ("repeat_window", "cpp_repeat_percent",
     "In 2018-19, 4% of children became subject to a child protection plan for a second or subsequent time.",
     "In 2018-19, 4% of children became subject to a child protection plan for a second or subsequent time within "
     "two years.", 4),
    ("flow", "cla_placed_over_20_miles_percent",
     "At 31 March 2018, 13.1% of children looked after were placed more than 20 miles from home, outside the authority.",
     "Of the children placed since October 2017, 13.1% were placed more than 20 miles from home, outside the authority.", 13.1),
    ("flow", "cla_count", "At 31 March 2019, the council looked after 412 children.",
     "More are looked after over a year than on a day: 412 looked after children pass through care each year.", 412),
    ("things_counted", "placements_residential_count", "At 31 March 2019, 23 children lived in residential care.",
     "Commissioning has led to 23 new residential placements being available close to home.", 23),
    ("place", "cla_foster_care_percent", "At 31 March 2019, 69% of children looked after were placed in foster care.",
     "At 31 March 2019, 35% of children looked after were placed in foster care in neighbouring local authorities.", 35),
    ("distance", "cla_foster_care_percent", "At 31 March 2018, 252 children (69%) were placed in foster care.",
     "At 31 March 2018, 37 children (15%) were placed in foster care more than 20 miles from home.", None),
    ("short_of_outcome", "cla_adopted_count", "In 2018-19, 28 children were adopted.",
     "There are 28 children placed with their adoptive families awaiting an adoption order.", 28),
    ("short_of_outcome", "care_leavers_apprenticeships_count", "Currently 12 care leavers are in apprenticeships.",
     "Currently 12 care leavers have applied for apprenticeships.", 12),
    ("complement", "icpc_within_15_days_percent",
     "In 2018-19, for about 90% of children, initial conferences happened in a timely way.",
     "In 2018-19, for about 10% of children, initial conferences did not happen in a timely way.", 10),
    ("provider", "staying_put_count", "Currently 20 care leavers stay put with their foster carers.",
     "In addition, 13 care leavers stay put with agency foster carers.", 13),
    ("joined_cohort", "care_leavers_eet_percent", "In 2018-19, 71% of care leavers were in education, employment or training.",
     "In 2018-19, 71% of young people in care or care leavers were in education, employment or training.", 71),
    ("joined_cohort", "cla_health_assessment_percent",
     "In 2018-19, 88% of looked after children had their annual health assessment on time.",
     "In 2018-19, 88% of looked after children and care leavers had their annual health assessment on time.", 88),
    ("other_role", "sw_agency_rate_percent", "At 31 March 2019, 22% of social workers were agency workers.",
     "At 31 March 2019, 22% of team managers were agency workers.", 22),
    ("newly_qualified", "sw_agency_rate_percent", "At 31 March 2019, 35% of social workers were agency workers.",
     "At 31 March 2019, 35% of staff were in their ASYE or were agency workers.", 35),
    ("vacancy", "sw_agency_rate_percent", "At 31 March 2019, 30% of social work posts were held by agency workers.",
     "At 31 March 2019, 30% of social work posts were vacant, most of them covered by agency workers.", 30),
    ("other_event", "cp_visits_in_timescale_percent",
     "In 2018-19, 95% of visits to children subject to child protection plans were within timescales.",
     "In 2018-19, visits to children on plans were regular, and 95% of child protection conferences were held within "
     "timescales.", 95),
    ("other_event", "cla_reviews_in_timescale_percent", "In 2018-19, 93% of reviews were held on time.",
     "In 2018-19, 93% of annual reviews were held on time.", 93),
    ("averted", "cla_starts_count", "In 2018-19, 64 children came into care.",
     "In 2018-19, the edge of care service kept 64 children from coming into care.", 64),
    ("short_of_outcome", "cla_adopted_count", "In 2018-19, 31 children were adopted.",
     "In 2018-19, 31 children had a decision that they should be adopted or were adopted.", 31),
    ("service_part", "care_leavers_count", "The authority supports 212 care leavers.",
     "The authority supports 212 care leavers through transition to adult social care.", 212),
    ("distance_without_boundary", "cla_placed_over_20_miles_percent",
     "At 31 March 2019, 11% of children looked after lived outside the county and more than 20 miles from home.",
     "At 31 March 2019, 11% of children looked after lived more than 20 miles from home, within the county or beyond it.",
     11),
    ("either_place_or_distance", "cla_placed_over_20_miles_percent",
     "At 31 March 2019, 14% of children looked after lived more than 20 miles from home and outside the borough.",
     "At 31 March 2019, 14% of children looked after lived outside the borough or more than 20 miles from home.", 14),
    ("changed_this_number", "sw_agency_count", "At 31 March 2019, there were 38 agency social workers.",
     "Recruiting more agency social workers reduced this number to 38 by March 2019.", 38),
    ("place", "cla_childrens_homes_percent", "At 31 March 2019, 12% of children looked after lived in children's homes.",
     "At 31 March 2019, 12% of children looked after in children's homes were placed within West Yorkshire.", 12),
    ("subgroup", "cla_adopted_percent", "In 2018-19, 14% of children who ceased to be looked after were adopted.",
     "In 2018-19, 14% of children who ceased to be looked after were adopted and from ethnic minority families.", 14),
    ("owner", "care_leavers_count", "The authority is responsible for 181 care leavers.",
     "The 21+ service currently supports 181 care leavers.", 181),
    ("members", "care_leavers_count", "There are 24 care leavers.", "There are 24 care leavers recruited as ambassadors.", 24),
    ("owner", "care_leavers_count", "There are 15 care leavers in the authority.",
     "There are 15 care leavers supported under these arrangements.", 15),
    ("age_band", "care_leavers_count", "The authority supports 211 care leavers.",
     "The authority supports 211 care leavers aged over 18.", 211),
    ("age_band", "cla_count", "At 31 March 2019, 258 children were looked after.",
     "At 31 March 2019, 258 children were looked after aged between five and 16.", 258),
    ("other_forum", "rereferrals_12_months_percent",
     "In 2018-19, 980 referrals were received, of which 21% were re-referrals within 12 months.",
     "In 2018-19, 980 referrals were made to MARAC, of which 21% were re-referrals within 12 months.", 21),
    ("cover_for_absence", "sw_vacancies_count",
     "Agency use has fallen, with 30 agency workers covering vacancies (out of 300 social work posts) and a further 12 "
     "covering vacancies in the MASH.",
     "Agency use has fallen, with 30 agency workers covering vacancies (out of 300 social work posts) and a further 12 "
     "covering maternity and sickness.", 12),
    ("regulated_part", "placements_out_of_area_count",
     "Of the 700 children in placements, 180 live outside the local authority area.",
     "Of the 700 children living in provision inspected by Ofsted, 180 live outside the local authority area.", 180),
    ("provider", "placements_residential_count", "At 31 March 2019, 31 children lived in residential children's homes.",
     "At 31 March 2019, 41 children lived in agency placements in residential children's homes.", 41),
]


@pytest.mark.parametrize(("name", "indicator", "plain", "qualified", "value"), CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_a_qualifier_the_indicator_does_not_allow_unmaps_the_row(name, indicator, plain, qualified, value) -> None:
    before = [m for m in metrics_from_statements([StatementIn(0, plain, 1, ("Children looked after",))], CTX,
                                                 load_taxonomy()) if m.indicator == indicator]
    assert before, f"{plain!r} should map to {indicator}"
    got = metrics_from_statements([StatementIn(0, qualified, 1, ("Children looked after",))], CTX, load_taxonomy())
    assert all(m.indicator != indicator for m in got)
    if value is not None:
        blocked = next(m for m in got if m.value == value)
        assert blocked.indicator == "" and Flag.UNMAPPED in blocked.flags and blocked.confidence is None
        assert blocked.evidence.startswith(f"not {indicator}, qualifier {name}:")


def test_a_qualifier_its_definition_allows_keeps_the_row() -> None:
    assert row("Of care leavers aged 19 to 21, 55% are in education, employment or training.", 55).indicator \
        == "care_leavers_19_21_eet_percent"
    assert row("At 31 March 2018, 12% of children looked after were placed outside the authority more than 20 miles "
               "from home.", 12).indicator == "cla_placed_over_20_miles_percent"
    assert row("Since April 2018, 27 children have been adopted.", 27).indicator == "cla_adopted_count"  # a flow's window
    assert row("Currently 17 young people aged 18 to 20 are in staying put arrangements.", 17).indicator == "staying_put_count"
    assert row("The leaving care team supports 194 care leavers.", 194).indicator == "care_leavers_count"  # the whole


def test_a_heading_about_children_in_need_gives_its_cohort_to_a_sentence_that_names_none() -> None:
    heading = ("The experiences and progress of children who need help and protection", "Inspection findings")
    got = {m.value: m for m in metrics_from_statements(
        [StatementIn(0, "Persistent absence fell to 7.5% in 2018/19.", 1, heading),
         StatementIn(1, "Persistent absence of children looked after fell to 9.5% in 2018/19.", 1, heading)],
        CTX, load_taxonomy())}
    assert got[7.5].indicator == "" and "qualifier heading_in_need: 'help and protection'" in got[7.5].evidence
    assert got[9.5].indicator == "cla_persistent_absence_percent"
    assert row("Persistent absence fell to 7.5% in 2018/19.", 7.5).indicator == "cla_persistent_absence_percent"


def test_a_trend_since_a_year_is_not_a_cumulative_count() -> None:
    assert row("Since 2016, the number of children looked after has fallen to 400.", 400).indicator == "cla_count"


def test_a_qualifier_of_the_next_figure_is_not_this_one_s() -> None:
    assert row("In 2018-19, review health assessments rose to 91%, under five development checks to 97%.", 91).indicator \
        == "cla_health_assessment_percent"
    text = "RBKC has 41 young people looked after, aged 16 to 18, and 126 care leavers aged 19."
    clause, stretch = own_words(text, (text.index("41"), text.index("41") + 2), [(text.index("126"), text.index("126") + 3)])
    assert "aged 16 to 18" in stretch and "care leavers" not in stretch and "aged 16" not in clause


def test_the_later_figure_of_a_pair_shares_the_words_before_the_first() -> None:
    text = "The share of good or outstanding secondary schools that children in care attend rose from 45% to 60%."
    got = {m.value: m.indicator for m in metrics_from_statements([StatementIn(0, text, 1, ("Education",))], CTX,
                                                                 load_taxonomy())}
    assert got == {45: "", 60: ""}


def test_a_table_row_label_carries_its_qualifiers() -> None:
    table = Table(page=3, header_rows=1, rows=[["Measure", "2023-24"],
                                               ["% of pupils with less than 90% attendance", "21%"],
                                               ["% of Secondary pupils with less than 90% attendance", "24%"]])
    got = {m.value: (m.indicator, m.evidence) for m in
           metrics_from_table(table, 0, ["Scorecard"], "Children in care", CTX, load_taxonomy())}
    assert got[21][0] == "cla_persistent_absence_percent"
    assert got[24][0] == "" and "qualifier subgroup: 'Secondary pupils'" in got[24][1]


def test_a_plan_s_year_column_is_not_a_school_year() -> None:
    table = Table(page=3, header_rows=1, rows=[["Placement", "Year 1", "Year 2"],
                                               ["Children placed with in-house foster carers", "240", "255"]])
    got = metrics_from_table(table, 0, ["Sufficiency"], "Children in care", CTX, load_taxonomy())
    assert {m.indicator for m in got} == {"placements_in_house_foster_count"}


def test_every_allowed_class_is_defined() -> None:
    qualifiers = load_qualifiers()
    assert {c.name for c in qualifiers.classes} >= qualifiers.allowed("care_leavers_19_21_eet_percent")
    assert "age_band" in qualifiers.allowed("care_leavers_19_21_eet_percent")
    assert not qualifiers.allowed("cla_count")


def test_carers_counted_in_the_sentence_are_not_children_placed() -> None:
    plain = "There are 140 children placed with local authority foster carers, up from 120 in March 2018."
    assert {m.value: m.indicator for m in metrics_from_statements(
        [StatementIn(0, plain, 1, ("Fostering",))], CTX, load_taxonomy())}[120] == "placements_in_house_foster_count"
    text = "There are 117 local authority foster carers, up from 112 in March 2018 and 95 in March 2017."
    got = {m.value: m for m in metrics_from_statements([StatementIn(0, text, 1, ("Fostering",))], CTX, load_taxonomy())}
    assert got[95].indicator == "" and "qualifier carers_counted: '117 local authority foster carers'" in got[95].evidence


def test_a_count_that_is_an_age_is_no_count() -> None:
    assert row("At 31 March 2019, the authority supported 230 care leavers.", 230).indicator == "care_leavers_count"
    got = row("Great care is shown to care leavers who are not ready to move on to full independent living, and some "
              "remain appropriately in semi-independent provision beyond 18 in order to develop their skills.", 18)
    assert got.indicator == "" and "an age: 'beyond 18'" in got.evidence
    got = row("One young person I am looking after now, she's 14, had a baby and is now in care.", 14)
    assert got.indicator == "" and "an age: 'she's 14'" in got.evidence


def test_a_class_that_applies_to_some_indicators_leaves_the_others() -> None:
    qualifiers = load_qualifiers()
    words = "14% of children looked after lived more than 20 miles from home"
    assert qualifiers.blocking("cla_placed_over_20_miles_percent", Unit.PERCENT, words) is not None
    assert qualifiers.blocking("placements_out_of_area_count", Unit.PERCENT, words) is None


def test_a_care_leavers_measure_is_not_read_off_children_still_looked_after() -> None:
    plain = "In 2019, the share of care leavers going on to higher education was 6%, with 10% of all care leavers there."
    assert row(plain, 6).indicator == "care_leavers_higher_education_percent"
    text = "In 2019, the share of looked after pupils going on to higher education was 6%, with 10% of all care leavers there."
    assert row(text, 6).evidence.startswith("not care_leavers_higher_education_percent, qualifier leavers_not_cla:")
    assert row(text, 10).indicator == "care_leavers_higher_education_percent"


def test_the_share_not_yet_inspected_is_not_the_share_rated_good() -> None:
    text = "In 2019, 81% of children looked after attended schools rated good or better and 9% attended new schools " \
           "that are yet to be inspected."
    assert row(text, 81).indicator == "good_outstanding_school_percent"
    assert row(text, 9).evidence.startswith("not good_outstanding_school_percent, qualifier complement: 'yet to be")


def test_of_these_makes_the_figure_a_part_of_the_sentence_before_s() -> None:
    def got(before: str, text: str) -> dict[float, str]:
        statements = [StatementIn(0, before, 1, ("Care leavers",)), StatementIn(1, text, 1, ("Care leavers",))]
        return {m.value: m.evidence if not m.indicator else m.indicator
                for m in metrics_from_statements(statements, CTX, load_taxonomy()) if m.value in (7, 41)}
    share = "Of these, 7% went on to higher education."
    assert got("In 2019, the authority supported 230 care leavers.", share)[7] == "care_leavers_higher_education_percent"
    assert got("In 2019, 55% of care leavers were in education, employment or training.", share)[7].startswith(
        "not care_leavers_higher_education_percent, qualifier share_of_part: '55%'")
    parts = "Of these, 120 are in foster placements and 41 in residential care."
    assert got("Of 500 children in care, 300 are placed locally.", parts)[41] == "placements_residential_count"
    assert got("Of 500 children in care, 161 are placed in agency placements.", parts)[41].startswith(
        "not placements_residential_count, qualifier part_of_part: 'agency placements'")


def test_counts_that_sum_to_an_earlier_count_are_its_parts() -> None:
    parts = "Of 500 children in care, {} are placed in {}, 120 with independent foster carers and 41 in residential care."
    assert row(parts.format(300, "foster or residential care locally"), 41).indicator == "placements_residential_count"
    got = row(parts.format(161, "agency placements"), 41)  # 120 + 41 = 161: the parts of the agency placements
    assert got.evidence.startswith("not placements_residential_count, qualifier part_of_part: 'agency placements'")


def test_a_health_review_or_an_initial_assessment_is_not_the_review_or_annual_check_measure() -> None:
    both = row("At the time of the inspection, 97% of reviews were held on time, as were 88% of health reviews and 92% "
               "of dental checks.", 88)
    assert both.indicator == ""
    assert row("At the time of the inspection, 97% of reviews were held on time, as were 88% of health reviews and 92% "
               "of dental checks.", 92).indicator == "cla_dental_check_percent"
    assert row("In 2018-19, 91% of children looked after had an annual health assessment.", 91).indicator == \
        "cla_health_assessment_percent"
    assert row("The service reports that 91% of initial and review health assessments are done on time.", 91).indicator == ""
