"""The unit a figure in a sentence really has, where its printing says another: a rate per 10,000 printed as a share
or as a bare number, a caseload printed as a count of children, a comparator printed without the unit of the figure
it is weighed against."""

from __future__ import annotations

import re

from nlp.figure_periods import COMPARATORS
from nlp.models import Basis, Unit
from nlp.values import Value

_RATE_LABEL = re.compile(r"\bper 10,?000\b|\bper 10k\b", re.I)
_COUNTED = re.compile(r"\s+(?:children|young people|child|pupils|cases|referrals|families|households|carers|staff|"
                      r"social workers|episodes|placements|assessments|plans)\b", re.I)
_CASELOAD_IS = re.compile(r"\baverage (?:social work(?:er)? )?caseloads?"
                          r"(?: (?:for|of|per|across) (?:[\w'-]+ ){0,3}?social workers?)?\s+"
                          r"(?:is|was|were|are|of|at|stood at|averaged|remains?|has been)\s+"
                          r"(?:around |about |approximately |just |only )?$", re.I)
_LISTED_TO_RESPECTIVELY = re.compile(r"(?:\s*(?:,|and)\s*\d[\d.,]*)*\s*\)?,?\s*respectively\b", re.I)
_BORROWS_UNIT = re.compile(r"(?:that of|average (?:of|is|was)|compared (?:to|with)(?: an?| the)?(?: \w+)*|being|"
                           r"target of|rates? of)\s*$", re.I)


def about_a_rate(text: str, values: list[Value]) -> bool:
    """A sentence that names a rate per 10,000 but prints none with its unit: its bare figures may be that rate."""
    return bool(_RATE_LABEL.search(text)) and not any(v.unit is Unit.RATE for v in values)


def fixed_unit(v: Value, rate_sentence: bool, before: str, last: Value | None, text: str, basis: Basis) -> Value:
    """A % in a sentence about a rate per 10,000 is a misprinted rate, and a bare number after the rate's label is the
    rate ("The rate of children in need per 10,000 was 320", "CIN per 10k: 320"); "the average caseload was 20
    children" is cases per worker; "that of 60" takes the unit of the figure before (`last`), and so do bare
    comparators after a rate ("55 per 10,000 ... similar authorities and England (70 and 60 respectively)", "320 vs SN
    345 and England 343")."""
    if v.unit is Unit.PERCENT and rate_sentence:
        return Value(v.value, Unit.RATE, v.span, v.text, unit_mismatch=True)
    if v.unit is Unit.COUNT and rate_sentence and _RATE_LABEL.search(before) and not _COUNTED.match(text, v.span[1]):
        return Value(v.value, Unit.RATE, v.span, v.text)
    if v.unit is Unit.COUNT and _CASELOAD_IS.search(before):
        return Value(v.value, Unit.RATIO, v.span, v.text)
    if v.unit is not Unit.COUNT or last is None or last.unit is Unit.COUNT:
        return v
    if _BORROWS_UNIT.search(before) or (last.unit is Unit.RATE and (
            _LISTED_TO_RESPECTIVELY.match(text, v.span[1]) or (basis in COMPARATORS and not _COUNTED.match(text, v.span[1])))):
        return Value(v.value, last.unit, v.span, v.text, last.unit_mismatch)
    return v
