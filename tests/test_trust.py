"""Metrics to trust on papers the rules have never seen: domain, units from tables, evidence, unmapped rows kept apart.

One test per rule family, on sentences and tables written for these tests, and one that ingests a budget PDF.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from ingest.models import Table
from nlp.domain import DocumentDomain
from nlp.models import Confidence, DocumentContext, Flag, Unit
from nlp.prose import StatementIn, metrics_from_statements
from nlp.table_metrics import metrics_from_table
from nlp.taxonomy import load_taxonomy
from nlp.values import find_values

CTX = DocumentContext(authority="Northmoor Borough Council", period_start=date(2024, 7, 1),
                      period_end=date(2024, 9, 30), period_label="Q2 2024/25", meeting_date=date(2024, 12, 3))


def rows(*sentences: str, heading: str = "3 Performance", domain: DocumentDomain | None = None):
    statements = [StatementIn(i, s, 1, (heading,)) for i, s in enumerate(sentences)]
    args = (domain,) if domain else ()
    return metrics_from_statements(statements, CTX, load_taxonomy(), *args)


def mapped(*sentences: str, heading: str = "3 Performance") -> dict[float, str]:
    return {m.value: m.indicator for m in rows(*sentences, heading=heading)}


# -- domain ---------------------------------------------------------------------------------------------------------

def test_economic_and_treasury_text_yields_no_children_s_indicator() -> None:
    assert set(mapped("CPI inflation stayed at 2.2% in August while services inflation rose to 5.6%, and the "
                      "vacancy rate in the labour market fell.").values()) == {""}
    assert set(mapped("The Monetary Policy Committee began lowering rates from 5.25% to 5.0%, and staff vacancies "
                      "across the economy eased.").values()) == {""}
    # a children's sentence in a treasury section is still treasury text
    assert set(mapped("Investments held for children's services capital schemes were 12% of the portfolio.",
                      heading="Treasury Management Strategy").values()) == {""}
    # the same words about children's services are read
    assert mapped("The social worker vacancy rate was 18% at the end of September.") == {18: "sw_vacancy_rate_percent"}


def test_a_share_of_money_is_not_a_children_s_percentage() -> None:
    assert set(mapped("The placements budget for looked after children rose by £4.2m, an uplift of 6% on the "
                      "residential budget.").values()) == {""}


def test_a_paper_hardly_about_children_lowers_confidence() -> None:
    budget_book = DocumentDomain(0.02)
    got = rows("There were 1,850 children looked after at the end of September.", domain=budget_book)
    assert [(m.indicator, m.confidence) for m in got] == [("cla_count", Confidence.MEDIUM)]
    got = rows("There were 1,850 children looked after at the end of September.")
    assert [(m.indicator, m.confidence) for m in got] == [("cla_count", Confidence.HIGH)]


# -- units from tables ----------------------------------------------------------------------------------------------

def _budget_table(caption_row: list[str]) -> Table:
    return Table(page=4, header_rows=2, rows=[
        ["Service", "2025-26 Budget", "2026-27 Budget", "Variance"], caption_row,
        ["Looked After Children - Care & Support", "9,659.1", "108,092.3", "-2,541.5"],
        ["Children's Residential Care", "2,269.6", "2,498.6", "229.0"]])


@pytest.mark.parametrize(("units", "scale"), [
    (["", "£000s", "£000s", "£000s"], 1e3), (["", "£'000", "£'000", "£'000"], 1e3), (["", "£k", "£k", "£k"], 1e3),
    (["", "£m", "£m", "£m"], 1e6), (["", "£’m", "£’m", "£’m"], 1e6)])
def test_a_budget_table_is_money_in_pounds_with_its_printed_scale_and_no_children_s_indicator(units, scale) -> None:
    got = metrics_from_table(_budget_table(units), 0, ["Revenue budget"], "", CTX, load_taxonomy())
    assert {m.unit for m in got} == {Unit.GBP} and {m.indicator for m in got} == {""}
    assert got[0].value == pytest.approx(9659.1 * scale)


def test_a_caption_above_the_table_sets_its_scale() -> None:
    table = Table(page=2, header_rows=1, rows=[
        ["Service", "2024-25", "2025-26"], ["Fostering Service", "12,345.6", "13,001.2"]])
    got = metrics_from_table(table, 0, ["Budget"], "Table 2: Net revenue budget by service in £000s", CTX,
                             load_taxonomy())
    assert [(m.value, m.unit, m.indicator) for m in got] == [(12345600.0, Unit.GBP, ""), (13001200.0, Unit.GBP, "")]


def test_cells_keep_their_own_money_scale() -> None:
    table = Table(page=1, header_rows=1, rows=[
        ["Item", "Initial Draft", "Latest Draft"], ["Spending Growth", "+£117.2m", "£100m"], ["Grant", "-£0.8m", "£75k"]])
    got = {m.value for m in metrics_from_table(table, 0, ["Budget"], "", CTX, load_taxonomy())}
    assert got == {117.2e6, 100e6, -0.8e6, 75e3}


def test_a_cell_printing_a_percent_in_a_money_table_is_a_share() -> None:
    """Kent's High Needs table prints "Rate of increase in spend | - | 13% | 10%" under its "£m" columns."""
    table = _budget_table(["", "£m", "£m", "£m"])
    table.rows.append(["Rate of increase in spend", "13%", "10%", "-2%"])
    got = {(m.value, m.unit) for m in metrics_from_table(table, 0, ["High Needs"], "", CTX, load_taxonomy())
           if m.label.endswith("Rate of increase in spend")}
    assert got == {(13, Unit.PERCENT), (10, Unit.PERCENT)}


