"""Keyword search from a remembered BM25 order (store/keyword_order.py) against the single joined query it replaced,
on a real KB built from the sample corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import store.keyword_order as order
from nlp.topics import expand_query
from store.records import Records
from store.statement_rows import SearchFilters, keyword_ids, selective_terms

FILTERS = [SearchFilters(), SearchFilters(year_from=2024), SearchFilters(doc_type="report"), SearchFilters(topic="neet"),
           SearchFilters(committee="Corporate Parenting"), SearchFilters(year_from=2020, year_to=2023)]
QUERIES = ["care leavers not in education, employment or training", "placement stability", "foster carers",
           "children in care", "budget overspend"]


def _joined(records: Records, terms: list[str], filters: SearchFilters, limit: int) -> list[int]:
    """The query keyword_ids ran before: BM25 in a subquery, joined, filtered and sorted in one statement."""
    terms = selective_terms(records, terms)
    match = " OR ".join('"' + t.replace('"', "") + '"' for t in dict.fromkeys(terms))
    where, args = filters.sql()
    sql = ("SELECT s.id FROM statements s JOIN documents d ON d.id = s.document_id JOIN (SELECT rowid, rank FROM"
           f" statements_fts WHERE statements_fts MATCH ?) f ON f.rowid = s.id WHERE {where} ORDER BY f.rank, s.id LIMIT ?")
    return [r[0] for r in records.db.execute(sql, [match, *args, limit])]


def test_the_remembered_order_filtered_is_the_joined_query(corpus_kb: Path) -> None:
    with Records(corpus_kb) as records:
        for q in QUERIES:
            for f in FILTERS:
                for limit in (3, 50, 400):
                    assert keyword_ids(records, expand_query(q), f, limit) == _joined(records, expand_query(q), f, limit)
        assert any(keyword_ids(records, expand_query(q), f, 50) for q in QUERIES for f in FILTERS[1:])


def test_words_are_scored_once_until_a_commit(corpus_kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(corpus_kb, kb)
    monkeypatch.setattr(order, "ORDERS_KEPT", 2)
    terms = expand_query("foster carers")
    with Records(kb) as records, Records(kb) as writer:
        first = keyword_ids(records, terms, SearchFilters(), 20)
        remembered = next(iter(records.memo()["bm25"].values()))
        assert keyword_ids(records, terms, SearchFilters(doc_type="report"), 20) is not None
        assert next(iter(records.memo()["bm25"].values())) is remembered  # another filter: the same order
        for q in ("placement stability", "children in care"):
            keyword_ids(records, expand_query(q), SearchFilters(), 20)
        assert len(records.memo()["bm25"]) == 2
        gone = writer.db.execute("SELECT min(id) FROM statements WHERE id IN (SELECT rowid FROM statements_fts"
                                 " WHERE statements_fts MATCH 'foster')").fetchone()[0]
        assert gone in first
        writer.db.execute("UPDATE documents SET doc_type = 'pack' WHERE id = (SELECT document_id FROM statements"
                          " WHERE id = ?)", (gone,))
        writer.db.commit()  # another connection's commit: the remembered orders and filters are read again
        assert gone not in keyword_ids(records, terms, SearchFilters(), 20)


def test_an_id_past_the_flags_is_refused() -> None:
    from array import array

    flags = bytearray([0, 1, 1, 0])
    assert order.first_admitted(array("q", [9, 2, 3, 1]), flags, 2) == [2, 1]
    assert order.first_admitted(array("q", [9, 2, 3, 1]), flags, -1) == [2, 1]
    assert order.first_admitted(array("q", [9, 2, 3, 1]), flags, 0) == []


def test_connections_share_orders_until_any_commit(corpus_kb: Path, tmp_path: Path) -> None:
    """A second connection (a web server's other searcher thread) takes the order the first scored; a commit by a third
    moves the KB's state on, and the order is scored again."""
    kb = tmp_path / "kb"
    shutil.copytree(corpus_kb, kb)
    with Records(kb) as one, Records(kb) as two, Records(kb) as writer:
        first = order.bm25_order(one, ["foster"])
        assert order.bm25_order(two, ["foster"]) is first
        writer.db.execute("UPDATE documents SET title = title || ' (revised)' WHERE rowid = 1")
        assert order.bm25_order(two, ["foster"]) is first  # not yet committed: the others' state is unchanged
        writer.db.commit()
        again = order.bm25_order(two, ["foster"])
        assert again is not first and again == first
        assert order.bm25_order(one, ["foster"]) is again


def test_texts_and_places_are_remembered_until_a_commit(corpus_kb: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import store.statement_rows as rows

    kb = tmp_path / "kb"
    shutil.copytree(corpus_kb, kb)
    monkeypatch.setattr(rows, "ROWS_KEPT", 30)
    with Records(kb) as records, Records(kb) as writer:
        ids = [r[0] for r in records.db.execute("SELECT id FROM statements ORDER BY id LIMIT 25")]
        texts, places = rows.statement_texts(records, [*ids, 10**9]), rows.positions(records, ids)
        assert list(texts) == ids and list(places) == ids  # an id the KB lacks is left out, as before
        assert len(records.memo()["texts"]) == 25
        assert rows.statement_texts(records, ids[:3]) == {i: texts[i] for i in ids[:3]}
        more = [r[0] for r in records.db.execute("SELECT id FROM statements ORDER BY id LIMIT 10 OFFSET 25")]
        rows.statement_texts(records, more)
        assert set(records.memo()["texts"]) == set(more)  # past ROWS_KEPT: the rest forgotten
        # some remembered, more not, past ROWS_KEPT: every one asked for comes back (a web server's 200th search
        # failed with a KeyError when the remembered ones were forgotten before they were returned)
        assert list(rows.statement_texts(records, [*more, *ids])) == [*more, *ids]
        assert list(rows.positions(records, [*ids[:20], *more])) == [*ids[:20], *more]
        writer.db.execute("UPDATE statements SET text = 'changed' WHERE id = ?", (ids[0],))
        writer.db.commit()
        assert rows.statement_texts(records, ids[:1]) == {ids[0]: "changed"}


def test_a_rare_word_no_statement_holds_does_not_empty_the_search(corpus_kb: Path) -> None:
    """'zyzzogeton' is kept as rare and 'children' dropped as common, but the rare word finds nothing: then the
    common words are all the query has, and they are searched."""
    with Records(corpus_kb) as records:
        assert selective_terms(records, ["children", "zyzzogeton"]) == ["children", "zyzzogeton"]
        assert keyword_ids(records, ["children", "zyzzogeton"], SearchFilters(), 10)


@pytest.mark.parametrize("phrases", [["foster", "carers"], ["placement", "placements", "stability"], ["care"],
                                     ["zzyzx", "foster"], ["leavers", "neet", "education", "employment", "training"]])
def test_bm25_from_the_postings_is_fts5s_order(corpus_kb: Path, phrases: list[str]) -> None:
    """The same doubles as FTS5's bm25(), ties to the lower id: two terms of one stem are two phrases, as in FTS5."""
    from store.bm25 import bm25_ranked
    from store.index_terms import index_tokens

    with Records(corpus_kb) as records:
        match = " OR ".join(f'"{p}"' for p in phrases)
        fts = [r[0] for r in records.db.execute("SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?"
                                                " ORDER BY rank, rowid", [match])]
        tokens = index_tokens(phrases)
        assert fts and bm25_ranked(records, [tokens[p][0] for p in phrases]).tolist() == fts


def test_a_term_of_several_tokens_is_scored_by_fts5(corpus_kb: Path) -> None:
    with Records(corpus_kb) as records:
        match = '"multi-agency" OR "foster"'
        fts = [r[0] for r in records.db.execute("SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?"
                                                " ORDER BY rank, rowid", [match])]
        assert order.bm25_order(records, ["multi-agency", "foster"]).tolist() == fts
