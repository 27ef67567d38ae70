"""Tables lost by the per-page gate: `find_tables` on every page versus only on gated pages.

Run: python bench/tables_gate.py [FOLDER...] [--every N]
(default: kent, needs-assessments, seeds and every 4th Ofsted report under ../shared/corpus)
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pymupdf

from ingest.tables import find_page_tables, page_may_have_table

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
DEFAULT = [SHARED / "kent", SHARED / "needs-assessments", SHARED / "seeds", SHARED / "ofsted-ilacs"]


def _pdfs(folders: list[Path], every: int) -> list[Path]:
    files = []
    for folder in folders:
        found = sorted(folder.rglob("*.pdf"))
        files += found[::every] if folder.name.startswith("ofsted") else found
    return files


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--every", type=int, default=4, help="sample every Nth Ofsted report")
    args = ap.parse_args()
    pages = gated = found_all = found_gated = 0
    lost: list[str] = []
    gate_s = tables_s = 0.0
    for path in _pdfs(args.folders, args.every):
        try:
            doc = pymupdf.open(path)
        except Exception:
            continue
        if doc.needs_pass:
            continue
        for page in doc:
            pages += 1
            t0 = time.perf_counter()
            passes = page_may_have_table(page)
            t1 = time.perf_counter()
            tables = find_page_tables(page, page.number + 1)
            tables_s += time.perf_counter() - t1
            gate_s += t1 - t0
            found_all += len(tables)
            gated += passes
            if passes:
                found_gated += len(tables)
            else:
                lost += [f"{path.name} p{page.number + 1}: {t.rows[0][:4]}" for _, t in tables]
    print(f"pages {pages}; pages through the gate {gated} ({gated / max(pages, 1):.0%})")
    print(f"tables with find_tables on every page {found_all}; with the gate {found_gated}; lost {len(lost)}")
    print(f"gate {1000 * gate_s / max(pages, 1):.1f} ms/page; find_tables {1000 * tables_s / max(pages, 1):.0f} ms/page")
    for line in lost:
        print("  lost", line)


if __name__ == "__main__":
    main()
