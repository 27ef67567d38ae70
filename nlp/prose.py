"""Metrics from sentences: each value with its indicator, basis and period.

A value's own clause decides first (the words since the previous value and up
to the next). A sentence with no indicator words ("This is a decline from 38%
in Q1") continues the indicator of the value before it; failing that, the
section heading and the sentences just before give the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.periods import Period
from nlp.basis import basis_of, contrasted, respectively, trailing_basis
from nlp.models import Basis, DocumentContext, Flag, Metric, Unit
from nlp.periods import resolve_periods
from nlp.taxonomy import Indicator, Taxonomy
from nlp.values import Value, find_values

_DASHES = str.maketrans({"\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2500": "-"})
_CLAUSE_MARK = r"[;|]|(?<!\d)/|/(?!\d)"
_SEPARATOR = re.compile(_CLAUSE_MARK)
_TRAILING_END = re.compile(_CLAUSE_MARK + r"|,\s|\b[A-Z][a-z]+\s*:")  # also ", " and a "Target:" label
_NOUNS = (
    r"children|child|young people|young person|care leavers|carers|households|placements|families|referrals|assessments|"
    r"cases|plans|homes|beds|posts|staff|workers|vacancies|applications|enquiries|visits|reviews|episodes|incidents|"
    r"UASC|people|adopters|adoptions|pupils|apprenticeships"
)
_COUNTABLE = re.compile(rf"^\s*(?:\(\d[\d.]*%\)\s*)?(?:\w+\s+){{0,2}}(?:{_NOUNS}|are|were|was|is)\b", re.I)
_OWN_SUBJECT = re.compile(rf"^\s*(?:of\s+)?(?:our\s+|the\s+|all\s+)?(?:[\w-]+\s+){{0,2}}(?:{_NOUNS})\b", re.I)
_LOOKBACK = 70
_NUMBER_OF = re.compile(r"\bnumber of ((?:[\w-]+ ){0,3}?[\w-]+)\b", re.I)
_NO_SUBJECT = re.compile(
    r"^\s*(?:[).,;:]|$|[-–]|(?:on|in|at|by|for|from|as|to|and|or|but|which|this|compared|against|since|during|over|"
    r"between|was|were|is|are|has|have|had|will|would|with|than|up|down|per)\b)", re.I)
_GENERIC_HEAD = re.compile(r"^\s*(?:children|young people|child|young person|people)\b", re.I)
_OTHER_WHOLE = re.compile(
    r"^\s*of\s+(?:the\s+|our\s+|all\s+|its\s+|their\s+|net\s+|total\s+)*(?!children|child|young|care|cared|looked|"
    r"cohort|them|those|these|this|people|pupils|households|carers|cases|reviews|assessments|plans)[a-z]", re.I)
_ATTENDED = re.compile(r"\battend(?:ed|ing)? by\s+(?:(?:approximately|around|about|some|over|nearly|almost|only)\s+)*$", re.I)
_SAMPLE = re.compile(r"\b(?:audit(?:ed|s)?|dip[- ]sampl\w*|sample of|case (?:file )?review)\b", re.I)
_SEEN = re.compile(r"\b(?:seen|sampled|reviewed|audited|tracked) by (?:the )?inspectors?\b|\binspectors? (?:saw|sampled)|"
                   r"\b(?:plans|cases|files|records|assessments) (?:sampled|audited)\b", re.I)
_QUALIFIER = re.compile(r"\(\s*(?:including|incl\.?|excluding|not including|except|e\.g\.|such as|of which)\b", re.I)
_ASIDE = re.compile(_QUALIFIER.pattern + r"[^()]*\)", re.I)
_SUB_COUNT = re.compile(r"\b(?:were|was|is|are|who|which|had|have|has|would|will)\b", re.I)
_PLURAL_HEAD = re.compile(
    r"^\s*(?:new |more |additional |further |other )?(?!(?:were|was|has|this|across|plus|less|always|thus|those|these|"
    r"includes|represents|remains)\b)([a-z]{3,}s)\b")
_POINT_IN_TIME = re.compile(r"\b(?:at|as at|as of|at the end of|by the end of|in|during)\s*$", re.I)
_COMPARED = re.compile(
    r"\b(?:than|from|compared|previous|last|since|before|after|between|increase\w*|decrease\w*|rise|fall)\b", re.I)
_PERCENT_THEN_BRACKET = re.compile(r"\d\s*%\s*\(\s*$")
_PARTNER = re.compile(r"\([^()]*\d[^()]*\)|\([^()]*$")  # a bracket round a figure, or opening before the next one
_SUBSET = re.compile(  # "of whom 8 (5.8%)", "of whom five (45.5%)"
    r"\bof (?:whom|which)(?:\s+(?:[\d,]+|one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+teen|[a-z]+ty))?\s*\(?\s*$", re.I)
_OUT_OF = re.compile(r"^\s*\(?\s*(?:out of|of)\s+(?:the\s+)?(?:\d|$)")  # the clause ends where the next figure starts
_FROM = re.compile(r"\bfrom\s*(?:an?\s+(?:[\w-]+\s+){0,3}?(?:base|level|high|low|figure|rate)\s+of\s*)?$", re.I)
_TRAIT = re.compile(
    r"^\s*(?:(?:care leavers|young people|children)\s+)?(?:were|are|was|is)\s+"
    r"(?:female|male|girls?|boys?|white|black|asian|disabled|(?:young\s+)?(?:mothers|fathers|parents))\b", re.I)
_SHARE_OF = re.compile(r"^\s*\(\s*(?:or\s+)?\d[\d.]*\s*%\s*\)\s*of\b", re.I)
_PART_OF = re.compile(r"\(\s*(?:out of|of)\s+(?:the\s+)?$|^\W*of (?:these|those|them|this)\b", re.I)  # "39 (of the 78)"
_ANAPHOR = re.compile(  # "This represents ...", "This is below the England average of 90%", not "This is an increase from"
    r"^\s*(?:this|that|which|it)\s+(?:represents|equates|equated|means|meant|gives|compares|"
    r"(?:is|was)\b(?!\s+(?:an?|the)\s+(?:\w+\s+)?(?:increase|decrease|reduction|rise|fall|drop|change|improvement|decline)))",
    re.I)
_NEGATED = re.compile(r"\b(?:are|were|is|was|did|do|does|have|has|had|known|being)\s+(?:\w+\s+)?(?:not|never)\b(?! only\b)",
                      re.I)
_SUBGROUP = re.compile(  # "24 care leavers at university", "16 young people in custody": a part of the cohort
    r"^\s*(?:former |current |of our |of these |more )?(?:care leavers|young people|children|young adults)\s+(?:who\s+)?"
    r"(?:(?:are|were|is|currently|now|being|have|had|well|supported)\s+)*(?:at|attending|studying(?: at| for)?|in|on|"
    r"going to|went to|gone to|started(?: at)?)\s+(?:a\s+|the\s+)?(?:universit|higher education|degree|college|"
    r"further education|custody|prison|apprenticeship)\w*", re.I)
_HOMES = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?children['’]?s\s+(?:homes?|centres?|services?)\b", re.I)
_NUMERATOR = re.compile(r"\d%\)?\s*\(\d[\d,]*\)|\(\d[\d,]*\)\s*\d|\d[\d,]*\s*\(\d[\d.]*%\)")
_FOREIGN_NOUN = re.compile(
    r"\b(?:beds?|cases?|households?|posts?|staff|workers?|vacanc(?:y|ies)|carers?|referrals?|assessments?|plans?|visits?|"
    r"reviews?|contacts?|families|family|homes?|settings?|schools?|bases?|areas?|places?|sessions?|meetings?|audits?|"
    r"complaints?|applications?|enquiries|teams?|units?|providers?|hubs?|letters?|calls?|notifications?|interviews?|"
    r"conferences?|events?|courses?|reports?|checks?)\b", re.I)


@dataclass(frozen=True)
class StatementIn:
    """A statement as extraction sees it (from ingest, or read back from the records store)."""

    ord: int
    text: str
    page: int
    section_path: tuple[str, ...]
    is_table_row: bool = False
    is_list_item: bool = False


@dataclass
class _Found:
    value: Value
    indicator: Indicator | None
    basis: Basis
    period: Period | None
    earlier: bool = False  # "reduced from 13% to 10.3%": the first figure is of an earlier date, dated only if printed


def metrics_from_statements(statements: list[StatementIn], ctx: DocumentContext, taxonomy: Taxonomy) -> list[Metric]:
    out: list[Metric] = []
    previous: list[_Found] = []
    before_previous: list[_Found] = []
    history: list[StatementIn] = []
    lead: Period | None = None
    parts = False  # inside a list that breaks down the figure of its lead-in
    for st in statements:
        if st.is_table_row and not _is_kpi_card(st.text):
            continue
        context = " ".join(s.text for s in history[-3:] if s.section_path == st.section_path)
        context += " " + " ".join(st.section_path[-1:])
        if parts and st.is_list_item:  # "37% (44) are in our NEET category:" - "17% (20) due to illness": a breakdown
            found = _statement_metrics(st.text, ctx, taxonomy, [], "")
        else:  # a value with no subject continues the last one of its unit, from this sentence or the two before it
            found = _statement_metrics(st.text, ctx, taxonomy, before_previous + previous, context)
        if st.is_list_item and lead is not None and history and history[-1].section_path == st.section_path:
            for f in found:
                f.period = f.period or lead
        elif _ANAPHOR.match(st.text):  # "This represents a rate of 58 per 10,000": the figure before it, same date
            dated = next((f.period for f in previous if f.period is not None), None)
            for f in found:
                f.period = f.period or dated
        out += [_to_metric(f, st, ctx) for f in found if _worth_keeping(f, st.text)]
        lead = _lead_in(st, ctx, lead)
        parts = (parts and st.is_list_item) or (bool(found) and st.text.rstrip().endswith(":"))
        before_previous, previous = (previous if history and history[-1].section_path == st.section_path else []), found
        history.append(st)
    return out


def _lead_in(st: StatementIn, ctx: DocumentContext, lead: Period | None) -> Period | None:
    """ "In the last 6 months (Jan-June 2022):" dates the list items under it; a sentence ends the list."""
    if st.text.rstrip().endswith(":"):
        periods = resolve_periods(st.text, ctx)
        return periods[-1] if periods else None
    return lead if st.is_list_item else None


def _is_kpi_card(text: str) -> bool:
    return bool(re.search(r"\b(?:Latest|Target|Floor|Previous)\s*:", text))


def _statement_metrics(text: str, ctx: DocumentContext, taxonomy: Taxonomy, previous: list[_Found],
                       context: str) -> list[_Found]:
    text = text.translate(_DASHES)  # "2014−15" with a minus sign is a year range; one character each, spans hold
    periods = resolve_periods(text, ctx)
    values = find_values(text, [p.span for p in periods])
    rate_sentence = bool(re.search(r"per 10,?000|per 10k", text, re.I)) and not any(v.unit is Unit.RATE for v in values)
    found: list[_Found] = []
    trailing: list[bool] = []
    bracketed: list[bool] = []
    for i, v in enumerate(values):
        lo = _clause_start(text, values[i - 1].span[1] if i else 0, v.span[0])
        hi = _clause_end(text, v.span[1], _next_start(text, values, i))
        before, after = text[lo:v.span[0]], text[v.span[1]:hi]
        v = _fix_unit(v, rate_sentence, before, found)
        basis = basis_of(before, after)
        near = before + " " + after
        indicator = _indicator(v, near, text, context, taxonomy, found, previous, after)
        earlier = bool(_FROM.search(before)) and i + 1 < len(values) and values[i + 1].unit is v.unit
        period = _period(v, periods, lo, hi, text, trailing_only=earlier)
        found.append(_Found(v, indicator, basis, period, earlier=earlier))
        trailing.append(trailing_basis(after) is not None)
        bracketed.append(before.rstrip().endswith("("))
    bases = contrasted([f.basis for f in found], [f.value.unit for f in found], trailing, bracketed)
    bases = respectively(text, [f.value.span for f in found], bases)
    for f, basis in zip(found, bases, strict=True):
        f.basis = basis
    return found


def _indicator(v: Value, near: str, text: str, context: str, taxonomy: Taxonomy, found: list[_Found],
               previous: list[_Found], after: str) -> Indicator | None:
    """Named in the value's clause or sentence; else continued from the value before (only when the
    sentence names nothing itself: "This is a decline from 38% in Q1"); else borrowed from the context.
    A bare count must name part of its subject right beside it ("557 cared for children")."""
    if _is_kpi_card(text):  # "Latest: 613 Target: 700": the card's title came just before
        return taxonomy.match(near, text, v.unit) or taxonomy.match(near, text, v.unit, context, anchored=False)
    if v.unit in (Unit.COUNT, Unit.GBP):
        if _PERCENT_THEN_BRACKET.search(text[: v.span[0]]):
            return None  # "42.5% (277) of the looked after population ...": the numerator of a share
        aside = _aside(text[: v.span[0]], text[v.span[1]:])
        if aside is not None:  # "(86 fostering households)" names its own subject; "(17 were UASC)" splits the sentence's
            return None if _SUB_COUNT.search(aside) or _QUALIFIER.match(aside) else taxonomy.match(aside, aside, v.unit)
        return _count_indicator(v.unit, near, text, context, taxonomy, found, previous, after)
    if _SUBSET.search(text[: v.span[0]]):  # "426 live with foster carers, of whom 45% live out of area"
        return taxonomy.match(after, after, v.unit)
    if _PART_OF.search(near[: len(near) - len(after)]):  # "Of these, 5% are at university": the clause names the measure
        return taxonomy.match(after, after, v.unit, context)
    if _SEEN.search(near):
        return None  # "50% of the PEPs seen by inspectors were good": a judgement on a sample
    indicator = taxonomy.match(near, text, v.unit)
    if indicator is not None:
        # "(56%) are not convened within 15 working days": the share that missed a measure, unless it counts a lack
        return None if _NEGATED.search(after) and " not " not in f" {indicator.title} " else indicator
    if (_OTHER_WHOLE.match(after) and v.unit is not Unit.RATE) or taxonomy.unmeasured(near):
        return None  # "2.2% of the budget", "4% ... committed offences": something the taxonomy does not measure
    if taxonomy.evidence(text, v.unit):  # the sentence names something: borrow only what it lacks
        return taxonomy.match(near, text, v.unit, context)
    inherited = _inherited(v.unit, found, previous)
    if inherited is not None and not taxonomy.vetoed(inherited, near):
        return inherited
    return taxonomy.match(near, text, v.unit, context, anchored=False)


def _count_indicator(unit: Unit, near: str, text: str, context: str, taxonomy: Taxonomy, found: list[_Found],
                     previous: list[_Found], after: str) -> Indicator | None:
    if unit is Unit.COUNT and _SAMPLE.search(text):
        return None  # "an audit of ... a total of 7 children": a sample, not the authority's count
    before = near[: len(near) - len(after)]
    if _ATTENDED.search(before):
        return None  # "an event attended by 150 children and care leavers": a head count, not a cohort
    if _SHARE_OF.match(after) or _TRAIT.match(after):
        return None  # "185 (74.3%) of care leavers were in EET", "29 were female": a part of the cohort
    if _SUBSET.search(before) or _OUT_OF.match(after) or _PART_OF.search(before):
        return None  # "350 care leavers, of whom 11 are looked after", "(67 out of 358)": a part of another group
    # "open cases (including those for care leavers) was 11,165": a bracket qualifies, it does not name the subject
    before, after, text = _ASIDE.sub(" ", before), _ASIDE.sub(" ", after), _ASIDE.sub(" ", text)
    after = _PARTNER.sub(" ", after)  # "465 children are looked after (a rate of 39 per 10,000)": the rate is its own value
    near = before + " " + after
    sub = _SUBGROUP.match(after)
    if sub is not None:  # only the qualifier can name it: "12 care leavers in apprenticeships"
        return taxonomy.match(sub.group(0), sub.group(0), unit)
    tight = near[-40:] if not after else before[-40:] + " " + after[:40]
    for wide in (text, f"{text} {context}") if not taxonomy.unmeasured(near) else (text,):
        indicator = taxonomy.match(tight, tight, unit, wide)
        if indicator is not None and taxonomy.vetoed(indicator, near):  # "21 care leavers ... in 'staying put'"
            indicator = taxonomy.match(near, near, unit)
        if indicator is not None:
            return indicator if _counts_its_noun(indicator, before, after, taxonomy) else None
    if _GENERIC_HEAD.match(after):  # "increased in Q2 to 75 children": the subject is just before
        return taxonomy.match(near, near, unit, text) if not _NUMERATOR.search(text) else None
    if not _NO_SUBJECT.match(after):
        return None  # "3 key areas", "7 farmers": counts of something the taxonomy does not measure
    if found:  # "(126 in Q1)", "a reduction from 46 in Q1"
        inherited = _inherited(unit, found, [])
        return inherited if inherited is not None and not taxonomy.vetoed(inherited, near) else None
    if _NUMERATOR.search(text):
        return None
    sentence_subject = taxonomy.match(near, text, unit)
    if sentence_subject is not None and not _counts_its_noun(sentence_subject, before, after, taxonomy):
        return None
    if sentence_subject is not None or taxonomy.evidence(text, unit):
        return sentence_subject  # "continued to be low - 222 on the 27/06/2022"
    inherited = _inherited(unit, found, previous)
    return inherited if inherited is not None and not taxonomy.vetoed(inherited, near) else None


def _counts_its_noun(indicator: Indicator, before: str, after: str, taxonomy: Taxonomy) -> bool:
    """ "12 in house beds" or "the number of open cases ... was 11,165" are not counts of children:
    a count naming another noun must be a count of that noun."""
    if _HOMES.match(after):
        return False  # "operates 4 children's homes" counts homes, not the children placed in them
    plural = _PLURAL_HEAD.match(after)
    if plural and _FOREIGN_NOUN.fullmatch(plural.group(1)) and \
            taxonomy.match(after[:plural.end()], after[:plural.end()], indicator.unit) is not indicator:
        return False  # "50 letters before proceedings" counts letters
    subject = _NUMBER_OF.search(before)
    for head in (" ".join(after.split()[:4]), subject.group(1) if subject else ""):
        if _FOREIGN_NOUN.search(head) and taxonomy.match(head, head, indicator.unit) is not indicator:
            return False
    head = " ".join(after.split()[:5])  # "7 farmers", "3 providers": whatever the sentence is about
    return plural is None or bool(taxonomy.match(head, head, indicator.unit))


def _aside(before: str, after: str) -> str | None:
    """The bracket a value sits in when it holds words, not just a partner figure or a period:
    "(17 were unaccompanied ...)" but not "(126 in Q1)" or "(51.4%)"."""
    opened = before.rfind("(")
    if opened <= before.rfind(")"):
        return None
    inside = before[opened:] + after.split(")", 1)[0]
    return inside if len(re.findall(r"[A-Za-z]{3,}", inside)) >= 2 else None


def _next_start(text: str, values: list[Value], i: int) -> int:
    """Where the next value starts, looking past a bracketed partner: "1,036 (51.4%) were non-UASC"."""
    j = i + 1
    if j < len(values) and text[values[i].span[1]:values[j].span[0]].strip() == "(":
        j += 1
    return values[j].span[0] if j < len(values) else len(text)


def _clause_start(text: str, floor: int, start: int) -> int:
    seps = [m.end() for m in _SEPARATOR.finditer(text, floor, start)]
    return max([floor, start - _LOOKBACK, *seps])


def _clause_end(text: str, end: int, ceiling: int) -> int:
    m = _TRAILING_END.search(text, end, ceiling)
    return m.start() if m else ceiling


def _fix_unit(v: Value, rate_sentence: bool, before: str, found: list[_Found]) -> Value:
    """A % in a sentence about a rate per 10,000 is a misprinted rate; "that of 60" takes its neighbour's unit."""
    if v.unit is Unit.PERCENT and rate_sentence:
        return Value(v.value, Unit.RATE, v.span, v.text, unit_mismatch=True)
    if v.unit is Unit.COUNT and found and found[-1].value.unit is not Unit.COUNT and re.search(
        r"(?:that of|average (?:of|is|was)|compared (?:to|with)(?: an?| the)?(?: \w+)*|being|target of)\s*$", before, re.I
    ):
        return Value(v.value, found[-1].value.unit, v.span, v.text, found[-1].value.unit_mismatch)
    return v


