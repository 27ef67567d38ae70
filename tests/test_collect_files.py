"""Which files an ingest of a folder reads."""

from __future__ import annotations

from pathlib import Path

from scrutineer.pipeline import collect_files


def test_a_folders_readme_is_not_a_paper_unless_named(tmp_path: Path) -> None:
    (tmp_path / "kent").mkdir()
    for name in ("README.md", "LICENSE.txt", "kent/minutes.txt", "kent/readme-first-report.md", ".hidden.txt"):
        (tmp_path / name).write_text("Kent County Council")
    assert [f.relative_to(tmp_path).as_posix() for f in collect_files([tmp_path])] == [
        "kent/minutes.txt", "kent/readme-first-report.md"]
    assert collect_files([tmp_path / "README.md"]) == [tmp_path / "README.md"]
