"""Limits on one file's parse: a time limit (a file that would take hours fails with one line, the batch goes on) and
a memory ceiling for the parser processes (a file that would take all the memory fails, not the machine)."""

from __future__ import annotations

import resource
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from pydantic import BaseModel, ConfigDict

from ingest.errors import TooSlow

FILE_SECONDS = 600.0
WORKER_MEMORY = 6 * 1024**3


class FileLimits(BaseModel):
    model_config = ConfigDict(extra="forbid")
    seconds: float = FILE_SECONDS  # 0: no time limit
    memory: int = WORKER_MEMORY  # bytes of address space per parser process; 0: no ceiling


@contextmanager
def time_limit(seconds: float, source: str) -> Iterator[None]:
    """Raise TooSlow in this thread after `seconds` (a signal, so only on a process's main thread; elsewhere none)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    reason = f"reading it took longer than {seconds:g} s, the limit per file"
    fired = False

    def stop(signum: int, frame: object) -> None:
        nonlocal fired
        fired = True
        raise TooSlow(source, reason)

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:  # the signal's exception was swallowed (a finaliser, a library's broad except): the file still fails
        raise TooSlow(source, reason)


def limit_memory(limit: int) -> None:
    """Cap this process's address space (a parser worker's, never the CLI's own, which loads the embedding model)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
