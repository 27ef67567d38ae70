"""Search on the sample corpus with the real embedding model and a real Chroma store; metrics from the same KB."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from scrutineer.config import Settings, open_vectors
from scrutineer.indexing import reindex, sync_index
from scrutineer.keyword_feedback import feedback_terms
from scrutineer.nearest import _among, feedback, nearest, nearest_on_topic, query_vector, warm_topics
from scrutineer.query_filters import read_query
from scrutineer.search import held_filters, reading, search, unmatched_filters
from store.chroma_log import unsaved_writes
from store.metric_rows import query_metrics
from store.records import Records
from store.statement_rows import COMMON, SearchFilters, statement_count, statement_frequencies, vector_scope
from store.vectors import STORE_DIR, IndexMismatch, VectorIndex


@pytest.fixture(scope="module")
def search_kb(corpus_kb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    kb = tmp_path_factory.mktemp("search") / "kb"
    shutil.copytree(corpus_kb, kb)
    with Records(kb) as records:
        index, embedder = open_vectors(kb, Settings())
        done = sync_index(records, index, embedder)
    assert done.embedded > 100
    return kb


def test_building_the_index_leaves_nothing_for_readers_to_replay(search_kb: Path) -> None:
    index, _ = open_vectors(search_kb, Settings())
    with index.held():
        assert index.size() > 100
        assert unsaved_writes(search_kb / STORE_DIR, str(index.collection.id)) == 0  # store/chroma_log.py


def test_hybrid_search_finds_and_cites(search_kb: Path) -> None:
    with Records(search_kb) as records:
        index, embedder = open_vectors(search_kb, Settings())
        hits = search(records, index, embedder, "emergency accommodation for care leavers", limit=10)
    assert any("emergency accommodation" in h.text.lower() for h in hits[:5])
    assert all(h.source and h.page >= 1 and h.authority for h in hits)
    assert all(len(h.text) <= 1200 for h in hits)
    # "14 young people joined the pilot" carries on the pilot's emergency accommodation line, and votes again
    carried = [h for h in hits if h.why and "homelessness" in h.why.beside]
    assert carried and all(h.why and not h.why.context for h in carried)


def test_the_same_sentence_in_several_papers_is_one_hit(search_kb: Path) -> None:
    with Records(search_kb) as records:
        index, embedder = open_vectors(search_kb, Settings())
        hits = search(records, index, embedder, "committee asked to note the performance and challenge", limit=10)
    same = [h for h in hits if "asked to note the performance and to challenge" in h.text]
    assert len(same) == 1 and len(same[0].also_in) >= 1 and same[0].source not in same[0].also_in


def test_adjacent_statements_come_back_as_one_passage(search_kb: Path) -> None:
    with Records(search_kb) as records:
        index, embedder = open_vectors(search_kb, Settings())
        hits = search(records, index, embedder, "care leavers not in education, employment or training", limit=20)
        joined = [h for h in hits if h.statements > 1]
        assert joined
        for h in joined:
            texts = [r[0] for r in records.db.execute(
                "SELECT s.text FROM statements s JOIN documents d ON d.id = s.document_id WHERE d.source = ?"
                " AND d.doc_type != 'pack' ORDER BY d.part_index, s.ord", (h.source,))]
            assert any(" ".join(texts[i:i + h.statements]) == h.text for i in range(len(texts)))
            assert len(h.text) <= 800 and h.page <= h.page_end
    texts = [h.text for h in hits]
    assert len(set(texts)) == len(texts)


def test_filters_and_topics(search_kb: Path) -> None:
    with Records(search_kb) as records:
        index, embedder = open_vectors(search_kb, Settings())
        only = search(records, index, embedder, "NEET", SearchFilters(authorities=["Wexcombe County Council"],
                                                                       topic="neet"), limit=20)
    assert only and {h.authority for h in only} == {"Wexcombe County Council"}
    with Records(search_kb) as records:
        others = search(records, index, embedder, "NEET", SearchFilters(excluded_authorities=["Wexcombe County Council"]),
                        limit=20)
    assert others and "Wexcombe County Council" not in {h.authority for h in others}


def test_resync_is_a_no_op_and_reindex_rebuilds(search_kb: Path) -> None:
    with Records(search_kb) as records:
        index, embedder = open_vectors(search_kb, Settings())
        assert sync_index(records, index, embedder).embedded == 0
        again = reindex(records, index, embedder)
        assert again.embedded == len(index.ids())


def test_feedback_moves_the_query_towards_its_top_hits(tmp_path: Path) -> None:
    index = VectorIndex(tmp_path, "model-a")
    index.add([1, 2, 3], np.eye(3, dtype=np.float32), [{"authority": "x"}] * 3)
    assert np.allclose(index.vectors([2, 3]), np.eye(3, dtype=np.float32)[1:])
    moved = feedback(index, np.array([1.0, 0.0, 0.0], np.float32), [2, 99])  # an id the index lacks is skipped
    assert np.isclose(np.linalg.norm(moved), 1.0) and moved[0] > 0 and moved[1] > 0 and moved[2] == 0


def test_index_refuses_another_model(tmp_path: Path) -> None:
    index = VectorIndex(tmp_path, "model-a")
    index.add([1, 2], np.eye(2, dtype=np.float32), [{"authority": "x"}, {"authority": "y"}])
    with pytest.raises(IndexMismatch):
        VectorIndex(tmp_path, "model-b")
    rebuilt = VectorIndex(tmp_path, "model-b", rebuilding=True)  # `reindex` after a change of model
    rebuilt.reset()
    assert rebuilt.size() == 0
    assert VectorIndex(tmp_path, "model-b").size() == 0


def test_metrics_from_sample_corpus(corpus_kb: Path) -> None:
    with Records(corpus_kb) as records:
        rows = query_metrics(records, ["care_leavers_19_21_neet_percent"])
    bases = {r.basis for r in rows}
    assert {"actual", "national", "statistical_neighbours"} <= bases
    assert {r.authority for r in rows} == {"Northmoor Borough Council", "Wexcombe County Council"}


@pytest.mark.slow
def test_fast_profile_distils_a_static_model_offline(tmp_path: Path):
    from nlp.embed import Profile, build_embedder

    fast = build_embedder(Profile.FAST, cache=tmp_path)
    assert (tmp_path / "static-minilm" / "modules.json").exists()  # distilled once, then loaded from the KB
    v = fast.embed(["care leavers in emergency accommodation", "young people placed in hotels and B&Bs",
                    "the pension fund's investment strategy"])
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2]
    assert build_embedder(Profile.FAST, cache=tmp_path).name == fast.name


def test_topics_by_similarity_join_statements_that_read_like_tagged_ones():
    from nlp.topic_similarity import similar_topics

    rng = np.random.default_rng(0)
    centre, other = np.eye(8, dtype=np.float32)[0], np.eye(8, dtype=np.float32)[1]

    def around(c: np.ndarray, n: int) -> np.ndarray:
        v = c + 0.15 * rng.standard_normal((n, 8)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    vectors = np.vstack([around(centre, 30), around(centre, 1) * 0 + centre, around(other, 200)])
    ids = np.arange(len(vectors))
    found = similar_topics(ids, vectors, {"foster_recruitment": set(range(30)), "tiny": {31, 32}})
    assert found["foster_recruitment"] == {30}  # the untagged statement sitting on the prototype joins
    assert "tiny" not in found  # too few tagged statements to trust a prototype


def test_a_line_close_to_every_topic_joins_none_by_similarity():
    """Papers share a language ("cared for children", "the council"): a line that is only that sits close to each
    topic's prototype, closer than the tagged statements of a topic they phrase diversely (participation). Similarity
    is measured beyond that shared part, so such a line joins no topic while one on the topic still does."""
    from nlp.topic_similarity import similar_topics

    rng = np.random.default_rng(1)
    shared, topic = np.eye(64)[0], np.eye(64)[1]

    def made(topical: float, spread: float, n: int) -> np.ndarray:
        v = shared + topical * topic + spread * rng.standard_normal((n, 64)) / 8
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    generic = shared[None, :]
    vectors = np.vstack([made(0.6, 0.8, 30), made(0.6, 0.3, 1), generic, made(0.0, 0.8, 300)])
    found = similar_topics(np.arange(len(vectors)), vectors, {"participation": set(range(30))})
    assert 30 in found["participation"] and 31 not in found["participation"]


def test_keyword_search_skips_terms_most_statements_share(corpus_kb: Path) -> None:
    from store.statement_rows import COMMON, selective_terms

    with Records(corpus_kb) as records:
        total = records.db.execute("SELECT count(*) FROM statements").fetchone()[0]

        def share(word: str) -> float:
            sql = "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?"
            return records.db.execute(sql, [f'"{word}"']).fetchone()[0] / total

        common = [w for w in ("children", "care", "young") if share(w) > COMMON]
        assert common, "the sample corpus should have a term in more than 8% of statements"
        assert selective_terms(records, [*common, "hotels", "placements"]) == ["hotels", "placements"]
        assert selective_terms(records, common) == common  # a query of common words keeps them all


def test_each_hit_says_why_and_the_query_words_filter(search_kb: Path) -> None:
    with Records(search_kb) as records:
        index, embedder = open_vectors(search_kb, Settings())
        hits = search(records, index, embedder, "care leavers NEET minutes since 2024", limit=10)
        typed = search(records, index, embedder, "care leavers NEET minutes since 2024", limit=10, literal=True)
    assert hits and all(h.doc_type == "minutes" and h.meeting_date and h.meeting_date.year >= 2024 for h in hits)
    assert {f.kind.value for f in hits[0].why.filters} == {"doc_type", "from_year"}
    assert any(h.doc_type != "minutes" or (h.meeting_date and h.meeting_date.year < 2024) for h in typed)
    why = hits[0].why
    assert why.terms and why.fused_score > 0 and (why.keyword_rank or why.vector_rank or why.feedback_rank)
    assert all(w in hits[0].text.lower() for w in why.terms if w != "neet")


def test_a_topic_the_question_names_is_searched_by_meaning_within_it(search_kb: Path) -> None:
    """"How settled" names placement stability, and a vector list among its statements says so in `why`."""
    with Records(search_kb) as records:
        index, embedder = open_vectors(search_kb, Settings())
        hits = search(records, index, embedder, "how settled are children in their homes", limit=10)
        plain = search(records, index, embedder, "how settled are children in their homes", limit=10,
                       filters=SearchFilters(topic="placement_stability"))
    found = [h for h in hits if "placement_stability" in h.why.topics]
    assert found and all(h.why.topic_rank for h in found)
    assert all(h.why.topic_rank is None for h in plain)  # a topic filter already keeps to the topic


def test_the_topic_list_held_in_process_finds_what_a_topic_filtered_query_finds(search_kb: Path) -> None:
    """The nearest among a topic's statements, by a product with its vectors in process, as Chroma's query among the
    flagged ids orders them; with an authority filter too."""
    with Records(search_kb) as records:
        index, embedder = open_vectors(search_kb, Settings())
        vector = embedder.embed(["children moving between foster homes"])[0]
        warm_topics(index)
        for filters in (SearchFilters(), SearchFilters(authorities=["Northmoor Borough Council"])):
            scope = vector_scope(records, filters)
            topical = filters.model_copy(update={"topic": "placement_stability"})
            held = nearest_on_topic(records, index, vector, 50, filters, scope, "placement_stability")
            assert held and held == nearest(records, index, vector, 50, topical, scope)
        ids, matrix = index.flagged_vectors("topic_placement_stability")
        assert len(ids) == len(index.flagged("topic_placement_stability")) == matrix.shape[0]
        assert nearest_on_topic(records, index, vector, 50, SearchFilters(), None, "no_such_topic") == []


def test_expand_adds_the_vocabulary_list_and_says_so(search_kb: Path) -> None:
    with Records(search_kb) as records:
        index, embedder = open_vectors(search_kb, Settings())
        plain = search(records, index, embedder, "care leavers NEET", limit=10)
        wide = search(records, index, embedder, "care leavers NEET", limit=10, expand=True)
    assert all(h.why.vocabulary_rank is None for h in plain)
    assert any(h.why.vocabulary_rank is not None for h in wide)


def test_the_search_command_shows_the_filters_it_read(search_kb: Path) -> None:
    import json

    from typer.testing import CliRunner

    from scrutineer.cli import app

    runner = CliRunner()
    table = runner.invoke(app, ["search", "NEET minutes since 2024", "--kb", str(search_kb), "--limit", "3"])
    assert table.exit_code == 0 and "filters from your query: type minutes" in table.stdout and "matched:" in table.stdout
    typed = runner.invoke(app, ["search", "NEET minutes since 2024", "--kb", str(search_kb), "--literal",
                                "--format", "json"])
    assert typed.exit_code == 0 and all(not h["why"]["filters"] for h in json.loads(typed.stdout))


def test_the_search_command_keeps_each_authoritys_latest_paper(search_kb: Path) -> None:
    """corpus/ holds each council's scorecards of Q2 2023-24 and Q2 2024-25, and their minutes of 2023 and 2024."""
    import json

    from typer.testing import CliRunner

    from scrutineer.cli import app

    runner = CliRunner()
    got = runner.invoke(app, ["search", "care leavers", "--kb", str(search_kb), "--doc-type", "scorecard", "--latest",
                              "--format", "json"])
    assert got.exit_code == 0 and {h["source"] for h in json.loads(got.stdout)} == {
        "northmoor-scorecard-q2-2024-25.pdf", "wexcombe-scorecard-q2-2024-25.pdf"}
    said = runner.invoke(app, ["search", "care leavers in the most recent minutes", "--kb", str(search_kb),
                               "--format", "json"])
    sources = {h["source"] for h in json.loads(said.stdout)}
    assert said.exit_code == 0 and sources and not any("2023" in s for s in sources)  # the March 2025 pack's minutes


