"""Topics by embedding similarity: statements that read like the ones the rules tagged.

Each topic's prototype is the mean vector of the statements its rules tagged in this KB, so it
speaks the papers' own language and adapts to whichever embedding model built the index. Closeness is
measured beyond what a statement shares with every statement: its cosine to the prototype less its
cosine to the KB's mean vector. A statement joins the topic when that is as high as for the typical
tagged statement (the median) and higher than for almost all untagged ones (their 99th percentile):
"A national recruitment hub, Fostering South East, launched" joins foster recruitment without naming
foster carers. By raw cosine, generic lines close to every topic's prototype ("We are constantly
monitoring the numbers of cared for children ...") joined small topics such as participation.
"""

from __future__ import annotations

import numpy as np

MIN_EXAMPLES = 20  # fewer rule-tagged statements than this make no reliable prototype


def similar_topics(ids: np.ndarray, vectors: np.ndarray, tagged: dict[str, set[int]]) -> dict[str, set[int]]:
    """For each topic, the ids its rules missed but whose vectors sit among the tagged ones."""
    found: dict[str, set[int]] = {}
    if not len(ids):
        return found
    shared = vectors @ _unit(vectors.mean(axis=0))  # how close each statement is to all of them
    for topic, members in tagged.items():
        mask = np.isin(ids, list(members))
        if mask.sum() < MIN_EXAMPLES or mask.all():
            continue
        sims = vectors @ _unit(vectors[mask].mean(axis=0)) - shared
        threshold = max(float(np.median(sims[mask])), float(np.percentile(sims[~mask], 99)))
        found[topic] = {int(i) for i in ids[~mask & (sims >= threshold)]}
    return found


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / (np.linalg.norm(vector) or 1.0)
