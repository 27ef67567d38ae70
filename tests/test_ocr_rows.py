"""Rows read from a scanned page say so: OCR misreads figures ("73%" as "70"), so a reader knows which to check."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

from ingest.pdf import _ocr_available
from scrutineer.pipeline import ingest
from store.records import SCHEMA_VERSION, Records

SCANNED = ("Corporate Parenting Panel, 12 June 2024. At 31 March 2024, 45% of care leavers aged 19 to 21 were in "
           "education, employment or training.")
TYPED = "At 31 March 2024, 320 children were looked after by the council, a rate of 61 per 10,000 children."


def _half_scanned(path: Path) -> None:
    """Page 1 an image of text (as a scanner gives it), page 2 typed text."""
    with pymupdf.open() as typed:
        page = typed.new_page()
        page.insert_textbox(pymupdf.Rect(60, 80, 540, 400), SCANNED, fontsize=14)
        image = page.get_pixmap(dpi=200)
    with pymupdf.open() as out:
        out.new_page().insert_image(pymupdf.Rect(0, 0, 595, 842), pixmap=image)
        out.new_page().insert_textbox(pymupdf.Rect(60, 80, 540, 400), TYPED, fontsize=12)
        out.save(path)


def _rows(records: Records) -> dict[float, tuple[int, list[str], str | None]]:
    return {r["value"]: (r["page"], json.loads(r["flags"]), r["confidence"])
            for r in records.db.execute("SELECT * FROM metrics")}


@pytest.mark.skipif(not _ocr_available(), reason="Tesseract is not installed")
def test_rows_of_a_scanned_page_are_flagged_and_stay_so_after_reextract(tmp_path: Path) -> None:
    from nlp.pipeline import build_extractor
    from scrutineer.reextract import reextract

    _half_scanned(tmp_path / "panel.pdf")
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / "panel.pdf"], records, workers=1)
        rows = _rows(records)
        assert rows[45][0] == 1 and "ocr" in rows[45][1]  # read from the scan
        assert rows[45][2] == "low"  # named, but never confident enough for compare and charts
        assert rows[320][0] == 2 and "ocr" not in rows[320][1] and rows[320][2] in ("high", "medium")
        reextract(records, build_extractor())
        assert _rows(records) == rows


def test_a_kb_from_before_marks_pages_of_files_read_wholly_with_ocr(tmp_path: Path) -> None:
    """Migration 008: a file whose every page was read with OCR has every page marked; one read in part, none."""
    kb = tmp_path / "kb"
    (tmp_path / "a.txt").write_text("At 31 March 2024, 320 children were looked after.")
    with Records(kb) as records:
        ingest([tmp_path / "a.txt"], records, workers=1)
        with records.transaction() as db:
            db.execute("ALTER TABLE pages DROP COLUMN ocr")
            db.execute("UPDATE files SET ocr_pages = pages")
            db.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    with Records(kb) as records:
        assert [r[0] for r in records.db.execute("SELECT ocr FROM pages")] == [1]
        assert records.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == \
            str(SCHEMA_VERSION)
