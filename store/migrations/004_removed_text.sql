-- Schema version 4: what ingest left out of statements on purpose (running headers and footers, page
-- numbers, blank-page markers), kept per page so no text is dropped unrecorded; a statement's paragraph
-- number (printed before it, not part of its text) and its last page (a sentence joined across a page break).
CREATE TABLE removed_text (
    sha256 TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX removed_text_page ON removed_text(sha256, page);
ALTER TABLE statements ADD COLUMN number TEXT NOT NULL DEFAULT '';
ALTER TABLE statements ADD COLUMN page_end INTEGER;
