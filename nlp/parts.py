"""Figures of a part, not of the cohort a measure counts: age bands, one child, codes, per-worker figures, rounding.

Inspection reports and needs assessments print a cohort's figure beside its parts' ("98% of children under five and
90% of over fives", "60 young people who ceased to be looked after, moved on to independent living", "up to 40 each");
these patterns find the parts, so the extractor leaves them unmapped instead of reading them as the whole cohort's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nlp.subjects import Found
    from nlp.taxonomy import Taxonomy
    from nlp.values import Value

AGE = (r"(?!18\b)(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
        r"sixteen|seventeen)(?![.\d])")  # not 18: under 18 are all children, over 18 all care leavers
UNDER_AGE = (  # "under five years of age", "aged over 16", "over fives": an age band no indicator holds, not "over 2 years"
    rf"(?:\b(?:aged?|age)\s+)?\b(?:under|over|below|above)\s+(?:the\s+age\s+of\s+{AGE}|{AGE}(?:\s+years?\s+(?:of\s+age|old)\b|[\s-]+years?[\s-]+olds?\b|"
    rf"[- ]?s\b|(?![\s-]*(?:years?|months?|weeks?|days?|miles?|hours?|%|per|placements?|moves?|times?|cases?|children|"
    rf"young|pupils|staff|social|workers?)\b)))|\b(?:under|over)[- ]?(?:fives|5s|tens|16s|18s)\b")
OVER_AGE = re.compile(  # "370 ... over the age of seven", "93 children under five years of age": a band of the cohort
    rf"^[^.;()]{{0,60}}?\b(?:(?:over|under|above|below)\s+the\s+age\s+of|aged?\s+(?:over|under|above|below)\s+(?:(?!18\b)\d|$))|"
    rf"^\s*(?:[\w'’-]+\s+){{0,3}}?{UNDER_AGE}", re.I)
AGE_BAND_SHARE = re.compile(  # "98% of children under the age of five", "90% of over fives", "... checks for under fives"
    rf"^\s*(?:of|for|among|in)\s+(?:all\s+|the\s+|those\s+)?(?:[\w'’-]+\s+){{0,3}}?{UNDER_AGE}", re.I)
AGE_BAND_LEAD = re.compile(rf"{UNDER_AGE}(?:\s+[\w'’-]+){{0,3}}?\s+(?:(?:was|is|were|are|at|to|of|stood at)\s+)?\(?$", re.I)
BAND_IN_MEASURE = re.compile(  # measures defined on an age band: under-fives' development checks, under-16s' stability
    r"\bdevelopment(?:al)? (?:checks?|assessments?|reviews?)|\b2\.5 (?:or more )?years", re.I)
ONE_PERSON = re.compile(
    r"^\W*(?:(?:however|in one case|for example|for instance)\s*,?\s*)?(?:one|a|another|this|that)\s+(?:young person|child|"
    r"care leaver|young (?:man|woman|mother|father|carer)|girl|boy|teenager|sibling|baby)\b(?!\s+(?:in|of)\s+(?:every|each|\d))",
    re.I)
ADOPTED_CHILDREN = re.compile(r"^\s*(?:previously\s+)?adopted\s+(?:children|child|young people)\b", re.I)  # who were
# adopted at any time, doing something else ("10 adopted children are supported with direct contact"): not adoptions
EACH = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:each|per (?:social )?worker|per (?:practitioner|member of staff))\b", re.I)
CODE = re.compile(r"\b\d{2,4}\s+[-–]\s+[A-Z][a-z]")  # "110 - Looked after/In care 130 - Refugee": a list of codes
AN_AGE = re.compile(r"\b(?:(?:become|becomes|became|becoming|turn|turns|turned|turning|reach|reaches|reached|reaching)\s+"
                    r"(?:the age of\s+)?|aged?\s+(?:over|under|above|below)\s+|(?:over|under|above|below)\s+the age of\s+)$",
                    re.I)
DURATION_PAIR = re.compile(r"^\s*(?:and|or|to|-|–)\s*\d+\s*(?:working\s+)?(?:days|weeks|months|years)\b", re.I)
AGE_RANGE_HEAD = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,3}?\d{1,2}(?:-|–)?\s*(?:and|to|or|-|–)\s*\d{1,2}[- ]?years?[- ]?olds?\b", re.I)
OF_WHOM_AFTER = re.compile(r"^\s*of\s+(?:whom|which|them|these|those)\b", re.I)
ROUNDING_RULE = re.compile(r"\brounded?\s+(?:up\s+|down\s+)?to\s+the\s+nearest\b", re.I)
ROUNDING = re.compile(r"\bnearest\s*['‘’\"]?\s*$", re.I)
WHOLE_POPULATION = re.compile(  # "the proportion of the whole Manchester population of young people in EET": everyone's
    r"\b(?:whole|general|wider|entire|overall|total)\s+(?:[A-Z][\w'’-]*\s+)?(?:population|cohort)\b", re.I)
NAMED_RATE = re.compile(  # "a vacancy rate of 31%": the figure's measure is named right before it
    r"\b(?:an?|the|its|our|their)\s+(?:[\w'’-]+\s+){1,2}?rate\s+(?:of|was|is|at|stood at)\s*\(?$", re.I)


_OF_LABEL = re.compile(  # "82% of initial conferences and ...": the noun a share is of
    r"\s*of\s+((?:[\w'’-]+\s+){0,4}?[\w'’-]+?)(?=\s+(?:and|or|were|was|are|is|had|have|has|who|which|that|within|on)\b|"
    r"\s*[,;.)]|$)", re.I)


def other_label(before: Found, v: Value, text: str, taxonomy: Taxonomy) -> bool:
    """Whether the share before named its measure in its own "of" label and `v` names another: "82% of initial
    conferences and 100% of review conferences were held within timescales" share a predicate, not a measure."""
    if before.indicator is None or before.value.unit is not v.unit:
        return False
    theirs, mine = _OF_LABEL.match(text, before.value.span[1]), _OF_LABEL.match(text, v.span[1])
    return bool(theirs and mine) and taxonomy.cued(before.indicator, theirs.group(1)) and \
        not taxonomy.cued(before.indicator, mine.group(1))
