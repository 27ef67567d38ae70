"""A question that names children in care or care leavers prefers statements about them: by their own words, or by
the section or paper they sit in."""

from __future__ import annotations

from pathlib import Path

from scrutineer.pipeline import ingest
from scrutineer.population import adults_only, adults_query, in_care_query, outside_care, subject_terms
from store.records import Records

HIGHWAYS = """Highways and Transport Report

School Streets

The School Streets programme, with temporary restrictions on motorised traffic at school gates, expands to two more
schools this term.
"""
VIRTUAL_SCHOOL = """Corporate Parenting Panel report

Virtual School

The head teacher reported that attainment at key stage 4 rose this year and fewer pupils were excluded.
"""

FINANCE = """Revenue Budget Monitoring Report

Directorate positions

Adult Social Care & Health has a projected overspend of £35.4m, mainly in nursing and residential care for older people.

Overspends are reported in Adult Social Care & Health (+£35.4m) and Growth, Environment & Transport (+£6.3m). Underspends
are reported in Children, Young People & Education (-£9.9m).

The Children's Services directorate reports rising costs of external placements.
"""


def test_in_care_words_in_the_question() -> None:
    assert in_care_query("how well children in care do at school and their exam results")
    assert in_care_query("care leavers who become homeless") and in_care_query("CLA dental checks")
    assert not in_care_query("school attendance across the county")
    assert in_care_query("GCSE results for pupils in care") and in_care_query("young people from care at university")
    assert not in_care_query("staffing in care homes for older people")
    assert not in_care_query("how many children are in care proceedings")


def test_a_statement_outside_the_population_is_known_by_its_paper_and_section(tmp_path: Path) -> None:
    (tmp_path / "highways.txt").write_text(HIGHWAYS)
    (tmp_path / "panel.txt").write_text(VIRTUAL_SCHOOL)
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / "highways.txt", tmp_path / "panel.txt"], records, workers=1)
        rows = dict(records.db.execute("SELECT s.id, d.source FROM statements s JOIN documents d "
                                       "ON d.id = s.document_id WHERE s.text LIKE '%school%' OR s.text LIKE '%stage 4%'"))
        outside = outside_care(records, list(rows))
    assert {rows[i] for i in outside} == {"highways.txt"}  # the panel's pupils are its children in care


def test_adults_services_alone_are_known_by_their_own_words_and_their_neighbours(tmp_path: Path) -> None:
    """A county's finance report sets adult social care beside children's services; a question about children wants
    the second, and the sentence that leads into it."""
    (tmp_path / "finance.txt").write_text(FINANCE)
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / "finance.txt"], records, workers=1)
        texts = dict(records.db.execute("SELECT id, text FROM statements"))
        alone = {texts[i][:30] for i in adults_only(records, texts)}
    assert alone == {"Adult Social Care & Health has"}
    assert not adults_query("why is the children's social care budget overspent on placements")
    assert adults_query("adult social care overspend") and adults_query("support for adults with learning disabilities")


def test_a_topic_question_searches_its_subject_not_the_population_words() -> None:
    """"Looked after children" is in every line of a paper about them; the words of the subject find the lines."""
    terms = subject_terms("placement instability for looked after children")
    assert {"placement", "instability"} <= set(terms)
    assert not {"looked", "after", "children", "lac", "cared"} & set(terms)
    assert {"looked", "after"} <= set(subject_terms("looked after children"))  # nothing else: the words stay


def test_care_homes_and_their_regulator_are_adults_services_unless_a_child_is_named() -> None:
    from scrutineer.population import _adults_alone

    assert _adults_alone("Ongoing monitoring of care homes with identified concerns is in place to improve the CQC rating.")
    assert _adults_alone("76% of people supported in residential or nursing care were in a setting rated Good by CQC.")
    assert not _adults_alone("The CQC reviewed health services for children looked after and care leavers.")
    assert not _adults_alone("Children's homes are inspected by Ofsted.")
    assert adults_query("CQC ratings of care homes")
    assert not adults_query("children going missing from care homes")  # a question about children
