"""The generic RAG pipeline the issues compare search against: the floor, not a target.

PyMuPDF page text (plain text for .txt/.md), 500-character chunks overlapping by 100, all-MiniLM-L6-v2 through
sentence-transformers from the packaged model (offline), a Chroma PersistentClient holding the vectors
(embedding_function=None: vectors are given, Chroma's default model is never loaded), top-k cosine query.

Run: python bench/generic_rag.py build PATH... --store DIR
     python bench/generic_rag.py query "QUERY" --store DIR [--k 10]
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from nlp.embed_support import packaged_model_path, quiet_transformers

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

CHUNK = 500
OVERLAP = 100
COLLECTION = "generic"
SUFFIXES = {".pdf", ".txt", ".md"}


class Chunk(NamedTuple):
    source: str
    page: int
    text: str


def pages(path: Path) -> Iterator[tuple[int, str]]:
    """(page number, text) of a file: PyMuPDF's page text, or the whole text of a .txt/.md file as page 1."""
    if path.suffix.lower() in {".txt", ".md"}:
        yield 1, path.read_text(encoding="utf-8", errors="replace")
        return
    import pymupdf

    with pymupdf.open(path) as doc:
        for number, page in enumerate(doc, 1):
            yield number, page.get_text()


def chunks(text: str, size: int = CHUNK, overlap: int = OVERLAP) -> list[str]:
    """Fixed windows of `size` characters, each starting `size - overlap` after the last."""
    step = size - overlap
    return [text[i:i + size] for i in range(0, max(len(text) - overlap, 1), step) if text[i:i + size].strip()]


def files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for p in paths:
        found += sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES) if p.is_dir() else [p]
    return found


def read_chunks(paths: list[Path]) -> list[Chunk]:
    """Every chunk of every readable file; a file that cannot be read is named on one line and skipped."""
    out: list[Chunk] = []
    for f in files(paths):
        try:
            out += [Chunk(f.name, n, c) for n, text in pages(f) for c in chunks(text)]
        except Exception as exc:  # a broken file is reported and the batch carries on
            print(f"skipped {f}: {exc}")
    return out


def _model():
    from sentence_transformers import SentenceTransformer

    quiet_transformers()
    return SentenceTransformer(str(packaged_model_path()), device="cpu", local_files_only=True)


def _collection(store: Path, create: bool = False):
    import chromadb
    from chromadb.config import Settings

    client = chromadb.PersistentClient(path=str(store), settings=Settings(anonymized_telemetry=False))
    if create:
        return client.get_or_create_collection(COLLECTION, embedding_function=None, metadata={"hnsw:space": "cosine"})
    return client.get_collection(COLLECTION, embedding_function=None)


def build(paths: list[Path], store: Path, batch: int = 512, workers: int = 1) -> int:
    """Chunk, embed and store every file under `paths` at `store`; returns the chunk count. Chunks already stored (an
    interrupted build) are kept; `workers` > 1 embeds in that many single-threaded processes (a busy machine
    wastes less time in thread hand-offs), and the vectors are the same."""
    found = read_chunks(paths)
    col = _collection(store, create=True)
    stored = set(col.get(include=[])["ids"])
    starts = [s for s in range(0, len(found), batch) if not {str(s), str(min(s + batch, len(found)) - 1)} <= stored]
    texts = ([c.text for c in found[s:s + batch]] for s in starts)
    if workers > 1:
        import multiprocessing

        pool = multiprocessing.get_context("spawn").Pool(workers, initializer=_single_thread)
        embedded = pool.imap(_encode, texts)
    else:
        embedded = map(_encode, texts)
    for start, vectors in zip(starts, embedded, strict=True):
        part = found[start:start + batch]
        col.add(ids=[str(start + i) for i in range(len(part))], embeddings=vectors.tolist(),
                documents=[c.text for c in part], metadatas=[{"source": c.source, "page": c.page} for c in part])
        print(f"{start + len(part)}/{len(found)} chunks", flush=True)
    if workers > 1:
        pool.close()
        pool.join()
    return len(found)


_MODEL = None


def _single_thread() -> None:
    import torch

    torch.set_num_threads(1)


def _encode(texts: list[str]):
    global _MODEL
    if _MODEL is None:
        _MODEL = _model()
    return _MODEL.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)


class Retriever:
    """A built store opened once, with its model, for many queries."""

    def __init__(self, store: Path) -> None:
        self.model = _model()
        self.col = _collection(store)

    def query(self, text: str, k: int = 10) -> list[Chunk]:
        vector = self.model.encode([text], normalize_embeddings=True)
        got = self.col.query(query_embeddings=vector.tolist(), n_results=k, include=["documents", "metadatas"])
        return [Chunk(str(m["source"]), int(m["page"]), d) for d, m in zip(got["documents"][0], got["metadatas"][0], strict=True)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="chunk, embed and store files or folders")
    b.add_argument("paths", nargs="+", type=Path)
    b.add_argument("--store", type=Path, required=True)
    b.add_argument("--workers", type=int, default=1, help="embedding processes")
    q = sub.add_parser("query", help="the top-k chunks for a query")
    q.add_argument("query")
    q.add_argument("--store", type=Path, required=True)
    q.add_argument("--k", type=int, default=10)
    args = ap.parse_args()
    if args.command == "build":
        print(f"{build(args.paths, args.store, workers=args.workers)} chunks stored in {args.store}")
        return
    for rank, c in enumerate(Retriever(args.store).query(args.query, args.k), 1):
        print(f"{rank:3} {c.source} p{c.page}: {' '.join(c.text.split())[:200]}")


if __name__ == "__main__":
    main()
