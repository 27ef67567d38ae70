"""The id lists a process reads from the vector index's metadata are kept beside the store for the next process
(store/flag_cache.py), and served only while the store is in the state they were read from."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from store.flag_cache import FLAGS_FILE, FlagCache
from store.vectors import VectorIndex

EYE = np.eye(8, dtype=np.float32)


def _state(index: VectorIndex) -> str:
    with index.held():
        return f"{index.collection.id}:{index._lock.generation()}"


def _built(kb: Path) -> VectorIndex:
    index = VectorIndex(kb, "unit")
    index.add([1, 2, 3], EYE[:3], [{"topic_neet": True}, {"topic_neet": False}, {"topic_neet": True}])
    return index


def test_a_fresh_handle_is_served_the_kept_ids_of_the_same_state(tmp_path: Path) -> None:
    index = _built(tmp_path)
    assert sorted(index.flagged("topic_neet")) == ["1", "3"]
    assert FlagCache(tmp_path).get(_state(index), "topic_neet") == index.flagged("topic_neet")
    FlagCache(tmp_path).put(_state(index), "topic_neet", ["3"])  # proves the next reader reads the file, not Chroma
    assert VectorIndex(tmp_path, "unit").flagged("topic_neet") == ("3",)


def test_kept_ids_are_not_served_after_a_write_or_a_rebuild(tmp_path: Path) -> None:
    index = _built(tmp_path)
    FlagCache(tmp_path).put(_state(index), "topic_neet", ["3"])
    index.set_metadata([2], [{"topic_neet": True}])
    assert sorted(VectorIndex(tmp_path, "unit").flagged("topic_neet")) == ["1", "2", "3"]
    FlagCache(tmp_path).put(_state(index), "", ["1"])
    index.reset()  # a new collection: its generation may come round again, its id does not
    index.add([7], EYE[6:7], [{"topic_neet": True}])
    fresh = VectorIndex(tmp_path, "unit")
    assert fresh.flagged("topic_neet") == ("7",) and fresh.holding() == frozenset({"7"})


def test_kept_ids_are_not_served_once_the_store_changed_outside_the_locks(tmp_path: Path) -> None:
    """A store restored from a backup or touched by another tool keeps its generation: the check that notices it moves
    the generation on, so nothing read before is trusted."""
    index = _built(tmp_path)
    state = _state(index)
    FlagCache(tmp_path).put(state, "topic_neet", ["3"])
    index.close()
    store_file = tmp_path / "chroma" / "chroma.sqlite3"
    os.utime(store_file, ns=(store_file.stat().st_atime_ns, store_file.stat().st_mtime_ns + 10**9))
    fresh = VectorIndex(tmp_path, "unit")
    assert _state(fresh) != state
    assert sorted(fresh.flagged("topic_neet")) == ["1", "3"]


def test_an_unreadable_file_of_kept_ids_is_passed_by(tmp_path: Path) -> None:
    index = _built(tmp_path)
    (tmp_path / FLAGS_FILE).write_bytes(b"not a database at all" * 100)
    assert sorted(VectorIndex(tmp_path, "unit").flagged("topic_neet")) == ["1", "3"]
    assert index.holding() == frozenset({"1", "2", "3"})
