"""Building the vector index embeds each distinct text once per sync, and every statement gets its own text's vector."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from scrutineer import indexing
from scrutineer.config import Settings, open_vectors
from scrutineer.indexing import rows_by_text, sync_index
from store.records import Records
from store.statement_rows import index_rows


class Counting:
    """The real embedder, counting the texts it is asked for."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.asked: Counter[str] = Counter()

    def embed(self, texts: list[str]) -> np.ndarray:
        self.asked.update(texts)
        return self.inner.embed(texts)


def test_rows_by_text_groups_repeats_shortest_first() -> None:
    todo = [(1, "a longer sentence", {}), (2, "short", {}), (3, "a longer sentence", {}), (4, "mid text", {})]
    assert rows_by_text(todo) == {"short": [1], "mid text": [3], "a longer sentence": [0, 2]}


def test_repeated_statements_are_embedded_once_across_batches(corpus_kb: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(corpus_kb, kb)
    monkeypatch.setattr(indexing, "BATCH", 50)  # many batches, so repeats fall in different ones
    with Records(kb) as records:
        rows = list(index_rows(records, exclude=set()))
        texts = Counter(text for _, text, _ in rows)
        assert any(n > 1 for n in texts.values()), "the sample corpus repeats some statements"
        index, embedder = open_vectors(kb, Settings())
        counting = Counting(embedder)
        done = sync_index(records, index, counting)  # type: ignore[arg-type]
        assert done.embedded == len(rows) and index.ids() == {sid for sid, _, _ in rows}
        assert counting.asked == Counter(set(texts))  # each distinct text once
        sample = rows[::7]
        ids, vectors, _ = index.everything()
        row_of = {int(sid): k for k, sid in enumerate(ids.tolist())}
        stored = vectors[[row_of[sid] for sid, _, _ in sample]]
        direct = embedder.embed([text for _, text, _ in sample])
        assert (stored * direct).sum(axis=1).min() > 0.999  # each statement holds its own text's vector
