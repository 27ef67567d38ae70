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


WRITER = """
import sys
from pathlib import Path
from store.vectors import VectorIndex
index = VectorIndex(Path(sys.argv[1]), "unit")
for r in range(40):
    index.set_metadata([1, 2, 3, 4, 5, 6], [{"topic_neet": (i + r) % 3 == 0} for i in range(6)])
"""

READER = """
import sys
from pathlib import Path
from store.vectors import VectorIndex
wrong = 0
for _ in range(40):  # a fresh handle each time, as a CLI process: the file's list, or Chroma's when it has none
    index = VectorIndex(Path(sys.argv[1]), "unit")
    with index.held():
        truth = index.collection.get(where={"topic_neet": True}, include=[])["ids"]
        wrong += sorted(index.flagged("topic_neet")) != sorted(truth)
    index.close()
print(wrong)
"""


def test_readers_beside_a_writer_are_never_served_a_list_of_another_state(tmp_path: Path) -> None:
    """Processes reading a topic's ids while another process rewrites the flags: what a reader is served always
    equals what Chroma answers within the same hold of the store."""
    import subprocess
    import sys

    _built(tmp_path).add([4, 5, 6], EYE[3:6], [{"topic_neet": False}] * 3)
    run = [sys.executable, "-c"]
    root = Path(__file__).resolve().parent.parent
    writer = subprocess.Popen([*run, WRITER, str(tmp_path)], cwd=root)
    readers = [subprocess.Popen([*run, READER, str(tmp_path)], cwd=root, stdout=subprocess.PIPE, text=True)
               for _ in range(2)]
    assert writer.wait(timeout=120) == 0
    assert [r.communicate(timeout=120)[0].strip() for r in readers] == ["0", "0"]
