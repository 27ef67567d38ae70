"""The Python API: `open_kb(path)` gives notebooks and scripts what the CLI gives a terminal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING

from ingest import Overrides
from ingest.authorities import resolve_authority
from nlp.embed import Embedder
from nlp.taxonomy import Taxonomy, load_taxonomy
from scrutineer.compare import Comparison, compare
from scrutineer.config import Settings, extracts, open_vectors, reads_tables, settings
from scrutineer.indexing import IndexSummary, sync_or_rebuild
from scrutineer.limits import FileLimits
from scrutineer.nearest import warm_topics
from scrutineer.query_filters import ReadQuery
from scrutineer.search import Hit, reading, unmatched_filters
from scrutineer.vector_search import search_or_keywords
from store.kb_lock import writer
from store.metric_rows import MetricRow, Only, query_metrics
from store.queries import DocumentRow, list_documents
from store.records import Records
from store.statement_rows import SearchFilters
from store.vectors import VectorIndex

if TYPE_CHECKING:
    from scrutineer.pipeline import IngestSummary

_log = logging.getLogger("scrutineer")


class KnowledgeBaseMissing(FileNotFoundError):
    """No knowledge base where one was expected."""


class KnowledgeBase:
    """One KB folder: SQLite records plus the vector index, opened lazily (the model loads on first search)."""

    def __init__(self, path: Path, cfg: Settings, vectors_of: KnowledgeBase | None = None) -> None:
        self.path = path
        self.records = Records(path)
        self._cfg = cfg
        self._vectors: tuple[VectorIndex, Embedder] | None = None
        self._vectors_of = vectors_of  # another KB object of this folder whose index and model this one reads
        self._opening = Lock()
        self._taxonomy: Taxonomy | None = None
        self.notice: str | None = None  # set when the last search fell back to keywords, saying why
        self.unmatched: ReadQuery | None = None  # the query's own filters, when the last search found no paper to search
        self.read: ReadQuery | None = None  # the last query as searched: its text and the filters read from it

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.records.close()
        if self._vectors is not None:
            self._vectors[0].close()

    def ingest(self, paths: list[Path], overrides: Overrides | None = None,
               on_embedded: Callable[[int], None] | None = None) -> tuple[IngestSummary, IndexSummary | None]:
        """Raises KbBusy when another process is writing to this KB."""
        from scrutineer.pipeline import ingest as run_ingest  # the extraction rules load when a KB ingests, not opens

        with writer(self.path, "scrutineer.open_kb().ingest"):
            summary = run_ingest(paths, self.records, overrides, workers=self._cfg.workers, tables=reads_tables(self._cfg),
                                 limits=FileLimits(seconds=self._cfg.file_seconds), extract=extracts(self._cfg))
            if not self._cfg.embed:
                return summary, None
            opened = lambda rebuilding: open_vectors(self.path, self._cfg, rebuilding=rebuilding)  # noqa: E731
            return summary, sync_or_rebuild(self.records, opened, on_embedded)

    def vectors(self) -> tuple[VectorIndex, Embedder]:
        """The index, for reading; kept open for the KB's life (it reopens itself when another process writes)."""
        if self._vectors_of is not None:
            return self._vectors_of.vectors()
        with self._opening:  # threads sharing this KB's index open it once
            if self._vectors is None:
                self._vectors = open_vectors(self.path, self._cfg, writer=False)
            return self._vectors

    def reader(self) -> KnowledgeBase:
        """Another handle on this KB for another thread: its own SQLite connection (a connection stays on the thread
        that opened it), this one's vector index and model (safe across threads, and loaded once)."""
        return KnowledgeBase(self.path, self._cfg, vectors_of=self)

    @property
    def taxonomy(self) -> Taxonomy:
        if self._taxonomy is None:
            self._taxonomy = load_taxonomy()
        return self._taxonomy

    def documents(self) -> list[DocumentRow]:
        return list_documents(self.records)

    def metrics(self, indicator: str | list[str] | None = None, authority: str | list[str] | None = None,
                basis: str | list[str] | None = None, only: Only | str | None = None) -> list[MetricRow]:
        """`only`: "mapped", "unmapped", "confident" (mapped with high or medium confidence) or "all"; every choice but
        "all" leaves out the figures of papers on other council business that name no child."""
        names = [resolve_authority(a) for a in _listed(authority)]
        return query_metrics(self.records, _listed(indicator), names, _listed(basis), Only(only) if only else None)

    def search(self, query: str, limit: int = 20, threshold: float = 0.0, literal: bool = False,
               **filters: object) -> list[Hit]:
        """Filters as in `SearchFilters`: authorities, committee, doc_type, year_from, year_to, latest, topic, indicator. An
        authority, years or a kind of paper named in `query` become filters too, unless `literal`; when they leave
        no paper to search, `unmatched` says which they were."""
        if "authorities" in filters:
            filters["authorities"] = [resolve_authority(a) for a in _listed(filters["authorities"])]  # type: ignore[arg-type]
        self.notice = None
        chosen = SearchFilters(**filters)
        self.read = reading(self.records, query, chosen, literal)
        found = search_or_keywords(self.records, self.vectors, query, chosen, limit, threshold, self._notice, literal,
                                   read=self.read)
        self.unmatched = None if found else unmatched_filters(self.records, self.read, chosen)
        return found

    def warm(self) -> None:
        """Hold every topic's vectors in this process, as `scrutineer serve` does: worth it before many searches (a
        notebook's loop), not for one (2.3 s and 73 MB once on the whole shared corpus, then about 10 ms less for
        each search that names a topic)."""
        warm_topics(self.vectors()[0])

    def _notice(self, message: str) -> None:
        """Why the last search used keywords only (the vector index missing, damaged or busy); also logged."""
        self.notice = message
        _log.warning(message)

    def compare(self, indicator: str, authorities: str | list[str] | None = None,
                neighbours_of: str | None = None) -> Comparison:
        names = [resolve_authority(a) for a in _listed(authorities)]
        of = resolve_authority(neighbours_of) if neighbours_of else None
        return compare(self.records, self.taxonomy, indicator, names, of)


def _listed(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def open_kb(path: str | Path, create: bool = False, cfg: Settings | None = None) -> KnowledgeBase:
    """Open the knowledge base at `path`; `create=True` starts an empty one there."""
    path = Path(path)
    if not create and not (path / "records.sqlite").exists():
        raise KnowledgeBaseMissing(f"no knowledge base at {path}: run `scrutineer ingest PATH --kb {path}` first")
    return KnowledgeBase(path, cfg or settings())
