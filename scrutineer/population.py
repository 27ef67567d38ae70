"""The population a question names: "how well children in care do at school" asks about children in care, not about
all pupils. A statement whose text, section and document title say nothing of children in care or care leavers (a
council's school-streets scheme, SEN transport, adult social care) ranks lower for such a question; one in a paper or
section about them keeps its place, though the sentence itself need not repeat the words ("The virtual school provides
strong leadership"). A question about children's social care or children's services weighs a statement outside that
service the same way."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.topics import ADOPTION as _ADOPTION
from nlp.topics import expand_query
from store.records import Records
from store.statement_rows import contexts, neighbours

# the fused score of a statement outside the population a question names is multiplied by this. First set at 0.7 on
# the probe set (bench/queries/probe.json: recall@30 0.754 -> 0.795, 0.801 at 0.5); 0.5 since a KB with a month of a
# county's council papers (budgets, schools, adults' health) showed the cost of their lines about all pupils or all
# residents: 26 probes on seeds + kent + kent-council, recall@30 up on 19 and down on none (means 0.719 -> 0.725),
# 0.35 no better (docs/benchmarks.md, session 35)
OUTSIDE_POPULATION = 0.5

# "in care" names them, not "in care homes", "care proceedings" or "income from care charges"
_NOT_IN_CARE = r"(?!\s+(?:homes?|proceedings|settings?|charges?|work\w*|sector|providers?|staff|market|act)\b)"
_NAMED = re.compile(rf"\b(?:(?:in|from|leaving|left) care\b{_NOT_IN_CARE}|looked[- ]after|cared[- ]for|care[- ]leavers?|"
                    r"CLA|CiC|LAC|children we look after|care[- ]experienced)\b", re.I)
# what puts a statement in that population's world: its words, or its section's or paper's
_IN_CARE = re.compile(r"\b(?:in care|looked[- ]after|cared[- ]for|care[- ]leavers?|leaving care|CLA|CiC|LAC|"
                      r"corporate parent\w*|virtual school|foster\w*|residential|care[- ]experienced|placements?|"
                      rf"UASC|unaccompanied|{_ADOPTION}|pathway plans?|personal advis\w*)\b", re.I)


# adults' services by name ("Adult Social Care & Health has a projected overspend of +£35.4m", "older people (65+)
# still at home 91 days after discharge"): a county's papers report them beside children's services, in the same
# finance and performance reports, and they answer no question about children
_NAMED_ADULTS = (r"adults?['’]? social care|ASCH|older (?:people|persons?|adults)|people aged 65|65 and over|"
                 r"nursing (?:and|&) residential care|Better Care Fund|reablement|Care Act 2014")
# settings that are adults' in a council's papers, though a question may ask whether children are in them
_ADULT_SETTINGS = re.compile(r"\b(?:residential (?:or|and|&) nursing|care homes?|nursing homes?|CQC|"
                             r"Care Quality Commission)\b", re.I)
_ADULTS = re.compile(rf"\b(?:{_NAMED_ADULTS})\b|{_ADULT_SETTINGS.pattern}", re.I)
# ...unless the statement names children too: transitions to adult services, a joint MASH, an all-age service (not
# "the person and their families")
_CHILDREN = re.compile(r"\b(?:child\w*|young (?:people|persons?|adults?)|youth|care[- ]leavers?|looked[- ]after|in care|"
                       rf"foster\w*|{_ADOPTION}|(?<!their )famil\w*|pupils?|schools?|CYPE|transitions?|18[- ]25|SEND|teenage\w*|"
                       r"parent\w*|kinship|UASC|unaccompanied)\b", re.I)
# a question that does not ask about adults weighs a statement about adults' services alone by this (see "Search")
ADULTS_ONLY = 0.5


_ASKS_OF_ADULTS = re.compile(rf"\b(?:{_NAMED_ADULTS}|adults?)\b", re.I)


def adults_query(query: str) -> bool:
    """Whether a question asks about adults: their services by name, or a care home, CQC rating or the like when it
    names no child ("children going missing from care homes" is a question about children)."""
    if _ASKS_OF_ADULTS.search(query):
        return True
    return _ADULT_SETTINGS.search(query) is not None and _CHILDREN.search(query) is None


def adults_only(records: Records, texts: dict[int, str]) -> set[int]:
    """The statements among `texts` that name adults' services, and no child, young person or family, nor does the
    sentence before or after ("Overspends are reported in Adult Social Care & Health (+£35.4m) ..." is followed by
    "Underspends ... Children, Young People & Education (-£9.9m)", which a reader of children's budgets wants)."""
    alone = [sid for sid, text in texts.items() if _adults_alone(text)]
    near = {n.of for n in neighbours(records, alone) if _CHILDREN.search(n.text)}
    return set(alone) - near


@lru_cache(maxsize=1 << 16)
def _adults_alone(text: str) -> bool:
    low = text.lower()
    return _ADULTS_FOLDED.search(low) is not None and _CHILDREN_FOLDED.search(low) is None


def in_care_query(query: str) -> bool:
    return _NAMED.search(query) is not None


# a question about the service rather than the children in its care: "forecast overspend in children's social care"
_SOCIAL_CARE = re.compile(r"\bchildren['’]?s?['’]? (?:social care|social work)\b|\bCSC\b", re.I)
# ...or about children's services as a county names its directorate, schools included
_SERVICES = re.compile(r"\bchildren['’]?s?['’]? (?:services?|directorate|department)\b|\bCYPE\b|"
                       r"\bchildren,? young people (?:and|&) education\b", re.I)
# what puts a statement in the social care service's world, beside the words of children in care: its name, its
# work, its directorate ("3b Children, Young People & Education"); not schools, whose budgets a county reports beside it
_SOCIAL_CARE_WORLD = re.compile(rf"{_SOCIAL_CARE.pattern}|{_SERVICES.pattern}|\bsocial work\w*|\bchild protection|"
                                r"\bchildren in need|\bsafeguarding|integrated children['’]?s services|\bearly help|"
                                r"\bfamil(?:y|ies)\b", re.I)


def _folded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` for lowercased text, without re.I: the same matches, three times faster over these long alternations
    (a search weighs several hundred candidates with them). A capital escape (\\S, \\W) would change meaning."""
    if re.search(r"\\[A-Z]", pattern.pattern):
        raise ValueError(f"a pattern with a capital escape cannot be folded: {pattern.pattern[:60]}")
    return re.compile(pattern.pattern.lower())


_IN_CARE_FOLDED, _ADULTS_FOLDED, _CHILDREN_FOLDED, _SOCIAL_CARE_WORLD_FOLDED = (
    _folded(p) for p in (_IN_CARE, _ADULTS, _CHILDREN, _SOCIAL_CARE_WORLD))


def outside_asked(records: Records, query: str, ids: list[int]) -> set[int]:
    """The statements among `ids` outside the population the question names: children in care and care leavers, or
    (for a question about children's social care or children's services) that service. A county's finance report sets
    the children's directorate beside waste, highways, schools and adults' services; for "forecast overspend in
    children's social care" the first hits were adults' and the waste service's overspends (docs/search.md, session
    42)."""
    if in_care_query(query):
        return outside_care(records, ids)
    if _SOCIAL_CARE.search(query):
        of_service = _of_social_care
    elif _SERVICES.search(query):
        of_service = _of_childrens_services
    else:
        return set()
    alone = [sid for sid, parts in contexts(records, ids).items() if not any(map(of_service, parts))]
    # the sentence that opens a list of directorates ("Overspends are reported in Adult Social Care & Health ...") is
    # read with the next, which gives the children's directorate's figure
    near = {n.of for n in neighbours(records, alone) if of_service(n.text)}
    return set(alone) - near


@lru_cache(maxsize=1 << 16)
def _of_social_care(said: str) -> bool:
    low = said.lower()
    return _SOCIAL_CARE_WORLD_FOLDED.search(low) is not None or _IN_CARE_FOLDED.search(low) is not None


@lru_cache(maxsize=1 << 16)
def _of_childrens_services(said: str) -> bool:
    return _of_social_care(said) or _CHILDREN_FOLDED.search(said.lower()) is not None


# the words that name children in care, and the forms they expand to ("LAC", "cared for children")
_POPULATION_WORDS = frozenset({"looked", "after", "cared", "lac", "cla", "cic", "kids", "children", "child", "childrens"})


def subject_terms(query: str) -> list[str]:
    """The query's search terms less those naming children in care: for "placement instability for looked after
    children" BM25 scores "looked after children" in every line of a paper about them above the instability lines.
    Probes on seeds + kent: recall@30 0.745 -> 0.750, MRR 0.856 -> 0.868; the whole corpus, where Ofsted reports
    speak of children in need and child protection too, loses a little (docs/search.md)."""
    terms = expand_query(query)
    subject = [t for t in terms if t not in _POPULATION_WORDS]
    return subject if set(subject) - {"care"} else terms  # nothing but the population: its words are the question


def outside_care(records: Records, ids: list[int]) -> set[int]:
    """The statements among `ids` that neither say, nor sit in a section or paper that says, anything of children in
    care or care leavers."""
    return {sid for sid, parts in contexts(records, ids).items() if not any(map(_in_care, parts))}


@lru_cache(maxsize=1 << 16)
def _in_care(said: str) -> bool:
    """Of a text, a section path or a title, each remembered: a search weighs the same few hundred candidates twice,
    the next search most of them again, and a paper's sections and title stand beside each of its statements."""
    return _IN_CARE_FOLDED.search(said.lower()) is not None

