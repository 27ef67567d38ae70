"""Layouts ingest was not tuned on, made here with PyMuPDF: every word kept, clean statements, the right subject."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pymupdf

from ingest import parse_file
from ingest.authorities import gazetteer
from ingest.file_names import meeting_in_name
from ingest.models import StatementKind
from store.records import Records

_PARAGRAPHS = [
    ("12.", "Children at risk of sexual and criminal exploitation receive an effective response from the "
            "dedicated complex safeguarding team, helping to keep children safer."),
    ("13.", "Return home interviews are offered to every child who has been missing from home or care, and the "
            "information they give is used well to reduce risk."),
    ("14.", "Care leavers are helped to find suitable homes, and very few live in unsuitable accommodation or "
            "are placed in bed and breakfast."),
]
_FOOTER = "Ofsted, Piccadilly Gate, Store Street, Manchester M1 2WD"


def _write(path: Path, pages: list[list[tuple[float, str, float, bool]]], footer: str = "") -> Path:
    """Pages of (y, text, size, bold) lines at the left margin, each line wrapped to the page width."""
    doc = pymupdf.open()
    for n, lines in enumerate(pages, start=1):
        page = doc.new_page()
        for y, text, size, bold in lines:
            rect = pymupdf.Rect(72, y, 520, y + 200)
            page.insert_textbox(rect, text, fontsize=size, fontname="hebo" if bold else "helv")
        if footer:
            page.insert_text((72, 810), f"{footer}    {n}", fontsize=8)
    doc.save(path)
    return path


def test_prose_in_a_ruled_box_stays_prose_with_every_first_line(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "The experiences and progress of children who need help and protection", fontsize=13,
                     fontname="hebo")
    y = 100
    for number, text in _PARAGRAPHS:  # each paragraph a row of a ruled grid: its number, then its text
        page.insert_text((76, y + 14), number, fontsize=11)
        page.insert_textbox(pymupdf.Rect(110, y + 4, 520, y + 80), text, fontsize=11)
        for x in (72, 105, 524):
            page.draw_line((x, y), (x, y + 80))
        page.draw_line((72, y), (524, y))
        y += 80
    page.draw_line((72, y), (524, y))
    doc.save(tmp_path / "boxed.pdf")
    statements = parse_file(tmp_path / "boxed.pdf").documents[0].statements
    texts = [s.text for s in statements]
    assert all(s.kind is StatementKind.SENTENCE for s in statements)
    for number, text in _PARAGRAPHS:
        assert text in texts
        assert next(s for s in statements if s.text == text).number == number.rstrip(".")


def test_sentence_across_a_page_break_is_one_statement_with_both_pages(tmp_path):
    path = _write(tmp_path / "break.pdf", [
        [(100, "Placement stability has improved. Managers have strengthened the panel that reviews the "
               "placements of children aged 10 to 15 who are at risk of", 11, False)],
        [(100, "moving to residential care, and it now meets weekly. Fewer children experience three or more "
               "moves in a year.", 11, False)],
    ])
    statements = parse_file(path).documents[0].statements
    joined = next(s for s in statements if s.text.startswith("Managers have strengthened"))
    assert joined.text.endswith("who are at risk of moving to residential care, and it now meets weekly.")
    assert (joined.page, joined.page_end) == (1, 2)
    after = next(s for s in statements if s.text.startswith("Fewer children"))
    assert (after.page, after.page_end) == (2, None)
    assert not any(s.text.startswith("moving") for s in statements)


def test_a_page_number_above_the_footer_band_is_not_read_into_the_next_page(tmp_path):
    """Ofsted's focused-visit letters print the page's number at 88% of the page, where a footer band does not reach,
    below text that ends high: "5" was read into page 6's first line ("5 carers during the pandemic ...")."""
    path = tmp_path / "letter.pdf"
    doc = pymupdf.open()
    for number, text in enumerate(["Foster carers spoke very positively about their support. Additional support to "
                                   "foster", "carers during the pandemic includes out-of-hours support from clinical "
                                   "psychologists. Services for care leavers have improved."], start=1):
        page = doc.new_page()
        page.insert_textbox(pymupdf.Rect(72, 72, 520, 300), text, fontsize=11)
        page.insert_text((72, 752), str(number), fontsize=11)
    doc.save(path)
    statements = [s.text for s in parse_file(path).documents[0].statements]
    assert "Additional support to foster carers during the pandemic includes out-of-hours support from clinical " \
           "psychologists." in statements
    assert not any(t.strip() in ("1", "2") or t.startswith("1 ") for t in statements)


