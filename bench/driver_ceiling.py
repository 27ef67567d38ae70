"""What one driver can write: on a cluster, workers parse, extract and embed, but the driver alone stores each file
(SQLite + FTS5) and writes every vector (Chroma), so these rates cap an ingest however many workers it has.

Run: python bench/driver_ceiling.py [PATH...] (default: seeds + kent of the shared corpus; 2 parser workers).
Prints store pages/s and statements/s, Chroma writes statements/s and the embedding rate, each of its own time.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from scrutineer.config import Settings, open_vectors
from scrutineer.indexing import sync_index
from scrutineer.pipeline import ingest
from store.records import Records

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    shared = ROOT.parent / "shared" / "corpus"
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(shared / "seeds"), str(shared / "kent")])
    args = ap.parse_args()
    kb = Path(tempfile.mkdtemp(prefix="scrutineer-driver-"))
    with Records(kb) as records:
        s = ingest([Path(p) for p in args.paths], records, workers=2)
        index, embedder = open_vectors(kb, Settings())
        spent = {"add": 0.0, "embed": 0.0}
        add, embed = index.add, embedder.embed

        def timed(name: str, fn):
            def run(*a, **k):
                start = time.perf_counter()
                try:
                    return fn(*a, **k)
                finally:
                    spent[name] += time.perf_counter() - start
            return run

        index.add = timed("add", add)  # type: ignore[method-assign]
        embedder.embed = timed("embed", embed)  # type: ignore[method-assign]
        done = sync_index(records, index, embedder)
    print(f"{s.files_read} files, {s.pages} pages, {s.statements} statements; store {s.store_seconds:.1f} s = "
          f"{s.pages / s.store_seconds:.0f} pages/s, {s.statements / s.store_seconds:.0f} statements/s (driver)")
    print(f"parse {s.parse_seconds:.1f} + extract {s.extract_seconds:.1f} worker-s = "
          f"{s.pages / (s.parse_seconds + s.extract_seconds):.1f} pages/s per worker")
    print(f"vectors: embed {spent['embed']:.1f} s = {done.embedded / spent['embed']:.0f} statements/s (this CPU); "
          f"Chroma writes {spent['add']:.1f} s = {done.embedded / spent['add']:.0f} statements/s (driver); "
          f"whole sync {done.seconds:.1f} s")


if __name__ == "__main__":
    main()