def test_a_total_of_shares_is_no_figure() -> None:
    table = Table(page=1, header_rows=1, rows=[
        ["Category of need", "2003/04 %", "2006/07 %"], ["Abuse or neglect", "58", "61"], ["TOTAL", "100", "100"]])
    got = {(m.label, m.value) for m in metrics_from_table(table, 0, ["Need"], "", CTX, load_taxonomy())}
    assert {v for label, v in got if label.endswith("Abuse or neglect")} == {58, 61}
    assert not any(label.endswith("TOTAL") for label, _ in got)
    # nor a row's 100% under a "Total" column of shares (a census table of family structure)
    table = Table(page=1, header_rows=1, rows=[
        ["District", "All dependent children", "Lone parent households", "Married couple households", "Total"],
        ["Worthing", "19,686", "21.1%", "78.9%", "100.0%"]])
    got = {(m.label, m.value) for m in metrics_from_table(table, 0, ["Family structure"], "", CTX, load_taxonomy())}
    assert {v for _, v in got} == {19686, 21.1, 78.9}


def test_fte_and_score_columns_are_not_counts_of_children() -> None:
    table = Table(page=1, header_rows=1, rows=[
        ["Team", "Social workers FTE", "Current Likelihood (1-5)"],
        ["Children in care", "45.5", "4"]])
    got = {(m.unit, m.indicator) for m in metrics_from_table(table, 0, ["Workforce"], "", CTX, load_taxonomy())}
    assert got == {(Unit.FTE, ""), (Unit.SCORE, "")}


def test_a_year_in_a_table_is_not_a_percentage() -> None:
    table = Table(page=1, header_rows=1, rows=[
        ["Measure", "Immunisations %", "Target year"],
        ["Children looked after up to date with immunisations: meets the national benchmark (95%)", "88", "2028"]])
    got = {(m.value, m.unit) for m in metrics_from_table(table, 0, ["Health"], "", CTX, load_taxonomy())}
    assert (88, Unit.PERCENT) in got and not any(v == 2028 for v, _ in got)


@pytest.mark.parametrize(("text", "pounds"), [
    ("a budget of £100m", 100e6), ("spend of £45.513m", 45.513e6), ("£1.9613 mil", 1.9613e6), ("£2.5bn", 2.5e9),
    ("£750k", 750e3), ("£12,500", 12500), ("-£0.2m continuation of the grant", -0.2e6), ("- £0.2m for a bullet", 0.2e6)])
def test_money_in_sentences_is_stored_in_pounds(text, pounds) -> None:
    [value] = find_values(text, [])
    assert value.unit is Unit.GBP and value.value == pytest.approx(pounds)


def test_money_in_thousandths_with_no_scale_is_not_read_as_pounds() -> None:
    """"Previously reported -£10.921" in a capital monitoring section whose other figures say £m: no pence have three
    decimals, so the scale is printed elsewhere; nothing is stored rather than a figure a million times too small."""
    assert find_values("Previously Reported -£10.921. Rephasing is due to:", []) == []
    assert [v.value for v in find_values("£1,234.56 in fees and £10.921m rephased", [])] == [1234.56, 10_921_000.0]


