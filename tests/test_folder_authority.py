"""An appendix that never names its council takes the one every other paper of its folder names, with its metric
rows; a folder of several councils' papers lends none."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from scrutineer.pipeline import ingest
from store.folder_rows import name_authority
from store.records import Records

NAMED = """Kent County Council

Cabinet report: {title}

The cabinet noted that {n} children were looked after at the end of the quarter.
"""
UNNAMED = """Appendix B: capital investment by directorate

The programme holds £12.5m for new school places and the forecast shows 62% of schemes on time.
"""


def _write(folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    for name, text in texts.items():
        (folder / name).write_text(text)


def _authorities(kb: Path) -> tuple[dict[str, str | None], set[str]]:
    with Records(kb) as records:
        docs = dict(records.db.execute("SELECT source, authority FROM documents WHERE parent_id IS NULL").fetchall())
        rows = {r[0] for r in records.db.execute(
            "SELECT m.authority FROM metrics m JOIN documents d ON d.id = m.document_id WHERE d.source = 'appendix-b.txt'")}
    return docs, rows


def test_an_appendix_takes_the_council_its_folder_names(tmp_path: Path) -> None:
    _write(tmp_path / "cabinet", {"report-1.txt": NAMED.format(title="budget", n=1402),
                                  "report-2.txt": NAMED.format(title="sufficiency", n=1398),
                                  "appendix-b.txt": UNNAMED})
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / "cabinet"], records, workers=1)
    docs, rows = _authorities(tmp_path / "kb")
    assert docs == {"report-1.txt": "Kent County Council", "report-2.txt": "Kent County Council",
                    "appendix-b.txt": "Kent County Council"}
    assert rows == {"Kent County Council"}


def test_a_folder_of_several_councils_lends_no_authority(tmp_path: Path) -> None:
    _write(tmp_path / "downloads", {"report-1.txt": NAMED.format(title="budget", n=1402),
                                    "report-2.txt": NAMED.replace("Kent County", "Shropshire").format(title="x", n=9),
                                    "appendix-b.txt": UNNAMED})
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / "downloads"], records, workers=1)
    docs, rows = _authorities(tmp_path / "kb")
    assert docs["appendix-b.txt"] is None and docs["report-2.txt"] == "Shropshire Council"
    assert rows == {""}


def test_one_named_paper_is_not_enough(tmp_path: Path) -> None:
    _write(tmp_path / "pair", {"report-1.txt": NAMED.format(title="budget", n=1402), "appendix-b.txt": UNNAMED})
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / "pair"], records, workers=1)
    assert _authorities(tmp_path / "kb")[0]["appendix-b.txt"] is None


def test_a_large_folder_s_files_are_named_in_one_statement(tmp_path: Path) -> None:
    """A folder of thousands of papers: one SQL variable per file would pass SQLite's limit."""
    _write(tmp_path / "misc", {"appendix-b.txt": UNNAMED})
    with Records(tmp_path / "kb") as records:
        ingest([tmp_path / "misc"], records, workers=1)
        sha = records.db.execute("SELECT sha256 FROM documents WHERE source = 'appendix-b.txt'").fetchone()[0]
        records.db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 5)
        name_authority(records, [f"{i:064x}" for i in range(50)] + [sha], "Kent County Council")
    docs, rows = _authorities(tmp_path / "kb")
    assert docs["appendix-b.txt"] == "Kent County Council" and rows == {"Kent County Council"}
