-- Scrutineer records, schema version 1. SQLite is the system of record;
-- the vector index is derived from these rows and can be rebuilt.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE files (
    sha256 TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    format TEXT NOT NULL,
    pages INTEGER NOT NULL,
    ocr_pages INTEGER NOT NULL DEFAULT 0,
    warnings TEXT NOT NULL DEFAULT '[]',
    ingested_at TEXT NOT NULL
);

-- Every path a file was seen at; two paths share a row in files when their bytes are identical.
CREATE TABLE file_paths (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE
);

CREATE TABLE pages (
    sha256 TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (sha256, page)
);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
    source TEXT NOT NULL,
    part_index INTEGER NOT NULL,
    parent_id TEXT,
    title TEXT,
    authority TEXT,
    committee TEXT,
    meeting_date TEXT,
    doc_type TEXT NOT NULL,
    author TEXT,
    period_start TEXT,
    period_end TEXT,
    period_label TEXT,
    url TEXT,
    page_start INTEGER NOT NULL,
    page_end INTEGER NOT NULL,
    status TEXT NOT NULL
);
CREATE INDEX documents_sha ON documents(sha256);
CREATE INDEX documents_authority ON documents(authority, meeting_date);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    path TEXT NOT NULL,
    level INTEGER NOT NULL,
    page_start INTEGER NOT NULL,
    page_end INTEGER NOT NULL
);
CREATE INDEX sections_doc ON sections(document_id, ord);

CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    page INTEGER NOT NULL,
    section_path TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    kind TEXT NOT NULL
);
CREATE INDEX statements_doc ON statements(document_id, ord);

CREATE VIRTUAL TABLE statements_fts USING fts5(
    text, content='statements', content_rowid='id', tokenize='porter unicode61'
);
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE doc_tables (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    page INTEGER NOT NULL,
    title TEXT NOT NULL,
    header_rows INTEGER NOT NULL,
    n_rows INTEGER NOT NULL,
    n_cols INTEGER NOT NULL,
    rows TEXT NOT NULL
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    files_seen INTEGER NOT NULL DEFAULT 0,
    files_read INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    source TEXT NOT NULL,
    reason TEXT NOT NULL
);
