"""Shared by the notebooks: open the KB they work on, building it from the sample corpus the first time."""

from __future__ import annotations

import os
from pathlib import Path

import scrutineer

REPO = Path(__file__).resolve().parent.parent
KB = Path(os.environ.get("SCRUTINEER_KB", REPO / "kb-demo"))


def sample_kb():
    kb = scrutineer.open_kb(KB, create=True)
    if not kb.documents():
        summary, _ = kb.ingest([REPO / "corpus"])
        print(f"built {KB}: {summary.documents} documents, {summary.statements} statements, {summary.metrics} metrics")
    return kb
