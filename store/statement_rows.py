"""Statements for search: keyword (FTS5 BM25) matches, filters, rows for the vector index, hit details."""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Iterator
from datetime import date
from typing import NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ingest.models import Place
from nlp.embed_text import embedding_text
from store.index_terms import index_stems
from store.keyword_order import admitted, bm25_order, first_admitted
from store.paper_clauses import AUTHOR_SQL, author_args, newest_args, newest_sql, years_sql
from store.records import Records
from store.sql_lists import MEMBERS, as_json


class SearchFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")
    authorities: list[str] = Field(default_factory=list)
    excluded_authorities: list[str] = Field(default_factory=list, description="Papers of none of these authorities "
                                            "(read from a query's words: \"Kent but not Medway\").")
    committee: str | None = None
    doc_type: str | None = None
    doc_types: list[str] = Field(default_factory=list, description="Any of these types (read from a query's words).")
    author: str | None = Field(None, description="Who wrote the paper: an author as ingest read it, or the body "
                                                 "before a colon ('Ofsted' matches 'Ofsted: Caroline Walsh').")
    year_from: int | None = None
    year_to: int | None = None
    latest: bool = Field(False, description="Only each authority's newest paper among those the other filters admit "
                                            "(\"the latest inspection of Croydon\").")
    topic: str | None = None
    indicator: str | None = None

    def sql(self) -> tuple[str, list[object]]:
        """A WHERE fragment over statements `s` joined to documents `d`."""
        where, args = ["d.doc_type != 'pack'"], []
        if self.authorities:
            where.append(f"d.authority IN ({', '.join('?' * len(self.authorities))})")
            args += self.authorities
        if self.excluded_authorities:
            where.append(f"d.authority NOT IN ({', '.join('?' * len(self.excluded_authorities))})")
            args += self.excluded_authorities
        if self.committee:
            where.append("d.committee LIKE ?")
            args.append(f"%{self.committee}%")
        if self.doc_type:
            where.append("d.doc_type = ?")
            args.append(self.doc_type)
        if self.doc_types:
            where.append(f"d.doc_type IN ({', '.join('?' * len(self.doc_types))})")
            args += self.doc_types
        if self.author:
            where.append(AUTHOR_SQL)
            args += author_args(self.author)
        if self.year_from or self.year_to:
            clause, more = years_sql(self.year_from, self.year_to)
            where.append(clause)
            args += more
        if self.latest:  # over the papers the clauses so far admit, which name documents alone
            where.append(f"d.id IN ({newest_sql(' AND '.join(where))})")
            args += newest_args(list(args))
        if self.topic:
            where.append("EXISTS (SELECT 1 FROM statement_topics t WHERE t.statement_id = s.id AND t.topic = ?)")
            args.append(self.topic)
        if self.indicator:
            where.append("EXISTS (SELECT 1 FROM metrics m WHERE m.document_id = s.document_id"
                         " AND m.statement_ord = s.ord AND m.indicator = ?)")
            args.append(self.indicator)
        return " AND ".join(where), args


