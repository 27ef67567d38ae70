"""The packaged MiniLM on PyTorch in 16-bit weights: bfloat16 on a CPU with bfloat16 units, float16 on a GPU.

Same model, same tokens, same pooling as the float ONNX embedder, and so the same index name: 16-bit vectors agree
with float ones to a cosine of 0.9999 or more (the pooled, normalised vector averages the rounding away), where
int8 moved them to 0.99 and lost recall. Texts go in batches of (nearly) equal token counts, so almost no padding
is computed; on a GPU the batches are large and the pooled vectors stay on the device until the last batch, so the
host waits once per call instead of once per batch (bench/gpu_embed.py has the figures).
"""

from __future__ import annotations

import os
from enum import StrEnum

import numpy as np

from nlp.embed_support import packaged_model_path, quiet_transformers, unique_sorted


class Precision(StrEnum):
    BFLOAT16 = "bfloat16"
    FLOAT16 = "float16"
    FLOAT32 = "float32"


class TorchEmbedder:
    """Mean-pooled, normalised MiniLM on PyTorch, on `device`, in batches of texts with the same token count."""

    def __init__(self, device: str = "cpu", precision: Precision = Precision.BFLOAT16, batch_size: int = 32,
                 max_seq_length: int = 128) -> None:
        if device == "cpu":
            # OpenMP threads that wait sleep rather than spin (must be set before torch loads its OpenMP runtime):
            # spinning threads burn the CPU that the rest of the ingest and other processes need
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import torch
        from transformers import AutoModel

        from nlp.embed_onnx import _tokenizer

        quiet_transformers()
        source = packaged_model_path()
        self.torch = torch
        self.device = device
        self.tokenizer = _tokenizer(source, max_seq_length)
        dtype = getattr(torch, Precision(precision).value)
        model = AutoModel.from_pretrained(str(source), dtype=dtype, local_files_only=True)
        self.model = model.to(device=device, dtype=dtype).eval()
        self.batch_size = batch_size
        self.dimensions = int(self.model.config.hidden_size)
        self.name = f"all-MiniLM-L6-v2@{max_seq_length}"  # the float model's vectors, to a cosine of 0.9999

    def embed(self, texts: list[str]) -> np.ndarray:
        return unique_sorted(texts, self._encode)

    def _encode(self, texts: list[str]) -> np.ndarray:
        torch = self.torch
        encode = getattr(self.tokenizer, "encode_batch_fast", self.tokenizer.encode_batch)  # fast: no offsets (0.21+)
        tokens = [encoding.ids for encoding in encode(texts)]
        order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        pooled = []
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                rows = order[start:start + self.batch_size]
                lengths = np.array([len(tokens[i]) for i in rows])
                ids = np.zeros((len(rows), lengths.max()), dtype=np.int64)
                for j, i in enumerate(rows):
                    ids[j, :lengths[j]] = tokens[i]
                mask = torch.from_numpy((np.arange(ids.shape[1]) < lengths[:, None]).astype(np.int64)).to(self.device)
                hidden = self.model(input_ids=torch.from_numpy(ids).to(self.device), attention_mask=mask)
                hidden = hidden.last_hidden_state.float()
                mean = (hidden * mask[..., None]).sum(dim=1) / mask.sum(dim=1, keepdim=True).clamp(min=1)
                pooled.append(torch.nn.functional.normalize(mean, dim=1))
            vectors = torch.cat(pooled).cpu().numpy() if pooled else np.zeros((0, self.dimensions), np.float32)
        out = np.empty((len(texts), self.dimensions), dtype=np.float32)
        out[order] = vectors
        return out
