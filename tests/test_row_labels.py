"""A prose figure's label says what it counts without its page: the sentence's subject, and what it hangs from."""

from __future__ import annotations

from datetime import date

from nlp.models import DocumentContext
from nlp.prose import StatementIn, metrics_from_statements
from nlp.row_labels import brief_row_label, figure_label, sentence_bounds
from nlp.taxonomy import load_taxonomy

CTX = DocumentContext(authority="Northmoor Borough Council", period_start=date(2016, 6, 1),
                      period_end=date(2016, 6, 30), period_label="June 2016")


def labels(*statements: StatementIn) -> dict[float, str]:
    return {m.value: m.label for m in metrics_from_statements(list(statements), CTX, load_taxonomy())}


def _span(text: str, printed: str) -> tuple[int, int]:
    at = text.index(printed)
    return at, at + len(printed)


def test_a_short_sentence_is_the_label_whole() -> None:
    text = ("Children and young people from minority ethnic groups account for 42.6% of all children living in the "
            "area, compared with 21.5% in the country as a whole.")
    assert figure_label(text, _span(text, "21.5%")) == text


def test_a_long_sentence_gives_the_window_about_its_figure() -> None:
    text = ("The local authority demographics provide a contrast of a small, but growing, ethnic minority population "
            "with overall high levels of deprivation, and the council reports that 1,240 families were supported by "
            "its early help teams in the year, a figure that has risen steadily since the service was remodelled.")
    label = figure_label(text, _span(text, "1,240"))
    assert "1,240 families were supported" in label and not label.startswith("The local authority")


def test_the_sentence_of_the_figure_not_its_neighbours() -> None:
    text = "Staff turnover is low at 9%. The reliance on agency workers is down from 52% to 17% this year."
    assert figure_label(text, _span(text, "17%")) == "The reliance on agency workers is down from 52% to 17% this year."
    assert sentence_bounds(text, *_span(text, "9%")) == (0, len(text.split(". ")[0]) + 1)


def test_a_sentence_that_points_back_comes_after_the_one_it_points_to() -> None:
    found = labels(
        StatementIn(0, "Approximately 42,465 children and young people under the age of 18 years live in the area.",
                    1, ("Context",)),
        StatementIn(1, "This is 21.9% of the total population.", 1, ("Context",)))
    assert found[21.9] == ("Approximately 42,465 children and young people under the age of 18 years live in the area. "
                           "This is 21.9% of the total population.")


def test_a_list_item_comes_after_its_lead_in() -> None:
    found = labels(
        StatementIn(0, "The proportion of children entitled to free school meals:", 1, ("Context",)),
        StatementIn(1, "in primary schools is 21% (the national average is 15%)", 1, ("Context",), is_list_item=True))
    assert found[21].startswith("The proportion of children entitled to free school meals: in primary schools")


def test_nested_bullets_an_item_that_points_back_and_an_item_of_an_item() -> None:
    """An Ofsted report's context list: each bullet an item, a bullet's own items read as sentences."""
    section = ("Children living in this area",)
    found = labels(
        StatementIn(0, "Approximately 90,500 children and young people under the age of 18 years live in Bristol.", 1,
                    section, is_list_item=True),
        StatementIn(1, "This is 21% of the total population in the area.", 1, section, is_list_item=True),
        StatementIn(2, "Approximately 25% of the local authority's children are living in poverty.", 1, section,
                    is_list_item=True),
        StatementIn(3, "The proportion of children entitled to free school meals:", 1, section, is_list_item=True),
        StatementIn(4, "- in primary schools is 22% (the national average is 18%)", 1, section),
        StatementIn(5, "- in secondary schools is 23% (the national average is 15%).", 1, section),
        StatementIn(6, "• Children from minority ethnic groups account for 26% of all children living in the area.", 1,
                    section),
        StatementIn(7, "- 22 are unaccompanied asylum-seeking children. • In the last 12 months:", 1, section),
        StatementIn(8, "- 24 children became subject of special guardianship orders", 1, section))
    assert found[21].startswith("Approximately 90,500 children")
    assert found[25].startswith("Approximately 25%")  # the items before it are not its lead-in
    assert found[23].startswith("The proportion of children entitled to free school meals: - in secondary")
    assert found[15].startswith("The proportion of children entitled to free school meals:")
    assert found[26].startswith("• Children from minority")  # another list's item, not the dashes' lead-in
    assert found[24] == "• In the last 12 months: - 24 children became subject of special guardianship orders"


def test_a_lead_in_that_points_back_brings_what_it_points_to() -> None:
    section = ("Children looked after",)
    found = labels(
        StatementIn(0, "At 9 June 2014, 444 children were being looked after by the local authority.", 1, section),
        StatementIn(1, "This is an increase from 291 (49 per 10,000 children) at 31 March 2013.", 1, section),
        StatementIn(2, "Of this number:", 1, section),
        StatementIn(3, "- 196 live with foster families, of whom 32% live out of the authority area", 1, section))
    assert found[32] == ("At 9 June 2014, 444 children were being looked after by the local authority. Of this number: "
                         "- 196 live with foster families, of whom 32% live out of the authority area")


def test_a_value_line_and_a_sentence_that_points_back_mid_way_take_the_statement_before() -> None:
    section = ("Performance",)
    found = labels(
        StatementIn(0, "Percentage of care leavers in education, employment or training", 1, section),
        StatementIn(1, "Latest: 53.6% Target: 65%, Floor: 55% Previous: 54.3% (Red)", 1, section),
        StatementIn(2, "Latest: 71% Target: 85%, Floor: 80% Previous: 71% (Red)", 1, section),
        StatementIn(3, "At 1 October 2014, 61 social workers were vacant.", 1, section),
        StatementIn(4, "An increase of agency staff reduced this number to 38 by 21 January 2015.", 1, section))
    assert found[53.6].startswith("Percentage of care leavers in education, employment or training Latest: 53.6%")
    assert found[71] == "Latest: 71% Target: 85%, Floor: 80% Previous: 71% (Red)"  # not the line above's measure
    assert found[38].startswith("At 1 October 2014, 61 social workers were vacant. An increase of agency staff")


