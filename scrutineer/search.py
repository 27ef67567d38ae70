"""Hybrid search: SQLite FTS5 (BM25) and Chroma vectors, fused by reciprocal rank, duplicates collapsed, adjacent
statements joined into passages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from ingest.models import Place as PrintedPlace
from nlp.embed import Embedder
from nlp.question_topics import question_topics
from nlp.topics import PARTS, Topic, expand_query, topics_of
from nlp.vocabulary import related_phrases
from scrutineer.committee_words import kb_committees, read_with_committee
from scrutineer.context import with_context
from scrutineer.keyword_feedback import feedback_terms
from scrutineer.nearest import feedback, nearest, nearest_on_topic, query_vector
from scrutineer.passages import Passage, Place, merge_adjacent
from scrutineer.population import (
    ADULTS_ONLY,
    OUTSIDE_POPULATION,
    adults_only,
    adults_query,
    in_care_query,
    outside_asked,
    subject_terms,
)
from scrutineer.query_filters import FilterKind, ReadQuery, apply_filters, read_query
from scrutineer.why import TOPIC_LIST, Trace, Why, explain
from store.records import Records
from store.statement_rows import (
    SearchFilters,
    StatementHit,
    admits_none,
    beside_topics,
    hits,
    keyword_ids,
    positions,
    statement_texts,
    statement_topics,
    topic_shares,
    vector_scope,
    with_topic,
)
from store.vectors import VectorIndex

RRF_K = 60
POOL = 200  # candidates taken from each retriever
FEEDBACK = 10  # top hits whose vectors move the query, and whose shared words are searched
KEYWORD_FEEDBACK_WEIGHT = 0.15  # those words' list (0.1 to 0.25 measured: recall the same, nDCG and MRR best here)
VOCABULARY_WEIGHT = 0.5  # the vocabulary's list votes at half weight (at full weight it crowded out the query's own)
# A vector list within each topic the question names (the first two), half a vote; its statements the rules tagged
# also get the topic's own half vote. At 1.0 the topic's statements crowded out the question's own (docs/benchmarks.md, probes).
TOPIC_VECTOR_WEIGHT = 0.5
TOPIC_LISTS = 2
# A statement beside one on a topic the question names, without the tag itself, votes again within each list at half
# that list's weight: half the relevant statements the rules leave untagged sit next to a tagged one (probes and key
# statements, seeds + kent: recall@30 0.757 -> 0.770; a whole weight churned more, a quarter gained less, and only the
# first 200 of each list as candidates lost most of the gain).
BESIDE_WEIGHT = 0.5
# ... unless fewer than half of the first ten fused hits carry the topic: the question's words and vector have drifted
# off it, and the topic's list votes in full (25 probes, seeds + kent + kent-council: recall@30 up on eleven, down on
# four by 0.004 at most; the project's own set on the whole corpus unchanged).
DRIFTED_SHARE, DRIFTED_WEIGHT = 0.5, 1.0
# A question that names no topic takes the one the rules tagged on half its first 20 fused hits or more, five times its
# share of the KB. Questions stripped of their topic words: probe recall@30 0.549 -> 0.593 (13 probes); a share of 0.35
# was no better.
SHARED_TOP, SHARED_SHARE, SHARED_LIFT = 20, 0.5, 5.0
# Topics that, beside another, say what is asked of it (`_voting`); finance first: "social workers and the cost of
# agency staff" is workforce's question. The care population beside another topic is whom that topic is asked of
# ("health assessments for children entering care", "the time from a child coming into care to being adopted")
# Leaving care's work (pathway plans, personal advisers) beside another topic is whose it is ("% of care leavers in EET
# and in touch with their PA" asks of employment).
FACETS = (Topic.FINANCE.value, Topic.WORKFORCE.value, Topic.CARE_POPULATION.value, Topic.LEAVING_CARE.value)
# ...unless the question counts them
_COUNTED = re.compile(r"\b(?:numbers? of (?:children|kids|young people|looked|cared|cla|lac)|"
                      r"how many (?:\w+ ){0,2}(?:children|kids|young people)|ris(?:e|es|ing)|increas\w*|"
                      r"more (?:\w+ )?(?:children|kids|teenagers|young people|babies)|fewer|growth|growing|falling|"
                      r"reduc\w*|decreas\w*|declin\w*|trends?|population|rate of|per 10|demand)\b")
# "\d+ children" as "\d children": the same matches for `search`, found twice as fast
_FIGURE = re.compile(r"\d(?:\s*%| (?:children|young people|care leavers|carers|households)\b)", re.I)
REPEATS_CHECKED = 100  # hits checked for a passage another of its paper repeats and extends (`_unrepeated`)
TEXTS_KEPT = 1 << 16  # statements whose weight and duplicate key are remembered (by text: a KB's id may be reused)


class Hit(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    source: str
    page: int
    page_end: int = Field(description="Last page of the passage (adjacent statements are one hit).")
    section_path: list[str]
    authority: str
    committee: str
    meeting_date: date | None
    period_end: date | None = Field(None, description="End of the period the paper covers: an inspection's last day.")
    doc_type: str
    document_title: str
    part: int
    score: float
    statements: int = Field(1, description="How many adjacent statements the passage joins.")
    also_in: list[str] = Field(default_factory=list, description="Other documents printing the same statement.")
    also_at: list[PrintedPlace] = Field(default_factory=list,
                                 description="Later places in the same document printing the passage's statements again.")
    why: Why | None = Field(None, description="Why it was returned: terms, topics, ranks and scores.")


def search(records: Records, index: VectorIndex | None, embedder: Embedder | None, query: str,
           filters: SearchFilters | None = None, limit: int = 20, threshold: float = 0.0,
           literal: bool = False, expand: bool = False, read: ReadQuery | None = None) -> list[Hit]:
    """Statements about `query`, best first; `limit` 0 returns everything above `threshold`. An authority, years or
    a kind of paper named in the query become filters (options given explicitly win) unless `literal`; `expand`
    also searches the other ways papers speak of the query's topic (nlp/data/vocabulary.yaml). `read`: the query as
    `reading` read it, when the caller shows that reading too (read once, not twice)."""
    filters = filters or SearchFilters()
    read = read or reading(records, query, filters, literal)
    filters = apply_filters(read, filters)
    trace = Trace(query=read.text, filters=read.filters)
    trace.terms = related_phrases(read.text) if expand else []
    fused = _ranked(records, index, embedder, read.text, filters, max(POOL, limit * 3), trace)
    return _collapse(records, [(sid, score) for sid, score in fused if score >= threshold], trace, limit)


def reading(records: Records, query: str, filters: SearchFilters, literal: bool = False) -> ReadQuery:
    """The query's words less the filters they name, as `search` reads them (a committee of the KB where the words
    speak of its papers; years no paper passes let go)."""
    if literal or filters.committee:
        return held_filters(records, read_query(query, literal), filters)
    return held_filters(records, read_with_committee(query, kb_committees(records)), filters)


def held_filters(records: Records, read: ReadQuery, filters: SearchFilters) -> ReadQuery:
    """`read`, less the years it names when no paper of the KB passes them with its other filters ("UASC arrivals in
    Kent 2023" where Kent's papers are of 2024 and 2025): a year in the words is matched to when a paper is dated, and
    a later paper reports on that year, so an empty answer would hide what was said. The reading says so."""
    years = [f for f in read.filters if f.kind in (FilterKind.FROM_YEAR, FilterKind.TO_YEAR)]
    if not years or filters.year_from is not None or filters.year_to is not None \
            or not admits_none(records, apply_filters(read, filters)):
        return read
    wider = read.without_years()
    return read if admits_none(records, apply_filters(wider, filters)) else wider


def unmatched_filters(records: Records, read: ReadQuery, filters: SearchFilters | None = None) -> ReadQuery | None:
    """The filters `read` from a query when, with `filters`, no paper of the KB passes them ("what did Ofsted say about
    care leavers in Kent" where the KB holds no Ofsted report of Kent): an empty answer then says so, rather than
    reading as nothing said on the subject."""
    if read.filters and admits_none(records, apply_filters(read, filters or SearchFilters())):
        return read
    return None


def _ranked(records: Records, index: VectorIndex | None, embedder: Embedder | None, query: str,
            filters: SearchFilters, pool: int, trace: Trace) -> list[tuple[int, float]]:
    """Fused candidates, best first; `trace` keeps each retriever's ranks and the statements' texts."""
    topical = _voting([t.value for t in question_topics(query) if not filters.topic], query)
    # a question about children in care: its subject's words find its statements, the population's words ("looked
    # after children") would find every statement of a paper about them (docs/search.md)
    terms = subject_terms(query) if in_care_query(query) else expand_query(query)
    deep = pool * 2 if topical else pool  # the topic lists are cut from a deeper candidate list
    keyword = keyword_ids(records, terms, filters, deep)
    trace.ranks["keyword"] = keyword
    retrieved = [(keyword, 1.0)]
    if trace.terms:  # the ways papers speak of the query's topic: "stability meetings" for "placement stability"
        trace.ranks["vocabulary"] = keyword_ids(records, trace.terms, filters, deep)
        retrieved.append((trace.ranks["vocabulary"], VOCABULARY_WEIGHT))
    if index is not None and embedder is not None:
        vector = query_vector(embedder, query)
        scope = vector_scope(records, filters)  # read once, for both vector queries
        closest = nearest(records, index, vector, deep, filters, scope)
        trace.ranks["vector"] = closest
        first = _fused(records, [(keyword, 1.0), (closest, 1.0)], topical, pool, trace)
        # keyword feedback: the rarer words its best hits share ("higher" for "care leavers going to university")
        trace.feedback_terms = feedback_terms(records, trace.texts, [sid for sid, _ in first[:FEEDBACK]], terms)
        if trace.feedback_terms:
            trace.ranks["keyword_feedback"] = keyword_ids(records, trace.feedback_terms, filters, deep)
            retrieved.append((trace.ranks["keyword_feedback"], KEYWORD_FEEDBACK_WEIGHT))
        # pseudo-relevance feedback: the query moves towards its best hits, which reach the paraphrases the
        # query's own words miss ("45% of this cohort are not engaged in education ..." for "care leavers NEET")
        vector = feedback(index, vector, [sid for sid, _ in first[:FEEDBACK]])
        trace.ranks["feedback"] = nearest(records, index, vector, deep, filters, scope)
        retrieved.append((trace.ranks["feedback"], 1.0))
        if not topical and not filters.topic:  # words no rule knows: the topic most of its best hits share
            topical = _shared_topic(records, first[:SHARED_TOP])
        for t in topical[:TOPIC_LISTS]:  # the nearest among each named topic's statements: reaches those the question's words and
            # vector both miss ("3 or more placements within a 12-month period" for "keep being moved between carers")
            on_topic = nearest_on_topic(records, index, vector, deep, filters, scope, t)
            trace.ranks[f"{TOPIC_LIST}{t}"] = on_topic
            retrieved.append((on_topic, _topic_weight(records, trace, first[:FEEDBACK], t)))
    retrieved += _beside(records, trace, retrieved, topical)
    return with_context(records, _fused(records, retrieved, topical, pool, trace), filters, trace.texts, _substance)


def _beside(records: Records, trace: Trace, retrieved: list[tuple[list[int], float]],
            topical: list[str]) -> list[tuple[list[int], float]]:
    """Each list again, cut to the statements beside one on a topic the question names (or its first hits share) and
    not on it themselves: a sentence may carry on its neighbour's subject without its words ("This is mainly due to a
    small number of young people ..." after a line on placement moves), where the topic's rules cannot tag it."""
    if not topical:
        return []
    ids = list({sid for ranked, _ in retrieved for sid in ranked})
    for t, beside in beside_topics(records, ids, topical).items():
        for sid in beside - _on_topic(records, trace, ids, t):
            trace.beside.setdefault(sid, []).append(t)
    near = trace.beside.keys()
    return [([sid for sid in ranked if sid in near], weight * BESIDE_WEIGHT) for ranked, weight in retrieved]


def _voting(topical: list[str], query: str) -> list[str]:
    """The topics whose lists vote: finance or the workforce named beside another topic is what the question asks of
    that topic ("recruiting social workers and the cost of agency staff", "IRO caseloads and reviews held on time",
    "foster carer recruitment and retention"); their lists would vote for every line of a county's budget or every
    social worker vacancy (docs/search.md, session 43). Finance stands for a part of it and the rest ("the cost of
    residential placements and council tax": placement costs and the budget) is asked about itself, and votes. The
    care population beside another topic is whom it is asked of, unless the question counts them (session 44)."""
    named = topics_of(query)
    for facet in FACETS:
        if facet in topical and len(topical) > 1 and not _asked_anyway(facet, query, named):
            topical = [t for t in topical if t != facet]
    return topical


def _asked_anyway(facet: str, query: str, named: list[Topic]) -> bool:
    """Whether a facet beside another topic is asked about itself: the care population counted, or finance named by a
    part of it (placement costs) beside the rest."""
    if facet == Topic.CARE_POPULATION.value:
        return _COUNTED.search(query.lower()) is not None
    return any(whole.value == facet and part in named for part, whole in PARTS.items())


def _shared_topic(records: Records, best: list[tuple[int, float]]) -> list[str]:
    """The topic the rules tagged on at least half of `best`, as if the question had named it: pseudo-relevance
    feedback on topics ("babies placed with families who hope to adopt them" names none; its best hits are adoption's).
    It must also be five times as common among them as in the KB: in a small KB one topic may tag a sixth of it."""
    counts: dict[str, int] = {}
    for topics in statement_topics(records, [sid for sid, _ in best]).values():
        for t in topics:
            counts[t] = counts.get(t, 0) + 1
    shares = topic_shares(records)
    shared = [t for t, n in counts.items()
              if n >= SHARED_SHARE * len(best) and n >= SHARED_LIFT * shares.get(t, 1.0) * len(best)]
    return sorted(shared, key=lambda t: -counts[t])[:1]


def _topic_weight(records: Records, trace: Trace, best: list[tuple[int, float]], topic: str) -> float:
    """The topic list's weight: full when the question's words and vector have drifted off the topic it names ("do
    children in care get a say in decisions about their lives": "decisions" and "lives" find permanence and court
    lines, while the participation statements sit high in the topic's own list), else half."""
    ids = [sid for sid, _ in best]
    on = len(_on_topic(records, trace, ids, topic) & set(ids))
    return TOPIC_VECTOR_WEIGHT if on >= DRIFTED_SHARE * max(1, len(ids)) else DRIFTED_WEIGHT


def _on_topic(records: Records, trace: Trace, ids: Iterable[int], topic: str) -> set[int]:
    """The statements the rules tagged `topic` among those seen so far, `ids` included: each statement's topics are
    read once per search, not once per list and fusion."""
    on_topic = trace.topical.setdefault(topic, set())
    checked = trace.checked.setdefault(topic, set())
    unseen = list(set(ids) - checked)
    on_topic |= with_topic(records, unseen, topic)
    checked.update(unseen)
    return on_topic


def _fused(records: Records, retrieved: list[tuple[list[int], float]], topical: list[str], pool: int,
           trace: Trace) -> list[tuple[int, float]]:
    """Reciprocal-rank fusion, best first (`trace` gains the texts and weights of the statements it lacks): each
    retriever votes once, and once more within each topic the query names; the vote uses the rules' topics, which are
    precise (the similarity-broadened flags in the index serve --topic)."""
    scores: dict[int, float] = {}
    for t in topical:
        _on_topic(records, trace, (i for ranked, _ in retrieved for i in ranked), t)
    for ranked, weight in retrieved:
        votes = [ranked[:pool]]
        for t in topical:
            on_topic = trace.topical[t]
            votes.append([i for i in ranked if i in on_topic])
        for vote in votes:
            for rank, sid in enumerate(vote):
                scores[sid] = scores.get(sid, 0.0) + weight / (RRF_K + rank + 1)
    texts, weights = trace.texts, trace.weights
    texts.update(statement_texts(records, [sid for sid in scores if sid not in texts]))
    for sid in scores:
        if sid not in weights:
            weights[sid] = _substance(texts.get(sid, ""))
        scores[sid] *= weights[sid]
    for sid in outside_asked(records, trace.query, list(scores)):
        scores[sid] *= OUTSIDE_POPULATION
    if not adults_query(trace.query):
        for sid in adults_only(records, {sid: texts.get(sid, "") for sid in scores}):
            scores[sid] *= ADULTS_ONLY
    return sorted(scores.items(), key=lambda item: -item[1])


# "Corporate Parenting Update and Scorecard (Pages 51 - 60)", "Subject: Quarterly Performance Report, Quarter 3"
_ITEM_TITLE = re.compile(r"\(pages?\s+\d+(?:\s*[-\u2013]\s*\d+)?\)\s*$|^\s*(?:subject|(?:report )?title|agenda item)\s*:",
                         re.I)


@lru_cache(maxsize=TEXTS_KEPT)
def _substance(text: str) -> float:
    """Headings, table cells and broken fragments rank below sentences that say something (BM25 favours them)."""
    n, title = len(text), _ITEM_TITLE.search(text) is not None
    if n >= 30 and _FIGURE.search(text) and " | " not in text and not title:
        return 1.0  # a short line that reports a figure ("2021/22 care leavers 55% EET/45% NEET") says something
    prior = 0.6 if n < 50 else 0.8 if n < 90 else 1.0
    prior *= 0.8 if " | " in text or not text.rstrip().endswith((".", "!", "?", ")", '"', "”")) else 1.0
    # an agenda's or cover sheet's line naming a report says nothing the report does not say better
    return min(prior, 0.6) if title else prior


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=TEXTS_KEPT)
def _key(text: str) -> str:
    return _NOT_ALNUM.sub(" ", text.lower()).strip()


def _collapse(records: Records, ranked: list[tuple[int, float]], trace: Trace, limit: int) -> list[Hit]:
    """The same sentence in a report and in its pack (or two papers) is one hit listing both sources, and adjacent
    retrieved statements are one passage; only the hits returned are read in full."""
    texts = trace.texts
    groups: dict[str, list[tuple[int, float]]] = {}
    for sid, score in ranked:
        if sid in texts:
            groups.setdefault(_key(texts[sid]), []).append((sid, score))
    spots = positions(records, [sid for sid, _ in ranked if sid in texts])
    # each sentence is cited from one paper chosen the same way for all, so that neighbours stay neighbours
    cited = {min(g, key=lambda m: (spots[m[0]].part, spots[m[0]].document_id))[0]: g for g in groups.values()}
    places = {sid: Place(spots[sid].document_id, spots[sid].ord, spots[sid].section_path, len(texts[sid])) for sid in cited}
    passages = merge_adjacent([(sid, g[0][1]) for sid, g in cited.items()], places)
    chosen = _unrepeated(passages, places, texts, limit)
    rows = hits(records, [m for p in chosen for sid in p.ids for m, _ in cited[sid]])
    whys = explain(records, trace, [(p.ids, p.score) for p in chosen], dict(ranked))
    return [_hit(p, rows, [m for sid in p.ids for m, _ in cited[sid] if m != sid], why)
            for p, why in zip(chosen, whys, strict=True)]


def _unrepeated(passages: list[Passage], places: dict[int, Place], texts: dict[int, str], limit: int) -> list[Passage]:
    """The first `limit` passages (0: all), less one whose words another passage of its document repeats and extends:
    a scorecard prints a measure's label as a line and again as its table row ("Percentage of reviews completed within
    timescale ..." and "... | AMBER | AMBER"), which took two of the first ten hits. The fuller one takes the better
    place. The first `REPEATS_CHECKED` are checked whatever the limit, so a shorter limit gives the first hits of a
    longer one; past them (`--all`) passages are taken as they come, since the check is quadratic in a paper's hits."""
    chosen: list[Passage] = []
    seen: dict[str, list[tuple[int, str]]] = {}  # document -> (index in chosen, words)
    for n, passage in enumerate(passages):
        if len(chosen) >= REPEATS_CHECKED:
            chosen += passages[n:]
            break
        words = _key(" ".join(texts[sid] for sid in passage.ids))
        mine = seen.setdefault(places[passage.ids[0]].document_id, [])
        if any(words in other for _, other in mine):
            continue
        fuller = next((i for i, (_, other) in enumerate(mine) if other in words), None)
        if fuller is None:
            mine.append((len(chosen), words))
            chosen.append(passage)
            continue
        at = mine[fuller][0]
        passage.score = chosen[at].score
        chosen[at], mine[fuller] = passage, (at, words)
    return chosen if limit <= 0 else chosen[:limit]


def _hit(passage: Passage, rows: dict[int, StatementHit], others: list[int], why: Why) -> Hit:
    first = rows[passage.ids[0]]
    sources = [rows[o].source for o in others]
    return Hit(text=" ".join(rows[sid].text for sid in passage.ids), source=first.source, page=first.page,
               page_end=max(rows[sid].page_end for sid in passage.ids), section_path=first.section_path,
               authority=first.authority, committee=first.committee, meeting_date=first.meeting_date,
               period_end=first.period_end, doc_type=first.doc_type, document_title=first.document_title,
               part=first.part_index, score=round(passage.score, 5), statements=len(passage.ids),
               also_in=[o for o in dict.fromkeys(sources) if o != first.source],
               also_at=[p for sid in passage.ids for p in rows[sid].also_at], why=why)
