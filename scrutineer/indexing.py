"""Keep the vector index in step with SQLite: embed what it lacks, drop what SQLite no longer has."""

from __future__ import annotations

import time
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from nlp.embed import Embedder
from store.records import Records
from store.statement_rows import all_statement_ids, index_rows
from store.vectors import VectorIndex

BATCH = 512


class IndexSummary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    embedded: int = 0
    removed: int = 0
    seconds: float = 0.0


def sync_index(records: Records, index: VectorIndex, embedder: Embedder,
               on_batch: Callable[[int], None] | None = None) -> IndexSummary:
    start = time.perf_counter()
    have = index.ids()
    stale = sorted(have - all_statement_ids(records))
    if stale:
        index.delete(stale)
    todo = list(index_rows(records, exclude=have))
    for i in range(0, len(todo), BATCH):
        chunk = todo[i:i + BATCH]
        vectors = embedder.embed([text for _, text, _ in chunk])
        index.add([sid for sid, _, _ in chunk], vectors, [meta for _, _, meta in chunk])  # type: ignore[misc]
        if on_batch:
            on_batch(len(chunk))
    return IndexSummary(embedded=len(todo), removed=len(stale), seconds=time.perf_counter() - start)


def reindex(records: Records, index: VectorIndex, embedder: Embedder,
            on_batch: Callable[[int], None] | None = None) -> IndexSummary:
    """Rebuild the whole vector index from SQLite (after changing the embedding model)."""
    index.reset()
    return sync_index(records, index, embedder, on_batch)
