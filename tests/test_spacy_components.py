"""The public spaCy pipeline: entities and metrics of any sentence, from registered rule components."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from nlp.models import DocumentContext
from nlp.pipeline import METRIC_COMPONENTS, scrutineer_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return scrutineer_pipeline()


def _metrics(doc) -> list[tuple]:
    return [(s.text, s._.value, s._.unit, s._.indicator, s._.basis, s._.period) for s in doc.spans["metrics"]]


def test_components_are_registered_and_declare_what_they_assign(nlp: Language):
    assert nlp.pipe_names[-len(METRIC_COMPONENTS):] == list(METRIC_COMPONENTS)
    assert "scrutineer_periods" in nlp.pipe_names and "entity_ruler" in nlp.pipe_names
    values = nlp.get_pipe_meta("scrutineer_values")
    assert values.requires == ["doc.ents"] and {"span._.value", "span._.unit"} <= set(values.assigns)
    metrics = nlp.get_pipe_meta("scrutineer_metrics")
    assert {"span._.indicator", "span._.basis", "span._.period"} <= set(metrics.assigns)
    assert nlp.analyze_pipes()["problems"] == {name: [] for name in nlp.pipe_names}


def test_a_sentence_gives_entities_and_metrics(nlp: Language):
    doc = nlp("Of 212 care leavers aged 19-21, 45% were NEET in Q2 2024/25 (England 38%)")
    assert [(e.text, e.label_) for e in doc.ents] == [("Q2 2024/25", "PERIOD")]
    assert _metrics(doc) == [
        ("212", 212, "count", "care_leavers_19_21_count", "actual", ""),
        ("45%", 45, "percent", "care_leavers_19_21_neet_percent", "actual", "Q2 2024/25"),
        ("38%", 38, "percent", "care_leavers_19_21_neet_percent", "national", "Q2 2024/25"),
    ]
    neet = doc.spans["metrics"][1]
    assert (neet._.period_start, neet._.period_end) == (date(2024, 7, 1), date(2024, 9, 30))
    assert neet._.metric.quote.startswith("Of 212 care leavers")


def test_values_and_units_by_token_patterns(nlp: Language):
    doc = nlp("Spend was £1.5bn against £100m; the rate was 66 per 10,000 and 45.5 per cent waited 170 days, "
              "aged 16 to 17 in Section 20 during 2024.")
    assert [(s.text, s._.value, s._.unit) for s in doc.spans["values"]] == [
        ("£1.5bn", 1.5e9, "gbp"), ("£100m", 1e8, "gbp"), ("66 per 10,000", 66, "rate_per_10000"),
        ("45.5 per cent", 45.5, "percent"), ("170 days", 170, "days")]


def test_periods_by_token_patterns_resolved_against_the_reporting_year(nlp: Language):
    doc = nlp.make_doc("In Q1 the figure was 40%, against 38% in 2023-24 and 35% at 31.03.2023.")
    doc._.context = DocumentContext(period_end=date(2024, 9, 30))
    doc = nlp(doc)
    periods = [(s.text, s.label_, s._.period_start, s._.period_end) for s in doc.spans["periods"]]
    assert periods == [
        ("Q1", "quarter", date(2024, 4, 1), date(2024, 6, 30)),
        ("2023-24", "financial_year", date(2023, 4, 1), date(2024, 3, 31)),
        ("31.03.2023", "date", date(2023, 3, 31), date(2023, 3, 31)),
    ]


def test_basis_cues_and_sentences_in_one_text(nlp: Language):
    doc = nlp("Our target is 90% of children seen within timescale. Statistical neighbours average 85%.")
    assert [(s.text, s.label_) for s in doc.spans["cues"]] == [("target", "target"), ("Statistical neighbours",
                                                                                      "statistical_neighbours")]
    assert len(list(doc.sents)) == 2
    assert {(s._.value, s._.basis) for s in doc.spans["metrics"]} == {(90, "target"), (85, "statistical_neighbours")}


def test_numbers_that_are_not_values(nlp: Language):
    doc = nlp("24. In the last 12 months, homeless 16- and 17-year-olds aged 16 to 17 within 20 miles rang 0300 123 1231 "
              "on 30 October, and over 1,000 referrals were made.")
    assert [(s.text, s._.value, s._.unit) for s in doc.spans["values"]] == [("1,000", 1000, "count")]
