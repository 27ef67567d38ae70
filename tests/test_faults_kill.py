"""kill -9 during an ingest (while parsing, between files, while embedding) and readers during an ingest, with real
processes on corpus/: the records stay sound, the re-run finishes, and the KB equals a clean ingest of the same files
(documents, statements, metrics, the top 10 of a few searches); readers never crash nor see "database is locked"."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from scrutineer.api import open_kb

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
QUERIES = ["emergency accommodation for care leavers", "placement stability", "care leavers in education"]
pytestmark = pytest.mark.slow


def _ingest(kb: Path) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("scrutineer")
    return subprocess.Popen([str(exe), "ingest", str(CORPUS), "--kb", str(kb)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _snapshot(kb: Path) -> dict:
    with open_kb(kb) as k:
        docs = sorted((d.id, d.source, d.status, d.pages) for d in k.documents())
        statements = k.records.db.execute("SELECT document_id, ord, text FROM statements ORDER BY 1, 2").fetchall()
        metrics = sorted(json.dumps(m.model_dump(mode="json"), sort_keys=True) for m in k.metrics())
        searches = {q: [(h.source, h.page, h.text) for h in k.search(q, limit=10)] for q in QUERIES}
        assert k.notice is None
    return {"documents": docs, "statements": [tuple(r) for r in statements], "metrics": metrics, "searches": searches}


def _sound(kb: Path) -> None:
    with sqlite3.connect(kb / "records.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _kill_when(kb: Path, ready: Callable[[], bool]) -> None:
    proc = _ingest(kb)
    deadline = time.monotonic() + 600
    while not ready() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, f"the ingest finished before the point to kill it at: {proc.communicate()[1][-2000:]}"
    os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its parser workers, as kill -9 of the process group
    assert proc.wait() == -signal.SIGKILL
    _sound(kb)


def _stored_files(kb: Path) -> int:
    try:
        with sqlite3.connect(kb / "records.sqlite", timeout=30) as db:
            return db.execute("SELECT count(*) FROM files").fetchone()[0]
    except sqlite3.Error:
        return 0


READER = """
import sys, time
from pathlib import Path
from scrutineer.api import open_kb
kb, stop = Path(sys.argv[1]), Path(sys.argv[2])
loops = fallbacks = 0
while not (kb / "records.sqlite").exists():
    time.sleep(0.05)
with open_kb(kb) as k:
    while not stop.exists():
        k.search("care leavers in education", limit=10)
        fallbacks += k.notice is not None
        k.metrics()
        k.documents()
        loops += 1
print(loops, fallbacks)
"""


def test_kill_9_at_any_point_then_rerun_equals_a_clean_ingest_with_readers_throughout(tmp_path: Path) -> None:
    clean, killed, stop = tmp_path / "clean", tmp_path / "killed", tmp_path / "stop"
    readers = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(READER), str(clean), str(stop)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    run = _ingest(clean)
    _, err = run.communicate(timeout=900)
    stop.touch()
    for r in readers:
        out, rerr = r.communicate(timeout=300)
        assert r.returncode == 0 and "database is locked" not in rerr and "Traceback" not in rerr, rerr
        assert int(out.split()[0]) >= 1
    assert run.returncode == 0, err
    _sound(clean)

    _kill_when(killed, lambda: (killed / "records.sqlite").exists())  # while parsing: nothing stored yet
    _kill_when(killed, lambda: _stored_files(killed) >= 6)  # between files
    _kill_when(killed, lambda: (killed / "vectors.generation").exists())  # while embedding: a batch is in
    rerun = _ingest(killed)
    _, err = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, err
    _sound(killed)
    assert _snapshot(killed) == _snapshot(clean)
