"""Why a hit was returned: the query's words it holds, its topics, where each retriever ranked it, its scores, and
the filters read from the query. A reader can then tell a hit found by its words from one found by its meaning."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from nlp.topics import STOPWORDS, expand_query
from scrutineer.query_filters import QueryFilter
from store.records import Records
from store.statement_rows import statement_topics

TOPIC_LIST = "topic:"  # a trace's name for the vector list within a topic: "topic:placement_stability"


class Why(BaseModel):
    model_config = ConfigDict(extra="forbid")
    terms: list[str] = Field(default_factory=list, description="Query words, or their jargon forms, in the text.")
    topics: list[str] = Field(default_factory=list, description="The passage's topics (extraction rules).")
    keyword_rank: int | None = Field(None, description="Best rank of its statements in the BM25 list (1 = first).")
    vector_rank: int | None = Field(None, description="Best rank in the vector list for the query as typed.")
    feedback_rank: int | None = Field(None, description="Best rank in the vector list moved towards the top hits.")
    vocabulary_rank: int | None = Field(None, description="Best rank in the list for the domain vocabulary's phrases.")
    keyword_feedback_rank: int | None = Field(None, description="Best rank in the BM25 list for the words the first "
                                                                "hits share (`feedback_terms`).")
    feedback_terms: list[str] = Field(default_factory=list, description="Words the first hits share, searched again, "
                                                                        "that the text holds.")
    topic_rank: int | None = Field(None, description="Best rank in a vector list within a topic the question names.")
    fused_score: float = Field(0.0, description="Reciprocal-rank fusion of the lists, before any re-ranking.")
    rerank_score: float | None = Field(None, description="The second-stage re-ranker's score, when one ran.")
    filters: list[QueryFilter] = Field(default_factory=list, description="Filters read from the query's words.")
    beside: list[str] = Field(default_factory=list, description="Topics of the question (named, or shared by its "
                                                               "first hits) that a statement next to it in its section "
                                                               "carries and it does not: it voted again for them.")
    context: bool = Field(False, description="No retriever ranked it: it is read with a hit it leans on or continues "
                                             "(\"This equates to ...\" after the figure's sentence).")


@dataclass
class Trace:
    """What one search did, kept to explain its hits."""

    query: str
    filters: list[QueryFilter]
    ranks: dict[str, list[int]] = field(default_factory=dict)  # retriever -> statement ids, best first
    texts: dict[int, str] = field(default_factory=dict)
    terms: list[str] = field(default_factory=list)  # extra words searched for (vocabulary)
    feedback_terms: list[str] = field(default_factory=list)  # words the first hits share, searched again
    rerank: dict[int, float] = field(default_factory=dict)
    # worked out once per search, shared by its two fusions: substance weights, and the statements found on each topic
    weights: dict[int, float] = field(default_factory=dict)
    topical: dict[str, set[int]] = field(default_factory=dict)
    checked: dict[str, set[int]] = field(default_factory=dict)  # topic -> statements whose topics were read
    beside: dict[int, list[str]] = field(default_factory=dict)  # statement -> topics of a neighbour it lacks


def explain(records: Records, trace: Trace, passages: list[tuple[list[int], float]],
            fused: dict[int, float]) -> list[Why]:
    """One `Why` per passage (its statement ids and score)."""
    at = {name: {sid: rank for rank, sid in enumerate(ids, 1)} for name, ids in trace.ranks.items()}
    patterns = _patterns(tuple(expand_query(trace.query) + trace.terms))
    shared = _patterns(tuple(trace.feedback_terms))
    topics = statement_topics(records, [sid for ids, _ in passages for sid in ids])
    out = []
    for ids, _ in passages:
        text = " ".join(trace.texts.get(sid, "") for sid in ids)
        best = max(ids, key=lambda sid: fused.get(sid, 0.0))

        def rank(name: str, ids: list[int] = ids) -> int | None:
            found = [places[sid] for key, places in at.items() if key == name or (name.endswith(":") and
                     key.startswith(name)) for sid in ids if sid in places]
            return min(found) if found else None

        out.append(Why(terms=[w for w, p in patterns.items() if p.search(text)],
                       feedback_terms=[w for w, p in shared.items() if p.search(text)],
                       topics=sorted({t for sid in ids for t in topics.get(sid, [])}),
                       keyword_rank=rank("keyword"), vector_rank=rank("vector"), feedback_rank=rank("feedback"),
                       vocabulary_rank=rank("vocabulary"), keyword_feedback_rank=rank("keyword_feedback"),
                       topic_rank=rank(TOPIC_LIST), beside=sorted({t for sid in ids for t in trace.beside.get(sid, [])}),
                       fused_score=round(fused.get(best, 0.0), 5), rerank_score=trace.rerank.get(best), filters=trace.filters,
                       context=not any(sid in ranked for ranked in at.values() for sid in ids)))
    return out


@lru_cache(maxsize=1024)
def _patterns(terms: tuple[str, ...]) -> dict[str, re.Pattern]:
    """Each searched word (less stopwords and short ones) and the pattern that finds it, made once per query."""
    words = [w for w in dict.fromkeys(terms) if len(w) > 2 and w not in STOPWORDS]
    return {w: re.compile(rf"\b{spaced(w.rstrip('s') if len(w) > 3 else w)}\w{{0,3}}\b", re.I) for w in words}


def spaced(term: str) -> str:
    """A term's pattern; a phrase's space also as a hyphen ("well being" is printed "well-being")."""
    return re.escape(term).replace(r"\ ", "[- ]")
