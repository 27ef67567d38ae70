"""End-to-end ingest throughput with embeddings, per stage, then an unchanged re-ingest and a full export.

Run: python bench/ingest_throughput.py [CORPUS] [--kb DIR] [--profile accurate|fast] [--workers N]
(default: ../shared/corpus into a fresh temporary KB, accurate profile, 2 workers)
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from scrutineer.config import Settings, open_vectors
from scrutineer.exports import metrics_csv
from scrutineer.indexing import sync_index
from scrutineer.pipeline import ingest
from store.metric_rows import query_metrics
from store.records import Records

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--kb", default=None)
    ap.add_argument("--profile", default="accurate")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    kb = Path(args.kb or tempfile.mkdtemp(prefix="scrutineer-bench-"))
    shutil.rmtree(kb, ignore_errors=True)
    cfg = Settings(profile=args.profile, workers=args.workers)
    with Records(kb) as records:
        first = _run(records, kb, cfg, Path(args.corpus), "first ingest")
        again = _run(records, kb, cfg, Path(args.corpus), "unchanged re-ingest")
        print(f"re-ingest of the unchanged corpus took {100 * again / first:.2f}% of the first ingest")
        start = time.perf_counter()
        rows = query_metrics(records)
        text = metrics_csv(rows)
        print(f"export: {len(rows)} metrics as CSV ({len(text) / 1e6:.1f} MB) in {time.perf_counter() - start:.2f} s")
    print(f"KB: {kb}")


def _run(records: Records, kb: Path, cfg: Settings, corpus: Path, title: str) -> float:
    start = time.perf_counter()
    s = ingest([corpus], records, workers=cfg.workers, tables=cfg.tables)
    parsed = time.perf_counter()
    index, embedder = open_vectors(kb, cfg)
    loaded = time.perf_counter()
    done = sync_index(records, index, embedder)
    wall = time.perf_counter() - start
    print(f"== {title} ({cfg.profile.value} profile, {cfg.workers} workers): {s.files_read} files read, "
          f"{s.unchanged} unchanged, {len(s.failures)} failed; {s.pages} pages, {s.statements} statements, "
          f"{s.metrics} metrics")
    if s.pages:
        print(f"end to end: {wall:.1f} s = {s.pages / wall:.1f} pages/s, {s.statements / wall:.0f} statements/s")
        print(f"  parse    {s.parse_seconds:7.1f} worker-s  {s.pages / max(s.parse_seconds, 1e-9):7.1f} pages/s per core")
        print(f"  extract  {s.extract_seconds:7.1f} worker-s  {s.statements / max(s.extract_seconds, 1e-9):7.0f} "
              "statements/s per core")
        print(f"  store    {s.store_seconds:7.1f} s")
        print(f"  (parse+extract+store wall with {cfg.workers} workers: {parsed - start:.1f} s)")
    print(f"  model    {loaded - parsed:7.1f} s to load")
    rate = done.embedded / done.seconds if done.embedded else 0.0
    print(f"  embed    {done.seconds:7.1f} s  {done.embedded} statements, {rate:.0f} statements/s (incl. Chroma writes)")
    print(f"total {wall:.1f} s")
    return wall


if __name__ == "__main__":
    main()
