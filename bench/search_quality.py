"""Search quality on the project's own query set: recall@10, recall@30, nDCG@10 (binary gains) and MRR, per query and
per split, for the project's search or for the generic RAG baseline.

Recall is reported twice: plain (found / relevant, summed over queries as score.py does) and capped (min(found, k) /
min(k, relevant), averaged over queries, after BEIR's R_cap@k): a topic with 60 relevant statements cannot have them
all in 10 hits, so plain recall@10 measures the size of the topic as much as the search. A hit is a passage that may
join several relevant statements, so capped recall is near precision@k on a big topic; plain recall@30 is the figure
that shows paraphrases missed.

Hits are not the same size (a 500-character chunk holds three or four statements, a hit of search is often one
sentence), so recall is also reported for equal reading: the relevant statements found in the first 5,000 and 15,000
characters of returned text (R@5k, R@15k chars; the text of 10 and 30 chunks), from up to 100 hits.

A relevant statement is [source file name, phrase]; a hit counts it when the hit's whitespace-collapsed, case-folded
text holds the phrase and the hit comes from that file, as ../shared/eval/score.py matches. A statement printed
again in another file (an agenda pack and its report, a file saved twice) counts there too: the hit's `also_in`
sources, and for the baseline any file whose statements in the KB hold the phrase.

`--system vector` scores the KB's vector index alone (a statement per hit), to compare embedding models: build one KB
per model (`SCRUTINEER_MODEL`) and run this, and the whole search, with the same setting.

`--reworded FILE` asks each question again in other words (a list of {"of": id, "query", "set"}: helpers' rewordings,
bench/queries/reworded_*.json), scored against the original question's labels and reported per set: how much of what
the question's own wording finds survives another wording. The labels were pooled from the original wording, so a
rewording that finds other relevant statements scores lower than it should; compare systems, not these figures with
the originals'.

Run: python bench/search_quality.py KB [--system scrutineer|generic|vector] [--generic-store DIR]
                                        [--split tune|heldout] [--queries FILE ...] [--reworded FILE] [-v]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generic_rag import Retriever

from scrutineer.config import open_vectors, settings
from scrutineer.nearest import query_vector
from scrutineer.search import search
from store.records import Records

QUERIES = Path(__file__).resolve().parent / "queries" / "queries.json"
DEPTH = 30
FETCH = 100  # hits fetched, so that the reading budgets below can be filled by short passages too
BUDGETS = (5000, 15000)  # characters read: the text of 10 and 30 generic chunks


class Returned(NamedTuple):
    """One result as the scorer sees it: its text, normalised, and the files it counts for."""

    text: str
    sources: frozenset[str]


class Score(NamedTuple):
    relevant: int
    found10: int
    found30: int
    ndcg10: float
    rr: float
    found_5k: int
    found_15k: int

    @property
    def capped10(self) -> float:
        return min(self.found10, 10) / min(10, self.relevant)

    @property
    def capped30(self) -> float:
        return min(self.found30, DEPTH) / min(DEPTH, self.relevant)


def norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u00ad", "").replace("\ufb01", "fi").replace("\ufb02", "fl")
    return re.sub(r"\s+", " ", text).strip().lower()


def score_query(relevant: list[tuple[str, str]], returned: list[Returned], twins: dict[str, set[str]],
                reading: list[Returned] | None = None) -> Score:
    """`returned` is the top 30 as a user gets them, `reading` up to 100 hits for the reading budgets (default the
    same); `twins` maps a normalised phrase to every file holding it (with the labelled one)."""
    labels = [(twins.get(norm(p), set()) | {src}, norm(p)) for src, p in relevant]

    def matched(r: Returned) -> set[int]:
        return {i for i, (srcs, p) in enumerate(labels) if p in r.text and r.sources & srcs}

    per_rank = [matched(r) for r in returned[:DEPTH]]
    found10 = len(set().union(*per_rank[:10])) if per_rank else 0
    found30 = len(set().union(*per_rank)) if per_rank else 0
    dcg = sum(1 / math.log2(rank + 1) for rank, m in enumerate(per_rank[:10], 1) if m)
    ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(10, len(labels)) + 1))
    first = next((rank for rank, m in enumerate(per_rank, 1) if m), None)
    budget = [len({i for r in read for i in matched(r)}) for read in (_read(reading or returned, b) for b in BUDGETS)]
    return Score(len(labels), found10, found30, dcg / ideal if ideal else 0.0, 1 / first if first else 0.0, *budget)


def _read(returned: list[Returned], budget: int) -> list[Returned]:
    """The hits as far as a reader gets with `budget` characters: a 500-character chunk holds three or four
    statements, a hit of search often one, so hits alone favour long hits; equal reading is the fair comparison."""
    out = []
    for r in returned:
        if budget <= 0:
            break
        out.append(r._replace(text=r.text[:budget]))
        budget -= len(r.text)
    return out


def phrase_sources(records: Records, phrases: list[str]) -> dict[str, set[str]]:
    """Every file whose statements hold each phrase (an FTS phrase query narrows, the normalised text decides)."""
    out: dict[str, set[str]] = {}
    for phrase in phrases:
        p = norm(phrase)
        words = re.findall(r"\w+", p)
        if not words:
            continue
        sql = ("SELECT d.source, s.text FROM statements_fts f JOIN statements s ON s.id = f.rowid"
               " JOIN documents d ON d.id = s.document_id WHERE statements_fts MATCH ?")
        rows = records.db.execute(sql, ['"' + " ".join(words) + '"']).fetchall()
        out[p] = {src for src, text in rows if p in norm(text)}
    return out


def run_scrutineer(kb: Path):
    records = Records(kb)
    index, embedder = open_vectors(kb, settings())

    def run(query: str) -> tuple[list[Returned], list[Returned]]:
        """The top 30 as `search --limit 30` gives them (adjacent hits merge differently at another limit), and 100."""
        top, more = (search(records, index, embedder, query, limit=n) for n in (DEPTH, FETCH))
        return ([Returned(norm(h.text), frozenset([h.source, *h.also_in])) for h in top],
                [Returned(norm(h.text), frozenset([h.source, *h.also_in])) for h in more])

    return records, run


def run_vector(kb: Path):
    """The KB's own vector index alone, a statement per hit: how far the embedding model reaches without the rest."""
    records = Records(kb)
    index, embedder = open_vectors(kb, settings())
    sql = "SELECT s.text, d.source FROM statements s JOIN documents d ON d.id = s.document_id WHERE s.id = ?"

    def run(query: str) -> tuple[list[Returned], list[Returned]]:
        found = index.query(query_vector(embedder, query), FETCH)
        hits = [Returned(norm(text), frozenset([source])) for h in found
                for text, source in records.db.execute(sql, (h.statement_id,))]
        return hits[:DEPTH], hits

    return records, run


