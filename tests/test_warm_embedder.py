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
