"""Each table figure dated by its own column (nlp/table_metrics.py), on tables written here."""

from __future__ import annotations

from datetime import date

from ingest.models import Table
from nlp.models import DocumentContext
from nlp.table_metrics import metrics_from_table
from nlp.taxonomy import load_taxonomy

CTX = DocumentContext(authority="Northmoor Borough Council", period_start=date(2008, 9, 1),
                      period_end=date(2008, 9, 30), period_label="September 2008")


def _rows(table: Table, context: str = "Placements of children looked after") -> set[tuple]:
    return {(m.indicator, m.value, m.basis.value, m.period_end)
            for m in metrics_from_table(table, 0, ["Placements"], context, CTX, load_taxonomy())}


def test_number_and_share_columns_under_a_year_take_that_year_not_the_papers_date() -> None:
    table = Table(page=1, header_rows=2, rows=[
        ["", "Placement", "2003/04", "", "2006/07", "", "2007/08", ""],
        ["", "", "number", "%", "number", "%", "number", "%"],
        ["Placed with own parents", "", "50", "(7)", "35", "(5)", "33", "(4)"]])
    got = _rows(table)
    assert got == {("placed_with_parents_count", 50, "actual", date(2004, 3, 31)),
                   ("placed_with_parents_count", 35, "actual", date(2007, 3, 31)),
                   ("placed_with_parents_count", 33, "actual", date(2008, 3, 31))}
    labels = {m.label for m in metrics_from_table(table, 0, ["Placements"], "", CTX, load_taxonomy())}
    assert labels == {"Placed with own parents"}  # "(7)" is the row's share, not words of its label


def test_an_undated_figure_in_a_table_of_dated_columns_stays_unmapped_and_undated() -> None:
    table = Table(page=1, header_rows=1, rows=[
        ["Measure", "Baseline", "2022/23", "2023/24"],
        ["Children placed with parents", "40", "41", "42"]])
    got = _rows(table)
    assert ("", 40, "actual", None) in got
    assert ("placed_with_parents_count", 41, "actual", date(2023, 3, 31)) in got
    assert ("placed_with_parents_count", 42, "actual", date(2024, 3, 31)) in got


def test_a_table_with_no_dated_column_is_still_read_by_the_papers_date() -> None:
    table = Table(page=1, header_rows=1, rows=[["Measure", "Number"], ["Children placed with parents", "40"]])
    assert _rows(table) == {("placed_with_parents_count", 40, "actual", date(2008, 9, 30))}


def test_a_header_wrapped_onto_a_second_line_names_its_column() -> None:
    table = Table(page=1, header_rows=1, rows=[
        ["Measure", "Year ending", "Comment"],
        ["", "31 March 2024", ""],
        ["Children placed with parents", "40", "stable"]])
    assert _rows(table) == {("placed_with_parents_count", 40, "actual", date(2024, 3, 31))}


def test_a_group_header_over_year_columns_makes_them_targets_and_leaves_the_undated_baseline() -> None:
    table = Table(page=1, header_rows=2, rows=[
        ["Indicator", "Baseline", "Improvement targets", "", ""],
        ["", "", "08/09", "09/10", "10/11"],
        ["Care leavers in suitable accommodation", "82.4%", "85.0%", "85.0%", "90.0%"]])
    got = _rows(table, "")
    assert {r for r in got if r[0]} == {
        ("care_leavers_suitable_accommodation_percent", 85, "target", date(2009, 3, 31)),
        ("care_leavers_suitable_accommodation_percent", 85, "target", date(2010, 3, 31)),
        ("care_leavers_suitable_accommodation_percent", 90, "target", date(2011, 3, 31))}


def test_one_kind_of_placement_out_of_the_area_is_not_all_placed_out_of_it() -> None:
    table = Table(page=1, header_rows=1, rows=[
        ["Placement", "2007/08"],
        ["Foster placement outside local authority", "67"],
        ["Children's home outside local authority", "28"],
        ["Children placed outside the local authority", "95"]])
    got = {(i, v) for i, v, _, _ in _rows(table)}
    assert got == {("", 67), ("", 28), ("placements_out_of_area_count", 95)}