def test_numbered_paragraphs_keep_their_number_out_of_the_text(tmp_path):
    path = _write(tmp_path / "numbered.pdf", [[
        (100, "25. Children's plans are reviewed regularly and reflect their wishes.", 11, False),
        (160, "11.When children go missing, return home interviews are timely.", 11, False),
        (220, "7.9 The NEET figure for care leavers aged 19 to 21 is 38%.", 11, False),
        (280, "1.5 FTE social workers were recruited in the quarter.", 11, False),
    ]])
    statements = {s.text: s.number for s in parse_file(path).documents[0].statements}
    assert statements["Children's plans are reviewed regularly and reflect their wishes."] == "25"
    assert statements["When children go missing, return home interviews are timely."] == "11"
    assert statements["The NEET figure for care leavers aged 19 to 21 is 38%."] == "7.9"
    assert statements["1.5 FTE social workers were recruited in the quarter."] == ""  # a figure, not a number


def test_report_is_about_the_authority_in_its_title_not_the_footer_address(tmp_path):
    body = [(100, "Inspection of Reading local authority children's services", 20, False),
            (200, "Inspection dates: 3 to 14 March 2025", 12, True),
            (240, "Leaders in Reading have improved services. Partners in Manchester City Council and "
                  "Kensington and Chelsea share a regional adoption agency.", 12, False)]
    path = _write(tmp_path / "report.pdf", [body, [(100, "More text about practice.", 12, False)],
                                            [(100, "Even more text about practice.", 12, False)]], footer=_FOOTER)
    parsed = parse_file(path)
    meta = parsed.documents[0].meta
    assert meta.authority == "Reading Borough Council"
    assert meta.doc_type.value == "inspection_report"
    assert any("Piccadilly Gate" in t for t in parsed.removed[0])  # removed on purpose, and recorded


def test_focused_visit_letter_is_a_letter_about_the_addressee(tmp_path):
    path = _write(tmp_path / "visit.pdf", [[
        (60, _FOOTER, 9, False),
        (120, "9 June 2023", 12, False),
        (150, "Jane Smith, Director of Children's Services, Westminster City Council, 64 Victoria Street", 12, False),
        (200, "Dear Ms Smith", 12, False),
        (230, "Focused visit to Westminster children's services", 12, True),
        (260, "This letter summarises the findings of the focused visit to Westminster children's services, which "
              "are delivered with Kensington and Chelsea through bi-borough arrangements.", 12, False),
    ]])
    meta = parse_file(path).documents[0].meta
    assert (meta.doc_type.value, meta.authority) == ("letter", "City of Westminster")


def test_judgement_headings_are_sections_and_footnote_marks_are_dropped(tmp_path):
    path = _write(tmp_path / "judgements.pdf", [[
        (80, "What needs to improve?1", 14, True),
        (110, "The quality of plans for children in care.", 11, False),
        (160, "The experiences and progress of children in care: requires improvement to be good", 14, True),
        (210, "Children in care live in stable homes and see their social workers often.", 11, False),
    ]])
    doc = parse_file(path).documents[0]
    assert [s.title for s in doc.sections] == [
        "What needs to improve?", "The experiences and progress of children in care: requires improvement to be good"]
    stable = next(s for s in doc.statements if s.text.startswith("Children in care live"))
    assert stable.section_path == ["The experiences and progress of children in care: requires improvement to be good"]


