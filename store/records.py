"""SQLite records: the system of record. One transaction per file, so a crash never leaves half a document."""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from ingest.models import Document, ParsedFile
from nlp.models import EXTRACTOR_VERSION, TOPICS_VERSION, Extraction

SCHEMA = Path(__file__).with_name("schema.sql")
MIGRATIONS = sorted(Path(__file__).with_name("migrations").glob("*.sql"))
SCHEMA_VERSION = 1 + len(MIGRATIONS)
DB_NAME = "records.sqlite"
BUSY_SECONDS = 60.0


class StoreError(Exception):
    """A knowledge base that cannot be used (wrong schema, missing)."""


class FileState(StrEnum):
    NEW = "new"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    CHANGED = "changed"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


class Records:
    def __init__(self, kb: Path) -> None:
        kb.mkdir(parents=True, exist_ok=True)
        self.path = kb / DB_NAME
        # a reader waits for a writer's transaction (one file) instead of failing with "database is locked"
        self.db = sqlite3.connect(self.path, timeout=BUSY_SECONDS)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        self._migrate()
        self._memo: dict[object, object] = {}
        self._memo_state: tuple[int, int] | None = None

    def memo(self) -> dict[object, object]:
        """Answers derived from the records (a filter's statement ids, a term's document frequency) that stay good
        until anyone commits: emptied when this connection has written or another has committed since it was filled
        (SQLite's data_version), so a search reuses them across queries and never reads them stale."""
        state = (self.db.execute("PRAGMA data_version").fetchone()[0], self.db.total_changes)
        if state != self._memo_state:
            self._memo.clear()
            self._memo_state = state
        return self._memo

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Records:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        """Version 1 is schema.sql; each file in migrations/ (002_..., 003_...) moves it one version on. Processes that
        open a new or older KB at the same moment (an ingest creating it, a reader waiting for it) take turns."""
        if self._version() == SCHEMA_VERSION:
            return  # the usual case takes no lock, so a current KB opens from a read-only folder too
        with _exclusive(self.path.with_name("schema.lock")):
            version = self._version()  # again, under the lock: another process may have just created or moved it
            self.db.execute("PRAGMA journal_mode = WAL")  # kept in the file; switching it races with other openers
            if version == 0:
                self.db.executescript(f"BEGIN; {SCHEMA.read_text()} INSERT INTO meta VALUES ('schema_version', '1'); COMMIT;")
                version = 1
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: schema version {version} is newer than this Scrutineer ({SCHEMA_VERSION})")
            for script in MIGRATIONS[version - 1:]:
                self.db.executescript(f"BEGIN; {script.read_text()} UPDATE meta SET value = '{version + 1}'"
                                      " WHERE key = 'schema_version'; COMMIT;")
                version += 1

    def _version(self) -> int:
        if not self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
            return 0
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row["value"]) if row else 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self.db:
            yield self.db

    # -- ingest runs -----------------------------------------------------------------------------
    def start_run(self) -> int:
        with self.db:
            return int(self.db.execute("INSERT INTO runs (started_at) VALUES (?)", (_now(),)).lastrowid)

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        with self.db:
            self.db.execute(
                "UPDATE runs SET finished_at = ?, files_seen = ?, files_read = ?, duplicates = ?, unchanged = ?,"
                " failures = ? WHERE id = ?",
                (_now(), counts["seen"], counts["read"], counts["duplicates"], counts["unchanged"],
                 counts["failures"], run_id),
            )

    def record_failure(self, run_id: int, path: str, source: str, reason: str) -> None:
        with self.db:
            self.db.execute(
                "INSERT INTO failures (run_id, path, source, reason) VALUES (?, ?, ?, ?)", (run_id, path, source, reason)
            )

    # -- files -----------------------------------------------------------------------------------
    def file_state(self, path: str, sha256: str) -> tuple[FileState, str | None]:
        """What storing these bytes at this path would mean; the source name of an identical stored file."""
        same = self.db.execute("SELECT source FROM files WHERE sha256 = ?", (sha256,)).fetchone()
        at_path = self.db.execute("SELECT sha256 FROM file_paths WHERE path = ?", (path,)).fetchone()
        if same:
            if at_path and at_path["sha256"] == sha256:
                return FileState.UNCHANGED, same["source"]
            return FileState.DUPLICATE, same["source"]
        return (FileState.CHANGED if at_path else FileState.NEW), None

    def add_duplicate_path(self, path: str, sha256: str) -> None:
        with self.db:
            self._forget_path(path)
            self.db.execute("INSERT OR REPLACE INTO file_paths VALUES (?, ?)", (path, sha256))

    def _forget_path(self, path: str) -> None:
        """Unlink a path; drop the old file's records when no other path still holds them."""
        row = self.db.execute("SELECT sha256 FROM file_paths WHERE path = ?", (path,)).fetchone()
        if not row:
            return
        self.db.execute("DELETE FROM file_paths WHERE path = ?", (path,))
        if not self.db.execute("SELECT 1 FROM file_paths WHERE sha256 = ?", (row["sha256"],)).fetchone():
            self.db.execute("DELETE FROM files WHERE sha256 = ?", (row["sha256"],))

    def write(self, parsed: ParsedFile, extractions: Sequence[Extraction] = ()) -> None:
        """Store one parsed file and what was extracted from it, replacing what its path held before, all or nothing."""
        f = parsed.file
        with self.db:
            next_id = self._next_statement_id()  # read before the old file's statements go
            self._forget_path(f.path)
            self.db.execute(
                "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (f.sha256, f.source, f.path, f.size, f.format.value, len(parsed.page_texts), parsed.ocr_pages,
                 json.dumps(parsed.warnings), _now()),
            )
            self.db.execute("INSERT INTO file_paths VALUES (?, ?)", (f.path, f.sha256))
            ocr = {p for d in parsed.documents for p in d.ocr_pages}
            self.db.executemany(
                "INSERT INTO pages (sha256, page, text, ocr) VALUES (?, ?, ?, ?)",
                [(f.sha256, i, t, int(i in ocr)) for i, t in enumerate(parsed.page_texts, 1)],
            )
            self.db.executemany(
                "INSERT INTO removed_text VALUES (?, ?, ?)",
                [(f.sha256, i, t) for i, texts in enumerate(parsed.removed, 1) for t in texts],
            )
            status = "partial" if parsed.warnings else "ok"
            for doc in parsed.documents:
                next_id = self._write_document(doc, status, next_id)
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('last_statement_id', ?)", (str(next_id - 1),))
            for extraction in extractions:
                self._write_extraction(extraction)

    def replace_extraction(self, extraction: Extraction) -> None:
        """Swap a document's metrics and entities for a fresh extraction, in one transaction."""
        with self.db:
            self.db.execute("DELETE FROM metrics WHERE document_id = ?", (extraction.document_id,))
            self.db.execute("DELETE FROM entities WHERE document_id = ?", (extraction.document_id,))
            self.db.execute("DELETE FROM statement_topics WHERE statement_id IN"
                            " (SELECT id FROM statements WHERE document_id = ?)", (extraction.document_id,))
            self._write_extraction(extraction)

    def _write_extraction(self, ex: Extraction) -> None:
        self.db.executemany(
            "INSERT INTO metrics (document_id, indicator, label, value, unit, basis, period_start, period_end,"
            " period_label, authority, page, section_path, quote, from_table, rag, polarity, flags, statement_ord,"
            " table_ord, extractor_version, evidence, confidence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(ex.document_id, m.indicator, m.label, m.value, m.unit.value, m.basis.value, _iso(m.period_start),
              _iso(m.period_end), m.period_label, m.authority, m.page, json.dumps(m.section_path), m.quote,
              int(m.from_table), m.rag, m.polarity, json.dumps([f.value for f in m.flags]), m.statement_ord,
              m.table_ord, EXTRACTOR_VERSION, m.evidence, m.confidence.value if m.confidence else "")
             for m in ex.metrics],
        )
        ids = dict(self.db.execute("SELECT ord, id FROM statements WHERE document_id = ?", (ex.document_id,)).fetchall())
        self.db.executemany("INSERT INTO statement_topics VALUES (?, ?)",
                            [(ids[o], t) for o, topics in ex.topics.items() if o in ids for t in topics])
        self.db.executemany(
            "INSERT INTO entities (document_id, label, text, norm, statement_ord, page) VALUES (?, ?, ?, ?, ?, ?)",
            [(ex.document_id, e.label.value, e.text, e.norm, e.statement_ord, e.page) for e in ex.entities],
        )

    def topic_rules(self) -> str | None:
        """The version of the topic rules every statement was tagged by, where one ingest into an empty KB or a
        reextract tagged them all; None where that is not known (a KB built before it was recorded)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'topic_rules'").fetchone()
        return row[0] if row else None

    def older_topic_rules(self) -> str | None:
        """The version of older topic rules this KB's statements were all tagged by, or None where they are the current
        rules' (or not known)."""
        tagged_by = self.topic_rules()
        return tagged_by if tagged_by not in (None, TOPICS_VERSION) else None

    def mark_topic_rules(self) -> None:
        """Every statement is now tagged by the current topic rules."""
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('topic_rules', ?)", (TOPICS_VERSION,))

    def is_empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM statements LIMIT 1").fetchone() is None

    def _next_statement_id(self) -> int:
        """Statement ids are never reused: the vector index is keyed on them, so a file replaced since the last sync
        would hand its old statements' vectors to the new statements that took their ids."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'last_statement_id'").fetchone()
        top = self.db.execute("SELECT coalesce(max(id), 0) FROM statements").fetchone()[0]
        return max(int(row["value"]) if row else 0, top) + 1

    def _write_document(self, doc: Document, status: str, next_id: int) -> int:
        """Returns the id the next statement takes."""
        m = doc.meta
        self.db.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.sha256, doc.source, doc.part_index, doc.parent_id, m.title, m.authority, m.committee,
             _iso(m.meeting_date), m.doc_type.value, m.author, _iso(m.period_start), _iso(m.period_end),
             m.period_label, m.url, doc.page_start, doc.page_end, status),
        )
        self.db.executemany(
            "INSERT INTO sections (document_id, ord, number, title, path, level, page_start, page_end)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, i, s.number, s.title, json.dumps(s.path), s.level, s.page_start, s.page_end)
             for i, s in enumerate(doc.sections)],
        )
        self.db.executemany(
            "INSERT INTO statements (id, document_id, ord, text, page, section_path, char_start, char_end, kind, number,"
            " page_end, also_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(next_id + i, doc.id, i, s.text, s.page, json.dumps(s.section_path), s.char_start, s.char_end, s.kind.value,
              s.number, s.page_end, json.dumps([p.model_dump() for p in s.also_at])) for i, s in enumerate(doc.statements)],
        )
        self.db.executemany(
            "INSERT INTO doc_tables (document_id, ord, page, title, header_rows, n_rows, n_cols, rows)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, i, t.page, t.title, t.header_rows, len(t.rows), t.n_cols, json.dumps(t.rows))
             for i, t in enumerate(doc.tables)],
        )
        return next_id + len(doc.statements)


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None else None  # type: ignore[attr-defined]
