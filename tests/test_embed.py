"""The accurate profile on ONNX Runtime against sentence-transformers on PyTorch, with the real packaged model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nlp.embed import SentenceEmbedder
from nlp.embed_onnx import OnnxEmbedder

TEXTS = [
    "Care leavers aged 19 to 21 who are not in education, employment or training (NEET)",
    "Placement stability: children who have had three or more placements in the last twelve months",
    "Two young people were placed in emergency accommodation over Christmas.",
    "The pension fund's investment strategy was approved.",
    "NEET",
    "Café naïve – “quoted” ½ £5.2m " + "an overlong table row, read as one statement, " * 30,  # cut at 128 tokens
    "Care leavers aged 19 to 21 who are not in education, employment or training (NEET)",  # duplicates share a vector
]


@pytest.fixture(scope="module")
def torch_vectors() -> np.ndarray:
    return SentenceEmbedder().embed(TEXTS)


def test_onnx_float_gives_the_pytorch_vectors(tmp_path: Path, torch_vectors: np.ndarray) -> None:
    onnx = OnnxEmbedder(tmp_path)
    vectors = onnx.embed(TEXTS)
    assert onnx.name == "all-MiniLM-L6-v2@128"  # same vectors, same name: KBs built on PyTorch carry on
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.min(np.sum(vectors * torch_vectors, axis=1)) > 0.9999
    assert np.array_equal(vectors[0], vectors[-1])
    assert list(tmp_path.rglob("*.onnx")), "the export is cached for the next run"


def test_the_gpu_embedders_batching_gives_the_pytorch_vectors(torch_vectors: np.ndarray) -> None:
    """What a GPU runs (nlp/embed_torch.py: batches of equal token counts, vectors gathered once at the end), here in
    float32 on the CPU with batches small enough that rows of several lengths cross batch boundaries: the same
    vectors, in the callers' order, under the same name."""
    from nlp.embed_torch import Precision, TorchEmbedder

    embedder = TorchEmbedder("cpu", Precision.FLOAT32, batch_size=2)
    vectors = embedder.embed(TEXTS)
    assert embedder.name == "all-MiniLM-L6-v2@128"
    assert np.min(np.sum(vectors * torch_vectors, axis=1)) > 0.9999
    assert embedder.embed([]).shape[0] == 0


def test_a_searcher_embeds_each_query_on_one_thread_to_the_same_vector(tmp_path: Path) -> None:
    """The reader's embedder (one ONNX thread, open_vectors(writer=False)) gives exactly the ingest's query vectors,
    so a query's hits do not depend on which process embedded it."""
    many, one = OnnxEmbedder(tmp_path), OnnxEmbedder(tmp_path, threads=1)
    assert one.session.get_session_options().intra_op_num_threads == 1
    for text in TEXTS:
        assert np.array_equal(many.embed([text]), one.embed([text]))


def test_tokens_are_transformers_tokens_without_importing_transformers(tmp_path: Path) -> None:
    from transformers import AutoTokenizer

    from nlp.embed import packaged_model_path

    onnx = OnnxEmbedder(tmp_path)
    ours = [e.ids for e in onnx.tokenizer.encode_batch(TEXTS)]
    theirs = AutoTokenizer.from_pretrained(str(packaged_model_path()), local_files_only=True)(
        TEXTS, truncation=True, max_length=128)["input_ids"]
    assert ours == theirs and max(map(len, ours)) == 128
    load = ("import sys; from pathlib import Path; from nlp.embed_onnx import OnnxEmbedder; "
            f"OnnxEmbedder(Path({str(tmp_path)!r})).embed(['a care leaver']); print('transformers' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", load], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.stdout.strip() == "False"  # importing transformers (and with it torch) cost 4 CPU s a process


def test_int8_moves_vectors_a_little_and_says_so(tmp_path: Path, torch_vectors: np.ndarray) -> None:
    int8 = OnnxEmbedder(tmp_path, quantised=True)
    vectors = int8.embed(TEXTS)
    assert int8.name.endswith("-int8")  # a KB built with it refuses float vectors, and vice versa
    assert np.min(np.sum(vectors * torch_vectors, axis=1)) > 0.95
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[3]


@pytest.mark.slow
def test_fast_profile_distils_once_per_machine_and_each_kb_keeps_a_copy(tmp_path: Path) -> None:
    from nlp.embed import Profile, build_embedder

    machine, first, second = tmp_path / "machine", tmp_path / "kb1" / "models", tmp_path / "kb2" / "models"
    one = build_embedder(Profile.FAST, cache=first, shared=machine)
    assert (machine / "static-minilm" / "modules.json").exists()
    two = build_embedder(Profile.FAST, cache=second, shared=machine)  # copied from the machine's, not distilled
    files = sorted(p.relative_to(machine / "static-minilm") for p in (machine / "static-minilm").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second / "static-minilm") for p in (second / "static-minilm").rglob("*")
                           if p.is_file())
    assert np.allclose(one.embed(TEXTS), two.embed(TEXTS))
    assert not [p for p in (tmp_path / "kb2" / "models").iterdir() if p.name != "static-minilm"]  # no temp left
