"""Search that never fails for want of the vector index: missing, damaged, busy or built with another model, the
keyword (FTS) results come back with a one-line notice saying why."""

from __future__ import annotations

from collections.abc import Callable

from nlp.embed import Embedder
from scrutineer.query_filters import ReadQuery
from scrutineer.search import Hit, search
from store.kb_lock import VectorsBusy
from store.records import Records
from store.statement_rows import SearchFilters
from store.vectors import IndexDamaged, IndexMismatch, VectorIndex

Opener = Callable[[], tuple[VectorIndex, Embedder]]
VECTOR_PROBLEMS = (IndexDamaged, IndexMismatch, VectorsBusy)


def search_or_keywords(records: Records, vectors: Opener, query: str, filters: SearchFilters, limit: int,
                       threshold: float, notice: Callable[[str], None], literal: bool = False,
                       expand: bool = False, read: ReadQuery | None = None) -> list[Hit]:
    """Hybrid search; keyword search alone (and `notice` told why) when the vector index cannot be used."""
    try:
        index, embedder = vectors()
        with index.held():  # one hold of the vector store per search, not one per call
            return search(records, index, embedder, query, filters, limit, threshold, literal, expand, read)
    except VECTOR_PROBLEMS as exc:
        notice(f"{exc}; searching by keywords only")
    return search(records, None, None, query, filters, limit, threshold, literal, expand, read)
