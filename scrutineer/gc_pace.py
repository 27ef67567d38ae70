"""The cyclic garbage collector's pace during the long passes of an ingest."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG = 10_000  # allocations between collections of the youngest generation (Python's default: 700)
OLDER = (50, 100)  # young collections per middle one, middle per full (default 10, 10): full passes over a big heap


@contextmanager
def lean_gc() -> Iterator[None]:
    """Collect cyclic garbage less often (workers forked inside inherit it). Parsing, extraction and indexing allocate
    millions of short-lived objects, almost none in cycles; at Python's default pace the collector took 12% of the CPU
    time of an ingest without embeddings (1.7 of 14 CPU s on kent-council, 0.2 with this) and 0.2 of the `fast`
    profile's 6.2 CPU s while indexing (peak 292 MB on that corpus)."""
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG, *OLDER)
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()
