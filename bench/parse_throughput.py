"""Parse throughput without embeddings: pages/s, tables found, peak memory, on a folder of PDFs.

Run: python bench/parse_throughput.py [FOLDER] [--workers N]  (default ../shared/corpus/ofsted-ilacs, 2 workers)
"""

from __future__ import annotations

import argparse
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ingest import IngestError, parse_file

ROOT = Path(__file__).resolve().parent.parent


def _one(path: str) -> tuple[int, int, str]:
    try:
        parsed = parse_file(Path(path))
    except IngestError as exc:
        return 0, 0, exc.reason
    return len(parsed.page_texts), sum(len(d.tables) for d in parsed.documents), ""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "ofsted-ilacs"))
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    files = sorted(str(p) for p in Path(args.folder).rglob("*.pdf"))
    start = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        results = list(pool.map(_one, files, chunksize=4))
    elapsed = time.perf_counter() - start
    pages = sum(r[0] for r in results)
    tables = sum(r[1] for r in results)
    failed = sum(1 for r in results if r[2])
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    print(f"files {len(files)} (failed {failed}); pages {pages}; tables {tables}")
    print(f"elapsed {elapsed:.1f} s; {pages / elapsed:.1f} pages/s with {args.workers} workers; peak RSS {peak / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
