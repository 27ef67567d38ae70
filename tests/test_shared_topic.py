"""A question in words no topic rule knows takes the topic its best hits share, if they share it far more than the
KB as a whole does."""

from __future__ import annotations

from pathlib import Path

from scrutineer.pipeline import ingest
from scrutineer.search import DRIFTED_WEIGHT, TOPIC_VECTOR_WEIGHT, _shared_topic, _topic_weight
from scrutineer.why import Trace
from store.records import Records

WARDS = ["Abbey", "Bridge", "Castle", "Dale", "Elm", "Ford", "Grange", "Heath", "Isle", "Jubilee", "Kings"]


def _kb(tmp_path: Path, adoption: int, other: int) -> Path:
    """A paper of `adoption` sentences the rules tag adoption and `other` sentences on roads that no rule tags."""
    lines = ["Committee report", ""]
    lines += [f"The adoption panel approved {i + 2} new adopters for the {WARDS[i % 11]} team." for i in range(adoption)]
    lines += [f"Resurfacing of road {i + 3} in {WARDS[i % 11]} ward finished in week {i + 1}." for i in range(other)]
    (tmp_path / "paper.txt").write_text("\n\n".join(lines) + "\n")
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / "paper.txt"], records, workers=1)
    return tmp_path / "kb"


def _best(records: Records, tagged: int, untagged: int) -> list[tuple[int, float]]:
    rows = records.db.execute("SELECT s.id, t.topic IS NOT NULL FROM statements s LEFT JOIN statement_topics t"
                              " ON t.statement_id = s.id AND t.topic = 'adoption_permanence' ORDER BY s.id").fetchall()
    ids = [sid for sid, on in rows if on][:tagged] + [sid for sid, on in rows if not on][:untagged]
    assert len(ids) == tagged + untagged
    return [(sid, 1.0) for sid in ids]


def test_the_topic_half_the_best_hits_share_is_taken(tmp_path: Path) -> None:
    with Records(_kb(tmp_path, adoption=12, other=100)) as records:
        assert _shared_topic(records, _best(records, 12, 8)) == ["adoption_permanence"]
        assert _shared_topic(records, _best(records, 9, 11)) == []  # under half


def test_a_topic_common_across_the_kb_is_not_taken(tmp_path: Path) -> None:
    """In a small KB of mostly one topic, half of any question's hits carry it: that says nothing of the question."""
    with Records(_kb(tmp_path, adoption=30, other=40)) as records:
        assert _shared_topic(records, _best(records, 12, 8)) == []


def test_a_topic_list_votes_in_full_when_the_first_hits_have_drifted_off_the_topic(tmp_path: Path) -> None:
    with Records(_kb(tmp_path, adoption=12, other=100)) as records:
        on, off = _best(records, 6, 4), _best(records, 4, 6)
        assert _topic_weight(records, Trace(query="q", filters=[]), on, "adoption_permanence") == TOPIC_VECTOR_WEIGHT
        assert _topic_weight(records, Trace(query="q", filters=[]), off, "adoption_permanence") == DRIFTED_WEIGHT
        assert DRIFTED_WEIGHT > TOPIC_VECTOR_WEIGHT