def test_removed_running_text_is_stored_per_page(tmp_path):
    pages = [[(100, f"Page {n} sets out how services for care leavers have changed.", 11, False)] for n in range(3)]
    path = _write(tmp_path / "footer.pdf", pages, footer="Kent County Council quarterly report")
    parsed = parse_file(path)
    with Records(tmp_path / "kb") as records:
        records.write(parsed)
    db = sqlite3.connect(tmp_path / "kb" / "records.sqlite")
    rows = db.execute("SELECT page, text FROM removed_text ORDER BY page").fetchall()
    assert [p for p, _ in rows] == [1, 2, 3]
    assert all("Kent County Council quarterly report" in t for _, t in rows)


def test_unruled_grid_with_a_column_across_the_middle_keeps_every_cell(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=842, height=595)  # landscape: a column sits across the page's middle
    page.insert_text((72, 80), "Key Service", fontsize=10, fontname="hebo")
    page.insert_text((364, 80), "Summary", fontsize=10, fontname="hebo")
    page.insert_text((453, 80), "Detail", fontsize=10, fontname="hebo")
    for i, (service, summary) in enumerate([("Residential Care", "Activity pressures beyond budgeted levels"),
                                            ("Supported Living", "Demand pressures beyond budgeted levels")]):
        y = 130 + 120 * i
        page.insert_text((72, y), service, fontsize=10)  # (top-aligned cells: the summary starts lower)
        page.insert_textbox(pymupdf.Rect(364, y + 10, 447, y + 80), summary, fontsize=10)  # wraps across the middle
        page.insert_textbox(pymupdf.Rect(453, y - 10, 773, y + 100), "Other pressures include savings no longer expected "
                            "to be achieved this year, and contributions to the provision for bad debts.", fontsize=10)
    doc.save(tmp_path / "grid.pdf")
    kept = " ".join(s.text for s in parse_file(tmp_path / "grid.pdf").documents[0].statements)
    kept += " ".join(s.title for s in parse_file(tmp_path / "grid.pdf").documents[0].sections)
    for word in ("Summary", "Detail", "Activity pressures", "Demand pressures", "Residential Care", "Supported Living"):
        assert word in kept


_STRATEGY = """Sufficiency Strategy 2024-2027

Pillar 4: Putting love, relationships and a stable home at the heart of being a child in care

Foster care

We have recruited seven new foster carers this year and five applicants are being assessed: twelve in all.

Pillar 5: A valued, supported and highly skilled social worker for every child who needs one

Whilst there has been a need to use agency staff at times to cover sickness and vacancies, leaders stayed.

Our priorities for next year are to reduce caseloads and recruit more apprentices.

9. Pledge 3 - Achieving Permanence and Keeping Children Safe Being a Good Corporate Parent

Achievement

9.1. For all children, permanence is the absolute priority, and stability meetings are now held promptly.
"""


def test_a_strategys_labelled_parts_are_its_sections(tmp_path):
    """"Pillar 5: ...": long, with a colon, and the part every statement after it belongs to (in plain text a line of
    its own; in a PDF set in bold), not the sub-heading before it ("Foster care")."""
    txt = tmp_path / "strategy.txt"
    txt.write_text(_STRATEGY)
    pdf = _write(tmp_path / "strategy.pdf", [[(72, "Priority 2 - Stable homes and good carers for every child in our care",
                                               14, True),
                                              (110, "Placement moves have fallen for the third year running and most "
                                                    "children live in stable homes close to their families.", 11, False),
                                              (160, "Priority 3: improve timeliness of health assessments by March.",
                                               11, False)]])
    [doc] = parse_file(txt).documents
    paths = {s.text[:20]: s.section_path for s in doc.statements}
    pillar4, pillar5 = (next(p for p in _STRATEGY.splitlines() if p.startswith(f"Pillar {n}")) for n in (4, 5))
    assert paths["We have recruited se"] == [pillar4, "Foster care"]
    assert paths["Whilst there has bee"] == [pillar5] and paths["Our priorities for n"] == [pillar5]
    assert paths["For all children, pe"] == [
        "9 Pledge 3 - Achieving Permanence and Keeping Children Safe Being a Good Corporate Parent", "Achievement"]
    [doc] = parse_file(pdf).documents
    paths = {s.text[:20]: s.section_path for s in doc.statements}
    assert paths["Placement moves have"] == ["Priority 2 - Stable homes and good carers for every child in our care"]
    assert "Priority 3: improve t" in {s.text[:21] for s in doc.statements}  # a sentence, not a heading


