"""A committee of the KB named in a query's words, read as a filter: "corporate parenting panel minutes feb 2025
children missing from care" asks for the panel's papers, and the committee's words say nothing of the subject.

Which committees there are is the KB's (each paper's committee as ingest read it), so this reading needs the KB and
comes before `read_query`'s. A committee is read only where the words around its name speak of its papers or what it
did: "the panel's minutes", "minutes of the Corporate Parenting Committee", "what did the panel discuss about ...",
"discussed at the panel". "The role of the corporate parenting panel" and "what did Ofsted say about the corporate
parenting panel" make it the subject, searched as typed."""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.authorities import gazetteer
from nlp.vocabulary import plain_apostrophes
from scrutineer.query_filters import FilterKind, QueryFilter, ReadQuery, read_query
from store.records import Records

_PAPERS = r"(?:minutes|agendas?|papers|meetings?|reports?|decisions?)"
# names that are any council's whole meeting, or too short to tell from a word ("Cabinet member", "the council")
_GENERIC = {"county", "council", "city", "borough", "full", "district", "cabinet", "the"}
# Each way the words make a committee the maker of papers, as a pattern around its name (`{n}`); the group `cut` is
# what leaves the searched words with it.
_SAID: list[str] = [
    r"(?P<cut>(?<![\w-]){n}(?:['’]s?)?)\s+" + _PAPERS + r"\b",  # "the panel's minutes", "Committee minutes"
    r"\b" + _PAPERS + r"(?P<cut>\s+(?:of|to|at|from|for|by)\s+(?:the\s+)?{n})(?![\w-])",  # "minutes of the panel"
    # "what did the panel discuss about ..."
    r"(?P<cut>^\s*(?:what|how)\s+(?:did|does|do|has|have)\s+(?:the\s+)?{n}\s+(?:say|said|discuss(?:ed)?|decide(?:d)?|"
    r"consider(?:ed)?|agree(?:d)?|hear|heard|think)\b(?:\s+(?:about|on|regarding))?)",
    # "care leavers discussed at the panel"
    r"\b(?:discussed|considered|reported|presented|heard|agreed|decided|raised)(?P<cut>\s+(?:at|by|to|with)\s+"
    r"(?:the\s+)?{n})(?![\w-])",
]
# what the committee's papers are "on" once its name has gone: "reports to the panel on health" searches "health"
_ABOUT = re.compile(r"^(?:the\s+)?(?:(?:papers|meetings?|reports?|decisions?)\s+)?(?:on|about|regarding|of)\s+", re.I)
_ONLY_PAPERS = re.compile(rf"(?:the\s+)?{_PAPERS}", re.I)  # "corporate parenting committee reports": nothing to search
# Ofsted as the speaker before the committee: "what did Ofsted say about the corporate parenting panel"
_OFSTED_SPEAKS = re.compile(r"\b(?:ofsted|inspectors?)\b[^.?!]*\b(?:say|said|says|find|found|finds|think|thought|"
                            r"report(?:s|ed)?|judge[sd]?|write|wrote)\b", re.I)


def kb_committees(records: Records) -> list[str]:
    """The KB's committee names, longest first (kept until the next commit)."""
    memo = records.memo()
    if "committees" not in memo:
        names = {r[0] for r in records.db.execute("SELECT DISTINCT committee FROM documents WHERE committee != ''")
                 if r[0]}
        memo["committees"] = sorted(names, key=len, reverse=True)
    return memo["committees"]  # type: ignore[return-value]


def read_with_committee(query: str, committees: list[str], read: Callable[[str], ReadQuery] = read_query) -> ReadQuery:
    """`read(query)`, with the committee the words name as a maker of papers as one more filter, its name left out of
    the searched words. Not where Ofsted speaks of it ("what did Ofsted say about the corporate parenting panel" asks
    for Ofsted's words); where the committee's papers speak of Ofsted ("the panel's minutes on the Ofsted
    inspection"), Ofsted's words are searched, not read as its papers."""
    found = _committee_said(query, committees)
    if found is None:
        return read(query)
    rest, committee, before = found
    if _OFSTED_SPEAKS.search(before):
        return read(query)
    asked = _ABOUT.sub("", rest) or rest
    reading = read(asked)
    left = "" if reading.filters and reading.text == asked else reading.text.strip()  # "" when every word was a filter's
    ofsted = [f.words for f in reading.filters if f.kind is FilterKind.AUTHOR]  # searched, not read as Ofsted's papers
    left = " ".join([left, *dict.fromkeys(ofsted)]).strip()
    filters = [f for f in reading.filters if f.words not in ofsted]
    return reading.model_copy(update={"text": query if not left or _ONLY_PAPERS.fullmatch(left) else left,
                                      "filters": [*filters, committee]})


def _committee_said(query: str, committees: list[str]) -> tuple[str, QueryFilter, str] | None:
    """The query less the committee's words, the committee as a filter, and the words before its name."""
    plain = " ".join(plain_apostrophes(query).split())
    low = plain.lower()
    for name in committees:
        words = plain_apostrophes(name).split()
        if len(words) < 2 or all(w.lower() in _GENERIC for w in words) or " ".join(words).lower() not in low \
                or gazetteer().resolve(name) is not None:
            continue  # a council's name stays the authority's ("Kent County Council minutes")
        spelled = r"\s+".join(map(re.escape, words))
        for form in _SAID:
            m = re.search(form.replace("{n}", spelled), plain, re.I)
            if m:
                rest = f"{plain[:m.start('cut')]} {plain[m.end('cut'):]}"
                said = re.search(spelled, plain[m.start('cut'):], re.I)
                at = m.start("cut") + (said.start() if said else 0)
                return " ".join(rest.split()), QueryFilter(kind=FilterKind.COMMITTEE, value=name,
                                                           words=said.group(0) if said else name), plain[:at]
    return None
