"""Numbers in a sentence that are measurements, with their unit.

Paragraph and item numbers, dates, periods, ages ("aged 16 to 21"), phone
numbers, "Section 20", "Pledge 4", "3 or more placements" (part of a label),
durations ("within 12 months") and changes ("increased by 5") are not values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.periods import _MONTH as _MONTH_NAME
from nlp.models import Unit

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY = re.compile(  # not the unit "£000s" / "£000's" a budget table prints over its columns
    rf"£\s?(?!0{{3}}(?:['’]?s)?\b)({_NUM})\s*(m\b|mil\b|million\b|bn\b|billion\b|k\b)?", re.I)
_THOUSANDTHS = re.compile(r"[\d,]*\.\d{3}")
_RATE = re.compile(rf"\b({_NUM})\s*(%|per ?cent)?\s*(?:per|/)\s*10,?000\b|\b({_NUM})\s*per\s*10k\b", re.I)
# "(rate 45.3)" after a count of children on plans or in care: a rate named with no base is per 10,000
_BRACKET_RATE = re.compile(rf"\(\s*rate\s*:?\s*({_NUM})\s*\)", re.I)
_PERCENT = re.compile(rf"(?<![\d.])({_NUM})\s*(?:%|per ?cent\b)", re.I)
_DAYS = re.compile(rf"(?<![\d.])({_NUM})\s*(days|months)\b", re.I)
_DURATION_CUE = re.compile(r"(?:averages?|took|taken|wait(?:ed|ing)?|mean|time (?:of|was|is))\W+(?:\w+\W+){0,3}$", re.I)
_AVERAGE_WAS = re.compile(  # "The average number of days between receiving court authority ... and ... was 170 days"
    r"\baverage (?:number of days|time|wait|duration)\b[^.;]*\b(?:was|is|were|stood at|at)\s*$", re.I)
_AVERAGE_DAYS_IS = re.compile(r"\baverage number of days\b[^.;\d]*\b(?:was|is|were|stood at|at)\s*$", re.I)
_PAIRED_BEFORE = re.compile(rf"(?<![\d.,])({_NUM})(?=\s*(?:and|&)\s*\d[\d,.]*\s*(?:days|months)\b)")
_THRESHOLD = re.compile(r"\b(?:longer|more|less|fewer|shorter) than\s*$|\b(?:within|over|under|exceeding|beyond)\s*$", re.I)
_COUNT = re.compile(rf"(?<![\w.,£/:\-–—])({_NUM})(?![\w/:]|\.\d|,\d|%|-\d| ?- ?(?:year|month|week|day|hour))")
_SMALL_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
               r"seventeen|eighteen|nineteen|twenty)")
_NOT_BEFORE = re.compile(
    r"(?:\b(?:aged?|ages|sections?|s\.|pledge|items?|appendix|appendices|para(?:graph)?s?|pages?|tables?|figures?|charts?|"
    r"quarters?|q|qu|qtr|year|yr|"
    r"tiers?|levels?|stages?|key stages?|ks|priority|phase|commitment|objective|outcome|no\.?|number|ref|room|floor|"
    r"step|point|standard|article|regulation|schedule|part|chapter|recommendation|action|theme|area|ward|ni|npi|kpi|pi|"
    r"rate|cycle|wave|round|option|scenario|version|band|references|contents|glossary|bibliography|index|annex(?:es)?|"
    r"between|under|ages? of|per|turning|turned|turns|out of|establishment of)\s*"
    r"|(?:aged?|ages|between|ages? of|stages?|quarters|levels?|tiers?|phases?)\s+(?:(?:\d+|" + _SMALL_WORD +
    r")\s*(?:-|–|to|and|or|,)\s*)+"  # "level 2 or 3 apprenticeships"
    r"|\b(?:paras?|paragraphs?|pages?|items?|sections?|recommendations?)\s+(?:\d+(?:\.\d+)*\s*(?:,|and|&|-|–)\s*)+)$",
    re.I,
)
_SCHOOL_YEAR = re.compile(r"\bYears?\s+(?:\d{1,2}\s*(?:and|to|-|–|,)\s*)?$|\b(?:Progress|Attainment)\s+$")
_MEASURE_NAME = re.compile(r"^\s*and (?:Attainment|Progress) 8\b")
_LIST_NUMBER = re.compile(  # "4.13 Await ...", "47.** 20 of ...", "150 - Disclosed substance misuse" (a code and its label)
    r"^\s*\(?(?:\d+(?:\.\d+)+|\d+[.)]|\d+\.[ivx]+\))\**\s|^\s*\d+\s+(?=[A-Z])|^\s*\d+\.(?=[A-Z])|^\s*\d+\s+[-–]\s+(?=[A-Z][a-z])")
_NOT_AFTER = re.compile(
    r"^(?:\s*(?:or more|\+|years?|yrs?|year[- ]olds?|months?|weeks?|hours?|minutes?|am\b|pm\b|st\b|nd\b|rd\b|th\b|"
    r"miles?|times|working days|days|o'clock|percentage points?|A\*?\s*(?:-|–|to)\s*C\b|(?:good |or more )?GCSE|"
    r"of the (?:Children|Care|Adoption and Children) Act)|"  # "20 of the Children Act 1989": section 20 broken over a line
    r"-(?:year|month|day)|"
    r"(?:\s*,\s*\d+)*\s*,?\s*-?\s*(?:or|and|to)\s*\d+\s*-?\s*years?)",  # "18, 19 and 20 year old care leavers"
    re.I,
)
_CONFIDENCE_AFTER = re.compile(r"\s*(?:confidence|CI\b|credible)", re.I)  # a survey's error bars, not a figure
_SAMPLE_BEFORE = re.compile(
    r"(?:\b(?:audit(?:s|ed|ing)?|sample|dip[- ]sample) of (?:the )?|\bthe (?:most|last|latest|first|top) )"
    r"(?:last |latest |most |first |recent )*$", re.I)
_SAMPLE_AFTER = re.compile(r"^\s*(?:most recent|latest|last|newest|first)\b", re.I)
_CHANGE_BEFORE = re.compile(
    r"\b(?:increase[ds]?|decrease[ds]?|rise|risen|rose|fall|fell|fallen|reduc(?:ed|tion)|drop(?:ped)?|grow(?:n|th)|"
    r"(?<!make )(?<!makes )(?<!made )(?<!making )up|down|change[ds]?|improvement|decline|deterioration)"  # "make up 13%"
    r"(?:\s+\w+ly)?(?:\s+of)?\s+(?:by\s+)?(?:an?\s+)?(?:further\s+)?\(?$",  # "a reduction (46%) in", "risen sharply by"
    re.I,
)
_CHANGED_BY = re.compile(  # "reduced the number of changes of social worker by over 60%", "increasing placements by 100"
    r"\b(?:increas|decreas|reduc|rais|cut|improv|declin|grow|grew|ris|rose|fell|fall|drop)\w*\b[^.;:()]{0,70}?\bby\s+"
    r"(?:(?:over|more than|almost|nearly|around|about|approximately|some|just|under|a further)\s+)*\(?$", re.I)
_CHANGE_SHARE = re.compile(  # "an increase of 96 children (20%)", "a reduction of 50 (12%)": the change as a share
    r"\b(?:increase[ds]?|decrease[ds]?|rise|fall|reduction|drop|growth|change)\s+(?:of|by)\s+(?:[\w-]+\s+)?\d[\d,]*"
    r"\s+(?:[\w-]+\s+){0,3}\(\s*$", re.I)
_DIFFERENCE_BEFORE = re.compile(  # "exceeds the England average by 19 days": a gap between two figures
    r"\b(?:exceed\w*|above|below|higher|lower|longer|shorter|better|worse|more|less|fewer)\b[^.;:]{0,50}\bby\s*$", re.I)
# "30% better than the national average", "64 days slower than ...", "30% below their peers": a gap, not a level
# (but "22% more than once a week")
_DIFFERENCE_AFTER = re.compile(
    r"\s*(?:percentage\s+)?(?:points?\s+)?(?:(?:better|worse|higher|lower|more|less|fewer|greater|longer|shorter|quicker|"
    r"faster|slower)\s+than\b(?!\s+(?:once|twice|\d|an?\b|one|two|three|four|five|half))|(?:below|above|behind|ahead of)\s+"
    r"(?:their|its|our|the)\s+(?:peers|national|average|england|statistical|comparators?|similar|target|region))", re.I)
_OR_LESS = re.compile(r"\s*or (?:less|more|fewer|longer|shorter|under|over)\b", re.I)
_DAY_OF_MONTH = re.compile(rf"(?:st|nd|rd|th)?\s+{_MONTH_NAME}\b")
_OLDEST_AGE = 25  # care leavers are supported to 25: a larger number after "over" or "plus" is a count
_AGE_LIMIT = re.compile(
    r"\b(?:over|above|under|up to|up until|until|till|beyond|aged over|aged under|aged up to|reach(?:es|ed|ing)?|"
    r"turn(?:s|ed|ing)?|approach(?:es|ed|ing)?)"
    r"\s*$", re.I)
_AGE_OF_PRONOUN = re.compile(  # "until they are 18", "young people who reach 21"
    r"\b(?:they|he|she)\s+(?:are|is|were|was|turn(?:s|ed)?|reach(?:es|ed)?|become|becomes|became)\s*$|\bwho\s+(?:turn|reach)(?:s|es|ed)?\s*$|"
    r"\bwho\s+(?:are|were)\s+(?:aged\s+)?(?:\d+\s+(?:or|and|to)\s+)?$", re.I)  # "children who are 16 or 17"
_AGE_OF_PEOPLE = re.compile(
    r"\b(?:care leavers|young people|children|adults|pupils|those|anyone|people)\s+(?:aged\s+)?(?:over|above|under)\s*$", re.I)
_AT_AGE = re.compile(  # "live independently at 18 and above", "allocated at 18 to the adult service"
    r"\b(?:(?:allocated|transferr?\w*|mov\w*|leav\w*|left|independent\w*|transition\w*)\s+(?:care\s+)?at\s*$)|"
    r"\b(?:leaving care|adult|adults'?|after ?care) (?:service|services|team)s?\s+at\s*$|"  # "the leaving care service at 18"
    r"(?:^|[.;:!?]\s)\s*at\s*$", re.I)  # "When you are leaving care at 18", "At 16, the proportion ..."
# "supported from 18 to 21": the top of a band of ages (not "rose from 18 to 21 children", a change of a count)
_AGE_BAND_TOP = re.compile(r"(?<![\d,.])(1[0-9]|2[0-5])\s*(?:to|-|–)\s*$", re.I)  # also "the 16 to 18 cohort"
_CHANGE_WORD = re.compile(r"\b(?:increas|decreas|ris[ei]|rose|fell|fall|reduc|declin|grew|grow|drop|went|moved|chang)\w*", re.I)
_AT_AGE_END = re.compile(r"^\s*(?:and (?:above|over)|or (?:above|over)|\+|onwards)", re.I)
_AGE_LIMIT_END = re.compile(r"^(?:s\b|\s*(?:[).,;]|$|and over|or over|plus\b|years?\b))", re.I)
_COUNTED_AFTER = re.compile(r"^\s*(?:children|young people|care leavers|people|pupils|adults|families|of\b)", re.I)
_CHANGE_AFTER = re.compile(  # "a 41% increase from 300", "40% more social workers": a change, not a level
    r"\s*(?:increase|decrease|rise|fall|reduction|drop|improvement|uplift|growth|(?:more|fewer|less)\b(?!\s+than\b)|"
    r"(?:up|down)\s+(?:on|from)\b|(?:net\s+)?(?:deficit|surplus|shortfall)\b)", re.I)  # "26% up on the same point last year"
# a numbered heading and its page in a contents list: "15.0 Conclusions and recommendations 88"
_CONTENTS_LINE = re.compile(r"^\s*\d+(?:\.\d+)+\s+[A-Z][^.!?:;%£\d()]{2,80}?\s+\d{1,3}\s*$")
_GROUP_THRESHOLD = re.compile(  # "who have attendance below 90%", "with an SDQ score above 17"
    r"\b(?:with|(?:who )?(?:have|has|had)|having)\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:attendance|scores?|absence|caseloads?)\s+"
    r"(?:of\s+)?(?:below|above|under|over|less than|more than|at least|greater than|lower than|higher than)\s*$", re.I)
_OR_BETTER = re.compile(r"\s*or (?:better|above|more|higher|over|less|below|lower|under|worse)\b", re.I)
_HAVING = re.compile(r"\b(?:with|have|has|had|having)\b(?![^.;,]*\b(?:target|floor|standard|aim)\b)[^.;,]*$", re.I)
_BOUND_BEFORE = re.compile(r"\b(?:above|over|below|under|at least|more than|less than)\s*$", re.I)
_FOR_SOME = re.compile(r"\s*for (?:the )?(?:(?:vast |large )?majority|most|many|some|half|a (?:minority|few))\b", re.I)
_SUPPRESSED = re.compile(r"\b(?:disclos\w*|suppress\w*|redact\w*|withheld)\b", re.I)  # "not disclosed where fewer than 5"
_PHONE = re.compile(r"\b0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}\b")
_TIME = re.compile(r"\b\d{1,2}[.:]\d{2}\s*(?:am|pm)?\b", re.I)


@dataclass(frozen=True)
class Value:
    value: float
    unit: Unit
    span: tuple[int, int]
    text: str
    unit_mismatch: bool = False


def pounds(printed: float, scale: float) -> float:
    """Money in pounds from a printed figure and its scale ("£32.8m": 32.8 × 1,000,000), in whole pence once scaled:
    binary floats would store 32,800,000.000000004."""
    return round(printed * scale, 2) if scale != 1 else printed


def _num(text: str) -> float:
    return float(text.replace(",", ""))


_ROUNDED_TO = re.compile(r"\bnearest\s*['‘’\"]?\s*\d+\s*['’\"]?", re.I)  # "round to the nearest '5'": a rounding base


def find_values(text: str, blocked: list[tuple[int, int]]) -> list[Value]:
    """Measurement values in `text`, skipping spans already known to be periods or dates."""
    if _CONTENTS_LINE.match(text):
        return []
    taken = list(blocked) + [m.span() for m in _PHONE.finditer(text)] + [m.span() for m in _TIME.finditer(text)] + \
        [m.span() for m in _ROUNDED_TO.finditer(text)]
    list_no = _LIST_NUMBER.match(text)
    if list_no:
        taken.append(list_no.span())
    found: list[Value] = []

    def add(value: float, unit: Unit, m: re.Match, mismatch: bool = False, group: int = 0) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append(m.span())
        found.append(Value(value, unit, m.span(group), m.group(group).strip(), mismatch))

    for m in _MONEY.finditer(text):
        if _is_change(text, m):
            continue  # "rose by £4.2m": a change, not a level
        if not m.group(2) and _THOUSANDTHS.fullmatch(m.group(1)):
            continue  # "Previously reported -£10.921": not pounds and pence but £m whose scale the page gives elsewhere
        scale = {"m": 1e6, "mil": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3}.get((m.group(2) or "").lower(), 1)
        # "-£0.2m continuation of the grant", not "- £0.2m" (a bullet); whole pence: £32.8m is 32,800,000, not ...004
        add(pounds(_signed(text, m.start()) * _num(m.group(1)), scale), Unit.GBP, m)
    for m in _RATE.finditer(text):
        add(_num(m.group(1) or m.group(3)), Unit.RATE, m, mismatch=bool(m.group(2)))
    for m in _BRACKET_RATE.finditer(text):
        add(_num(m.group(1)), Unit.RATE, m, group=1)
    for m in _PERCENT.finditer(text):
        if not _is_bar(text, m) and not _is_change(text, m) and \
                not re.search(r"\bnot\s+$", text[max(0, m.start() - 6):m.start()]) \
                and not _CHANGE_AFTER.match(text, m.end()) \
                and not _CONFIDENCE_AFTER.match(text, m.end()):  # "a 41% increase from 300", "(with 95% confidence)"
            add(_signed(text, m.start()) * _num(m.group(1)), Unit.PERCENT, m)
    for m in _DAYS.finditer(text):
        before = text[max(0, m.start() - 60):m.start()]
        if re.search(r"\d\s*(?:to|-|–)\s*$|\bbetween\s+\d[\d,.]*\s*and\s*$", before, re.I):
            continue  # "took 41 to 45 days", "between 10 and 20 days": the top of a band
        # not "took longer than 45 days" nor "exceeds the England average by 19 days"
        timed = _DURATION_CUE.search(before) or _AVERAGE_WAS.search(text[max(0, m.start() - 200):m.start()])
        if timed and not _THRESHOLD.search(before) and not _is_change(text, m) \
                and not _OR_LESS.match(text, m.end()):  # "waiting 18 months or less": a threshold
            unit = Unit.DAYS if m.group(2).lower() == "days" else Unit.MONTHS
            pair = _paired_duration(text, m)
            if pair is not None:
                add(_num(pair.group(1)), unit, pair)
            add(_num(m.group(1)), unit, m)
    for m in _COUNT.finditer(text):
        if _is_count(text, m):  # "the average number of days between ... is 559": days printed without their unit
            days = _AVERAGE_DAYS_IS.search(text[max(0, m.start() - 200):m.start()])
            add(_num(m.group(1)), Unit.DAYS if days else Unit.COUNT, m)
    return sorted(found, key=lambda v: v.span)


_MINUS = re.compile(r"(?:^|[\s(])[-\u2212]$|\(–$")


def _signed(text: str, start: int) -> int:
    """-1 for a figure printed with a minus ("-£0.2m", "a net reduction of £4.8m (-1.0%)"); not after a bullet's
    "- " nor inside a range ("16-18%")."""
    return -1 if _MINUS.search(text[max(0, start - 2):start]) else 1


def _is_bar(text: str, m: re.Match) -> bool:
    """A percentage that sets a bar a group clears, not a figure: "children who have attendance below 90%", "above 90%
    for the majority", "attendance figures of 95% or better" (but "the target of 25.0% or lower" is a figure)."""
    return bool(_GROUP_THRESHOLD.search(text[max(0, m.start() - 60):m.start()])
                or (_BOUND_BEFORE.search(text[max(0, m.start() - 20):m.start()]) and _FOR_SOME.match(text, m.end()))
                or (_OR_BETTER.match(text, m.end()) and _HAVING.search(text[max(0, m.start() - 40):m.start()])))


