-- Schema version 2: extracted metrics and entities, replaced wholesale by `scrutineer reextract`.
CREATE TABLE metrics (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    label TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    basis TEXT NOT NULL,
    period_start TEXT,
    period_end TEXT,
    period_label TEXT NOT NULL,
    authority TEXT NOT NULL,
    page INTEGER NOT NULL,
    section_path TEXT NOT NULL,
    quote TEXT NOT NULL,
    from_table INTEGER NOT NULL,
    rag TEXT NOT NULL,
    polarity TEXT NOT NULL,
    flags TEXT NOT NULL,
    statement_ord INTEGER,
    table_ord INTEGER,
    extractor_version TEXT NOT NULL
);
CREATE INDEX metrics_indicator ON metrics(indicator, authority, period_end);
CREATE INDEX metrics_doc ON metrics(document_id);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    norm TEXT NOT NULL,
    statement_ord INTEGER NOT NULL,
    page INTEGER NOT NULL
);
CREATE INDEX entities_label ON entities(label, norm);
CREATE INDEX entities_doc ON entities(document_id);