def test_a_sentence_of_its_own_takes_nothing_before_it() -> None:
    found = labels(
        StatementIn(0, "At 31 March 2016, 299 children were being looked after.", 1, ("Context",)),
        StatementIn(1, "Absence from school fell to 6.2% in the autumn term.", 1, ("Context",)),
        StatementIn(2, "This is 21.9% of the total population.", 1, ("Elsewhere",)))
    assert found[6.2] == "Absence from school fell to 6.2% in the autumn term."
    assert found[21.9] == "This is 21.9% of the total population."  # another section's sentence is not its antecedent


def test_a_table_row_keeps_the_cells_that_name_it() -> None:
    narrative = ("Mobilisation and commissioning costs associated with the new highways maintenance contract, then the "
                 "increased cost of that contract over its term as inflation and volumes rise")
    cells = ["Service Strategies & Improvements", "GET", "Highways term contract", narrative, "Highways", "Core"]
    assert brief_row_label(cells) == "Service Strategies & Improvements GET Highways term contract Highways Core"
    assert brief_row_label(["Children in care", "per 10,000"]) == "Children in care per 10,000"
    assert len(brief_row_label([narrative * 3])) <= 200


def test_a_charts_figures_read_after_its_categories_take_them_in_order() -> None:
    section = ("How did you find out about the consultation?",)
    texts = ["Base: all answering (926).", "Facebook", "From a friend or relative", "Newspaper", "40%", "27%", "8%",
             "The most common route was Facebook."]
    got = labels(*(StatementIn(i, t, 1, section) for i, t in enumerate(texts)))
    assert got[40] == "Facebook 40%" and got[27] == "From a friend or relative 27%" and got[8] == "Newspaper 8%"


def test_a_chart_printed_figure_first_is_left_as_it_is() -> None:
    """"24%", "Facebook", "18%", "From another organisation": which category a figure belongs to cannot be told."""
    section = ("How did you find out about the consultation?",)
    texts = ["Base: all answering (95).", "24%", "Facebook", "18%", "From another organisation", "15%", "Other"]
    got = labels(*(StatementIn(i, t, 1, section) for i, t in enumerate(texts)))
    assert got[18] == "18%" and got[15] == "15%"


def test_a_tables_numbered_caption_says_what_its_categories_count() -> None:
    from ingest.models import Document, Metadata, Statement, StatementKind, Table
    from nlp.extract import extract_metrics
    from nlp.table_metrics import table_subject

    assert table_subject(["Table 9.4 Category of need of looked after children", "Source: CYPS"]) == \
        "Category of need of looked after children"
    assert table_subject(["The figures are summarised in table 1 below."]) == ""  # a paper's words about a table
    assert table_subject(["Table 2 shows the change since 2019-20."]) == ""
    assert table_subject(["Table 3"]) == ""
    grid = [["Category of need", "2007/08"], ["Abuse or neglect (N1)", "412"], ["Family dysfunction (N5)", "48"]]
    texts = [("Table 9.4 Category of need of looked after children", StatementKind.SENTENCE),
             *((" | ".join(r), StatementKind.TABLE_ROW) for r in grid)]
    doc = Document(id="d-0", source="needs.pdf", sha256="0" * 64, meta=Metadata(authority="Northmoor Borough Council"),
                   page_start=1, page_end=1, tables=[Table(page=1, header_rows=1, rows=grid)],
                   statements=[Statement(text=t, page=1, section_path=["9 Looked after children"], char_start=0,
                                         char_end=1, kind=k) for t, k in texts])
    got = {m.value: m.label for m in extract_metrics(doc, load_taxonomy())}
    assert got[48] == "Category of need of looked after children: Family dysfunction (N5)"


def test_items_printed_with_a_long_dash_or_going_on_in_lower_case_take_their_lead_in() -> None:
    section = ("Local context",)
    got = labels(StatementIn(0, "The proportion of children entitled to free school meals:", 1, section, is_list_item=True),
                 StatementIn(1, "― in primary schools is 13.3% (the national average is 15.6%)", 1, section),
                 StatementIn(2, "― in secondary schools is 12.1% (the national average is 13.9%).", 1, section))
    assert got[12.1].startswith("The proportion of children entitled to free school meals: ― in secondary")
    got = labels(StatementIn(0, "The proportion of children entitled to free school meals:", 1, section, is_list_item=True),
                 StatementIn(1, "in primary schools is 21% (the national average is 17%)", 1, section))
    assert got[21].startswith("The proportion of children entitled to free school meals: in primary")


def test_with_no_caption_a_specific_heading_says_what_an_unmapped_tables_categories_count() -> None:
    from ingest.models import Table
    from nlp.table_metrics import metrics_from_table

    grid = [["Service", "Oct-24", "Nov-24"], ["Highways", "13", "12"], ["Blue Badges", "4", "3"]]
    table = Table(page=1, header_rows=1, rows=grid)
    got = metrics_from_table(table, 0, ["Customer Services", "Number of phone calls to Contact Point"], "", CTX,
                             load_taxonomy())
    assert {m.label for m in got} == {"Number of phone calls to Contact Point: Highways",
                                      "Number of phone calls to Contact Point: Blue Badges"}
    got = metrics_from_table(table, 0, ["2.1 Executive Summary"], "", CTX, load_taxonomy())  # a part of any paper
    assert {m.label for m in got} == {"Highways", "Blue Badges"}
