-- Schema version (after 004): each metric's evidence (the words that named its indicator, and where) and confidence
-- (high, medium, low; empty for an unmapped row). Rows extracted before this version have neither until `reextract`.
ALTER TABLE metrics ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
ALTER TABLE metrics ADD COLUMN confidence TEXT NOT NULL DEFAULT '';
CREATE INDEX metrics_confidence ON metrics(confidence);
