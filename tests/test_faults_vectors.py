"""The vector store shared by several processes, damaged or missing: no crash reaches a user, search falls back to
keywords with one line saying why, `reindex` repairs, a second writer is refused. Real Chroma stores in tmp_path,
a deterministic embedder's vectors for the storage cases, real subprocesses for the other processes."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from scrutineer.api import open_kb
from store.kb_lock import VectorsBusy, writer
from store.vectors import IndexDamaged, VectorIndex

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def _vectors(n: int, dim: int = 16, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _python(code: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


ADD = """
import sys
from pathlib import Path
import numpy as np
from store.vectors import VectorIndex
v = np.eye(16, dtype=np.float32)[10:13]
VectorIndex(Path(sys.argv[1]), "unit").add([11, 12, 13], v, [{"a": 1}] * 3)
"""


def test_a_process_sees_what_another_process_wrote(tmp_path: Path) -> None:
    index = VectorIndex(tmp_path, "unit")
    index.add(list(range(1, 11)), np.eye(16, dtype=np.float32)[:10], [{"a": 1}] * 10)
    assert index.size() == 10
    done = _python(ADD, str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert index.size() == 13  # the long-lived reader (a web server's KB) reopened its client
    assert index.query(np.eye(16, dtype=np.float32)[12], 1)[0].statement_id == 13


HOLD = """
import sys, time
from pathlib import Path
from store.kb_lock import VectorLock
with VectorLock(Path(sys.argv[1])).hold(10):
    print("holding", flush=True)
    time.sleep(60)
"""


def test_a_reader_that_cannot_get_the_store_gives_up_instead_of_hanging(tmp_path: Path) -> None:
    index = VectorIndex(tmp_path, "unit", wait=0.5)
    index.add([1], np.eye(16, dtype=np.float32)[:1], [{"a": 1}])
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with pytest.raises(VectorsBusy):
            index.query(np.eye(16, dtype=np.float32)[0], 1)
    finally:
        holder.kill()
        holder.wait()
    assert index.query(np.eye(16, dtype=np.float32)[0], 1)[0].statement_id == 1  # the kill released the lock


def _damage(kb: Path) -> None:
    """Flip bytes all through the HNSW segment's files, as a concurrent writer did (its next reader segfaults)."""
    segment = next(p for p in (kb / "chroma").iterdir() if p.is_dir())
    for name, step in (("link_lists.bin", 7), ("data_level0.bin", 13)):
        data = bytearray((segment / name).read_bytes())
        for i in range(0, len(data), step):
            data[i] ^= 0xFF
        (segment / name).write_bytes(bytes(data))


def test_a_damaged_index_is_reported_not_a_crash_and_reset_repairs_it(tmp_path: Path) -> None:
    index = VectorIndex(tmp_path, "unit")
    index.add(list(range(1500)), _vectors(1500), [{"a": 1}] * 1500)  # past Chroma's sync threshold: files on disk
    index.close()
    _damage(tmp_path)
    with pytest.raises(IndexDamaged, match="reindex"):
        VectorIndex(tmp_path, "unit")  # probed in a subprocess: this process lives
    with pytest.raises(IndexDamaged):
        VectorIndex(tmp_path, "unit")  # still damaged, still reported (the probe's verdict is remembered)
    shutil.rmtree(tmp_path / "chroma")
    rebuilt = VectorIndex(tmp_path, "unit")
    rebuilt.add(list(range(100)), _vectors(100), [{"a": 1}] * 100)
    assert rebuilt.size() == 100


