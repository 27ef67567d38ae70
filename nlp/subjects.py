"""Which indicator a value in a sentence measures, or none: its subject, and whether it counts the whole cohort.

A value's clause names its subject first; a bare count must name part of its
subject right beside it ("557 cared for children"); parts of a cohort (a share
"of whom", a subgroup "at university", a trait "were female") are not the cohort.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.periods import Period
from nlp import parts
from nlp.basis import basis_of
from nlp.kpi_cards import is_kpi_card
from nlp.models import Basis, Unit
from nlp.taxonomy import Indicator, Taxonomy
from nlp.values import Value

_NUMBER_OF = re.compile(  # the counted noun, up to what is said of it: "number of children's homes (to 2,880)"
    r"\bnumber of ((?:[\w'’-]+ ){0,3}?[\w'’-]+)(?=\s*(?:[(),.;:]|$|\b(?:in|on|at|who|which|that|was|were|is|are|has|have|"
    r"had|to|from|for|with|and|by|rose|fell|increased|decreased)\b))", re.I)
_NO_SUBJECT = re.compile(
    r"^\s*(?:[).,;:]|$|[-–]|(?:on|in|at|by|for|from|as|to|and|or|but|which|this|compared|against|since|during|over|"
    r"between|was|were|is|are|has|have|had|will|would|with|than|up|down|per|the same (?:time|point|period|quarter|month)|"
    r"this time|last year|a year (?:ago|earlier))\b)", re.I)
_FROM_LEVEL = re.compile(r"\b(?:increase|decrease|reduction|rise|fall|drop)\s+(?:of\s+\d[\d,]*\s+)?from\s*$", re.I)
_GENERIC_HEAD = re.compile(r"^\s*(?:children|young people|child|young person|people)\b", re.I)
_OTHER_WHOLE = re.compile(
    r"^\s*of\s+(?:the\s+|our\s+|all\s+|its\s+|their\s+|net\s+|total\s+)*(?!children|child|young|care|cared|looked|"
    r"cohort|them|those|these|this|people|pupils|households|carers|cases|reviews|assessments|plans)[a-z]", re.I)
_ATTENDED = re.compile(  # "attended by 150 children", "has helped over 100 children": a service's reach, not a cohort
    r"(?:\battend(?:ed|ing)? by|\b(?:has|have|had)\s+(?:helped|supported|reached|worked with|engaged(?: with)?))\s+"
    r"(?:(?:approximately|around|about|some|over|nearly|almost|only|more than)\s+)*$", re.I)
_DENOMINATOR = re.compile(  # "looked after five of the 49 young people presenting as homeless": the group the five came from
    r"\b(?:(?!(?:19|20)\d\d\b)\d(?:[\d,.]*\d)?\s*%?|one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty)"
    r"\s+(?:out\s+)?of\s+(?:the\s+)?$", re.I)  # "only nine of 119 (7.6%) 16- and 17-year-olds have left care"
_VERB = re.compile(r"\b(?:were|are|was|is|have|has|had|live|lived|remain|remained|presenting|who|which|that)\b", re.I)
_OWN_PREDICATE = re.compile(
    r"^\s*(?:were|are|was|is|live|lived|living|have been|had been)\s+(?!looked after\b|in care\b|up\b|down\b)[a-z]", re.I)
_SOME_PART = re.compile(  # "up to 60% in some teams", "86% in Year 11": the figure of a part
    r"^\s*(?:in|for|across|among)\s+(?:some|one|certain|a few|several|individual|particular|years?\s+\d+|key stage\s+\d+)\b",
    re.I)
# "The MASH is staffed with 37% agency social workers", "in the assessment team 40% ...": one team's workforce
_ONE_TEAM = re.compile(r"\b(?:the|our|its|this)\s+(?:MASH|front door|(?!social work)(?:[\w-]+\s+){1,3}(?:team|hub|unit))\b"
                       r"(?![^.;]*\b(?:all|every|across)\b)", re.I)  # not "our social work team": the service's
_COHORT_COUNTS = {"cla_count", "cpp_count", "cin_count", "care_leavers_count"}
_PREDICATE = re.compile(  # the verb of the counted noun, not of a later clause ("... and this figure has remained")
    r"^\s*(?:\([^)]*\)\s*)?(?:(?!and\b|but\b|so\b|this\b|that\b|which\b)[\w’'-]+\s+){0,6}?(?:were|are|was|is|had|have|has)\s+"
    r"(?:not\s+|currently\s+|now\s+|also\s+|being\s+|been\s+|still\s+)*(?P<what>[a-z]+(?:\s+[a-z]+)?)", re.I)
_DEFINING = re.compile(  # what being in the cohort is
    r"looked after|in care|cared for|(?:the )?subject (?:of|to) (?:an? |the )?(?:child protection|CP\b|plans?\b|(?:interim )?"
    r"care|placement|supervision|section|special guardianship)|on\b|left care|leaving care|(?:care )?leavers?\b|"
    r"supported by (?:the )?(?:leaving care|care leavers?|personal advisers?|18)|"
    r"identified (?:through|as being formally|in)|in need|"
    r"open\b|receiving (?:a |children)|supported by (?:children|social)", re.I)
_THE_WHOLE = re.compile(r"\b(?:the|our|all|its|their|cohort of|total of)\s+$", re.I)
_OF_WHOM = re.compile(r",?\s*\bof (?:whom|which)\b", re.I)  # what follows describes a part, not the count
_OF_LEAD = re.compile(r"(?:^|[,;:]|\bthat|\bwhich)\s*of\s+(?:the\s+)?$", re.I)  # "Of 258 missing episodes, ..."
_CHILDREN_AND_YP = re.compile(r"\bchildren and young people\b", re.I)
_SAMPLE = re.compile(r"\b(?:audit(?:ed|s)?|dip[- ]sampl\w*|sample of|case (?:file )?review|survey|inspectors?\s+(?:also\s+)?"
                     r"(?:identified|found|saw|tracked|sampled|reviewed|examined|looked at))\b", re.I)
_SEEN = re.compile(r"\b(?:seen|sampled|reviewed|audited|tracked) by (?:the )?inspectors?\b|\binspectors? (?:saw|sampled)|"
                   r"\b(?:plans|cases|files|records|assessments) (?:sampled|audited)\b", re.I)
_METHOD = re.compile(r"\b(?:participants|respondents|interviewees|focus groups?)\b", re.I)  # how a study was done


def describes_sample(text: str) -> bool:
    """ "33 cases sampled by inspectors", "21 participants were managers": the counts of a study, not of a cohort."""
    return bool(_SAMPLE.search(text) or _SEEN.search(text) or _METHOD.search(text))


_QUALIFIER = re.compile(r"\(\s*(?:including|incl\.?|excluding|not including|except|e\.g\.|such as|of which)\b", re.I)
_ASIDE = re.compile(_QUALIFIER.pattern + r"[^()]*\)", re.I)
_SUB_COUNT = re.compile(r"\b(?:were|was|is|are|who|which|had|have|has|would|will)\b", re.I)
_PLURAL_HEAD = re.compile(
    r"^\s*(?:new |more |additional |further |other )?(?!(?:were|was|has|this|across|plus|less|always|thus|those|these|"
    r"includes|represents|remains)\b)([a-z]{3,}s)\b")
_BREAKDOWN = re.compile(r"\s*[A-Za-z][A-Za-z'’ -]{2,60}:\s")  # the cohort a total counts, then a colon
_BREAKDOWN_OR_DASH = re.compile(  # or a dash, in a sentence that is not a run of bullets ("- 132 live ... - 45 live")
    r"\s*[A-Za-z][A-Za-z'’ -]{2,60}:\s|\s*[A-Za-z][A-Za-z'’ -]{2,80}?\s[-–]\s")
_BRACKETED_AFTER_VERB = re.compile(  # "are on care orders (403)": the bracket counts what the verb says of them
    r"\b(?:are|were|is|was|live|lived|living|remain|remained)\s+([^()]*?)\s*\(\s*$", re.I)
_LATE = re.compile(r"\b(?:out of|outside(?: of)?|beyond|exceed\w*) (?:the )?(?:statutory )?time ?scales?\b|\boverdue\b|"
                   r"\b(?:took|taking|takes|take) (?:longer|more) than\b", re.I)
_TIMELY = re.compile(r"\bwithin (?:timescale|\d+ (?:working )?days)\b|\bup[- ]to[- ]date\b", re.I)
_LISTED = re.compile(r"(?<=[A-Za-z,] )\(\s*\d[\d.]*\s*%\s*\)")  # "placed for adoption (3%)": a label, then its share
_ALL_PEOPLE = (r"all (?!(?:[\w'’-]+\s+){0,2}?(?:looked|cared|care)\b)(?:[\w'’-]+\s+){0,2}?"
               r"(?:pupils|children|young people|students|schools)\b(?!\s+(?:looked after|in care|who are))")
_ALL_PUPILS_BEFORE = re.compile(rf"\b(?:for|of|among) {_ALL_PEOPLE}(?:\s+(?:locally|nationally|in [A-Z]\w+))?"
                                r"\s*(?:of|at|is|was|were)?\s*\(?$", re.I)
_ALL_PUPILS_AFTER = re.compile(rf"^\s*\)?\s*(?:for|of|among|across) {_ALL_PEOPLE}", re.I)
_THOSE_AGED = re.compile(r"\bfor (?:those|them|young people|children) (?:aged )?(?:under|over|below|above) \d+\b", re.I)

_REMAINING = re.compile(r"\b(?:the|a|our)\s+(?:other\s+)?remaining\s+$|\bthe rest(?: of them)?,?\s+$", re.I)
_COUNT_THEN_SHARE = re.compile(
    r"\s+(?:[\w'’-]+\s+){1,6}?\(\s*(?:(?:over|around|about|nearly|almost|approximately|just|under|some)\s+)*\d[\d.]*\s*%\s*\)"
    r"\s*(?:who\s+)?(?:were|are|was|is|had|have|has|live|lived)\b", re.I)  # "102 children looked after (over 40%) who are"
_A_PLACEMENT = re.compile(r"settings?", re.I)  # "41 in residential settings": where children live, so theirs
_PEOPLE_HEAD = re.compile(r"^\s*(?:different\s+|individual\s+)?(?:children|child|young people|young person|people)\b", re.I)
_OF_LABEL = re.compile(r"^\s*of\s+[a-z]", re.I)
_OVERALL = re.compile(r"\s*overall\b", re.I)
_SAID_OF_SHARE = re.compile(  # "8% progress to higher education, 13% enter employment or training and 34% go into ..."
    r"\d[\d.]*\s*%\s+(?:are|is|were|was|have|has|had|live|lived|(?!(?:of|in|for|at|to|and|or|on|by|from|with|compared|"
    r"against|than|higher|lower|per|rate|respectively|the|an?|this|that|which|last|previous|nationally|across|among|during|"
    r"since|over|below|above|under|within|between|overall|point|points|increase|decrease|reduction|rise|fall|target|"
    r"average|figure|level|while|whilst|but|as|so|then|now|up|down|currently|locally)\b)[a-z]+\b(?![-’']))", re.I)
_PERCENT_THEN_BRACKET = re.compile(r"\d\s*%\s*(?:of\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s*)?\(\s*$")  # "85% of homes (2,450)"
_PARTNER = re.compile(r"\([^()]*\d[^()]*\)|\([^()]*$")  # a bracket round a figure, or opening before the next one
_SUBSET = re.compile(  # "of whom 8 (5.8%)", "of whom five (45.5%)"
    r"\bof (?:whom|which)(?:\s+(?:[\d,]+|one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+teen|[a-z]+ty))?"
    r"\s*\(?\s*(?:or\s+)?$", re.I)  # "of whom 223 (or 38%)"
_OUT_OF = re.compile(  # "(67 out of 358)", "14 children out of 22 referrals": the clause ends where the next figure starts
    r"^\s*\(?\s*(?:out of|of)\s+(?:the\s+)?(?:\d|$)|^\s*(?:[\w-]+\s+){1,3}out of\s+(?:the\s+)?(?:\d|$)")
_TRAIT = re.compile(
    r"^\s*(?:(?:care leavers|young people|children)\s+)?(?:who\s+)?(?:were|are|was|is)\s+(?:also\s+|now\s+)?"
    r"(?:female|male|girls?|boys?|white|black|asian|disabled|(?:young\s+)?(?:mothers|fathers|parents))\b", re.I)
_SHARE_OF = re.compile(  # "185 (74.3%) of care leavers", "301 of its care leavers": a part of the cohort
    r"^\s*\(\s*(?:or\s+)?\d[\d.]*\s*%\s*\)\s*of\b|^\s*of\s+(?:its|their|our|the|these|those|all|whom|which)\b", re.I)
_PART_OF = re.compile(r"\(\s*(?:out of|of)\s+(?:the\s+)?$|^\W*of (?:these|those|them|this)\b", re.I)  # "39 (of the 78)"
_NEGATED = re.compile(r"\b(?:are|were|is|was|did|do|does|have|has|had|known|being)\s+(?:\w+\s+)?(?:not|never)\b(?! only\b)",
                      re.I)
_SUBGROUP = re.compile(  # "24 care leavers at university", "16 young people in custody": a part of the cohort
    r"^\s*(?:former |current |of our |of these |more )?(?:care leavers|young people|children|young adults)\s+(?:who\s+)?"
    r"(?:(?:are|were|is|currently|now|being|have|had|well|supported)\s+)*(?:at|attending|studying(?: at| for)?|in|on|"
    r"going to|went to|gone to|started(?: at)?)\s+(?:a\s+|the\s+)?(?:universit|higher education|degree|college|"
    r"further education|custody|prison|apprenticeship)\w*", re.I)
_CARERS = re.compile(r"^\s*(?:(?:local authority|in-house|in house|approved|mainstream|internal|own|council|registered)\s+)*"
                     r"(?:foster\s+)?carers\b", re.I)
_HOMES = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?children['’]?s\s+(?:homes?|centres?|services?)\b", re.I)
_NUMERATOR = re.compile(r"\d%\)?\s*\(\d[\d,]*\)|\(\d[\d,]*\)\s*\d|\d[\d,]*\s*\(\d[\d.]*%\)")
_FOREIGN_NOUN = re.compile(
    r"\b(?:beds?|cases?|households?|posts?|staff|workers?|vacanc(?:y|ies)|carers?|referrals?|assessments?|plans?|visits?|"
    r"reviews?|contacts?|families|family|homes?|settings?|schools?|bases?|areas?|places?|sessions?|meetings?|audits?|"
    r"complaints?|applications?|enquiries|teams?|units?|providers?|hubs?|letters?|calls?|notifications?|interviews?|"
    r"conferences?|events?|courses?|reports?|checks?|individuals|apprenticeships?|trainees?)\b", re.I)

# a figure's noun, then the target set for it: "90 child in need cases with a target of", "613 households against a
# target of" (`before` may start at the figure, the words since the value before)
_TARGET_OF = re.compile(r"(?:^|\d[\d,]*)\s+(?P<noun>(?:[\w-]+\s+){0,4}?[\w-]+)\s+(?:with|against|and)\s+(?:a|an|the)\s+"
                        r"(?:[\w-]+\s+){0,2}?target\s+of\s*$", re.I)


@dataclass
class Found:
    value: Value
    indicator: Indicator | None
    basis: Basis
    period: Period | None
    earlier: bool = False  # "reduced from 13% to 10.3%": the first figure is of an earlier date, dated only if printed
    near: str = ""  # the value's own clause: the words since the figure before it and up to the next
    undated: bool = False  # "12% across the three-year average": a span of years the text does not give


def indicator_for(v: Value, near: str, text: str, context: str, taxonomy: Taxonomy, found: list[Found],
                  previous: list[Found], after: str, own: str = "") -> Indicator | None:
    """The indicator `v` measures, or None. A sentence about work done late ("27% were out of timescale in June,
    rising to 42% in July") reports the misses, not the timeliness measure its words name."""
    if len(parts.CODE.findall(text)) > 2 and parts.CODE.match(text, v.span[0]):
        return None  # "160 - Care leaver 170 - Supervised by YOT": a code, not a figure
    if parts.ROUNDING.search(text, 0, v.span[0]) or parts.ROUNDING_RULE.search(text):
        return None  # "Ofsted round to the nearest '5' children looked after", "rounded ... if they exceed 1,000": a rule
    indicator = _named_indicator(v, near, text, context, taxonomy, found, previous, after, own or text)
    if indicator is not None and _LATE.search(text) and _TIMELY.search(indicator.title):
        return None
    if indicator is not None and v.unit is Unit.PERCENT and _NEGATED.search(after) and " not " not in f" {indicator.title} ":
        return None  # "75% of children did not receive ... within timescales": the share that missed it
    return indicator


def _named_indicator(v: Value, near: str, text: str, context: str, taxonomy: Taxonomy, found: list[Found],
                     previous: list[Found], after: str, own: str) -> Indicator | None:
    """Named in the value's clause or sentence; else continued from the value before (only when the
    sentence names nothing itself: "This is a decline from 38% in Q1"); else borrowed from the context.
    A bare count must name part of its subject right beside it ("557 cared for children")."""
    if is_kpi_card(text):  # "Latest: 613 Target: 700": the card's title, printed above it, names the measure
        return taxonomy.match(near, text, v.unit) or taxonomy.match(context, context, v.unit)
    if _REMAINING.search(text[: v.span[0]]):
        return None  # "The remaining 22 children are cared for": the rest of a total, not the measure
    if v.unit in (Unit.COUNT, Unit.GBP):
        return _whole_count_indicator(v, near, text, context, taxonomy, found, previous, after)
    return _share_indicator(v, near, text, context, taxonomy, found, previous, after, own)


def _whole_count_indicator(v: Value, near: str, text: str, context: str, taxonomy: Taxonomy, found: list[Found],
                           previous: list[Found], after: str) -> Indicator | None:
    """A count printed as a part (a share's numerator, a bracketed breakdown, the items after a total) names no
    cohort measure; any other goes on to what its own words count."""
    if _PERCENT_THEN_BRACKET.search(text[: v.span[0]]) or _COUNT_THEN_SHARE.match(text, v.span[1]):
        return None  # "42.5% (277) of the looked after population", "25 children looked after (4%) were identified as
        # having a substance misuse issue": the numerator of a share, a part of the cohort
    aside = _aside(text[: v.span[0]], text[v.span[1]:])
    if aside is not None:  # "(86 fostering households)" names its own subject; "(17 were UASC)" splits the sentence's
        if _SUB_COUNT.search(aside) or _QUALIFIER.match(aside) or re.search(r"\d", aside):
            return None  # "(47 in independent and 21 in in-house children's homes)": the parts of a total
        return taxonomy.match(aside, aside, v.unit)
    breakdown = _BREAKDOWN if text.lstrip()[:1] in "-–•" else _BREAKDOWN_OR_DASH
    if any(f.value.unit is Unit.COUNT and (m := breakdown.match(text, f.value.span[1])) and m.end() <= v.span[0]
           for f in found):
        return None  # "258 children looked after: 142 in the borough and 116 outside it": the parts of a total
    predicate = _BRACKETED_AFTER_VERB.search(text[max(0, v.span[0] - 60): v.span[0]])
    if predicate and re.match(r"\s*\)", text[v.span[1]:]):  # "children ... are on care orders (403)": a subgroup
        named = predicate.group(1)
        return None if taxonomy.unmeasured(named) else taxonomy.match(named, named, v.unit)
    return _count_indicator(v, near, text, context, taxonomy, found, previous, after)


def _share_indicator(v: Value, near: str, text: str, context: str, taxonomy: Taxonomy, found: list[Found],
                     previous: list[Found], after: str, own: str) -> Indicator | None:
    """A share, rate, duration or score: a part's figure or another population's names nothing; a label of its own
    wins over the sentence's; else the sentence, what came before it, then the context."""
    lead = near[: len(near) - len(after)]  # the value's clause up to it
    if _SOME_PART.match(after):
        return None  # "30% overall and up to 60% in some teams": the figure of a part
    if parts.ONE_PERSON.match(text):
        return None  # "One young person ... now has a 100% attendance record": a child's own figure, not the cohort's
    if _OVERALL.match(after):  # "NEET, at 48% overall, rising to 58% for 19- to 21-year-olds": the
        return taxonomy.match(near, near, v.unit)  # qualifier later in the sentence is the other figure's
    if (_THOSE_AGED.search(lead) or parts.AGE_BAND_SHARE.match(after) or parts.AGE_BAND_LEAD.search(lead)) \
            and not parts.BAND_IN_MEASURE.search(near):
        return None  # "... and for those under 18 it is higher (74%)", "98% of children under five": an age band
    if parts.WHOLE_POPULATION.search(text[: v.span[0]]) and not taxonomy.cohort_named(text[: v.span[0]]):
        return None  # "the whole Manchester population of young people in EET ... 92%": everyone's figure, not the cohort's
    if _ALL_PUPILS_BEFORE.search(lead) or _ALL_PUPILS_AFTER.match(after):
        return None  # "below the figure for all Devon pupils of 84%": the whole population's, not the cohort's
    if _SUBSET.search(text[: v.span[0]]):  # "426 live with foster carers, of whom 45% live out of area"
        return taxonomy.match(after, after, v.unit)
    if _PART_OF.search(lead):  # "Of these, 5% are at university": the clause names the measure
        return None if taxonomy.unmeasured(after) else taxonomy.match(after, after, v.unit, context)
    if _SEEN.search(near):
        return None  # "50% of the PEPs seen by inspectors were good": a judgement on a sample
    listed = [m.span() for m in _LISTED.finditer(text)]
    if len(listed) > 2 and any(s <= v.span[0] < e for s, e in listed) and basis_of(lead, after) is Basis.ACTUAL:
        # "placed with parents (4%), in hostels (4%) ... in residential schools (2%)": each label names its own figure
        return taxonomy.match(near, near, v.unit, after=after)
    if found and v.unit is Unit.PERCENT and _OF_LABEL.match(after) and ((labelled := taxonomy.match(after, after, v.unit))
                                                                       or parts.other_label(found[-1], v, text, taxonomy)):
        return labelled  # "... 88% of health reviews and 92% of dental checks", "... and 100% of review conferences"
    if len(_SAID_OF_SHARE.findall(text)) > 2 and _SAID_OF_SHARE.match(text, v.span[0]):
        # "5% are at university, 35% are in other further education, 3% have apprenticeships": each says its own
        return taxonomy.match(after, after, v.unit, context)
    rest = re.split(r";|\.\s|\d", text[v.span[1]:], maxsplit=1)[0]  # its own words, commas and all
    if parts.OF_WHOM_AFTER.match(rest) and (of_whom := taxonomy.match(rest, rest, v.unit, text)) is not None:
        return of_whom  # "most of whom are in suitable accommodation and 75% of whom are in employment ...": its own words
    # the sentence up to the next figure: "(96%) of children had regular reviews ... and 97% of young people
    # participated in their reviews" does not make the 96% a participation rate
    indicator = taxonomy.match(near, own, v.unit, after=after)
    if indicator is not None and parts.NAMED_RATE.search(lead) and taxonomy.match(near, near, v.unit) is None:
        return None  # "a vacancy rate of 31% ..., such as ... 'staying put'": the rate it names is not one we measure
    if indicator is not None and indicator.id.startswith("sw_") and _ONE_TEAM.search(lead):
        return None  # a team's staffing is not the service's workforce rate
    if indicator is not None:
        return taxonomy.nearest_rival(indicator, near, len(lead))  # "agency staff (34%) ... turnover": the nearer
    if (_OTHER_WHOLE.match(after) and v.unit is not Unit.RATE) or taxonomy.unmeasured(near) or \
            taxonomy.excluded(near, text, v.unit):
        return None  # "2.2% of the budget", "4% ... committed offences": something the taxonomy does not measure
    if taxonomy.evidence(own, v.unit):  # the sentence names something: borrow only what it lacks, and nothing when
        # it is about something unmeasured ("newly qualified staff ... 23% in one team and 19% in another")
        return taxonomy.match(near, own, v.unit, "" if taxonomy.unmeasured(text) else context)
    if taxonomy.evidence(text, v.unit):  # what the sentence names is printed after the next figure: that figure's;
        return _borrowed(v.unit, found, previous, near, taxonomy)  # this one goes on from the figure before, if any
    if taxonomy.unmeasured(text):
        return None  # "pupils achieving five good GCSEs ... at 25%": about a subject no indicator measures, borrowing none
    inherited = _borrowed(v.unit, found, previous, near, taxonomy)
    if inherited is not None or any(f.value.unit is v.unit for f in [*found, *previous]):
        return inherited  # an unmapped figure before decides too ("only 64% ... 95% or better. An increase from 57.7%")
    return taxonomy.match(near, text, v.unit, context, anchored=False)


def _count_indicator(v: Value, near: str, text: str, context: str, taxonomy: Taxonomy, found: list[Found],
                     previous: list[Found], after: str) -> Indicator | None:
    unit = v.unit
    before, printed = near[: len(near) - len(after)], text
    if _not_a_cohort(v, text, before, after):
        return None
    if (band := parts.AGE_RANGE_HEAD.match(after)) is not None:  # "104 looked after 16- and 17-year-olds": an age band,
        named = taxonomy.match(after, after, unit)  # named only by a measure of that band ("care leavers aged 19-21")
        return named if named is not None and taxonomy.refined_by(named, band.group(0)) else None
    if _part_of_another_group(v, text, before, after):
        return None
    # "252 were placed in foster care, of whom 126 were out of borough": what follows "of whom" describes a part
    part = _OF_WHOM.search(text, v.span[1]) if after.strip() else None
    if part is not None:
        text, after = text[: part.start()], after[: max(0, part.start() - v.span[1])]
    # "open cases (including those for care leavers) was 11,165": a bracket qualifies, it does not name the subject
    before, after, text = _ASIDE.sub(" ", before), _ASIDE.sub(" ", after), _ASIDE.sub(" ", text)
    after = _PARTNER.sub(" ", after)  # "465 children are looked after (a rate of 39 per 10,000)": the rate is its own value
    near = before + " " + after
    sub = _SUBGROUP.match(after)
    if sub is not None:  # only the qualifier can name it: "12 care leavers in apprenticeships"
        return taxonomy.match(sub.group(0), sub.group(0), unit)
    head = _CHILDREN_AND_YP.sub("children", after)  # the common long form of the cohort would crowd out what is said of it
    tight = near[-40:] if not after else before[-40:] + " " + head[:40]
    # "- 252 were placed in foster care" after "- 157 were placed out of borough" says its own predicate: it borrows none
    borrows = not taxonomy.unmeasured(near) and not _OWN_PREDICATE.match(after)
    for wide in (text, f"{text} {context}") if borrows else (text,):
        indicator = taxonomy.match(tight, tight, unit, wide)
        if indicator is not None and taxonomy.vetoed(indicator, near):  # "21 care leavers ... in 'staying put'"
            indicator = taxonomy.match(near, near, unit)
        if indicator is not None:
            return indicator if _counts_its_noun(indicator, before, after, taxonomy) and \
                not _names_a_subgroup(indicator, head, before) else None
    if _GENERIC_HEAD.match(after):  # "increased in Q2 to 75 children": the subject is just before
        if _NUMERATOR.search(text):
            return None
        own = taxonomy.match(near, near, unit, text)
        if own is None and _FROM_LEVEL.search(before):  # "This is a reduction from 266 children": the level before
            return _borrowed(unit, found, previous, near, taxonomy)
        return own
    if not _NO_SUBJECT.match(after):
        return None  # "3 key areas", "7 farmers": counts of something the taxonomy does not measure
    if found:  # "(126 in Q1)", "a reduction from 46 in Q1"
        if any(_OF_LEAD.search(printed[: f.value.span[0]]) for f in found):
            return None  # "of 829 children ..., only 269 had a review on time": a part of the group the lead named
        borrowed = _borrowed(unit, found, [], near, taxonomy)  # not "... and the number of places (to 10,818)"
        return borrowed if borrowed is None or _counts_its_noun(borrowed, before, after, taxonomy) else None
    if _NUMERATOR.search(text):
        return None
    sentence_subject = taxonomy.match(near, text, unit)
    if sentence_subject is not None and not _counts_its_noun(sentence_subject, before, after, taxonomy):
        return None
    if sentence_subject is not None or taxonomy.evidence(text, unit):
        return sentence_subject  # "continued to be low - 222 on the 27/06/2022"
    return _borrowed(unit, found, previous, near, taxonomy)


def _not_a_cohort(v: Value, text: str, before: str, after: str) -> bool:
    """A count of something other than the authority's children at a date: a sample, a head count, an age, a figure
    per worker, a share's numerator or a trait of the group."""
    if v.unit is Unit.COUNT and _SAMPLE.search(text):
        return True  # "an audit of ... a total of 7 children": a sample, not the authority's count
    if _ATTENDED.search(before):
        return True  # "an event attended by 150 children and care leavers": a head count, not a cohort
    if _SHARE_OF.match(after) or _TRAIT.match(after) or parts.OVER_AGE.match(after) or parts.ADOPTED_CHILDREN.match(after):
        return True  # "185 (74.3%) of care leavers were in EET", "29 were female", "370 ... over the age of seven"
    if parts.AN_AGE.search(before):
        return True  # "When care leavers become 21": an age, not a count
    # "workers have up to 40 each": a figure per worker; "at 10 and 30 days": days, not a count
    return bool(parts.EACH.match(after) or parts.DURATION_PAIR.match(after))


def _part_of_another_group(v: Value, text: str, before: str, after: str) -> bool:
    if _DENOMINATOR.search(text[max(0, v.span[0] - 30): v.span[0]]) is not None:
        # "nine of 119 16- and 17-year-olds", "6% (11 of 176) of children looked after", "95% of the 123 eligible care
        # leavers": the base of a share is the group the part came from, not the cohort at a date, whatever its noun
        # (an "Of 150 care leavers aged 19 to 21," lead-in that states the cohort is read elsewhere)
        return True
    # "350 care leavers, of whom 11 are looked after", "(67 out of 358)": a part of another group
    return bool(_SUBSET.search(before) or _OUT_OF.match(after) or _PART_OF.search(before))


def _names_a_subgroup(indicator: Indicator, after: str, before: str = "") -> bool:
    """ "13 children looked after were supported by an advocate": what the count's own verb says of a cohort
    (other than being in it) makes it a part of that cohort; "the 204 care leavers are well supported" is all of them."""
    if indicator.id not in _COHORT_COUNTS or (indicator.id == "care_leavers_count" and _THE_WHOLE.search(before)):
        return False
    said = _PREDICATE.match(after)
    return said is not None and not _DEFINING.match(after, said.start("what"))  # "subject to a plan", not "to triage"


def _counts_its_noun(indicator: Indicator, before: str, after: str, taxonomy: Taxonomy) -> bool:
    """ "12 in house beds" or "the number of open cases ... was 11,165" are not counts of children:
    a count naming another noun must be a count of that noun."""
    aimed = _TARGET_OF.search(before)
    if aimed:  # "working with 90 child in need cases with a target of 420": the target counts cases too
        return _counts_its_noun(indicator, before[:aimed.start("noun")], aimed.group("noun"), taxonomy)
    if _HOMES.match(after):
        return False  # "operates 4 children's homes" counts homes, not the children placed in them
    if _CARERS.match(after):
        return False  # "111 local authority foster carers" counts carers, not the children living with them
    if indicator.id.endswith("_incidents_count") and _PEOPLE_HEAD.match(after):
        return False  # "63 missing episodes involving 50 children": the 50 counts children, not episodes
    plural = _PLURAL_HEAD.match(after)
    clause = f"{before} {after}"
    if plural and _FOREIGN_NOUN.fullmatch(plural.group(1)) and not _names(indicator, after[:plural.end()], clause, taxonomy):
        return False  # "50 letters before proceedings" counts letters; "86 referrals" counts referrals
    subject = _NUMBER_OF.search(before)
    if subject and _HOMES.match(subject.group(1)):
        return False  # "the number of children's homes (to 2,880)" counts homes
    if subject and not _PEOPLE_HEAD.match(subject.group(1)) and not taxonomy.evidence(subject.group(1), indicator.unit):
        return False  # "the number of tenancies allocated to it drop from 10 to three": tenancies, whatever follows
    for head in (" ".join(after.split()[:4]), subject.group(1) if subject else ""):
        if _FOREIGN_NOUN.search(head) and not _names(indicator, head, clause, taxonomy):
            return False
    head = " ".join(after.split()[:5])  # "7 farmers", "3 providers": whatever the sentence is about
    return plural is None or bool(taxonomy.match(head, head, indicator.unit))


def _names(indicator: Indicator, head: str, clause: str, taxonomy: Taxonomy) -> bool:
    """Whether the counted noun is what the indicator counts: "30 agency social workers", or "86 referrals" whose
    clause says the rest ("we received"), but not "50 letters", "12 in house beds" or "26 social workers" (recruited)."""
    foreign = list(_FOREIGN_NOUN.finditer(head))
    if taxonomy.match(head, head, indicator.unit) is indicator and \
            all(taxonomy.covers(indicator, head, m.span()) or _A_PLACEMENT.fullmatch(m.group(0)) for m in foreign):
        return True  # "30 agency social workers"; not "50 residential care beds", where a cue only qualifies the noun
    nouns = " ".join(m.group(0) for m in foreign)
    return taxonomy.cued(indicator, nouns) and taxonomy.match(head, head, indicator.unit, clause) is indicator


def _aside(before: str, after: str) -> str | None:
    """The bracket a value sits in when it holds words, not just a partner figure or a period:
    "(17 were unaccompanied ...)" but not "(126 in Q1)" or "(51.4%)"."""
    opened = before.rfind("(")
    if opened <= before.rfind(")"):
        return None
    inside = before[opened:] + after.split(")", 1)[0]
    return inside if len(re.findall(r"[A-Za-z]{3,}", inside)) >= 2 else None


def _borrowed(unit: Unit, found: list[Found], previous: list[Found], near: str, taxonomy: Taxonomy) -> Indicator | None:
    """The inherited indicator, unless the value's own clause vetoes it ("21 care leavers ... in 'staying put'")."""
    inherited = inherited_indicator(unit, found, previous)
    return inherited if inherited is not None and not taxonomy.vetoed(inherited, near) else None


def inherited_indicator(unit: Unit, found: list[Found], previous: list[Found]) -> Indicator | None:
    """The indicator of the nearest earlier value with the same unit: this sentence first, then the ones before, where
    the nearest figure decides even when unmapped ("13 children lived in a privately arranged fostering placement.
    This is a reduction from 18" is not about the plans two sentences back)."""
    for f in reversed(found):
        if f.value.unit is unit and f.indicator is not None:
            return f.indicator
    return next((f.indicator for f in reversed(previous) if f.value.unit is unit), None)
