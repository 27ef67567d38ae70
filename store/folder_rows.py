"""The authorities the papers of one folder name, and naming one for papers that name none (all or nothing)."""

from __future__ import annotations

from collections.abc import Sequence

from store.records import Records
from store.sql_lists import MEMBERS, as_json


def folder_authorities(records: Records, folder: str) -> dict[str, set[str]]:
    """Each file stored directly in `folder` (by sha256) and the authorities its documents and parts name."""
    sql = ("SELECT fp.sha256, d.authority FROM file_paths fp JOIN documents d ON d.sha256 = fp.sha256"
           " WHERE substr(fp.path, 1, length(?1) + 1) = ?1 || '/' AND instr(substr(fp.path, length(?1) + 2), '/') = 0")
    out: dict[str, set[str]] = {}
    for sha, authority in records.db.execute(sql, (folder.rstrip("/"),)):
        out.setdefault(sha, set()).update([authority] if authority else [])
    return out


def name_authority(records: Records, shas: Sequence[str], authority: str) -> None:
    """`authority` for these files' documents that name none, and for their metric rows that name none."""
    if not shas:
        return
    with records.transaction() as db:
        db.execute(f"UPDATE metrics SET authority = ? WHERE authority = '' AND document_id IN"
                   f" (SELECT id FROM documents WHERE sha256 IN ({MEMBERS}) AND coalesce(authority, '') = '')",
                   (authority, as_json(shas)))
        db.execute(f"UPDATE documents SET authority = ? WHERE sha256 IN ({MEMBERS}) AND coalesce(authority, '') = ''",
                   (authority, as_json(shas)))
