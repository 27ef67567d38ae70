"""Unit tests of the text-level pieces: clean-up, the text reader, periods, statements, tables."""

from collections import Counter
from datetime import date

from ingest.cleanup import is_blank_page_marker, join_lines, strip_markup
from ingest.hyphenation import settle
from ingest.models import Block, BlockKind
from ingest.periods import find_periods, parse_date
from ingest.sections import detect_heading
from ingest.statements import block_statements, split_sentences
from ingest.tables import clean_cell, table_from_rows
from ingest.text import read_text


def test_markup_is_removed_but_marks_headings():
    assert strip_markup("20. **Dental Checks**") == ("20. Dental Checks", True)
    assert strip_markup("a **bold** word and <u>Item</u>") == ("a bold word and Item", False)


def test_hyphenation_and_ligatures_repaired():
    assert settle(join_lines(["the place-", "ment was stable"]), Counter()) == "the placement was stable"
    assert join_lines(["e\ufb03cient sta\ufb00"]) == "efficient staff"
    assert is_blank_page_marker("This page is intentionally left blank")


def test_symbol_font_glyphs_become_bullets_or_go():
    assert join_lines(["\uf06e The subject of a child \uf06e protection plan"]) == "• The subject of a child protection plan"
    assert join_lines(["aged 16 \uf02d 17 \uf0ea"]) == "aged 16 - 17"


def test_text_reader_tables_pairs_and_lists():
    text = "Date of Meeting:\t3 March 2025\nReport Title:\tFostering update\n\n- first point\n- second point\n" \
           "Ref\tMeasure\tQ1\tQ2\nA1\tChildren in care\t412\t398\n\tcontinued\t\t\n"
    blocks = read_text(text)
    assert blocks[0].text == "Date of Meeting: 3 March 2025"
    assert [b.kind for b in blocks[2:4]] == [BlockKind.LIST_ITEM, BlockKind.LIST_ITEM]
    table = blocks[-1].table
    assert table is not None and table.rows[0] == ["Ref", "Measure", "Q1", "Q2"] and table.header_rows == 1


def test_wrapped_lines_join_into_one_paragraph():
    blocks = read_text("Apologies were received from Councillors R Bailey, M\nBeanland and S Edgar.\n")
    assert [b.text for b in blocks] == ["Apologies were received from Councillors R Bailey, M Beanland and S Edgar."]


def test_sentences_broken_by_blank_lines_are_rejoined_but_list_items_stay_apart():
    text = ("- Wexcombe is part of a regional fostering partnership. The grant will help us to\n\n"
            "- recruit and support more foster carers.\n\n"
            "When concerns are long-standing rather than acute, some children remain at home\n\n"
            "longer than they should.\n\n"
            "- kinship carers\n- residential homes\n")
    blocks = read_text(text)
    assert [b.text for b in blocks] == [
        "Wexcombe is part of a regional fostering partnership. The grant will help us to recruit and support more "
        "foster carers.",
        "When concerns are long-standing rather than acute, some children remain at home longer than they should.",
        "kinship carers",
        "residential homes",
    ]


def test_a_list_item_cut_before_a_place_name_carries_on_in_the_next_paragraph_but_not_in_the_next_item():
    text = ("- We are planning to open our own children's homes in\n"
            "Wexcombe with the first home opening in February.\n"
            "- Reduce the use of agency placements; and\n"
            "- Recruit more foster carers.\n\n"
            "Report of: Jo Bloggs, Director of Family Help and Children's\n\n"
            "Social Care\n")
    assert [b.text for b in read_text(text)] == [
        "We are planning to open our own children's homes in Wexcombe with the first home opening in February.",
        "Reduce the use of agency placements; and",
        "Recruit more foster carers.",
        "Report of: Jo Bloggs, Director of Family Help and Children's Social Care",
    ]


def test_cells_cleaned():
    assert clean_cell("2 902\n,") == "2,902"
    assert clean_cell("Growth (inc\nLibraries\n,\nArchives)") == "Growth (inc Libraries Archives)"


def test_table_header_repeat_and_label_continuation():
    rows = [["Ref", "Measure", "Q1"], ["G1", "Children in care", "412"], ["Ref", "Measure", "Q1"],
            ["G2", "Care leavers in suitable", "90%"], ["", "", ""], ["", "accommodation", ""]]
    t = table_from_rows(rows, 1)
    assert t.rows == [
        ["Ref", "Measure", "Q1"], ["G1", "Children in care", "412"], ["G2", "Care leavers in suitable accommodation", "90%"],
    ]
    rows = [["Indicator", "Q1"], ["Care leavers in suitable", "90%"], ["accommodation (19-21)", ""]]
    assert table_from_rows(rows, 1).rows[1][0] == "Care leavers in suitable accommodation (19-21)"


