"""Judging pools for the query set: the statements four retrievers put in their top 30, to be read and labelled.

The pool of a query is the union of the top `depth` of keyword search (BM25, no vectors), vector search alone (nearest
statements), the full hybrid search, and the generic RAG baseline (its chunks mapped to the KB statements they overlap).
Each pooled statement is written with its id, source and text; a label file lists the ids judged relevant, and
`phrases` turns those into [source, phrase] pairs: a phrase of eight words inside one sentence of the statement,
unique within its source and, where possible, also in the file's raw page text (so a generic chunk can match it).

Run: python bench/queries/pool.py pool KB GENERIC_STORE|- OUT_DIR [--ids ID...] [--depth 30] [--systems kw,vec,hy,gen]
                                     [--judged EARLIER_POOL_DIR] [--queries FILE]
     python bench/queries/pool.py phrases KB LABEL_DIR [--ids ID...] [--queries FILE]
(--queries: another query file of the same form, e.g. a probe set; default bench/queries/queries.json)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generic_rag import Retriever, pages
from generic_rag import files as files_under

from scrutineer.config import open_vectors, settings
from scrutineer.search import search
from store.records import Records
from store.sql_lists import MEMBERS, as_json

QUERIES = Path(__file__).resolve().parent / "queries.json"
WORDS = 8
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def norm(text: str) -> str:
    """As ../shared/eval/score.py compares text: typographic quotes and ligatures plain, whitespace collapsed, lower."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u00ad", "").replace("\ufb01", "fi").replace("\ufb02", "fl")
    return re.sub(r"\s+", " ", text).strip().lower()


def _statements(records: Records, source: str, first: int, last: int) -> list[tuple[int, str]]:
    sql = ("SELECT s.id, s.text FROM statements s JOIN documents d ON d.id = s.document_id"
           " WHERE d.source = ? AND s.page BETWEEN ? AND ? AND d.doc_type != 'pack'")
    return list(records.db.execute(sql, [source, first, last]))


def passage_ids(records: Records, source: str, page: int, page_end: int, text: str) -> list[int]:
    whole = norm(text)
    return [sid for sid, t in _statements(records, source, page, page_end) if norm(t) in whole]


def chunk_ids(records: Records, source: str, page: int, text: str) -> list[int]:
    """Statements a generic chunk overlaps: wholly inside it, or sharing a run of 60 characters (or most of a short one)."""
    chunk = norm(text)
    out = []
    for sid, t in _statements(records, source, page - 1, page + 1):
        s = norm(t)
        m = SequenceMatcher(None, s, chunk, autojunk=False).find_longest_match(0, len(s), 0, len(chunk))
        if s in chunk or m.size >= min(60, int(0.7 * len(s))):
            out.append(sid)
    return out


SYSTEMS = ("kw", "vec", "hy", "gen")


def pool_query(records: Records, index, embedder, generic: Retriever | None, query: str, depth: int,
               systems: tuple[str, ...] = SYSTEMS) -> dict[int, list[str]]:
    """Statement id -> where it was pooled from ("kw3" = keyword rank 3): keyword search (no vectors), vector search
    alone, hybrid search, the generic baseline's chunks mapped to the statements they overlap."""
    found: dict[int, list[str]] = {}

    def add(sid: int, tag: str) -> None:
        found.setdefault(sid, []).append(tag)

    for name in [s for s in ("kw", "hy") if s in systems]:
        hits = search(records, *((None, None) if name == "kw" else (index, embedder)), query, limit=depth)
        for rank, h in enumerate(hits, 1):
            for sid in passage_ids(records, h.source, h.page, h.page_end, h.text):
                add(sid, f"{name}{rank}")
    if "vec" in systems:
        for rank, v in enumerate(index.query(embedder.embed([query])[0], depth), 1):
            add(v.statement_id, f"vec{rank}")
    if "gen" in systems and generic is not None:
        for rank, c in enumerate(generic.query(query, depth), 1):
            for sid in chunk_ids(records, c.source, c.page, c.text):
                add(sid, f"gen{rank}")
    return found


def _rows(records: Records, ids: list[int]) -> list[tuple[int, str, int, str]]:
    sql = ("SELECT s.id, d.source, s.page, s.text FROM statements s JOIN documents d ON d.id = s.document_id"
           f" WHERE s.id IN ({MEMBERS}) ORDER BY d.source, s.page, s.ord")
    return list(records.db.execute(sql, [as_json(ids)]))


def write_pools(kb: Path, store: Path | None, out: Path, ids: list[str], depth: int, systems: tuple[str, ...],
                judged: Path | None, query_file: Path = QUERIES) -> None:
    """One file per query listing its pooled statements, less those already listed in `judged`'s file for it."""
    queries = [q for q in json.loads(query_file.read_text()) if not ids or q["id"] in ids]
    out.mkdir(parents=True, exist_ok=True)
    generic = Retriever(store) if store else None
    with Records(kb) as records:
        index, embedder = open_vectors(kb, settings()) if {"vec", "hy"} & set(systems) else (None, None)
        for q in queries:
            found = pool_query(records, index, embedder, generic, q["query"], depth, systems)
            seen = _listed(judged / f"{q['id']}.txt") if judged else set()
            new = [sid for sid in found if sid not in seen]
            lines = [f"# {q['id']}: {q['query']}  ({len(found)} statements, {len(new)} not judged before)"]
            lines += [f"[{sid}] {src} p{page} ({','.join(found[sid])})\n    {' '.join(text.split())}"
                      for sid, src, page, text in (_rows(records, new) if new else [])]
            (out / f"{q['id']}.txt").write_text("\n".join(lines) + "\n")
            print(q["id"], len(found), len(new), flush=True)


