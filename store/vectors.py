"""The vector index: Chroma, derived from SQLite and rebuildable from it.

Embedded `PersistentClient` inside the KB by default; `HttpClient` when a URL
is given (a shared `chroma run` server). Metadata is flat scalars so filters
run inside Chroma. The collection remembers the embedding model that built it
and refuses vectors from another.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

COLLECTION = "statements"
_PAGE = 5000  # rows per read
_BATCH = 4000  # rows per write
Scalar = str | int | float | bool


class IndexMismatch(Exception):
    """The index was built with a different embedding model."""


@dataclass(frozen=True)
class VectorHit:
    statement_id: int
    distance: float


def _client(kb: Path, url: str | None):
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False, allow_reset=True)
    if url:
        u = urlparse(url)
        return chromadb.HttpClient(host=u.hostname or "127.0.0.1", port=u.port or 8000, ssl=u.scheme == "https",
                                   settings=settings)
    return chromadb.PersistentClient(path=str(kb / "chroma"), settings=settings)


class VectorIndex:
    def __init__(self, kb: Path, model_name: str, url: str | None = None, collection: str = COLLECTION,
                 rebuilding: bool = False) -> None:
        self.client = _client(kb, url)
        self.model_name = model_name
        self.name = collection
        self._size: int | None = None
        self.collection = self.client.get_or_create_collection(
            collection, embedding_function=None, metadata={"hnsw:space": "cosine", "model": model_name})
        built_with = (self.collection.metadata or {}).get("model")
        if built_with and built_with != model_name and not rebuilding:
            raise IndexMismatch(f"the vector index was built with {built_with!r}, not {model_name!r}: "
                                "run `scrutineer reindex` to rebuild it with the current model")

    def reset(self) -> None:
        self._size = None
        self.client.delete_collection(self.name)
        self.collection = self.client.get_or_create_collection(
            self.name, embedding_function=None, metadata={"hnsw:space": "cosine", "model": self.model_name})

    def ids(self) -> set[int]:
        return {int(i) for i in self.collection.get(include=[])["ids"]}

    def add(self, ids: list[int], vectors: np.ndarray, metadatas: list[dict[str, Scalar]]) -> None:
        self._size = None
        for i in range(0, len(ids), _BATCH):
            self.collection.upsert(ids=[str(x) for x in ids[i:i + _BATCH]], embeddings=vectors[i:i + _BATCH].tolist(),
                                   metadatas=metadatas[i:i + _BATCH])

    def delete(self, ids: list[int]) -> None:
        self._size = None
        for i in range(0, len(ids), _BATCH):
            self.collection.delete(ids=[str(x) for x in ids[i:i + _BATCH]])

    def size(self) -> int:
        """Vectors held; counted once and kept, since counting costs as much as a small query."""
        if self._size is None:
            self._size = self.collection.count()
        return self._size

    def query(self, vector: np.ndarray, limit: int, where: dict | None = None) -> list[VectorHit]:
        if self.size() == 0:
            return []
        res = self.collection.query(query_embeddings=[vector.tolist()], n_results=min(limit, self.size()),
                                    where=where or None, include=["distances"])
        return [VectorHit(int(i), float(d)) for i, d in zip(res["ids"][0], res["distances"][0], strict=True)]

    def vectors(self, ids: list[int]) -> np.ndarray:
        """The stored vectors of `ids` (those the index holds), one row each."""
        if not ids:
            return np.zeros((0, 0), np.float32)
        got = self.collection.get(ids=[str(i) for i in ids], include=["embeddings"])
        return np.asarray(got["embeddings"], dtype=np.float32)

    def everything(self) -> tuple[np.ndarray, np.ndarray, list[dict[str, Scalar]]]:
        """Every id, vector and metadata in the index (for KB-wide passes such as topic prototypes)."""
        ids: list[int] = []
        vectors: list[np.ndarray] = []
        metas: list[dict[str, Scalar]] = []
        for offset in range(0, self.size(), _PAGE):  # in pages: one get of everything overflows SQLite's variables
            got = self.collection.get(include=["embeddings", "metadatas"], limit=_PAGE, offset=offset)
            ids += [int(i) for i in got["ids"]]
            vectors.append(np.asarray(got["embeddings"], dtype=np.float32))
            metas += [dict(m or {}) for m in got["metadatas"]]
        matrix = np.vstack(vectors) if ids else np.zeros((0, 0), np.float32)
        return np.array(ids, dtype=np.int64), matrix, metas

    def set_metadata(self, ids: list[int], metadatas: list[dict[str, Scalar]]) -> None:
        for i in range(0, len(ids), _BATCH):
            self.collection.update(ids=[str(x) for x in ids[i:i + _BATCH]], metadatas=metadatas[i:i + _BATCH])
