"""`ingest --ray` on a real local Ray instance (two CPUs): parsing and extraction as Ray tasks, embedding in a Ray
actor, the driver the one writer; the KB it builds equals the single-process one on corpus/ (documents, statements,
tables, metrics, failures and the top 10 of a few searches)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrutineer.api import open_kb
from scrutineer.cli import app

ray = pytest.importorskip("ray")

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["emergency accommodation for care leavers", "placement stability", "care leavers in education"]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def local_ray():
    """The test's own two-CPU instance; the CLI in this process joins it rather than starting another."""
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=100 * 1024**2, logging_level="ERROR",
             log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """corpus/ plus a broken file, whose one-line failure must not stop the batch on either path."""
    folder = tmp_path_factory.mktemp("papers")
    for f in (ROOT / "corpus").glob("*.pdf"):
        shutil.copy(f, folder / f.name)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nthis is not really a PDF")
    return folder


def _snapshot(kb: Path) -> dict:
    with open_kb(kb) as k:
        db = k.records.db
        searches = {q: [(h.source, h.page, h.text) for h in k.search(q, limit=10)] for q in QUERIES}
        assert k.notice is None  # the vector index answered, not the keyword fallback
        return {
            "documents": sorted(json.dumps(d.model_dump(mode="json"), sort_keys=True) for d in k.documents()),
            "statements": db.execute("SELECT id, document_id, ord, page, text FROM statements ORDER BY id").fetchall(),
            "tables": db.execute("SELECT * FROM doc_tables ORDER BY id").fetchall(),
            "entities": db.execute("SELECT * FROM entities ORDER BY id").fetchall(),
            "metrics": sorted(json.dumps(m.model_dump(mode="json"), sort_keys=True) for m in k.metrics()),
            "failures": db.execute("SELECT source, reason FROM failures ORDER BY 1").fetchall(),
            "files": db.execute("SELECT sha256, source, path, pages, warnings FROM files ORDER BY 1").fetchall(),
            "searches": searches,
        }


def test_ray_path_builds_the_same_kb(local_ray: None, papers: Path, tmp_path: Path):
    runner = CliRunner()
    single = runner.invoke(app, ["ingest", str(papers), "--kb", str(tmp_path / "single"), "--workers", "1"])
    on_ray = runner.invoke(app, ["ingest", str(papers), "--kb", str(tmp_path / "ray"), "--ray"])
    assert single.exit_code == on_ray.exit_code == 1, on_ray.output  # the broken file: exit 1, the rest stored
    assert "broken.pdf" in on_ray.output and "Traceback" not in on_ray.output
    assert "131 statements embedded" in on_ray.output  # 132 statements, "Agenda" alone is not embedded (one word)
    a, b = _snapshot(tmp_path / "single"), _snapshot(tmp_path / "ray")
    assert a["statements"] and a["metrics"] and a["tables"] and all(a["searches"].values())
    assert a == b
    again = runner.invoke(app, ["ingest", str(papers), "--kb", str(tmp_path / "ray"), "--ray"])
    assert "unchanged skipped 9" in again.output  # the driver's stored paths are the real ones, not the workers'


def test_unreachable_cluster_is_one_line(tmp_path: Path):
    exe = Path(sys.executable).with_name("scrutineer")
    done = subprocess.run([str(exe), "ingest", str(ROOT / "corpus"), "--kb", str(tmp_path / "kb"),
                           "--ray-address", "127.0.0.1:9"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "cannot reach the Ray cluster at 127.0.0.1:9" in lines[0], done.stderr


def _die() -> None:
    os._exit(9)


def test_a_worker_that_dies_costs_its_file_one_line(local_ray: None):
    from scrutineer.ray_ingest import RayEngine

    engine = RayEngine()
    crashed = ray.remote(max_retries=0)(_die).remote()
    failure = engine._outcome("/papers/crash%20me.pdf", crashed)
    assert failure.source == "crash me.pdf" and failure.path == "/papers/crash%20me.pdf"
    assert failure.reason.startswith("the parser's Ray worker failed on this file (") and "\n" not in failure.reason
    engine.close()
    assert ray.is_initialized()  # the test's own connection is left alone


def test_without_ray_installed_is_one_line(tmp_path: Path):
    code = ("import sys; sys.modules['ray'] = None; from scrutineer.cli import app; "
            f"app(['ingest', {str(ROOT / 'corpus')!r}, '--kb', {str(tmp_path / 'kb')!r}, '--ray'])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip() == "error Ray is not installed: pip install 'scrutineer[ray]'", done.stderr
