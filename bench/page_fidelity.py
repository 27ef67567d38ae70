"""Is each statement on the page it cites? A sample of a KB's statements from PDFs, each looked for in the text
PyMuPDF gives for its cited page, read afresh from the file: the citation is what a reader checks first.

A statement counts as on its page when its opening (letters and digits only, case folded) is there; a statement that
runs over a page break opens on its page and ends on the next, so the opening alone is enough. Statements whose
opening is on no page at all (the text was repaired: a sentence joined across a column, a hyphen restored) are
reported apart; those on another page are the faults.

Run: python bench/page_fidelity.py KB [--sample N] [--seed S] [-v]
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import unicodedata
from collections import Counter
from functools import lru_cache

import pymupdf

OPENING = 25  # letters and digits: long enough to be unique on a page, short enough to end before most page breaks
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _norm(text: str) -> str:
    """NFKC first: PDFs print ligatures ("oﬃcers") that ingest spells out."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).lower())


@lru_cache(maxsize=4096)
def _page_texts(path: str) -> tuple[str, ...]:
    with pymupdf.open(path) as doc:
        return tuple(_norm(page.get_text()) for page in doc)


def place(path: str, page: int, text: str) -> str:
    """'cited page', 'other page' or 'no page' for one statement."""
    opening = _norm(text)[:OPENING]
    pages = _page_texts(path)
    if 0 < page <= len(pages) and (opening in pages[page - 1] or _across(opening, pages, page)):
        return "cited page"
    return "other page" if any(opening in p for p in pages) else "no page"


def _across(opening: str, pages: tuple[str, ...], page: int) -> bool:
    """The opening itself runs over the break: its start ends the cited page, its rest opens the next (after a running
    header that the page text still holds)."""
    if page >= len(pages):
        return False
    end, start = pages[page - 1][-300:], pages[page][:600]
    return any(end.endswith(opening[:k]) and opening[k:] in start for k in range(3, len(opening)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kb")
    ap.add_argument("--sample", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-v", "--verbose", action="store_true", help="list the statements not on their cited page")
    args = ap.parse_args()
    db = sqlite3.connect(f"file:{args.kb}/records.sqlite?mode=ro", uri=True)
    rows = db.execute("SELECT s.text, s.page, f.path, d.source FROM statements s JOIN documents d ON d.id = s.document_id"
                      " JOIN files f ON f.sha256 = d.sha256 WHERE f.format = 'pdf' AND d.doc_type != 'pack'"
                      " AND length(s.text) >= 20").fetchall()
    sample = random.Random(args.seed).sample(rows, min(args.sample, len(rows)))
    counts: Counter[str] = Counter()
    for text, page, path, source in sample:
        where = place(path, page, text)
        counts[where] += 1
        if args.verbose and where != "cited page":
            print(f"  {where}: {source} p{page}: {text[:100]}")
    n = sum(counts.values())
    print(f"{n} statements from {len({r[2] for r in sample})} PDFs: " +
          ", ".join(f"{k} {v} ({v / n:.1%})" for k, v in counts.most_common()))


if __name__ == "__main__":
    main()
