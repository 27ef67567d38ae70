"""The vector lock shared by a process's reading threads: one flock across processes, taken once per shared hold."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from store.kb_lock import VECTOR_LOCK, VectorLock, VectorsBusy
from store.vectors import VectorIndex


def _flock_free(kb: Path) -> bool:
    """Whether another process (an ingest) could take the store now: a second open file is a second flock holder."""
    fd = os.open(kb / VECTOR_LOCK, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def test_reading_threads_share_one_hold_and_its_checks(tmp_path: Path) -> None:
    lock = VectorLock(tmp_path)
    calls: list[str] = []
    inside, go = threading.Barrier(3), threading.Event()

    def read() -> None:
        with lock.hold(5, shared=True, enter=lambda: calls.append("enter"), leave=lambda: calls.append("leave")):
            inside.wait(5)  # all three readers are in at once
            go.wait(5)

    threads = [threading.Thread(target=read) for _ in range(3)]
    for t in threads:
        t.start()
    time.sleep(0.3)
    assert not _flock_free(tmp_path)  # no other process gets the store while any reader is in
    go.set()
    for t in threads:
        t.join()
    assert calls == ["enter", "leave"] and _flock_free(tmp_path)


def test_a_writer_waits_for_readers_and_readers_queue_behind_it(tmp_path: Path) -> None:
    lock = VectorLock(tmp_path)
    events: list[str] = []
    reader_in, release = threading.Event(), threading.Event()

    def first_reader() -> None:
        with lock.hold(5, shared=True):
            reader_in.set()
            release.wait(5)
            events.append("reader 1 out")

    def writer() -> None:
        with lock.hold(5):
            events.append("writer in")

    def late_reader() -> None:
        with lock.hold(5, shared=True):
            events.append("reader 2 in")

    threads = [threading.Thread(target=first_reader)]
    threads[0].start()
    reader_in.wait(5)
    threads.append(threading.Thread(target=writer))
    threads[1].start()
    time.sleep(0.2)  # the writer is waiting
    threads.append(threading.Thread(target=late_reader))
    threads[2].start()
    time.sleep(0.2)
    assert events == []  # the late reader does not slip in ahead of the waiting writer
    release.set()
    for t in threads:
        t.join()
    assert events == ["reader 1 out", "writer in", "reader 2 in"]


def test_a_reader_gives_up_when_a_writer_of_this_process_holds_on(tmp_path: Path) -> None:
    lock = VectorLock(tmp_path)
    got: list[BaseException] = []
    with lock.hold(5):
        t = threading.Thread(target=lambda: _try(lambda: lock.hold(0.2, shared=True).__enter__(), got))
        t.start()
        t.join()
    assert got and isinstance(got[0], VectorsBusy)
    with lock.hold(1, shared=True), lock.hold(1, shared=True):  # re-entrant within a thread
        pass


def _try(fn, got: list[BaseException]) -> None:
    try:
        fn()
    except BaseException as exc:
        got.append(exc)


def test_threads_read_one_index_at_once_and_get_what_one_thread_gets(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(600, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex(tmp_path, "unit")
    index.add(list(range(600)), vectors, [{"a": i % 3} for i in range(600)])
    alone = [[h.statement_id for h in index.query(vectors[i], 20)] for i in range(40)]
    together: dict[int, list[int]] = {}
    errors: list[BaseException] = []

    def search(i: int) -> None:
        try:
            with index.held():
                together[i] = [h.statement_id for h in index.query(vectors[i], 20)]
                index.vectors(together[i][:5])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=search, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and [together[i] for i in range(40)] == alone
    assert _flock_free(tmp_path)


@pytest.mark.parametrize("shared", [True, False])
def test_a_failing_check_lets_go_of_the_store(tmp_path: Path, shared: bool) -> None:
    lock = VectorLock(tmp_path)

    def broken() -> None:
        raise RuntimeError("damaged")

    with pytest.raises(RuntimeError), lock.hold(1, shared=shared, enter=broken):
        pass
    assert _flock_free(tmp_path)
    with lock.hold(1, shared=True):
        pass
