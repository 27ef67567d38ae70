"""The records store on a real SQLite file: dedupe, unchanged, changed files, nothing half-written."""

import shutil
from pathlib import Path

import pymupdf
import pytest
from conftest import CORPUS

from scrutineer.pipeline import ingest
from store.queries import list_documents
from store.records import Records


def _pdf(path: Path, text: str) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), text)
    doc.save(path)
    return path


def test_unchanged_duplicate_and_changed(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / "northmoor-minutes-2024-12.pdf", src / "a.pdf")
    shutil.copy(CORPUS / "northmoor-minutes-2024-12.pdf", src / "a%20copy.pdf")
    with Records(tmp_path / "kb") as records:
        first = ingest([src], records, workers=1)
        assert (first.files_read, first.duplicates) == (1, 1)
        again = ingest([src], records, workers=1)
        assert (again.files_read, again.unchanged) == (0, 2)
        _pdf(src / "a.pdf", "Minutes of a meeting of the Fostering Panel held on 3 March 2025.")
        changed = ingest([src / "a.pdf"], records, workers=1)
        assert changed.files_read == 1
        sources = [d.source for d in list_documents(records)]
        assert len(sources) == 2  # the copy still holds the old bytes; a.pdf holds the new ones


def test_failure_keeps_what_is_stored(tmp_path):
    good = _pdf(tmp_path / "paper.pdf", "Report Title: Fostering update. There are 40 foster carers.")
    with Records(tmp_path / "kb") as records:
        ingest([good], records, workers=1)
        good.write_bytes(b"")
        summary = ingest([good], records, workers=1)
        assert summary.failures[0].reason == "empty file (0 bytes)"
        assert len(list_documents(records)) == 1


def test_fts_index_follows_deletes(tmp_path):
    path = _pdf(tmp_path / "p.pdf", "Staying Close supports young people leaving residential care.")
    with Records(tmp_path / "kb") as records:
        ingest([path], records, workers=1)
        hits = records.db.execute("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'staying'").fetchone()[0]
        assert hits == 1
        _pdf(path, "Something else entirely about fostering.")
        ingest([path], records, workers=1)
        hits = records.db.execute("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'staying'").fetchone()[0]
        assert hits == 0


@pytest.mark.parametrize("name,data,reason", [
    ("empty.pdf", b"", "empty file"),
    ("error.pdf", b"<!DOCTYPE html><html><body>404</body></html>", "HTML page"),
    ("notes.xyz", b"hello", "unsupported file type"),
])
def test_bad_input_one_line_each(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    with Records(tmp_path / "kb") as records:
        summary = ingest([tmp_path / name], records, workers=1)
    assert len(summary.failures) == 1 and reason in summary.failures[0].reason
    assert "\n" not in summary.failures[0].reason


def test_truncated_and_encrypted_pdfs(tmp_path):
    data = (CORPUS / "northmoor-minutes-2024-12.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 2])
    doc = pymupdf.open(CORPUS / "northmoor-minutes-2024-12.pdf")
    doc.save(tmp_path / "locked.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="secret")
    with Records(tmp_path / "kb") as records:
        summary = ingest([tmp_path], records, workers=2)
    reasons = sorted(f.reason for f in summary.failures)
    assert len(reasons) == 2 and "password-protected" in reasons[0] and "truncated" in reasons[1]


def _open_and_count(kb: str) -> int:
    with Records(Path(kb)) as records:
        return records.db.execute("SELECT count(*) FROM meta").fetchone()[0]


def test_processes_opening_a_new_kb_at_once_take_turns(tmp_path):
    """An ingest creating a KB while a reader opens it: one of them builds the schema, neither fails."""
    from concurrent.futures import ProcessPoolExecutor

    from store.records import SCHEMA_VERSION
    kb = tmp_path / "kb"
    with ProcessPoolExecutor(4) as pool:
        assert all(n >= 1 for n in pool.map(_open_and_count, [str(kb)] * 8))
    with Records(kb) as records:
        assert records.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_remembered_answers_are_dropped_when_anyone_commits(tmp_path: Path) -> None:
    """`memo` holds across reads and is emptied by another connection's commit or this connection's own write."""
    with Records(tmp_path) as reader, Records(tmp_path) as writer:
        reader.memo()["x"] = 1
        assert reader.memo() == {"x": 1}
        writer.db.execute("INSERT INTO meta VALUES ('test', '1')")
        writer.db.commit()
        assert reader.memo() == {}
        reader.memo()["x"] = 2
        reader.db.execute("DELETE FROM meta WHERE key = 'test'")
        assert reader.memo() == {}


def test_a_changed_file_s_statements_take_new_ids(tmp_path: Path) -> None:
    """The vector index is keyed on statement ids: a file replaced since the last sync must not hand its old
    statements' ids (and so their vectors) to its new ones, even when they were the highest ids."""
    src = _pdf(tmp_path / "a.pdf", "Report Title: Fostering update. There are 40 foster carers.")
    with Records(tmp_path / "kb") as records:
        ingest([src], records, workers=1)
        old = {r[0] for r in records.db.execute("SELECT id FROM statements")}
        _pdf(src, "Report Title: Dental checks. Dental checks for children in care fell to 70 percent.")
        ingest([src], records, workers=1)
        new = {r[0] for r in records.db.execute("SELECT id FROM statements")}
    assert old and new and min(new) > max(old)
    with Records(tmp_path / "kb") as records:  # and after reopening
        _pdf(src, "Report Title: Vacancies. Social worker vacancies reached 20 percent.")
        ingest([src], records, workers=1)
        assert min(r[0] for r in records.db.execute("SELECT id FROM statements")) > max(new)
