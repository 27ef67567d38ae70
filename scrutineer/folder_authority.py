"""A council publishes a meeting's papers together: an appendix that never prints the council's name ("Appendix B
Capital Investment by Directorate", a risk register) sits in a folder of papers that all name it. Without an
authority such a paper escapes every authority filter ("capital spending in Kent") and its rows export blank."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from store.folder_rows import folder_authorities, name_authority
from store.records import Records

NAMING = 2  # papers of the folder that must name the authority (and none another)


def fill_from_folders(records: Records, files: Iterable[Path]) -> int:
    """For each folder the batch read from: when its papers that name an authority (at least two) all name the same
    one, the papers there that name none take it. A folder of several councils' papers (Ofsted's reports, a
    researcher's mixed downloads) is left as it is. Returns how many files took an authority."""
    filled = 0
    for folder in sorted({str(p.resolve().parent) for p in files}):
        by_file = folder_authorities(records, folder)
        named = {a for names in by_file.values() for a in names}
        if len(named) != 1 or sum(1 for names in by_file.values() if names) < NAMING:
            continue
        unnamed = [sha for sha, names in by_file.items() if not names]
        name_authority(records, unnamed, named.pop())
        filled += len(unnamed)
    return filled
