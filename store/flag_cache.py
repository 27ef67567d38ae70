"""The id lists read from the vector index's metadata (a topic's flagged statements, every id it holds), kept beside
it for the next process: Chroma answers `get(where={flag: True})` in 30-100 ms on the whole shared corpus, every
process anew, so a CLI search naming a topic paid that on each run. A list is kept under the state of the store it
was read from (the collection's id and the KB's write generation) and never served for another: any write moves the
generation on, and a list is written only while the store is held, so nothing can write between the read and the
keeping. Losing the file costs only the reads again; a file that cannot be read or written is passed by."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

FLAGS_FILE = "vectors.flags"
_SCHEMA = "CREATE TABLE IF NOT EXISTS kept (state TEXT NOT NULL, name TEXT NOT NULL, ids BLOB NOT NULL," \
          " PRIMARY KEY (state, name))"


class FlagCache:
    def __init__(self, kb: Path) -> None:
        self.path = kb / FLAGS_FILE

    def get(self, state: str, name: str) -> tuple[str, ...] | None:
        """The ids kept for `name` in this state of the store, as the index names them; None when none are."""
        if not self.path.exists():
            return None
        try:
            with _connected(self.path) as db:
                row = db.execute("SELECT ids FROM kept WHERE state = ? AND name = ?", (state, name)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        return tuple(map(str, np.frombuffer(row[0], dtype="<i8").tolist()))

    def put(self, state: str, name: str, ids: Iterable[str]) -> None:
        """Keep `ids` (in their order) for `name` in this state, dropping every list of an earlier state."""
        try:
            blob = np.array([int(i) for i in ids], dtype="<i8").tobytes()
        except ValueError:  # an id that is not a statement's number: not this project's index
            return
        try:
            with _connected(self.path) as db:
                db.execute(_SCHEMA)
                db.execute("DELETE FROM kept WHERE state != ?", (state,))
                db.execute("INSERT OR REPLACE INTO kept VALUES (?, ?, ?)", (state, name, blob))
        except sqlite3.Error:
            pass


@contextmanager
def _connected(path: Path) -> Iterator[sqlite3.Connection]:
    """One transaction on the file, committed when the block ends well, and the file let go either way."""
    db = sqlite3.connect(path, timeout=5.0)
    try:
        with db:
            yield db
    finally:
        db.close()
