"""The vector index against a real `chroma run` server on 127.0.0.1 (HttpClient), as a shared deployment uses it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np
import pytest

from scrutineer.config import Settings, open_vectors
from scrutineer.indexing import sync_index
from scrutineer.search import search
from store.chroma_log import unsaved_writes
from store.records import Records
from store.statement_rows import SearchFilters
from store.vectors import IndexMismatch, VectorIndex

_DATA: dict[str, Path] = {}  # each server's store, to read its log


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory):
    exe = Path(sys.executable).with_name("chroma")
    if not exe.exists():
        pytest.skip("the chroma CLI is not installed beside this Python")
    port = _free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen([str(exe), "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    _DATA[url] = data
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("chroma run did not answer within 30 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_http_index_stores_filters_and_refuses_another_model(chroma_url: str, tmp_path: Path):
    index = VectorIndex(tmp_path, "unit-test-embedder", chroma_url, collection="unit")
    vectors = np.eye(4, dtype=np.float32)
    index.add([1, 2, 3, 4], vectors, [{"topic_neet": True}, {"topic_neet": True}, {}, {}])
    assert index.ids() == {1, 2, 3, 4}
    assert index.query(vectors[2], 1)[0].statement_id == 3
    assert {h.statement_id for h in index.query(vectors[2], 4, among=index.flagged("topic_neet"))} == {1, 2}
    assert index.held_among(("1", "3", "9")) == ("1", "3")
    index.delete([4])
    assert index.ids() == {1, 2, 3}
    with pytest.raises(IndexMismatch):
        VectorIndex(tmp_path, "another-model", chroma_url, collection="unit")


def test_search_through_a_chroma_server(chroma_url: str, corpus_kb: Path, tmp_path: Path):
    kb = tmp_path / "kb"
    shutil.copytree(corpus_kb, kb)
    with Records(kb) as records:
        index, embedder = open_vectors(kb, Settings(chroma_url=chroma_url))
        assert sync_index(records, index, embedder).embedded > 100
        assert not (kb / "chroma").exists()  # nothing written beside the KB: the server holds the vectors
        hits = search(records, index, embedder, "young people in emergency accommodation", SearchFilters(), 5)
    assert hits and any("emergency accommodation" in h.text for h in hits)
    assert any(h.why.topic_rank for h in hits)  # the accommodation topic's list, through the server


def test_a_write_session_leaves_the_servers_saved_graph_level(chroma_url: str, tmp_path: Path):
    index = VectorIndex(tmp_path, "unit-test-embedder", chroma_url, collection="level")
    v = np.random.default_rng(0).normal(size=(300, 8)).astype(np.float32)
    index.add(list(range(1, 301)), v / np.linalg.norm(v, axis=1, keepdims=True), [{}] * 300)
    assert unsaved_writes(_DATA[chroma_url], str(index.collection.id)) == 300  # a restart would replay these
    index.level()
    assert unsaved_writes(_DATA[chroma_url], str(index.collection.id)) == 0 and index.size() == 300
