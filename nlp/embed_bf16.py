"""The accurate profile's ingest embedder on a CPU with bfloat16 matrix units (Intel AMX, AVX512-BF16): the packaged
MiniLM's weights in bfloat16 on PyTorch, whose oneDNN kernels use those units.

Same model, same tokens, same pooling as the float ONNX embedder, and so the same index name: the vectors agree with
float ones to a cosine of 0.9999 or more (bf16 keeps 8 bits of mantissa; the pooled, normalised vector averages the
rounding away), where int8 moved them to 0.99 and lost recall. On this project's 2-core Xeon (AMX) it embedded
statements for about 0.4x the CPU time of ONNX float. A CPU without those units would emulate bf16 slowly, so
`build_embedder` uses this class only where /proc/cpuinfo names them; searches embed queries on ONNX (one thread,
no torch import).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from nlp.embed_support import packaged_model_path, quiet_transformers, unique_sorted

BF16_FLAGS = ("amx_bf16", "avx512_bf16")


def bf16_cpu(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """Whether the CPU multiplies bfloat16 in hardware (Linux; elsewhere: no, and the float embedder is used)."""
    try:
        text = cpuinfo.read_text(errors="replace")
    except OSError:
        return False
    flags = next((line.split(":", 1)[1].split() for line in text.splitlines() if line.startswith("flags")), [])
    return any(flag in flags for flag in BF16_FLAGS)


class Bf16Embedder:
    """Mean-pooled, normalised MiniLM in bfloat16 on PyTorch, in batches of texts with the same token count."""

    def __init__(self, max_seq_length: int = 128, batch_size: int = 32) -> None:
        # OpenMP threads that wait sleep rather than spin (must be set before torch loads its OpenMP runtime):
        # spinning threads burn the CPU that the rest of the ingest and other processes need
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import torch
        from transformers import AutoModel

        from nlp.embed_onnx import _tokenizer

        quiet_transformers()
        source = packaged_model_path()
        self.torch = torch
        self.tokenizer = _tokenizer(source, max_seq_length)
        self.model = AutoModel.from_pretrained(str(source), dtype=torch.bfloat16, local_files_only=True).eval()
        self.batch_size = batch_size
        self.dimensions = int(self.model.config.hidden_size)
        self.name = f"all-MiniLM-L6-v2@{max_seq_length}"  # the float model's vectors, to a cosine of 0.9999

    def embed(self, texts: list[str]) -> np.ndarray:
        return unique_sorted(texts, self._encode)

    def _encode(self, texts: list[str]) -> np.ndarray:
        torch = self.torch
        tokens = [encoding.ids for encoding in self.tokenizer.encode_batch(texts)]
        order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                rows = order[start:start + self.batch_size]
                ids = torch.zeros((len(rows), max(len(tokens[i]) for i in rows)), dtype=torch.long)
                mask = torch.zeros_like(ids)
                for j, i in enumerate(rows):
                    ids[j, :len(tokens[i])] = torch.tensor(tokens[i])
                    mask[j, :len(tokens[i])] = 1
                hidden = self.model(input_ids=ids, attention_mask=mask).last_hidden_state.float()
                pooled = (hidden * mask[..., None]).sum(dim=1) / mask.sum(dim=1, keepdim=True).clamp(min=1)
                out[rows] = torch.nn.functional.normalize(pooled, dim=1).numpy()
        return out
