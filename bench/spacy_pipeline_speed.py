"""Statements/s through the public spaCy pipeline (entities + metric components) on one core, beside the
entity pipeline ingest runs, over the statements of a KB: what moving metrics onto spaCy would cost.

Run: python bench/spacy_pipeline_speed.py [KB] [--limit N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ingest.models import DocType
from nlp.entities import build_entity_pipeline
from nlp.extract import document_context
from nlp.pipeline import scrutineer_pipeline
from store.queries import list_documents, load_document
from store.records import Records


def _rate(nlp, docs, limit: int) -> tuple[int, float]:
    texts = [(s.text, document_context(d)) for d in docs for s in d.statements][:limit]
    made = []
    for text, ctx in texts:
        doc = nlp.make_doc(text)
        doc._.context = ctx
        made.append(doc)
    start = time.perf_counter()
    for _ in nlp.pipe(made, batch_size=256):
        pass
    return len(made), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("kb", nargs="?", default="kb")
    parser.add_argument("--limit", type=int, default=20000)
    args = parser.parse_args()
    with Records(Path(args.kb)) as records:
        docs = [load_document(records, d) for d in list_documents(records) if d.doc_type is not DocType.PACK]
    for name, nlp in (("entity pipeline (ingest)", build_entity_pipeline()), ("scrutineer_pipeline()", scrutineer_pipeline())):
        n, elapsed = _rate(nlp, docs, args.limit)
        print(f"{name}: {n} statements in {elapsed:.1f} s; {n / elapsed:.0f} statements/s on one core")


if __name__ == "__main__":
    main()
