"""Word coverage: is every word a page prints kept somewhere a reader can find it?

For each file, the words of three letters or more in its raw page text (PyMuPDF's plain text for a
PDF, the file itself for text) are counted, and so are the words of what ingest kept: statements,
section headings, document titles, table cells (header rows too) and the running headers, footers
and page numbers it removed on purpose and recorded. A word occurrence is covered while the kept
text holds as many of that word as the page text does (a lost paragraph opening loses its words
even where the same words occur elsewhere; a sentence printed twice and stored once counts at each of its places).
Also prints statement quality figures: statements that
start with a paragraph number, statements that start in lower case after one that does not end a
sentence (a sentence cut at a page or column break), and statements over 800 characters.

Run: python bench/word_coverage.py PATH... [--kb KB] [--worst N] [--workers N]
  PATH: files or folders (each folder is one corpus). With --kb, kept text is read from the KB's SQLite
  (files ingested from PATH); without it, files are parsed here (SCRUTINEER_EMBED is irrelevant).
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from ingest import IngestError, parse_file
from ingest.reader import SUFFIXES

_WORD = re.compile(r"[A-Za-z]{3,}")
_HYPHEN_BREAK = re.compile(r"([A-Za-z]+)-[ \t]*\n\s*([a-z]+)")
_PARA_NUMBER = re.compile(r"^\d{1,3}\.(?:\d{1,2}\.?)*\s*[A-Z‘'\"“]")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")


@dataclass
class FileResult:
    path: str
    words: int = 0
    covered: int = 0
    statements: int = 0
    numbered: int = 0
    cut: int = 0
    long: int = 0
    error: str = ""
    missing: Counter[str] = field(default_factory=Counter)
    meta: list[tuple[str, str]] = field(default_factory=list)  # (doc_type, authority) of each document

    @property
    def share(self) -> float:
        return self.covered / self.words if self.words else 1.0


def raw_words(path: Path, kept: Counter[str]) -> Counter[str]:
    """Words of the page text as the file prints it; a word hyphenated at a line end counts as one word where
    ingest kept it whole ("safe-/guarding"), else as its parts ("multi-/agency")."""
    if path.suffix.lower() == ".pdf":
        with pymupdf.open(path) as doc:
            text = "\n".join(page.get_text("text") for page in doc)
    else:
        text = path.read_text(encoding="utf-8", errors="replace")

    def rejoin(m: re.Match[str]) -> str:
        whole = m.group(1) + m.group(2)
        return whole if whole.lower() in kept else f"{m.group(1)}-{m.group(2)}"

    return words(_HYPHEN_BREAK.sub(rejoin, text))


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text.replace("\u00ad", "")))


def quality(texts: list[str], kinds: list[str], result: FileResult) -> None:
    """Statement figures over one document's statements, in order (a cut counts among sentences only:
    list items often start in lower case after an item without a full stop)."""
    result.statements += len(texts)
    for prev, text, kind in zip([".", *texts], texts, kinds, strict=False):
        result.numbered += bool(_PARA_NUMBER.match(text))
        result.long += len(text) > 800
        result.cut += kind == "sentence" and text[:1].islower() and not _SENTENCE_END.search(prev.rstrip())


def _parsed_kept(path: Path, result: FileResult) -> Counter[str]:
    parsed = parse_file(path)
    kept: Counter[str] = Counter()
    for doc in parsed.documents:
        if doc.part_index == 0 and len(parsed.documents) > 1:
            continue  # a pack's row: its parts hold the text
        result.meta.append((doc.meta.doc_type.value, doc.meta.authority or ""))
        texts = [s.text for s in doc.statements]
        quality(texts, [s.kind.value for s in doc.statements], result)
        kept.update(words(" \n ".join(texts)))
        kept.update(words(" \n ".join(s.text for s in doc.statements for _ in s.also_at)))  # printed again
        kept.update(words(" \n ".join(s.title for s in doc.sections)))
        kept.update(words(doc.meta.title or ""))
        kept.update(words(" \n ".join(c for t in doc.tables for r in t.rows for c in r)))
    kept.update(words(" \n ".join(t for page in parsed.removed for t in page)))
    return kept


def _kb_kept(db: sqlite3.Connection, path: Path, result: FileResult) -> Counter[str]:
    row = db.execute("SELECT sha256 FROM file_paths WHERE path = ?", (str(path.resolve()),)).fetchone()
    if row is None:
        raise IngestError(path.name, "not in the KB")
    sha = row[0]
    kept: Counter[str] = Counter()
    docs = db.execute("SELECT id, title, part_index, doc_type, authority FROM documents WHERE sha256 = ? ORDER BY part_index",
                      (sha,)).fetchall()
    for doc_id, title, part, doc_type, authority in docs:
        if part == 0 and len(docs) > 1:
            continue
        result.meta.append((doc_type, authority or ""))
        places = "also_at" if _has_column(db, "statements", "also_at") else "'[]'"
        rows = db.execute(f"SELECT text, kind, {places} FROM statements WHERE document_id = ? ORDER BY ord",
                          (doc_id,)).fetchall()
        texts = [t for t, _, _ in rows]
        quality(texts, [k for _, k, _ in rows], result)
        kept.update(words(" \n ".join(texts)))
        kept.update(words(" \n ".join(t for t, _, also in rows for _ in json.loads(also))))  # printed again
        kept.update(words(" \n ".join(t for (t,) in db.execute("SELECT title FROM sections WHERE document_id = ?", (doc_id,)))))
        kept.update(words(title or ""))
        for (rows,) in db.execute("SELECT rows FROM doc_tables WHERE document_id = ?", (doc_id,)):
            kept.update(words(" \n ".join(c for r in json.loads(rows) for c in r)))
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'removed_text'").fetchone():
        kept.update(words(" \n ".join(t for (t,) in db.execute("SELECT text FROM removed_text WHERE sha256 = ?", (sha,)))))
    return kept


def _has_column(db: sqlite3.Connection, table: str, column: str) -> bool:
    return any(r[1] == column for r in db.execute(f"PRAGMA table_info({table})"))


def measure(path: str, kb: str | None = None) -> FileResult:
    result = FileResult(path)
    try:
        if kb:
            with sqlite3.connect(Path(kb) / "records.sqlite") as db:
                kept = _kb_kept(db, Path(path), result)
        else:
            kept = _parsed_kept(Path(path), result)
        page = raw_words(Path(path), kept)
    except (IngestError, pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        result.error = str(exc)
        return result
    result.words = sum(page.values())
    for word, n in page.items():
        got = min(n, kept.get(word, 0))
        result.covered += got
        if got < n:
            result.missing[word] = n - got
    return result


def _files(target: Path) -> list[Path]:
    if target.is_file():
        return [target]
    return sorted(p for p in target.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def _report(name: str, results: list[FileResult], worst: int) -> None:
    ok = [r for r in results if not r.error and r.words]
    words_ = sum(r.words for r in ok)
    covered = sum(r.covered for r in ok)
    stmts = sum(r.statements for r in ok) or 1
    low = [r for r in ok if r.share < 0.97]
    print(f"\n== {name}: {len(ok)} files ({len(results) - len(ok)} failed or empty); words {words_}; "
          f"coverage {100 * covered / max(words_, 1):.2f}%; min per file {100 * min((r.share for r in ok), default=1):.1f}%;"
          f" files under 97%: {len(low)}")
    print(f"   statements {stmts}; starting with a paragraph number {sum(r.numbered for r in ok)}"
          f" ({100 * sum(r.numbered for r in ok) / stmts:.2f}%); cut at a break (lower-case start) "
          f"{sum(r.cut for r in ok)} ({100 * sum(r.cut for r in ok) / stmts:.2f}%); over 800 chars {sum(r.long for r in ok)}")
    types = Counter(t for r in ok for t, _ in r.meta)
    print("   document types: " + ", ".join(f"{t} {n}" for t, n in types.most_common()))
    for r in sorted(ok, key=lambda r: r.share)[:worst]:
        lost = ", ".join(f"{w}×{n}" for w, n in r.missing.most_common(8))
        print(f"   {100 * r.share:5.1f}%  {Path(r.path).name[:70]}  missing: {lost}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--kb", help="read kept text from this KB instead of parsing")
    ap.add_argument("--worst", type=int, default=5, help="list the N files with the lowest coverage per corpus")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--meta", help="write file, document type and authority of every document to this TSV")
    args = ap.parse_args()
    start = time.perf_counter()
    everything: list[FileResult] = []
    with ProcessPoolExecutor(args.workers) as pool:
        for target in map(Path, args.paths):
            files = [str(p) for p in _files(target)]
            results = list(pool.map(measure, files, [args.kb] * len(files), chunksize=2))
            everything += results
            _report(target.name, results, args.worst)
    if len(args.paths) > 1:
        _report("all", everything, 0)
    if args.meta:
        lines = [f"{Path(r.path).name}\t{t}\t{a}" for r in everything for t, a in r.meta]
        Path(args.meta).write_text("\n".join(lines) + "\n")
    print(f"\nelapsed {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
