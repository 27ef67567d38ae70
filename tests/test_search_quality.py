"""The search-quality bench: its metrics on hand-counted cases, and the generic baseline on a real PDF, model and store."""

import json
import math
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from generic_rag import Retriever, build, chunks
from search_quality import Returned, reworded, score_query


def test_chunks_are_500_characters_overlapping_by_100():
    text = "".join(str(i % 10) for i in range(1200))
    got = chunks(text)
    assert [len(c) for c in got] == [500, 500, 400]
    assert got[1][:100] == got[0][-100:]


def test_recall_ndcg_and_reciprocal_rank_by_hand():
    relevant = [("a.pdf", "Foo  bar baz"), ("b.pdf", "qux quux")]
    returned = [Returned("nothing here", frozenset({"a.pdf"})),
                Returned("zz foo bar baz zz", frozenset({"a.pdf"})),
                Returned("foo bar baz", frozenset({"other.pdf"})),  # the right words from the wrong file
                Returned("qux quux", frozenset({"c.pdf"}))]  # a reprint of b.pdf's statement in c.pdf
    s = score_query(relevant, returned, {"qux quux": {"b.pdf", "c.pdf"}})
    assert (s.relevant, s.found10, s.found30, s.rr, s.capped10, s.found_5k) == (2, 2, 2, 0.5, 1.0, 2)
    ideal = 1 + 1 / math.log2(3)
    assert math.isclose(s.ndcg10, (1 / math.log2(3) + 1 / math.log2(5)) / ideal)


def test_the_query_set_is_split_and_labelled_in_the_dev_format():
    queries = json.loads((ROOT / "bench" / "queries" / "queries.json").read_text())
    assert len(queries) >= 30 and {q["split"] for q in queries} == {"tune", "heldout"}
    assert len({q["id"] for q in queries}) == len(queries)
    for q in queries:
        for source, phrase in q["relevant"]:
            assert source and 6 <= len(phrase.split()) <= 15 and phrase == phrase.strip()


def test_generic_baseline_finds_a_chunk_in_a_real_pdf(tmp_path):
    import pymupdf

    pdf = tmp_path / "paper.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Care leavers were placed in emergency accommodation in hotels.")
    doc.new_page().insert_text((72, 72), "The treasury strategy sets the council's borrowing limits.")
    doc.save(pdf)
    assert build([pdf], tmp_path / "store") == 2
    top = Retriever(tmp_path / "store").query("young people living in bed and breakfast", k=1)
    assert top[0].source == "paper.pdf" and top[0].page == 1


def test_a_rewording_is_scored_with_its_questions_labels():
    queries = [{"id": "q1", "query": "placement stability", "split": "probe", "relevant": [["a.pdf", "moves"]]},
               {"id": "q2", "query": "care leavers NEET", "split": "probe", "relevant": [["b.pdf", "neet"]]}]
    got = reworded(queries, [{"of": "q1", "query": "kids in care moved a lot", "set": "plain"},
                             {"of": "gone", "query": "a question no longer held", "set": "plain"}])
    assert got == [{"id": "q1/0", "query": "kids in care moved a lot", "split": "plain", "relevant": [["a.pdf", "moves"]]}]
