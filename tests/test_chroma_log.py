"""Chroma's saved graph is left level with its log after every write session, so every process that opens the KB
searches the same graph (before, each replayed the last writes in its own order and the tails of searches differed
from run to run). Real Chroma stores; a deterministic embedder's vectors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from store.chroma_log import unsaved_writes
from store.vectors import STORE_DIR, VectorIndex

ROOT = Path(__file__).resolve().parent.parent

NEAREST = """
import json, sys
from pathlib import Path
import numpy as np
from store.vectors import VectorIndex
index = VectorIndex(Path(sys.argv[1]), "unit")
print(json.dumps([h.statement_id for h in index.query(np.asarray(json.loads(sys.argv[2]), np.float32), 200)]))
"""


def _vectors(n: int, seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, 32)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _unsaved(index: VectorIndex) -> int:
    return unsaved_writes(index.kb / STORE_DIR, str(index.collection.id))


def test_level_saves_the_graph_every_process_then_searches(tmp_path: Path) -> None:
    index = VectorIndex(tmp_path, "unit")
    index.add(list(range(1, 1201)), _vectors(1200, 1), [{"t": True}] * 1200)  # saved: a write of 1,000 or more
    index.add(list(range(1201, 1501)), _vectors(300, 2), [{"t": True}] * 300)  # only logged
    assert _unsaved(index) == 300
    query = _vectors(1, 3)[0]
    index.level()
    assert _unsaved(index) == 0 and index.size() == 1500
    mine = [h.statement_id for h in index.query(query, 200)]
    for _ in range(2):  # other processes load the very graph the writer searches, not one replayed their own way
        other = subprocess.run([sys.executable, "-c", NEAREST, str(tmp_path), json.dumps(query.tolist())], cwd=ROOT,
                               capture_output=True, text=True, timeout=120)
        assert other.returncode == 0, other.stderr
        assert json.loads(other.stdout) == mine
    index.level()  # level already: nothing written
    assert _unsaved(index) == 0 and index.size() == 1500

