"""Locks that make one KB safe to use from several processes at once.

Chroma's embedded store is safe across threads, not across processes, and a read is not read-only: `get`,
`query` and `count` first apply any log entries the HNSW segment lacks, writing its files (chromadb 1.5's
"backfill"). Two processes touching the store at once corrupted the segment (later opens crashed in
`collection.get`; one reader grew `link_lists.bin` to 62 GB). So every use of the embedded store takes one
exclusive lock, held per call (a search, a batch of upserts), never for a whole ingest, so that readers interleave
with a writer. A process whose client was opened before another process wrote reopens it (the `generation`
counter), and a write batch is bracketed by a `dirty` marker, so a process killed mid-write leaves evidence.

A second, separate lock admits one writer of the records at a time (ingest, reextract, reindex).
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

VECTOR_LOCK = "vectors.lock"
GENERATION = "vectors.generation"
DIRTY = "vectors.dirty"
FINGERPRINT = "vectors.fingerprint"
WRITER_LOCK = "writer.lock"


class VectorsBusy(Exception):
    """Another process held the vector store for longer than this one would wait."""


class KbBusy(Exception):
    """Another process is already writing to this KB."""


class VectorLock:
    """Exclusive, re-entrant (within a process) hold on a KB's embedded vector store."""

    def __init__(self, kb: Path) -> None:
        self.kb = kb
        self._local = threading.RLock()  # threads of one process (a web server) take turns too
        self._depth = 0
        self._fd: int | None = None

    @contextmanager
    def hold(self, wait: float) -> Iterator[None]:
        if not self._local.acquire(timeout=max(wait, 0.0)):
            raise VectorsBusy(f"the vector index of {self.kb} is busy (waited {wait:.0f} s)")
        try:
            if self._depth == 0:
                self._fd = _flock(self.kb / VECTOR_LOCK, wait)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0 and self._fd is not None:
                    os.close(self._fd)  # closing releases the flock
                    self._fd = None
        finally:
            self._local.release()

    @property
    def nested(self) -> bool:
        """This thread already held the lock when it took it again (the checks were done by the outer hold)."""
        return self._depth > 1

    def generation(self) -> int:
        try:
            return int((self.kb / GENERATION).read_text() or 0)
        except (OSError, ValueError):
            return 0

    def bump(self) -> int:
        """Record that this process wrote: every other process reopens its client before its next use."""
        value = self.generation() + 1
        tmp = self.kb / f"{GENERATION}.{os.getpid()}"
        tmp.write_text(str(value))
        tmp.replace(self.kb / GENERATION)
        return value

    @contextmanager
    def writing(self) -> Iterator[None]:
        """A write batch: the dirty marker stays behind if the process dies before the batch is done."""
        marker = self.kb / DIRTY
        marker.write_text(str(os.getpid()))
        yield
        self.bump()
        marker.unlink(missing_ok=True)

    def dirty(self) -> bool:
        return (self.kb / DIRTY).exists()

    def recorded(self) -> str | None:
        """The store's files (names, sizes, times) as the last process that used it left them."""
        try:
            return (self.kb / FINGERPRINT).read_text()
        except OSError:
            return None

    def record(self, fingerprint: str) -> None:
        tmp = self.kb / f"{FINGERPRINT}.{os.getpid()}"
        tmp.write_text(fingerprint)
        tmp.replace(self.kb / FINGERPRINT)

    def clean(self) -> None:
        (self.kb / DIRTY).unlink(missing_ok=True)


def _flock(path: Path, wait: float) -> int:
    """An exclusive flock on `path` within `wait` seconds. The wait is a blocking flock in a helper thread, so this
    process queues in the kernel beside the others instead of polling (a poller can starve behind busy readers)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return fd
    except BlockingIOError:
        pass
    got = threading.Event()
    state = {"abandoned": False}
    guard = threading.Lock()

    def take() -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with guard:
            if state["abandoned"]:
                os.close(fd)  # the caller gave up meanwhile: let go at once
                return
            got.set()

    threading.Thread(target=take, daemon=True).start()
    if got.wait(wait):
        return fd
    with guard:
        if got.is_set():
            return fd
        state["abandoned"] = True
    raise VectorsBusy(f"the vector index of {path.parent} is busy (waited {wait:.0f} s)")


@contextmanager
def writer(kb: Path, what: str) -> Iterator[None]:
    """The one writer of a KB's records; a second one is refused at once with the holder's pid and task."""
    kb.mkdir(parents=True, exist_ok=True)
    path = kb / WRITER_LOCK
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = path.read_text().strip() or "another process"
            raise KbBusy(f"{kb} is being written by {holder}; run this again when it has finished") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{what} (pid {os.getpid()})".encode())
        yield
    finally:
        os.close(fd)
