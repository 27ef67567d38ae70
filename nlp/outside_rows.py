"""Which figures of a paper about other council business are children's services': by the figure's own words.

A county's budget report lists its money in one sentence: "capital projects for 2025-26 include: investments in
highways (£76m), ..., additional school places (£66m), other school projects (£31m), council premises (£26m) ...". The
rule of session 41 kept every figure of a sentence that names a child anywhere, so the highways and premises sums
were given to an analyst of children's services beside the school places. A sentence's figure now keeps its place
by the words of its own clause, of the sentence's opening before its first figure ("Pressures on DSG are met by ...
a contribution (£82.3m) from the Council"), or of a heading over it that names children's services; a table row, whose
label cells and description stand apart, by its whole row as before. And a figure whose own words name adults' services
and no child is the adults' ("£40.6m into adults services", "CYPE | Adult Social Care | Review of 18-25 services"):
the children's directorate's code alone does not make a care package for a 20-year-old a children's figure.
"""

from __future__ import annotations

import math
import re

from nlp.domain import names_children
from nlp.models import Flag, Metric
from nlp.values import find_values

_ADULTS = re.compile(r"\b(?:adult social care|adults(?:['’]s?)?|ASCH|older (?:people|persons))\b", re.I)
_DIRECTORATE = re.compile(r"\bCYPE?\b")  # Children, Young People and Education: a directorate's code, not a child
_DESCRIPTION = 12  # a table cell of more words than this describes the row, it does not name it
# between two figures, no words of their own: "£76.8m (+9.1%)", "from £4.6bn in 2017-18 to £9.0bn", "1,234, up from"
_BARE = re.compile(r"(?:[\s%()+\-–,]|\b(?:to|from|up|down|in|and|or|then|by|than)\b|\b(?:19|20)\d\d(?:[-/]\d{2,4})?\b)*", re.I)


def flag_outside(metrics: list[Metric]) -> list[Metric]:
    """In a budget book or a treasury strategy most figures are the council's money and the economy: an unmapped one
    whose own words and headings name no child is flagged, and `scrutineer metrics` leaves it out unless asked
    (`--only all`). A row that names children ("CYPE | Looked After Children | +£9.1m") is kept."""
    return [m.model_copy(update={"flags": [*m.flags, Flag.OUTSIDE_CHILDRENS_SERVICES]})
            if not m.indicator and not _childrens(m) else m for m in metrics]


def _childrens(m: Metric) -> bool:
    own = _row_label(m) if m.from_table else _sentence_words(m)
    if own is not None and _ADULTS.search(own) and not names_children(_DIRECTORATE.sub("", own)):
        return False
    if m.from_table or own is None:
        return names_children(" ".join([m.label, m.quote, *m.section_path]))
    return names_children(own) or names_children(" ".join(m.section_path))


def _row_label(m: Metric) -> str:
    """A table figure's row label and column, less a long cell that describes the row."""
    label = m.label
    for cell in (c for c in m.quote.split(" | ") if len(c.split()) > _DESCRIPTION):
        label = label.replace(cell, " ")
    return label


def _sentence_words(m: Metric) -> str | None:
    """A sentence's figure's own words, after the sentence it points back to when its label carries that one; None
    where the figure is not found again in its sentence."""
    spans = [v.span for v in find_values(m.quote, [])]
    values = [v.value for v in find_values(m.quote, [])]
    mine = [i for i, v in enumerate(values) if math.isclose(v, m.value, rel_tol=1e-9, abs_tol=1e-9)]
    if not mine:
        return None
    start = " ".join(m.quote.split())[:40]
    hangs = m.label[:m.label.find(start)] if start and m.label.find(start) > 0 else ""
    return " ".join([hangs, *(figure_words(m.quote, spans, i) for i in mine)])


def figure_words(text: str, spans: list[tuple[int, int]], i: int) -> str:
    """The words of the `i`th figure of a list sentence: since the last comma after the figure before it, up to the
    first comma after it ("highways (£76m), ... waste enhancement (£71m), additional school places (£66m)").
    A figure inside brackets also has the words before them ("children were robust with small variance (0.1% on a
    budget of over £100m)"), and one printed right after another, or joined to it only by "to" and a year, shares
    that one's words ("£76.8m (+9.1%)", "from £4.6bn in 2017-18 to £9.0bn")."""
    start, end = spans[i]
    before = spans[i - 1][1] if i else 0
    head, tail = text[before:start], text[end:spans[i + 1][0] if i + 1 < len(spans) else len(text)]
    words = (_after_comma(head) if i else head) + text[start:end] + (_before_comma(tail) if i + 1 < len(spans) else tail)
    if i and _BARE.fullmatch(head):
        return figure_words(text, spans, i - 1) + " " + words
    opened = _open_bracket(text, start)
    if opened is not None and opened < before:  # a bracket opened before the figure before this one
        outside = [n for n, (_, e) in enumerate(spans) if e <= opened]
        lead = text[spans[outside[-1]][1] if outside else 0:opened]
        return (_after_comma(lead) if outside else lead) + " " + words
    return words


def _after_comma(text: str) -> str:
    cut = max(text.rfind(", "), text.rfind(";"))
    return text[cut + 1:] if cut != -1 else text


def _before_comma(text: str) -> str:
    cuts = [n for n in (text.find(", "), text.find(";")) if n != -1]
    return text[:min(cuts)] if cuts else text


def _open_bracket(text: str, at: int) -> int | None:
    """Where the bracket that `at` stands inside opens, or None."""
    depth = 0
    for n in range(at - 1, -1, -1):
        if text[n] == ")":
            depth += 1
        elif text[n] == "(":
            if depth == 0:
                return n
            depth -= 1
    return None
