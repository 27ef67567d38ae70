"""The accurate profile's ingest embedder on a CPU with bfloat16 matrix units (Intel AMX, AVX512-BF16): the packaged
MiniLM's weights in bfloat16 on PyTorch, whose oneDNN kernels use those units.

The vectors agree with float ones to a cosine of 0.9999 or more (nlp/embed_torch.py). On this project's 2-core Xeon
(AMX) it embedded statements for about 0.4x the CPU time of ONNX float. A CPU without those units would emulate
bf16 slowly, so `build_embedder` uses this class only where /proc/cpuinfo names them; searches embed queries on
ONNX (one thread, no torch import).
"""

from __future__ import annotations

from pathlib import Path

from nlp.embed_torch import Precision, TorchEmbedder

BF16_FLAGS = ("amx_bf16", "avx512_bf16")


def bf16_cpu(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """Whether the CPU multiplies bfloat16 in hardware (Linux; elsewhere: no, and the float embedder is used)."""
    try:
        text = cpuinfo.read_text(errors="replace")
    except OSError:
        return False
    flags = next((line.split(":", 1)[1].split() for line in text.splitlines() if line.startswith("flags")), [])
    return any(flag in flags for flag in BF16_FLAGS)


class Bf16Embedder(TorchEmbedder):
    """On the CPU in bfloat16, in batches of 32 (fastest on the 2-core Xeon)."""

    def __init__(self, max_seq_length: int = 128) -> None:
        super().__init__("cpu", Precision.BFLOAT16, 32, max_seq_length)
