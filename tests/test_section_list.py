"""The rest of a section where several of the first hits sit votes again: the store reads the section, search ranks
it and says so."""

from __future__ import annotations

from pathlib import Path

from scrutineer.search import search
from scrutineer.section_list import SECTION_MOST, section_list
from store.records import Records
from store.statement_rows import SearchFilters, section_ids


def _a_section(records: Records, least: int) -> tuple[str, str, list[int]]:
    """A section of a paper (not a pack) with at least `least` statements and no more than SECTION_MOST."""
    sql = ("SELECT s.document_id, s.section_path, group_concat(s.id) FROM statements s JOIN documents d"
           " ON d.id = s.document_id WHERE d.doc_type != 'pack' GROUP BY s.document_id, s.section_path"
           " HAVING count(*) BETWEEN ? AND ? ORDER BY count(*) LIMIT 1")
    doc, path, ids = records.db.execute(sql, (least, SECTION_MOST)).fetchone()
    return doc, path, sorted(int(i) for i in ids.split(","))


def test_a_section_is_read_whole_in_reading_order_unless_it_is_long(corpus_kb: Path) -> None:
    with Records(corpus_kb) as records:
        doc, path, ids = _a_section(records, 3)
        assert section_ids(records, doc, path, SECTION_MOST) == ids
        assert section_ids(records, doc, path, len(ids) - 1) is None


def test_the_section_two_first_hits_share_votes_with_its_best_first(corpus_kb: Path) -> None:
    with Records(corpus_kb) as records:
        doc, _, ids = _a_section(records, 4)
        lone = records.db.execute("SELECT id FROM statements WHERE document_id != ? LIMIT 1", (doc,)).fetchone()[0]
        fused = [(ids[2], 0.9), (lone, 0.8), (ids[1], 0.7)]
        listed = section_list(records, fused, SearchFilters())
        assert listed[:2] == [ids[2], ids[1]]  # scored statements first, the rest in reading order
        assert listed[2:] == [i for i in ids if i not in (ids[1], ids[2])]
        assert lone not in listed  # its section holds one first hit only
        assert section_list(records, [(ids[0], 0.9), (lone, 0.8)], SearchFilters()) == []
        assert section_list(records, fused, SearchFilters(authorities=["Nowhere Borough Council"])) == []


def test_a_hit_the_section_list_ranked_says_so(corpus_kb: Path) -> None:
    with Records(corpus_kb) as records:
        found = search(records, None, None, "emergency accommodation", limit=30)  # keyword search alone
    assert any(h.why and h.why.section_rank for h in found)
