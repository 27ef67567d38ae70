"""Topics by embedding similarity: statements that read like the ones the rules tagged.

Each topic's prototype is the mean vector of the statements its rules tagged in this KB, so it
speaks the papers' own language and adapts to whichever embedding model built the index. A statement
joins the topic when it is as close to the prototype as the typical tagged statement (the median)
and closer than almost all untagged ones (their 99th percentile): "A national recruitment hub,
Fostering South East, launched" joins foster recruitment without naming foster carers.
"""

from __future__ import annotations

import numpy as np

MIN_EXAMPLES = 20  # fewer rule-tagged statements than this make no reliable prototype


def similar_topics(ids: np.ndarray, vectors: np.ndarray, tagged: dict[str, set[int]]) -> dict[str, set[int]]:
    """For each topic, the ids its rules missed but whose vectors sit among the tagged ones."""
    found: dict[str, set[int]] = {}
    for topic, members in tagged.items():
        mask = np.isin(ids, list(members))
        if mask.sum() < MIN_EXAMPLES or mask.all():
            continue
        prototype = vectors[mask].mean(axis=0)
        prototype /= np.linalg.norm(prototype) or 1.0
        sims = vectors @ prototype
        threshold = max(float(np.median(sims[mask])), float(np.percentile(sims[~mask], 99)))
        found[topic] = {int(i) for i in ids[~mask & (sims >= threshold)]}
    return found
