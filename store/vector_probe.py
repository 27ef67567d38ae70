"""Read an embedded Chroma store in a child process: a damaged HNSW segment crashes the reader (SIGSEGV), which
no exception handler can catch, so the question "can it be read?" is asked where a crash costs nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE_SECONDS = 120.0


def probe(store: Path, collection: str, timeout: float = PROBE_SECONDS) -> str | None:
    """None when the store answers a count, a full id listing and a query; else what went wrong, in a few words."""
    try:
        # absolute: the child runs from the project's root, where a relative path names another (empty) store
        run = subprocess.run([sys.executable, "-m", "store.vector_probe", str(store.resolve()), collection],
                             capture_output=True, text=True, timeout=timeout, cwd=Path(__file__).resolve().parent.parent)
    except subprocess.TimeoutExpired:
        return f"reading it took over {timeout:.0f} s"
    if run.returncode == 0:
        return None
    if run.returncode < 0:
        return f"reading it crashed the process (signal {-run.returncode})"
    lines = [ln for ln in run.stderr.strip().splitlines() if ln.strip()]
    return lines[-1][:200] if lines else f"reading it failed (exit {run.returncode})"


def _main(store: str, collection: str) -> None:
    import chromadb
    from chromadb.config import Settings

    client = chromadb.PersistentClient(path=store, settings=Settings(anonymized_telemetry=False))
    names = {c.name for c in client.list_collections()}
    if collection not in names:
        return
    col = client.get_collection(collection)
    n = col.count()
    got = col.get(include=["embeddings"], limit=1)
    ids = col.get(include=[])["ids"]
    if len(ids) != n:
        sys.exit(f"it lists {len(ids)} ids but counts {n}")
    if n:
        col.query(query_embeddings=[list(got["embeddings"][0])], n_results=min(n, 10))


if __name__ == "__main__":
    _main(sys.argv[1], sys.argv[2])
