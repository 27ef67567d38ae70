"""Sentence embeddings, offline: the packaged all-MiniLM-L6-v2 (`accurate`) or a static model distilled from it (`fast`).

Models are built by `build_embedder`, never at import. Texts are embedded once
each (duplicates share a vector), in batches sorted by length, normalised.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
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
    """A configured sentence-transformers model (its own pooling and normalisation); 128 tokens cover a statement."""

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


_STATIC = "static-minilm"


class StaticEmbedder:
    """A static (token-average) model distilled locally from the accurate one: thousands of statements/s on CPU.

    Each KB keeps its own copy (`cache`), so its index never changes model under it; a copy in `shared` (the
    machine's cache) is distilled once and copied into every new KB, instead of 30 s of distillation per KB."""

    def __init__(self, cache: Path, shared: Path | None = None) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        target = cache / _STATIC
        if not (target / "modules.json").exists():
            if shared is None:
                _distil(target)
            else:
                if not (shared / _STATIC / "modules.json").exists():
                    _distil(shared / _STATIC)
                _copy(shared / _STATIC, target)
        # Read with numpy, not sentence-transformers: importing torch cost more than embedding a whole corpus.
        self.tokenizer = Tokenizer.from_file(str(target / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.weights = load_file(str(target / "model.safetensors"))["embedding.weight"]
        self.name = "static-minilm-distilled"

    def embed(self, texts: list[str]) -> np.ndarray:
        return unique_sorted(texts, self._encode)

    def _encode(self, texts: list[str]) -> np.ndarray:
        """StaticEmbedding's forward pass: the mean of the tokens' vectors (zeros for no token), normalised."""
        out = np.zeros((len(texts), self.weights.shape[1]), dtype=np.float32)
        encode = getattr(self.tokenizer, "encode_batch_fast", self.tokenizer.encode_batch)  # fast: no offsets (0.21+)
        for i, encoding in enumerate(encode(texts, add_special_tokens=False)):
            if encoding.ids:
                out[i] = self.weights[encoding.ids].mean(axis=0)
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


def _distil(target: Path) -> None:
    """Distil the packaged MiniLM into a static model at `target`, written whole or not at all."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import StaticEmbedding

    quiet_transformers()
    with contextlib.redirect_stderr(io.StringIO()):  # model2vec's token bar and version advice; errors still raise
        static = StaticEmbedding.from_distillation(str(packaged_model_path()), device="cpu", pca_dims=256)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        SentenceTransformer(modules=[static]).save(str(Path(tmp) / "model"))
        _publish(Path(tmp) / "model", target)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        shutil.copytree(source, Path(tmp) / "model", copy_function=_link_or_copy)
        _publish(Path(tmp) / "model", target)


def _link_or_copy(source: str, target: str) -> None:
    """A model file is never changed in place (a new one is published whole), so a KB may share the cache's inode."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _publish(built: Path, target: Path) -> None:
    """Move a finished model folder into place; another process that got there first wins."""
    try:
        os.replace(built, target)
    except OSError:
        if not (target / "modules.json").exists():
            raise


GPU_BATCH = 512  # texts per forward pass on a GPU (bench/gpu_embed.py)
GPU_DRIVERS = ("/proc/driver/nvidia", "/dev/nvidiactl", "/dev/dxg", "/dev/kfd")  # NVIDIA, WSL, ROCm


def _cuda() -> bool:
    """Whether PyTorch sees a GPU, without importing torch (3 CPU s a process) on a Linux machine that has no GPU
    driver: every search and every ingest on such a machine asked, and paid for the import."""
    import sys

    if "torch" not in sys.modules and sys.platform == "linux" and not any(Path(p).exists() for p in GPU_DRIVERS):
        return False
    import torch

    return torch.cuda.is_available()


def build_embedder(profile: Profile = Profile.ACCURATE, model: str | None = None, cache: Path | None = None,
                   int8: bool = False, shared: Path | None = None, threads: int = 0) -> Embedder:
    """`cache` holds derived models (the distilled static model, the ONNX export), `shared` the machine's copy of
    the static model to start a KB's from. A configured model runs on sentence-transformers; the packaged MiniLM
    runs in float16 on a GPU (nlp/embed_torch.py), else on ONNX Runtime (on `threads` threads; 0: as many as it
    likes), except that an ingest (`threads` 0) on a CPU with bfloat16 units embeds in bf16 on PyTorch (the same
    vectors to a cosine of 0.9999, for about 0.4x the CPU time; see nlp/embed_bf16.py)."""
    cache = cache or default_cache()
    if profile is Profile.FAST:
        return StaticEmbedder(cache, shared)
    if model:
        return SentenceEmbedder(model)
    if _cuda():
        from nlp.embed_torch import Precision, TorchEmbedder

        return TorchEmbedder("cuda", Precision.FLOAT16, GPU_BATCH)
    from nlp.embed_bf16 import Bf16Embedder, bf16_cpu
    from nlp.embed_onnx import OnnxEmbedder

    if threads == 0 and not int8 and bf16_cpu():
        return Bf16Embedder()

    return OnnxEmbedder(cache, quantised=int8, threads=threads)


def default_cache() -> Path:
    return Path.home() / ".cache" / "scrutineer"