def test_periods_uk_financial_years():
    def first(text, fy=None):
        p = find_periods(text, fy)[0]
        return p.start, p.end

    assert first("quarter 2 of 2024/25") == (date(2024, 7, 1), date(2024, 9, 30))
    assert first("Q4 2023-24") == (date(2024, 1, 1), date(2024, 3, 31))
    assert first("Yr end 18-19") == (date(2018, 4, 1), date(2019, 3, 31))
    assert first("in Q3", 2024) == (date(2024, 10, 1), date(2024, 12, 31))
    assert first("July and August 2025") == (date(2025, 7, 1), date(2025, 8, 31))
    assert first("1 July 2024 – 30 September 2024") == (date(2024, 7, 1), date(2024, 9, 30))
    assert first("11 to 15 September 2023") == (date(2023, 9, 11), date(2023, 9, 15))  # days of one month
    assert first("17 and 18 May 2023") == (date(2023, 5, 17), date(2023, 5, 18))
    assert first("the Strategy 2024-27") == (date(2024, 4, 1), date(2027, 3, 31))
    assert first("the capital programme for 2025-26 to 2034-35") == (date(2025, 4, 1), date(2035, 3, 31))
    assert first("64 missing episodes for 2013 to 2014") == (date(2013, 4, 1), date(2014, 3, 31))  # GOV.UK's style
    assert [p.label for p in find_periods("in 2022/23 and 2023/24")] == ["2022/23", "2023/24"]  # two years, no range
    assert parse_date("Tuesday, 21st January, 2020") == date(2020, 1, 21)
    assert parse_date("as at 31.03.19") == date(2019, 3, 31)


def test_sentences_respect_abbreviations_and_initials():
    text = "Cllr. R. Bailey spoke first. The rate rose to 68 per 10,000 in Q2. Dr. Shah agreed, e.g. on visits."
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts == ["Cllr. R. Bailey spoke first.", "The rate rose to 68 per 10,000 in Q2.", "Dr. Shah agreed, e.g. on visits."]


def test_a_footnote_mark_on_the_full_stop_ends_the_sentence():
    """West Sussex's needs assessment prints its footnote marks on the full stop: "seen.74 Early work ..."."""
    text = "Of 7287 children in year 1, 4947 (68%) were seen.74 Early work is in progress. It rose to 4.5 Early on."
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts == ["Of 7287 children in year 1, 4947 (68%) were seen.74", "Early work is in progress.",
                     "It rose to 4.5 Early on."]


def test_a_kpi_status_word_is_not_a_heading():
    def heading(text: str) -> str | None:
        found = detect_heading(Block(text=text, page=1, bold=True), None, 11.0)
        return found.title if found else None

    # a card's RAG label sits on its own bold line under the measure; it must not open a section named "GREEN"
    assert heading("GREEN") is None and heading("Red") is None and heading("AMBER/GREEN") is None
    assert heading("Key Performance Indicators") == "Key Performance Indicators"


def test_a_minutes_item_title_in_capitals_heads_its_item_however_long() -> None:
    """Plain-text minutes have no fonts; a long item title in capitals was read as a sentence, and the item's
    statements filed under the one before it."""
    title = "32 VIRTUAL HEADTEACHER'S ANNUAL REPORT (DEEP DIVE ON PLEDGE 2 - IMPROVE EDUCATION, EMPLOYMENT & TRAINING)"
    after = Block(text="The Committee considered the Virtual Headteacher's Annual Report, which presented an overview.",
                  page=1)
    found = detect_heading(Block(text=title, page=1), after, None)
    assert found is not None and found.number == "32" and found.title.startswith("VIRTUAL HEADTEACHER'S")
    sentence = "32 of the 40 children placed with in-house foster carers in the year had a plan for permanence agreed"
    assert detect_heading(Block(text=sentence, page=1), after, None) is None
    header = "12 KENT COUNTY COUNCIL CHILDREN'S SOCIAL CARE AND HEALTH CABINET COMMITTEE MINUTES OF THE MEETING HELD ON 15 " \
             "NOVEMBER 2023"
    assert detect_heading(Block(text=header, page=1, font_size=11.0), after, 11.0) is None  # a PDF's running header
    counts = "4 NUMBER OF CHILDREN IN CARE AT THE END OF EACH QUARTER IN THE LAST TWO YEARS 1,234 1,456 1,502 1,611"
    assert detect_heading(Block(text=counts, page=1), after, None) is None