def test_a_share_column_beside_a_split_year_header_takes_the_whole_year() -> None:
    ctx = DocumentContext(authority="Northmoor Borough Council", period_start=date(2022, 7, 13),
                          period_end=date(2022, 7, 13), period_label="13 July 2022")
    table = Table(page=1, header_rows=1, rows=[
        ["", "2020", "", "2021", "", "2022 /23 to", ""],
        ["Timescale", "/21", "%", "/22", "%", "date:", "%"],
        ["In Timescale", "712", "82%", "630", "72%", "62", "71%"]])
    got = {(m.value, m.period_end) for m in metrics_from_table(
        table, 0, ["Timeliness of assessments"], "assessments within 45 working days", ctx, load_taxonomy())
        if m.indicator == "assessments_45_days_percent"}
    assert got == {(82, date(2021, 3, 31)), (72, date(2022, 3, 31)), (71, date(2022, 7, 13))}


def test_years_read_a_column_off_their_figures_date_only_the_figures_under_their_own_year() -> None:
    table = Table(page=1, header_rows=1, rows=[  # a grid from other rules: "2003/04" and "2007/08" over no figure
        ["Placement", "", "2003/04", "2006/07", "", "2007/08"],
        ["Placed with own parents", "50", "", "35", "33", ""],
        ["TOTAL", "697", "", "732", "769", ""]])
    got = {r for r in _rows(table) if r[0]}
    assert got == {("placed_with_parents_count", 35, "actual", date(2007, 3, 31)),
                   ("cla_count", 732, "actual", date(2007, 3, 31))}


def test_quarter_columns_take_the_year_printed_in_the_row_and_a_year_only_row_continues_the_measure() -> None:
    """"Review health assessments in timescale | 2017-2018 | 80% | 94% | ..." then "| 2018-2019 | 81.5%↑ | ...":
    the quarters of each row's own year, and the second row is the same measure (its arrows are trend marks)."""
    ctx = DocumentContext(authority="Northmoor Borough Council", period_start=date(2018, 4, 1),
                          period_end=date(2019, 3, 31), period_label="2018-19")
    table = Table(page=1, header_rows=1, rows=[
        ["Cared for Children", "", "Quarter 1", "Quarter 2", "Quarter 3", "Quarter 4"],
        ["Percentage of review health assessments completed in timescale", "2017-2018", "80%", "94%", "79%", "72%"],
        ["", "2018-2019", "81.5%↑", "84.5%↓", "86.5%↑", "85.6%↑"]])
    got = {(m.value, m.indicator, m.period_start) for m in
           metrics_from_table(table, 0, ["Review Health Assessments"], "", ctx, load_taxonomy())}
    assert (80, "cla_health_assessment_percent", date(2017, 4, 1)) in got
    assert (72, "cla_health_assessment_percent", date(2018, 1, 1)) in got
    assert (81.5, "cla_health_assessment_percent", date(2018, 4, 1)) in got
    assert (85.6, "cla_health_assessment_percent", date(2019, 1, 1)) in got
    assert len(got) == 8


def test_a_row_of_interest_rates_printed_without_percent_signs_is_percent_not_a_count() -> None:
    table = Table(page=4, header_rows=1, rows=[
        ["", "Mar-25", "Jun-25", "Sep-25"],
        ["Bank Rate", "4.50", "4.25", "4.00"],
        ["10yr PWLB", "5.30", "5.20", "5.10"],
        ["Capital projects cost more than budgeted above inflation", "4", "3", "4"]])
    units = {(m.label.removeprefix("Interest rate forecast: "), m.unit.value)  # the heading goes before a category
             for m in metrics_from_table(table, 0, ["Interest rate forecast"], "", CTX, load_taxonomy())}
    assert units == {("Bank Rate", "percent"), ("10yr PWLB", "percent"),
                     ("Capital projects cost more than budgeted above inflation", "count")}
    other = Table(page=1, header_rows=1, rows=[["Item", "2024/25"], ["Base rate 0-4", "150"], ["Inflation", "2,345"],
                                               ["PWLB fixed rate loans", "120"]])
    assert {m.unit.value for m in metrics_from_table(other, 0, ["Payments"], "", CTX, load_taxonomy())} == {"count"}


