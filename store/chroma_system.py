"""One Chroma "system" per store path and process: chromadb shares it between the clients of a path, so a process
that must see another's writes drops it and every client of that path reopens; and a cheap fingerprint of the store's
files, to notice writes made outside the KB's locks."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

STORE_DIR = "chroma"


def client(kb: Path, url: str | None):
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False, allow_reset=True)
    if url:
        u = urlparse(url)
        return chromadb.HttpClient(host=u.hostname or "127.0.0.1", port=u.port or 8000, ssl=u.scheme == "https",
                                   settings=settings)
    return chromadb.PersistentClient(path=str(kb / STORE_DIR), settings=settings)


# per store path: the generation this process last saw, and how many times it restarted the system (a client of an
# older epoch reopens)
seen: dict[str, int] = {}
epochs: dict[str, int] = {}


def follow(key: str, generation: int) -> None:
    """Restart this process's system for `key` when another process has written since it last looked."""
    if key in seen and seen[key] != generation:
        restart(key)
    seen[key] = generation


def restart(key: str) -> None:
    """Drop the process's cached system for a store path (every client of it reopens on its next call)."""
    from chromadb.api.shared_system_client import SharedSystemClient

    system = SharedSystemClient._identifier_to_system.pop(key, None)
    SharedSystemClient._identifier_to_refcount.pop(key, None)
    if system is not None:
        system.stop()
    epochs[key] = epochs.get(key, 0) + 1


def fingerprint(kb: Path) -> str:
    """Names, sizes and modification times of the store's files: cheap to take on every call (a few stats)."""
    root = kb / STORE_DIR
    if not root.is_dir():
        return ""
    rows = []
    for f in sorted(root.rglob("*")):
        if f.is_file():
            st = f.stat()
            rows.append(f"{f.relative_to(root)} {st.st_size} {st.st_mtime_ns}")
    return "\n".join(rows)
