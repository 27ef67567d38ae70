-- Schema version 8: which pages were read with OCR, so the rows read from them say so (a scanned infographic's
-- "73%" was read as "70"). A KB ingested before knew only how many pages of a file were: where that was every page,
-- all are marked; where it was some, which ones is unknown until the file is ingested again.
ALTER TABLE pages ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0;
UPDATE pages SET ocr = 1
 WHERE sha256 IN (SELECT sha256 FROM files WHERE ocr_pages > 0 AND ocr_pages = pages);
