"""The knowledge base inside the web server: a few searcher threads, and the request threads for SQLite alone.

A `KnowledgeBase` holds a SQLite connection (usable only from the thread that opened it) and an embedded Chroma
client. Searches run on a small pool of searcher threads, each with its own SQLite connection and all sharing one
vector index and one embedding model: Chroma's client is safe across threads, and the KB's vector lock lets this
process's readers share one hold of the store while still keeping any other process (an ingest) out of it
(store/kb_lock.py). A few threads rather than one let a search's SQLite, ONNX and Chroma work, which release
Python's lock, overlap with another's Python; a few rather than many keep the queue first come, first served. What
needs SQLite alone (documents, metrics, compare) runs on the request's own thread through a KB opened there, which
never opens the vector index. Answers are cached per KB generation (the SQLite file and its write-ahead log as they
stand on disk), so a document ingested by another process shows on the next request, without a restart.
"""

from __future__ import annotations

import os
import queue
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from pathlib import Path
from threading import Lock, Thread, local
from typing import Any, TypeVar

from scrutineer.api import KnowledgeBase, open_kb
from scrutineer.config import Settings, settings
from scrutineer.nearest import warm_topics

T = TypeVar("T")
SEARCHERS = min(4, (os.cpu_count() or 1) + 1)  # threads searching at once


class Searchers:
    """Threads that each own a handle on the KB (the first opens it; the others read its vector index and model)."""

    def __init__(self, path: Path, cfg: Settings | None, n: int = SEARCHERS) -> None:
        self._tasks: queue.SimpleQueue[tuple[Callable[[KnowledgeBase], Any], Future] | None] = queue.SimpleQueue()
        self._home: Future[KnowledgeBase] = Future()
        self._threads = [Thread(target=self._serve, args=(i, path, cfg), name=f"kb-search-{i}", daemon=True)
                         for i in range(n)]
        for t in self._threads:
            t.start()
        self.home = self._home.result()  # KnowledgeBaseMissing and the like come out here

    def submit(self, fn: Callable[[KnowledgeBase], T]) -> Future[T]:
        done: Future[T] = Future()
        self._tasks.put((fn, done))
        return done

    def _serve(self, i: int, path: Path, cfg: Settings | None) -> None:
        try:
            kb = open_kb(path, False, cfg) if i == 0 else self._home.result().reader()
        except BaseException as exc:
            if i == 0:
                self._home.set_exception(exc)
            return
        if i == 0:
            self._home.set_result(kb)
        try:
            while (task := self._tasks.get()) is not None:
                fn, done = task
                if done.set_running_or_notify_cancel():
                    try:
                        done.set_result(fn(kb))
                    except BaseException as exc:
                        done.set_exception(exc)
        finally:
            if i == 0:  # the others read its vector index: close it last
                for t in self._threads[1:]:
                    t.join()
            kb.close()

    def close(self) -> None:
        for _ in self._threads:
            self._tasks.put(None)
        self._threads[0].join()


class KBOwner:
    """Runs searches on the searcher threads; `cached` remembers answers until the KB changes on disk."""

    def __init__(self, path: Path, cfg: Settings | None = None) -> None:
        self.path = path
        self._searchers = Searchers(path, cfg)
        self._cfg = cfg
        self._local = local()
        self._pending: dict[tuple, Future] = {}
        self._cache: OrderedDict[tuple, tuple[object, int]] = OrderedDict()  # answer and its rows, least recent first
        self._cached_rows = 0
        self._lock = Lock()
        used = cfg or settings()
        self._remote_index = bool(used.chroma_url)
        self.cache_searches = used.web_cache_searches
        self.cache_rows = used.web_cache_rows
        if self.has_vectors:  # load the embedding model now, not on the first reader's search
            self._searchers.submit(lambda kb: kb.vectors()[1].embed(["warm up"]))
            self._searchers.submit(lambda kb: warm_topics(kb.vectors()[0]))

    @property
    def has_vectors(self) -> bool:
        """A KB ingested with SCRUTINEER_EMBED=false has no index (until an ingest makes one): search it by keywords
        rather than create an empty one."""
        return self._remote_index or (self.path / "chroma").is_dir()

    def run(self, fn: Callable[[KnowledgeBase], T]) -> T:
        """`fn` on a searcher thread, with a KB whose vector index it may read."""
        return self._searchers.submit(fn).result()

    def read(self, fn: Callable[[KnowledgeBase], T]) -> T:
        """`fn` on this thread, with this thread's KB: for SQLite reads only (it must not call `.vectors()`)."""
        kb = getattr(self._local, "kb", None)
        if kb is None:
            kb = self._local.kb = open_kb(self.path, cfg=self._cfg)
        return fn(kb)

    def cached(self, key: Hashable, fn: Callable[[KnowledgeBase], T], vectors: bool = False,
               keep: Callable[[T], bool] | None = None) -> T:
        """`fn`'s answer, computed once per KB generation (on a searcher thread when it needs `vectors`); requests
        for an answer being computed wait for it rather than compute it again. An answer `keep` refuses (one made
        while the vector index was busy) is given to those waiting for it, not remembered."""
        full = (self.generation(), key)
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full][0]  # type: ignore[return-value]
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
        if keep is None or keep(value):
            self._remember(full, value)
        return value

    def _remember(self, key: tuple, value: object) -> None:
        """Keep an answer, forgetting the least recently used beyond `cache_rows` rows in all: a budget in rows, not
        answers, since a metrics table can be 10,000 rows and a search 30 hits (256 answers, the old bound, held less
        than the 600 URLs of bench/web_load.py, so most of its searches were computed again)."""
        rows = _rows(value)
        with self._lock:
            if key in self._cache:
                return
            self._cache[key] = (value, rows)
            self._cached_rows += rows
            while self._cached_rows > self.cache_rows and len(self._cache) > 1:
                _, (_, gone) = self._cache.popitem(last=False)
                self._cached_rows -= gone

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
        self._searchers.close()


def _rows(value: object) -> int:
    """An answer's weight in the cache: its rows (hits, metric rows, documents), 1 for anything else."""
    rows = getattr(value, "hits", value)
    return max(1, len(rows)) if isinstance(rows, list) else 1
