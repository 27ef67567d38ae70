"""Filters read from a query's words: authority, years, kind of paper; a query naming none is left as typed."""

from __future__ import annotations

import pytest

from scrutineer.query_filters import FilterKind, ReadQuery, apply_filters, read_query
from store.statement_rows import SearchFilters


def _got(q: str) -> tuple[str, dict[FilterKind, list[str]]]:
    read = read_query(q)
    return read.text, {k: [f.value for f in read.filters if f.kind == k] for k in FilterKind if
                       any(f.kind == k for f in read.filters)}


def test_authority_and_years_leave_the_topic() -> None:
    text, got = _got("care leavers NEET in Kent since 2023")
    assert text == "care leavers NEET"
    assert got == {FilterKind.AUTHORITY: ["Kent County Council"], FilterKind.FROM_YEAR: ["2023"]}


@pytest.mark.parametrize(("query", "first", "last"), [
    ("placement stability in 2024/25", "2024", "2025"),
    ("agency staff between 2022 and 2024", "2022", "2024"),
    ("Cheshire East placement stability 2024", "2024", "2024"),
    ("adoption timeliness 2021-2023", "2021", "2023"),
])
def test_years_and_ranges(query: str, first: str, last: str) -> None:
    _, got = _got(query)
    assert got[FilterKind.FROM_YEAR] == [first] and got[FilterKind.TO_YEAR] == [last]


def test_before_and_onwards() -> None:
    assert _got("foster carer recruitment before 2023") == ("foster carer recruitment", {FilterKind.TO_YEAR: ["2022"]})
    assert _got("staying put 2023 onwards") == ("staying put", {FilterKind.FROM_YEAR: ["2023"]})


def test_what_ofsted_said() -> None:
    text, got = _got("what did Ofsted say about health assessments for children in care")
    assert text == "health assessments for children in care"
    assert got == {FilterKind.DOC_TYPE: ["inspection_report", "letter"], FilterKind.AUTHOR: ["Ofsted"]}


def test_several_authorities_and_aliases() -> None:
    assert _got("Kent and Medway UASC")[0] == "UASC"
    assert _got("Kent and Medway UASC")[1][FilterKind.AUTHORITY] == ["Kent County Council", "Medway Council"]
    assert _got("CEC placement stability")[1][FilterKind.AUTHORITY] == ["Cheshire East Council"]
    assert _got("kent county council minutes on fostering") == (
        "fostering", {FilterKind.DOC_TYPE: ["minutes"], FilterKind.AUTHORITY: ["Kent County Council"]})


@pytest.mark.parametrize(("query", "authority"), [
    ("Brighton care leavers", "Brighton and Hove City Council"),
    ("Kensington care leavers", "Royal Borough of Kensington and Chelsea"),
    ("Bournemouth care leavers", "Bournemouth, Christchurch and Poole Council"),
    ("Poole care leavers", "Bournemouth, Christchurch and Poole Council"),
    ("Hove care leavers", "Brighton and Hove City Council"),
    ("care leavers in Chelsea", "Royal Borough of Kensington and Chelsea"),
    ("Royal Borough of Kingston care leavers", "Royal Borough of Kingston upon Thames"),
    ("the London Borough of Sutton care leavers", "London Borough of Sutton"),
    ("Reading care leavers", "Reading Borough Council"),
    ("Reading Borough Council care leavers", "Reading Borough Council"),
    ("Bury care leavers", "Bury Metropolitan Borough Council"),
])
def test_a_council_called_by_one_of_its_places_or_its_style(query: str, authority: str) -> None:
    """Nobody types "Brighton and Hove" in a search box; "Royal Borough of" is not a topic to search."""
    assert _got(query) == ("care leavers", {FilterKind.AUTHORITY: [authority]})


@pytest.mark.parametrize(("query", "authority"), [
    ("Herts care leavers", "Hertfordshire County Council"),
    ("notts care leavers", "Nottinghamshire County Council"),
    ("N Yorks care leavers", "North Yorkshire Council"),
    ("care leavers in W Sussex", "West Sussex County Council"),
    ("Lancs CC care leavers", "Lancashire County Council"),
    ("Bucks care leavers", "Buckinghamshire Council"),
])
def test_a_county_by_its_short_form(query: str, authority: str) -> None:
    assert _got(query) == ("care leavers", {FilterKind.AUTHORITY: [authority]})


