"""The indicator taxonomy: facts (indicators.yaml) plus hand-written cue rules (cues.yaml).

An indicator matches a value when every cue group of its rule is found in the
text around it and its unit equals the value's unit; the most specific rule
wins, preferring cues found closest to the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml

from nlp.models import Polarity, Timing, Unit
from nlp.qualifiers import Qualifiers, load_qualifiers

DATA = Path(__file__).with_name("data")
_REFINER = re.compile(r"\{age_\w+\}")  # a group of one age band narrows a measure named elsewhere
_COHORT = {"{cla}", "{care_leaver}", "placed", "placements?", "population", "cohort"}  # who is measured, not what


class Cue(StrEnum):
    MEASURE = "measure"
    COHORT = "cohort"
    REFINER = "refiner"


@dataclass(frozen=True)
class Indicator:
    id: str
    title: str
    unit: Unit
    polarity: Polarity
    domain: str
    definition: str
    england: dict[str, float] = field(default_factory=dict)
    timing: Timing | None = None  # None where the published definition leaves it open


_SEEN_SIZE = 2_000  # texts a rule remembers its groups' hits for (cleared when full): a statement's, and its neighbours'


@dataclass(frozen=True)
class Rule:
    indicator: Indicator
    groups: tuple[re.Pattern, ...]
    veto: re.Pattern | None
    anchors: tuple[re.Pattern | None, ...]  # each group's words that name the measure itself, not the cohort it is of
    refiners: tuple[bool, ...] = ()  # groups that only narrow the measure (an age band): a heading may supply them
    _seen: dict[str, tuple[bool, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def hits(self, text: str) -> tuple[bool, ...]:
        """Which groups occur in `text`. Remembered: a sentence is asked about again for each of its values and
        each way of naming them (its words near the value, the sentence, the sentence with its context)."""
        found = self._seen.get(text)
        if found is None:
            if len(self._seen) >= _SEEN_SIZE:
                self._seen.clear()
            found = self._seen[text] = tuple(g.search(text) is not None for g in self.groups)
        return found

    def groups_in(self, text: str) -> int:
        return sum(self.hits(text))

    def cue_length(self, text: str) -> int:
        """Characters the measure's cues cover: "in-house ... family/friends" is more telling than "foster"; the
        cohort's words ("Children in Care") tell nothing about which measure it is."""
        return sum(len(m.group(0)) for a in self.anchors if a is not None and (m := a.search(text)))


