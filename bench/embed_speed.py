"""Embedding throughput: plain sentence-transformers against the `accurate` and `fast` profiles, on the
same statements (with their headings, as ingest embeds them), and how far each drifts from plain vectors.

Each embedder runs ROUNDS times, interleaved with the others, and the median is printed: single runs on
a shared 2-core machine varied by +-15%. Also GPU when one is present.

Run: python bench/embed_speed.py KB [N]   (N statements sampled evenly from the KB, default 3000)
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from nlp.embed import Profile, SentenceEmbedder, build_embedder, packaged_model_path
from nlp.embed_bf16 import Bf16Embedder, bf16_cpu
from nlp.embed_onnx import OnnxEmbedder
from store.records import Records
from store.statement_rows import index_rows

ROUNDS = 3


def main() -> None:
    kb = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    with Records(kb) as records:
        texts = [text for _, text, _ in index_rows(records, exclude=set())]
    step = max(1, len(texts) // n)
    sample = texts[::step][:n]
    print(f"{len(sample)} statements ({len(set(sample))} distinct), mean {sum(map(len, sample)) / len(sample):.0f} chars")
    from sentence_transformers import SentenceTransformer

    plain = SentenceTransformer(str(packaged_model_path()), device="cpu", local_files_only=True)
    cache = kb / "models"
    runs: dict[str, Callable[[list[str]], np.ndarray]] = {
        "plain sentence-transformers (defaults: max_seq 256, batch 32)":
            lambda texts: plain.encode(texts, show_progress_bar=False, normalize_embeddings=True),
        "PyTorch, max_seq 128, length-sorted, duplicates once": SentenceEmbedder().embed,
        "accurate profile, float: ONNX Runtime float32, batches of equal token counts (searches; ingest without bf16)":
            OnnxEmbedder(cache).embed,
        **({"accurate profile, ingest on a CPU with bf16 units: PyTorch bfloat16 weights": Bf16Embedder().embed}
           if bf16_cpu() else {}),
        "accurate profile with int8 (SCRUTINEER_INT8=true)": OnnxEmbedder(cache, quantised=True).embed,
        "fast profile (static model distilled from MiniLM)": build_embedder(Profile.FAST, cache=cache).embed,
    }
    reference = runs[next(iter(runs))](sample)
    timings: dict[str, list[float]] = {title: [] for title in runs}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(ROUNDS):
        for title, run in runs.items():
            start = time.perf_counter()
            vectors[title] = run(sample)
            timings[title].append(time.perf_counter() - start)
    base = len(sample) / statistics.median(timings[next(iter(runs))])
    for title, seconds in timings.items():
        rate = len(sample) / statistics.median(seconds)
        cosine = float((vectors[title] * reference).sum(axis=1).mean()) if vectors[title].shape[1] == reference.shape[1] else None
        drift = f", mean cosine to plain {cosine:.4f}" if cosine is not None else ""
        print(f"{title}: {rate:,.0f} statements/s ({rate / base:.2f}x plain{drift})")


if __name__ == "__main__":
    main()
