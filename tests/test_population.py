"""A question that names children in care or care leavers prefers statements about them: by their own words, or by
the section or paper they sit in."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutineer.pipeline import ingest
from scrutineer.population import (
    _in_care,
    adults_only,
    adults_query,
    in_care_query,
    outside_asked,
    outside_care,
    subject_terms,
)
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

COUNTY_FINANCE = """Finance Monitoring Report

3 Revenue Budget Forecast

3a Growth, Environment & Transport

Part of the projected overspend is due to the delayed review of household waste sites (+£0.5m).

3b Children, Young People & Education

The forecast reflects the continual increase in the costs across all external placements.

Legal costs related to the capital programme are forecast to remain at a higher level.

3c Schools' Delegated Budgets

The Schools' Budget reserves are forecast to end the year with a surplus of £57.7m.

3d Directorates

Overspends are being reported in Adult Social Care & Health (+£35.4m) and Growth, Environment & Transport (+£6.3m).
Underspends are reported in Children, Young People & Education (-£9.9m).
"""


def test_in_care_words_in_the_question() -> None:
    assert in_care_query("how well children in care do at school and their exam results")
    assert in_care_query("care leavers who become homeless") and in_care_query("CLA dental checks")
    assert not in_care_query("school attendance across the county")
    assert in_care_query("GCSE results for pupils in care") and in_care_query("young people from care at university")
    assert not in_care_query("staffing in care homes for older people")
    assert not in_care_query("how many children are in care proceedings")


def _outside_care(tmp_path: Path, papers: dict[str, str], where: str) -> set[str]:
    """The sources of the statements matching `where` that `outside_care` leaves outside children in care's world."""
    for name, text in papers.items():
        (tmp_path / name).write_text(text)
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / name for name in papers], records, workers=1)
        rows = dict(records.db.execute("SELECT s.id, d.source FROM statements s JOIN documents d "
                                       f"ON d.id = s.document_id WHERE {where}"))
        return {rows[i] for i in outside_care(records, list(rows))}


def test_a_statement_outside_the_population_is_known_by_its_paper_and_section(tmp_path: Path) -> None:
    outside = _outside_care(tmp_path, {"highways.txt": HIGHWAYS, "panel.txt": VIRTUAL_SCHOOL},
                            "s.text LIKE '%school%' OR s.text LIKE '%stage 4%'")
    assert outside == {"highways.txt"}  # the panel's pupils are its children in care


PLAN = """Adoption of the Minerals and Waste Local Plan

Education provision

The Council adopted the plan, which sets out the school places needed where new homes are built.
"""
ADOPTION = """Adoption Panel report

Timeliness

Children adopted this year waited 400 days on average for a school place near their new family.
"""


def test_a_council_adopting_a_plan_is_not_a_childs_adoption(tmp_path: Path) -> None:
    """A county's papers adopt plans, strategies and measures: that puts no statement in children in care's world."""
    outside = _outside_care(tmp_path, {"plan.txt": PLAN, "adoption.txt": ADOPTION}, "s.text LIKE '%school%'")
    assert outside == {"plan.txt"}


@pytest.mark.parametrize("text", [
    "the adoption of a child", "adoption of two children", "Adoption Counts, the regional adoption agency",
    "12 children were adopted", "children who were subsequently adopted", "adopted siblings", "he was adopted",
    "families who hope to adopt them", "people wishing to adopt", "interested in adopting a child",
    "Adopt London North", "timeliness of adoption", "approved adopters",
])
def test_a_childs_adoption_is_children_in_cares_world(text: str) -> None:
    assert _in_care(text)


@pytest.mark.parametrize("text", [
    "The Council has adopted a voluntary measure of its exposure to credit risk.",
    "APPENDIX B - ADOPTION of KMWLP 2024-39", "Adoption of the Children and Young People's Plan",
    "adoption of the Child Poverty Strategy", "The service has adopted Child First principles.",
    "Cabinet is asked to adopt the strategy.", "Recommendation: Adopt Revised Scheme",
])
def test_a_council_adopting_its_business_is_not(text: str) -> None:
    assert not _in_care(text)


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
    assert _adults_alone("Cabinet adopted the Adult Social Care charging policy.")  # a council's adopting, no child
    # "the person and their families" are an adult's, not a child's
    assert _adults_alone("Self-directed support in adult social care shifts control to the person and their families.")
    assert not _adults_alone("Adult social care and family hubs share the building.")
    assert not _adults_alone("Adopters and older people's services share the building.")
    assert adults_query("CQC ratings of care homes")
    assert not adults_query("children going missing from care homes")  # a question about children


def test_a_question_about_childrens_social_care_prefers_that_service_s_lines(tmp_path: Path) -> None:
    """A county reports the children's directorate beside waste, schools and adults' services: for a question about
    children's social care the other directorates' lines rank lower, unless the next sentence gives the children's."""
    (tmp_path / "finance.txt").write_text(COUNTY_FINANCE)
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / "finance.txt"], records, workers=1)
        texts = dict(records.db.execute("SELECT id, text FROM statements WHERE text LIKE '% %.'"))
        outside = {texts[i][:20] for i in outside_asked(records, "forecast overspend in children's social care", list(texts))}
        services = {texts[i][:20] for i in outside_asked(records, "children's services budget going over", list(texts))}
        in_care = outside_asked(records, "overspend on placements for looked after children", list(texts))
        neither = outside_asked(records, "forecast overspend", list(texts))
    assert outside == {"Part of the projecte", "The Schools' Budget "}  # the CYPE section's lines stay, legal costs too
    assert services == {"Part of the projecte"}  # a county's children's services include its schools
    assert {texts[i][:20] for i in in_care} >= outside
    assert neither == set()


@pytest.mark.parametrize("text", ["Looked After Children (LAC) reviews", "The Virtual School Head", "UASC arrivals",
                                  "CLA numbers", "Care Leavers' Covenant", "Corporate Parenting Panel", "Adopt London",
                                  "ADULT SOCIAL CARE & HEALTH overspend", "Older People (65+)", "CYPE budget",
                                  "Children's Social Care", "SEND transport", "Highways and Transport", "FOSTERING"])
def test_the_folded_patterns_match_as_the_case_blind_ones(text: str) -> None:
    """Searching lowercased text with the patterns lowercased (faster) finds what re.I over the text found."""
    import scrutineer.population as population

    for blind, folded in ((population._IN_CARE, population._IN_CARE_FOLDED),
                          (population._ADULTS, population._ADULTS_FOLDED),
                          (population._CHILDREN, population._CHILDREN_FOLDED),
                          (population._SOCIAL_CARE_WORLD, population._SOCIAL_CARE_WORLD_FOLDED)):
        assert (blind.search(text) is None) == (folded.search(text.lower()) is None), (blind.pattern[:40], text)