def test_scaled_money_is_whole_pence_not_a_binary_float() -> None:
    assert [v.value for v in find_values("savings of £32.8m and £64.9k", [])] == [32_800_000.0, 64_900.0]
    table = Table(page=1, header_rows=1, rows=[["Grant", "£000s"], ["Domestic Abuse Safe Accommodation Grant", "129.7"]])
    assert [m.value for m in metrics_from_table(table, 0, ["Grants"], "", CTX, load_taxonomy())] == [129_700.0]


# -- evidence, not borrowing ------------------------------------------------------------------------------------------

def test_a_heading_never_supplies_the_whole_indicator() -> None:
    assert mapped("The figure stood at 46% at the end of September.", heading="Care leavers NEET") == {46: ""}


def test_a_heading_may_refine_an_age_band_and_says_so() -> None:
    [m] = rows("46% of care leavers were NEET at the end of September.", heading="Care leavers aged 19-21")
    assert m.indicator == "care_leavers_19_21_neet_percent"
    assert "heading: '19-21'" in m.evidence and "'NEET'" in m.evidence and m.confidence is Confidence.HIGH


def test_an_earlier_sentence_that_is_not_its_lead_in_lends_nothing() -> None:
    got = mapped("46% of care leavers aged 19 to 21 were NEET.", "Foster carer recruitment remains a challenge.",
                 "The figure was 44% in June.")
    assert got == {46: "care_leavers_19_21_neet_percent", 44: ""}


def test_a_figure_after_a_sentence_without_one_borrows_its_measure_only_when_it_points_back() -> None:
    """A plan's aim ('Improve dental and GP services for young people in care.') then a target about adults' GP
    appointments: the figures are not dental checks. 'This took ...' does point back to the sentence before."""
    got = mapped("Improve access to dental checks for children in care.",
                 "By 2028, the share of residents rating their GP appointment as good will rise from 49% to 60%.",
                 heading="Children in care")
    assert got == {49: "", 60: ""}
    got = mapped("Once the court has agreed that a child can be placed for adoption, a family is found quickly.",
                 "In 2021-24, this took an average of 142 days.")
    assert got == {142: "adoption_a2_days"}


def test_a_continuing_sentence_takes_its_lead_in_with_medium_confidence() -> None:
    got = rows("In Q2, 46% of care leavers aged 19 to 21 were NEET.", "This is a decline from 38% in Q1.")
    assert [(m.value, m.indicator, m.confidence) for m in got] == [
        (46, "care_leavers_19_21_neet_percent", Confidence.HIGH), (38, "care_leavers_19_21_neet_percent",
                                                                   Confidence.MEDIUM)]
    assert got[1].evidence.startswith("lead-in:")
    undated = rows("46% of care leavers aged 19 to 21 were NEET.")  # its period is the paper's, inferred
    assert [(m.value, m.confidence) for m in undated] == [(46, Confidence.MEDIUM)]


def test_a_list_item_takes_the_cohort_from_its_lead_in() -> None:
    statements = [StatementIn(0, "At 30 September, 300 children were looked after.", 1, ("Placements",)),
                  StatementIn(1, "- 18 (or 6%) live in residential children's homes", 1, ("Placements",),
                              is_list_item=True)]
    got = {m.value: (m.indicator, m.evidence) for m in metrics_from_statements(statements, CTX, load_taxonomy())}
    assert got[6][0] == "cla_childrens_homes_percent" and "residential" in got[6][1]


def test_a_rate_printed_with_a_percent_keeps_its_value_its_flag_and_low_confidence() -> None:
    [m] = rows("Our rate of children looked after is 66% per 10,000 children.")
    assert (m.indicator, m.value, m.unit, m.confidence) == ("cla_rate_per_10000", 66, Unit.RATE, Confidence.LOW)
    assert Flag.UNIT_MISMATCH in m.flags


def test_a_table_row_s_evidence_is_its_label_and_header() -> None:
    table = Table(page=1, header_rows=1, rows=[["Measure", "Q2 2024/25"], ["Number of children in care", "412"]])
    [m] = metrics_from_table(table, 0, ["Scorecard"], "", CTX, load_taxonomy())
    assert (m.indicator, m.confidence, m.evidence) == ("cla_count", Confidence.HIGH, "label: 'children in care'")


