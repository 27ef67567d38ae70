"""Extraction speed on one core: statements/s through metric extraction and topic tagging, over a KB.

Run: python bench/extract_speed.py [KB]   (default: builds nothing; point it at a KB you ingested)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ingest.models import DocType
from nlp.pipeline import build_extractor
from store.queries import list_documents, load_document
from store.records import Records


def main() -> None:
    kb = Path(sys.argv[1] if len(sys.argv) > 1 else "kb")
    with Records(kb) as records:
        docs = [load_document(records, d) for d in list_documents(records) if d.doc_type is not DocType.PACK]
    extractor = build_extractor()
    statements = sum(len(d.statements) for d in docs)
    start, cpu = time.perf_counter(), time.process_time()
    metrics = sum(len(extractor.extract(d).metrics) for d in docs)
    elapsed, used = time.perf_counter() - start, time.process_time() - cpu
    print(f"documents {len(docs)}; statements {statements}; metrics {metrics}")
    print(f"{elapsed:.1f} s; {statements / elapsed:.0f} statements/s on one core")
    # on a shared machine the wall clock counts other people's work; CPU time counts this process's own
    print(f"{used:.1f} CPU s; {statements / used:.0f} statements per CPU second")


if __name__ == "__main__":
    main()
