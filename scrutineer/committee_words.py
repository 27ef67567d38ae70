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
_ABOUT = re.compile(r"^(?:(?:papers|meetings?|reports?|decisions?)\s+)?(?:on|about|regarding)\s+", re.I)


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
    the searched words. Not beside Ofsted, whose reports speak of councils' committees: "what did Ofsted say about
    the corporate parenting panel" asks for Ofsted's words."""
    found = _committee_said(query, committees)
    if found is None:
        return read(query)
    rest, committee = found
    reading = read(_ABOUT.sub("", rest) or rest)
    if any(f.kind is FilterKind.AUTHOR for f in reading.filters):
        return read(query)
    emptied = reading.filters and reading.text == (_ABOUT.sub("", rest) or rest)  # every word left was a filter's
    return reading.model_copy(update={"text": query if emptied or not reading.text.strip() else reading.text,
                                      "filters": [*reading.filters, committee]})


def _committee_said(query: str, committees: list[str]) -> tuple[str, QueryFilter] | None:
    for name in committees:
        words = name.split()
        if len(words) < 2 or all(w.lower() in _GENERIC for w in words):
            continue
        spelled = r"\s+".join(map(re.escape, words))
        for form in _SAID:
            m = re.search(form.replace("{n}", spelled), query, re.I)
            if m:
                rest = f"{query[:m.start('cut')]} {query[m.end('cut'):]}"
                said = re.search(spelled, m.group(0), re.I)
                return " ".join(rest.split()), QueryFilter(kind=FilterKind.COMMITTEE, value=name,
                                                           words=said.group(0) if said else name)
    return None