def _inherited(unit: Unit, found: list[_Found], previous: list[_Found]) -> Indicator | None:
    """The indicator of the nearest earlier value with the same unit: this sentence first, then the last one."""
    for f in [*reversed(found), *reversed(previous)]:
        if f.value.unit is unit and f.indicator is not None:
            return f.indicator
    return None


def _period(v: Value, periods: list[Period], lo: int, hi: int, text: str, trailing_only: bool = False) -> Period | None:
    """The value's own period ("38% in Q1", "229 (42.4 per 10,000) at 31 March 2016", or the clause's closing
    "... at 31 March 2024" with nothing comparative between), else one in its clause, else the sentence's (not for
    the earlier figure of a change, whose date the sentence does not give)."""
    partner = re.match(r"\s*\([^()]*\)", text[v.span[1]:])
    end = v.span[1] + (partner.end() if partner else 0)
    trailing = [p for p in periods if v.span[1] <= p.span[0] < min(max(hi, end), end + 30)]
    if not trailing:  # "412 children were subject to a child protection plan at the end of June 2024"
        trailing = [p for p in periods if end <= p.span[0] < hi and _POINT_IN_TIME.search(text[end:p.span[0]])
                    and not _COMPARED.search(text[end:p.span[0]])]
    if trailing or trailing_only:
        return trailing[0] if trailing else None
    own = [p for p in periods if lo <= p.span[0] and p.span[1] <= v.span[0]]
    if own:
        return own[-1]
    earlier = [p for p in periods if p.span[1] <= v.span[0]]
    if earlier:
        return earlier[-1]
    return None