def test_a_header_read_as_one_cell_gives_its_years_to_the_columns_of_figures_in_order() -> None:
    """Kent's budget templates: a band of wrapped headings with no rules between them came out of the PDF as one cell
    ("... 2025-26 2026-27 2027-28 Service Area ... £000's £000's £000's"); each figure had the same date."""
    header = ["MTFP Category Directorate Headline Description 2025-26 2026-27 2027-28 Service Area £000's £000's £000's",
              "", "", "", "", "", ""]
    table = Table(page=1, header_rows=1, rows=[
        header,
        ["Demand", "CYPE", "Looked After Children placements", "7,800.0", "1,200.0", "0.0", "Children's Social Care"],
        ["Prices", "CYPE", "Care leavers", "-250.0", "0.0", "-57.0", "Children's Social Care"]])
    got = {(m.value, m.period_end) for m in metrics_from_table(table, 0, ["Budget"], "", CTX, load_taxonomy())}
    assert got == {(7_800_000, date(2026, 3, 31)), (1_200_000, date(2027, 3, 31)), (0, date(2028, 3, 31)),
                   (-250_000, date(2026, 3, 31)), (0, date(2027, 3, 31)), (-57_000, date(2028, 3, 31))}
    two = Table(page=1, header_rows=1, rows=[[header[0], "", "", "", "", "", ""],
                                             ["Demand", "CYPE", "Placements", "7,800.0", "1,200.0", "", "Social Care"]])
    # two columns of figures under three years: which is which is unknown, so the header is read as it was
    assert {m.period_end for m in metrics_from_table(two, 0, ["Budget"], "", CTX, load_taxonomy())} == {CTX.period_end}


def test_a_row_label_that_prints_its_unit_beats_a_money_word_over_the_column() -> None:
    table = Table(page=15, header_rows=1, rows=[
        ["", "2023/24 actual", "2024/25 forecast", "2025/26 budget", "2026/27 budget"],
        ["Total net income from service and commercial investments £m", "8.6", "4.9", "5.2", "4.7"],
        ["Proportion of net revenue stream (%)", "0.65", "0.34", "0.34", "0.29"]])
    got = {(m.label.split(": ")[-1].split()[0], m.value, m.unit.value)  # after its heading, "Capital strategy: "
           for m in metrics_from_table(table, 0, ["Capital strategy"], "Table 9: Prudential indicator", CTX,
                                       load_taxonomy())}
    assert got == {("Total", 8_600_000, "gbp"), ("Total", 4_900_000, "gbp"), ("Total", 5_200_000, "gbp"),
                   ("Total", 4_700_000, "gbp"), ("Proportion", 0.65, "percent"), ("Proportion", 0.34, "percent"),
                   ("Proportion", 0.29, "percent")}


def test_figures_a_table_reader_ran_together_are_no_rows_label() -> None:
    """A budget table whose label column was not captured: a cell of several figures names nothing to measure."""
    table = Table(page=2, header_rows=1, rows=[
        ["ASCH", "Public Health", "CYPE", "GET", "CED"],
        ["-24,016.5", "-1,866.6", "-22,133.9 -1,828.0 -23,961.9", "-1,372.5 0.0 -1,372.5", "-3,795.1"],
        ["567.2", "-2,026.2", "0.0 -18,740.0 -18,740.0", "315.0 0.0 315.0", "262.0"]])
    assert metrics_from_table(table, 0, ["Budget"], "", CTX, load_taxonomy()) == []


