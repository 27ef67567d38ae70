"""A statement that leans on the one before it is read with it.

"This equates to 137 connected carer households." or "However, the involvement of care leavers in the development
of their plans is inconsistent." say little alone and are rarely retrieved by their own words; the sentence before
them says what they are about. So the statement a strong hit leans on, and the one that leans on a strong hit, join
the candidates at part of its score: next to the hit they become one passage with it (scrutineer/passages.py),
otherwise they rank below it. A performance report leans the same way: a figure is followed by what it means
("Positively this is an increase from 83% in Q1."), its comparators ("Nationally, the average is 70% ..."), a
scorecard's value line ("Latest: 14.9% Target: 15%") or a table's bare rows under their header. Only these pairs,
not every neighbour: widening every hit by its neighbours found more on the probes but halved what a reader finds
per character read (bench/search_quality.py, own query set).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from store.records import Records
from store.statement_rows import SearchFilters, allowed_ids, following, neighbours

SHARE = 0.5  # of the hit's score a leaning neighbour gets (0.3 to 0.9 measured the same on the probes)
TOP = 100  # candidates whose neighbours are read
# A sentence that points to a table below it ("Table 2 below indicates the percentages ... up to date with their
# dental checks"): the table's rows of bare figures ("31.03.15 | 98% | 86%") have no words a search could match.
POINTS_TO_TABLE = re.compile(r"\btable \d+\b|\b(?:the )?table below\b", re.I)
CAPTION = re.compile(r"\s*table \d+\b", re.I)
TABLE_REACH = 12  # statements after the sentence within which its table starts
ROW_WORDS = re.compile(r"[^\W\d_]{3,}")  # a row with a word of three letters says what it is; a bare row does not
# "those" pointing back, not "those children who ...", which says whom it means
_THOSE = r"those(?! (?:[\w'’-]+ ){0,4}?(?:who|whom|whose|which|where|that)\b)"
# Words that open a sentence continuing the one before: a pronoun or determiner pointing back, or a connective.
LEANS = re.compile(rf"(?:(?:this|these|{_THOSE}|that|it|its|they|their|such|however|but|also|in addition|additionally|"
                   r"further|furthermore|as a result|therefore|consequently|similarly|despite this|"
                   # a summary or comparison of what was just said: "Overall, in 2023/24 the performance was at 94%."
                   r"overall(?=,)|(?:in|by) (?:comparison|contrast)|likewise|equally|meanwhile|"
                   # a judgement of the figure before: "Positively this is an increase from 83% in Q1."
                   r"(?!only\b|july\b|early\b|family\b)(?:\w+ly|again|while|whilst|although|though|sometimes|often),? "
                   rf"(?:this|these|that|{_THOSE}|it|they)|"
                   # a part of what was just counted: "For those aged 19 to 21, ...", "Of these, 12 ..."
                   rf"(?:for|of|among|amongst) (?:these|{_THOSE}|them)|(?:some|all|many|most|none|half|one|\d+) of "
                   rf"(?:these|{_THOSE}|them))\b|"
                   # what was just described, as its yield: "The information gathered is used to inform safety planning."
                   # ("The information provided to care leavers ..." says whose)
                   r"the (?:information|intelligence|data|feedback|learning|findings|insights?) (?:(?:gathered|collected|"
                   r"obtained|gained|received|captured|shared|provided)\b(?! (?:by|to|about|from|on|for|in|at|during|"
                   r"with)\b)|from (?:these|this|them|those|such)\b)|"
                   # a finding on what was just described: "Q2 data shows that it took on average 631 days ..."
                   r"(?:[\w/-]+ ){0,3}?(?:data|figures|information|evidence|audits?|analysis) (?:shows?|showed|"
                   r"indicates?|indicated|suggests?|suggested|demonstrates?|demonstrated|confirms?|confirmed) "
                   # not a dummy "it" ("evidence suggests that it is better for children to ...") or a time
                   r"(?:that )?(?:this|these|they|it(?! (?:is|was|will|would|remains)\b))\b"
                   r"(?! (?:year|month|quarter|week|financial|academic|calendar)\b)|"
                   # a scorecard's value line under its measure: "Latest: 14.9% Target: 15%, Floor: 20%"
                   r"(?:latest|current|previous|target|actual|outturn)\s*:\s*[<>≤≥£~]?\s*\d|"
                   # its comparators, with a share or rate: "Nationally, the average is 70% and our statistical neighbour
                   # average is 65%." ("Nationally care leavers fare worse than ..." says what it is about)
                   r"(?:nationally|regionally|the (?:national|england|english|regional) averages?|"
                   r"(?:our |the )?statistical neighbours?|compared (?:to|with))\b(?=.*\d\s*%))", re.I)


def with_context(records: Records, fused: list[tuple[int, float]], filters: SearchFilters, texts: dict[int, str],
                 weight: Callable[[str], float]) -> list[tuple[int, float]]:
    """`fused` (best first) with the leaning neighbours of its top candidates; `texts` gains theirs, and `weight`
    (the substance prior) scales their share as it scaled every other candidate."""
    scores = dict(fused)
    gains: dict[int, float] = {}
    for n in neighbours(records, [sid for sid, _ in fused[:TOP]]):
        if _leans(n.text, texts.get(n.of, ""), n.after):
            gains[n.id] = max(gains.get(n.id, 0.0), SHARE * scores[n.of] * weight(n.text))
            texts.setdefault(n.id, n.text)
    for row_id, text, share in _tables_pointed_to(records, fused[:TOP], texts):
        gains[row_id] = max(gains.get(row_id, 0.0), share * weight(text))
        texts.setdefault(row_id, text)
    if not gains:
        return fused
    for sid in allowed_ids(records, list(gains), filters):
        scores[sid] = max(scores.get(sid, 0.0), gains[sid])
    return sorted(scores.items(), key=lambda item: -item[1])


def _leans(text: str, hit: str, after: bool) -> bool:
    """Whether the neighbour `text` and the hit are read together: the neighbour after the hit leans on it, or the
    hit leans on the neighbour before it."""
    if not after:
        return LEANS.match(hit) is not None
    return LEANS.match(text) is not None or _more_rows(hit, text)


def _more_rows(row: str, after: str) -> bool:
    """A row of bare figures right under a row that names them ("2018-2019 | 31% | 45%" under the measure's header
    row): the one row next to the hit (a table pointed to by a sentence brings all its rows: `_tables_pointed_to`)."""
    return " | " in row and ROW_WORDS.search(row) is not None and " | " in after and not ROW_WORDS.search(after)


def _tables_pointed_to(records: Records, top: list[tuple[int, float]], texts: dict[int, str]) -> list[tuple[int, str, float]]:
    """The caption and bare rows of the table a strong hit points to, each with its share of the hit's score."""
    pointing = {sid: score for sid, score in top if POINTS_TO_TABLE.search(texts.get(sid, ""))}
    found: list[tuple[int, str, float]] = []
    started: set[int] = set()  # hits whose table has begun
    ended: set[int] = set()
    for n in following(records, list(pointing), TABLE_REACH):
        bare = " | " in n.text and not ROW_WORDS.search(n.text)
        if n.of in ended or (n.of in started and not bare):
            ended.add(n.of)
            continue
        if bare or CAPTION.match(n.text):
            started.add(n.of)
            found.append((n.id, n.text, SHARE * pointing[n.of]))
    return found
