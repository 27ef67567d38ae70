"""Filters in the words of a query, as people type them: "care leavers NEET in Kent since 2023", "what did
Ofsted say about health assessments", "Cheshire East placement stability 2024". An authority, a year or a range
of years, and a kind of paper named in the query become filters and leave the text that is searched; a query
that names none is searched exactly as typed."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from ingest.authorities import _AMBIGUOUS, Authority, gazetteer
from ingest.metadata import OFSTED
from ingest.models import DocType
from ingest.periods import _MONTH
from store.statement_rows import SearchFilters


class FilterKind(StrEnum):
    AUTHORITY = "authority"
    NOT_AUTHORITY = "not_authority"
    FROM_YEAR = "from_year"
    TO_YEAR = "to_year"
    DOC_TYPE = "doc_type"
    AUTHOR = "author"
    LATEST = "latest"
    COMMITTEE = "committee"


class QueryFilter(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: FilterKind
    value: str = Field(description="The filter's value: an official authority name, a year, a document type, an "
                                   "author (Ofsted), a committee of the KB, or 'per authority' (each authority's "
                                   "latest paper).")
    words: str = Field(description="The words of the query it was read from.")


class ReadQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="What is searched: the query less the words that became filters.")
    filters: list[QueryFilter] = Field(default_factory=list)
    unheld: list[QueryFilter] = Field(default_factory=list, description="Years read from the query that no paper of "
                                      "the KB passes with its other filters: every year is searched instead.")

    @property
    def named_filters(self) -> bool:
        """Whether the words named any filter, held or let go: the reading is then shown."""
        return bool(self.filters or self.unheld)

    def without_years(self) -> ReadQuery:
        years = (FilterKind.FROM_YEAR, FilterKind.TO_YEAR)
        return self.model_copy(update={"filters": [f for f in self.filters if f.kind not in years],
                                       "unheld": [f for f in self.filters if f.kind in years]})

    def describe(self) -> str:
        """"authority Kent County Council (“in Kent”); years 2023– (“since 2023”)", one part per phrase."""
        parts = []
        for words in dict.fromkeys(f.words for f in self.filters):
            got = {k: [f.value for f in self.filters if f.words == words and f.kind == k] for k in FilterKind}
            said = [f"authority {' and '.join(got[FilterKind.AUTHORITY])}"] if got[FilterKind.AUTHORITY] else []
            if got[FilterKind.NOT_AUTHORITY]:
                said.append(f"not authority {' or '.join(got[FilterKind.NOT_AUTHORITY])}")
            if got[FilterKind.DOC_TYPE]:
                said.append(f"type {' or '.join(got[FilterKind.DOC_TYPE])}")
            if got[FilterKind.AUTHOR]:
                said.append(f"by {' or '.join(got[FilterKind.AUTHOR])}")
            if got[FilterKind.COMMITTEE]:
                said.append(f"committee {' or '.join(got[FilterKind.COMMITTEE])}")
            if got[FilterKind.LATEST]:
                said.append("each authority's latest paper")
            first, last = (got[FilterKind.FROM_YEAR] or [""])[0], (got[FilterKind.TO_YEAR] or [""])[0]
            if first or last:
                said.append(f"year {first}" if first == last else f"years {first}–{last}")
            parts.append(f"{', '.join(said)} (“{words}”)")
        if self.unheld:  # no paper of those years: every year searched
            parts.append(f"every year, as no paper of {ReadQuery(text='', filters=self.unheld).describe()} passes")
        return "; ".join(parts)


# Ofsted's judgements come as inspection reports and as letters after focused and monitoring visits; a council's own
# letters (a minister's reply, answers to members' questions) are letters too, not by Ofsted.
_OFSTED = [(FilterKind.DOC_TYPE, DocType.INSPECTION_REPORT.value), (FilterKind.DOC_TYPE, DocType.LETTER.value),
           (FilterKind.AUTHOR, OFSTED)]
_VISIT_LETTERS = [(FilterKind.DOC_TYPE, DocType.LETTER.value), (FilterKind.AUTHOR, OFSTED)]
_DOC_WORDS: list[tuple[re.Pattern[str], list[tuple[FilterKind, str]]]] = [
    # a focused or monitoring visit is reported in a letter, not an inspection report
    (re.compile(r"\b(?:ofsted(?:'s)? )?(?:focused|monitoring) visits?(?: (?:reports?|letters?|findings))?\b", re.I),
     _VISIT_LETTERS),
    # not "Ofsted-registered homes" nor "inspections of children's homes", which are a topic
    # ... "children's homes Ofsted 2023" is Ofsted's reports, "children's homes (Ofsted) inspections" the homes' own
    (re.compile(r"\b(?:(?<!homes )(?<!home )ofsted(?:'s)? inspect(?:ions?|ors?)|ofsted(?:'s)?(?! inspect)|ilacs|"
                r"(?<!homes )(?<!home )(?<!ofsted )(?:inspectors?|inspections?))"
                r"(?: (?:reports?|letters?|judgements?|findings))?\b"
                r"(?![- ](?:regist|rat|grade|framework|handbook|of (?:children|homes)))",
                re.I), _OFSTED),
    (re.compile(r"(?<!\d )\b(?:committee )?minutes\b(?! (?:of|per|a|each|every)\b)", re.I),
     [(FilterKind.DOC_TYPE, DocType.MINUTES.value)]),
    (re.compile(r"\b(?:performance )?score ?cards?\b", re.I), [(FilterKind.DOC_TYPE, DocType.SCORECARD.value)]),
]
# "the latest inspection", "the most recent scorecard": each authority's newest paper of that kind; the paper's word is
# left for the filters of its kind
_LATEST = re.compile(r"\b(?:the\s+)?(?:latest|most\s+recent|newest|last|current)\s+(?:(?:full|standard|short|annual)\s+)*",
                     re.I)
_QUALIFIED = re.compile(r"(?:(?:full|standard|short|annual|quarterly|performance|committee)\s+)*", re.I)
# "children's homes in Kent inspected by Ofsted as good": the homes' own inspections, a topic, not Ofsted's papers
_INSPECTED_BY = re.compile(r"\b(?:homes?|providers?|nurser(?:y|ies)|schools?)\b[^.?!]*\b(?:inspected|rated|graded|judged|"
                           r"registered)\s+(?:by|with)\s+$", re.I)
_YEAR = r"(?<![\w£$.,])20[0-4]\d(?:\s?[/-]\s?(?:\d{2}|20[0-4]\d))?(?![\d%])"
_ONE_YEAR = re.compile(r"(20[0-4]\d)(?:\s?[/-]\s?(\d{2}|20[0-4]\d))?(?![\d%])")
_NOT_A_YEAR = re.compile(r"\bact\s*$|\b(?:over|under|about|around|than|some|nearly|almost)\s*$", re.I)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s*$", re.I)
_DATED = rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\.?\s+)?{_YEAR}"  # "since april 2023", "before 1 April 2024"
# a number before what it counts ("up to 2000 children", "supported 2045 families") is no year, unless a name or a month
# stands before it ("Kent 2024 children in care", "Ofsted 2024 children looked after", "feb 2025 children missing");
# "2024 children's services" is a year wherever it stands
_COUNTED = re.compile(r"^\s+(?:children(?!['’]s)|young|people|families|carers|placements|households|staff|cases|"
                      r"referrals|pounds|hours|days|weeks)\b", re.I)
_NAME = r"(?<![\w'’])[A-Z][\w'’&.-]*"
_NAME_BEFORE = re.compile(rf"{_NAME}\s*$")
_AN_ACT = re.compile(r"^\s+act\b", re.I)  # "the 2004 Act"
# longest first: "between 2022 and 2024" before "2022"
_YEAR_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b(?:between|from)\s+{_DATED}\s+(?:and|to|until)\s+{_DATED}", re.I), "range"),
    (re.compile(rf"\b{_YEAR}\s*(?:to|until|-|–)\s*{_YEAR}", re.I), "range"),
    # not "children looked after 2021": the cohort's words, not "since"
    (re.compile(rf"\b(?:since|from|(?<!looked )(?<!cared )after|starting)\s+(?:the\s+)?(?:year\s+)?{_DATED}|"
                rf"\b{_DATED}\s+onwards?\b", re.I), "from"),
    (re.compile(rf"\b(?:before|until|till|up to|prior to|by)\s+{_DATED}", re.I), "to"),
    (re.compile(rf"(?:\b(?:in|during|for|of)\s+)?\b{_MONTH}\.?\s+{_YEAR}", re.I), "in"),  # "minutes feb 2025"
    (re.compile(rf"(?:\b(?:in|during|for|of)\s+)?(?:the\s+)?(?:financial\s+year\s+|year\s+)?{_YEAR}", re.I), "in"),
]
# "Kent but not Medway", "excluding Medway", "other than Medway": the council after it is left out, not searched
_NEGATION = r"(?:but\s+not|and\s+not|not|excluding|excluded|except(?:\s+for)?|other\s+than|apart\s+from|rather\s+than|" \
            r"leaving\s+out|without)"
_NEGATED_WORDS = rf"{_NEGATION}(?:\s+(?:in|for|at|by|from))?"  # "but not", "except in"
_NEGATED = re.compile(rf"(?:^|[\s,;(])({_NEGATED_WORDS}(?:\s+the)?\s+)$", re.I)
_LEAD = re.compile(rf"(?:\b{_NEGATED_WORDS}\s+|"
                   r"\b(?:in|for|at|by|from|across|within|of|on|according to|and|or|&)\s+|,\s*)?(?:the\s+)?$", re.I)
_FRAME = re.compile(r"^\s*(?:what|how)\s+(?:did|does|do|has|have|had|is|are|was|were)\s+(?:the\s+)?"
                    r"(?:say|said|says|find|found|report|reported|write|wrote|think|comment|judge|conclude)s?"
                    r"(?:\s+(?:about|on|of|regarding|in relation to))?\s+", re.I)
_ENGLISH_WORDS = {"Reading", "Bury", "Highland", "Highlands", "Angus", "Stirling", "Hull", "Derby", "York", "Moray"}


def read_query(query: str, literal: bool = False) -> ReadQuery:
    """The query's filters and the text left to search. Nothing changes unless a filter is found; `literal` reads
    none (the words as typed)."""
    if literal:
        return ReadQuery(text=query)
    found: list[QueryFilter] = []
    text = _take(query, _LATEST, lambda m: [QueryFilter(kind=FilterKind.LATEST, value="per authority",
                                                        words=m.group(0).strip())] if _of_a_paper(m) else [], found)
    for pattern, kinds in _DOC_WORDS:
        text = _take(text, pattern, lambda m, kinds=kinds: [] if _INSPECTED_BY.search(m.string[:m.start()]) else
                     [QueryFilter(kind=kind, value=value, words=m.group(0)) for kind, value in kinds], found)
    if not any(f.kind is FilterKind.DOC_TYPE for f in found):  # "latest" said of no paper the words go on to name
        found = [f for f in found if f.kind is not FilterKind.LATEST]
    text = _take(text, _authority_pattern(), _authority, found)
    for pattern, form in _YEAR_FORMS:
        text = _take(text, pattern, lambda m, form=form: _years(m, form, query), found)
    if not found:
        return ReadQuery(text=query)
    left = re.sub(r"\s+", " ", _FRAME.sub("", text + " ")).strip(" ,;:?.!-")
    left = re.sub(r"\s+(?:and|or|,)\s*$|^(?:on|about|of|regarding|for|in|and)\s+", "", left, flags=re.I)
    left = "" if re.fullmatch(r"(?:to|of|in|on|for|at|by|from|about|the|and|with)", left, re.I) else left  # "... visit to Kent"
    unique = list({(f.kind, f.value): f for f in reversed(found)}.values())[::-1]
    return ReadQuery(text=left or query, filters=unique)


def _of_a_paper(m: re.Match[str]) -> bool:
    """Whether "the latest" is said of a kind of paper the words name as a filter ("the latest inspection", "most
    recent minutes", "current scorecard"), not of a thing ("the last visit", "current Ofsted rating", "the latest
    report on care leavers", "latest data"): only a kind of paper says which papers are newest."""
    at = _QUALIFIED.match(m.string, m.end()).end()
    return any(pattern.match(m.string, at) and not _INSPECTED_BY.search(m.string[:m.start()]) for pattern, _ in _DOC_WORDS)


def apply_filters(read: ReadQuery, filters: SearchFilters) -> SearchFilters:
    """Options given explicitly win over the same kind of filter read from the query."""
    update: dict[str, object] = {}
    by_kind = {k: [f.value for f in read.filters if f.kind == k] for k in FilterKind}
    if by_kind[FilterKind.AUTHORITY] and not filters.authorities:
        update["authorities"] = list(dict.fromkeys(by_kind[FilterKind.AUTHORITY]))
    if by_kind[FilterKind.NOT_AUTHORITY] and not filters.authorities:
        update["excluded_authorities"] = list(dict.fromkeys(by_kind[FilterKind.NOT_AUTHORITY]))
    if by_kind[FilterKind.FROM_YEAR] and filters.year_from is None:
        update["year_from"] = min(int(y) for y in by_kind[FilterKind.FROM_YEAR])
    if by_kind[FilterKind.TO_YEAR] and filters.year_to is None:
        update["year_to"] = max(int(y) for y in by_kind[FilterKind.TO_YEAR])
    if by_kind[FilterKind.DOC_TYPE] and not filters.doc_type and not filters.doc_types:
        update["doc_types"] = list(dict.fromkeys(by_kind[FilterKind.DOC_TYPE]))
        if by_kind[FilterKind.AUTHOR] and not filters.author:
            update["author"] = by_kind[FilterKind.AUTHOR][0]
    if by_kind[FilterKind.LATEST]:
        update["latest"] = True
    if by_kind[FilterKind.COMMITTEE] and not filters.committee:
        update["committee"] = by_kind[FilterKind.COMMITTEE][0]
    return filters.model_copy(update=update)


def _take(text: str, pattern: re.Pattern[str], read, found: list[QueryFilter]) -> str:
    """`text` less each match that reads as filters (and the preposition before it)."""
    out, at = [], 0
    for m in pattern.finditer(text):
        got = read(m)
        if not got:
            continue
        out.append(_LEAD.sub("", text[at:m.start()]))
        found.extend(got)
        at = m.end()
        at += len(re.match(r"(?:['’]s?)?", text[at:]).group(0))  # "Kent's", "Leeds'"
    out.append(text[at:])
    return " ".join(s.strip() for s in out if s.strip())


_SHARED_PLACES = frozenset({"Cleveland"})
_CENTRAL = re.compile(r"\s+(?i:government|politics|politicians|parliament|mps?|ministers?)\b")


@lru_cache(maxsize=1)
def _place_names() -> dict[str, Authority]:
    """What people call a council of several places by one of them ("Brighton care leavers", "Kensington", "Poole"):
    a place of a short name joined by ",", "and", "with" or "&", where no other council has or holds that name. Only
    in a query, and only capitalised ("Bath", "Barking"): a paper names its council in full. Not "Cleveland", whose
    police force and former county cover four councils."""
    found: dict[str, list[Authority]] = {}
    for authority in {a.name: a for a in gazetteer().by_alias.values()}.values():
        places = [p.strip() for p in re.split(r",|\s+(?:and|with|&)\s+", authority.short_name)]
        for place in places if len(places) > 1 else []:
            if gazetteer().resolve(place) is None and place not in _SHARED_PLACES:
                found.setdefault(place, []).append(authority)
    return {place: held[0] for place, held in found.items() if len(held) == 1}


# The short forms people write for a county ("care leavers in Herts", "notts placement stability"), one council's
# each: not "Northants" (two councils since 2021), "Beds" or "Berks" (several). Those that are also English words
# count only capitalised ("Bucks", "Staffs", "Wilts").
_COUNTY_SHORT = {
    "Herts": "Hertfordshire", "Notts": "Nottinghamshire", "Lancs": "Lancashire", "Leics": "Leicestershire",
    "Lincs": "Lincolnshire", "Hants": "Hampshire", "Glos": "Gloucestershire", "Gloucs": "Gloucestershire",
    "Oxon": "Oxfordshire", "Cambs": "Cambridgeshire", "Worcs": "Worcestershire", "Derbys": "Derbyshire",
    "Warks": "Warwickshire", "Shrops": "Shropshire", "N Yorks": "North Yorkshire", "N. Yorks": "North Yorkshire",
    "North Yorks": "North Yorkshire", "E Sussex": "East Sussex", "W Sussex": "West Sussex",
    "Bucks": "Buckinghamshire", "Staffs": "Staffordshire", "Wilts": "Wiltshire",
}
_WORD_SHORT = frozenset({"Bucks", "Staffs", "Wilts"})
# Short forms that name no one council alone but do after a compass word ("Central Beds", "West Berks")
_COMPOUND_SHORT = {"Beds": "Bedfordshire", "Berks": "Berkshire", "Northants": "Northamptonshire"}
_COMPASS = {"North": ["N"], "South": ["S"], "East": ["E"], "West": ["W"], "Central": [], "Mid": [],
            "North East": ["NE", "North-East"], "North West": ["NW", "North-West"], "South East": ["SE", "South-East"],
            "South West": ["SW", "South-West"]}


@lru_cache(maxsize=1)
def _short_forms() -> dict[str, Authority]:
    """Each county short form, and each short way of writing a council named by a compass word and a county ("N Lincs",
    "South Glos", "NE Lincolnshire"), lower case, with its council (where the gazetteer holds it). Without the
    compounds, "North Lincs" read as Lincolnshire, a different council."""
    held = {short: gazetteer().resolve(name) for short, name in _COUNTY_SHORT.items()}
    return {short.lower(): a for short, a in {**held, **_compass_forms()}.items() if a is not None}


def _compass_forms() -> dict[str, Authority]:
    county_shorts: dict[str, list[str]] = {}
    for short, county in [*_COUNTY_SHORT.items(), *_COMPOUND_SHORT.items()]:
        county_shorts.setdefault(county, []).append(short)
    forms: dict[str, Authority] = {}
    for authority in {a.name: a for a in gazetteer().by_alias.values()}.values():
        compass = next((c for c in sorted(_COMPASS, key=len, reverse=True)
                        if authority.short_name.startswith(c + " ")), None)
        if compass is None:
            continue
        county = authority.short_name[len(compass) + 1:]
        for word in [compass, *_COMPASS[compass]]:
            for place in [county, *county_shorts.get(county, [])]:
                form = f"{word} {place}"
                if gazetteer().resolve(form) is None:
                    forms[form] = authority
    return forms


@lru_cache(maxsize=1)
def _authority_pattern() -> re.Pattern[str]:
    shorts = [s for s in [*_COUNTY_SHORT, *_compass_forms()] if s.lower() in _short_forms()]
    names = sorted([*gazetteer().by_alias, *_place_names(), *shorts], key=len, reverse=True)
    alts = []
    for n in names:
        acronym = sum(c.isupper() for c in n) >= 2 and " " not in n  # "KCC", "CoL": as printed
        exact = acronym or n in _AMBIGUOUS or n in _ENGLISH_WORDS or n in _place_names() or n in _WORD_SHORT
        alt = re.escape(n) if exact else f"(?i:{re.escape(n)})"
        # a place is not part of a longer hyphenated one: "Chester-le-Street", "Barrow-in-Furness"
        alts.append(f"(?<!-){alt}(?!-)" if n in _place_names() else alt)
    # "Royal Borough of Kingston" as well as "Kingston"; the full official name first, "Council" optional after a
    # short one
    return re.compile(r"(?<![\w&])" + _STYLED + r"(?:" + "|".join(alts) + r")(?:\s+(?i:(?:county|borough|city|"
                      r"metropolitan)\s+)?(?i:council)|\s+CC)?(?![\w&])")


_STYLED = r"(?:(?i:(?:the\s+)?(?:royal|london|metropolitan)\s+borough\s+of|(?:the\s+)?city\s+of)\s+)?"


def _authority(m: re.Match[str]) -> list[QueryFilter]:
    words = m.group(0)
    name = re.sub(r"(?i)\s+(?:(?:county|borough|city|metropolitan)\s+)?council$|\s+CC$", "", words)
    unstyled = re.sub("^" + _STYLED, "", name)
    found = gazetteer().resolve(name) or gazetteer().resolve(words) or gazetteer().resolve(unstyled) \
        or _place_names().get(unstyled) or _short_forms().get(unstyled.lower())
    if found is None:
        return []
    if _a_word_not_a_place(m, name, words) or re.search(r"(?i:\bgreater)\s+$", m.string[:m.start()]) \
            or (words == "Westminster" and _CENTRAL.match(m.string, m.end())):
        return []  # "Greater Manchester" is ten councils, not Manchester's; "Westminster government" is Whitehall
    negated = _NEGATED.search(m.string[:m.start()])
    if negated:
        return [QueryFilter(kind=FilterKind.NOT_AUTHORITY, value=found.name, words=negated.group(1) + words)]
    return [QueryFilter(kind=FilterKind.AUTHORITY, value=found.name, words=words)]


# After "Reading" or "Bury" opening a question, the words that make it the skill or the verb ("Reading age of children
# in care", "Reading and writing at key stage 2"); any other word leaves it the council ("Reading care leavers").
_AS_A_WORD = re.compile(r"\s+(?:ages?|levels?|skills?|attainment|scores?|results?|and|books?|comprehension|"
                        r"abilit(?:y|ies)|progress|recovery|support|schemes?|materials?|lists?|difficult(?:y|ies)|"
                        r"interventions?|programmes?|tests?|assessments?|standards?|for|to|with|of|the|a|an|it|them)\b",
                        re.I)


def _a_word_not_a_place(m: re.Match[str], name: str, words: str) -> bool:
    """Whether a question opens with the bare word "Reading" or "Bury" followed by a word that reads it as English.
    "Reading Borough Council care leavers" and "Reading care leavers" name the council."""
    return name in ("Reading", "Bury") and words == name and m.start() == 0 \
        and bool(_AS_A_WORD.match(m.string, m.end()))


def _named(before: str, year: str, query: str) -> bool:
    """Whether a name or a month stands right before the year: in the words left, or in `query` as typed, where a
    council or "Ofsted" before it has already been read as a filter."""
    return bool(_NAME_BEFORE.search(before) or _MONTH_BEFORE.search(before)
                or re.search(rf"{_NAME}\s+{re.escape(year)}\s", query))


def _years(m: re.Match[str], form: str, query: str) -> list[QueryFilter]:
    words = m.group(0).strip()
    first = _ONE_YEAR.search(words)
    if first is None:
        return []
    before, following = m.string[:m.start()] + words[:first.start()], m.string[m.end():]
    if _NOT_A_YEAR.search(before) or _AN_ACT.match(following) or (
            _COUNTED.match(following) and not _named(before, first.group(0), query)):
        return []  # "the Children Act 2004", "over 2000 children", "Kent had 2010 children"
    spans = [(int(a), _end_year(a, b)) for a, b in _ONE_YEAR.findall(words)]
    start, end = spans[0][0], spans[-1][1]
    # a month says which part of the year: "after March 2021" is still 2021, "before April 2024" 2024's first months
    month = _MONTH_BEFORE.search(words[:first.start()])
    whole = month is None or month.group(0).strip(" .").lower()[:3] in ("dec" if form == "from" else "jan",)
    if form == "from":
        after = words.lower().startswith("after") and whole
        return [QueryFilter(kind=FilterKind.FROM_YEAR, value=str(start + after), words=words)]
    if form == "to":
        before = words.lower().startswith(("before", "prior")) and whole
        return [QueryFilter(kind=FilterKind.TO_YEAR, value=str(start - 1 if before else end), words=words)]
    return [QueryFilter(kind=FilterKind.FROM_YEAR, value=str(start), words=words),
            QueryFilter(kind=FilterKind.TO_YEAR, value=str(end), words=words)]


def _end_year(start: str, second: str | None) -> int:
    """The last calendar year a span covers: "2024/25" runs into 2025, "2022-2024" to 2024."""
    if not second:
        return int(start)
    return int(second) if len(second) == 4 else int(start[:2] + second)
