"""Sentences a PDF breaks across blocks (extra spacing, a change of font) are read as one statement."""

from __future__ import annotations

import pymupdf
from conftest import need_shared

from ingest.cleanup import dangles
from ingest.pdf import read_pdf


def _pdf(lines: list[tuple[float, str, str]]) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    for y, text, font in lines:
        page.insert_text((72, y), text, fontsize=11, fontname=font)
    return doc.tobytes()


def test_broken_sentences_are_joined_but_headings_and_list_items_are_not():
    data = _pdf([
        (100, "Fostering", "hebo"),
        (130, "Actions being taken to increase the number of fostering", "helv"),
        (170, "households include information events and a refer-a-friend payment.", "hebo"),
        (220, "The number of children in care decreased by", "helv"),
        (260, "80 to 475 over the quarter.", "helv"),
        (310, "Participation update", "hebo"),
        (340, "a. The panel noted the report.", "helv"),
        (380, "c. There was a large group of UASC (Unaccompanied Asylum-Seeking", "helv"),
        (420, "Children) care leavers awaiting a decision on their status.", "helv"),
        (470, "This is a reduction from 2,638 at", "helv"),
        (510, "31 March 2016.", "helv"),
        (560, "Of the 40 children adopted in 2023-", "helv"),
        (600, "24, 18 were placed with their brothers or sisters.", "helv"),
    ])
    texts = [b.text for b in read_pdf(data, "broken.pdf", tables=False).blocks]
    assert "Actions being taken to increase the number of fostering households include information events and a " \
           "refer-a-friend payment." in texts
    assert "The number of children in care decreased by 80 to 475 over the quarter." in texts
    assert "Participation update" in texts and "Fostering" in texts
    assert "c. There was a large group of UASC (Unaccompanied Asylum-Seeking Children) care leavers awaiting a decision " \
           "on their status." in texts
    assert "This is a reduction from 2,638 at 31 March 2016." in texts
    assert "Of the 40 children adopted in 2023- 24, 18 were placed with their brothers or sisters." in texts


def test_a_grade_printed_beside_a_two_line_heading_is_not_spliced_into_it():
    """Older inspection reports print the area's grade to the right of its two-line heading, level with the gap
    between the lines: "The experiences and progress of" / "Good" / "children who need help and protection"."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 90), "The experiences and progress of", fontsize=14, fontname="hebo")
    page.insert_text((72, 106), "children who need help and protection", fontsize=14, fontname="hebo")
    page.insert_text((360, 98), "Good", fontsize=14, fontname="hebo")
    page.insert_text((72, 140), "Services to safeguard children are good.", fontsize=11, fontname="helv")
    texts = [b.text for b in read_pdf(doc.tobytes(), "report.pdf").blocks]
    assert "The experiences and progress of children who need help and protection Good" in texts


def test_a_space_printed_as_its_own_span_separates_the_words_it_sits_between():
    """"2.3", " ", "Over time ...": the next word starts inside the printed space, but the space is there."""
    doc = pymupdf.open()
    page = doc.new_page()
    writer = pymupdf.TextWriter(page.rect)
    writer.append((72, 100), "2.3", font=pymupdf.Font("hebo"), fontsize=12)
    writer.append((87.6, 100), " ", font=pymupdf.Font("tiro"), fontsize=12)
    writer.append((88.9, 100), "Over time all strategic authorities will move to a mayoral model.",
                  font=pymupdf.Font("helv"), fontsize=12)
    writer.write_text(page)
    texts = [b.text for b in read_pdf(doc.tobytes(), "paper.pdf").blocks]
    assert texts and texts[0].startswith("2.3 Over time")


def test_a_bold_heading_that_ends_mid_phrase_carries_on_in_the_bold_line_under_it():
    """"Question by Antony Hook to Rob Thomas," / "Cabinet Member for Environment": one heading, not two."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((177, 150), "Question by Antony Hook to Rob Thomas,", fontsize=12, fontname="hebo")
    page.insert_text((203, 164), "Cabinet Member for Environment", fontsize=12, fontname="hebo")
    page.insert_text((72, 220), "Is the Cabinet Member aware of the pressure on our chalk streams?", fontsize=12,
                     fontname="helv")
    texts = [b.text for b in read_pdf(doc.tobytes(), "questions.pdf").blocks]
    assert texts[0] == "Question by Antony Hook to Rob Thomas, Cabinet Member for Environment"


