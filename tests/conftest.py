from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Derived models (the ONNX export) go to a test folder, not the user's cache; CLI subprocesses inherit it."""
    cache = tmp_path_factory.getbasetemp() / "model-cache"
    os.environ["SCRUTINEER_CACHE"] = str(cache)
    return cache


def need_shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not beside the repository: shared-corpus integration tests skipped")
    return SHARED


@pytest.fixture(scope="session")
def corpus_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real KB built from the sample corpus, once per session."""
    from scrutineer.pipeline import ingest
    from store.records import Records

    kb = tmp_path_factory.mktemp("kb")
    with Records(kb) as records:
        summary = ingest([CORPUS], records, workers=1)
    assert not summary.failures
    return kb


HOSTILE_LINES = [
    "Northmoor Borough Council",
    "Corporate Parenting Committee, 5 March 2025",
    "1. Hostile markup <b>in a heading</b>",
    "1.1 Members noted that <script>alert('scrutineer')</script> care leavers in staying put",
    "arrangements rose to 31 young people <img src=x onerror=alert(1)> & \"quoted\" during 2024/25.",
]


def make_pdf(path: Path, lines: list[str]) -> Path:
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    for i, line in enumerate(lines):
        page.insert_text((56, 72 + 18 * i), line, fontsize=11)
    doc.save(path)
    return path


@pytest.fixture(scope="session")
def web_kb(corpus_kb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus KB with its vector index, plus a paper whose text is HTML and script, a file that
    changes after ingest and one that fails: what the web app's tests need, built once per session."""
    import shutil

    from scrutineer.config import Settings, open_vectors
    from scrutineer.indexing import sync_index
    from scrutineer.pipeline import ingest
    from store.records import Records

    kb = tmp_path_factory.mktemp("web") / "kb"
    shutil.copytree(corpus_kb, kb)
    extra = tmp_path_factory.mktemp("web-papers")
    make_pdf(extra / "hostile-markup.pdf", HOSTILE_LINES)
    make_pdf(extra / "changes-later.pdf", ["Wexcombe County Council", "A paper whose file is edited after ingest."])
    (extra / "broken.pdf").write_bytes(b"%PDF-1.7\nthis is not really a PDF")
    with Records(kb) as records:
        summary = ingest([extra], records, workers=1)
        index, embedder = open_vectors(kb, Settings())
        sync_index(records, index, embedder)
    assert [f.source for f in summary.failures] == ["broken.pdf"]
    return kb
