"""The vector lists of a search: the statements nearest a question's vector, among those its filters admit or those
a topic flags, and the question's vector itself (remembered) and moved towards its best hits."""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock

import numpy as np

from nlp.embed import Embedder
from nlp.topics import Topic
from store.records import Records
from store.statement_rows import SearchFilters, allowed_ids
from store.vectors import IndexLags, VectorIndex

VECTORS_KEPT = 512  # query vectors remembered: the same words with other filters, limits or pages embed once

_vectors: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
_vectors_lock = Lock()
_embedding = Lock()  # one query embedded at a time: a fast tokenizer shared by threads fails ("Already borrowed")


def query_vector(embedder: Embedder, query: str) -> np.ndarray:
    """The query's embedding, remembered per model name (a name stands for one model's vectors)."""
    key = (embedder.name, query)
    with _vectors_lock:
        if key in _vectors:
            _vectors.move_to_end(key)
            return _vectors[key]
    with _embedding:
        vector = embedder.embed([query])[0]
    vector.flags.writeable = False
    with _vectors_lock:
        _vectors[key] = vector
        while len(_vectors) > VECTORS_KEPT:
            _vectors.popitem(last=False)
    return vector


def nearest(records: Records, index: VectorIndex, vector: np.ndarray, limit: int, filters: SearchFilters,
            scope: tuple[str, ...] | None) -> list[int]:
    """The ids of the `limit` statements nearest `vector` that the filters admit (`scope`: those SQLite admits by
    authority, type and year, read once per search)."""
    among = _among(index, filters, scope)
    try:
        found = [h.statement_id for h in index.query(vector, limit, among=among)]
    except IndexLags:  # statements not yet indexed (an ingest under way): among those the index holds
        held = index.holding()  # read again: the index has changed since `among` was sifted
        found = [h.statement_id for h in index.query(vector, limit, among=[i for i in among or () if i in held])]
    return _sql_admitted(records, found, filters)


def _sql_admitted(records: Records, found: list[int], filters: SearchFilters) -> list[int]:
    """`found` less what the committee and indicator filters refuse, which run in SQLite; the topic filter already
    ran on the index, whose flags add topics found by embedding similarity to the rules' ones."""
    ok = allowed_ids(records, found, filters.model_copy(update={"topic": None}))
    return [i for i in found if i in ok]


def nearest_on_topic(records: Records, index: VectorIndex, vector: np.ndarray, limit: int, filters: SearchFilters,
                     scope: tuple[str, ...] | None, topic: str) -> list[int]:
    """What `nearest` finds with the topic as a filter: by a product with the topic's vectors where the index holds
    them (a server, after `warm_topics`), else the filtered query, which reads the topic's ids only (a one-off search
    would spend more reading the vectors than it saves; a Chroma server's index may change unseen)."""
    if not index.hold_topics:
        return nearest(records, index, vector, limit, filters.model_copy(update={"topic": topic}), scope)
    ids, matrix = index.flagged_vectors(f"topic_{topic}")
    if not len(ids):
        return []
    # einsum, not `@`: BLAS would spread this small product over threads that spin, doubling a search's CPU
    ranked = ids[np.argsort(-np.einsum("ij,j->i", matrix, vector), kind="stable")].tolist()
    if scope is not None:
        admitted = set(scope)
        ranked = [i for i in ranked if str(i) in admitted]
    return _sql_admitted(records, ranked[:limit], filters)


def warm_topics(index: VectorIndex) -> None:
    """Hold every topic's vectors in process from now on, read now (a server at start: 2.3 s and 73 MB on the whole
    shared corpus) rather than during the first question that names each topic while other readers wait."""
    index.hold_topics = not index.url
    for topic in Topic if index.hold_topics else ():
        index.flagged_vectors(f"topic_{topic.value}")


def _among(index: VectorIndex, filters: SearchFilters, scope: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """The statements the filters admit, as ids for the vector index (None: no filter it holds). The authority, type
    and year filters come from SQLite (`scope`), a topic from the ids the index flags with it (the flags only the index
    holds, read once per state of the index): Chroma's metadata filter reads every statement's metadata per query,
    and its ids and metadata filters together took 7 s where either took 0.1 s."""
    if not filters.topic:
        if scope is None:
            return None
        return index.held_among(scope)  # SQLite also has statements too short to embed
    flagged = index.flagged(f"topic_{filters.topic}")
    if scope is None:
        return flagged
    admitted = set(scope)
    return tuple(i for i in flagged if i in admitted)


def feedback(index: VectorIndex, vector: np.ndarray, top: list[int]) -> np.ndarray:
    """Rocchio: the query plus the mean of its top hits' vectors, renormalised."""
    found = index.vectors(top)
    if len(found) == 0:
        return vector
    moved = vector + found.mean(axis=0)
    return moved / np.linalg.norm(moved)