# the text before a band's first figure: "between 10 and 20 days", "between 30 and 50%"
BAND_OPENS = re.compile(r"\bbetween\s*$", re.I)


def _paired_duration(text: str, m: re.Match) -> re.Match | None:
    """The first of two durations printed with one unit: "statistical neighbours and England averages at 643 and 647
    days" (not the bottom of a band, "between 10 and 20 days")."""
    pair = _PAIRED_BEFORE.search(text, max(0, m.start() - 12))
    if pair is None or pair.end() > m.start() or BAND_OPENS.search(text[: pair.start()]):
        return None
    return pair


def _is_change(text: str, m: re.Match) -> bool:
    start = m.start()
    return bool(_CHANGE_BEFORE.search(text[max(0, start - 40):start]) or _CHANGE_SHARE.search(text[max(0, start - 80):start])
                or _DIFFERENCE_BEFORE.search(text[max(0, start - 80):start])
                or _DIFFERENCE_AFTER.match(text, m.end())
                or (_CHANGED_BY.search(text[max(0, start - 100):start]) and not re.match(r"\s*of\b", text[m.end():])))


def _enumerated(text: str, before: str, raw: str) -> bool:
    """Whether the number is one of a run of labels ("CIN 1 CIN 2 ... CIN 10 CIN 12"): the same code with the next or
    last number, or printed with a number three times or more."""
    code = re.search(r"\b([A-Z]{2,6})\s+$", before)
    if code is None or not raw.isdigit():
        return False
    n = int(raw)
    numbered = rf"\b{code.group(1)}\s+"
    return bool(re.search(rf"{numbered}(?:{n - 1}|{n + 1})\b", text)) or len(re.findall(rf"{numbered}\d", text)) >= 3


