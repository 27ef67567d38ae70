"""Display helpers for the templates: highlighted passages, citations, the timeline and the section tree.

Text from papers is escaped here before any mark-up is added, so nothing a paper contains can become HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import groupby

from markupsafe import Markup, escape

from nlp.topics import expand_query
from scrutineer.hits import dated, filed_on
from scrutineer.period_names import period_name
from scrutineer.search import Hit
from scrutineer.why import spaced
from store.metric_rows import MetricRow
from store.queries import SectionRow

_SHORT = 3  # words this short ("to", "of") are not highlighted


@lru_cache(maxsize=256)
def _pattern(query: str) -> re.Pattern | None:
    words = sorted((w for w in expand_query(query) if len(w) >= _SHORT), key=len, reverse=True)
    # the same patterns as `why.terms`: a searched phrase's space also as a hyphen ("well being", "well-being")
    return re.compile(r"\b(?:" + "|".join(spaced(w) for w in words) + r")\w*", re.I) if words else None


def highlight(text: str, query: str) -> Markup:
    """The passage, escaped, with the query's words (and the jargon they expand to) in <mark>."""
    pattern = _pattern(query)
    if pattern is None:
        return escape(text)
    out: list[str] = []  # plain strings, each escaped once, joined once (Markup.join escapes every part again)
    last = 0
    for m in pattern.finditer(text):
        out += [escape(text[last:m.start()]), "<mark>", escape(m.group()), "</mark>"]
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("".join(out))


Choices = tuple[tuple[str, str], ...]  # (value, label) of each option of a <select>


def options(choices: Choices, selected: str | tuple[str, ...] | None) -> Markup:
    """A <select>'s options, escaped, those in `selected` marked: made once per list and selection, since rendering
    a few hundred options through the template cost more CPU than the search they sit above."""
    return _options(choices, frozenset([selected] if isinstance(selected, str) else selected or ()))


@lru_cache(maxsize=1024)
def _options(choices: Choices, selected: frozenset[str]) -> Markup:
    return Markup("".join(f'<option value="{escape(v)}"{" selected" if v in selected else ""}>{escape(label)}</option>'
                          for v, label in choices))


def period(row: MetricRow) -> str:
    """The period as `compare` names it ("2023/24", "Q2 2024/25"), or as printed."""
    return period_name(row.period_start, row.period_end, row.period_label)


def unit_name(unit: str) -> str:
    return {"percent": "per cent", "rate_per_10000": "rate per 10,000 children", "gbp": "£", "count": "number"}.get(
        unit, unit.replace("_", " "))


def pages(h: Hit) -> str:
    return f"pp. {h.page}–{h.page_end}" if h.page_end > h.page else f"p. {h.page}"


@dataclass
class Meeting:
    date: str
    hits: list[tuple[int, Hit]] = field(default_factory=list)  # (rank, hit)


@dataclass
class AuthorityGroup:
    authority: str
    meetings: list[Meeting]


def timeline(hits: list[Hit]) -> list[AuthorityGroup]:
    """Hits grouped by authority, then meeting date in order (as the CLI's table), each keeping its rank."""
    ranked = sorted(enumerate(hits, 1), key=lambda rh: (rh[1].authority, filed_on(rh[1]) or date.max))
    groups = []
    for authority, items in groupby(ranked, key=lambda rh: rh[1].authority):
        meetings = [Meeting(day, list(rows)) for day, rows in groupby(items, key=lambda rh: dated(rh[1]) or "date unknown")]
        groups.append(AuthorityGroup(authority or "Authority unknown", meetings))
    return groups


@dataclass
class TreeNode:
    section: SectionRow
    children: list[TreeNode] = field(default_factory=list)


def section_tree(sections: list[SectionRow]) -> list[TreeNode]:
    """Sections nested by their path (a child's path extends its parent's)."""
    roots: list[TreeNode] = []
    nodes: dict[tuple[str, ...], TreeNode] = {}
    for s in sections:
        node = TreeNode(s)
        parent = nodes.get(tuple(s.path[:-1]))
        (parent.children if parent else roots).append(node)
        nodes[tuple(s.path)] = node
    return roots

