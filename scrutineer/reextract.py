"""Re-run extraction over a stored knowledge base, replacing metrics and entities, without re-parsing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ingest.models import DocType
from store.queries import list_documents, load_document
from store.records import Records

if TYPE_CHECKING:  # the rules load where an extractor is built (`build_extractor`), not with the CLI
    from nlp.extract import Extractor


def reextract(records: Records, extractor: Extractor, on_document: Callable[[str], None] | None = None) -> int:
    """Returns how many metrics the KB holds afterwards. Each document is swapped in its own transaction."""
    total = 0
    for row in list_documents(records):
        if row.doc_type is DocType.PACK:
            continue
        extraction = extractor.extract(load_document(records, row))
        records.replace_extraction(extraction)
        total += len(extraction.metrics)
        if on_document:
            on_document(row.source)
    records.mark_topic_rules()
    return total
