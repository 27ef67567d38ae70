"""One owner for the knowledge base inside the web server.

A `KnowledgeBase` holds a SQLite connection (usable only from the thread that opened it) and an embedded Chroma
client (not safe to share loosely), and the web server answers requests from a pool of threads. So one thread owns
the KB with its vector index, and a search hands it a function to run: the single-owner design the vector store
needs, with no connection crossing threads. What needs SQLite alone (documents, metrics, compare) runs on the
request's own thread through a KB opened there, which never opens the vector index, so it does not queue behind
searches (SQLite in WAL mode serves concurrent readers). Answers are cached per KB generation (the SQLite file and
its write-ahead log as they stand on disk), so a document ingested by another process shows on the next request,
without a restart.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from threading import Lock, local
from typing import TypeVar

from scrutineer.api import KnowledgeBase, open_kb
from scrutineer.config import Settings, settings

T = TypeVar("T")
CACHE_SIZE = 256


class KBOwner:
    """Runs functions of the KB on its one thread; `cached` remembers answers until the KB changes on disk."""

    def __init__(self, path: Path, cfg: Settings | None = None) -> None:
        self.path = path
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kb-owner")
        self._cfg = cfg
        self._kb: KnowledgeBase = self._pool.submit(open_kb, path, False, cfg).result()
        self._local = local()
        self._pending: dict[tuple, Future] = {}
        self._cache: OrderedDict[tuple, object] = OrderedDict()
        self._lock = Lock()
        self._remote_index = bool((cfg or settings()).chroma_url)
        if self.has_vectors:  # load the embedding model now, not on the first reader's search
            self._pool.submit(lambda: self._kb.vectors()[1].embed(["warm up"]))

    @property
    def has_vectors(self) -> bool:
        """A KB ingested with SCRUTINEER_EMBED=false has no index (until an ingest makes one): search it by keywords
        rather than create an empty one."""
        return self._remote_index or (self.path / "chroma").is_dir()

    def run(self, fn: Callable[[KnowledgeBase], T]) -> T:
        """`fn` on the owner's thread, with the KB whose vector index it may use."""
        return self._pool.submit(fn, self._kb).result()

    def read(self, fn: Callable[[KnowledgeBase], T]) -> T:
        """`fn` on this thread, with this thread's KB: for SQLite reads only (it must not call `.vectors()`)."""
        kb = getattr(self._local, "kb", None)
        if kb is None:
            kb = self._local.kb = open_kb(self.path, cfg=self._cfg)
        return fn(kb)

    def cached(self, key: Hashable, fn: Callable[[KnowledgeBase], T], vectors: bool = False) -> T:
        """`fn`'s answer, computed once per KB generation (on the owner's thread when it needs `vectors`); requests
        for an answer being computed wait for it rather than compute it again."""
        full = (self.generation(), key)
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]  # type: ignore[return-value]
            pending, mine = self._pending.get(full), False
            if pending is None:
                pending, mine = self._pending.setdefault(full, Future()), True
        if not mine:
            return pending.result()
        try:
            value = self.run(fn) if vectors else self.read(fn)
        except BaseException as exc:
            pending.set_exception(exc)
            raise
        finally:
            with self._lock:
                self._pending.pop(full, None)
        pending.set_result(value)
        with self._lock:
            self._cache[full] = value
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return value

    def generation(self) -> tuple[int, ...]:
        """Changes whenever another process commits to the KB (WAL mode: the log grows or is checkpointed)."""
        stamp: list[int] = []
        for name in ("records.sqlite", "records.sqlite-wal"):
            try:
                st = os.stat(self.path / name)
                stamp += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                stamp += [0, 0]
        return tuple(stamp)

    def close(self) -> None:
        self._pool.submit(self._kb.close).result()
        self._pool.shutdown()
