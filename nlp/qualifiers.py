"""Qualifiers: the words by a figure that narrow or change its cohort or its measure (nlp/data/qualifiers.yaml).

An indicator is right for a figure only when the figure measures exactly its cohort and measure. "41 young people
looked after, aged 16 to 18" names children looked after, and "Since 2008, 110 care leavers have remained with their
foster carers" names staying put: the cue rules find the indicator, this check then asks whether the figure's own
words hold a qualifier its definition does not allow (an age band, another cohort, a team's caseload, a cumulative
window, a flow, a distance, a stage short of the outcome). Such a row stays unmapped, its value kept, its evidence
naming the qualifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatch
from functools import cache
from pathlib import Path

import yaml

from nlp.models import Unit

DATA = Path(__file__).with_name("data")
_CLAUSE_END = (r",\s|;|\s[-–—―\u0336]\s|\b(?:but|while|whereas|although)\b|"  # list dashes as printed: ―, ̶
               r"\b(?:and|which) (?:these|this|those|they|it|there)\b")  # "... and these involved": a clause of its own
_END = re.compile(_CLAUSE_END, re.I)
_PAIRED = re.compile(r"[\s%)(]*(?:to|and|or|then)?[\s%)(]*", re.I)
_BREAK = re.compile(_CLAUSE_END + r"|\band\b", re.I)  # between two figures "and" parts them too


def own_words(text: str, span: tuple[int, int], others: list[tuple[int, int]]) -> tuple[str, str]:
    """A figure's own words in its sentence: its clause, and its stretch up to the figures either side.

    The words between two figures belong to the first up to the last break (", and", ";") between them: "41 young
    people looked after, aged 16 to 18, and 126 care leavers" gives the 41 its age band; "RHAs dropped to 91.4%, under
    five development checks to 97%" does not give the 91.4% one."""
    start, end = span
    lo = max((e for s, e in others if e <= start), default=None)
    while lo is not None and _PAIRED.fullmatch(text[lo:start]):  # "from 45% to 60%": the pair shares its words
        start = min(s for s, e in others if e == lo)
        lo = max((e for s, e in others if e <= start), default=None)
    head = text[:start] if lo is None else text[lo:start]
    start = span[0]
    if lo is not None and (cuts := list(_BREAK.finditer(head))):
        head = head[cuts[-1].end():]
    hi = min((s for s, e in others if s >= end), default=len(text))
    tail = text[end:hi]
    first = _END.search(tail)
    clause = head + text[start:end] + (tail[:first.start()] if first else tail)
    if hi < len(text):
        breaks = list(_BREAK.finditer(tail))
        tail = tail[:breaks[-1].start()] if breaks else ""
    return clause, head + text[start:end] + tail


@dataclass(frozen=True)
class QualifierClass:
    name: str
    pattern: re.Pattern
    reach: str  # clause, stretch (up to the figures either side), sentence, heading (over the sentence) or antecedent
    units: frozenset[Unit] | None = None
    unless: re.Pattern | None = None
    applies: tuple[str, ...] = ()  # only these indicators' definitions rule it out (ids or shell patterns); () = all

    def concerns(self, indicator_id: str) -> bool:
        return not self.applies or any(fnmatch(indicator_id, pat) for pat in self.applies)

    def find(self, unit: Unit, clause: str, stretch: str, heading: str, sentence: str = "",
             antecedent: str = "") -> str | None:
        """The qualifying words in the figure's own text (or its sentence, its heading), or None.

        A heading's or a sentence's words are the figure's only when its own stretch names no cohort of its own
        (`unless`, read on the stretch too): "117 local authority foster carers, ... and 95 in March 2014". The
        antecedent is the sentence before one that opens "Of these,": the figure is a part of its figure."""
        if self.units is not None and unit not in self.units:
            return None
        if self.reach == "sentence" and (m := self.pattern.search(stretch)):
            return " ".join(m.group(0).split())  # named in its own words: nothing outranks it
        text = {"clause": clause, "stretch": stretch, "heading": heading, "sentence": sentence,
                "antecedent": antecedent}[self.reach]
        m = self.pattern.search(text)
        own = f"{text} {stretch}" if self.reach == "heading" else stretch if self.reach == "sentence" else text
        if m is None or (self.unless is not None and self.unless.search(own)):
            return None
        return " ".join(m.group(0).split())


class Qualifiers:
    def __init__(self, classes: list[QualifierClass], allow: dict[str, frozenset[str]]) -> None:
        self.classes = classes
        self._allow = allow

    def allowed(self, indicator_id: str) -> frozenset[str]:
        """The classes the indicator's definition allows: those of every pattern its id fits."""
        return frozenset().union(*(names for pat, names in self._allow.items() if fnmatch(indicator_id, pat)))

    def blocking(self, indicator_id: str, unit: Unit, clause: str, stretch: str = "", heading: str = "",
                 sentence: str = "", antecedent: str = "") -> str | None:
        """What blocks the indicator for a figure ("age_band: 'aged 16 to 18'"), or None when nothing does.
        `clause` is the figure's own words (with its list's lead-in, or its row label and column header);
        `stretch` reaches further, up to the figures either side (see `own_words`); `sentence` is all of it;
        `antecedent` the sentence before one that opens "Of these,", or ""."""
        allowed = self.allowed(indicator_id)
        for cls in self.classes:
            if cls.name in allowed or not cls.concerns(indicator_id):
                continue
            words = cls.find(unit, clause, stretch or clause, heading, sentence or stretch or clause, antecedent)
            if words is not None:
                return f"{cls.name}: '{words}'"
        return None


def _compile(patterns: list[str], terms: dict[str, str]) -> re.Pattern:
    """One pattern of the class's patterns; a named term ("{cohort}") is spelled out from `terms`."""
    text = "|".join(f"(?:{p})" for p in patterns)
    for name, term in terms.items():
        text = text.replace(f"{{{name}}}", f"(?:{term})")
    return re.compile(text.replace("'", "['’]"), re.I)


@cache
def load_qualifiers(data: Path = DATA) -> Qualifiers:
    spec = yaml.safe_load((data / "qualifiers.yaml").read_text(encoding="utf-8"))
    terms = spec.get("terms") or {}
    classes = [
        QualifierClass(name, _compile(c["patterns"], terms), c.get("reach", "clause"),
                       frozenset(Unit(u) for u in c["units"]) if c.get("units") else None,
                       re.compile(c["unless"], re.I) if c.get("unless") else None, tuple(c.get("applies", ())))
        for name, c in spec["classes"].items()
    ]
    names = {c.name for c in classes}
    allow = {pat: frozenset(v) for pat, v in (spec.get("allow") or {}).items()}
    unknown = set().union(*allow.values()) - names
    if unknown:
        raise ValueError(f"qualifiers.yaml: allow names unknown classes {sorted(unknown)}")
    return Qualifiers(classes, allow)
