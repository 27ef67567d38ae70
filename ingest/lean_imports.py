"""Imports without the optional extras a library loads by itself when they are installed.

PyMuPDF imports `pymupdf.layout` when `pymupdf-layout` is installed, and that loads an ONNX layout model at once
(about 0.4 CPU s a process); Scrutineer never asks for a layout (`find_tables(use_layout=False)`). spaCy's thinc
imports torch when it is installed (about 1 CPU s); the rule pipeline runs no neural component. Holding those
modules out while the library is first imported makes its own `try: import ... except ImportError` take the
"not installed" branch; the modules are importable again right after, for code that does want them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def held_out(*names: str) -> Iterator[None]:
    """Inside the block, importing any of `names` (not yet imported) raises ImportError."""
    blocked = [n for n in names if n not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # the import system's "not importable" marker
    try:
        yield
    finally:
        for name in blocked:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


with held_out("pymupdf.layout"):
    import pymupdf  # re-exported: ingest's PDF modules import it from here

__all__ = ["held_out", "pymupdf"]
