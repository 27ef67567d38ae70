"""Warm search latency: p50 and p95 over the dev queries, repeated, on a KB.

Run: python bench/search_latency.py KB [QUERIES_JSON] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from scrutineer.config import open_vectors, settings
from scrutineer.search import search
from store.records import Records

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("kb", type=Path)
    ap.add_argument("queries", nargs="?", type=Path, default=SHARED / "eval" / "queries_dev.json")
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    queries = [q["query"] for q in json.loads(args.queries.read_text())]
    with Records(args.kb) as records:
        index, embedder = open_vectors(args.kb, settings())
        search(records, index, embedder, queries[0], limit=30)  # warm up
        times = []
        for _ in range(args.repeat):
            for q in queries:
                start = time.perf_counter()
                search(records, index, embedder, q, limit=30)
                times.append(1000 * (time.perf_counter() - start))
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    print(f"{len(times)} searches; p50 {statistics.median(times):.0f} ms; p95 {p95:.0f} ms")


if __name__ == "__main__":
    main()