@pytest.mark.parametrize(("query", "authority"), [
    ("N Lincs care leavers", "North Lincolnshire Council"),  # not Lincolnshire's: another council
    ("care leavers in NE Lincs", "North East Lincolnshire Council"),
    ("South Glos care leavers", "South Gloucestershire Council"),
    ("care leavers in Central Beds", "Central Bedfordshire Council"),  # "Beds" alone is several councils
    ("West Berks care leavers", "West Berkshire Council"),
    ("N Somerset care leavers", "North Somerset Council"),
    ("care leavers in North Kent", "Kent County Council"),  # a part of Kent, no council of its own
])
def test_a_council_named_by_a_compass_word_and_a_county(query: str, authority: str) -> None:
    assert _got(query)[1] == {FilterKind.AUTHORITY: [authority]}


def test_a_greater_area_is_no_one_council() -> None:
    assert read_query("care leavers in Greater Manchester") == ReadQuery(text="care leavers in Greater Manchester")


@pytest.mark.parametrize("query", ["bucks and staffs for foster carers", "Northants care leavers",
                                   "beds in children's homes"])
def test_a_short_form_that_is_a_word_or_two_councils_is_no_filter(query: str) -> None:
    assert read_query(query) == ReadQuery(text=query)


def test_ofsted_then_a_council_that_is_also_a_word() -> None:
    _, got = _got("Ofsted Reading 2023")
    assert got[FilterKind.AUTHORITY] == ["Reading Borough Council"] and got[FilterKind.FROM_YEAR] == ["2023"]


def test_a_place_names_its_council_only_capitalised() -> None:
    assert _got("poole care leavers") == ("poole care leavers", {})


def test_a_question_naming_only_filters_is_searched_whole() -> None:
    text, got = _got("what did Ofsted say about Kent")
    assert text == "what did Ofsted say about Kent" and got[FilterKind.AUTHORITY] == ["Kent County Council"]


@pytest.mark.parametrize(("query", "text"), [
    ("Ofsted 2024 children's services", "children's services"),
    ("Kent 2024 children in care", "children in care"),
    ("RBKC Ofsted 2024 children looked after", "children looked after"),
    ("kent feb 2024 children missing", "children missing"),
])
def test_a_year_before_the_children_it_is_about_is_a_year(query: str, text: str) -> None:
    got_text, got = _got(query)
    assert got_text == text and got[FilterKind.FROM_YEAR] == ["2024"] and got[FilterKind.TO_YEAR] == ["2024"]


@pytest.mark.parametrize("query", ["Kent had 2010 children in care", "there were 2014 children in care",
                                   "the 2004 Act and care leavers", "up to 2000 children in care",
                                   "at least 2000 children in care", "supported 2045 families", "2015 children in need"])
def test_a_number_of_children_counted_or_an_act_is_no_year(query: str) -> None:
    assert FilterKind.FROM_YEAR not in _got(query)[1]


@pytest.mark.parametrize("query", [
    "children in need", "emergency accommodation for care leavers", "Children Act 1989 section 20",
    "over 2000 children in care", "Reading age of looked after children", "inspections of children's homes",
    "Ofsted registered children's homes", "health assessments within 20 minutes", "care leavers NEET",
    "bath time for foster children", "Chester-le-Street care leavers", "Cleveland Police missing children",
    "Reading and writing at key stage 2 for children in care",
])
def test_queries_naming_no_filter_are_unchanged(query: str) -> None:
    assert read_query(query) == ReadQuery(text=query)


@pytest.mark.parametrize(("query", "words"), [
    ("care leavers in Kent but not Medway", "but not Medway"),
    ("placement stability in Kent excluding Medway", "excluding Medway"),
    ("foster carers in Kent, not Medway", "not Medway"),
    ("care leavers in Kent other than Medway", "other than Medway"),
    ("care leavers in Kent except for Medway", "except for Medway"),
])
def test_a_council_named_after_not_or_excluding_is_left_out(query: str, words: str) -> None:
    read = read_query(query)
    assert read.text in ("care leavers", "placement stability", "foster carers")
    assert [(f.kind, f.value) for f in read.filters] == [(FilterKind.AUTHORITY, "Kent County Council"),
                                                         (FilterKind.NOT_AUTHORITY, "Medway Council")]
    assert read.filters[1].words == words and "not authority Medway Council" in read.describe()
    assert apply_filters(read, SearchFilters()).excluded_authorities == ["Medway Council"]


def test_kent_and_medway_are_both_searched() -> None:
    _, got = _got("Kent and Medway care leavers")
    assert got == {FilterKind.AUTHORITY: ["Kent County Council", "Medway Council"]}


def test_explicit_options_win() -> None:
    read = read_query("NEET in Kent since 2023")
    mine = apply_filters(read, SearchFilters(authorities=["Medway Council"]))
    assert mine.authorities == ["Medway Council"] and mine.year_from == 2023
    assert "authority Kent County Council" in read.describe()


