"""A council named as a party to what "the Council" does is not the paper's own, and a council's own hall is its own.

Kent's Treasury Management Strategy (kent-council, Appendix L) calls itself "the Council" throughout and names Medway
Council only as the council whose debt it manages: it was filed under Medway. Kent's agenda frontsheet names Kent only
in its meeting place, "County Hall, Maidstone, Kent, ME14 1XQ", which the postal-address rule for Ofsted's letterhead
threw away, so the agenda had no authority.
"""

from __future__ import annotations

from conftest import need_shared

from ingest.authorities import gazetteer
from ingest.reader import parse_file


def test_a_council_named_beside_the_council_is_a_party():
    find = gazetteer().find
    assert not find("1 The Council manages debt on behalf of Medway Council that was transferred to it.")
    assert not find("On 30 November 2024, the County Council had £746.7m external debt, including £27.0m\n"
                    "attributable to Medway Council, as part of its strategy.")
    # A sentence of its own still names the council, and a place named beside "the Council" is kept.
    assert find("Medway Council agreed its budget. The Council manages the debt.") == {"Medway Council": 3}
    assert find("the Council's vision for Kent") == {"Kent County Council": 1}
    assert find("The Council Chamber of Medway Council") == {"Medway Council": 3}


def test_a_council_hall_address_names_its_council_but_a_letterhead_does_not():
    find = gazetteer().find
    assert find("held in the Council Chamber, County Hall, Maidstone, Kent, ME14 1XQ on Thursday") == {
        "Kent County Council": 1}
    assert not find("Piccadilly Gate, Store Street, Manchester M1 2WD")


def test_kent_papers_that_name_kent_only_in_passing_are_kents():
    folder = need_shared() / "corpus/kent-council"
    treasury = parse_file(folder / "Appendix L - Treasury Management Strategy 2025-26.pdf").documents[0].meta
    agenda = parse_file(folder / "Agenda frontsheet 09th-Jan-2025 10.00 County Council.pdf").documents[0].meta
    assert (treasury.authority, agenda.authority) == ("Kent County Council", "Kent County Council")
    assert agenda.committee == "County Council"
