"""What one driver can write: on a cluster, workers parse, extract and embed, but the driver alone stores each file
(SQLite + FTS5) and writes every vector (Chroma), so these rates cap an ingest however many workers it has.

Run: python bench/driver_ceiling.py [PATH...] (default: seeds + kent of the shared corpus; 2 parser workers).
Prints the driver's CPU seconds (its own thread, so other load on the machine does not count) for storing files and
for writing vectors, as pages/s and statements/s, and the embedding's CPU seconds on this machine for comparison.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scrutineer.config import Settings, open_vectors
from scrutineer.indexing import sync_index
from scrutineer.pipeline import ingest
from store.records import Records

ROOT = Path(__file__).resolve().parent.parent


def _timed(spent: dict[str, float], name: str, fn: Callable[..., Any], clock: Callable[[], float]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = clock()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += clock() - start
    return run


def main() -> None:
    shared = ROOT.parent / "shared" / "corpus"
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(shared / "seeds"), str(shared / "kent")])
    args = ap.parse_args()
    kb = Path(tempfile.mkdtemp(prefix="scrutineer-driver-"))
    spent = {"store": 0.0, "add": 0.0, "embed": 0.0}
    with Records(kb) as records:
        records.write = _timed(spent, "store", records.write, time.thread_time)  # type: ignore[method-assign]
        s = ingest([Path(p) for p in args.paths], records, workers=2)
        index, embedder = open_vectors(kb, Settings())
        index.add = _timed(spent, "add", index.add, time.thread_time)  # type: ignore[method-assign]
        embedder.embed = _timed(spent, "embed", embedder.embed, time.process_time)  # type: ignore[method-assign]
        done = sync_index(records, index, embedder)
    print(f"{s.files_read} files, {s.pages} pages, {s.statements} statements")
    print(f"driver, storing files: {spent['store']:.2f} CPU-s = {s.pages / spent['store']:.0f} pages/s, "
          f"{s.statements / spent['store']:.0f} statements/s")
    print(f"driver, writing vectors to Chroma: {spent['add']:.2f} CPU-s = {done.embedded / spent['add']:.0f} statements/s")
    print(f"embedding (what workers take off the driver): {spent['embed']:.1f} CPU-s = "
          f"{done.embedded / spent['embed']:.0f} statements per CPU-second")


if __name__ == "__main__":
    main()
