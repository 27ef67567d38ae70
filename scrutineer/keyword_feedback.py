"""Keyword feedback: the words a question's best first hits share, searched as one more keyword list.

The vector list's feedback moves the question's vector towards its best hits; this does the same for its words. The
first hits for "care leavers going to university" share "higher" and "virtual"; for "children who go missing from
care", "exploitation" and "return": words the question never says that reach the statements which say them and not
the question's ("3% (4) in higher education - 3 are being awarded their degree this year"). The list votes at a small
weight (scrutineer/search.py), as such words also come from the hits that were wrong ("months", "good").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache

from nlp.stop_words import english_stop_words
from nlp.topics import STOPWORDS
from store.index_terms import index_stems
from store.records import Records
from store.statement_rows import COMMON, statement_count, statement_frequencies

TERMS = 8  # words searched
SHARED = 2  # hits a word must be in (three of ten measured lower: recall@30 0.767 -> 0.773 against 0.776 for two)
# a hit that shares this much of the larger one's words with another is that hit again: a plan's table prints the same
# long cell under two row labels, and its words ("self-directed", "personalised") would pass as shared
REPEATED = 0.8
_WORD = re.compile(r"[a-z][a-z'’-]{3,}")


def feedback_terms(records: Records, texts: dict[int, str], top: list[int], asked: list[str]) -> list[str]:
    """The words most of `top` (statement ids, best first) hold and few statements of the KB do, less the question's
    own (`asked`): ranked by the hits holding each times its rarity (inverse statement frequency)."""
    unsaid = _unsaid()
    holding: Counter[str] = Counter()
    for words in _distinct([{w for w in _WORD.findall(texts.get(sid, "").lower()) if w not in unsaid} for sid in top]):
        holding.update(words)
    said = set(index_stems([w for term in asked for w in term.lower().split()]).values())
    stems = index_stems(list(holding))
    shared = [w for w, n in holding.items() if n >= SHARED and stems.get(w) not in said]  # not "home" for "homes"
    if not shared:
        return []
    df = statement_frequencies(records, shared)
    total = statement_count(records)
    kept = [w for w in shared if 0 < df.get(w, 0) <= COMMON * total]
    return sorted(kept, key=lambda w: (-holding[w] * math.log(total / (1 + df[w])), w))[:TERMS]


def _distinct(hits: list[set[str]]) -> list[set[str]]:
    """The hits' words, less a hit that repeats an earlier one: most of the words of the larger of the two are in both
    (a short hit whose words a long one holds is another statement, and counts)."""
    kept: list[set[str]] = []
    for words in filter(None, hits):
        if not any(len(words & k) >= REPEATED * max(len(words), len(k)) for k in kept):
            kept.append(words)
    return kept


@cache
def _unsaid() -> frozenset[str]:
    """Words that say nothing of a subject: "across", "however", "within" are in every paper's hits."""
    return STOPWORDS | english_stop_words()