def test_ofsted_after_childrens_homes_names_its_reports_unless_it_is_the_homes_inspections() -> None:
    text, got = _got("children placed in unregistered children's homes Ofsted 2023")
    assert text == "children placed in unregistered children's homes"
    assert got[FilterKind.AUTHOR] == ["Ofsted"] and got[FilterKind.FROM_YEAR] == ["2023"]
    assert read_query("children's homes Ofsted inspections") == ReadQuery(text="children's homes Ofsted inspections")
    assert _got("what did the Ofsted inspectors say about care leavers")[0] == "care leavers"


def test_a_focused_or_monitoring_visit_is_ofsteds_letter() -> None:
    text, got = _got("Ofsted focused visits on care leavers in 2024")
    assert text == "care leavers"
    assert got[FilterKind.DOC_TYPE] == ["letter"] and got[FilterKind.AUTHOR] == ["Ofsted"]
    assert _got("monitoring visit findings on care leavers")[1][FilterKind.DOC_TYPE] == ["letter"]


@pytest.mark.parametrize(("query", "text"), [
    ("the latest inspection of Croydon", "Croydon"),
    ("what did the most recent Ofsted report say about care leavers in Devon", "care leavers"),
    ("care leavers in the current performance scorecard", "care leavers"),
])
def test_the_latest_paper_of_a_kind(query: str, text: str) -> None:
    read = read_query(query)
    assert [f.value for f in read.filters if f.kind == FilterKind.LATEST] == ["per authority"]
    assert read.text == text or text in read.text
    assert "each authority's latest paper" in read.describe()
    assert apply_filters(read, SearchFilters()).latest


@pytest.mark.parametrize("query", ["care leavers in the last 12 months", "latest figures on care leavers NEET",
                                   "what last year's report said about staying put"])
def test_latest_said_of_no_paper_is_no_filter(query: str) -> None:
    assert not any(f.kind == FilterKind.LATEST for f in read_query(query).filters)


def test_a_month_and_year_is_the_year() -> None:
    assert _got("kent corporate parenting panel minutes feb 2025 children missing from care") == (
        "corporate parenting panel children missing from care",
        {FilterKind.AUTHORITY: ["Kent County Council"], FilterKind.FROM_YEAR: ["2025"], FilterKind.TO_YEAR: ["2025"],
         FilterKind.DOC_TYPE: ["minutes"]})


def test_looked_after_is_the_cohort_not_since() -> None:
    text, got = _got("southend children looked after ofsted 2021")
    assert text == "children looked after"
    assert got[FilterKind.FROM_YEAR] == ["2021"] and got[FilterKind.TO_YEAR] == ["2021"]


@pytest.mark.parametrize("query", ["Westminster government funding for staying put carers",
                                   "how many children's homes in Kent are inspected by Ofsted as good or outstanding"])
def test_words_that_name_no_council_or_no_ofsted_paper(query: str) -> None:
    _, got = _got(query)
    assert FilterKind.AUTHOR not in got and "City of Westminster" not in got.get(FilterKind.AUTHORITY, [])


@pytest.mark.parametrize(("query", "first", "last"), [
    ("placements since april 2023", "2023", None),
    ("care leavers after march 2021", "2021", None),  # still 2021
    ("after December 2021 adoption", "2022", None),
    ("before april 2024 placements", None, "2024"),  # 2024's first months
    ("before January 2024 adoption", None, "2023"),
    ("between May 2019 and June 2021 adoption", "2019", "2021"),
])
def test_a_month_before_the_year_in_a_range(query: str, first: str | None, last: str | None) -> None:
    read = read_query(query)
    got = {k: [f.value for f in read.filters if f.kind == k] for k in (FilterKind.FROM_YEAR, FilterKind.TO_YEAR)}
    assert got == {FilterKind.FROM_YEAR: [first] if first else [], FilterKind.TO_YEAR: [last] if last else []}
    assert not any(w in read.text.lower() for w in ("since", "after", "before", "april", "march"))


@pytest.mark.parametrize("query", ["the latest report on care leavers in Kent", "Kent's most recent papers on SEND",
                                   "current Ofsted rating of Kent", "children seen within 6 weeks of their last visit",
                                   "the most recent annual report", "the last visit letter to Kent",
                                   "current inspection framework", "the current judgement of children's homes"])
def test_latest_said_of_no_kind_of_paper(query: str) -> None:
    assert not any(f.kind == FilterKind.LATEST for f in read_query(query).filters)
