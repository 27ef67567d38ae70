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
import time
from collections.abc import Callable, Iterator
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
    """A hold on a KB's embedded vector store: across processes always one exclusive flock; within this process either
    one thread (a write, or any call by default) or several reading threads at once (a web server's searches), since
    Chroma's client is safe across threads. Sharers join the flock the first of them took; `enter` runs once after it
    is taken, before anyone goes on, and `leave` once before it is let go, so the checks a process makes of the store
    (store/vectors.py) are made once per hold of the flock. Re-entrant within a thread."""

    JOIN_SECONDS = 1.0  # readers join a hold at most this old, then wait for it to end: other processes get turns

    def __init__(self, kb: Path) -> None:
        self.kb = kb
        self._state = threading.Condition()
        self._owner: int | None = None  # the thread holding it alone
        self._sharers = 0
        self._turning = False  # the flock is being taken or let go (`enter` or `leave` running): nobody comes in
        self._since = 0.0  # when the flock was taken
        self._writers = 0  # threads waiting to hold it alone: readers stop joining
        self._depth = threading.local()
        self._fd: int | None = None

    @contextmanager
    def hold(self, wait: float, shared: bool = False, enter: Callable[[], None] | None = None,
             leave: Callable[[], None] | None = None) -> Iterator[None]:
        if getattr(self._depth, "n", 0):  # this thread holds it already
            self._depth.n += 1
            try:
                yield
            finally:
                self._depth.n -= 1
            return
        deadline = time.monotonic() + max(wait, 0.0)
        if self._come_in(shared, deadline):
            self._take(shared, deadline, enter)
        self._depth.n = 1
        try:
            yield
        finally:
            self._depth.n = 0
            self._go_out(shared, leave)

    def _admits(self, shared: bool) -> bool:
        if self._turning or self._owner is not None:
            return False
        if not shared:
            return self._sharers == 0
        return self._writers == 0 and (self._sharers == 0 or time.monotonic() - self._since < self.JOIN_SECONDS)

    def _come_in(self, shared: bool, deadline: float) -> bool:
        """Wait for a turn in this process; True when this thread must take the flock (nobody here holds it)."""
        with self._state:
            self._writers += not shared
            try:
                while not self._admits(shared):
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise VectorsBusy(f"the vector index of {self.kb} is busy (waited in this process)")
                    self._state.wait(min(left, self.JOIN_SECONDS))
            finally:
                self._writers -= not shared
            first = self._sharers == 0
            if shared:
                self._sharers += 1
            else:
                self._owner = threading.get_ident()
            self._turning = first
            return first

    def _take(self, shared: bool, deadline: float, enter: Callable[[], None] | None) -> None:
        try:
            self._fd = _flock(self.kb / VECTOR_LOCK, max(deadline - time.monotonic(), 0.0))
            self._since = time.monotonic()
            if enter is not None:
                enter()
        except BaseException:
            self._let_go(shared)
            raise
        with self._state:
            self._turning = False
            self._state.notify_all()

    def _go_out(self, shared: bool, leave: Callable[[], None] | None) -> None:
        with self._state:
            if shared and self._sharers > 1:
                self._sharers -= 1
                self._state.notify_all()
                return
            self._turning = True  # the last one out: nobody joins while the store is noted and let go
        try:
            if leave is not None:
                leave()
        finally:
            self._let_go(shared)

    def _let_go(self, shared: bool) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the flock
            self._fd = None
        with self._state:
            if shared:
                self._sharers -= 1
            else:
                self._owner = None
            self._turning = False
            self._state.notify_all()

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