def test_a_list_items_line_cut_after_a_preposition_joins_its_hanging_indented_next_line():
    """Minutes set "b. There have been ... ring fenced for" with its next line indented under the text, not the letter:
    PyMuPDF makes the lines two blocks, and the next starts with a capital ("UASC arrivals, however, ...")."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "b. There have been a number of foster beds that are ring fenced for", fontsize=11)
    page.insert_text((90, 114), "UASC arrivals, however, fewer beds would be needed from June.", fontsize=11)
    page.insert_text((72, 150), "c. The panel asked how these were funded and", fontsize=11)
    page.insert_text((72, 190), "Item 9: Adoption", fontsize=11, fontname="hebo")
    texts = [b.text for b in read_pdf(doc.tobytes(), "minutes.pdf", tables=False).blocks]
    assert "b. There have been a number of foster beds that are ring fenced for UASC arrivals, however, fewer beds would " \
           "be needed from June." in texts
    assert "Item 9: Adoption" in texts  # a bold heading starts something new, whatever the line before left open


def test_a_line_left_open_is_carried_on_by_a_capitalised_word_but_not_by_a_list_marker():
    assert dangles("particularly those in Kent and", "Medway, were often caused lengthy timeframes")
    assert dangles("the pre-proceedings stage of the", "PLO, to drive progress")
    assert dangles("the decision was inconsistent with the Council’s", "Policy Framework in relation to Best Value")
    assert not dangles("the panel noted the following and", "B. Members asked about the budget")
    assert not dangles("The panel noted the report.", "Members asked about the budget")
    assert not dangles("Decision No: n/a", "Subject: Quarterly Performance Report")
    assert not dangles("the number of fostering", "Households")  # "fostering" ends a phrase: not left open
    assert dangles("The Council is following the reporting requirements of the", "2021 Prudential Code.")
    assert not dangles("The Council is following the reporting requirements.", "2021 Prudential Code.")
    assert not dangles("the panel noted the following and", "12 Members asked about the budget")


def test_a_line_opening_on_a_year_carries_on_the_sentence_the_line_above_left_open():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "1.10 In assessing affordability, the Council is following the requirements of the",
                     fontsize=11)
    page.insert_text((107, 114), "2021 Prudential Code. The fiscal indicators are considered.", fontsize=11)
    texts = [b.text for b in read_pdf(doc.tobytes(), "strategy.pdf", tables=False).blocks]
    assert "1.10 In assessing affordability, the Council is following the requirements of the 2021 Prudential Code. " \
           "The fiscal indicators are considered." in texts


def test_the_kent_minutes_list_items_are_whole_sentences():
    path = need_shared() / "corpus" / "kent" / "CPP Minutes 29.10.24.pdf"
    texts = [b.text for b in read_pdf(path.read_bytes(), path.name).blocks]
    assert any(t.startswith("b. Sarah Hammond noted that court delays, particularly those in Kent and Medway, were often "
                            "caused lengthy timeframes") for t in texts)
    assert not any(t.endswith("ring fenced for") for t in texts)



def test_a_bullet_set_smaller_than_its_item_does_not_part_the_item_from_its_next_line():
    """Kent's performance report sets its bullets in 10 points and the items in 12, on one baseline."""
    path = need_shared() / "corpus" / "kent" / "QPR Q3 Cabinet appendix 1.pdf"
    items = [b.text for b in read_pdf(path.read_bytes(), path.name).blocks if b.kind.value == "list_item"]
    assert "Providing advice on the DfE exclusion guidance and processes as well as behaviour policies." in items
    assert "Delivering training to governors and senior leaders on responsibilities in relation to exclusions set out " \
           "in the DfE guidance." in items


def test_word_s_second_level_o_bullets_are_items_of_their_own():
    """Kent's consultation report sets its sub-bullets as a Courier "o": a line starting "o Reiterated ..." carries on
    no item above it, and its "(36%)", set on the next line, ends it."""
    path = need_shared() / "corpus" / "kent" / "Appendix 6 - Commissioned Family Hub Contracts Consultation Report.pdf"
    items = [b.text for b in read_pdf(path.read_bytes(), path.name).blocks if b.kind.value == "list_item"]
    assert "Reiterated points / reasons consultees believe the Millmead Family Hub should not close (36%)" in items
    assert "Requests for considerations for those who cannot use or pay for transport (20%)" in items
    assert not any(" o Millmead" in t or t.startswith("o ") for t in items)
