"""A committee of the KB named in a query's words, read as a filter: "corporate parenting panel minutes feb 2025
children missing from care" asks for the panel's papers, and the committee's words say nothing of the subject.

Which committees there are is the KB's (each paper's committee as ingest read it), so this reading needs the KB and
is apart from `read_query`'s. A committee is read only where the query speaks of its papers or what it said ("the
corporate parenting panel's minutes", "what did the Children in Care Panel discuss"); "the role of the corporate
parenting panel" is a subject, searched as typed."""

from __future__ import annotations

import re

from scrutineer.query_filters import FilterKind, QueryFilter, ReadQuery
from store.records import Records

# words of a meeting's papers or of what it did: a query with one of these names the committee's papers
_ITS_PAPERS = re.compile(r"\b(?:minutes|agendas?|meetings?|papers|reports?\s+to|discuss(?:ed|es|ion)?|considered|"
                         r"decided|decisions?|said|say|says|told|heard|asked)\b", re.I)
# names that are any council's whole meeting, or too short to tell from a word ("Cabinet member", "the council")
_GENERIC = {"county", "council", "city", "borough", "full", "district", "cabinet", "the"}
_BEFORE = re.compile(r"(?:\b(?:of|to|at|by|from|in|for)\s+)?(?:the\s+)?$", re.I)
_LEAD = re.compile(r"^(?:(?:reports?|papers|minutes)\s+)?(?:on|about|of|regarding|for|in|and)\s+", re.I)
# the question's frame around the committee: "what did [the committee] discuss about ..."
_ASKED = re.compile(r"^(?:what|how)\s+(?:did|does|do|has|have|was|were)\s*$", re.I)
_DID = re.compile(r"^(?:discuss(?:ed)?|say|said|decide(?:d)?|consider(?:ed)?|hear|heard|agree(?:d)?)"
                  r"(?:\s+(?:about|on|regarding|in relation to))?\s+", re.I)


def kb_committees(records: Records) -> list[str]:
    """The KB's committee names, longest first (kept until the next commit)."""
    memo = records.memo()
    if "committees" not in memo:
        names = {r[0] for r in records.db.execute("SELECT DISTINCT committee FROM documents WHERE committee != ''")
                 if r[0]}
        memo["committees"] = sorted(names, key=len, reverse=True)
    return memo["committees"]  # type: ignore[return-value]


def with_committee(read: ReadQuery, query: str, committees: list[str]) -> ReadQuery:
    """`read` with the first committee its searched words name as a filter, those words left out, where the query
    speaks of the committee's papers."""
    if not _ITS_PAPERS.search(query):
        return read
    for name in committees:
        words = name.split()
        if len(words) < 2 or all(w.lower() in _GENERIC for w in words):
            continue
        m = re.search(r"(?<![\w-])" + r"\s+".join(map(re.escape, words)) + r"(?:['’]s?)?(?![\w-])", read.text, re.I)
        if m is None:
            continue
        before = _ASKED.sub("", _BEFORE.sub("", read.text[:m.start()]).strip())
        after = read.text[m.end():].strip()
        after = _DID.sub("", after) if not before else after
        left = _LEAD.sub("", " ".join(p for p in (before, after) if p).strip(" ,;:?.!-"))
        found = QueryFilter(kind=FilterKind.COMMITTEE, value=name, words=m.group(0))
        return read.model_copy(update={"text": left or read.text, "filters": [*read.filters, found]})
    return read
