"""Metrics from sentences: each value with its indicator, basis and period.

A value's own clause decides first (the words since the previous value and up
to the next). A sentence with no indicator words ("This is a decline from 38%
in Q1") continues the indicator of the value before it; failing that, the
section heading and the sentences just before give the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.periods import Period
from nlp.basis import basis_of, clause_basis, comparator_frame, contrasted, trailing_basis
from nlp.brackets import bare_partner, item_in_brackets
from nlp.clauses import clause_end, clause_start, word_start
from nlp.domain import CHILDREN_DOCUMENT, DocumentDomain, about_children, about_money, off_domain
from nlp.evidence import Place, Verdict, blocked, judge, qualified
from nlp.figure_periods import (
    COMPARATORS,
    a_year_back,
    at_last_inspection,
    compared_period,
    over_years,
    paired_dates,
    published_earlier,
    rolling_to,
    since_point,
)
from nlp.kpi_cards import card_title, is_kpi_card
from nlp.lead_ins import LeadIns
from nlp.list_dates import ListDating
from nlp.models import Basis, Confidence, DocumentContext, Flag, Metric, Unit
from nlp.not_values import a_band_end, a_bound, a_key, an_age, not_its_value
from nlp.periods import resolve_periods
from nlp.qualifiers import own_words
from nlp.respectively import listed_run, respective_bases, respective_indicators
from nlp.row_labels import ITEMS, chart_labels, figure_label, hangs_from
from nlp.scorecard_dates import scorecard_dates
from nlp.subjects import Found, describes_sample, indicator_for
from nlp.taxonomy import Indicator, Taxonomy
from nlp.value_periods import forecast_year, latest, value_period
from nlp.value_units import about_a_rate, fixed_unit
from nlp.values import Value, find_values

_DASHES = str.maketrans({c: "-" for c in "\u0336\u2212\u2010\u2011\u2012\u2015\u2043\u2500\ufe58\ufe63\uff0d"})
_STROKE = re.compile(r"\s+\u0336(?:\s+|$)")
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)\s*$")
_YEAR_AFTER = re.compile(r"\s*(\d{2}|(?:19|20)\d\d)\b(?![.,]\d)")
_NOUNS = (
    r"children|child|young people|young person|care leavers|carers|households|placements|families|referrals|assessments|"
    r"cases|plans|homes|beds|posts|staff|workers|vacancies|applications|enquiries|visits|reviews|episodes|incidents|"
    r"UASC|people|adopters|adoptions|pupils|apprenticeships"
)
_COUNTABLE = re.compile(  # not "2 there is an improving pattern": a footnote mark before a clause
    rf"^\s*(?:\(\d[\d.]*%\)\s*)?(?!(?:there|it|this|that|the)\b)(?:\w+\s+){{0,2}}(?:{_NOUNS}|are|were|was|is)\b", re.I)
_HAS_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|been|being|did|does|do|[a-z]{3,}ed)\b", re.I)
_SAME_PERIOD = re.compile(  # the one before's, not "(compared to 24,085 for the same period last year)"
    r"\b(?:in|over|for|during|at) the same (?:period|year|time|point)\b(?!\s+(?:last|of last|the previous|a year|in \d))",
    re.I)
_PREDICATE_PAST_COMMA = re.compile(  # the count's own verb, after a comma that closed its clause: ", moved on to ..."
    r",\s+(?:and\s+)?(?:(?:have|had|has)\s+(?:been\s+)?)?(?!(?:compared|based|published|reported|recorded)\b)"
    r"(?:[a-z]+ed|attend|attends|live|lives|remain|remains|move|moves|go|goes|stay|stays|are|were)\b[^,;.]*", re.I)
_PARTNER_RATE = re.compile(  # "518 (63 per 10,000", "465 (a rate of 39", "266 children (42.3 per"
    r"\s*(?:(?:children|young people|care leavers)\s*)?\(\s*(?:a rate of\s+|or\s+)?", re.I)
_PARTNER_COUNT = re.compile(r"\s*(?:[A-Za-z’'-]+\s+){1,2}\(\s*")  # "91 households (119 children) in March 2020"
_FROM = re.compile(r"\bfrom\s*(?:an?\s+(?:[\w-]+\s+){0,3}?(?:base|level|high|low|figure|rate)\s+of\s*)?$", re.I)
_ANAPHOR = re.compile(  # "This represents ...", "This is below the England average of 90%", not "This is an increase from"
    r"^\s*(?:this|that|which|it)\s+(?:represents|equates|equated|means|meant|gives|compares|"
    r"(?:is|was)\b(?!\s+(?:an?|the)\s+(?:\w+\s+)?(?:increase|decrease|reduction|rise|fall|drop|change|improvement|decline)))",
    re.I)

_OF_THESE = re.compile(r"^\W*of (?:these|those|them|this number|this group)\s*[,:]", re.I)  # not "Of those in care,"
_THE_REST = re.compile(  # a breakdown's remainder: "The rest are placed with ...", "The remaining 40 children ..."
    r"^\W*the (?:rest|remainder)(?: of (?:them|these|those|the children|the young people))? (?:are|were|is|was|live|lived)\b|"
    r"^\W*the remaining (?:\w+ )?(?:children|young people|care leavers)\b", re.I)
_PART_OF = re.compile(r"^\W*(?:of|among|amongst) (?:these|those|them)\s*,", re.I)  # the base: the sentence before's
_POINTS_BACK = re.compile(  # "In 2021-24, this took an average of 142 days", "which stood at 12%"
    r"\b(?:this|that|these|those|it|which|they)\s+(?:figure\s+|rate\s+|number\s+)?(?:took|takes|was|is|were|are|has|have|"
    r"had|stood|stands|represents|equates|fell|rose|increased|decreased|reduced|remained)\b|"
    r"\b(?:the|this|that)\s+(?:proportion|percentage|figure|rate|number|average|time)\b|"  # "At 83%, the proportion is"
    r"\ban average (?:time (?:period )?|number of days )?of\b", re.I)  # "waiting an average of 247 days"
_CONTINUES = re.compile(  # goes on from the one before: "This is a decline from 38% in Q1", "(a rate of 38 per 10,000)"
    r"^\s*(?:(?-i:[a-z(])|this|that|these|those|it|which|they|the (?:figure|rate|number|proportion|percentage|total)|"
    r"(?:this|that) (?:figure|rate|number|proportion|percentage|represents|is)|in (?:Q[1-4]|quarter|the same)|"
    r"(?:at|by) the end of|(?:an? |the )?(?:increase|decrease|reduction|rise|fall|drop)|compared|of (?:these|those|them)|"
    r"(?:the |our )?(?:national|england|regional|statistical neighbours?|comparators?|similar authorities|target)\b|"
    r"nationally|(?:in )?comparison\b)",  # "The national average for 2023/24 was 38%": the comparator of the figure before
    re.I)


@dataclass(frozen=True)
class StatementIn:
    """A statement as extraction sees it (from ingest, or read back from the records store)."""

    ord: int
    text: str
    page: int
    section_path: tuple[str, ...]
    is_table_row: bool = False
    is_list_item: bool = False
    title: str = ""  # a KPI card's measure, when the card was read as a table headed by it


def metrics_from_statements(statements: list[StatementIn], ctx: DocumentContext, taxonomy: Taxonomy,
                            domain: DocumentDomain = CHILDREN_DOCUMENT) -> list[Metric]:
    out: list[Metric] = []
    lead_ins = LeadIns()
    previous: list[Found] = []
    before_previous: list[Found] = []
    history: list[StatementIn] = []
    dating = ListDating()
    parts = False  # inside a list that breaks down the figure of its lead-in
    charts = chart_labels([(s.ord, s.text, s.section_path) for s in statements if not s.is_table_row])
    for st in _split_strokes(statements):
        if (st.is_table_row and not is_kpi_card(st.text)) or a_key(st.text):
            continue  # a map's key ("19% to 48% 10% to 19% ... Under 6%") holds bands, not figures
        title = st.title or (card_title(st, history) if is_kpi_card(st.text) else "")
        context = title or " ".join(s.text for s in history[-3:] if s.section_path == st.section_path)
        context += " " + " ".join(st.section_path[-1:])
        if parts and st.is_list_item:  # "37% (44) are in our NEET category:" - "17% (20) due to illness": a breakdown
            found = _statement_metrics(st.text, ctx, taxonomy, [], "")
        else:  # a value with no subject continues the last one of its unit, from this sentence or the two before it
            found = _statement_metrics(st.text, ctx, taxonomy, before_previous + previous, context)
        lead = dating.item_period(st.text, st.section_path, st.is_list_item)
        if lead is not None:
            for f in found:
                f.period = f.period or lead
        elif _ANAPHOR.match(st.text) or _SAME_PERIOD.search(st.text) or st.text.lstrip().startswith("("):
            # "This represents a rate of 58 per 10,000", "(a rate of 35 per 10,000 children)." printed apart from
            # "At 31 December 2016, 200 children were ...": the figure before it, same date
            dated = latest([f.period for f in previous])  # "... from 35% in 2014 to 50% in 2015. This is now ..."
            month = dated is not None and 27 <= (dated.end - dated.start).days <= 31 and not _SAME_PERIOD.search(st.text)
            for f in found:  # a comparator's average is published for a year or at 31 March, not for the authority's month
                f.period = f.period or _weighed_against(f, found, previous) or (
                    None if month and f.basis is not Basis.ACTUAL else dated)
        elif _OF_THESE.match(st.text) or _THE_REST.match(st.text):
            # "In 2014-15, of 214 care leavers, 62% ... Of these, 20% ...", "72% in 2007/08 ... The rest (4%) ..."
            dated = next((f.period for f in [*previous, *before_previous] if f.period is not None), None)
            for f in found:
                f.period = f.period or dated
        if history and history[-1].section_path == st.section_path:
            _compared(found, previous, history[-1].text, ctx)
        scorecard_dates(found, f"{context} {st.text}")
        # a figure with no words of its measure goes on from the figure before it, or points back ("this took 142
        # days"); otherwise ("Improve access to ... dentistry." then "... a GP appointment ... from 49% to 60%") it is
        # a statement of something the rules do not name, and borrows nothing
        continues = bool(_CONTINUES.match(st.text)) or (
            bool(found) and (bool(previous) or bool(_POINTS_BACK.search(st.text)))
            and not any(taxonomy.evidence(st.text, f.value.unit) for f in found))
        places = _places(st, title, lead_ins.places(st.section_path, st.is_list_item, continues), context)
        antecedent = history[-1].text if history and _PART_OF.match(st.text) else ""
        hangs = charts.get(st.ord) or (hangs_from(st.text, st.is_list_item, [
            (s.text, s.is_list_item) for s in history[-ITEMS:] if s.section_path == st.section_path]) if found else "")
        out += [_to_metric(f, st, ctx, _verdict(f, places, st, taxonomy, domain, found, antecedent), hangs)
                for f in found if _worth_keeping(f, st.text)]
        lead_ins.step(st.text, st.section_path, st.is_list_item, continues)
        dating.step(st.text, st.section_path, st.is_list_item, ctx)
        parts = (parts and st.is_list_item) or (bool(found) and st.text.rstrip().endswith(":"))
        before_previous, previous = (previous if history and history[-1].section_path == st.section_path else []), found
        history.append(st)
    return out


def _split_strokes(statements: list[StatementIn]) -> list[StatementIn]:
    """Items a layout ran together with a combining stroke for their bullets ("143 (or 38%) live outside the area ̶ 25
    live in residential children's homes ̶ ..."): one item each, as printed."""
    out: list[StatementIn] = []
    for st in statements:
        items = [t for t in _stroke_items(st.text) if t.strip()] if "\u0336" in st.text else [st.text]
        out += [st] if len(items) < 2 else [replace(st, text=t, is_list_item=not t.rstrip().endswith(":")) for t in items]
    return out


def _stroke_items(text: str) -> list[str]:
    """The items between stroke bullets, keeping a year range printed with the stroke ("In 2016 \u0336 17, 176 ...")
    whole: a year followed by the next year is a range, not two items."""
    items, start = [], 0
    for m in _STROKE.finditer(text):
        left = _YEAR_BEFORE.search(text[max(0, m.start() - 5):m.start()])
        right = _YEAR_AFTER.match(text, m.end())
        if left and right and int(right.group(1)) % 100 == (int(left.group(1)) + 1) % 100:
            continue
        items.append(text[start:m.start()])
        start = m.end()
    return [*items, text[start:]]


def _statement_metrics(text: str, ctx: DocumentContext, taxonomy: Taxonomy, previous: list[Found],
                       context: str) -> list[Found]:
    text = text.translate(_DASHES)  # "2014−15" with a minus sign is a year range; one character each, spans hold
    periods = resolve_periods(text, ctx)
    values = find_values(text, [p.span for p in periods])
    rate_sentence = about_a_rate(text, values)
    found: list[Found] = []
    pairs = paired_dates(text, periods, [v.span for v in values])  # "for 31 March 2014 and 2015 of 355 and 360"
    trailing: list[bool] = []
    bracketed: list[bool] = []
    for i, v in enumerate(values):
        floor = values[i - 1].span[1] if i else 0
        lo = clause_start(text, floor, v.span[0])
        hi = clause_end(text, v.span[1], _next_start(text, values, i))
        before, after = text[lo:v.span[0]], text[v.span[1]:hi]
        following = text[hi:hi + 16]
        basis = clause_basis(basis_of(before, after, following), text, v.span, i > 0)
        if basis is Basis.ACTUAL and found and bare_partner(text, floor, v.span):
            basis = found[-1].basis  # "England's £1.3bn (5%) increase": the share is of England's sum
        v = fixed_unit(v, rate_sentence, before, found[-1].value if found else None, text, basis)
        near = before if item_in_brackets(text, before, v.span, v.unit, taxonomy) else before + " " + after
        own = _own_clause(text, values, i, v)
        indicator = indicator_for(v, near, text, context, taxonomy, found, previous, after, own)
        whole = word_start(text, lo, floor)  # a clause cut at "...tial health assessments":
        if indicator is not None and whole < lo and taxonomy.vetoed(indicator, text[whole:v.span[0]]):  # "initial" vetoes
            indicator = indicator_for(v, text[whole:v.span[0]] + " " + after, text, context, taxonomy, found, previous,
                                      after, own)
        predicate = _PREDICATE_PAST_COMMA.match(text, hi)
        if indicator is not None and v.unit is Unit.COUNT and predicate and taxonomy.vetoed(indicator, predicate.group(0)):
            indicator = None  # "60 young people who ceased to be looked after, moved on to independent living": a part
        if found and taxonomy.match(near, near, v.unit) is None:  # its own clause names nothing: its partner does
            indicator = _paired(v, found[-1], text, taxonomy) or indicator
        earlier = bool(_FROM.search(before)) and i + 1 < len(values) and values[i + 1].unit is v.unit
        period = pairs.get(i) or value_period(v, periods, lo, hi, text, trailing_only=earlier,
                                              comparator=basis in COMPARATORS)
        if period is not None:  # "a 4% reduction from 740 children ... since 31 March 2015", "since March 2016 (266)"
            period = since_point(period, text, v.span, bool(_FROM.search(before)))
        period = rolling_to(period, text, v.span)  # "to 8.5% to the end of December 2015" (the last 12 months)
        period = forecast_year(period, v, text)  # "forecast ... as at Quarter 3 of 2024-25 ... overspend of £23.3m"
        if at_last_inspection(text, v.span):  # "since the last inspection, when it was only 44%": no date given
            earlier, period = True, None
        # a rolling average, last year's figure in a paper with no year to count back from, or the latest published:
        # no date of its own
        undated = period is None and (over_years(text, v.span) or a_year_back(text, v.span)
                                       or (ctx.inspection and published_earlier(text, v.span)))
        found.append(Found(v, indicator, basis, period, earlier=earlier, near=near, undated=undated))
        trailing.append(trailing_basis(after, following) is not None)
        bracketed.append(before.rstrip().endswith("("))
    bases = contrasted([f.basis for f in found], [f.value.unit for f in found], trailing, bracketed)
    spans = [f.value.span for f in found]
    run = listed_run(text, spans)
    bases = comparator_frame(text, spans, respective_bases(text, spans, run, bases), ctx.authority)
    named = respective_indicators(text, spans, run, [f.value.unit for f in found], [f.indicator for f in found], taxonomy)
    for f, basis, indicator in zip(found, bases, named, strict=True):
        f.basis, f.indicator = basis, indicator
    return found


def _own_clause(text: str, values: list[Value], i: int, v: Value) -> str:
    """The sentence up to the next figure where that figure has a clause of its own: words printed after it are its
    ("(96%) of children had regular reviews ... and 97% of young people participated in their reviews" does not make
    the 96% a participation rate)."""
    nxt = _next_start(text, values, i)
    gap = text[v.span[1]:nxt]  # cut only a clause of its own ("had regular reviews ... and"), not a shared predicate
    # ("82% of initial conferences and 100% of review conferences were held within timescales", "from 8% to 5% ...")
    # ("... care plans (96%) and 97% of young people participated": a bracketed figure's words are before it)
    closed = _HAS_VERB.search(gap) or ";" in gap or (text[:v.span[0]].rstrip().endswith("(") and gap.lstrip()[:1] == ")")
    own = text[:nxt] if nxt < len(text) and closed and not gap.rstrip().endswith("(") else text
    semi = own.find(";", v.span[1])  # "... below the local target of 70%; 29.3% of referrals ... are re-referrals"
    return own[:semi] if semi != -1 and any(w.span[0] > semi for w in values) else own


def _paired(v: Value, last: Found, text: str, taxonomy: Taxonomy) -> Indicator | None:
    """What the value before says this one measures: the second figure of "the turnover rate from 16% in 2012-13
    to 31% in 2013-14", or the rate of a count's own cohort in "a reduction from 518 (63 per 10,000 children)"."""
    if last.indicator is None:
        return None
    if last.earlier and last.value.unit is v.unit:
        return last.indicator
    if v.unit is Unit.RATE and last.value.unit is Unit.COUNT and last.indicator.id.endswith("_count") \
            and _PARTNER_RATE.fullmatch(text[last.value.span[1]:v.span[0]]):
        return taxonomy.get(last.indicator.id.removesuffix("_count") + "_rate_per_10000")
    return None


def _next_start(text: str, values: list[Value], i: int) -> int:
    """Where the next value starts, looking past a bracketed partner: "1,036 (51.4%) were non-UASC", "266 children
    (42.3 per 10,000 children) at 31 October 2013", "91 households (119 children) in March 2020"."""
    j = i + 1
    if j < len(values):
        gap = text[values[i].span[1]:values[j].span[0]]
        if gap.strip() == "(" or (values[j].unit is Unit.RATE and _PARTNER_RATE.fullmatch(gap)) or \
                (values[j].unit is values[i].unit and _PARTNER_COUNT.fullmatch(gap)):
            j += 1
    return values[j].span[0] if j < len(values) else len(text)


def _weighed_against(f: Found, found: list[Found], previous: list[Found], before: str = "",
                     ctx: DocumentContext | None = None) -> Period | None:
    """A comparator with no date, in a sentence with no figure of the authority's own, is of the date of the figure
    it is weighed against in the sentence before: the figure of its unit ("58 per 10,000 at the end of March 2015.
    This is above the national average of 43 per 10,000": March 2015, not the inspection that sentence also names),
    else, given `before` and `ctx`, that sentence's latest date ("... adopted in 2013–14. This is less than the
    national average")."""
    if f.basis not in COMPARATORS:
        return None
    own = any(g.basis is Basis.ACTUAL and g.value.unit is f.value.unit for g in found)
    unit = [g.period for g in previous if g.period is not None and g.value.unit is f.value.unit]
    if unit or ctx is None:
        return compared_period([], own, unit) if unit else None
    return compared_period(resolve_periods(before.translate(_DASHES), ctx), own, [])


def _compared(found: list[Found], previous: list[Found], before: str, ctx: DocumentContext) -> None:
    for f in found:
        if f.period is None and not f.earlier:
            f.period = _weighed_against(f, found, previous, before, ctx)


def _worth_keeping(f: Found, text: str) -> bool:
    """Unmapped bare numbers are kept only when they count something, and the ends of a band not at all."""
    if f.basis is Basis.ACTUAL and a_band_end(f.value, text):
        return False  # "has fluctuated between 30 and 50%": neither end is a level (an aim's band is a target's bounds)
    if f.indicator is not None or f.value.unit is not Unit.COUNT:
        return True
    if describes_sample(text) or an_age(f.value, text) is not None:  # "children in care aged over 16 and ..."
        return False
    return bool(_COUNTABLE.match(text[f.value.span[1]:f.value.span[1] + 40]))


def _places(st: StatementIn, title: str, lead_ins: list[Place], context: str) -> list[Place]:
    """Where a value's indicator may be named, nearest first; the clause is added per value."""
    places = [Place("sentence", st.text)]
    if title:
        places.append(Place("label", title))  # a KPI card's title names its figures
    places += [*lead_ins, Place("heading", " ".join(st.section_path[-1:])), Place("earlier", context)]
    return places


def _verdict(f: Found, places: list[Place], st: StatementIn, taxonomy: Taxonomy, domain: DocumentDomain,
             found: list[Found], antecedent: str = "") -> Verdict | None:
    """The row's evidence and confidence, or None when its indicator does not stand: borrowed, off its domain (economy,
    treasury, capital, highways), or a share of money; blocked when its own words narrow what the indicator measures."""
    verdict = _judged(f, places, st, taxonomy, domain)
    if verdict is None or f.indicator is None:
        return verdict
    if (why := not_its_value(f.value, f.basis, st.text)) is not None:
        return blocked(verdict, f.indicator, why)
    lead = " ".join(p.text for p in places if p.where == "lead-in") if st.is_list_item else ""
    clause, stretch = own_words(st.text, f.value.span, [g.value.span for g in found if g is not f])
    return qualified(verdict, f.indicator, f.value.unit, f"{clause} {lead}", f"{stretch} {lead}", taxonomy,
                     heading=" / ".join(st.section_path[-2:]), sentence=st.text,
                     antecedent=antecedent or _whole_of(f, found, st.text))


def _whole_of(f: Found, found: list[Found], text: str) -> str:
    """The own words of the count this count is a part of, when the counts after that one sum to it: "287 are placed
    in agency placements, 246 with independent foster carers and 41 in residential settings"; else ""."""
    counts = [g for g in found if g.value.unit is Unit.COUNT]
    for i, whole in enumerate(counts):
        rest = counts[i + 1:]
        if f in rest and len(rest) >= 2 and abs(sum(g.value.value for g in rest) - whole.value.value) < 0.5:
            return own_words(text, whole.value.span, [g.value.span for g in found if g is not whole])[1]
    return ""


def _judged(f: Found, places: list[Place], st: StatementIn, taxonomy: Taxonomy, domain: DocumentDomain) -> Verdict | None:
    if f.indicator is None or (f.earlier and f.period is None):
        return None  # "had reduced from 13% to 10.3%": a baseline the text does not date is no figure to compare
    if off_domain(st.text) or off_domain(" ".join(st.section_path)):
        return None
    if f.value.unit is not Unit.GBP and about_money(st.text) and (f.value.unit is Unit.PERCENT or not about_children(f.near)):
        return None  # "4.6% of net budget", "uplift of 3%": money talk
    verdict = judge(f.indicator, [Place("clause", f.near), *places], taxonomy, weak_domain=not domain.about_children)
    if verdict is not None and f.value.unit_mismatch:
        return Verdict(verdict.evidence, Confidence.LOW)
    if verdict is not None and verdict.confidence is Confidence.HIGH and not _dated_here(f, st.text):
        return Verdict(verdict.evidence, Confidence.MEDIUM)  # its period is inferred: a lead-in's, the paper's
    return verdict


def _dated_here(f: Found, text: str) -> bool:
    """Whether the value's period is printed in its own sentence (not a list's lead-in, the paper's dates)."""
    return f.period is not None and bool(f.period.label) and f.period.label.lower() in " ".join(text.split()).lower()


def _to_metric(f: Found, st: StatementIn, ctx: DocumentContext, verdict: Verdict | None, hangs: str) -> Metric:
    if verdict is None or verdict.blocked:
        f = replace(f, indicator=None)
    flags = []
    if f.value.unit_mismatch:
        flags.append(Flag.UNIT_MISMATCH)
    if f.value.unit is Unit.PERCENT and f.value.value > 100:
        flags.append(Flag.OVER_100_PERCENT)
    if f.indicator is None:
        flags.append(Flag.UNMAPPED)
    if f.basis is Basis.ACTUAL and a_bound(f.value, st.text):
        flags.append(Flag.BOUND)
    start, end, label = _default_period(f, ctx)
    return Metric(
        indicator=f.indicator.id if f.indicator else "", label=figure_label(st.text, f.value.span, hangs), value=f.value.value,
        unit=f.value.unit, basis=f.basis, period_start=start, period_end=end, period_label=label,
        authority=ctx.authority, page=st.page, section_path=list(st.section_path), quote=st.text,
        flags=flags, statement_ord=st.ord, evidence=verdict.evidence if verdict else "",
        confidence=verdict.confidence if verdict and not verdict.blocked else None,
    )


def _default_period(f: Found, ctx: DocumentContext):
    if f.period is not None:
        return f.period.start, f.period.end, f.period.label
    if f.earlier or f.undated:
        return None, None, ""
    if ctx.period_end is not None and (f.basis in (Basis.ACTUAL, Basis.TARGET, Basis.FLOOR) or ctx.inspection):
        # an inspection report's "compared with the England average of 17%" is the average known at the inspection
        return ctx.period_start, ctx.period_end, ctx.period_label
    if f.basis is Basis.ACTUAL and ctx.meeting_date is not None:  # minutes: "31 children had been adopted", as at the meeting
        return ctx.meeting_date, ctx.meeting_date, f"{ctx.meeting_date:%-d %B %Y}"
    return None, None, ""

