"""The rest of a section where several of the first hits sit. A paper keeps to its subject within a section, so
when two of the first twenty fused statements share one, its other statements are likely on the question too, though
they share neither its words nor its vector ("Statutory partner agencies ... did not operate, especially face to
face" under "Challenges", beside the lines that name the pandemic). Over the probe and key-statement questions on
seeds + kent, the statements of such sections (of at most 30) outside the first 30 fused were relevant 7.8% of the
time: against 13.7% for those the rules tag with the question's topic, 3.5% for a tagged statement's neighbour and
0.4% for any statement (session 52, docs/search.md)."""

from __future__ import annotations

from store.records import Records
from store.statement_rows import SearchFilters, allowed_ids, positions, section_ids

SECTION_TOP = 20  # fused statements whose sections are read
SECTION_HITS = 2  # of them in one section, for the section to vote
# Statements in a section: a longer one (a scorecard, an annual report's "Foster care") ranges over many subjects.
# Seeds + kent, 586 probe and key questions pooled, recall@10 / recall@30 / MRR 0.502 / 0.771 / 0.875 -> 0.510 / 0.780
# / 0.889; sections of up to 40: 0.514 / 0.782 / 0.888, but the dev queries' recall@10 0.808 -> 0.769, a long
# section's lines above a labelled one; up to 20: 0.507 / 0.775 / 0.894.
SECTION_MOST = 30
# Half a vote, like the topic and beside lists (up to 40: a quarter 0.511 / 0.779 / 0.886, a whole 0.504 / 0.777 /
# 0.872).
SECTION_WEIGHT = 0.5


def section_list(records: Records, fused: list[tuple[int, float]], filters: SearchFilters) -> list[int]:
    """Every statement of each section holding `SECTION_HITS` of the first fused ones: sections by their statements'
    summed scores, within one its scored statements first, then the rest in reading order."""
    top = fused[:SECTION_TOP]
    places = positions(records, [sid for sid, _ in top])
    summed: dict[tuple[str, str], float] = {}
    count: dict[tuple[str, str], int] = {}
    for sid, score in top:
        if sid in places:
            key = (places[sid].document_id, places[sid].section_path)
            summed[key] = summed.get(key, 0.0) + score
            count[key] = count.get(key, 0) + 1
    scores = dict(fused)
    out: list[int] = []
    for key in sorted((k for k, n in count.items() if n >= SECTION_HITS), key=lambda k: -summed[k]):
        ids = section_ids(records, *key, SECTION_MOST) or []
        allowed = allowed_ids(records, ids, filters)
        out += sorted((sid for sid in ids if sid in allowed), key=lambda sid: -scores.get(sid, 0.0))
    return out
