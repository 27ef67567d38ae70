"""BM25 order of a query's matches, remembered per connection, and the statements a filter admits, as flags.

Scoring the matches is most of a keyword search (BM25 over every statement holding a term: FTS5's bm25() took about
2.5 us each, 30 ms for a typical query's 9,000 matches on the whole shared corpus; store/bm25.py computes the same in
numpy in under half that), while a BM25 score depends only
on the words, never on the filters. So a connection scores a query's matches once, in full, until anyone commits
(Records.memo), and the same words under another filter, limit or page are the remembered order less the
statements the filter refuses: a reader refining a search re-ranks nothing. Ties in BM25 (the same sentence in two
papers) go to the lower statement id, which is also the order the single joined query returned them in.

Connections of one process to the same KB (a web server's searcher threads) also share the orders they score, each
tagged with the state of the KB's files it was scored in (`_state`): any commit, by any process, moves that on."""

from __future__ import annotations

import os
from array import array
from collections import OrderedDict
from pathlib import Path
from threading import Lock

from store.bm25 import bm25_ranked
from store.index_terms import index_tokens
from store.records import Records

ORDERS_KEPT = 64  # queries whose match order a connection remembers (an array of 8 bytes per match)
SHARED_KEPT = 256  # orders this process shares between its connections
ADMITTED_KEPT = 8  # filters whose admitted statements a connection remembers (a byte per statement id)
_JOIN = " FROM statements s JOIN documents d ON d.id = s.document_id"


def bm25_order(records: Records, phrases: list[str]) -> array:
    """Every statement holding any of `phrases` (an FTS5 query of quoted phrases joined by OR), best BM25 first (ties
    by id)."""
    match = " OR ".join(f'"{p}"' for p in phrases)
    orders: OrderedDict[str, array] = records.memo().setdefault("bm25", OrderedDict())  # type: ignore[assignment]
    if match in orders:
        orders.move_to_end(match)
        return orders[match]
    orders[match] = found = _shared(records, phrases, match)
    while len(orders) > ORDERS_KEPT:
        orders.popitem(last=False)
    return found


_pool: OrderedDict[tuple[Path, bytes, str], array] = OrderedDict()
_pool_lock = Lock()


def _shared(records: Records, phrases: list[str], match: str) -> array:
    """The order another connection of this process scored at the same state of the KB, else scored here and offered
    to the others if nothing was committed meanwhile."""
    if records.db.in_transaction:  # this connection's uncommitted writes: an order no other connection sees
        return _score(records, phrases, match)
    key = (records.path, _state(records.path), match)
    with _pool_lock:
        found = _pool.get(key)
        if found is not None:
            _pool.move_to_end(key)
            return found
    found = _score(records, phrases, match)
    if _state(records.path) == key[1]:
        with _pool_lock:
            _pool[key] = found
            while len(_pool) > SHARED_KEPT:
                _pool.popitem(last=False)
    return found


def _score(records: Records, phrases: list[str], match: str) -> array:
    """By the postings in numpy where every phrase is one token (store/bm25.py), else by FTS5's bm25()."""
    tokens = index_tokens(phrases)
    if all(len(tokens.get(p, ())) == 1 for p in phrases):
        return bm25_ranked(records, [tokens[p][0] for p in phrases])
    sql = "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rank, rowid"
    return array("q", (r[0] for r in records.db.execute(sql, [match])))


def _state(db: Path) -> bytes:
    """The state of the SQLite file as every connection sees it: the files' sizes and times, and the write-ahead log's
    index header (its frame count, salts and checksums move on at every commit; SQLite's documented WAL format)."""
    out = []
    for name in (db.name, f"{db.name}-wal"):
        try:
            st = os.stat(db.with_name(name))
            out.append(f"{st.st_size}:{st.st_mtime_ns}".encode())
        except FileNotFoundError:
            out.append(b"-")
    try:
        with open(db.with_name(f"{db.name}-shm"), "rb") as f:
            out.append(f.read(48))
    except FileNotFoundError:
        out.append(b"-")
    return b"|".join(out)


def admitted(records: Records, where: str, args: list[object]) -> bytearray:
    """Flags by statement id: 1 for each statement the WHERE fragment over `s` and `d` admits."""
    kept: OrderedDict[tuple, bytearray] = records.memo().setdefault("admitted", OrderedDict())  # type: ignore[assignment]
    key = (where, tuple(args))
    if key in kept:
        kept.move_to_end(key)
        return kept[key]
    top = records.db.execute("SELECT coalesce(max(id), 0) FROM statements").fetchone()[0]
    flags = bytearray(top + 1)
    for (sid,) in records.db.execute(f"SELECT s.id{_JOIN} WHERE {where}", args):
        flags[sid] = 1
    kept[key] = flags
    while len(kept) > ADMITTED_KEPT:
        kept.popitem(last=False)
    return flags


def first_admitted(order: array, flags: bytearray, limit: int) -> list[int]:
    """The first `limit` of `order` that `flags` admit, as SQL's LIMIT (negative: all); an id past the flags is one
    committed since they were read: refused."""
    out: list[int] = []
    if limit == 0:
        return out
    size = len(flags)
    for sid in order:
        if sid < size and flags[sid]:
            out.append(sid)
            if len(out) == limit:
                break
    return out