def test_an_empty_answer_names_the_query_filters_that_left_no_paper(search_kb: Path) -> None:
    """corpus/ holds no Kent paper: "in Kent" read as a filter leaves nothing to search, which the user must be told
    (an empty answer would read as nothing said on the subject); the words as typed find the care leavers."""
    from typer.testing import CliRunner

    from scrutineer.cli import app

    runner = CliRunner()
    empty = runner.invoke(app, ["search", "care leavers NEET in Kent", "--kb", str(search_kb), "--format", "json"])
    assert empty.exit_code == 0 and empty.stdout.strip() == "[]"
    assert "no paper in this KB passes the filters read from your query: authority Kent County Council" in " ".join(
        empty.stderr.split())
    typed = runner.invoke(app, ["search", "care leavers NEET in Kent", "--kb", str(search_kb), "--literal"])
    assert typed.exit_code == 0 and "no paper in this KB" not in typed.stderr
    with Records(search_kb) as records:
        assert unmatched_filters(records, read_query("care leavers NEET in Kent")) is not None
        assert unmatched_filters(records, read_query("NEET minutes since 2024")) is None  # minutes of 2024 on: there are some
        assert unmatched_filters(records, read_query("care leavers NEET")) is None


def test_a_year_no_paper_of_the_authority_has_is_let_go_and_said(search_kb: Path) -> None:
    """"care leavers NEET 2021" for Wexcombe, whose papers are of 2023 to 2025: a later paper reports on the year, so
    Wexcombe's papers of every year are searched and the reading says so; "in Kent" with no Kent paper at all still
    leaves nothing, and a year some paper has is kept."""
    from typer.testing import CliRunner

    from scrutineer.cli import app

    wexcombe = SearchFilters(authorities=["Wexcombe County Council"])
    with Records(search_kb) as records:
        index, embedder = open_vectors(search_kb, Settings())
        hits = search(records, index, embedder, "care leavers NEET 2021", wexcombe, limit=5)
        assert hits and {h.authority for h in hits} == {"Wexcombe County Council"}
        assert all(not h.why.filters for h in hits)
        held = held_filters(records, read_query("care leavers NEET 2021"), wexcombe)
        assert {f.value for f in held.unheld} == {"2021"} and not held.filters and "every year" in held.describe()
        kent = held_filters(records, read_query("care leavers NEET in Kent 2021"), SearchFilters())
        assert not kent.unheld and unmatched_filters(records, kent) is not None  # the empty answer says why
        assert not held_filters(records, read_query("care leavers NEET 2024"), wexcombe).unheld
        # a caller that shows the reading reads it once and hands it to the search: the same hits
        read = reading(records, "care leavers NEET 2021", wexcombe)
        assert read == held
        again = search(records, index, embedder, "care leavers NEET 2021", wexcombe, limit=5, read=read)
        assert [(h.source, h.text) for h in again] == [(h.source, h.text) for h in hits]
    shown = CliRunner().invoke(app, ["search", "care leavers NEET 2021", "--authority", "Wexcombe County Council",
                                     "--kb", str(search_kb)])
    assert shown.exit_code == 0 and "every year, as no paper of year 2021" in " ".join(shown.stdout.split())