def _is_count(text: str, m: re.Match) -> bool:
    raw = m.group(1)
    before, after = text[max(0, m.start() - 40):m.start()], text[m.end():m.end() + 30]
    if "." in raw:
        return False  # counts are whole numbers; decimals without a unit are scores, money or item numbers
    if re.fullmatch(r"(?:19|20)\d{2}", raw):
        return False  # a year
    if re.search(r"[a-z)\]”’\"]$", before):
        return False  # "... residential social workers)44": a footnote mark glued to the word it notes
    if re.match(r"-?\s*plus\b", after, re.I) and _num(raw) <= _OLDEST_AGE:
        return False  # "the 16-plus team": an age, where "20,000 plus EHCPs" counts
    if _AGE_LIMIT.search(before) and _AGE_LIMIT_END.match(after) and _num(raw) <= _OLDEST_AGE:
        return False  # "care leavers over 18)", "under 25s", "as they approach 21" (but "approaching 500.")
    if _DAY_OF_MONTH.match(after) and _num(raw) <= 31:
        return False  # "an increase from 200 at 31 March" (the year on the next line): a date, not a count
    if re.search(r"\b(?:post|pre)[- ]?$", before, re.I) and _num(raw) <= _OLDEST_AGE:
        return False  # "supported post 21", "pre-16 education": a stage of life, not a count
    if (_AT_AGE.search(before) or (re.search(r"\bat\s*$", before) and _AT_AGE_END.match(after))) and \
            _num(raw) <= _OLDEST_AGE:
        return False  # an age things happen at, not a count
    if (band := _AGE_BAND_TOP.search(before)) and int(band.group(1)) < _num(raw) <= _OLDEST_AGE \
            and not _COUNTED_AFTER.match(after) \
            and not _CHANGE_WORD.search(text[max(0, m.start() - 80):m.start()]):
        return False  # "supported from 18 to 21"
    if _AGE_OF_PRONOUN.search(before):
        return False  # "remain with their foster carers after they turn 18"
    if _AGE_OF_PEOPLE.search(before) and not _COUNTED_AFTER.match(after):
        return False  # "care leavers over 21 continue to receive support"
    if _NOT_BEFORE.search(before) or _NOT_AFTER.match(after) or _is_change(text, m) or \
            _SAMPLE_BEFORE.search(before):
        return False
    if re.search(r"\b(?:fewer|less) than\s*$", before, re.I) and _SUPPRESSED.search(text):
        return False  # "figures are not disclosed where fewer than 5 children": a rule for publishing, not a count
    if re.search(r"\b(?!(?:Of|In|At|On|By|For|To|From|With|And|All|The|Only|Some|Over|About|Around)\b)[A-Z][a-z]+ $",
                 before) and re.match(r" [A-Z][a-z]+\b", after):
        return False  # "the Care 4 Children Board": part of a name
    if re.search(r"\bthe\s+$", before, re.I) and _SAMPLE_AFTER.match(after):
        return False  # "the 10 most recent admissions": a sample
    if _SCHOOL_YEAR.search(before) or _MEASURE_NAME.match(after):
        return False  # "in Years 10 and 11", "Progress 8 and Attainment 8"
    if re.match(r"\)\s", after) and re.search(r"(?:^|[:;.?!]|\band)\s*$", before):
        return False  # "Can the Cabinet Member tell me: 1) How many ...": a list marker
    if _enumerated(text, before, raw):
        return False  # "CIN 1 CIN 2 CIN 3": a numbered series of labels
    if re.match(r"-strong\s+(?:reduction|increase|decrease|rise|fall)", after):
        return False  # "a 55-strong reduction": a change
    return not re.match(r"^\s*(?:-|–|to)\s*\d", after)  # a range of ages or items
