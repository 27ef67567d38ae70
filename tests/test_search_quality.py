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


def test_blind_judgements_are_kept_by_question_and_opening_and_scored_per_system(tmp_path, capsys):
    from argparse import Namespace

    from blind_precision import keep, score

    items = [{"q": "f01", "query": "q", "system": s, "rank": r, "source": "a.pdf", "text": f"{s}{r} " + "x" * 80,
              "item": f"i{n}"} for n, (s, r) in enumerate([("A", 1), ("A", 2), ("B", 1), ("B", 2)])]
    (tmp_path / "key.json").write_text(json.dumps(items))
    (tmp_path / "judged1.json").write_text(json.dumps({"i0": "yes", "i1": "partly", "i2": "no", "i3": "no"}))
    labels = tmp_path / "labels.json"
    keep(Namespace(dir=tmp_path, labels=labels))
    kept = json.loads(labels.read_text())["f01"]
    assert all(len(e["opening"]) == 60 and "text" not in e for e in kept)  # a short quote, not the paper's text
    score(Namespace(labels=labels, kb=None, k=10))
    out = capsys.readouterr().out
    assert "1 yes   1 partly   0 no   0 unjudged  P 0.50  P+ 0.75 (scrutineer, first 10)" in out
    assert "0 yes   0 partly   2 no   0 unjudged  P 0.00  P+ 0.00 (generic, first 10)" in out


def test_the_fresh_questions_are_judged_for_both_systems():
    questions = json.loads((ROOT / "bench" / "queries" / "fresh16.json").read_text())
    labels = json.loads((ROOT / "bench" / "queries" / "fresh16_judged.json").read_text())
    assert sorted(labels) == sorted(q["id"] for q in questions)
    for entries in labels.values():
        assert {e["label"] for e in entries} <= {"yes", "partly", "no"}
        # "later": hits a later search returned, judged the same way after the pool
        assert {"scrutineer", "generic"} <= {e["pooled"].split("@")[0] for e in entries} <= {"scrutineer", "generic",
                                                                                             "later"}
