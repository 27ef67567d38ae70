"""Keep the vector index in step with SQLite: embed what it lacks, drop what SQLite no longer has."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from pydantic import BaseModel, ConfigDict

from nlp.embed import Embedder
from nlp.topic_similarity import similar_topics
from nlp.topics import Topic
from scrutineer.gc_pace import lean_gc
from store.records import Records
from store.statement_rows import all_statement_ids, index_rows, rule_topics
from store.vectors import IndexDamaged, VectorIndex

BATCH = 512


class IndexSummary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    embedded: int = 0
    removed: int = 0
    retagged: int = 0  # statements whose topics changed after the similarity pass
    seconds: float = 0.0


def sync_index(records: Records, index: VectorIndex, embedder: Embedder,
               on_batch: Callable[[int], None] | None = None, refresh_topics: bool = False) -> IndexSummary:
    """Embed what the index lacks, drop what SQLite no longer has, then re-derive topic flags when
    anything changed (or `refresh_topics`, after re-extraction changed the rule topics)."""
    with lean_gc():
        return _sync(records, index, embedder, on_batch, refresh_topics)


def _sync(records: Records, index: VectorIndex, embedder: Embedder, on_batch: Callable[[int], None] | None,
          refresh_topics: bool) -> IndexSummary:
    start = time.perf_counter()
    have = index.ids()
    stale = sorted(have - all_statement_ids(records))
    if stale:
        index.delete(stale)
    todo = list(index_rows(records, exclude=have))
    groups = rows_by_text(todo)
    distinct = list(groups)
    added = _Added(len(todo)) if not have else None  # the index held nothing: what is added is all of it
    for i in range(0, len(distinct), BATCH):
        texts = distinct[i:i + BATCH]
        vectors = embedder.embed(texts)
        rows = [r for text in texts for r in groups[text]]
        batch = ([todo[r][0] for r in rows], vectors[[k for k, text in enumerate(texts) for _ in groups[text]]],
                 [todo[r][2] for r in rows])
        index.add(*batch)  # type: ignore[arg-type]
        if added is not None:
            added.keep(*batch)
        if on_batch:
            on_batch(len(rows))
    changed = todo or stale or refresh_topics
    retagged = tag_topics(records, index, added.content() if added is not None else None) if changed else 0
    index.level(bool(changed))  # every reader then loads the same graph (an older KB is levelled by its next sync)
    if changed:  # a CLI search naming a topic then reads its ids from beside the store (1.4-1.8 s on the whole corpus)
        index.remember([f"topic_{t.value}" for t in Topic])
    return IndexSummary(embedded=len(todo), removed=len(stale), retagged=retagged, seconds=time.perf_counter() - start)


def sync_or_rebuild(records: Records, open_index: Callable[[bool], tuple[VectorIndex, Embedder]],
                    on_batch: Callable[[int], None] | None = None, refresh_topics: bool = False,
                    on_rebuild: Callable[[str], None] | None = None) -> IndexSummary:
    """`sync_index` on the index `open_index(rebuilding)` opens; one found damaged (a writer killed while Chroma
    saved its graph) is rebuilt from SQLite, the record it is derived from, so that the same ingest run again
    finishes the batch rather than asking for `reindex`. `on_rebuild` is told why."""
    try:
        index, embedder = open_index(False)
        return sync_index(records, index, embedder, on_batch, refresh_topics)
    except IndexDamaged as exc:
        if on_rebuild:
            on_rebuild(str(exc).split(": run `scrutineer reindex`")[0])
    index, embedder = open_index(True)
    return reindex(records, index, embedder, on_batch)


def rows_by_text(todo: list[tuple[int, str, dict]]) -> dict[str, list[int]]:
    """Each distinct text to embed, shortest first, with its rows in `todo`: a sentence repeated across documents (a
    standing heading, a recurring table row) is embedded once per sync, not once per batch of rows (seeds + kent +
    kent-council: 10,389 texts instead of 11,044 for 11,557 statements), and batches of similar lengths pad less."""
    groups: dict[str, list[int]] = {}
    for row, (_, text, _) in enumerate(todo):
        groups.setdefault(text, []).append(row)
    return {text: groups[text] for text in sorted(groups, key=len)}


class _Added:
    """What a fresh build wrote to the index, kept so the topic pass need not read every vector back from Chroma:
    one matrix filled batch by batch (no second copy when it is handed over)."""

    def __init__(self, rows: int) -> None:
        self.rows = rows
        self.ids: list[int] = []
        self.metas: list[dict] = []
        self.vectors: np.ndarray | None = None

    def keep(self, ids: list[int], vectors: np.ndarray, metas: list[dict]) -> None:
        if self.vectors is None:
            self.vectors = np.empty((self.rows, vectors.shape[1]), dtype=np.float32)
        self.vectors[len(self.ids):len(self.ids) + len(ids)] = vectors
        self.ids += ids
        self.metas += metas

    def content(self) -> tuple[np.ndarray, np.ndarray, list[dict]] | None:
        if self.vectors is None:
            return None
        return np.array(self.ids, dtype=np.int64), self.vectors[:len(self.ids)], self.metas


def tag_topics(records: Records, index: VectorIndex,
               held: tuple[np.ndarray, np.ndarray, list[dict]] | None = None) -> int:
    """Topic flags in the index = the rules' topics (SQLite) plus those found by embedding similarity. `held`: the
    index's whole content when the caller has it (a fresh build), read back from Chroma otherwise."""
    ids, vectors, metas = held if held is not None else index.everything()
    if not len(ids):
        return 0
    rules = rule_topics(records)
    tagged: dict[str, set[int]] = {}
    for sid, topics in rules.items():
        for t in topics:
            tagged.setdefault(t, set()).add(sid)
    near = similar_topics(ids, vectors, tagged)
    changed_ids, changed_metas = [], []
    for sid, meta in zip(ids.tolist(), metas, strict=True):
        want = set(rules.get(sid, ())) | {t for t, members in near.items() if sid in members}
        have = {k[6:] for k, v in meta.items() if k.startswith("topic_") and v is True}
        if want != have:
            changed_ids.append(sid)
            changed_metas.append({**meta, **{f"topic_{t}": t in want for t in want | have}})
    index.set_metadata(changed_ids, changed_metas)
    return len(changed_ids)


def reindex(records: Records, index: VectorIndex, embedder: Embedder,
            on_batch: Callable[[int], None] | None = None) -> IndexSummary:
    """Rebuild the whole vector index from SQLite (after changing the embedding model)."""
    index.reset()
    return sync_index(records, index, embedder, on_batch, refresh_topics=True)
