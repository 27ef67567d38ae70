"""Which figures of a paper about other council business are children's services': by the figure's own words.

A county's budget report lists its money in one sentence: "capital projects for 2025-26 include: investments in
highways (£76m), ..., additional school places (£66m), other school projects (£31m), council premises (£26m) ...". The
rule of session 41 kept every figure of a sentence that names a child anywhere, so the highways and premises sums
were given to an analyst of children's services beside the school places. A sentence's figure now keeps its place
by its own words (`figure_words`) or a heading over it that names children's services; a table row, whose label
cells and description stand apart, by its whole row as before. And a figure whose own words name adults' services
and no child is the adults' ("£40.6m into adults services", "CYPE | Adult Social Care | Review of 18-25 services"):
the children's directorate's code alone does not make a care package for a 20-year-old a children's figure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import cache

from nlp.brackets import enclosing_bracket
from nlp.domain import names_children
from nlp.models import Flag, Metric
from nlp.row_labels import sentence_bounds
from nlp.values import Value, find_values

_ADULTS = re.compile(r"\b(?:adult social care|adults(?:['’]s?)?|ASCH|older (?:people|persons))\b", re.I)
_DIRECTORATE = re.compile(r"\bCYPE\b")  # Children, Young People and Education: a directorate's code, not a child
_DESCRIPTION = 12  # a table cell of more words than this describes the row, it does not name it
_FIRST_SENTENCE = re.compile(r".+?[.!?](?=\s+[A-Z(‘“'\"])")
# where the words between two figures part: a comma, a semicolon, a conjunction, a bracket of words ("£30m (of which
# 18-25 adults: £5m)"), a sentence's end
_PARTING = re.compile(r",\s|;|\s(?:and|or|but|while|whereas)\s|\((?=\s*[^\W\d_])|\.\s+(?=[A-Z])")
_LIST_COMMA = re.compile(r",\s|;")
# between two figures, no words of their own: "£76.8m (+9.1%)", "from £4.6bn in 2017-18 to £9.0bn", "1,234, up from"
_BARE = re.compile(r"(?:[\s%()+\-–,]|\b(?:to|from|up|down|in|and|or|then|by|than)\b|\b(?:19|20)\d\d(?:[-/]\d{2,4})?\b)*", re.I)


def flag_outside(metrics: list[Metric]) -> list[Metric]:
    """In a budget book or a treasury strategy most figures are the council's money and the economy: an unmapped one
    whose own words and headings name no child is flagged, and `scrutineer metrics` leaves it out unless asked
    (`--only all`). A row that names children ("CYPE | Looked After Children | +£9.1m") is kept."""
    figures = cache(lambda quote: find_values(quote, []))  # a sentence's figures, found once for all its rows
    return [m.model_copy(update={"flags": [*m.flags, Flag.OUTSIDE_CHILDRENS_SERVICES]})
            if not m.indicator and not _childrens(m, figures) else m for m in metrics]


def _childrens(m: Metric, figures: Callable[[str], list[Value]]) -> bool:
    own = _row_label(m) if m.from_table else _sentence_words(m, figures(m.quote))
    if own is not None and _ADULTS.search(own) and not names_children(_DIRECTORATE.sub("", own)):
        return False
    if m.from_table:
        return names_children(" ".join([_described(f"{m.label} {m.quote}", m.quote), *m.section_path]))
    if own is None:
        return names_children(" ".join([m.label, m.quote, *m.section_path]))
    return names_children(own) or any(names_children(heading) for heading in m.section_path)


def _descriptions(quote: str) -> list[str]:
    """A table row's long cells, which describe the row rather than name it."""
    return [cell for cell in quote.split(" | ") if len(cell.split()) > _DESCRIPTION]


def _described(text: str, quote: str) -> str:
    """`text` with each long cell of the row cut to its first sentence, which says what the row is: a risk register's
    "Changing Government focus on funding ... Net Zero" is described over a paragraph that ends on "£2m on schools"."""
    for cell in _descriptions(quote):
        first = _FIRST_SENTENCE.match(cell)
        if first:
            text = text.replace(cell, first.group(0))
    return text


def _row_label(m: Metric) -> str:
    """A table figure's row label and column, less a long cell that describes the row."""
    label = m.label
    for cell in _descriptions(m.quote):
        label = label.replace(cell, " ")
    return label


def _sentence_words(m: Metric, values: list[Value]) -> str | None:
    """A sentence's figure's own words, after the sentence it points back to when its label carries that one; None
    where the figure is not found again in its sentence (`values`: the quote's figures)."""
    spans = [v.span for v in values]
    mine = [i for i, v in enumerate(values) if math.isclose(v.value, m.value, rel_tol=1e-9, abs_tol=1e-9)]
    if not mine:
        return None
    start = " ".join(m.quote.split())[:40]
    hangs = m.label[:m.label.find(start)] if start and m.label.find(start) > 0 else ""
    return " ".join([hangs, *(figure_words(m.quote, spans, i) for i in mine)])


def figure_words(text: str, spans: list[tuple[int, int]], i: int) -> str:
    """The words of the `i`th figure of a list sentence. The words between two figures part between them (`_parted`:
    "highways (£76m), ... additional school places (£66m)", "£6.2m into children's and £40.6m into adults
    services"). The first figure has its sentence's words before it, the last those after it. A figure inside
    brackets also has the words before them ("children were robust with small variance (0.1% on a budget of over
    £100m)"), and one printed right after another, or joined to it only by "to" and a year, shares that one's words
    ("£76.8m (+9.1%)", "from £4.6bn in 2017-18 to £9.0bn")."""
    words = ""
    while True:
        start, end = spans[i]
        before = spans[i - 1][1] if i else sentence_bounds(text, start, start)[0]
        gap = text[before:start]
        head = _parted(gap)[1] if i else gap
        tail = _parted(text[end:spans[i + 1][0]])[0] if i + 1 < len(spans) else text[end:sentence_bounds(text, end, end)[1]]
        words = f"{head}{text[start:end]}{tail} {words}"
        if i and _BARE.fullmatch(gap):
            i -= 1  # the figure before it speaks for it too
            continue
        opened = enclosing_bracket(text, start)
        if opened is not None and opened < before:  # a bracket opened before the figure before this one
            outside = [n for n, (_, e) in enumerate(spans) if e <= opened]
            lead = text[spans[outside[-1]][1] if outside else sentence_bounds(text, opened, opened)[0]:opened]
            words = f"{_parted(lead)[1] if outside else lead} {words}"
        return words


def _parted(gap: str) -> tuple[str, str]:
    """The words between two figures as the first one's (up to the first parting) and the second one's (after the
    last comma or semicolon, else after the first "and", "or" or bracket: "young people and families (£2m)" keeps its
    "young people"); both have all of them where nothing parts them."""
    first = _PARTING.search(gap)
    if first is None:
        return gap, gap
    strong = [m.end() for m in _LIST_COMMA.finditer(gap)]
    return gap[:first.start()], gap[strong[-1]:] if strong else gap[first.end():]