def test_a_count_and_share_beside_the_label_are_not_words_of_it() -> None:
    table = Table(page=1, header_rows=1, rows=[
        ["Age", "Total", "Foster care", "Residential"],
        ["0 to 4", "118 (22%)", "53", "6"],
        ["5 to 10", "92 (17%)", "63", "7"]])
    labels = {m.label for m in metrics_from_table(table, 0, ["Placements"], "", CTX, load_taxonomy())}
    assert {label.split(" (")[0] for label in labels} == {"0 to 4", "5 to 10"}  # each named by its column too
    assert "0 to 4 (Foster care)" in labels


def test_a_plans_years_numbered_under_its_caption_date_each_column_and_prior_spend_is_of_none() -> None:
    """A ten-year capital programme: "2025-26" over "Year 1" is that year, not an age range ("16-17 year olds"); the
    total is of the caption's years; what was spent before them is of none of them."""
    table = Table(page=1, header_rows=1, rows=[
        ["CAPITAL INVESTMENT SUMMARY 2025-26 TO 2034-35", "", "", "", "", ""],
        ["Directorate", "Total Cost", "Prior Years Spend", "2025-26", "2026-27", "2027-28"],
        ["", "", "", "Year 1", "Year 2", "Year 3"],
        ["", "£000s", "£000s", "£000s", "£000s", "£000s"],
        ["Children, Young People & Education", "565,619", "162,244", "97,113", "105,761", "53,338"]])
    got = {(m.value, m.period_label) for m in metrics_from_table(table, 0, ["Capital"], "", CTX, load_taxonomy())}
    assert got == {(565_619_000, ""), (162_244_000, ""),  # a scheme's total cost runs over its whole life
                   (97_113_000, "2025-26"), (105_761_000, "2026-27"), (53_338_000, "2027-28")}


def test_a_banner_between_the_caption_and_the_header_is_part_of_the_header() -> None:
    """Each page of Kent's capital appendix names its directorate in a row of its own above the column headers."""
    table = Table(page=1, header_rows=1, rows=[
        ["APPENDIX B - CAPITAL INVESTMENT SUMMARY 2025-26 to 2034-35", "", "", ""],
        ["Children, Young People & Education (CYPE)", "", "", ""],
        ["Project", "Prior Years Spend", "2029-30", "2030-31"],
        ["", "£000s", "£000s", "£000s"],
        ["Schools Modernisation Programme", "", "5,000", "5,500"]])
    got = {(m.value, m.period_label) for m in metrics_from_table(table, 0, ["Capital"], "", CTX, load_taxonomy())}
    assert got == {(5_000_000, "2029-30"), (5_500_000, "2030-31")}


def test_the_month_a_draft_was_written_is_not_its_figures_period() -> None:
    table = Table(page=1, header_rows=1, rows=[
        ["Table 7.1", "Initial Draft (Nov 2024)", "Final Draft (Jan 2025)"],
        ["Income", "-£10.0m", "-£23.5m"]])
    got = {(m.value, m.period_label) for m in metrics_from_table(table, 0, ["Budget"], "", CTX, load_taxonomy())}
    assert got == {(-10_000_000, "September 2008"), (-23_500_000, "September 2008")}  # the paper's own period


def test_a_figure_under_no_date_in_a_dated_table_names_its_column() -> None:
    table = Table(page=1, header_rows=1, rows=[
        ["Project", "Prior Years Spend", "2025-26", "2026-27"],
        ["", "£000s", "£000s", "£000s"],
        ["In-House Residential", "19", "2,229", "1,617"]])
    labels = {m.value: m.label for m in metrics_from_table(table, 0, ["Capital"], "", CTX, load_taxonomy())}
    assert labels == {19_000: "In-House Residential (Prior Years Spend)", 2_229_000: "In-House Residential",
                      1_617_000: "In-House Residential"}


def test_a_forms_question_numbers_are_no_figures() -> None:
    table = Table(page=1, header_rows=1, rows=[
        ["Data", "Question Number", "Question"],
        ["Special Category Data", "3", "If you are relying on condition (b), please state which"]])
    assert metrics_from_table(table, 0, ["Data"], "", CTX, load_taxonomy()) == []


