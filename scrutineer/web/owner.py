"""One owner for the knowledge base inside the web server.

A `KnowledgeBase` holds a SQLite connection (usable only from the thread that opened it) and an embedded Chroma
client (not safe to share loosely), and the web server answers requests from a pool of threads. So one thread owns
the KB and every route hands it a function to run: the single-owner design the vector store needs, with no
connection crossing threads. Answers are cached per KB generation (the SQLite file and its write-ahead log as
they stand on disk), so a document ingested by another process shows on the next request, without a restart.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from threading import Lock
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
        self._kb: KnowledgeBase = self._pool.submit(open_kb, path, False, cfg).result()
        self._cache: OrderedDict[tuple, object] = OrderedDict()
        self._lock = Lock()
        # a KB ingested with SCRUTINEER_EMBED=false has no index: search it by keywords rather than create one
        self.has_vectors = bool((cfg or settings()).chroma_url) or (path / "chroma").is_dir()

    def run(self, fn: Callable[[KnowledgeBase], T]) -> T:
        return self._pool.submit(fn, self._kb).result()

    def cached(self, key: Hashable, fn: Callable[[KnowledgeBase], T]) -> T:
        full = (self.generation(), key)
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]  # type: ignore[return-value]
        value = self.run(fn)
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
