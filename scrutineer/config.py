"""Settings in one place: environment variables prefixed SCRUTINEER_."""

from __future__ import annotations

import gc
import importlib
import os
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager, suppress
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from nlp.embed import Embedder, Profile, build_embedder, default_cache
from store.vectors import Graph, IndexDamaged, VectorIndex, store_exists

# The fast profile's graph: built in half the CPU of Chroma's default (16 links, ef 100) on seeds + kent +
# kent-council; dev retrieval held (bench/speed.py and score.py figures in docs/benchmarks.md).
FAST_GRAPH = Graph(links=8, construction_ef=40)
WRITER_WAIT = 600.0  # an ingest waits this long for readers' turns on the vector store (each is a fraction of a second)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SCRUTINEER_", extra="forbid")

    kb: Path = Path("kb")
    workers: int = min(2, os.cpu_count() or 1)
    tables: bool = True
    profile: Profile = Profile.ACCURATE
    model: str | None = None  # any sentence-transformers model name or path, for the accurate profile
    int8: bool = False  # accurate profile with int8 weights: ~1.5x faster again, vectors move slightly (see docs/benchmarks.md)
    cache: Path = default_cache()  # the ONNX export of the packaged model, shared by every KB on the machine
    chroma_url: str | None = None  # a shared `chroma run` server instead of the KB's own store
    collection: str = "statements"  # one per KB when several KBs share a server
    embed: bool = True  # build the vector index while ingesting
    file_seconds: float = 600.0  # a file whose parse takes longer fails with one line (0: no limit)
    vector_wait: float = 30.0  # seconds a search waits for another process's use of the vector store, then keywords
    web_cache_searches: bool = True  # false: `serve` computes every search afresh (a load bench of new searches)
    web_cache_rows: int = 50_000  # rows (hits, metric rows...) of answers `serve` remembers; about 1-2 KB each
    ray: bool = False  # ingest on a Ray cluster (scrutineer/ray_ingest.py)
    ray_address: str | None = None  # "auto", "local", HOST:PORT or ray://HOST:10001; unset: RAY_ADDRESS or this machine


def reads_tables(cfg: Settings) -> bool:
    """The fast profile reads a table's cells as lines of text: find_tables is most of the parse on budget papers."""
    return cfg.tables and cfg.profile is not Profile.FAST


def extracts(cfg: Settings) -> bool:
    """The fast profile stores statements and topics, not metrics or entities (`scrutineer reextract` adds them)."""
    return cfg.profile is not Profile.FAST


def settings() -> Settings:
    return Settings()


def open_vectors(kb: Path, cfg: Settings, rebuilding: bool = False, writer: bool = True,
                 embedder: Embedder | None = None) -> tuple[VectorIndex, Embedder]:
    """The embedder and the index it feeds, built together so a KB never mixes models (unless it is being rebuilt).

    A reader (`writer=False`) is refused a missing index (IndexDamaged) rather than given an empty new one, and
    waits `vector_wait` seconds at most for the store; a writer creates the index and waits for its turn."""
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    if not writer and not cfg.chroma_url and not store_exists(kb) and _has_statements(kb):
        raise IndexDamaged("the vector index is missing: run `scrutineer reindex` to build it from the records")
    # given: Ray's actors, or one built while the parsers worked (WarmEmbedder)
    if embedder is None:
        with _importing("chromadb"):  # the store's client, imported while the model loads: 0.15-0.3 s of a CLI search
            embedder = _embedder(kb, cfg, writer)
    wait = max(cfg.vector_wait, WRITER_WAIT) if writer else cfg.vector_wait
    graph = FAST_GRAPH if cfg.profile is Profile.FAST else Graph()
    index = VectorIndex(kb, embedder.name, cfg.chroma_url, cfg.collection, rebuilding, wait, graph)
    if not writer:
        _settle()
    return index, embedder


_settled = threading.Event()


def _settle() -> None:
    """Leave what the process has built by its first reader (its modules, the embedding model, the vector store's
    client) out of the garbage collector's full passes, once: a full pass walked all of it, 100-140 ms in the middle of
    about one search in 25 (first-search p95 on the whole shared corpus, median of five runs, 280 -> 233 ms on 2 cores;
    docs/benchmarks.md, session 45). What is built later is collected as before."""
    if not _settled.is_set():
        _settled.set()
        gc.freeze()


def _has_statements(kb: Path) -> bool:
    from store.records import Records

    with Records(kb) as records:
        return records.db.execute("SELECT 1 FROM statements LIMIT 1").fetchone() is not None


def _embedder(kb: Path, cfg: Settings, writer: bool) -> Embedder:
    derived = kb / "models" if cfg.profile is Profile.FAST else cfg.cache  # a distillation is kept with its KB
    # a reader embeds one query at a time, on one thread (see OnnxEmbedder)
    return build_embedder(cfg.profile, cfg.model, derived, cfg.int8, shared=cfg.cache, threads=0 if writer else 1)


_warming: list[threading.Thread] = []


def _no_fork_while_warming() -> None:
    """A process forked while a thread imports may inherit an import lock nobody releases (cpython#90622)."""
    for thread in list(_warming):
        thread.join()


os.register_at_fork(before=_no_fork_while_warming)


@contextmanager
def _importing(module: str) -> Iterator[None]:
    """Import `module` on a thread while the block runs; a failed import is left for the caller's own to report."""
    thread = threading.Thread(target=_quietly_import, args=(module,), name=f"import-{module}", daemon=True)
    _warming.append(thread)
    thread.start()
    try:
        yield
    finally:
        thread.join()
        _warming.remove(thread)


def _quietly_import(module: str) -> None:
    with suppress(Exception):  # imported again where it is used, which raises there
        importlib.import_module(module)


class WarmEmbedder:
    """An ingest's embedder, built on a thread while the parsers work: PyTorch's import and the model's load take
    about 5 s of an `accurate` ingest and Chroma's import about 1 s, which otherwise wait until parsing ends. Started
    once the parsers' processes exist; a fork after that waits for it."""

    def __init__(self, kb: Path, cfg: Settings) -> None:
        self._kb, self._cfg = kb, cfg
        self._built: Future[Embedder] = Future()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._build, name="warm-embedder", daemon=True)
            _warming.append(self._thread)
            self._thread.start()

    def _build(self) -> None:
        try:
            import chromadb  # noqa: F401  (the vector index's client, opened next)

            self._built.set_result(_embedder(self._kb, self._cfg, writer=True))
        except BaseException as exc:  # raised again where the embedder is wanted
            self._built.set_exception(exc)

    def result(self) -> Embedder:
        """The embedder: the one built on the thread, or built now if parsing never started."""
        if self._thread is None:
            return _embedder(self._kb, self._cfg, writer=True)
        self._thread.join()
        if self._thread in _warming:
            _warming.remove(self._thread)
        if isinstance(self._built.exception(), ImportError):  # an import raced another thread's (spaCy holds torch
            return _embedder(self._kb, self._cfg, writer=True)  # out while it loads): build it here, once more
        return self._built.result()