def run_generic(kb: Path, store: Path):
    retriever = Retriever(store)

    def run(query: str) -> tuple[list[Returned], list[Returned]]:
        hits = [Returned(norm(c.text), frozenset([c.source])) for c in retriever.query(query, FETCH)]
        return hits[:DEPTH], hits

    return Records(kb), run


def report(queries: list[dict], scores: dict[str, Score]) -> None:
    print(f"{'query':32} {'split':8} {'rel':>4} {'R@10':>6} {'R@30':>6} {'Rc@10':>6} {'Rc@30':>6} {'nDCG@10':>8} {'RR':>6}"
          f" {'R@5k':>6} {'R@15k':>6}")
    for q in queries:
        s = scores[q["id"]]
        print(f"{q['id']:32} {q['split']:8} {s.relevant:4} {s.found10 / s.relevant:6.3f} {s.found30 / s.relevant:6.3f}"
              f" {s.capped10:6.3f} {s.capped30:6.3f} {s.ndcg10:8.3f} {s.rr:6.3f} {s.found_5k / s.relevant:6.3f}"
              f" {s.found_15k / s.relevant:6.3f}")
    for split in sorted({q["split"] for q in queries}):
        group = [scores[q["id"]] for q in queries if q["split"] == split]
        rel = sum(s.relevant for s in group)
        n = len(group)
        print(f"{split}: {n} queries, {rel} relevant | R@10 {sum(s.found10 for s in group) / rel:.3f}"
              f" R@30 {sum(s.found30 for s in group) / rel:.3f} | Rc@10 {sum(s.capped10 for s in group) / n:.3f}"
              f" Rc@30 {sum(s.capped30 for s in group) / n:.3f} | nDCG@10 {sum(s.ndcg10 for s in group) / n:.3f}"
              f" MRR {sum(s.rr for s in group) / n:.3f} | R@5k chars {sum(s.found_5k for s in group) / rel:.3f}"
              f" R@15k chars {sum(s.found_15k for s in group) / rel:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kb", type=Path, help="a KB of the whole shared corpus, with vectors")
    ap.add_argument("--system", choices=["scrutineer", "generic", "vector"], default="scrutineer")
    ap.add_argument("--generic-store", type=Path, help="the store bench/generic_rag.py built (for --system generic)")
    ap.add_argument("--split", choices=["tune", "heldout"])
    ap.add_argument("--queries", type=Path, nargs="+", default=[QUERIES])
    ap.add_argument("--reworded", type=Path, help="other wordings of the questions, scored with their labels")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the relevant statements missed at 30")
    args = ap.parse_args()
    queries = [q for path in args.queries for q in json.loads(path.read_text()) if q.get("relevant")]
    if args.reworded:
        queries = reworded(queries, json.loads(args.reworded.read_text()))
    for q in queries:
        q.setdefault("split", "dev")
    queries = [q for q in queries if not args.split or q["split"] == args.split]
    if args.system == "generic" and not args.generic_store:
        ap.error("--system generic needs --generic-store")
    runs = {"scrutineer": run_scrutineer, "vector": run_vector}
    records, run = run_generic(args.kb, args.generic_store) if args.system == "generic" else runs[args.system](args.kb)
    with records:
        twins = phrase_sources(records, [p for q in queries for _, p in q["relevant"]])
        scores = {}
        for q in queries:
            returned, reading = run(q["query"])
            scores[q["id"]] = score_query([tuple(r) for r in q["relevant"]], returned, twins, reading)
            if args.verbose:
                _missed(q, returned, twins)
    report(queries, scores)


def reworded(queries: list[dict], rewordings: list[dict]) -> list[dict]:
    """Each rewording of a question held in `queries`, as a question with the original's labels; its set as split."""
    by_id = {q["id"]: q for q in queries}
    out = []
    for n, r in enumerate(rewordings):
        if r["of"] in by_id:
            out.append({**by_id[r["of"]], "id": f"{r['of']}/{n}", "query": r["query"], "split": r["set"]})
    return out


def _missed(q: dict, returned: list[Returned], twins: dict[str, set[str]]) -> None:
    for src, p in q["relevant"]:
        srcs = twins.get(norm(p), set()) | {src}
        if not any(norm(p) in r.text and r.sources & srcs for r in returned):
            print(f"  {q['id']}: missed [{src}] {p}")


if __name__ == "__main__":
    main()
