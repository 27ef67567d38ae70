"""Entity rules on sentences written for these tests, in the language of committee papers."""

from __future__ import annotations

from datetime import date

import pytest

from nlp.entities import build_entity_pipeline, entities_of
from nlp.models import DocumentContext

CTX = DocumentContext(authority="Northmoor Borough Council", period_start=date(2024, 7, 1), period_end=date(2024, 9, 30),
                      period_label="Q2 2024/25")


@pytest.fixture(scope="module")
def nlp():
    return build_entity_pipeline()


def found(nlp, text: str, ctx: DocumentContext = CTX) -> set[tuple[str, str]]:
    return {(e.label.value, e.norm) for e in entities_of(nlp, [(0, 1, text)], ctx)}


def test_components_declare_what_they_read_and_write(nlp):
    assert nlp.pipe_names == ["entity_ruler", "any_case_ruler", "scrutineer_council", "scrutineer_people",
                              "scrutineer_periods"]
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}


def test_councils_and_the_council(nlp):
    got = found(nlp, "The Council wrote to Kent County Council and to Shropshire about the transfer.")
    assert {("AUTHORITY", "Northmoor Borough Council"), ("AUTHORITY", "Kent County Council"),
            ("AUTHORITY", "Shropshire Council")} <= got
    assert not any(label == "AUTHORITY" for label, _ in found(nlp, "The council agreed.", DocumentContext()))


def test_organisations_with_their_canonical_names(nlp):
    got = found(nlp, "Ofsted, the DfE and the Home Office met CAMHS, Adoption Counts, the YMCA and ReConnect; "
                     "Northmoor and Wexcombe ICB funds NHS Northmoor Community NHS Foundation Trust.")
    assert {("ORG", "Ofsted"), ("ORG", "Department for Education"), ("ORG", "Home Office"), ("ORG", "CAMHS"),
            ("ORG", "Adoption Counts"), ("ORG", "YMCA"), ("ORG", "ReConnect"), ("ORG", "Northmoor and Wexcombe ICB"),
            ("ORG", "NHS Northmoor Community NHS Foundation Trust")} <= got


def test_programmes_and_legal_terms(nlp):
    got = found(nlp, "Staying Close and Staying Put sit beside Mockingbird; children accommodated under s20 or "
                     "Section 31 of the Children Act 1989, on a care order or an SGO, join the National Transfer Scheme.")
    assert {("PROGRAMME", "Staying Close"), ("PROGRAMME", "Staying Put"), ("PROGRAMME", "Mockingbird"),
            ("PROGRAMME", "National Transfer Scheme"), ("LEGAL", "Section 20"), ("LEGAL", "Section 31"),
            ("LEGAL", "Children Act 1989"), ("LEGAL", "Care Order"), ("LEGAL", "Special Guardianship Order")} <= got


def test_people_from_attendance_lists_and_report_headers(nlp):
    got = found(nlp, "Present: Councillor A Patel (Chair), Cllr. Joan Whitby and Mrs Okafor.")
    assert {("PERSON", "A Patel"), ("PERSON", "Joan Whitby"), ("PERSON", "Okafor"), ("ROLE", "Chair")} <= got
    got = found(nlp, "Report author: Priya Shah, Head of Service: Children in Care")
    assert {("PERSON", "Priya Shah"), ("ROLE", "Head of Service")} <= got
    assert not any(label == "PERSON" for label, _ in found(nlp, "Foster Carers Were Thanked By The Panel."))


def test_periods_and_dates_resolve_against_the_document(nlp):
    got = found(nlp, "In Q1 the rate rose; by 2023/24 and as at 31.03.24 it had fallen.")
    assert {("PERIOD", "2024-04-01/2024-06-30"), ("PERIOD", "2023-04-01/2024-03-31"), ("DATE", "2024-03-31")} <= got
