"""Rebuild the project's reference data files from ../shared/reference.

The council list (names, aliases, codes, regions) and statistical neighbours
are public facts; the project keeps its own copy so it runs without ../shared.
Run: python scripts/build_reference.py [path/to/shared/reference]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
DATA = HERE / "ingest" / "data"


def build(reference: Path) -> None:
    with open(reference / "local_authorities.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fields = ["name", "short_name", "aliases", "gss_code", "dfe_la_code", "region", "nation", "type"]
    with open(DATA / "authorities.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        for r in sorted(rows, key=lambda r: r["name"]):
            w.writerow({k: r[k] for k in fields})
    with open(reference / "statistical_neighbours.csv", newline="", encoding="utf-8") as f:
        sn = list(csv.DictReader(f))
    with open(DATA / "statistical_neighbours.csv", "w", newline="", encoding="utf-8") as f:
        cols = ["dfe_la_code", "la_short_name", "rank", "neighbour_dfe_la_code", "neighbour_short_name"]
        w = csv.DictWriter(f, fieldnames=cols)
        w.writeheader()
        for r in sn:
            w.writerow({k: r[k] for k in cols})
    print(f"{len(rows)} authorities, {len(sn)} neighbour rows written to {DATA}")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "shared" / "reference")