def _listed(pool_file: Path) -> set[int]:
    return {int(m) for m in re.findall(r"^\[(\d+)\]", pool_file.read_text(), re.M)} if pool_file.exists() else set()


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[^\d][.!?;:])\s+|\s+[•▪●]\s+|\s\|\s", " ".join(text.split())) if s]


def _raw_pages(files: dict[str, Path], source: str) -> list[str]:
    """The file's page text as the generic baseline reads it (PyMuPDF), normalised; empty if the file is not found."""
    return [norm(t) for _, t in pages(files[source])] if source in files else []


def phrase_for(records: Records, files: dict[str, Path], sid: int, cache: dict[str, list[str]]) -> tuple[str, str]:
    """[source, phrase]: eight words from one sentence, unique in the source, preferring words the file's raw page text
    also holds (so that a generic chunk can hold them: hyphenation and headers differ between the two readings)."""
    _, source, _, text = _rows(records, [sid])[0]
    others = [norm(t) for i, t in _statements(records, source, 0, 10**6) if i != sid]
    chunks = cache.setdefault(source, _raw_pages(files, source))
    best: tuple[int, str] | None = None
    for sentence in sorted(_sentences(text), key=len, reverse=True):
        words = sentence.split()
        n = min(WORDS, len(words))
        for start in range(0, len(words) - n + 1):
            phrase = " ".join(words[start:start + n])
            p = norm(phrase)
            if len(p) < 25 or any(p in o for o in others):
                continue
            score = (any(p in c for c in chunks), n, -abs(start - (len(words) - n) // 2))
            if best is None or score > best[0]:
                best = (score, phrase)
    if best is None:
        return source, " ".join(text.split()[:WORDS])
    return source, best[1]


def write_phrases(kb: Path, labels: Path, ids: list[str], query_file: Path = QUERIES) -> None:
    """Fill `relevant` in the query file from LABEL_DIR/ID.ids (one relevant statement id per line, # comments); a
    statement labelled before keeps its phrase."""
    queries = json.loads(query_file.read_text())
    files = {f.name: f for f in files_under([CORPUS])}
    cache: dict[str, list[str]] = {}
    with Records(kb) as records:
        for q in queries:
            f = labels / f"{q['id']}.ids"
            if (ids and q["id"] not in ids) or not f.exists():
                continue
            chosen = [int(x.split("#")[0]) for x in f.read_text().split("\n") if x.split("#")[0].strip()]
            texts = dict(records.db.execute(f"SELECT id, text FROM statements WHERE id IN ({MEMBERS})",
                                            [as_json(chosen)]).fetchall())
            one_each = {norm(texts[sid]): sid for sid in reversed(chosen) if sid in texts}  # a reprint is one statement
            before = [(src, norm(p), p) for src, p in q["relevant"]]
            q["relevant"] = []
            for sid in chosen:
                if sid not in one_each.values():
                    continue
                source = _rows(records, [sid])[0][1]
                kept = next((p for src, n, p in before if src == source and n in norm(texts[sid])), None)
                q["relevant"].append([source, kept] if kept else list(phrase_for(records, files, sid, cache)))
            print(q["id"], len(q["relevant"]), flush=True)
    query_file.write_text(json.dumps(queries, indent=1, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pool", help="write each query's pool for reading")
    p.add_argument("kb", type=Path)
    p.add_argument("generic", help="the generic store; '-' pools keyword search alone")
    p.add_argument("dir", type=Path)
    p.add_argument("--depth", type=int, default=30)
    p.add_argument("--systems", default=",".join(SYSTEMS), help="which retrievers to pool: kw,vec,hy,gen")
    p.add_argument("--judged", type=Path, help="a folder of earlier pool files whose statements were judged already")
    f = sub.add_parser("phrases", help="turn LABEL_DIR/ID.ids into [source, phrase] pairs in queries.json")
    f.add_argument("kb", type=Path)
    f.add_argument("dir", type=Path)
    for a in (p, f):
        a.add_argument("--ids", nargs="*", default=[])
        a.add_argument("--queries", type=Path, default=QUERIES, help="the query file (default: the project's set)")
    args = ap.parse_args()
    if args.command == "pool":
        write_pools(args.kb, None if args.generic == "-" else Path(args.generic), args.dir, args.ids, args.depth,
                    tuple(args.systems.split(",")), args.judged, args.queries)
    else:
        write_phrases(args.kb, args.dir, args.ids, args.queries)


if __name__ == "__main__":
    main()
