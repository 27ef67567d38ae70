"""A statement beside one on the question's topic: the store finds them, and search gives them a vote."""

from __future__ import annotations

from pathlib import Path

from store.records import Records
from store.statement_rows import beside_topics


def _neighbours_by_hand(records: Records, topic: str) -> set[int]:
    rows = records.db.execute("SELECT id, document_id, ord, section_path FROM statements").fetchall()
    tagged = {r[0] for r in records.db.execute("SELECT statement_id FROM statement_topics WHERE topic = ?", [topic])}
    at = {(doc, ord_): (sid, section) for sid, doc, ord_, section in rows}
    out = set()
    for sid, doc, ord_, section in rows:
        for step in (-1, 1):
            other = at.get((doc, ord_ + step))
            if other and other[1] == section and other[0] in tagged:
                out.add(sid)
    return out


def test_the_statements_beside_a_tagged_one_in_its_section_are_found(corpus_kb: Path) -> None:
    with Records(corpus_kb) as records:
        topics = [r[0] for r in records.db.execute("SELECT DISTINCT topic FROM statement_topics")]
        ids = [r[0] for r in records.db.execute("SELECT id FROM statements")]
        assert topics
        found = beside_topics(records, ids, topics)
        for topic in topics:
            assert found.get(topic, set()) == _neighbours_by_hand(records, topic)
        some = ids[: len(ids) // 3]
        assert beside_topics(records, some, topics[:1]).get(topics[0], set()) == \
            _neighbours_by_hand(records, topics[0]) & set(some)
        assert beside_topics(records, [], topics) == {}


def test_search_votes_again_for_a_sentence_that_carries_on_its_neighbours_topic(corpus_kb: Path) -> None:
    from scrutineer.search import BESIDE_WEIGHT, _beside
    from scrutineer.why import Trace

    with Records(corpus_kb) as records:
        def sid(text: str) -> int:
            return records.db.execute("SELECT min(id) FROM statements WHERE text = ?", [text]).fetchone()[0]

        joined = sid("14 young people joined the pilot in 2024/25.")  # beside the pilot's emergency accommodation line
        beside = sid("None of the young people in the pilot has needed emergency accommodation since joining.")
        ids = [r[0] for r in records.db.execute("SELECT id FROM statements ORDER BY id")]
        trace = Trace(query="emergency accommodation", filters=[])
        [(again, weight)] = _beside(records, trace, [(ids, 1.0)], ["homelessness"])
        assert joined in again and beside not in again  # the tagged line votes as on the topic, not again
        assert weight == BESIDE_WEIGHT and trace.beside[joined] == ["homelessness"]
        assert _beside(records, Trace(query="", filters=[]), [(ids, 1.0)], []) == []


def test_a_long_answer_s_candidates_fit_in_one_query(corpus_kb: Path) -> None:
    """`search --limit 5000` on a large KB looks up tens of thousands of candidates: past SQLite's usual 32,766
    variables if each were bound on its own."""
    with Records(corpus_kb) as records:
        ids = [r[0] for r in records.db.execute("SELECT id FROM statements")]
        many = ids + list(range(10**6, 10**6 + 40_000))
        assert beside_topics(records, many, ["homelessness"]) == beside_topics(records, ids, ["homelessness"])