@pytest.mark.parametrize("filters", [SearchFilters(year_from=2024), SearchFilters(year_to=2023),
                                     SearchFilters(doc_type="report"), SearchFilters(authorities=["Wexcombe County Council"]),
                                     SearchFilters(authorities=["Northmoor Borough Council"], year_from=2023, year_to=2025),
                                     SearchFilters(topic="neet"), SearchFilters(topic="neet", year_from=2024),
                                     SearchFilters(topic="neet", authorities=["Wexcombe County Council"])])
def test_filtered_vector_search_finds_the_nearest_statements_the_filters_admit(search_kb: Path,
                                                                               filters: SearchFilters) -> None:
    """The authority, type and year filters reach Chroma as the statements SQLite admits, and a topic as the ids the
    index flags with it: the vector query among them returns the nearest of exactly those."""
    with Records(search_kb) as records:
        index, embedder = open_vectors(search_kb, Settings())
        admitted = _among(index, filters, vector_scope(records, filters))
        assert admitted
        vector = query_vector(embedder, "care leavers in education")
        found = index.query(vector, 10, among=admitted)
        every = index.collection.get(ids=list(admitted), include=["embeddings"])
        scores = np.asarray(every["embeddings"], dtype=np.float32) @ vector
        similarity = dict(zip(map(int, every["ids"]), scores, strict=True))
    assert len(similarity) == len(admitted) and {h.statement_id for h in found} <= set(similarity)
    best = sorted(similarity.values(), reverse=True)[:10]  # equal texts tie: compared by similarity, not by id
    assert np.allclose([1 - h.distance for h in found], best, atol=1e-5)