# -- a budget paper, ingested ---------------------------------------------------------------------------------------

_CSS = "body { font-size: 10pt; } table { border-collapse: collapse; } td, th { border: 1px solid black; padding: 2px; }"
_BUDGET = """
<h2>Kent Example Council: Draft Revenue Budget 2025-26</h2>
<h2>1 Economic and Fiscal Context</h2>
<p>1.1 CPI inflation stayed at 2.2% in August, while services inflation rose to 5.6%. The Bank of England began
lowering rates from 5.25% to 5.0% and gilt yields remain above 4%. The Council holds £100m of investments.</p>
<h2>2 Children's services budget</h2>
<p>2.1 Table 1 sets out the net budget for each service in £000s.</p>
<table><tr><th>Service</th><th>2024-25 Budget</th><th>2025-26 Budget</th><th>Variance</th></tr>
<tr><td>Looked After Children - Care &amp; Support</td><td>9,659.1</td><td>108,092.3</td><td>-2,541.5</td></tr>
<tr><td>Children's Residential Care</td><td>2,269.6</td><td>2,498.6</td><td>229.0</td></tr>
<tr><td>Fostering Households Support</td><td>660.8</td><td>500.6</td><td>415.5</td></tr>
</table>
"""


def _budget_pdf(path: Path) -> Path:
    writer = pymupdf.DocumentWriter(str(path))
    story = pymupdf.Story(html=_BUDGET, user_css=_CSS)
    more = True
    while more:
        device = writer.begin_page(pymupdf.paper_rect("a4"))
        more, _ = story.place(pymupdf.Rect(50, 50, 545, 782))
        story.draw(device)
        writer.end_page()
    writer.close()
    return path


def test_an_ingested_budget_paper_yields_money_in_pounds_and_no_children_s_indicator(tmp_path, monkeypatch) -> None:
    from scrutineer.api import open_kb

    monkeypatch.setenv("SCRUTINEER_EMBED", "false")
    assert os.environ["SCRUTINEER_EMBED"] == "false"
    paper = _budget_pdf(tmp_path / "budget.pdf")
    with open_kb(tmp_path / "kb", create=True) as kb:
        kb.ingest([paper])
        every = kb.metrics()
        assert every and kb.metrics(only="mapped") == []
        assert len(kb.metrics(only="unmapped")) == len(every)
    money = {m.value for m in every if m.unit == "gbp"}
    assert {9659100.0, 108092300.0, 2269600.0, 100e6} <= money
    assert not any(m.unit == "count" and m.value in (9659.1, 2269.6, 660.8) for m in every)


def test_the_unit_printed_over_a_budget_table_is_not_a_value() -> None:
    assert find_values("Core External Total £000s £000's £000s", []) == []


def test_a_decimal_or_negative_figure_is_no_count_of_children() -> None:
    table = Table(page=1, header_rows=1, rows=[
        ["Service", "2024-25", "2025-26", "2026-27"],
        ["Looked After Children - Care & Support", "9,659.1", "-2,541.5", "1,850"]])
    got = {m.value: m.indicator for m in metrics_from_table(table, 0, ["Services"], "", CTX, load_taxonomy())}
    assert got == {9659.1: "", -2541.5: "", 1850: "cla_count"}


def test_a_list_item_going_on_from_the_item_before_takes_its_measure() -> None:
    path = ("Child protection in this area",)
    statements = [StatementIn(0, "At 31 March 2016, 190 children were the subject of a child protection plan.", 1, path,
                              is_list_item=True),
                  StatementIn(1, "This is an increase from 103 at 31 March 2015.", 1, path, is_list_item=True)]
    got = {m.value: m.indicator for m in metrics_from_statements(statements, CTX, load_taxonomy())}
    assert got == {190: "cpp_count", 103: "cpp_count"}


# -- unmapped rows kept apart; compare uses confident rows only ------------------------------------------------------

