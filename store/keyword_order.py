"""BM25 order of a query's matches, remembered per connection, and the statements a filter admits, as flags.

Scoring the matches is most of a keyword search (FTS5's bm25() over every statement holding a term, about 2 us
each: 16 ms for the 8,000 matches of a typical query on the whole shared corpus), while a BM25 score depends only
on the words, never on the filters. So a connection scores a query's matches once, in full, until anyone commits
(Records.memo), and the same words under another filter, limit or page are the remembered order less the
statements the filter refuses: a reader refining a search re-ranks nothing. Ties in BM25 (the same sentence in two
papers) go to the lower statement id, which is also the order the single joined query returned them in."""

from __future__ import annotations

from array import array
from collections import OrderedDict

from store.records import Records

ORDERS_KEPT = 64  # queries whose match order a connection remembers (an array of 8 bytes per match)
ADMITTED_KEPT = 8  # filters whose admitted statements a connection remembers (a byte per statement id)
_JOIN = " FROM statements s JOIN documents d ON d.id = s.document_id"


def bm25_order(records: Records, match: str) -> array:
    """Every statement matching the FTS5 query `match`, best BM25 first (ties by id)."""
    orders: OrderedDict[str, array] = records.memo().setdefault("bm25", OrderedDict())  # type: ignore[assignment]
    if match in orders:
        orders.move_to_end(match)
        return orders[match]
    sql = "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rank, rowid"
    orders[match] = found = array("q", (r[0] for r in records.db.execute(sql, [match])))
    while len(orders) > ORDERS_KEPT:
        orders.popitem(last=False)
    return found


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
