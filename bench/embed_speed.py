"""Embedding throughput: plain sentence-transformers against the `accurate` and `fast` profiles, on the
same statements (with their headings, as ingest embeds them). Also GPU when one is present.

Run: python bench/embed_speed.py KB [N]   (N statements sampled evenly from the KB, default 3000)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from nlp.embed import Profile, SentenceEmbedder, build_embedder, packaged_model_path
from store.records import Records
from store.statement_rows import index_rows


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
    _time("plain sentence-transformers (defaults: max_seq 256, batch 32)",
          lambda: plain.encode(sample, show_progress_bar=False), len(sample))
    accurate = SentenceEmbedder()
    _time("accurate profile (max_seq 128, length-sorted, duplicates once)", lambda: accurate.embed(sample), len(sample))
    fast = build_embedder(Profile.FAST, cache=kb / "models")
    _time("fast profile (static model distilled from MiniLM)", lambda: fast.embed(sample), len(sample))


def _time(title: str, run, n: int) -> None:
    run()  # warm-up (first batch pays for allocation)
    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    print(f"{title}: {n / elapsed:,.0f} statements/s ({elapsed:.1f} s)")


if __name__ == "__main__":
    main()
