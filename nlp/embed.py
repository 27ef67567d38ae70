"""Sentence embeddings, offline: the packaged all-MiniLM-L6-v2 (`accurate`) or a static model distilled from it (`fast`).

Models are built by `build_embedder`, never at import. Texts are embedded once
each (duplicates share a vector), in batches sorted by length, normalised.
"""

from __future__ import annotations

import contextlib
import io
from enum import StrEnum
from pathlib import Path
from typing import Protocol

import numpy as np

from nlp.embed_support import packaged_model_path, quiet_transformers, unique_sorted

__all__ = ["Embedder", "Profile", "SentenceEmbedder", "StaticEmbedder", "build_embedder", "packaged_model_path"]


class Profile(StrEnum):
    ACCURATE = "accurate"
    FAST = "fast"


class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


class SentenceEmbedder:
    """A sentence-transformers model: any configured model, and MiniLM on a GPU; 128 tokens cover a statement."""

    def __init__(self, model: str | Path | None = None, max_seq_length: int = 128, batch_size: int = 64) -> None:
        from sentence_transformers import SentenceTransformer

        quiet_transformers()

        path = str(model or packaged_model_path())
        self.model = SentenceTransformer(path, device="cpu" if not _cuda() else "cuda", local_files_only=True)
        self.model.max_seq_length = max_seq_length
        self.batch_size = batch_size
        self.name = f"{Path(path).name}@{max_seq_length}" if model else f"all-MiniLM-L6-v2@{max_seq_length}"

    def embed(self, texts: list[str]) -> np.ndarray:
        return unique_sorted(texts, lambda batch: self.model.encode(
            batch, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False))


class StaticEmbedder:
    """A static (token-average) model distilled locally from the accurate one: thousands of statements/s on CPU."""

    def __init__(self, cache: Path) -> None:
        from sentence_transformers import SentenceTransformer
        from sentence_transformers.sentence_transformer.modules import StaticEmbedding

        target = cache / "static-minilm"
        if not (target / "modules.json").exists():
            quiet_transformers()
            with contextlib.redirect_stderr(io.StringIO()):  # model2vec's token bar and version advice; errors still raise
                static = StaticEmbedding.from_distillation(str(packaged_model_path()), device="cpu", pca_dims=256)
            SentenceTransformer(modules=[static]).save(str(target))
        self.model = SentenceTransformer(str(target), device="cpu", local_files_only=True)
        self.name = "static-minilm-distilled"

    def embed(self, texts: list[str]) -> np.ndarray:
        return unique_sorted(texts, lambda batch: self.model.encode(
            batch, batch_size=1024, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False))


def _cuda() -> bool:
    import torch

    return torch.cuda.is_available()


def build_embedder(profile: Profile = Profile.ACCURATE, model: str | None = None, cache: Path | None = None,
                   int8: bool = False) -> Embedder:
    """`cache` holds derived models (the distilled static model, the ONNX export); a configured model or a GPU
    runs on sentence-transformers, the packaged MiniLM on a CPU runs on ONNX Runtime."""
    cache = cache or default_cache()
    if profile is Profile.FAST:
        return StaticEmbedder(cache)
    if model or _cuda():
        return SentenceEmbedder(model)
    from nlp.embed_onnx import OnnxEmbedder

    return OnnxEmbedder(cache, quantised=int8)


def default_cache() -> Path:
    return Path.home() / ".cache" / "scrutineer"
