"""spaCy's English stop words, read without importing spaCy.

Importing `spacy.lang.en.stop_words` imports spaCy itself (1.7 s), which a search never needs; the list is a plain
module with no imports of its own, so it is loaded from its file alone.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path


@cache
def english_stop_words() -> frozenset[str]:
    package = importlib.util.find_spec("spacy")  # finds the package without running it
    if package is None or package.origin is None:
        raise ModuleNotFoundError("spaCy is not installed")
    path = Path(package.origin).parent / "lang" / "en" / "stop_words.py"
    spec = importlib.util.spec_from_file_location("_spacy_en_stop_words", path)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"spaCy's English stop words are not at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)