def test_the_ids_a_topic_flags_are_read_again_after_any_write(tmp_path: Path) -> None:
    """`flagged` is remembered per state of the index: flags changed through another handle on the same store (an
    ingest's re-derived topics) are seen on the next search, as is a statement added there."""
    index = VectorIndex(tmp_path, "unit")
    index.add([1, 2, 3], np.eye(8, dtype=np.float32)[:3], [{"topic_neet": True}, {"topic_neet": False}, {"year": 1}])
    assert index.flagged("topic_neet") == ("1",)
    other = VectorIndex(tmp_path, "unit")
    other.set_metadata([2], [{"topic_neet": True}])
    assert sorted(index.flagged("topic_neet")) == ["1", "2"]
    other.add([4], np.eye(8, dtype=np.float32)[3:4], [{"topic_neet": True}])
    assert sorted(index.flagged("topic_neet")) == ["1", "2", "4"]
    assert index.query(np.eye(8, dtype=np.float32)[3], 5, among=index.flagged("topic_neet"))[0].statement_id == 4


def test_a_sync_keeps_every_topics_ids_for_the_next_process(search_kb: Path) -> None:
    """A CLI search naming a topic reads its ids from beside the store (store/flag_cache.py), kept by the sync that
    wrote them: the same ids, in the same order, as Chroma's metadata filter answers."""
    from nlp.topics import Topic
    from store.flag_cache import FlagCache

    index, _ = open_vectors(search_kb, Settings())
    with index.held():
        state = f"{index.collection.id}:{index._lock.generation()}"
        for name in [f"topic_{t.value}" for t in Topic]:
            assert FlagCache(search_kb).get(state, name) == tuple(index.collection.get(where={name: True})["ids"])
        assert FlagCache(search_kb).get(state, "") == tuple(index.collection.get(include=[])["ids"])