_REPORT = """4.0 Evidence review

Resilience grows from a few things that public services can foster. These are:

1. Being challenged
2. Contact with stable and reliable adults
3. Networks of people who can provide activities
4. Help to find work or enter further education

Further strategies are set out in the appendix for each age group.

5.0 A profile of children in the county

5.1 Low Income Households

In the county overall 13.6% of children live in low income households, below the national average.
"""


def test_a_numbered_list_heads_nothing_and_a_chapter_numbered_x_0_is_top_level(tmp_path):
    """"4. Help to find work ..." in a list of four is an item, not the heading of the rest of the report; "5.0 A
    profile ..." is a chapter like "4.0", not a section inside it."""
    txt = tmp_path / "needs.txt"
    txt.write_text(_REPORT)
    [doc] = parse_file(txt).documents
    paths = {s.text[:20]: s.section_path for s in doc.statements}
    assert paths["Help to find work or"] == ["4.0 Evidence review"]
    assert paths["Further strategies a"] == ["4.0 Evidence review"]
    assert paths["In the county overal"] == ["5.0 A profile of children in the county", "5.1 Low Income Households"]


def test_a_grade_line_under_its_area_heads_nothing(tmp_path):
    """An older report prints "Grade 4 (Inadequate)" in bold under each area's heading: the statements after it are
    the area's ("Leadership and management"), not the grade's."""
    pdf = _write(tmp_path / "report.pdf", [[(72, "Leadership and management", 14, True),
                                            (100, "Grade 4 (Inadequate)", 14, True),
                                            (130, "The corporate parenting group does not hold services to account for "
                                                  "the outcomes of children looked after.", 11, False)]])
    [doc] = parse_file(pdf).documents
    paths = {s.text[:20]: s.section_path for s in doc.statements}
    assert paths["The corporate parent"] == ["Leadership and management"]


_MONITORING = """Finance Monitoring Report

3 | Revenue Budget Forecast

The forecast revenue outturn position is an overspend of £23.3m, which represents 1.6% of the revenue budget.

3b | Children, Young People & Education

The directorate is forecasting an underspend of £9.9m, mainly on home to school transport.

2.6 Please refer to Section 7, 8, and Appendix 3 Indicators Monitoring

4 | Revenue Budget Savings

The Council has a savings target of £111.2m for the year.
"""


def test_kents_numbered_parts_nest_and_a_pointer_or_a_blank_page_heads_nothing(tmp_path):
    """"3 | Revenue Budget Forecast" holds "3b | Children, Young People & Education"; "2.6 Please refer to Section 7"
    is a pointer, not a heading; an answer sits under the question it answers, not under "This page is
    intentionally left blank"."""
    (tmp_path / "monitoring.txt").write_text(_MONITORING)
    [doc] = parse_file(tmp_path / "monitoring.txt").documents
    paths = {s.text[:20]: s.section_path for s in doc.statements}
    assert paths["The directorate is f"] == ["3 Revenue Budget Forecast", "3b Children, Young People & Education"]
    assert paths["The Council has a sa"] == ["4 Revenue Budget Savings"]
    pdf = _write(tmp_path / "answers.pdf", [[(72, "Question by A Member to the Cabinet Member for Integrated Children's "
                                                  "Services", 12, True),
                                             (110, "This page is intentionally left blank", 12, True),
                                             (140, "Answer", 12, True),
                                             (170, "Thank you for your question; the number of children in care placed out "
                                                   "of county has fallen to 212.", 11, False)]])
    [doc] = parse_file(pdf).documents
    paths = {s.text[:20]: s.section_path for s in doc.statements}
    assert paths["Thank you for your q"] == [
        "Question by A Member to the Cabinet Member for Integrated Children's Services", "Answer"]


