"""Top-30 hits of every bench query, unfiltered and under each filter of search_latency.py, every field (scores and
`why` included) as JSON lines: run it before and after a change to search and compare the files (`cmp`), to show a
speed-up changed no result.

Run: python bench/search_dump.py KB OUT.jsonl [QUERIES_JSON ...]
(default queries: ../shared/eval/queries_dev.json and bench/queries/queries.json)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from search_latency import FILTERS, SHARED

from scrutineer.config import open_vectors, settings
from scrutineer.search import search
from store.records import Records
from store.statement_rows import SearchFilters


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("kb", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("queries", nargs="*", type=Path,
                    default=[SHARED / "eval" / "queries_dev.json", Path(__file__).parent / "queries" / "queries.json"])
    args = ap.parse_args()
    queries = list(dict.fromkeys(q["query"] for path in args.queries for q in json.loads(path.read_text())))
    filters = {"none": SearchFilters(), **FILTERS}
    with Records(args.kb) as records, args.out.open("w") as out:
        index, embedder = open_vectors(args.kb, settings(), writer=False)
        for q in queries:
            for name, f in filters.items():
                with index.held():
                    found = search(records, index, embedder, q, f, limit=30)
                out.write(json.dumps({"query": q, "filter": name, "hits": [h.model_dump(mode="json") for h in found]},
                                     ensure_ascii=False) + "\n")
    print(f"{len(queries)} queries x {len(filters)} filters -> {args.out}")


if __name__ == "__main__":
    main()