def test_a_query_among_ids_the_index_lacks_says_so(tmp_path: Path) -> None:
    """An ingest not yet indexed: its statements' ids make the query among ids refuse, and search uses Chroma's
    own filter instead."""
    from store.vectors import IndexLags

    index = VectorIndex(tmp_path, "unit")
    index.add([1, 2, 3], np.eye(8, dtype=np.float32)[:3], [{"year": 2024}] * 3)
    assert [h.statement_id for h in index.query(np.eye(8, dtype=np.float32)[0], 5, among=[1, 3])] == [1, 3]
    assert index.query(np.eye(8, dtype=np.float32)[0], 5, among=[]) == []
    with pytest.raises(IndexLags):
        index.query(np.eye(8, dtype=np.float32)[0], 5, among=[1, 99])
    assert [h.statement_id for h in index.query(np.eye(8, dtype=np.float32)[0], 1)] == [1]  # still readable


def test_a_filtered_search_while_statements_await_indexing_searches_those_indexed(search_kb: Path, tmp_path: Path,
                                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import scrutineer.search as searching

    kb = tmp_path / "kb"
    shutil.copytree(search_kb, kb)
    filters = SearchFilters(year_from=2024)
    with Records(kb) as records:
        index, embedder = open_vectors(kb, Settings())
        scope = searching.vector_scope(records, filters)
        index.delete([int(i) for i in scope[:5]])  # in SQLite, not in the index
        lagging = [h.model_dump() for h in search(records, index, embedder, "care leavers", filters, limit=20)]
        monkeypatch.setattr(type(index), "held_among", lambda _self, ids: ids)  # sifted before the index changed
        raced = [h.model_dump() for h in search(records, index, embedder, "care leavers", filters, limit=20)]
        monkeypatch.setattr(searching, "vector_scope", lambda *_: scope[5:])
        indexed = [h.model_dump() for h in search(records, index, embedder, "care leavers", filters, limit=20)]
    assert lagging == raced == indexed and lagging


def test_a_connection_remembers_the_last_few_filters_statements(search_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A filter's statement ids are read once and reused for the next query, and only the last SCOPES_KEPT are kept
    (each can be a large part of the corpus)."""
    import store.statement_rows as rows

    monkeypatch.setattr(rows, "SCOPES_KEPT", 2)
    with Records(search_kb) as records:
        first = rows.vector_scope(records, SearchFilters(year_from=2024))
        assert first and rows.vector_scope(records, SearchFilters(year_from=2024)) is first
        rows.vector_scope(records, SearchFilters(year_from=2023))
        rows.vector_scope(records, SearchFilters(doc_type="report"))
        assert len(records.memo()["scopes"]) == 2
        again = rows.vector_scope(records, SearchFilters(year_from=2024))
        assert again == first and again is not first


def test_the_held_ids_of_a_filter_are_read_again_after_a_write(tmp_path: Path) -> None:
    """A filter's statements without a vector (too short to embed, not yet indexed) are left out of a query among
    ids, and the sifted tuple is remembered only until the index changes."""
    index = VectorIndex(tmp_path, "unit")
    index.add([1, 2], np.eye(8, dtype=np.float32)[:2], [{}, {}])
    scope = ("1", "2", "3")
    first = index.held_among(scope)
    assert first == ("1", "2") and index.held_among(scope) is first
    index.add([3], np.eye(8, dtype=np.float32)[2:3], [{}])
    assert index.held_among(scope) == scope


def test_a_notebook_can_hold_the_topic_vectors_and_finds_the_same(search_kb: Path) -> None:
    """`kb.warm()` is what `serve` does at start; a search after it finds what the one-off path finds."""
    from scrutineer.api import open_kb

    question = "how settled are children in their homes"
    with open_kb(search_kb) as kb:
        cold = [(h.source, h.text) for h in kb.search(question, limit=10)]
        kb.warm()
        assert kb.vectors()[0].hold_topics
        assert [(h.source, h.text) for h in kb.search(question, limit=10)] == cold


def test_a_hit_whose_sentence_runs_over_a_page_break_cites_both_pages(tmp_path: Path) -> None:
    import pymupdf

    from scrutineer.pipeline import ingest

    doc = pymupdf.open()
    first = doc.new_page()
    first.insert_text((56, 72), "Wexcombe County Council", fontsize=11)
    first.insert_text((56, 90), "Corporate Parenting Committee, 4 March 2025", fontsize=11)
    first.insert_text((56, 760), "Most children in care live with foster families within twenty", fontsize=11)
    doc.new_page().insert_text((56, 72), "miles of the homes they grew up in, close to school and friends.", fontsize=11)
    (tmp_path / "papers").mkdir()
    doc.save(tmp_path / "papers" / "over-a-page.pdf")
    kb = tmp_path / "kb"
    with Records(kb) as records:
        ingest([tmp_path / "papers"], records, workers=1)
        index, embedder = open_vectors(kb, Settings())
        sync_index(records, index, embedder)
        hits = search(records, index, embedder, "foster families within twenty miles", limit=3)
    assert hits[0].text.endswith("close to school and friends.")
    assert (hits[0].page, hits[0].page_end) == (1, 2)



def test_the_words_the_first_hits_share_are_searched_again_and_each_hit_says_which_it_holds(search_kb: Path) -> None:
    """Keyword feedback: words of two or more of the first hits that the question does not say and few statements of
    the KB hold, searched as a list of their own; a hit that list ranked says so, with the words it holds."""
    texts = {1: "Fostering enquiries rose and two households were approved.",
             2: "Enquiries from households in Wexcombe doubled after the campaign.",
             3: "Meetings were held with the panel.",
             4: "Meetings were held twice."}
    with Records(search_kb) as records:
        words = feedback_terms(records, texts, [1, 2, 3, 4], ["foster", "carers", "recruitment"])
        frequencies, total = statement_frequencies(records, ["meetings"]), statement_count(records)
        index, embedder = open_vectors(search_kb, Settings())
        hits = search(records, index, embedder, "children moving between foster homes", limit=10)
    # in one hit only ("fostering", "campaign"), a stopword ("were") or in more of the KB's statements than COMMON
    # allows ("meetings"): not searched
    assert sorted(words) == ["enquiries", "held", "households"]
    # the same long cell printed under two row labels is one hit: its words are not shared
    cells = {1: "Plan A | Self-directed support shifting control to people with personalised budgets.",
             2: "Plan B | Self-directed support shifting control to people with personalised budgets.",
             3: "Fostering enquiries rose.", 4: "Enquiries doubled."}
    with Records(search_kb) as records:
        assert feedback_terms(records, cells, [1, 2, 3, 4], ["voice"]) == ["enquiries"]
    assert frequencies["meetings"] > COMMON * total
    ranked = [h for h in hits if h.why.keyword_feedback_rank is not None]
    assert ranked and any(h.why.feedback_terms for h in ranked)


def test_a_reader_process_leaves_what_it_built_at_start_out_of_full_collections(web_kb: Path) -> None:
    """The first reader's open freezes the process's objects (gc.freeze) once; a writer's open does not."""
    import subprocess
    import sys

    code = ("import gc, sys; from pathlib import Path; from scrutineer.config import open_vectors, settings; "
            "kb = Path(sys.argv[1]); open_vectors(kb, settings()); print(gc.get_freeze_count()); "
            "open_vectors(kb, settings(), writer=False); frozen = gc.get_freeze_count(); "
            "open_vectors(kb, settings(), writer=False); print(frozen, gc.get_freeze_count())")
    done = subprocess.run([sys.executable, "-c", code, str(web_kb)], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)
    writer, (reader, again) = done.stdout.split("\n")[0], done.stdout.split("\n")[1].split()
    assert writer == "0" and int(reader) > 10_000 and int(again) <= int(reader)  # once: frozen objects may still die


def test_every_hit_of_a_broad_question_is_read_with_a_handful_of_sql_variables(search_kb: Path) -> None:
    """`search --all` looks up every candidate's text, place and topics: bound one variable per id, a large KB's
    answer passes SQLite's 32,766 (and a build with a lower limit fails sooner); a JSON array is one variable."""
    with Records(search_kb) as records:
        index, embedder = open_vectors(search_kb, Settings())
        before = records.db.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        records.db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 20)
        try:
            found = search(records, index, embedder, "children in care and care leavers", limit=0)
        finally:
            records.db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, before)
    assert len(found) > 20  # more hits than variables allowed
