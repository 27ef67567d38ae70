"""Figures listed before "respectively": each takes the basis, or the measure, printed in its place of the list
before them ("dental checks and immunisation rates at 71% and 77% respectively")."""

from __future__ import annotations

import re

from nlp.basis import BASIS_PATTERNS
from nlp.models import Basis, Unit
from nlp.taxonomy import Indicator, Taxonomy

_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_AVERAGES_AT = re.compile(r"\baverages\s+(?:at|of|were|are|stood at)\s*$", re.I)
_LIST_GAP = re.compile(r"[\s,]*(?:and\s+)?")
_SHARED = re.compile(r"^\s*(?:averages|figures|rates|levels|data)\b", re.I)  # "national averages of 18% and 15%"
_LEAD = re.compile(  # what joins the listed names to their figures: "... rates at", "... assessments ("
    r"(?:\s+(?:rates?|figures?|levels?|performance))?\s*(?:\(|\b(?:at|were|are|was|is|of|stood at|stand at|"
    r"stands at|remain at|remained at)\b)\s*$", re.I)
_CONJUNCT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_COHORT_AFTER = re.compile(r"\s+(?:for|of|among)\s+(?:our\s+|the\s+|all\s+)?(?:children|young people|care leavers)\b.*$",
                           re.I)  # "review health assessments for children in care ("
_WORDS = 5  # a listed name is short: "annual health assessments", not a clause


def listed_run(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """The values printed together just before "respectively", joined by commas or "and"; or a pair after a plural
    "averages" ("statistical neighbour and England averages at 643 and 647 days"), listed in the order of its names."""
    end = _RESPECTIVELY.search(text)
    if end is None:
        return next(([i, i + 1] for i in range(len(spans) - 1)
                     if _AVERAGES_AT.search(text[max(0, spans[i][0] - 30):spans[i][0]])
                     and re.fullmatch(r"\s*and\s*", text[spans[i][1]:spans[i + 1][0]])), [])
    before = [i for i, span in enumerate(spans) if span[1] <= end.start()]
    run = before[-1:]
    while run and run[0] > 0 and _LIST_GAP.fullmatch(text[spans[run[0] - 1][1]:spans[run[0]][0]]):
        run.insert(0, run[0] - 1)
    return run if len(run) > 1 else []


def _floor(spans: list[tuple[int, int]], run: list[int]) -> int:
    """Where the list's words can start: after the figure before it, whose words they are not."""
    return spans[run[0] - 1][1] if run[0] else 0


def respective_bases(text: str, spans: list[tuple[int, int]], run: list[int], bases: list[Basis]) -> list[Basis]:
    """"the national and statistical neighbour figures of 38% and 37% respectively": bases in printed order;
    "national averages of 18% and 15% respectively": one comparator for the whole list (`run`, from `listed_run`)."""
    if not run:
        return bases
    head = text[max(_floor(spans, run), spans[run[0]][0] - 120):spans[run[0]][0]]
    cues = sorted((m.start(), m.end(), b) for b, pattern in BASIS_PATTERNS for m in pattern.finditer(head))
    out = list(bases)
    if len(cues) >= len(run):
        for i, (_, _, basis) in zip(run, cues[-len(run):], strict=True):
            out[i] = basis
    elif len(cues) == 1 and _SHARED.match(head[cues[0][1]:]):
        for i in run:
            out[i] = cues[0][2]
    return out


def respective_indicators(text: str, spans: list[tuple[int, int]], run: list[int], units: list[Unit],
                          indicators: list[Indicator | None], taxonomy: Taxonomy) -> list[Indicator | None]:
    """Each listed value measures the name in its place of the list: "initial and annual health assessments (92% and
    97% respectively)" (a name may share the last one's head noun). Only when every name is a distinct measure."""
    if not run:
        return indicators
    floor = _floor(spans, run)
    lead = _LEAD.search(text, floor, spans[run[0]][0])
    if lead is None or len({units[i] for i in run}) > 1:
        return indicators
    listed = _COHORT_AFTER.sub("", text[floor:lead.start()])
    names = [" ".join(n.split()[-_WORDS:]) for n in _CONJUNCT.split(listed)][-len(run):]
    if len(names) < len(run):
        return indicators
    shared = " ".join(names[-1].split()[1:])  # "initial [health assessments]"
    unit = units[run[0]]
    named = [taxonomy.match(n, n, unit) or taxonomy.match(f"{n} {shared}", f"{n} {shared}", unit) for n in names]
    if None in named or len({n.id for n in named if n}) < len(named):
        return indicators
    out = list(indicators)
    for i, indicator in zip(run, named, strict=True):
        out[i] = indicator
    return out
