-- Schema version (after 005): a sentence printed twice in one document is stored once; `also_at` lists its later
-- places in reading order as JSON [{page, section_path, char_start, char_end, number, page_end}] ('[]' when none).
ALTER TABLE statements ADD COLUMN also_at TEXT NOT NULL DEFAULT '[]';
