"""Keep Chroma's saved HNSW graph level with its write log, so every process searches the same graph.

Chroma saves an embedded store's graph only after `sync_threshold` (1,000) logged writes; a process that opens the
store replays the writes since the last save, in parallel and in hash order, into a graph of its own. Two searches
of the same KB from two processes then differed past the first hundred or so vector hits (probe10's "keeping in touch
with birth families" had recall@10 0.321 in one run and 0.357 in the next). A writer that ends level leaves nothing
to replay. The log's position is read from Chroma's own SQLite tables; if a later Chroma lays them out otherwise,
nothing is done and searches are as before.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

DEFAULT_SYNC_THRESHOLD = 1000  # Chroma's own default
_UNSAVED = """
select count(*) from embeddings_queue
where topic like '%/' || :collection and seq_id > coalesce((
    select m.seq_id from max_seq_id m join segments s on s.id = m.segment_id
    where s.scope = 'VECTOR' and s.collection = :collection), 0)
"""


def unsaved_writes(store: Path, collection_id: str) -> int:
    """Logged writes the saved graph of this collection does not hold yet (0 when unknown)."""
    try:
        with closing(sqlite3.connect(f"file:{store / 'chroma.sqlite3'}?mode=ro", uri=True, timeout=60)) as db:
            row = db.execute(_UNSAVED, {"collection": collection_id}).fetchone()
    except sqlite3.Error:
        return 0
    return max(0, int(row[0])) if row and row[0] is not None else 0


def level_graph(collection: Any, store: Path | None) -> int:
    """Make Chroma save the graph now: deleting ids that were never stored is logged and counted towards the save
    without touching the graph, so as many as the threshold lacks bring it about. Returns how many were logged.
    `store` None: a server's, whose log this process cannot read; a whole threshold's worth always brings the save
    about (a server's graph is kept in its one process, but a restarted server replays what it had not saved)."""
    if store is None:
        need = _sync_threshold(collection)
        collection.delete(ids=[f"level-{i}" for i in range(need)])
        return need
    logged = 0
    for _ in range(2):  # a second round only if this process had counted fewer writes than the log shows
        behind = unsaved_writes(store, str(collection.id))
        if not behind:
            break
        need = max(1, _sync_threshold(collection) - behind) if not logged else _sync_threshold(collection)
        collection.delete(ids=[f"level-{logged + i}" for i in range(need)])
        logged += need
    return logged


def _sync_threshold(collection: Any) -> int:
    hnsw = (getattr(collection, "configuration_json", None) or {}).get("hnsw") or {}
    return int(hnsw.get("sync_threshold") or DEFAULT_SYNC_THRESHOLD)