class Taxonomy:
    def __init__(self, indicators: list[Indicator], rules: list[Rule], unmeasured: re.Pattern | None = None,
                 cohort: re.Pattern | None = None, rivals: list[list[str]] | None = None,
                 qualifiers: Qualifiers | None = None) -> None:
        self.indicators = {i.id: i for i in indicators}
        self.qualifiers = qualifiers  # which narrowing words each indicator's definition allows
        self._unmeasured = unmeasured
        self._cohort = cohort
        self._rivals = {i: [r for r in group if r != i] for group in rivals or [] for i in group}
        self._by_id = {r.indicator.id: r for r in rules}  # cues.yaml holds one rule per indicator
        self._by_unit: dict[Unit, list[Rule]] = {}
        for r in rules:
            self._by_unit.setdefault(r.indicator.unit, []).append(r)

    def get(self, indicator_id: str) -> Indicator | None:
        return self.indicators.get(indicator_id)

    def evidence(self, text: str, unit: Unit) -> bool:
        """Whether `text` names any indicator of this unit, even partly."""
        return any(r.groups_in(text) for r in self._by_unit.get(unit, []))

    def unmeasured(self, text: str) -> bool:
        """Whether `text` is about something no indicator measures (offending, poverty), so borrows no subject."""
        return self._unmeasured is not None and bool(self._unmeasured.search(text))

    def cohort_named(self, text: str) -> bool:
        """Whether `text` names the cohorts the indicators are of (children looked after, care leavers)."""
        return self._cohort is not None and bool(self._cohort.search(text))

    def nearest_rival(self, indicator: Indicator, near: str, at: int) -> Indicator:
        """Of measures that compete for the same words ("agency staff (34%) and ... staff turnover rate"), the one whose
        own cue (its rule's last group) is printed nearest the value at `at` in its clause, when its rule holds there."""
        best, best_distance = indicator, self._distance(indicator, near, at)
        for rival_id in self._rivals.get(indicator.id, []):
            rule = self._by_id.get(rival_id)
            if rule is None or rule.indicator.unit is not indicator.unit or rule.groups_in(near) < len(rule.groups) \
                    or (rule.veto is not None and rule.veto.search(near)):
                continue
            distance = self._distance(rule.indicator, near, at)
            if distance < best_distance:
                best, best_distance = rule.indicator, distance
        return best

    def _distance(self, indicator: Indicator, near: str, at: int) -> int:
        rule = self._by_id.get(indicator.id)
        if rule is None:
            return len(near)
        return min((at - m.end() if m.end() <= at else m.start() - at for m in rule.groups[-1].finditer(near)),
                   default=len(near))

    def excluded(self, near: str, sentence: str, unit: Unit) -> bool:
        """Whether a rule the sentence names is vetoed by the words by the value ("in residential schools (2%)"):
        the value measures what the rule excludes, so it borrows no other subject."""
        return any(r.veto is not None and r.veto.search(near) and r.groups_in(sentence) == len(r.groups)
                   for r in self._by_unit.get(unit, []))

    def vetoed(self, indicator: Indicator, text: str) -> bool:
        rule = self._by_id.get(indicator.id)
        return rule is not None and rule.veto is not None and bool(rule.veto.search(text))

    def uncued(self, indicator: Indicator, text: str) -> str:
        """`text` without the indicator's own cues: what else it says ("offences committed by [cared for] children")."""
        rule = self._by_id.get(indicator.id)
        for g in rule.groups if rule else ():
            text = g.sub(" ", text)
        return text

    def cued(self, indicator: Indicator, text: str) -> bool:
        """Whether `text` holds any of the indicator's cues: "referrals" is a cue of the referrals count."""
        rule = self._by_id.get(indicator.id)
        return rule is not None and rule.groups_in(text) > 0

    def covers(self, indicator: Indicator, text: str, span: tuple[int, int]) -> bool:
        """Whether one of the indicator's cues in `text` spans `span`: "social workers" covers "workers"."""
        rule = self._by_id.get(indicator.id)
        return rule is not None and any(m.start() <= span[0] and span[1] <= m.end()
                                        for g in rule.groups for m in g.finditer(text))

    def cue_groups(self, indicator: Indicator) -> list[tuple[re.Pattern, Cue]]:
        """Each cue group of the indicator's rule, with what it names: the measure, only the cohort ("children in
        care" beside "rate"), or only a refinement (an age band)."""
        rule = self._by_id.get(indicator.id)
        if rule is None:
            return []
        refiners = rule.refiners or (False,) * len(rule.groups)
        kinds = [Cue.REFINER if r else Cue.COHORT if a is None else Cue.MEASURE
                 for a, r in zip(rule.anchors, refiners, strict=True)]
        if Cue.MEASURE not in kinds:  # "119 care leavers age 19-21": counting the cohort is the measure
            kinds = [Cue.MEASURE if k is Cue.COHORT else k for k in kinds]
        return list(zip(rule.groups, kinds, strict=True))

    def refined_by(self, indicator: Indicator, text: str) -> bool:
        """Whether `text` holds the age band the indicator's rule narrows it to ("19 to 21-year-olds")."""
        return any(kind is Cue.REFINER and group.search(text) for group, kind in self.cue_groups(indicator))

    def general(self, context: str, unit: Unit) -> Indicator | None:
        """The broadest indicator the context names: a table's "Total" row counts the whole cohort."""
        ranked = [r for r in self._by_unit.get(unit, []) if r.groups_in(context) == len(r.groups)]
        return min(ranked, key=lambda r: len(r.groups)).indicator if ranked else None

    def match(self, near: str, sentence: str, unit: Unit, context: str = "", anchored: bool = True,
              after: str = "") -> Indicator | None:
        """Best indicator for a value: cues near it first, then in its sentence, borrowing least from `context`.

        Every cue group must occur in the sentence or the context; `anchored` demands at least one in
        the sentence (one naming the measure, not just its cohort: "in care"), so a value borrows missing detail
        from what came before, never its subject. Between equals, cues in the words `after` the value win:
        "..., 88% were up to date with their immunisations"."""
        best: tuple[int, int, int, bool, int] | None = None
        chosen = None
        wide = f"{sentence} {context}" if context else sentence
        for rule in self._by_unit.get(unit, []):
            hits = rule.hits(sentence)
            n_sentence = sum(hits)
            if context and anchored and not any(h and a is not None and a.search(sentence)
                                                for a, h in zip(rule.anchors, hits, strict=True)):
                continue  # "children in care" alone does not name the residential share
            if n_sentence < len(rule.groups) and rule.groups_in(wide) < len(rule.groups):
                continue
            n_near = rule.groups_in(near)
            if rule.veto and (rule.veto.search(near) or (n_near < len(rule.groups) and rule.veto.search(sentence))):
                continue  # a value borrowing part of its rule from beyond its clause must not be contradicted there
            # a rule the value's own clause names whole ("annual health reviews ... 100% completed") beats one it names
            # in part and the rest of the sentence completes ("..., and all ... undertake SDQs")
            score = (n_near == len(rule.groups), n_near, n_sentence, n_sentence - len(rule.groups),
                     rule.groups_in(after) > 0, rule.cue_length(wide))
            if best is None or score > best:
                best, chosen = score, rule.indicator
        return chosen