def test_compare_leaves_out_low_confidence_rows_and_says_how_many(corpus_kb: Path, tmp_path: Path) -> None:
    import shutil

    from typer.testing import CliRunner

    from scrutineer.cli import app
    from scrutineer.compare import compare
    from scrutineer.compare_view import comparison_notes
    from store.records import Records

    kb = tmp_path / "kb"
    shutil.copytree(corpus_kb, kb)
    neet = "care_leavers_19_21_neet_percent"
    with Records(kb) as records:
        before = compare(records, load_taxonomy(), neet)
        assert before.left_out == 0
        with records.transaction() as db:
            db.execute("UPDATE metrics SET confidence = 'low' WHERE id = (SELECT min(id) FROM metrics WHERE indicator = ?)",
                       (neet,))
        after = compare(records, load_taxonomy(), neet)
        mapped = records.db.execute("SELECT count(*) FROM metrics WHERE indicator != ''").fetchone()[0]
        unmapped = records.db.execute("SELECT count(*) FROM metrics WHERE indicator = ''").fetchone()[0]
    assert after.left_out == 1 and any("1 low-confidence value" in n for n in comparison_notes(after))
    runner = CliRunner()
    for only, n in (("mapped", mapped), ("unmapped", unmapped), ("confident", mapped - 1)):
        result = runner.invoke(app, ["metrics", "--kb", str(kb), "--only", only, "--format", "csv"])
        assert result.exit_code == 0 and result.stdout.count("\n") == n + 1, only
    header = runner.invoke(app, ["metrics", "--kb", str(kb), "--format", "csv"]).stdout.splitlines()[0]
    assert header.endswith(",evidence,confidence")


# -- read from Ofsted reports: parts, populations and changes are not the measure -------------------------------------

@pytest.mark.parametrize(("sentence", "not_this"), [
    ("Managers have reduced the number of changes of social worker experienced by children by over 60% this year.",
     "sw_agency_rate_percent"),
    ("The target of increasing foster placements by 100 has not been met.", "placements_in_house_foster_count"),
    ("The residential population is approximately 8,000.", "placements_residential_count"),
    ("Of the 65 children looked after placed outside of the borough, 9% are placed more than 20 miles from home.",
     "cla_count"),
    ("Only 11% of care leavers are in education other than higher education.", "care_leavers_higher_education_percent"),
    ("As fewer than 10% of care leavers stay put with their foster carers, many miss this support.",
     "cla_foster_care_percent"),
])
def test_changes_populations_and_parts_are_not_the_measure(sentence, not_this) -> None:
    got = mapped(sentence)
    assert not_this not in got.values() and (not_this.endswith("_count") or 60 not in got or got[60] == ""), got


def test_a_school_graded_inadequate_is_not_a_good_school() -> None:
    assert mapped("The proportion of children looked after who attend a school rated good or better is 69%, with 11% "
                  "attending a school that is graded inadequate.") == {69: "good_outstanding_school_percent", 11: ""}


def test_care_leavers_who_stayed_put_are_not_the_care_leaver_count() -> None:
    got = mapped("In 2015-16, 43 care leavers 'stayed put' with carers after their 18th birthday, an increase from 31.")
    assert got[43] == "staying_put_count" and got.get(31, "") in ("", "staying_put_count")


@pytest.mark.parametrize(("sentence", "not_this"), [
    ("The local authority has secured funding for 20 social work apprenticeships.", "sw_agency_count"),
    ("80% of assessments of prospective adopters are completed within timescales.", "assessments_45_days_percent"),
    ("The proportion of 16- to 17-year-old care leavers in some form of EET is high, at over 90%.",
     "care_leavers_eet_percent"),
    ("A higher proportion (82%) of children looked after attend primary schools that are good or better.",
     "good_outstanding_school_percent"),
    ("4.i) Which are the main reasons children become looked after in the county?", "cla_count"),
])
def test_apprenticeships_adopters_age_bands_school_phases_and_item_numbers(sentence, not_this) -> None:
    assert not_this not in mapped(sentence).values()


def test_the_sentence_before_may_name_the_cohort_never_the_measure() -> None:
    got = mapped("Social workers' visits to children are regular.",
                 "Over 50% of looked after children are placed outside the county and this affects the timeliness of "
                 "services.")
    assert got == {50: ""}


@pytest.mark.parametrize(("sentence", "not_this"), [
    ("The timeliness of foster carers' reviews has improved, with 94% completed in May 2017.",
     "cla_reviews_in_timescale_percent"),
    ("Review conferences are timely, although the police only attend 8% of review conferences.",
     "cla_reviews_in_timescale_percent"),
    ("Care leavers receive a positive response if they request support after they become 21.", "care_leavers_count"),
])
def test_other_reviews_conferences_and_ages_are_not_the_measure(sentence, not_this) -> None:
    assert not_this not in mapped(sentence).values()
