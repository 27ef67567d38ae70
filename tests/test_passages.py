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


def test_a_hit_another_of_its_paper_repeats_and_extends_gives_way_to_the_fuller_one() -> None:
    """A scorecard's measure printed as a line and again as its table row is one hit, in the better place."""
    from scrutineer.search import _unrepeated

    texts = {1: "Percentage of reviews completed within timescale", 2: "Children's views are heard in reviews.",
             3: "Percentage of reviews completed within timescale | AMBER | AMBER", 4: "Reviews are timely.",
             5: "Percentage of reviews completed within timescale"}  # the same words in another paper
    places = {1: Place("qpr", 1, "KPIs", 48), 2: Place("report", 1, "", 40), 3: Place("qpr", 9, "KPIs", 62),
              4: Place("report", 5, "", 19), 5: Place("minutes", 3, "", 48)}
    passages = merge_adjacent([(1, 0.9), (2, 0.8), (3, 0.7), (4, 0.6), (5, 0.5)], places)
    kept = _unrepeated(passages, places, texts, limit=10)
    assert [p.ids for p in kept] == [[3], [2], [4], [5]]
    assert kept[0].score == 0.9  # the row takes the label's place
    assert [p.ids for p in _unrepeated(passages, places, texts, limit=2)] == [[3], [2]]