def test_a_quoted_sentence_in_bold_is_not_a_heading() -> None:
    """A consultation prints residents' words; the last sentence of a quotation ends in its closing mark."""
    quoted = Block(text="Consideration will need to be made for the safety of these families.\u201d", page=1, bold=True)
    assert detect_heading(quoted, None, 11.0) is None
    assert detect_heading(Block(text="Priority 2 \u2013 \u2018Every child is safe.\u2019", page=1, bold=True), None,
                          11.0) is None


def test_a_number_hyphenated_at_a_line_end_joins_the_next_line_without_a_space() -> None:
    assert join_lines(["in less than the 26-", "week recommended timeframe."]) == \
        "in less than the 26-week recommended timeframe."
    assert join_lines(["the budget for 2025-", "26 is balanced"]) == "the budget for 2025-26 is balanced"
    assert join_lines(["for most 16-", "and 17-year-olds"]) == "for most 16- and 17-year-olds"  # as printed
    assert join_lines(["with short-", "and long-term sickness"]) == "with short- and long-term sickness"


def test_a_page_footer_left_in_extracted_text_is_dropped_and_the_sentence_joins_up() -> None:
    text = ("We work with adults in their own right (separate to their children) to\n\n"
            "Contact: Sonya Miller 01743254264 Page 12\n\n"
            "understand their own lived experience and trauma.\n")
    assert [b.text for b in read_text(text)] == [
        "We work with adults in their own right (separate to their children) to understand their own lived experience "
        "and trauma."]


def test_numbered_items_a_layout_ran_together_are_statements_of_their_own():
    """Two columns of an action plan read across: "... youth courts 40. Provide training ..." holds item 40, not a
    figure of item 39 (which named looked after children, and was read as 40 of them)."""
    text = ("39. Improve the quality of bail addresses for offending LAC leaving custody CAFCASS and the youth courts "
            "40. Provide training to enhance participatory practice")
    made = block_statements(Block(text=text, page=1, kind=BlockKind.PARAGRAPH), ["Actions"])
    assert [(s.number, s.text) for s in made] == [
        ("39", "Improve the quality of bail addresses for offending LAC leaving custody CAFCASS and the youth courts"),
        ("40", "Provide training to enhance participatory practice")]
    kept = block_statements(Block(text="12. The number of children in care rose to 13. This is a rise of 2.", page=1),
                            ["Figures"])
    assert [(s.number, s.text) for s in kept] == [("12", "The number of children in care rose to 13. This is a rise of 2.")]


def test_a_short_bullet_run_onto_the_item_before_is_a_statement_of_its_own():
    """Ofsted's context lists: "- 22 are unaccompanied asylum-seeking children. • In the last 12 months:" is two items,
    the second a lead-in of its own, though shorter than a fragment that would join the sentence before."""
    made = block_statements(Block(text="- 22 are unaccompanied asylum-seeking children (UASC). • In the last 12 months:",
                                  page=1), ["Context"])
    assert [s.text for s in made] == ["- 22 are unaccompanied asylum-seeking children (UASC).", "• In the last 12 months:"]
    short = block_statements(Block(text="The rate dropped to 116 this quarter. (126 in Q1).", page=1), ["Figures"])
    assert [s.text for s in short] == ["The rate dropped to 116 this quarter. (126 in Q1)."]


def test_a_figure_column_the_grid_cut_in_two_is_joined_under_its_header():
    """A treasury table's "31.3.2026 budget" column, cut by the grid: two figures left of the line, one right of it."""
    table = table_from_rows([
        ["", "31.3.2025 forecast", "", "31.3.2026", "31.3.2027 budget"],
        ["", "", "", "budget", ""],
        ["Near-term investments", "206.6", "185.7", "", "146.1"],
        ["Longer-term investments", "179.0", "180.8", "", "182.6"],
        ["TOTAL", "385.6", "", "366.5", "328.7"]], page=14)
    assert [r[2] for r in table.rows] == ["31.3.2026", "budget", "185.7", "180.8", "366.5"] and len(table.rows[0]) == 4
    labels = table_from_rows([["Judgement", "", "Grade"], ["1. Children who need help", "", "Good"],
                              ["", "2.1 Adoption performance", "Good"]], page=1)
    assert len(labels.rows[0]) == 3  # a label column beside another is no split figure column
