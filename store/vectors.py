"""The vector index: Chroma, derived from SQLite and rebuildable from it.

Embedded `PersistentClient` inside the KB by default; `HttpClient` when a URL
is given (a shared `chroma run` server). Its only metadata is the topic flags
(the rules' topics plus those found by similarity): a filtered query runs among
the statement ids SQLite admits. The collection remembers the embedding model
that built it and refuses vectors from another.

The embedded store is used by one process at a time (store/kb_lock.py): every
call holds the KB's vector lock, reopens the client when another process has
written since, and a write batch leaves a marker until it is done, so a store
left half-written is probed (in a subprocess, since a damaged HNSW segment can
crash the process that reads it) before anything uses it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np

from store.chroma_log import level_graph, unsaved_writes
from store.chroma_system import STORE_DIR, client, epochs, fingerprint, follow, restart, seen
from store.flag_cache import FlagCache
from store.kb_lock import VectorLock
from store.vector_probe import probe

COLLECTION = "statements"
_PAGE = 5000  # rows per read
_BATCH = 4000  # rows per write
AMONG_KEPT = 8  # id tuples whose held ids are remembered
WAIT = 10.0  # seconds a call waits for another process's hold on the store before giving up
Scalar = str | int | float | bool
_T = TypeVar("_T")


class IndexMismatch(Exception):
    """The index was built with a different embedding model."""


class IndexDamaged(Exception):
    """The vector index is missing or cannot be read; `scrutineer reindex` rebuilds it from SQLite."""


class IndexLags(Exception):
    """A query among given ids named one the index does not hold (yet: an ingest not yet indexed)."""


@dataclass(frozen=True)
class Graph:
    """How the HNSW graph is built, fixed when the collection is made (an existing collection keeps its own): fewer
    links and a shallower search per insert build it faster and find slightly less (the `fast` profile's choice)."""

    links: int = 16  # Chroma's defaults
    construction_ef: int = 100

    def metadata(self) -> dict[str, Scalar]:
        return {"hnsw:M": self.links, "hnsw:construction_ef": self.construction_ef}


@dataclass(frozen=True)
class VectorHit:
    statement_id: int
    distance: float


def store_exists(kb: Path) -> bool:
    return (kb / STORE_DIR / "chroma.sqlite3").is_file()


class VectorIndex:
    def __init__(self, kb: Path, model_name: str, url: str | None = None, collection: str = COLLECTION,
                 rebuilding: bool = False, wait: float = WAIT, graph: Graph = Graph()) -> None:
        self.kb = kb
        self.graph = graph
        self.url = url
        self.model_name = model_name
        self.name = collection
        self.wait = wait
        self.client = None
        self.collection = None
        self._lock = None if url else VectorLock(kb)
        self._key = str(kb / STORE_DIR)
        self._epoch = -1
        self._size: int | None = None
        self._flagged: dict[tuple[int, str], object] = {}  # (generation, metadata flag or '' for all) -> ids
        self._kept = FlagCache(kb)
        self.hold_topics = False  # a long-lived reader (the web server) holds each topic's vectors in process
        if rebuilding and self._lock is not None:
            return  # about to be reset (`reindex`): not read first, since it may be damaged
        with self._use():
            built_with = (self.collection.metadata or {}).get("model")
        if built_with and built_with != model_name and not rebuilding:
            raise IndexMismatch(f"the vector index was built with {built_with!r}, not {model_name!r}: "
                                "run `scrutineer reindex` to rebuild it with the current model")

    @contextmanager
    def _use(self, write: bool = False) -> Iterator[None]:
        """Hold the store for one call: reopen when another process wrote, mark a write until it is done. Reads share
        the hold with this process's other reading threads; the checks run once per hold of the flock."""
        if self._lock is None:
            if self.collection is None:
                self._open()
            yield
            return
        with self._lock.hold(self.wait, shared=not write, enter=self._check, leave=self._note_files):
            try:
                if write:
                    with self._lock.writing():
                        yield
                        self._lock.record(fingerprint(self.kb))
                    seen[self._key] = self._lock.generation()  # this process's own write: nothing to reload
                else:
                    yield
            except (IndexMismatch, IndexDamaged):
                raise
            except Exception as exc:
                if _is_chroma(exc):
                    raise IndexDamaged(f"the vector index cannot be read ({_one_line(exc)}): "
                                       "run `scrutineer reindex` to rebuild it") from exc
                raise

    def _check(self) -> None:
        """Before a call: probe a store left mid-write or changed behind our back; reopen after another's write."""
        assert self._lock is not None
        if self._lock.dirty() or fingerprint(self.kb) != self._lock.recorded():
            self._check_after_crash()
        elif self._key in _damaged:
            del _damaged[self._key]
        follow(self._key, self._lock.generation())
        if self._epoch != epochs.get(self._key, 0) or self.collection is None:
            self._open()

    @contextmanager
    def held(self) -> Iterator[VectorIndex]:
        """Hold the store across several reads (one search's queries), checking it once rather than per call; other
        threads of this process may read at the same time."""
        with self._use():
            yield self

    def _open(self) -> None:
        self.close()
        self._forget()
        try:
            self.client = client(self.kb, self.url)
            self.collection = self.client.get_or_create_collection(
                self.name, embedding_function=None,
                metadata={"hnsw:space": "cosine", "model": self.model_name, **self.graph.metadata()})
        except Exception as exc:
            if self.url or not _is_chroma(exc):
                raise
            raise IndexDamaged(f"the vector index cannot be opened ({_one_line(exc)}): "
                               "run `scrutineer reindex` to rebuild it") from exc
        self._epoch = epochs.get(self._key, 0)

    def _note_files(self) -> None:
        """A read may write too (Chroma applies its log to the HNSW segment first): keep the record of the files."""
        assert self._lock is not None
        now = fingerprint(self.kb)
        if now != self._lock.recorded():
            self._lock.record(now)

    def _check_after_crash(self) -> None:
        """A write did not finish, or the store's files changed outside these locks (an older Scrutineer, another
        tool, the disk): read it in a subprocess first, since a damaged HNSW segment segfaults its reader."""
        assert self._lock is not None
        if not store_exists(self.kb):
            self._lock.clean()
            self._lock.record(fingerprint(self.kb))
            return
        generation = self._lock.generation()
        if _damaged.get(self._key) != generation:  # probed once per state of the store, not on every search
            restart(self._key)
            problem = probe(self.kb / STORE_DIR, self.name)
            if not problem:
                self._lock.clean()
                self._lock.record(fingerprint(self.kb))
                # the store changed outside the locks: every process reopens it and forgets what it read of it
                seen[self._key] = self._lock.bump()
                return
            _damaged[self._key] = generation
            _problems[self._key] = problem
        raise IndexDamaged(f"the vector index is damaged ({_problems[self._key]}): "
                           "run `scrutineer reindex` to rebuild it")

    def close(self) -> None:
        """Let go of the client (the process's shared Chroma system stops with its last client)."""
        if self.client is not None and not self.url and self._epoch == epochs.get(self._key, 0):
            self.client.close()
        self.client = None
        self.collection = None

    def reset(self) -> None:
        """An empty index for this model; the embedded store's files are removed whole, since they may be damaged."""
        self._forget()
        if self._lock is None:
            with self._use():
                self.client.delete_collection(self.name)
            self.collection = None
            with self._use():
                pass
            return
        with self._lock.hold(self.wait):
            restart(self._key)
            with self._lock.writing():
                shutil.rmtree(self.kb / STORE_DIR, ignore_errors=True)
                self._open()
                self._lock.record(fingerprint(self.kb))
            _damaged.pop(self._key, None)
            seen[self._key] = self._lock.generation()

    def ids(self) -> set[int]:
        return {int(i) for i in self.holding()}

    def add(self, ids: list[int], vectors: np.ndarray, metadatas: list[dict[str, Scalar]]) -> None:
        self._forget()
        for i in range(0, len(ids), _BATCH):
            with self._use(write=True):
                self.collection.upsert(ids=[str(x) for x in ids[i:i + _BATCH]],
                                       # float32 rows as they are, no Python lists
                                       embeddings=np.ascontiguousarray(vectors[i:i + _BATCH], dtype=np.float32),
                                       metadatas=[m or None for m in metadatas[i:i + _BATCH]])  # Chroma refuses {}

    def delete(self, ids: list[int]) -> None:
        self._forget()
        for i in range(0, len(ids), _BATCH):
            with self._use(write=True):
                self.collection.delete(ids=[str(x) for x in ids[i:i + _BATCH]])

    def level(self, changed: bool = True) -> None:
        """End a write session with Chroma's saved graph holding every write (store/chroma_log.py), so that every
        process (and a server after a restart) searches the same graph. A server's log cannot be read from here: it
        is levelled after a session that wrote something, into a collection that holds vectors (deletions logged
        before the first vector are never applied)."""
        if self.url:
            if changed and self.size():
                with self._use():
                    level_graph(self.collection, None)
            return
        with self._use():  # looked at first: a write would make every reader reopen the store
            if not unsaved_writes(self.kb / STORE_DIR, str(self.collection.id)):
                return
        self._forget()
        with self._use(write=True):
            level_graph(self.collection, self.kb / STORE_DIR)

    def _forget(self) -> None:
        """The index changed (here, or another process wrote and it was reopened): its count and flags are read again."""
        self._size = None
        self._flagged = {}

    def size(self) -> int:
        """Vectors held; counted once and kept until this or another process writes."""
        with self._use():
            if self._size is None:
                self._size = self.collection.count()
            return self._size

    def flagged(self, name: str) -> tuple[str, ...]:
        """The ids (as the index names them) whose metadata `name` is true, read once until the index changes: a query
        among them finds what `where={name: True}` finds, without Chroma reading every vector's metadata per query."""
        return self._remembered(name, lambda: self._lasting(
            name, lambda: self.collection.get(where={name: True}, include=[])["ids"]))

    def flagged_vectors(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """The ids flagged `name` and their vectors, read once until the index changes: the nearest among a topic's
        statements is then a product in process (2 ms), not a query into Chroma among its ids (10-16 ms a topic)."""
        def read() -> tuple[np.ndarray, np.ndarray]:
            ids: list[int] = []
            vectors: list[np.ndarray] = []
            for got in self._pages(["embeddings"], where={name: True}):
                ids += [int(i) for i in got["ids"]]
                vectors.append(np.asarray(got["embeddings"], dtype=np.float32))
            return np.array(ids, dtype=np.int64), np.vstack(vectors) if ids else np.zeros((0, 0), np.float32)
        return self._remembered(f"vectors:{name}", read)

    def holding(self) -> frozenset[str]:
        """Every id the index holds (as it names them), read once until the index changes: a query among ids must not
        name a statement without a vector (too short to embed, or not yet indexed)."""
        return self._remembered("", lambda: frozenset(self._lasting("", lambda: self.collection.get(include=[])["ids"])))

    def remember(self, names: Sequence[str]) -> None:
        """Read every id and those flagged `names` now (after a sync), so that the next processes find them kept."""
        if self._lock is None:  # a server's index keeps nothing (`_lasting`)
            return
        with self._use():
            self.holding()
            for name in names:
                self.flagged(name)

    def _lasting(self, name: str, read: Callable[[], Sequence[str]]) -> tuple[str, ...]:
        """`read`'s ids, kept beside the embedded store for other processes while it stays in this state
        (store/flag_cache.py). The caller holds the store, so no write comes between the read and the keeping; a
        server's store may change unseen, so nothing of it is kept."""
        if self._lock is None:
            return tuple(read())
        state = f"{self.collection.id}:{self._lock.generation()}"
        got = self._kept.get(state, name)
        if got is None:
            got = tuple(read())
            self._kept.put(state, name, got)
        return got

    def held_among(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        """Those of `ids` the index holds. Remembered per tuple until the index changes, for the last few tuples: a
        filter's statements are one tuple per connection until a commit (statement_rows.vector_scope), and sifting
        50,000 ids on every query cost more than the query."""
        held = self.holding()
        key = f"among:{id(ids)}"
        got = self._remembered(key, lambda: (ids, tuple(i for i in ids if i in held)))
        if got[0] is not ids:  # the tuple remembered under that id was freed and its id reused
            return tuple(i for i in ids if i in held)
        return got[1]

    def _remembered(self, name: str, read: Callable[[], _T]) -> _T:
        with self._use():
            if self._lock is None:  # a server's index may change unseen: read every time
                return read()
            key = (self._lock.generation(), name)  # any write, by any process or handle, moves the generation on
            found = self._flagged.get(key)
            if found is None:
                found = read()
                # a new dict, never one changed in place: other threads of this process read it meanwhile
                kept = {k: v for k, v in self._flagged.items() if k[0] == key[0]} | {key: found}
                sifted = [k for k in kept if k[1].startswith("among:")]
                self._flagged = {k: v for k, v in kept.items() if k not in sifted[:-AMONG_KEPT]}
            return found  # type: ignore[return-value]

    def query(self, vector: np.ndarray, limit: int,
              among: Sequence[int] | Sequence[str] | None = None) -> list[VectorHit]:
        """The nearest `limit` vectors, only `among` these ids when given (the statements a filter admits: the index
        keeps no metadata but topic flags). IndexLags when `among` names an id the index lacks."""
        with self._use():
            if self.size() == 0 or (among is not None and not among):
                return []
            ask = {"query_embeddings": [vector.tolist()], "n_results": min(limit, self.size()), "include": ["distances"]}
            if among is None:
                res = self.collection.query(**ask)
            else:
                try:
                    ids = among if isinstance(among[0], str) else [str(i) for i in among]
                    res = self.collection.query(**ask, ids=list(ids))
                except Exception as exc:
                    if _is_chroma(exc) and not isinstance(exc, OSError):
                        raise IndexLags(_one_line(exc)) from exc
                    raise
        return [VectorHit(int(i), float(d)) for i, d in zip(res["ids"][0], res["distances"][0], strict=True)]

    def vectors(self, ids: list[int]) -> np.ndarray:
        """The stored vectors of `ids` (those the index holds), one row each."""
        if not ids:
            return np.zeros((0, 0), np.float32)
        with self._use():
            got = self.collection.get(ids=[str(i) for i in ids], include=["embeddings"])
        return np.asarray(got["embeddings"], dtype=np.float32)

    def everything(self) -> tuple[np.ndarray, np.ndarray, list[dict[str, Scalar]]]:
        """Every id, vector and metadata in the index (for KB-wide passes such as topic prototypes)."""
        ids: list[int] = []
        vectors: list[np.ndarray] = []
        metas: list[dict[str, Scalar]] = []
        with self._use():  # one hold: the pages are of one state of the index
            for got in self._pages(["embeddings", "metadatas"]):
                ids += [int(i) for i in got["ids"]]
                vectors.append(np.asarray(got["embeddings"], dtype=np.float32))
                metas += [dict(m or {}) for m in got["metadatas"]]
        matrix = np.vstack(vectors) if ids else np.zeros((0, 0), np.float32)
        return np.array(ids, dtype=np.int64), matrix, metas

    def _pages(self, include: list[str], where: dict[str, Scalar] | None = None) -> Iterator[dict]:
        """The index's rows (those flagged `where`) in pages: one get of everything overflows SQLite's variables.
        The caller holds the index (`_use`) so the pages are of one state of it."""
        for offset in range(0, self.size(), _PAGE):
            got = self.collection.get(where=where, include=include, limit=_PAGE, offset=offset)
            yield got
            if len(got["ids"]) < _PAGE:
                break

    def set_metadata(self, ids: list[int], metadatas: list[dict[str, Scalar]]) -> None:
        self._forget()
        for i in range(0, len(ids), _BATCH):
            with self._use(write=True):
                self.collection.update(ids=[str(x) for x in ids[i:i + _BATCH]], metadatas=metadatas[i:i + _BATCH])


_damaged: dict[str, int] = {}  # store path -> the generation a probe found damaged
_problems: dict[str, str] = {}


def _is_chroma(exc: Exception) -> bool:
    return type(exc).__module__.startswith("chromadb") or isinstance(exc, OSError)


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
