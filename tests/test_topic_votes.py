"""Which of the topics a question names vote: finance or the workforce beside another topic says what is asked of it."""

from __future__ import annotations

import pytest

from nlp.question_topics import question_topics
from scrutineer.search import _voting


@pytest.mark.parametrize(("question", "voting"), [
    ("recruiting and keeping social workers and the cost of agency staff", ["workforce"]),
    ("spending on agency social workers and staff leaving", ["workforce"]),
    ("forecast overspend in children's social care", ["finance"]),  # finance alone is the subject
    ("IRO caseloads and reviews held on time", ["care_plan_reviews"]),
    # the care population beside another topic is whom it is asked of, unless the question counts them
    ("initial health assessments for children entering care", ["health"]),
    ("average time from a child entering care to being placed for adoption", ["adoption_permanence"]),
    ("demand pressures from more children needing to be looked after", ["placement_costs", "care_population"]),
    ("the rising number of children coming into care", ["care_population"]),
    ("reduction in children entering care since family hubs opened", ["family_hubs", "care_population"]),
    ("how many children does the council look after", ["care_population"]),
    ("foster carer recruitment and retention", ["foster_recruitment"]),
    ("vacancies and reliance on locum social workers", ["workforce"]),  # the workforce alone is the subject
    # leaving care's work beside another topic is whose it is (session 50)
    ("% of care leavers aged 19-21 in EET and in touch with their PA", ["neet"]),
    ("pathway plans for care leavers", ["leaving_care"]),
])
def test_a_facet_beside_another_topic_does_not_vote(question: str, voting: list[str]) -> None:
    named = [t.value for t in question_topics(question)]
    assert set(voting) <= set(named)
    assert _voting(named, question) == voting


def test_a_part_of_finance_still_votes() -> None:
    """What placements cost is its own topic (a part of finance), not a facet of another."""
    named = [t.value for t in question_topics("why is the council overspending on placements")]
    assert _voting(named, "why is the council overspending on placements") == named
    assert "placement_costs" in named


def test_finance_asked_as_placement_costs_and_the_rest_of_the_budget_votes() -> None:
    question = "the cost of residential placements and council tax"
    named = [t.value for t in question_topics(question)]
    assert named == ["residential_care", "finance"]  # placement costs and the rest: the whole
    assert _voting(named, question) == named
