"""Adjacent retrieved statements become one passage: reading order kept, best score kept, length bounded."""

from __future__ import annotations

from scrutineer.passages import Place, merge_adjacent


def _places(*specs: tuple[int, str, int, str, int]) -> dict[int, Place]:
    return {sid: Place(doc, ord_, section, chars) for sid, doc, ord_, section, chars in specs}


def test_neighbours_join_in_reading_order_under_the_best_score() -> None:
    places = _places((1, "d", 5, "s", 40), (2, "d", 4, "s", 40), (3, "d", 9, "s", 40))
    out = merge_adjacent([(1, 0.9), (3, 0.5), (2, 0.2)], places)
    assert [(p.ids, p.score) for p in out] == [([2, 1], 0.9), ([3], 0.5)]


def test_a_statement_between_two_passages_bridges_them() -> None:
    places = _places((1, "d", 1, "s", 30), (2, "d", 3, "s", 30), (3, "d", 2, "s", 30))
    out = merge_adjacent([(2, 0.8), (1, 0.6), (3, 0.1)], places)
    assert [(p.ids, p.score, p.first, p.last) for p in out] == [([1, 3, 2], 0.8, 1, 3)]


def test_other_sections_documents_and_gaps_stay_apart() -> None:
    places = _places((1, "d", 1, "s", 30), (2, "d", 2, "t", 30), (3, "e", 2, "s", 30), (4, "d", 3, "s", 30))
    out = merge_adjacent([(1, 0.9), (2, 0.8), (3, 0.7), (4, 0.6)], places)
    assert [p.ids for p in out] == [[1], [2], [3], [4]]


def test_a_passage_stops_growing_at_its_length_limit() -> None:
    places = _places((1, "d", 1, "s", 500), (2, "d", 2, "s", 250), (3, "d", 3, "s", 100))
    out = merge_adjacent([(1, 0.9), (2, 0.8), (3, 0.7)], places, limit_chars=800)
    assert [p.ids for p in out] == [[1, 2], [3]]
    assert all(p.chars <= 800 for p in out)