def test_a_figure_of_a_table_whose_columns_are_not_years_names_its_column() -> None:
    """Columns of directorates: "Spending Growth" alone reads as the total."""
    table = Table(page=1, header_rows=1, rows=[
        ["Table 7.4", "ASCH", "CYPE", "Total"],
        ["Spending Growth", "+£6.3m", "+£12.0m", "+£150.4m"],
        ["Number", "3", "4", "7"]])
    labels = {m.value: m.label for m in metrics_from_table(table, 0, ["Budget"], "", CTX, load_taxonomy())}
    assert labels[6_300_000] == "Spending Growth (ASCH)" and labels[150_400_000] == "Spending Growth (Total)"


def test_a_taxbase_is_a_count_of_homes_beside_money_in_thousands() -> None:
    table = Table(page=1, header_rows=1, rows=[
        ["District", "2025-26 Band D Equivalent Taxbase", "2025-26 Precept £000s"],
        ["Tunbridge Wells", "49,134.60", "83,095.9"]])
    got = {(m.value, m.unit.value) for m in metrics_from_table(table, 0, ["Budget"], "", CTX, load_taxonomy())}
    assert got == {(49_134.6, "count"), (83_095_900, "gbp")}


def test_a_year_under_a_day_that_spans_it_is_that_day_and_columns_of_one_year_name_what_parts_them() -> None:
    """West Sussex's "AGE AT 31 MARCH" over "BOYS" / "GIRLS" over "2004 | 2008": each figure at 31 March of its year,
    and named by its group, which the row's label does not say."""
    table = Table(page=1, header_rows=2, rows=[
        ["Age group", "AGE AT 31 MARCH", "", "", ""],
        ["", "BOYS", "", "GIRLS", ""],
        ["", "2004", "2008", "2004", "2008"],
        ["16 - 17", "95", "107", "62", "85"]])
    got = {(m.value, m.period_end, m.label) for m in metrics_from_table(table, 0, ["Ages"], "", CTX, load_taxonomy())}
    assert got == {(95, date(2004, 3, 31), "16 - 17 (BOYS)"), (107, date(2008, 3, 31), "16 - 17 (BOYS)"),
                   (62, date(2004, 3, 31), "16 - 17 (GIRLS)"), (85, date(2008, 3, 31), "16 - 17 (GIRLS)")}


def test_counts_printed_in_thousands_are_counted_in_ones() -> None:
    table = Table(page=1, header_rows=1, rows=[
        ["Service", "Jul - Sep 24", "Oct - Dec 24", "Share of calls"],
        ["Libraries and Archives", "6", "5", "4%"]])
    context = "Number of phone calls to Contact Point (thousands)"
    got = {(m.value, m.unit.value) for m in metrics_from_table(table, 0, ["Calls"], context, CTX, load_taxonomy())}
    assert got == {(6000, "count"), (5000, "count"), (4, "percent")}
    plain = {m.value for m in metrics_from_table(table, 0, ["Calls"], "Number of phone calls", CTX, load_taxonomy())}
    assert plain == {6, 5, 4}


def test_a_table_of_undated_columns_takes_the_date_of_the_sentence_leading_into_it() -> None:
    table = Table(page=1, header_rows=1, rows=[["Loans in relation to:", "£m"], ["Visit Kent", "0.150"],
                                               ["Marsh Millions", "0.048"]])
    lead = "Investments 1.10 As at 31.03.24 the Council had the following amounts outstanding in relation to loans:"
    got = {(m.value, m.period_end) for m in metrics_from_table(table, 0, ["Loans"], lead, CTX, load_taxonomy())}
    assert got == {(150_000, date(2024, 3, 31)), (48_000, date(2024, 3, 31))}
    plain = {m.period_end for m in metrics_from_table(table, 0, ["Loans"], lead.rstrip(":") + ".", CTX,
                                                      load_taxonomy())}
    assert plain == {CTX.period_end}  # a sentence that does not lead into it dates nothing
