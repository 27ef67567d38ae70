"""Precision of the first hits on fresh questions, judged blind: what a user sees first, on questions nobody tuned for.

Recall needs every relevant statement of the KB labelled first; precision needs only the hits shown. So a helper who
has seen no code writes questions, `pool` puts each question's first K hits of this project's search and of the
generic RAG baseline into judging files, shuffled, with neither system nor rank (a passage's section is left out too,
since only this project's hits have one), and helpers label each passage yes / partly / no for its question. `score`
then prints, per question and overall, each system's share of yes (P) and of yes plus half of partly (P+), at K and
at 5. The labels are kept by each passage's file and opening words (`bench/queries/fresh16_judged.json`: a short
quote, as the query set's labels are, not the papers' text), so `score --kb` reads any later search against them and
counts the hits nobody judged; those can be judged the same way, blind, beside some judged ones as controls, and
added with `"pooled": "later@0"`.

Run: python bench/blind_precision.py pool KB --generic-store DIR --queries FILE --out DIR [--k 10] [--parts 2]
     (helpers write DIR/judged1.json ... as {item: "yes" | "partly" | "no"})
     python bench/blind_precision.py keep DIR --labels FILE       # the judgements by question and text
     python bench/blind_precision.py score --labels FILE [--kb KB]  # the pooled systems, or KB's search now
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generic_rag import Retriever

from scrutineer.config import open_vectors, settings
from scrutineer.search import search
from store.records import Records

SYSTEMS = {"A": "scrutineer", "B": "generic"}
TOP = 5
OPENING = 60  # characters of a passage kept with its label: enough to tell the passages of one question apart


def _text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def ours(kb: Path, queries: list[dict], k: int) -> dict[str, list[tuple[str, str]]]:
    records = Records(kb)
    index, embedder = open_vectors(kb, settings())
    return {q["id"]: [(h.source, _text(h.text)) for h in search(records, index, embedder, q["query"], limit=k)]
            for q in queries}


def pool(args: argparse.Namespace) -> None:
    queries = json.loads(args.queries.read_text())
    generic = Retriever(args.generic_store)
    found = {"A": ours(args.kb, queries, args.k),
             "B": {q["id"]: [(c.source, _text(c.text)) for c in generic.query(q["query"], args.k)] for q in queries}}
    items = [{"q": q["id"], "query": q["query"], "system": s, "rank": r, "source": src, "text": text}
             for q in queries for s in SYSTEMS for r, (src, text) in enumerate(found[s][q["id"]], 1)]
    random.Random(args.seed).shuffle(items)
    for i, item in enumerate(items):
        item["item"] = f"i{i:03d}"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "key.json").write_text(json.dumps(items, indent=1))
    ids = [q["id"] for q in queries]
    for part in range(args.parts):  # whole questions per judge, so that each judges a question consistently
        mine = set(ids[part::args.parts])
        blind = sorted(({"item": it["item"], "query": it["query"], "source": it["source"], "text": it["text"]}
                        for it in items if it["q"] in mine), key=lambda it: (it["query"], it["item"]))
        (args.out / f"judge{part + 1}.json").write_text(json.dumps(blind, indent=1))
    print(f"{len(items)} passages in {args.parts} judging files under {args.out}")


def keep(args: argparse.Namespace) -> None:
    """The judgements as {question id: [{source, text, label}]}, so later searches can be read against them."""
    items = json.loads((args.dir / "key.json").read_text())
    judged: dict[str, str] = {}
    for f in sorted(args.dir.glob("judged*.json")):
        judged.update(json.loads(f.read_text()))
    labels: dict[str, list[dict]] = {}
    for it in items:
        entry = {"source": it["source"], "opening": it["text"][:OPENING], "label": judged[it["item"]],
                 "pooled": f"{SYSTEMS[it['system']]}@{it['rank']}"}
        labels.setdefault(it["q"], []).append(entry)
    args.labels.write_text(json.dumps(labels, indent=1))
    print(f"{sum(map(len, labels.values()))} judged passages of {len(labels)} questions in {args.labels}")


def _line(name: str, labels: list[str]) -> str:
    c = Counter(labels)
    n = max(1, len(labels))
    return (f"{name:12} {c['yes']:3} yes {c['partly']:3} partly {c['no']:3} no {c['unjudged']:3} unjudged  "
            f"P {c['yes'] / n:.2f}  P+ {(c['yes'] + c['partly'] / 2) / n:.2f}")


def score(args: argparse.Namespace) -> None:
    labels = json.loads(args.labels.read_text())
    runs: dict[str, dict[str, list[str]]] = {}
    if args.kb:
        queries = json.loads(args.queries.read_text())
        said = {q: {(e["source"], e["opening"]): e["label"] for e in entries} for q, entries in labels.items()}
        hits = ours(args.kb, queries, args.k)
        runs["scrutineer now"] = {q: [said[q].get((src, text[:OPENING]), "unjudged") for src, text in hits[q]]
                                  for q in hits}
    else:
        for system in SYSTEMS.values():
            runs[system] = {q: [e["label"] for e in sorted((e for e in entries if e["pooled"].startswith(system + "@")),
                                                         key=lambda e: int(e["pooled"].split("@")[1]))]
                            for q, entries in labels.items()}
    for name, run in runs.items():
        for q in sorted(run):
            print(_line(f"{q}", run[q]), f"({name})")
        print(_line("all", [label for q in run for label in run[q]]), f"({name}, first {args.k})")
        print(_line(f"all @{TOP}", [label for q in run for label in run[q][:TOP]]), f"({name}, first {TOP})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pool", help="judging files of both systems' first hits, blind")
    p.add_argument("kb", type=Path)
    p.add_argument("--generic-store", type=Path, required=True)
    p.add_argument("--queries", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--parts", type=int, default=2)
    p.add_argument("--seed", type=int, default=33)
    k = sub.add_parser("keep", help="the helpers' judgements, by question and text")
    k.add_argument("dir", type=Path)
    k.add_argument("--labels", type=Path, required=True)
    s = sub.add_parser("score", help="precision of the pooled systems, or of a KB's search now")
    s.add_argument("--labels", type=Path, required=True)
    s.add_argument("--kb", type=Path)
    s.add_argument("--queries", type=Path, default=Path(__file__).resolve().parent / "queries" / "fresh16.json")
    s.add_argument("--k", type=int, default=10)
    args = ap.parse_args()
    {"pool": pool, "keep": keep, "score": score}[args.command](args)


if __name__ == "__main__":
    main()
