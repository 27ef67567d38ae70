"""A committee of the KB named in a query, where the words speak of its papers, becomes a filter."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrutineer.committee_words import kb_committees, read_with_committee
from scrutineer.pipeline import ingest
from scrutineer.query_filters import FilterKind, apply_filters
from scrutineer.search import reading
from store.records import Records
from store.statement_rows import SearchFilters, vector_scope

COMMITTEES = ["Cared For Children and Care Leavers Committee", "Corporate Parenting Committee", "Corporate Parenting Panel",
              "County Council", "Cabinet"]


def _read(query: str) -> tuple[str, list[str]]:
    read = read_with_committee(query, COMMITTEES)
    return read.text, [f.value for f in read.filters if f.kind == FilterKind.COMMITTEE]


@pytest.mark.parametrize(("query", "text", "committee"), [
    ("kent corporate parenting panel minutes feb 2025 children missing from care", "children missing from care",
     "Corporate Parenting Panel"),
    ("what did the Corporate Parenting Committee discuss about care leavers", "care leavers",
     "Corporate Parenting Committee"),
    ("reports to the cared for children and care leavers committee on health", "health",
     "Cared For Children and Care Leavers Committee"),
    ("corporate parenting committee's minutes on staying put", "staying put", "Corporate Parenting Committee"),
    ("Corporate Parenting Committee minutes 2024", "Corporate Parenting Committee minutes 2024",
     "Corporate Parenting Committee"),  # nothing left to search: the words as typed, within the committee's minutes
    ("the latest minutes of the Corporate Parenting Committee on care leavers", "care leavers",
     "Corporate Parenting Committee"),
    ("care leavers' housing discussed at the corporate parenting panel", "care leavers' housing discussed",
     "Corporate Parenting Panel"),
])
def test_a_committee_whose_papers_are_asked_for(query: str, text: str, committee: str) -> None:
    assert _read(query) == (text, [committee])


@pytest.mark.parametrize("query", ["the role of the corporate parenting panel",  # a subject: no word of its papers
                                   "cabinet minutes on family hubs",  # one word: "Cabinet member", "cabinet"
                                   "county council minutes on devolution",  # any council's whole meeting
                                   "what did Ofsted say about the corporate parenting panel",  # Ofsted's words
                                   "reports of the effectiveness of corporate parenting committees"])
def test_no_committee_read(query: str) -> None:
    assert _read(query)[1] == []


MINUTES = """Kent County Council

Minutes of the Corporate Parenting Panel held on 29 October 2024

1. Missing from care
The panel heard that return home interviews were offered to every child who went missing from care.
"""
REPORT = """Kent County Council

Report to Cabinet - 30 January 2025

Children missing from care
The number of children who went missing from care rose in the quarter.
"""


def test_the_kbs_committees_filter_a_search(tmp_path: Path) -> None:
    for name, text in {"minutes.txt": MINUTES, "report.txt": REPORT}.items():
        (tmp_path / name).write_text(text)
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / "minutes.txt", tmp_path / "report.txt"], records, workers=1)
        assert set(kb_committees(records)) == {"Corporate Parenting Panel", "Cabinet"}
        read = reading(records, "what did the corporate parenting panel say about children missing from care",
                       SearchFilters())
        assert read.text == "children missing from care"
        assert apply_filters(read, SearchFilters()).committee == "Corporate Parenting Panel"
        assert "committee Corporate Parenting Panel" in read.describe()
        # an explicit --committee wins, and --literal reads no filter
        assert not any(f.kind == FilterKind.COMMITTEE for f in reading(
            records, "corporate parenting panel minutes", SearchFilters(committee="Cabinet")).filters)
        assert reading(records, "corporate parenting panel minutes", SearchFilters(), literal=True).filters == []
        # the newest of the panel's papers is searched by vectors too, though Cabinet's report is newer
        scope = set(vector_scope(records, SearchFilters(committee="Corporate Parenting Panel", latest=True)) or ())
        sources = {r[0] for r in records.db.execute(
            f"SELECT d.source FROM statements s JOIN documents d ON d.id = s.document_id WHERE s.id IN "
            f"({', '.join(scope) or '0'})")}
        assert sources == {"minutes.txt"}


def test_ofsted_in_the_committees_papers_is_searched_not_read_as_ofsteds_papers() -> None:
    for query in ("what did the corporate parenting panel discuss about the Ofsted inspection",
                  "minutes of the Corporate Parenting Panel on the Ofsted inspection"):
        read = read_with_committee(query, COMMITTEES)
        assert read.text == "Ofsted inspection"
        assert not any(f.kind == FilterKind.AUTHOR for f in read.filters)
        assert [f.value for f in read.filters if f.kind == FilterKind.COMMITTEE] == ["Corporate Parenting Panel"]


def test_names_as_typed_and_names_that_are_councils() -> None:
    curly = read_with_committee("children’s services scrutiny committee minutes on care leavers",
                                ["Children's Services Scrutiny Committee", "Scrutiny Committee"])
    assert [f.value for f in curly.filters if f.kind == FilterKind.COMMITTEE] == ["Children's Services Scrutiny Committee"]
    council = read_with_committee("Kent County Council minutes on care leavers", ["Kent County Council"])
    assert {f.kind for f in council.filters} == {FilterKind.AUTHORITY, FilterKind.DOC_TYPE}  # the authority's
    bare = read_with_committee("corporate parenting committee reports", COMMITTEES)
    assert bare.text == "corporate parenting committee reports"  # nothing else to search: the words as typed
