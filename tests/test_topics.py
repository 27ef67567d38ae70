"""Topic rules match whole words where they say `\\b`, after the rewrite that makes them fast (nlp/topics.py)."""

from __future__ import annotations

import pytest

from nlp.topics import Topic, topics_of


@pytest.mark.parametrize(("text", "topic", "expected"), [
    ("Care leavers who are NEET rose to 38%.", Topic.NEET, True),
    ("Care leavers in EET: 62%.", Topic.NEET, True),
    ("We will meet the target; the sweet spot is close.", Topic.NEET, False),
    ("Cases in PLO rose.", Topic.COURT, True),
    ("We will explore options.", Topic.COURT, False),
    ("Children accommodated under s.20 and s20.", Topic.COURT, True),
    ("The bus route rs20 was cut.", Topic.COURT, False),
    ("Placement costs rose.", Topic.FINANCE, True),
    ("He accosts no one.", Topic.FINANCE, False),
    ("Five young people stayed in hotels.", Topic.ACCOMMODATION, True),
    ("Photels is a brand.", Topic.ACCOMMODATION, False),
    ("We recruited 12 new carers to foster.", Topic.FOSTERING, True),
    ("SDQ scores improved.", Topic.HEALTH, True),
    ("The SDQs were late.", Topic.HEALTH, True),
    ("An RSDQ form.", Topic.HEALTH, False),
])
def test_a_rule_word_matches_only_as_a_word(text: str, topic: Topic, expected: bool) -> None:
    assert (topic in topics_of(text)) is expected
