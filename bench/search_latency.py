"""Warm search latency on a KB: p50 and p95, wall clock and CPU time, for each query's first search (its words
embedded) and for repeats (its vector remembered, as when a reader changes a filter or the limit).

Run: python bench/search_latency.py KB [QUERIES_JSON ...] [--repeat N] [--filtered] [--held-topics]
(default queries: ../shared/eval/queries_dev.json; bench/queries/queries.json adds 34 more). `--filtered` then
searches every query again under each filter of bench/web_load.py (a year, a document type, a topic) and prints the
CPU per search for each. `--held-topics` first holds every topic's vectors in process, as the web app does at start
(`warm_topics`); without it a search runs as a CLI process does, reading a topic's flags the first time it is named.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from scrutineer.config import open_vectors, settings
from scrutineer.nearest import warm_topics
from scrutineer.search import search
from store.records import Records
from store.statement_rows import SearchFilters

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
FILTERS = {"year from 2024": SearchFilters(year_from=2024), "document type report": SearchFilters(doc_type="report"),
           "topic neet": SearchFilters(topic="neet")}


def _line(name: str, values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
    return f"{name}: {len(values)} searches; p50 {statistics.median(values):.0f} ms; p95 {p95:.0f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("kb", type=Path)
    ap.add_argument("queries", nargs="*", type=Path, default=[SHARED / "eval" / "queries_dev.json"])
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--filtered", action="store_true", help="also time each query under each of FILTERS")
    ap.add_argument("--held-topics", action="store_true", help="hold the topics' vectors first, as the web app does")
    args = ap.parse_args()
    queries = list(dict.fromkeys(q["query"] for path in args.queries for q in json.loads(path.read_text())))
    with Records(args.kb) as records:
        n = records.db.execute("SELECT count(*) FROM statements").fetchone()[0]
        index, embedder = open_vectors(args.kb, settings(), writer=False)
        if args.held_topics:
            warm_topics(index)
        with index.held():  # as the CLI and the web app search: one hold of the vector store per search
            search(records, index, embedder, "warm up the model and the store", limit=30)
        first: dict[str, list[float]] = {"wall": [], "cpu": []}
        again: dict[str, list[float]] = {"wall": [], "cpu": []}
        for round_ in range(args.repeat):
            for q in queries:
                wall, cpu = time.perf_counter(), time.process_time()
                with index.held():
                    search(records, index, embedder, q, limit=30)
                into = first if round_ == 0 else again
                into["wall"].append(1000 * (time.perf_counter() - wall))
                into["cpu"].append(1000 * (time.process_time() - cpu))
        filtered = {name: _cpu(records, index, embedder, queries, f) for name, f in FILTERS.items()} if args.filtered else {}
    held = "; topics' vectors held, as the web app" if args.held_topics else "; as a CLI process"
    print(f"KB {args.kb}: {n} statements; {len(queries)} queries, limit 30{held}")
    for name, got in (("first search of a query", first), ("repeated", again)):
        if got["wall"]:
            print(f"{_line(name + ', wall', got['wall'])}\n{_line(name + ', CPU', got['cpu'])}")
    for name, cpu in filtered.items():
        print(f"{_line(f'filtered by {name}, CPU', cpu)}; mean {statistics.fmean(cpu):.0f} ms")


def _cpu(records: Records, index, embedder, queries: list[str], filters: SearchFilters) -> list[float]:
    """CPU ms of each query's search under `filters` (its vector already remembered, as in the web app)."""
    out = []
    for q in queries:
        cpu = time.process_time()
        with index.held():
            search(records, index, embedder, q, filters, limit=30)
        out.append(1000 * (time.process_time() - cpu))
    return out


if __name__ == "__main__":
    main()
