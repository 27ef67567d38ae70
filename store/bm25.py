"""FTS5's BM25 order of single-word terms, computed in numpy from the index's own postings and statistics.

FTS5's bm25() costs about 2.5 us a match (30 ms for the 9,000 matches of "health assessments and dental checks" on
the whole shared corpus) and a search runs two or three keyword lists. The same sums over the postings, read as one
string per term from an `fts5vocab` instance table, take a third of that. The formula, its constants and its
statistics (rows and tokens from the index's averages record, each statement's token count from its docsize table)
are FTS5's own (ext/fts5/fts5_aux.c), summed in the same order, so the scores are the same doubles and the order,
ties to the lower id, is the one `ORDER BY rank, rowid` gives.
"""

from __future__ import annotations

import math
from array import array

import numpy as np

from store.records import Records
from store.sql_lists import MEMBERS, as_json

K1, B = 1.2, 0.75  # FTS5's bm25() constants
_AVERAGES_ROWID = 1  # the statements_fts_data row holding the index's row and token counts
_INSTANCES = "temp.statements_instances"


def bm25_ranked(records: Records, tokens: list[str]) -> array:
    """The statements holding any of `tokens` (one query phrase each, as the index stems words), best first."""
    rows, avgdl = _averages(records)
    records.db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {_INSTANCES} USING fts5vocab(main, 'statements_fts', "
                       "'instance')")
    found: list[tuple[np.ndarray, np.ndarray]] = []
    for token in tokens:
        docs, freq = _postings(records, token)
        if not len(docs):
            continue
        idf = math.log((rows - len(docs) + 0.5) / (len(docs) + 0.5))
        idf = idf if idf > 0.0 else 1e-6
        length = _lengths(records, docs)
        found.append((docs, idf * ((freq * (K1 + 1.0)) / (freq + K1 * (1 - B + B * length / avgdl)))))
    if not found:
        return array("q")
    ids = np.unique(np.concatenate([docs for docs, _ in found]))
    score = np.zeros(len(ids))
    for docs, part in found:  # phrase by phrase, as fts5_aux.c adds them
        score[np.searchsorted(ids, docs)] += part
    return array("q", ids[np.lexsort((ids, -score))].tobytes())


def _postings(records: Records, token: str) -> tuple[np.ndarray, np.ndarray]:
    """The statements holding `token`, ascending, and how often each holds it (from `_INSTANCES`, made by the caller)."""
    listed = records.db.execute(f"SELECT group_concat(doc) FROM {_INSTANCES} WHERE term = ?", [token]).fetchone()[0]
    if not listed:
        return np.zeros(0, np.int64), np.zeros(0)
    every = np.fromstring(listed, dtype=np.int64, sep=",")  # one per instance, in document order
    starts = np.flatnonzero(np.diff(every)) + 1
    return every[np.r_[0, starts]], np.diff(np.r_[0, starts, len(every)]).astype(np.float64)


def _averages(records: Records) -> tuple[int, float]:
    """The index's row count and mean tokens a row, from its averages record (until anyone commits)."""
    memo = records.memo()
    if "bm25_averages" not in memo:
        blob = records.db.execute("SELECT block FROM statements_fts_data WHERE id = ?", [_AVERAGES_ROWID]).fetchone()
        rows, tokens = _varints(blob[0] if blob else b"")[:2] or (0, 0)
        memo["bm25_averages"] = (rows, tokens / rows if rows else 1.0)
    return memo["bm25_averages"]  # type: ignore[return-value]


def _lengths(records: Records, docs: np.ndarray) -> np.ndarray:
    """Each statement's token count, read for those not yet read since the last commit: a search's terms share most of
    their statements, and one search's are the next one's."""
    memo = records.memo()
    known: np.ndarray = memo.get("bm25_lengths", np.zeros(0))  # type: ignore[assignment]
    if len(known) <= docs[-1]:  # by id, -1 where not yet read
        known = memo["bm25_lengths"] = np.concatenate([known, np.full(int(docs[-1]) + 1 - len(known), -1.0)])
    missing = docs[known[docs] < 0]
    if len(missing):
        sql = f"SELECT group_concat(id), group_concat(hex(sz)) FROM statements_fts_docsize WHERE id IN ({MEMBERS})"
        ids, sizes = records.db.execute(sql, [as_json(missing.tolist())]).fetchone()
        if ids:  # a count under 128 is one byte, two hex digits
            known[np.fromstring(ids, dtype=np.int64, sep=",")] = [
                int(h, 16) if len(h) == 2 else _varints(bytes.fromhex(h))[0] for h in sizes.split(",")]
    return known[docs]


def _varints(blob: bytes) -> list[int]:
    """SQLite's varints (big-endian groups of 7 bits, a ninth byte of 8), as FTS5 writes its counts."""
    out, value, n = [], 0, 0
    for byte in blob:
        n += 1
        if n == 9:
            out.append((value << 8) | byte)
            value, n = 0, 0
            continue
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            out.append(value)
            value, n = 0, 0
    return out
