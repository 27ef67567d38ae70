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
