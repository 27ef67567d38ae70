"""Issue 23's remaining faults, on PDFs made here with PyMuPDF: sentences cut at a hyphen, the publisher's imprint,
letter heads and signatures, judgement headings printed as a sentence, short numbered paragraphs, repeated sentences."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pymupdf
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from ingest import parse_file
from ingest.cleanup import broken_sentence, join_broken, join_lines
from ingest.hyphenation import settle
from ingest.sections import BACK_MATTER_TITLE
from ingest.statements import paragraph_number
from scrutineer.cli import app
from scrutineer.printed_order import printed_order
from scrutineer.web.app import create_app
from store.queries import document_detail, list_documents
from store.records import Records
from store.statement_rows import hits

_JUDGEMENT = "The experiences and progress of children who need help and protection requires improvement to be good."
_REPEATED = "Too many children wait too long for an assessment of their needs, and some are left in situations of risk."


def _write(path: Path, pages: list[list[tuple[float, str, float, bool]]]) -> Path:
    """Pages of (y, text, size, bold) lines at the left margin, each wrapped to the page width."""
    doc = pymupdf.open()
    wide = pymupdf.Font("cjk")  # the base-14 fonts print only Latin-1: bullets and curly quotes need a font with them
    for lines in pages:
        page = doc.new_page()
        page.insert_font(fontname="wide", fontbuffer=wide.buffer)
        for y, text, size, bold in lines:
            font = "hebo" if bold else "helv" if text.isascii() or max(map(ord, text)) < 256 else "wide"
            page.insert_textbox(pymupdf.Rect(72, y, 520, y + 200), text, fontsize=size, fontname=font)
    doc.save(path)
    return path


def test_a_compound_cut_at_its_hyphen_or_a_possessive_joins_its_other_half():
    assert broken_sentence("The local authority takes the physical and mental health, and emotional well-", "being, of children.")
    assert broken_sentence("The number, quality and impact of audits and the extent to which care leavers’", "voices are in.")
    assert broken_sentence("Senior leaders are making good progress in their ambition to recruit and retain", "‘awesome’ staff.")
    assert not broken_sentence("The plan was agreed.", "‘awesome’ staff.")
    assert join_broken("emotional well-", "being, of children") == "emotional well-being, of children"
    assert join_broken("with 408", "places booked") == "with 408 places booked"


def test_a_compound_wrapped_at_its_hyphen_keeps_it_and_a_word_split_at_a_syllable_does_not():
    assert join_lines(["strong multi-", "agency work and decision-", "making"]) == "strong multi-agency work and decision-making"
    assert join_lines(["peer-to-", "peer support for 17-year-", "olds"]) == "peer-to-peer support for 17-year-olds"
    assert settle(join_lines(["the place-", "ment was stable"]), Counter()) == "the placement was stable"
    # a compound that carries on hyphenated after the break: "up-to-date", "out-of-hours", not "upto-date"
    assert join_lines(["an up-", "to-date plan and inconsistent out-", "of-hours support"]) == \
        "an up-to-date plan and inconsistent out-of-hours support"


def test_a_line_end_hyphen_is_settled_by_how_the_paper_prints_the_word_elsewhere(tmp_path):
    path = _write(tmp_path / "hyphens.pdf", [[
        (80, "Care leavers", 14, True),
        (110, "Care-experienced young people told councillors what matters to them.", 11, False),
        (150, "The panel heard from young people supported by care-\nexperienced mentors.", 11, False),
        (190, "Each child had one stable placement this year, and the place-\nment reviews met monthly.", 11, False),
    ]])
    texts = " ".join(s.text for s in parse_file(path).documents[0].statements)
    assert "care-experienced mentors" in texts
    assert "placement reviews" in texts and "place-ment" not in texts
    assert "careexperienced" not in texts.lower()


def test_settling_prefers_the_form_printed_more_often_and_joins_an_unknown_word():
    broken = join_lines(["support for care-", "experienced adults and a place-", "ment panel"])
    words = Counter({"care-experienced": 3, "placement": 2})
    assert settle(broken, words) == "support for care-experienced adults and a placement panel"
    assert settle(broken, Counter()) == "support for careexperienced adults and a placement panel"
    assert settle(broken, Counter({"care-experienced": 1, "careexperienced": 2})).startswith("support for careexp")


def test_a_bullet_cut_after_a_hyphenated_line_end_is_one_statement(tmp_path):
    path = _write(tmp_path / "bullets.pdf", [[
        (80, "Findings", 14, True),
        (110, "• The local authority takes the physical and mental health, and emotional well-", 11, False),
        (150, "being, of children in care very seriously.", 11, False),
    ]])
    texts = [s.text for s in parse_file(path).documents[0].statements]
    assert "The local authority takes the physical and mental health, and emotional well-being, of children in care " \
           "very seriously." in texts
    assert not any(t.startswith("being") for t in texts)


def test_the_publishers_imprint_is_its_own_section_and_its_notices_removed_text(tmp_path):
    path = _write(tmp_path / "imprint.pdf", [
        [(80, "The impact of leaders on social work practice with children and families: good", 14, True),
         (120, "Leaders know their services well and act quickly when practice falls short.", 11, False)],
        [(80, "Senior leaders have a clear plan to recruit and keep social workers.", 11, False)],
        [(300, "The Office for Standards in Education, Children’s Services and Skills (Ofsted) regulates and inspects to "
               "achieve excellence in the care of children and young people.", 10, False),
         (360, "If you would like a copy of this document in a different format, such as large print or Braille, "
               "please telephone 0300 123 1231.", 10, False),
         (420, "Piccadilly Gate Store Street Manchester M1 2WD", 10, False),
         (460, "© Crown copyright 2024", 10, False)],
    ])
    parsed = parse_file(path)
    doc = parsed.documents[0]
    by_text = {s.text: s.section_path for s in doc.statements}
    judgement = ["The impact of leaders on social work practice with children and families: good"]
    assert by_text["Senior leaders have a clear plan to recruit and keep social workers."] == judgement
    assert BACK_MATTER_TITLE in [s.title for s in doc.sections]
    # the imprint's notices are removed text, not statements of any section (ingest/notices.py)
    assert not any(w in t for t in by_text for w in ("Braille", "Piccadilly Gate", "Crown copyright", "regulates"))
    removed = " ".join(parsed.removed[2])
    assert "Braille" in removed and "Piccadilly Gate" in removed and "Crown copyright" in removed


def test_a_letters_date_and_the_inspectors_role_are_not_headings(tmp_path):
    path = _write(tmp_path / "letter.pdf", [[
        (50, "1 Reading Lane London E8 1GQ", 12, False),
        (80, "28 January 2025", 12, False),
        (110, "Dear Ms Smith", 12, False),
        (140, "Focused visit to Wokingham Borough Council children's services", 12, True),
        (170, "This letter summarises the findings of the focused visit to Wokingham children’s services.", 12, False),
        (220, "Main findings", 12, True),
        (250, "Care leavers benefit from personal advisers who know them well and keep in touch.", 12, False),
        (300, "Yours sincerely", 12, False),
        (330, "Alison Smale", 12, False),
        (360, "His Majesty's Inspector", 12, True),
    ]])
    doc = parse_file(path).documents[0]
    assert [s.path for s in doc.sections] == [["Focused visit to Wokingham Borough Council children's services"],
                                              ["Main findings"]]
    assert next(s for s in doc.statements if s.text == "His Majesty's Inspector").section_path == ["Main findings"]


def test_a_judgement_printed_as_a_sentence_heads_its_section_and_a_short_numbered_paragraph_does_not(tmp_path):
    path = _write(tmp_path / "judgement.pdf", [[
        (80, _JUDGEMENT, 14, True),
        (130, "17. A newly created whole-life disability service supports children and families well, and "
              "transitions to adult services are planned early.", 12, False),
        (200, "18. A range of specialist edge-of-care services, including Multi-Systemic Therapy", 12, False),
        (240, "19. Children who go missing are offered return home interviews, and what they say is used to plan "
              "their support.", 12, False),
    ]])
    doc = parse_file(path).documents[0]
    assert [s.title for s in doc.sections] == [_JUDGEMENT.rstrip(".")]
    numbered = {s.number: s.section_path for s in doc.statements}
    assert set(numbered) == {"17", "18", "19"}
    assert all(p == [_JUDGEMENT.rstrip(".")] for p in numbered.values())


def test_a_sentence_printed_twice_is_stored_once_with_both_places(tmp_path):
    path = _write(tmp_path / "repeated.pdf", [
        [(80, "Summary", 14, True), (110, _REPEATED, 11, False),
         (170, "The local authority was judged to be good.", 11, False)],
        [(80, "Inspection findings", 14, True), (110, "Managers have started to track every open case weekly. "
                                                       + _REPEATED, 11, False),
         (170, "The local authority was judged to be good.", 11, False)],
    ])
    parsed = parse_file(path)
    statements = parsed.documents[0].statements
    once = [s for s in statements if s.text == _REPEATED]
    assert len(once) == 1 and (once[0].page, once[0].section_path) == (1, ["Summary"])
    assert [(p.page, p.section_path) for p in once[0].also_at] == [(2, ["Inspection findings"])]
    assert parsed.page_texts[1][once[0].also_at[0].char_start:once[0].also_at[0].char_end] == _REPEATED
    assert len([s for s in statements if s.text.startswith("The local authority was judged")]) == 2  # too short to fold

    with Records(tmp_path / "kb") as records:
        records.write(parsed)
        detail = document_detail(records, list_documents(records)[0])
        stored = next(s for s in detail.statements if s.text == _REPEATED)
        assert [(p.page, p.section_path) for p in stored.also_at] == [(2, ["Inspection findings"])]
        sid = records.db.execute("SELECT id FROM statements WHERE text = ?", (_REPEATED,)).fetchone()[0]
        assert [p.page for p in hits(records, [sid])[sid].also_at] == [2]
    # a reader of the paper meets it at both places, the second marked as a repeat, in the order printed
    printed = [(p.page, p.text[:20], p.first_page) for p in printed_order(detail.statements)]
    assert printed == [(1, _REPEATED[:20], None), (1, "The local authority ", None),
                       (2, "Managers have starte", None), (2, _REPEATED[:20], 1), (2, "The local authority ", None)]
    shown = CliRunner().invoke(app, ["show", "repeated.pdf", "--kb", str(tmp_path / "kb")], terminal_width=400)
    assert shown.exit_code == 0 and "(printed first on p. 1)" in shown.stdout
    with TestClient(create_app(tmp_path / "kb")) as client:
        page = client.get(f"/documents/{detail.document.id}").text
    assert page.count(_REPEATED) == 2 and 'printed first on <a href="#page-1">p. 1</a>' in page


def test_an_impact_assessments_parts_and_questions_are_sections_and_the_answers_sit_under_them(tmp_path):
    path = _write(tmp_path / "eqia.pdf", [[
        (80, "Section B - Evidence", 16, True),
        (110, "Do you have data related to the protected groups of the people impacted by this activity?", 12, True),
        (150, "Yes", 12, False),
        (180, "Have you consulted with stakeholders?", 12, True),
        (210, "Yes, with schools, parents and the district councils, through a six-week consultation.", 12, False),
        (260, "19.Negative Impacts and Mitigating actions for Age", 12, False),
        (290, "Are there negative impacts for age?", 12, True),
        (320, "No", 12, False),
        (350, "20. Negative impacts and Mitigating actions for Disability", 12, False),
        (380, "Are there negative impacts for Disability?", 12, True),
        (410, "No", 12, False),
    ]])
    doc = parse_file(path).documents[0]
    paths = {s.text: s.section_path for s in doc.statements}
    part = "Section B - Evidence"
    assert paths["Yes"] == [part, "Do you have data related to the protected groups of the people impacted by this activity?"]
    assert paths["Yes, with schools, parents and the district councils, through a six-week consultation."] == [
        part, "Have you consulted with stakeholders?"]
    assert ["20 Negative impacts and Mitigating actions for Disability", "Are there negative impacts for Disability?"] \
        in [s.path for s in doc.sections]  # a form's numbered line is a heading: the line before it numbers no paragraph


def test_a_sentence_left_on_an_article_at_a_page_end_joins_the_next_pages_opening(tmp_path):
    path = _write(tmp_path / "article.pdf", [
        [(80, "Experienced practitioners raise awareness and share experience through the", 11, False)],
        [(80, "MASH, A&A teams and wider professional network. Strategy discussions take place the same day.", 11, False)],
    ])
    texts = {s.text: (s.page, s.page_end) for s in parse_file(path).documents[0].statements}
    assert texts["Experienced practitioners raise awareness and share experience through the MASH, A&A teams and wider "
                 "professional network."] == (1, 2)
    assert texts["Strategy discussions take place the same day."] == (2, None)


def test_a_footnote_belongs_to_the_heading_that_carries_its_mark(tmp_path):
    path = _write(tmp_path / "footnote.pdf", [[
        (80, "What needs to improve?1", 14, True),
        (110, "The effectiveness of out-of-hours child protection planning.", 12, False),
        (150, "The experiences and progress of children who need help and protection: good", 14, True),
        (190, "Most children receive an effective response from the emergency duty team.", 12, False),
        (700, "1 The areas for improvement have been cross-referenced with the national framework.", 9, False),
    ]])
    paths = {s.text: s.section_path for s in parse_file(path).documents[0].statements}
    assert paths["1 The areas for improvement have been cross-referenced with the national framework."] == [
        "What needs to improve?"]
    assert paths["Most children receive an effective response from the emergency duty team."] == [
        "The experiences and progress of children who need help and protection: good"]


def test_a_numbered_footnote_in_small_print_is_not_a_heading(tmp_path):
    path = _write(tmp_path / "source.pdf", [[
        (80, "Inspection findings", 14, True),
        (110, "Referrals are screened the same day by experienced social workers.", 12, False),
        (700, "12 Source: DfE Children looked after in England including adoption", 9, False),
    ], [(80, "Early help panels refuse some cases that are ready to step down.", 12, False)]])
    doc = parse_file(path).documents[0]
    assert [s.title for s in doc.sections] == ["Inspection findings"]
    assert {tuple(s.section_path) for s in doc.statements} == {("Inspection findings",)}


def test_the_reports_judgements_are_siblings_even_when_one_is_set_smaller(tmp_path):
    help_ = "The experiences and progress of children who need help and protection: outstanding"
    care = "The experiences and progress of children in care: outstanding"
    path = _write(tmp_path / "sizes.pdf", [
        [(80, help_, 14, True), (120, "Children receive help at the right time from skilled practitioners.", 11, False)],
        [(80, care, 12, True), (120, "Children in care live in stable homes that meet their needs well.", 11, False)],
        [(80, "The experiences and progress of care leavers: outstanding", 14, True),
         (120, "Care leavers are supported by personal advisers who know them well.", 11, False)],
    ])
    doc = parse_file(path).documents[0]
    assert [s.path for s in doc.sections] == [[help_], [care], ["The experiences and progress of care leavers: outstanding"]]


def test_a_paragraph_number_before_a_code_word_is_the_statements_number() -> None:
    assert paragraph_number("8. S47 enquiries are effective and timely.") == ("8", 3)
    assert paragraph_number("25. Children's views are heard.") == ("25", 4)
    assert paragraph_number("2.5 million pounds was spent.") == ("", 0)


def test_a_date_cut_before_its_year_joins_across_a_page_or_a_line_read_as_a_paragraph_number(tmp_path):
    """Issue 19/23: "95 in March" / "2014." and "17% in" / "2013." lost their year, and the metric its date."""
    path = _write(tmp_path / "year.pdf", [
        [(200, "The share of children adopted rose year on year to 17% in", 11, False),
         (213.5, "2013. Adoption scorecard performance is also strong.", 11, False),
         (300, "There are 117 foster carers, an increase from 112 in March 2015 and 95 in March", 11, False)],
        [(80, "2014. Assessments of prospective carers are thorough.", 11, False),
         (200, "Children in care", 11, False),
         (213.5, "12. The virtual school is effective.", 11, False),
         (300, "Key dates for March", 11, False)],
        [(80, "2014 Annual report", 11, False)],
    ])
    texts = {s.text: (s.page, s.page_end) for s in parse_file(path).documents[0].statements}
    assert texts["There are 117 foster carers, an increase from 112 in March 2015 and 95 in March 2014."] == (1, 2)
    assert texts["Assessments of prospective carers are thorough."] == (2, None)
    assert texts["The share of children adopted rose year on year to 17% in 2013."] == (1, None)
    assert "Adoption scorecard performance is also strong." in texts
    assert not any(t.startswith("Key dates for March 2014") for t in texts)  # a year at a page top after a label
    assert not any("Children in care 12" in t for t in texts)  # a paragraph number after a line that is not left open


def test_a_year_continues_only_a_phrase_left_open_for_a_date():
    assert broken_sentence("The last inspection of the local authority's services was in", "March 2012. It was judged good.")
    assert broken_sentence("The chair has been in post since", "April 2013.")
    assert broken_sentence("Early help is a Board priority for", "2015. Work is in progress.")
    assert broken_sentence("The child population grew between", "2011 and 2021 by 4%.")
    assert broken_sentence("Spending on services for children in", "2019/20 was reviewed.")
    assert not broken_sentence("Progress since the last inspection in", "2019 Leadership")  # a heading, capitalised
    assert not broken_sentence("Children in care", "2014 Annual report")
    assert not broken_sentence("Key dates for March", "2014 Plan")
    assert not broken_sentence("The report was published in", "Kent County Council papers.")


def test_a_quotation_set_in_bold_joins_across_a_page_but_a_bold_heading_does_not(tmp_path):
    path = _write(tmp_path / "quote.pdf", [
        [(80, "'I believe that any cut to the service would be detrimental. Families on low incomes across the "
              "district will find it more difficult for", 11, True)],
        [(80, "them to travel to the next centre.'", 11, True),
         (160, "A consultation response that ends on an open word of", 11, False)],
        [(80, "Findings of the consultation", 11, True)],
    ])
    texts = {s.text: (s.page, s.page_end) for s in parse_file(path).documents[0].statements}
    assert texts["Families on low incomes across the district will find it more difficult for them to travel to the next "
                 "centre.'"] == (1, 2)
    assert "A consultation response that ends on an open word of" in texts  # not joined with the bold heading after it


def test_a_bold_line_of_two_names_parted_by_a_colon_is_a_heading_and_a_form_s_label_and_value_is_not(tmp_path):
    body = "The Council lends money for service and regeneration purposes, and to its own companies."
    path = _write(tmp_path / "colon.pdf", [[
        (80, "Introduction", 14, True),
        (110, "The strategy sets out how the Council invests its money for three broad purposes.", 12, False),
        (160, "Service Investments: Loans", 12, True),
        (190, body, 12, False),
        (240, "What the inspection judgements mean: the local authority", 12, True),
        (270, "A good local authority leads effective services that help, protect and care for children.", 12, False),
        (320, "Key decision: YES", 12, True),
        (350, "Lead inspector: Tara Geere", 12, True),
        (380, "Inspection dates: 4 March 2019 to 15 March 2019", 12, True),
        (410, "Author(s): Jane Smith", 12, True),
        (440, "Electoral Division: All", 12, True),
        (470, "Decision: Cabinet is asked to:", 12, True),
    ]])
    doc = parse_file(path).documents[0]
    paths = {s.text: s.section_path[-1:] for s in doc.statements}
    assert paths[body] == ["Service Investments: Loans"]
    assert paths["A good local authority leads effective services that help, protect and care for children."] == \
        ["What the inspection judgements mean: the local authority"]
    assert {"Key decision: YES", "Lead inspector: Tara Geere", "Author(s): Jane Smith", "Electoral Division: All",
            "Decision: Cabinet is asked to:"} <= set(paths)  # statements, not headings


def test_a_footnotes_mark_in_body_text_is_left_out_and_a_headings_kept(tmp_path):
    path = tmp_path / "marks.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    sup = "<sup style='font-size:7pt'>{}</sup>"
    page.insert_htmlbox(pymupdf.Rect(72, 72, 520, 400), (
        "<p style='font-size:12pt'><b>What needs to improve?" + sup.format(1) + "</b></p>"
        "<p style='font-size:12pt'>In Quarter 3, 17 of the 38" + sup.format(2) + " indicators are rated as Green. "
        "Two live in residential special schools" + sup.format(3) + ", both of whom live out of the authority area. "
        "Most live with foster carers." + sup.format("4, 5") + " Some live in children's homes.</p>"))
    doc.save(path)
    texts = [s.text for s in parse_file(path).documents[0].statements]
    assert texts == ["In Quarter 3, 17 of the 38 indicators are rated as Green.",
                     "Two live in residential special schools, both of whom live out of the authority area.",
                     "Most live with foster carers.", "Some live in children's homes."]
    assert [s.title for s in parse_file(path).documents[0].sections] == ["What needs to improve?"]


def test_a_charts_axis_and_a_lone_symbol_are_removed_text_not_statements(tmp_path):
    path = _write(tmp_path / "chart.pdf", [[
        (80, "Participation of 16 and 17 year olds", 14, True),
        (110, "Most young people in the area are in education or training.", 12, False),
        (150, "0 20 40 60", 9, False),
        (190, "2019 2020 2021 2022 2023", 9, False),
        (230, "%", 9, False),
        (270, "Rates rose in 45% 50% 55% of the schools.", 12, False),
        (310, "45% 50% 55%", 12, False),
    ]])
    parsed = parse_file(path)
    assert [s.text for s in parsed.documents[0].statements] == [
        "Most young people in the area are in education or training.", "Rates rose in 45% 50% 55% of the schools.",
        "45% 50% 55%"]
    assert {"0 20 40 60", "2019 2020 2021 2022 2023", "%"} <= set(parsed.removed[0])


def test_a_headings_footnote_mark_on_its_last_short_line_leaves_the_heading_whole(tmp_path):
    path = tmp_path / "heading.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_htmlbox(pymupdf.Rect(72, 72, 507, 400), (  # "board¹" wraps to a line of its own
        "<p style='font-size:14pt'><b>Review of the effectiveness of the local safeguarding children board"
        "<sup style='font-size:7pt'>1</sup></b></p>"
        "<p style='font-size:11pt'>The board is chaired by an independent person who holds partners to account.</p>"))
    doc.save(path)
    parsed = parse_file(path).documents[0]
    assert [s.title for s in parsed.sections] == ["Review of the effectiveness of the local safeguarding children board"]
    assert [s.text for s in parsed.statements] == [
        "The board is chaired by an independent person who holds partners to account."]


def test_a_footnotes_mark_in_a_web_page_is_left_out(tmp_path):
    path = tmp_path / "minutes.html"
    path.write_text("<html><body><main><h1>Corporate Parenting Panel</h1>"
                    "<p>Two live in residential special schools<sup>3</sup>, both out of the area.</p>"
                    "<p>Rates fell to 5<sup>th</sup> place in the region.<sup>[12]</sup></p></main></body></html>")
    texts = [s.text for s in parse_file(path).documents[0].statements]
    assert texts == ["Two live in residential special schools, both out of the area.",
                     "Rates fell to 5th place in the region."]


def test_a_running_head_naming_the_part_is_removed_where_the_part_has_too_few_pages_to_count(tmp_path):
    path = _write(tmp_path / "parts.pdf", [
        [(30, "Participation", 10, False), (100, "Participation", 16, True),
         (140, "Most young people stay in education or training after Year 11.", 12, False)],
        [(30, "Participation", 10, False), (100, "Apprenticeships remain rare among care leavers in the area.", 12, False)],
    ])
    parsed = parse_file(path)
    assert [s.text for s in parsed.documents[0].statements] == [
        "Most young people stay in education or training after Year 11.",
        "Apprenticeships remain rare among care leavers in the area."]
    assert [s.title for s in parsed.documents[0].sections] == ["Participation"]
    assert parsed.removed[0] == ["Participation"] and parsed.removed[1] == ["Participation"]


def test_a_bold_question_that_wraps_and_runs_on_into_its_base_stays_whole(tmp_path):
    path = tmp_path / "consultation.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_htmlbox(pymupdf.Rect(72, 72, 520, 400), (
        "<p style='font-size:12pt'><b>Please tell us what impact you think accessing Family Hub services at the "
        "Sheppey Gateway would have on you / or your family?</b> Base: all answering (343)</p>"
        "<p style='font-size:12pt'>Most consultees said the hub is vital to the community.</p>"))
    doc.save(path)
    parsed = parse_file(path).documents[0]
    question = ("Please tell us what impact you think accessing Family Hub services at the Sheppey Gateway would have "
                "on you / or your family?")
    assert [s.title for s in parsed.sections] == [question]
    assert [s.text for s in parsed.statements] == [
        "Base: all answering (343)", "Most consultees said the hub is vital to the community."]