def test_a_kb_named_by_a_relative_path_is_probed_where_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The probe's subprocess runs from the project's root: a relative path once sent it to an empty store there
    (created on the way), which read as sound, so the damaged one was opened."""
    monkeypatch.chdir(tmp_path)
    kb = Path("relative-probe-kb")
    index = VectorIndex(kb, "unit")
    index.add(list(range(1500)), _vectors(1500), [{"a": 1}] * 1500)
    index.close()
    _damage(tmp_path / kb)
    with pytest.raises(IndexDamaged, match="reindex"):
        VectorIndex(kb, "unit")
    assert not (ROOT / kb).exists()


def test_an_interrupted_write_is_checked_once_then_trusted(tmp_path: Path) -> None:
    index = VectorIndex(tmp_path, "unit")
    index.add([1, 2], np.eye(16, dtype=np.float32)[:2], [{"a": 1}] * 2)
    (tmp_path / "vectors.dirty").write_text("12345")  # a writer killed between its marker and its commit
    assert VectorIndex(tmp_path, "unit").size() == 2  # probed, sound: the marker is cleared
    assert not (tmp_path / "vectors.dirty").exists()


@pytest.fixture()
def kb_copy(corpus_kb: Path, tmp_path: Path) -> Path:
    """The sample corpus KB as ingest left it without embeddings: records, no vector index."""
    kb = tmp_path / "kb"
    shutil.copytree(corpus_kb, kb)
    shutil.rmtree(kb / "chroma", ignore_errors=True)
    return kb


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("scrutineer")
    return subprocess.run([str(exe), *args], cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)


@pytest.mark.slow
def test_search_says_the_index_is_missing_or_damaged_and_reindex_repairs(kb_copy: Path) -> None:
    with open_kb(kb_copy) as kb:
        hits = kb.search("emergency accommodation for care leavers", limit=5)
        assert hits and kb.notice and "missing" in kb.notice and "keywords only" in kb.notice
    run = _cli("search", "emergency accommodation", "--kb", str(kb_copy), "--format", "json")
    assert run.returncode == 0 and '"source"' in run.stdout
    assert "vector index is missing" in run.stderr and "Traceback" not in run.stderr
    assert len([ln for ln in run.stderr.splitlines() if ln.strip()]) == 1

    assert _cli("reindex", "--kb", str(kb_copy)).returncode == 0
    with open_kb(kb_copy) as kb:
        assert kb.search("emergency accommodation for care leavers", limit=5) and kb.notice is None

    (kb_copy / "chroma" / "chroma.sqlite3").write_bytes(b"not a database" * 100)  # damaged under the KB's feet
    run = _cli("search", "emergency accommodation", "--kb", str(kb_copy), "--format", "json")
    assert run.returncode == 0 and '"source"' in run.stdout
    assert "vector index is damaged" in run.stderr and "reindex" in run.stderr and "Traceback" not in run.stderr
    assert _cli("reindex", "--kb", str(kb_copy)).returncode == 0
    run = _cli("search", "emergency accommodation", "--kb", str(kb_copy), "--format", "json")
    assert run.returncode == 0 and "warning" not in run.stderr


WRITE = """
import sys, time
from pathlib import Path
from store.kb_lock import writer
with writer(Path(sys.argv[1]), "scrutineer ingest"):
    print("writing", flush=True)
    time.sleep(120)
"""


def test_a_second_ingest_is_refused_with_one_line(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    first = subprocess.Popen([sys.executable, "-c", WRITE, str(kb)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "writing"
        run = _cli("ingest", str(CORPUS / "northmoor-minutes-2023-12.pdf"), "--kb", str(kb),
                   env={**_env(), "SCRUTINEER_EMBED": "false"})
    finally:
        first.kill()
        first.wait()
    assert run.returncode == 2
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "is being written by scrutineer ingest (pid" in lines[0]
    with writer(kb, "test"):  # released by the kill
        pass


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


@pytest.mark.slow
def test_an_ingest_that_finds_the_index_damaged_rebuilds_it_from_the_records(kb_copy: Path, tmp_path: Path) -> None:
    """A writer killed while Chroma saved its graph can leave it damaged; SQLite is the record and the index is
    derived from it, so the same ingest run again rebuilds the index and finishes, rather than asking for reindex."""
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("Care leavers in Northmoor were offered supported lodgings and a personal adviser.\n")
    second.write_text("Foster carers in Northmoor asked for more respite and training this year.\n")
    assert _cli("ingest", str(first), "--kb", str(kb_copy)).returncode == 0
    _damage(kb_copy)
    run = _cli("ingest", str(second), "--kb", str(kb_copy))
    assert run.returncode == 0, run.stderr
    assert "vector index is damaged" in run.stderr and "rebuilding it from the records" in run.stderr
    assert "Traceback" not in run.stderr
    with open_kb(kb_copy) as kb:
        hits = kb.search("respite for foster carers", limit=5)
        assert kb.notice is None and any(h.source == "second.txt" for h in hits)
