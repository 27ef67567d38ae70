"""The ingest's bf16 embedder against the float ONNX one, with the real packaged model; which one build_embedder picks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nlp.embed import GPU_DRIVERS, build_embedder
from nlp.embed_bf16 import Bf16Embedder, bf16_cpu
from nlp.embed_onnx import OnnxEmbedder

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    "Care leavers aged 19 to 21 who are not in education, employment or training (NEET)",
    "Placement stability: children who have had three or more placements in the last twelve months",
    "Two young people were placed in emergency accommodation over Christmas.",
    "The pension fund's investment strategy was approved.",
    "NEET",
    "Budget: Children's Social Care | 9,659.1 | 108,092.3",
    "Café naïve – “quoted” ½ £5.2m " + "an overlong table row, read as one statement, " * 30,  # cut at 128 tokens
    "Care leavers aged 19 to 21 who are not in education, employment or training (NEET)",  # duplicates share a vector
]


def test_bf16_cpu_reads_the_flags_line(tmp_path: Path) -> None:
    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nflags\t\t: fpu sse avx512f amx_tile amx_bf16\n")
    assert bf16_cpu(info)
    info.write_text("processor\t: 0\nflags\t\t: fpu sse avx2 fma\nbugs\t\t: amx_bf16\n")  # only the flags line counts
    assert not bf16_cpu(info)
    assert not bf16_cpu(tmp_path / "missing")  # not Linux: the float embedder


@pytest.mark.skipif(not bf16_cpu(), reason="this CPU has no bfloat16 units (the float ONNX embedder is used)")
def test_bf16_gives_the_float_vectors_under_the_same_name(tmp_path: Path) -> None:
    bf16, onnx = Bf16Embedder(), OnnxEmbedder(tmp_path)
    vectors, floats = bf16.embed(TEXTS), onnx.embed(TEXTS)
    assert bf16.name == onnx.name  # a KB ingested in bf16 is searched with float query vectors, and vice versa
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.min(np.sum(vectors * floats, axis=1)) > 0.9995
    assert np.array_equal(vectors[0], vectors[-1])
    one = np.stack([bf16.embed([t])[0] for t in TEXTS])  # alone or in a padded batch: the same vector, nearly
    assert np.min(np.sum(one * vectors, axis=1)) > 0.9995


@pytest.mark.skipif(not bf16_cpu() or any(Path(p).exists() for p in GPU_DRIVERS),
                    reason="this CPU has no bfloat16 units, or the machine has a GPU (sentence-transformers on it)")
def test_an_ingest_embeds_in_bf16_and_a_search_never_imports_torch(tmp_path: Path) -> None:
    assert isinstance(build_embedder(cache=tmp_path), Bf16Embedder)
    assert isinstance(build_embedder(cache=tmp_path, int8=True), OnnxEmbedder)  # int8 is ONNX's, asked for by name
    reader = ("import sys; from pathlib import Path; from nlp.embed import GPU_DRIVERS, build_embedder; "
              f"build_embedder(cache=Path({str(tmp_path)!r}), threads=1).embed(['a care leaver']); "
              "print('torch' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", reader], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "False"  # importing torch to ask for a GPU cost each search process 3 CPU s
