"""Evidence, not borrowing: an indicator stands only on the value's own words.

The matcher may find an indicator with help from headings and earlier sentences; this step then asks where each
of the rule's cue groups is printed. The groups that name the measure must be in the value's own evidence (its
clause or sentence, its row label and column header, the lead-in of its list or paragraph). A heading or an
earlier sentence of the same section may add only the cohort ("Children looked after in this area" over "(a rate
of 38 per 10,000)"), not in a paper hardly about children's services, and the row is then of medium confidence;
or a refinement (an age band). The words found, and where, are the row's evidence; how near, its confidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from nlp.models import Confidence, Unit
from nlp.taxonomy import Cue, Indicator, Taxonomy

CLOSE = ("clause", "label", "header")  # the value's nearest words: a match wholly here is high confidence
MEASURE = (*CLOSE, "sentence", "lead-in")  # where the measure itself must be named (a table's caption is its lead-in)
OWN = (*MEASURE, "paragraph")  # the sentence before may name the cohort ("... of children looked after. Absence fell")


@dataclass(frozen=True)
class Place:
    """A stretch of text and what it is to the value: its clause, its sentence, its row label, a heading."""

    where: str
    text: str


@dataclass(frozen=True)
class Verdict:
    evidence: str
    confidence: Confidence
    blocked: bool = False  # a qualifier the indicator's definition does not allow: the row stays unmapped


def judge(indicator: Indicator, places: list[Place], taxonomy: Taxonomy, weak_domain: bool = False) -> Verdict | None:
    """The evidence for `indicator` among `places` (nearest first), or None when its own words do not carry it."""
    found: list[tuple[str, str]] = []
    unrefined: list[str] = []  # where the measure and cohort were found: an age band from a heading lowers nothing
    measured = False
    for group, cue in taxonomy.cue_groups(indicator):
        hit = next(((p.where, m.group(0)) for p in places if (m := group.search(p.text))), None)
        if hit is None:  # a sentence-level reading ("initial and review health assessments (83% and 94% respectively)")
            measured = measured or cue is Cue.MEASURE
            found.append(("sentence", "respectively"))
            continue
        if (cue is Cue.MEASURE and hit[0] not in MEASURE) or (cue is Cue.COHORT and weak_domain and hit[0] not in OWN):
            return None  # the measure is named only in a heading or an earlier sentence: borrowed
        measured = measured or cue is Cue.MEASURE
        found.append(hit)
        if cue is not Cue.REFINER:
            unrefined.append(hit[0])
    if not measured:
        return None
    close = all(where in CLOSE for where in unrefined)
    confidence = Confidence.HIGH if close and not weak_domain else Confidence.MEDIUM
    return Verdict(_describe(found), confidence)


def qualified(verdict: Verdict | None, indicator: Indicator, unit: Unit, clause: str, stretch: str,
              taxonomy: Taxonomy, heading: str = "", sentence: str = "", antecedent: str = "") -> Verdict | None:
    """The verdict, or a blocked one when the figure's own words narrow or change what the indicator measures ("41
    young people looked after, aged 16 to 18" is not the number looked after): see nlp/qualifiers.py."""
    if verdict is None or taxonomy.qualifiers is None:
        return verdict
    block = taxonomy.qualifiers.blocking(indicator.id, unit, clause, stretch, heading, sentence, antecedent)
    return verdict if block is None else blocked(verdict, indicator, f"qualifier {block}")


def blocked(verdict: Verdict, indicator: Indicator, why: str) -> Verdict:
    """The verdict of a row that stays unmapped, its evidence saying which indicator it is not and why."""
    return Verdict(f"not {indicator.id}, {why}; {verdict.evidence}", verdict.confidence, blocked=True)


def _describe(found: list[tuple[str, str]]) -> str:
    """ "clause: 'care leavers', 'NEET'; heading: '19-21'", places in the order first found."""
    by_place: dict[str, list[str]] = {}
    for where, words in found:
        quoted = f"'{' '.join(words.split())}'"
        if quoted not in by_place.setdefault(where, []):
            by_place[where].append(quoted)
    return "; ".join(f"{where}: {', '.join(words)}" for where, words in by_place.items())