def test_front_matter_set_larger_than_the_chapters_is_not_their_parent(tmp_path):
    """A performance report's page of keys ("Key to KPI Ratings used", "Key to Activity Indicator Graphs", set
    larger than its chapters) does not hold every chapter after it."""
    body = "Performance this quarter is reported against the targets set at the start of the financial year."
    pages = [[(72, "Quarterly Performance Report", 20, True)],
             [(72, "Key to KPI Ratings used", 16, True), (110, body, 11, False),
              (200, "Key to Activity Indicator Graphs", 16, True), (240, body, 11, False)]]
    chapters = ["Executive Summary", "Customer Services", "Children in Care", "Adult Social Care", "Highways"]
    pages += [[(72, title, 14, True), (110, f"{title} results are set out below. {body}", 11, False)]
              for title in chapters]
    [doc] = parse_file(_write(tmp_path / "qpr.pdf", pages)).documents
    paths = {s.text[:16]: s.section_path for s in doc.statements}
    assert paths["Children in Care"] == ["Children in Care"]
    assert paths["Customer Service"] == ["Customer Services"]


def test_a_heading_with_a_smaller_bracket_ranks_with_its_siblings(tmp_path):
    """"Children, Young People and Education (Education and Skills)", its bracket a size smaller, is a chapter like
    "Environment and Transport", not a section inside it."""
    body = "Performance this quarter is reported against the targets set at the start of the financial year."
    doc = pymupdf.open()
    for chapter, part in (("Environment and Transport", ""), ("Children, Young People and Education ", "(Education)"),
                          ("Adult Social Care", "")):
        page = doc.new_page()
        writer = pymupdf.TextWriter(page.rect)
        _, end = writer.append((72, 72), chapter, font=pymupdf.Font("hebo"), fontsize=14)
        if part:
            writer.append(end, part, font=pymupdf.Font("hebo"), fontsize=12)
        writer.write_text(page)
        page.insert_text((72, 110), "Early Years", fontsize=12, fontname="hebo")
        page.insert_textbox(pymupdf.Rect(72, 130, 520, 300), f"{chapter.strip()}: {body}", fontsize=11)
    doc.save(tmp_path / "qpr.pdf")
    [parsed] = parse_file(tmp_path / "qpr.pdf").documents
    paths = {s.text[:12]: s.section_path for s in parsed.statements}
    assert paths["Children, Yo"] == ["Children, Young People and Education (Education)", "Early Years"]


def test_a_report_to_the_full_council_with_a_partner_council_and_a_ministers_letter(tmp_path):
    """"To:" printed beside its addressee, a paper to the County Council with a partner council named in full more
    often, and "out of Westminster" meaning Parliament: the county's report to its full council's meeting; the letter
    is nobody's."""
    report = _write(tmp_path / "report.pdf", [[
        (60, "From:", 12, True), (90, "Roger Smith, Leader of the Council", 12, False),
        (120, "To:", 12, True), (150, "County Council – 9th January 2025", 12, False),
        (180, "Subject:", 12, True), (210, "English Devolution White Paper", 12, False),
        (260, "The County Council is asked to endorse the decision to submit to Ministers, jointly with Medway "
              "Council, a request for Kent and Medway to join the programme. KCC, Medway Council and the district "
              "councils will work with Medway Council officers on the plan.", 12, False)]])
    meta = parse_file(report).documents[0].meta
    assert (meta.authority, meta.committee, str(meta.meeting_date)) == ("Kent County Council", "County Council",
                                                                        "2025-01-09")
    letter = _write(tmp_path / "letter.pdf", [[
        (60, "To: Leaders of all two-tier councils", 12, False), (100, "16 December 2024", 12, False),
        (140, "Dear Leaders", 12, False),
        (170, "The White Paper sets out how the Government plans to transfer power out of Westminster.", 12, False)]])
    assert parse_file(letter).documents[0].meta.authority is None