class StatementHit(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: int
    text: str
    page: int
    page_end: int = Field(description="The page it ends on: a sentence may run over a page break.")
    section_path: list[str]
    source: str
    document_id: str
    document_title: str
    part_index: int
    authority: str
    committee: str
    meeting_date: date | None
    period_end: date | None = None
    doc_type: str
    also_at: list[Place] = Field(default_factory=list, description="Later places of the same sentence in its document.")

    @field_validator("section_path", "also_at", mode="before")
    @classmethod
    def _json(cls, v: object) -> object:
        return json.loads(v) if isinstance(v, str) else v


T = TypeVar("T")
_JOIN = " FROM statements s JOIN documents d ON d.id = s.document_id"


def keyword_ids(records: Records, terms: list[str], filters: SearchFilters, limit: int) -> list[int]:
    """Statement ids by BM25 over any of the terms (each quoted, so user text cannot break FTS syntax)."""
    terms = selective_terms(records, terms)
    if not terms:
        return []
    phrases = [t.replace('"', "") for t in dict.fromkeys(terms)]
    # scored once per query's words (store/keyword_order.py): the same words under another filter re-rank nothing
    return first_admitted(bm25_order(records, phrases), admitted(records, *filters.sql()), limit)


SCOPES_KEPT = 16  # filters whose statement ids a connection remembers (a whole-corpus scope is a few MB)
COMMON = 0.08  # a term in more of the statements than this adds little to BM25 but makes it score them all


def selective_terms(records: Records, terms: list[str]) -> list[str]:
    """The terms worth a BM25 pass: "care", "young", "people" are in a tenth of all statements each, and an OR query
    scores every statement that has any of them (two thirds of the search time on the whole shared corpus)."""
    df = statement_frequencies(records, terms)
    if not df:
        return terms
    total = statement_count(records)
    keep = [t for t in terms if df.get(t, 0) <= COMMON * total]
    # kept terms that no statement holds find nothing: then the common ones are all the query has
    return keep if any(df.get(t, 0) for t in keep) else terms


DF_KEPT = 20_000  # terms whose statement frequency a connection remembers


def statement_frequencies(records: Records, terms: list[str]) -> dict[str, int]:
    """How many statements hold each term, as the index stems it (a term with no token is left out)."""
    stems = index_stems(terms)
    db, memo = records.db, records.memo()
    df: dict[str, int] = memo.setdefault("df", {})  # type: ignore[assignment]
    wanted = sorted(set(stems.values()) - df.keys())
    if wanted:
        if len(df) > DF_KEPT:
            df.clear()
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.statements_vocab USING fts5vocab(main, 'statements_fts', 'row')")
        df.update({t: 0 for t in wanted})
        df.update(db.execute(f"SELECT term, doc FROM temp.statements_vocab WHERE term IN ({', '.join('?' * len(wanted))})",
                             wanted).fetchall())
    return {t: df.get(stem, 0) for t, stem in stems.items()}


def vector_scope(records: Records, filters: SearchFilters) -> tuple[str, ...] | None:
    """The statements `filters`' authority, type and year clauses admit (undated: year 0), as the vector index names
    them (ids as text); None when it has none of them. A vector query runs among these ids: the index keeps no such
    metadata, and Chroma's metadata filter read every statement's metadata per query."""
    # the committee too where the newest papers are asked for: the newest of a committee's papers is not the newest
    # of all, and a scope without it would hold none of them
    scoped = filters.model_copy(update={"committee": filters.committee if filters.latest else None, "topic": None,
                                        "indicator": None})
    if scoped == SearchFilters():
        return None
    where, args = scoped.sql()  # over documents alone: these clauses name no statement column
    # the same filters' statements again for the next query: read once until a commit, the last few filters kept
    scopes: OrderedDict[tuple, tuple[str, ...]] = records.memo().setdefault("scopes", OrderedDict())  # type: ignore[assignment]
    key = (where, tuple(args))
    if key in scopes:
        scopes.move_to_end(key)
        return scopes[key]
    docs = f"SELECT d.id FROM documents d WHERE {where}"
    sql = f"SELECT s.id FROM statements s WHERE s.document_id IN ({docs})"
    scopes[key] = found = tuple(str(r[0]) for r in records.db.execute(sql, args))
    while len(scopes) > SCOPES_KEPT:
        scopes.popitem(last=False)
    return found


def admits_none(records: Records, filters: SearchFilters) -> bool:
    """True when no statement of the KB passes `filters`: an empty answer is then the filters', not the words'."""
    return not any(admitted(records, *filters.sql()))


def allowed_ids(records: Records, ids: list[int], filters: SearchFilters) -> set[int]:
    """Those of `ids` the filters admit, from the filter's remembered flags (store/keyword_order.py)."""
    flags = admitted(records, *filters.sql())
    return {i for i in ids if i < len(flags) and flags[i]}


class Neighbour(NamedTuple):
    of: int  # the statement whose neighbour this is
    id: int
    text: str
    after: bool  # it follows `of` (else it comes just before)


def neighbours(records: Records, ids: list[int]) -> list[Neighbour]:
    """The statements just before and after each of `ids` in the same document and section."""
    if not ids:
        return []
    sql = ("SELECT s.id, n.id, n.text, n.ord > s.ord FROM statements s JOIN statements n"
           " ON n.document_id = s.document_id AND n.ord IN (s.ord - 1, s.ord + 1) AND n.section_path = s.section_path"
           f" WHERE s.id IN ({MEMBERS})")
    return [Neighbour(r[0], r[1], r[2], bool(r[3])) for r in records.db.execute(sql, [as_json(ids)])]


def following(records: Records, ids: list[int], count: int) -> list[Neighbour]:
    """Up to `count` statements after each of `ids` in the same document and section, in reading order."""
    if not ids:
        return []
    sql = ("SELECT s.id, n.id, n.text, 1 FROM statements s JOIN statements n"
           " ON n.document_id = s.document_id AND n.ord > s.ord AND n.ord <= s.ord + ? AND n.section_path = s.section_path"
           f" WHERE s.id IN ({MEMBERS}) ORDER BY s.id, n.ord")
    return [Neighbour(r[0], r[1], r[2], True) for r in records.db.execute(sql, [count, as_json(ids)])]


def with_topic(records: Records, ids: list[int], topic: str) -> set[int]:
    """Those of `ids` tagged with `topic`."""
    if not ids:
        return set()
    sql = f"SELECT statement_id FROM statement_topics WHERE topic = ? AND statement_id IN ({MEMBERS})"
    return {r[0] for r in records.db.execute(sql, [topic, as_json(ids)])}


def beside_topics(records: Records, ids: list[int], topics: list[str]) -> dict[str, set[int]]:
    """For each of `topics`, those of `ids` next to a statement tagged with it in the same section: a sentence that
    carries on its neighbour's subject without naming it ("They are helped to stay in touch with those who are
    important to them"). A document's statements take consecutive ids in reading order (`Records._write_document`), so
    a neighbour is the id either side in the same document; only the tagged ones' rows are read."""
    if not ids or not topics:
        return {}
    wanted = set(ids)
    either_side = sorted({sid + step for sid in wanted for step in (-1, 1)})
    sql = (f"SELECT statement_id, topic FROM statement_topics WHERE topic IN ({', '.join('?' * len(topics))}) "
           f"AND statement_id IN ({MEMBERS})")
    pairs = [(sid, tagged, topic) for tagged, topic in records.db.execute(sql, [*topics, as_json(either_side)])
             for sid in (tagged - 1, tagged + 1) if sid in wanted]
    read = sorted({sid for pair in pairs for sid in pair[:2]})
    place = {r[0]: (r[1], r[2]) for r in records.db.execute(
        f"SELECT id, document_id, section_path FROM statements WHERE id IN ({MEMBERS})", [as_json(read)])}
    out: dict[str, set[int]] = {}
    for sid, tagged, topic in pairs:
        if sid in place and place[sid] == place.get(tagged):
            out.setdefault(topic, set()).add(sid)
    return out


def statement_topics(records: Records, ids: list[int]) -> dict[int, list[str]]:
    """The rules' topics of each of `ids` that has any."""
    out: dict[int, list[str]] = {}
    if ids:
        sql = f"SELECT statement_id, topic FROM statement_topics WHERE statement_id IN ({MEMBERS})"
        for sid, topic in records.db.execute(sql, [as_json(ids)]):
            out.setdefault(sid, []).append(topic)
    return out


def statement_count(records: Records) -> int:
    """How many statements the KB holds, remembered until anyone commits."""
    memo = records.memo()
    if "total" not in memo:
        memo["total"] = records.db.execute("SELECT count(*) FROM statements").fetchone()[0]
    return memo["total"]  # type: ignore[return-value]


def topic_shares(records: Records) -> dict[str, float]:
    """Each topic's share of all statements, remembered until anyone commits (one scan of the topic index)."""
    memo = records.memo()
    if "topic_shares" not in memo:
        total = statement_count(records) or 1
        sql = "SELECT topic, count(*) FROM statement_topics GROUP BY topic"
        memo["topic_shares"] = {t: n / total for t, n in records.db.execute(sql)}
    return memo["topic_shares"]  # type: ignore[return-value]


def statement_texts(records: Records, ids: list[int]) -> dict[int, str]:
    def read(missing: list[int]) -> dict[int, str]:
        sql = f"SELECT id, text FROM statements WHERE id IN ({MEMBERS})"
        return dict(records.db.execute(sql, [as_json(missing)]).fetchall())

    return _remembered(records, "texts", ids, read)


ROWS_KEPT = 50_000  # statements whose text and position a connection remembers (all forgotten when full)


def contexts(records: Records, ids: list[int]) -> dict[int, tuple[str, str, str]]:
    """Each statement's text, its section path (JSON) and its document's title: what it is about, read whole."""
    def read(missing: list[int]) -> dict[int, tuple[str, str, str]]:
        sql = (f"SELECT s.id, s.text, s.section_path, coalesce(d.title, ''){_JOIN}"
               f" WHERE s.id IN ({MEMBERS})")
        return {sid: (text, path, title) for sid, text, path, title in records.db.execute(sql, [as_json(missing)])}

    return _remembered(records, "contexts", ids, read)


def _remembered(records: Records, name: str, ids: list[int], read: Callable[[list[int]], dict[int, T]]) -> dict[int, T]:
    """`read` of `ids`, remembered per statement until anyone commits (Records.memo): a search reads the texts and
    places of several hundred candidates, most of them candidates of the searches before it."""
    memo: dict[int, T] = records.memo().setdefault(name, {})  # type: ignore[assignment]
    missing = [i for i in ids if i not in memo]
    if missing:
        if len(memo) + len(missing) > ROWS_KEPT:
            memo.clear()
            missing = list(dict.fromkeys(ids))  # those it held are forgotten too: all read again
        memo.update(read(missing))
    return {i: memo[i] for i in ids if i in memo}


class Position(NamedTuple):
    """Where a statement sits; `part` says its document is a part of a pack (a pack prints its reports again)."""

    document_id: str
    ord: int
    section_path: str
    part: bool


def positions(records: Records, ids: list[int]) -> dict[int, Position]:
    def read(missing: list[int]) -> dict[int, Position]:
        sql = ("SELECT s.id, s.document_id, s.ord, s.section_path, d.parent_id IS NOT NULL AS part"
               f"{_JOIN} WHERE s.id IN ({MEMBERS})")
        return {r[0]: Position(r[1], r[2], r[3], bool(r[4])) for r in records.db.execute(sql, [as_json(missing)])}

    return _remembered(records, "positions", ids, read)


def hits(records: Records, ids: list[int]) -> dict[int, StatementHit]:
    if not ids:
        return {}
    sql = ("SELECT s.id, s.text, s.page, coalesce(s.page_end, s.page) AS page_end, s.section_path, d.source,"
           " d.id AS document_id,"
           " coalesce(d.title, '') AS document_title, d.part_index, coalesce(d.authority, '') AS authority,"
           f" coalesce(d.committee, '') AS committee, d.meeting_date, nullif(d.period_end, '') AS period_end,"
           f" d.doc_type, s.also_at{_JOIN}"
           f" WHERE s.id IN ({MEMBERS})")
    return {r["id"]: StatementHit(**dict(r)) for r in records.db.execute(sql, [as_json(ids)])}


def index_rows(records: Records, exclude: set[int]) -> Iterator[tuple[int, str, dict[str, object]]]:
    """Statements the vector index lacks and that have words to embed: id, text to embed (`embedding_text`: with its
    section heading, a table row without its figures), metadata. The metadata is the topic flags alone, the one thing
    only the index holds (similarity adds to the rules' topics): authority, type and year filters are read from SQLite
    (`vector_scope`), and string metadata was half of Chroma's write time."""
    topics = rule_topics(records)
    sql = f"SELECT s.id, s.text, s.kind, s.section_path{_JOIN} WHERE d.doc_type != 'pack'"
    for r in records.db.execute(sql):
        if r["id"] in exclude:
            continue
        path = json.loads(r["section_path"])
        text = embedding_text(r["text"], r["kind"], path[-1] if path else "")
        if text is None:
            continue
        yield r["id"], text, {f"topic_{t}": True for t in topics.get(r["id"], [])}


def rule_topics(records: Records) -> dict[int, list[str]]:
    """Topics the extraction rules gave each statement."""
    topics: dict[int, list[str]] = {}
    for sid, topic in records.db.execute("SELECT statement_id, topic FROM statement_topics"):
        topics.setdefault(sid, []).append(topic)
    return topics


def all_statement_ids(records: Records) -> set[int]:
    return {r[0] for r in records.db.execute(f"SELECT s.id{_JOIN} WHERE d.doc_type != 'pack'")}