def _worth_keeping(f: _Found, text: str) -> bool:
    """Unmapped bare numbers are kept only when they count something."""
    if f.indicator is not None or f.value.unit is not Unit.COUNT:
        return True
    return bool(_COUNTABLE.match(text[f.value.span[1]:f.value.span[1] + 40]))


def _to_metric(f: _Found, st: StatementIn, ctx: DocumentContext) -> Metric:
    flags = []
    if f.value.unit_mismatch:
        flags.append(Flag.UNIT_MISMATCH)
    if f.value.unit is Unit.PERCENT and f.value.value > 100:
        flags.append(Flag.OVER_100_PERCENT)
    if f.indicator is None:
        flags.append(Flag.UNMAPPED)
    start, end, label = _default_period(f, ctx)
    return Metric(
        indicator=f.indicator.id if f.indicator else "", label=_label(f, st.text), value=f.value.value,
        unit=f.value.unit, basis=f.basis, period_start=start, period_end=end, period_label=label,
        authority=ctx.authority, page=st.page, section_path=list(st.section_path), quote=st.text,
        flags=flags, statement_ord=st.ord,
    )


def _default_period(f: _Found, ctx: DocumentContext):
    if f.period is not None:
        return f.period.start, f.period.end, f.period.label
    if f.earlier:
        return None, None, ""
    if f.basis in (Basis.ACTUAL, Basis.TARGET, Basis.FLOOR) and ctx.period_end is not None:
        return ctx.period_start, ctx.period_end, ctx.period_label
    return None, None, ""


def _label(f: _Found, text: str) -> str:
    """The words around the value, as printed."""
    s, e = f.value.span
    return " ".join(text[max(0, s - 60):min(len(text), e + 60)].split())