def _compile(pattern: str, terms: dict[str, str]) -> re.Pattern:
    expanded = re.sub(r"\{(\w+)\}", lambda m: f"(?:{terms[m.group(1)]})", pattern)
    return re.compile(expanded.replace("'", "['’]"), re.I)  # PDFs print "children’s homes" with a curly apostrophe


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a cue pattern: "{cla}|(?:came|entered) care" is two, not three."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        depth += {"(": 1, ")": -1}.get(ch, 0) if pattern[i - 1:i] != "\\" else 0
        if ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return [*parts, pattern[start:]]


def _measure_words(pattern: str, terms: dict[str, str]) -> re.Pattern | None:
    """A group's alternatives that name the measure: "school|{cla}" names it by "school" alone."""
    own = [a for a in _alternatives(pattern) if a not in _COHORT]
    return _compile("|".join(own), terms) if own else None


@cache
def load_taxonomy(data: Path = DATA) -> Taxonomy:
    facts = yaml.safe_load((data / "indicators.yaml").read_text(encoding="utf-8"))["indicators"]
    cues = yaml.safe_load((data / "cues.yaml").read_text(encoding="utf-8"))
    indicators = [
        Indicator(f["id"], f["title"], Unit(f["unit"]), Polarity(f["polarity"]), f["domain"], f["definition"],
                  {str(k): float(v) for k, v in (f.get("england") or {}).items()},
                  Timing(f["timing"]) if f.get("timing") else None)
        for f in facts
    ]
    by_id = {i.id: i for i in indicators}
    terms = cues["terms"]
    vetoes = cues.get("not") or {}
    rules = []
    for ind_id, groups in cues["rules"].items():
        if ind_id not in by_id:
            raise ValueError(f"cues.yaml: rule for unknown indicator {ind_id!r}")
        veto = _compile(vetoes[ind_id], terms) if ind_id in vetoes else None
        patterns = ["|".join(g) for g in groups]
        anchors = tuple(_compile(p, terms) if len(patterns) == 1 else _measure_words(p, terms) for p in patterns)
        refiners = tuple(bool(_REFINER.fullmatch(p)) for p in patterns)
        rules.append(Rule(by_id[ind_id], tuple(_compile(p, terms) for p in patterns), veto, anchors, refiners))
    unmeasured = _compile(cues["unmeasured"], terms) if cues.get("unmeasured") else None
    cohort = _compile("{cla}|{care_leaver}", terms)
    return Taxonomy(indicators, rules, unmeasured, cohort, cues.get("rivals"), load_qualifiers(data))