def test_a_committee_systems_file_name_gives_the_meeting_the_pages_leave_out(tmp_path):
    path = _write(tmp_path / "Agenda frontsheet 09th-Jan-2025 10.00 County Council.pdf", [[
        (60, "Summons to and Agenda for an Extraordinary Meeting", 16, True),
        (120, "To: All Members of the County Council", 12, False),
        (160, "An extraordinary meeting of the County Council will be held in the Council Chamber.", 12, False),
        (200, "A G E N D A", 14, True), (240, "1. Apologies for Absence", 12, True)]])
    meta = parse_file(path).documents[0].meta
    assert (meta.doc_type.value, meta.committee, str(meta.meeting_date), meta.title) == (
        "agenda", "County Council", "2025-01-09", "Agenda: County Council, 9 January 2025")
    dated = _write(tmp_path / "Item 3 report 09th-Jan-2025 10.00 County Council.pdf", [[
        (60, "To: Cabinet – 30 January 2025", 12, False), (100, "Subject: Budget", 12, False)]])
    assert parse_file(dated).documents[0].meta.committee == "Cabinet"  # the paper's own words win


def test_a_unitary_paper_naming_the_county_and_initials_alone_keep_their_council(tmp_path):
    path = _write(tmp_path / "paper.pdf", [[
        (60, "Report to: Cabinet", 12, True), (100, "Subject: Response to the county's consultation", 12, False),
        (140, "Medway Council will respond to the County Council by March. Medway Council officers have met Kent "
              "County Council. The OCC found that the OCC's guidance was followed by Lambeth Council.", 12, False)]])
    assert parse_file(path).documents[0].meta.authority == "Medway Council"
    assert gazetteer().find("The OCC recommends that children are heard.")["Oxfordshire County Council"] == 1


def test_a_file_names_copy_marks_are_not_the_committee(tmp_path):
    assert meeting_in_name("Printed minutes 30th-Jan-2025 10.00 CABINET - Copy (2)") == ("Cabinet", date(2025, 1, 30))
    assert meeting_in_name("Agenda 12th-Mar-2025 14.00 Corporate Parenting Panel v2") == (
        "Corporate Parenting Panel", date(2025, 3, 12))
    assert meeting_in_name("Report 12th-Mar-2025 final v2") == (None, None)  # no time: not the committee system's name


def test_a_table_header_naming_the_cabinet_member_is_no_committee(tmp_path):
    path = _write(tmp_path / "templates.pdf", [[
        (60, "MTFP Category Directorate Cabinet Member Headline Description", 10, True),
        (100, "Core 150,418.6 113,024.4 115,483.2", 10, False)]])
    assert parse_file(path).documents[0].meta.committee is None


def test_a_publishers_notices_are_removed_text_and_a_finding_beside_them_stays(tmp_path):
    notices = ["It assesses council children's services, and inspects services for children looked after, "
               "safeguarding and child protection.",
               "You may reuse this information (not including logos) free of charge in any format or medium, under "
               "the terms of the Open Government Licence.",
               "© Crown copyright 2024"]
    pages = [[(y, text, 11, False) for y, (_, text) in zip((100, 200, 300), _PARAGRAPHS, strict=True)],
             [(100 + 90 * i, text, 10, False) for i, text in enumerate(notices)]
             + [(400, "Ofsted found that care leavers in Northmoor are well supported by their personal advisers.",
                 10, False)]]
    path = _write(tmp_path / "inspection.pdf", pages)
    parsed = parse_file(path)
    texts = [s.text for d in parsed.documents for s in d.statements]
    assert not any("Open Government Licence" in t or "Crown copyright" in t or "It assesses" in t for t in texts)
    assert any(t.startswith("Ofsted found that care leavers") for t in texts)
    with Records(tmp_path / "kb") as records:
        records.write(parsed)
    db = sqlite3.connect(tmp_path / "kb" / "records.sqlite")
    removed = [t for (t,) in db.execute("SELECT text FROM removed_text WHERE page = 2")]
    assert any("Open Government Licence" in t for t in removed) and any("Crown copyright" in t for t in removed)


def test_an_older_imprint_block_is_all_notices_and_a_finding_keeps_its_block() -> None:
    from ingest.notices import is_notice

    imprint = ("It regulates and inspects childcare and children's social care. "
               "It inspects services for looked after children and child protection. "
               "If you would like a copy of this document in a different format, such as large print or Braille, "
               "please telephone 0300 123 1231.")
    assert is_notice(imprint)
    assert not is_notice(imprint + " Care leavers in Northmoor told inspectors they felt safe.")
