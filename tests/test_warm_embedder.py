"""An ingest builds its embedder on a thread while the parsers work; a fork waits for that thread, and a failure
reaches the ingest where the embedder is wanted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import scrutineer.config as config
from scrutineer.config import Settings, WarmEmbedder


def test_the_warm_embedder_is_the_one_open_vectors_builds(tmp_path: Path) -> None:
    cfg = Settings()
    warm = WarmEmbedder(tmp_path, cfg)
    warm.start()
    warm.start()  # a second pool (after a worker died) starts nothing more
    built = warm.result()
    assert built.name == config._embedder(tmp_path, cfg, writer=True).name
    assert built.embed(["children in care"]).shape[0] == 1
    assert not config._warming  # joined and forgotten
    assert WarmEmbedder(tmp_path, cfg).result().name == built.name  # never started: built when wanted


def test_a_fork_waits_for_the_warming_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    order: list[str] = []

    def slow(kb: Path, cfg: Settings, writer: bool) -> object:
        import time

        time.sleep(0.3)
        order.append("built")
        return object()

    monkeypatch.setattr(config, "_embedder", slow)
    warm = WarmEmbedder(tmp_path, Settings())
    warm.start()
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    order.append("forked")
    os.waitpid(pid, 0)
    assert order == ["built", "forked"]
    warm.result()


def test_a_failure_on_the_thread_is_raised_where_the_embedder_is_wanted(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(kb: Path, cfg: Settings, writer: bool) -> object:
        raise RuntimeError("model files missing")

    monkeypatch.setattr(config, "_embedder", broken)
    warm = WarmEmbedder(tmp_path, Settings())
    warm.start()
    with pytest.raises(RuntimeError, match="model files missing"):
        warm.result()


def test_an_import_that_raced_another_thread_is_built_again_where_wanted(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy's import holds torch out of sys.modules for a moment; a thread importing torch then fails with
    ImportError ("import of torch halted"), which is no reason to fail the ingest."""
    calls: list[bool] = []

    def racy(kb: Path, cfg: Settings, writer: bool) -> object:
        calls.append(writer)
        if len(calls) == 1:
            raise ModuleNotFoundError("import of torch halted; None in sys.modules")
        return "embedder"

    monkeypatch.setattr(config, "_embedder", racy)
    warm = WarmEmbedder(tmp_path, Settings())
    warm.start()
    assert warm.result() == "embedder" and len(calls) == 2


def test_a_one_file_ingest_parses_beside_the_warming_thread(tmp_path: Path) -> None:
    """One file is parsed in this process, whose first parse imports spaCy with torch held out: the thread must not
    be importing torch then (it failed every one-file ingest with embeddings before spaCy was imported first)."""
    from scrutineer.pipeline import ingest
    from store.records import Records

    paper = tmp_path / "panel.txt"
    paper.write_text("Corporate Parenting Panel\n\nThe number of children in care rose to 412 at the end of June.\n")
    warm = WarmEmbedder(tmp_path / "kb", Settings())
    with Records(tmp_path / "kb") as records:
        summary = ingest([paper], records, workers=2, on_parsing=warm.start)
    assert not summary.failures
    assert warm.result().embed(["children in care"]).shape[0] == 1
