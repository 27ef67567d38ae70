"""The period a value's own sentence gives it: the date printed by it ("38% in Q1", "229 (42.4 per 10,000) at 31 March
2016"), else one in its clause, else the sentence's; the one year a "versus" weighs it against; the sentence's only
date when nothing comparative stands between ("76 (13%) out of 586 having three or more moves in the past twelve
months"), or a closing "(2013–14 figures)". Moved out of prose.py, which decides what each value measures.
"""

from __future__ import annotations

import re

from ingest.periods import Period, financial_year, fy_of
from nlp.figure_periods import window_later
from nlp.models import Unit
from nlp.values import Value

CLAUSE_MARK = r"[;|]|(?<!\d)/|/(?!\d)|(?<=[a-z)%])(?<![a-z]\.[a-z])\.\s+(?=[A-Z])"  # a sentence ends a clause too
TRAILING_END = re.compile(  # also ", " and a "Target:" label, or a card's "Previous 5,473" without its colon, or a
    # new clause with its own subject ("89 children ... were awaiting allocation although all children in care were")
    CLAUSE_MARK + r"|,\s|\b(?:although|though|whereas|however|but)\b|"
    r"\bwhile\b(?!\s+(?:in|looked|being|living|placed|on|at|still|subject|they|he|she)\b)|"
    r"\b[A-Z][a-z]+\s*:|(?<=[\d%]\s)Previous\b|\band there (?:is|are|was|were|has|have)\b")
_BRACKETED_AS_AT = re.compile(r"^[^()\d]*\([^()]*\bas (?:at|of)\s+$", re.I)
_COMPARATOR_WORDS = re.compile(r"\b(?:national(?:ly)?|england|neighbou?rs?|similar|comparators?|averages?|same as|"
                               r"region(?:al|ally)?)\b", re.I)
_BRACKETED_AFTER = re.compile(r"^[^()\d;:.]*\(\s*$")
# the interval a duration times, which is no comparison: "between registration and approval", "from entering care to
# moving in with an adoptive family" (words, no figures)
_INTERVAL = re.compile(r"\b(?:between|from)\s+(?:[a-z’'-]+\s+){1,6}?(?:and|to)\s+"
                       r"(?:(?!(?:in|at|during|for|by|over)\s+\d)[a-z’'-]+(?:\s+|(?=\W))){1,8}", re.I)
_SPAN_AFTER = re.compile(r"\b(?:between|during(?: the (?:month|months|quarter|period) of)?)\s+$", re.I)
_TO_NEXT = re.compile(r"\s*to\s+", re.I)
_WEIGHED = re.compile(r"\b(?:above|below|higher|lower|better|worse|against|published|average|national|england)\b", re.I)
_DENOMINATOR = re.compile(r"\b(?:out )?of\s+(?:the\s+)?\d[\d,]*\b")
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)
_POINT_IN_TIME = re.compile(r"\b(?:at|as at|as of|at the end of|by the end of|in|during)\s*$", re.I)
_ANOTHER_FIGURE = re.compile(r"\d|\b(?:than|compared|against|versus|vs)\b", re.I)  # a period past it is not ours
_COMPARED = re.compile(
    r"\b(?:than|from|compared|comparable|previous|last|since|before|(?<!looked )(?<!looked-)after|between|increase\w*|"
    r"decrease\w*|rise|fall)\b", re.I)


def value_period(v: Value, periods: list[Period], lo: int, hi: int, text: str, trailing_only: bool = False,
                 comparator: bool = False) -> Period | None:
    """The value's own period ("38% in Q1", "229 (42.4 per 10,000) at 31 March 2016", or the clause's closing
    "... at 31 March 2024" with nothing comparative between), else one in its clause, else the sentence's (not for
    the earlier figure of a change, whose date the sentence does not give). `comparator`: the value is a comparator's."""
    if v.unit is Unit.DAYS:  # "490 days between entering care and moving in with their adoptive family (2013-16)":
        text = text[:v.span[1]] + _INTERVAL.sub(lambda m: " " * len(m.group()), text[v.span[1]:])  # what was timed
    partner = re.match(r"\s*\([^()]*\)", text[v.span[1]:])
    end = v.span[1] + (partner.end() if partner else 0)
    trailing = [p for p in periods if v.span[1] <= p.span[0] < min(max(hi, end), end + 30)
                and not _ANOTHER_FIGURE.search(text[end:p.span[0]])  # not "(5,869) and 10.8% higher than Quarter 3"
                and not (trailing_only and _TO_NEXT.fullmatch(text[end:p.span[0]]))]  # "from 9% to a current level of"
    if not trailing:  # "412 children were subject to a child protection plan at the end of June 2024"
        trailing = [p for p in periods if end <= p.span[0] < hi and _POINT_IN_TIME.search(text[end:p.span[0]])
                    and not _COMPARED.search(text[end:p.span[0]])]
    if not trailing:  # "98% of our care leavers (aged 17-21, as at 2 January 2024)": the bracket dates the figure
        trailing = [p for p in periods if end <= p.span[0] < end + 60 and _BRACKETED_AS_AT.search(text[end:p.span[0]])]
    if not trailing:  # "11% for both similar local authorities and nationally (2013–14)": the bracket closing its clause
        # (not "10%, the same as nationally (2013-14)": the bracket dates the comparison, not the authority's 10%)
        trailing = [p for p in periods if end <= p.span[0] < end + 80 and _BRACKETED_AFTER.match(text[end:p.span[0]])
                    and re.match(r"\s*\)", text[p.span[1]:]) and p.label[:1].isdigit()
                    and not _COMPARED.search(text[end:p.span[0]])
                    and (comparator or not _COMPARATOR_WORDS.search(text[end:p.span[0]]))]
    if not trailing and (window := window_later(periods, text, lo, v.span, hi)) is not None:
        trailing = [window]  # "53% ... within 28 days of becoming looked after in the year to August 2014"
    if trailing_only and not trailing:  # "has increased since 2012-13, rising from 17 children to 33 in 2013-14"
        since = [p for p in periods if v.span[0] - 80 <= p.span[0] and p.span[1] <= v.span[0]
                 and _SINCE_BEFORE.search(text, max(0, p.span[0] - 8), p.span[0])]
        return since[-1] if since else None
    if trailing or trailing_only:
        return trailing[0] if trailing else None
    # "down on the year before, 12 as opposed to 15": the year before is what the figure is weighed against, and the
    # figure after "as opposed to" is that year's
    weighed = [p for p in periods if p.span[1] <= v.span[0] and _LAST_YEAR_LABEL.search(p.label)
               and _WEIGHED_ON.search(text, max(0, p.span[0] - 20), p.span[0])
               and not re.fullmatch(r"[\s(:]*", text[p.span[1]:v.span[0]])]  # not "the previous year (5,818)"
    if weighed and _VERSUS.search(text, max(0, v.span[0] - 25), v.span[0]):
        return weighed[-1]
    if weighed and _VERSUS_AFTER.match(text, v.span[1]):  # the first of the pair is the sentence's own year's
        periods = [p for p in periods if p not in weighed]
    periods = [p for p in periods if not (_WEIGHED_WITH.search(text, max(0, p.span[0] - 40), p.span[0])
                                          and _A_FIGURE.search(text, p.span[1], v.span[0]))]  # another figure between
    own = [p for p in periods if lo <= p.span[0] and p.span[1] <= v.span[0]]
    if own:
        return own[-1]
    earlier = [p for p in periods if p.span[1] <= v.span[0]]
    if earlier:
        return earlier[-1]
    span = _SPAN_AFTER.search(text, end, periods[0].span[0]) if len(periods) == 1 else None
    if span is not None and not _COMPARED.search(text[end:span.start()]):
        return periods[0]  # "63 missing episodes involving 50 children between January and March 2016": the sentence's
    if len(periods) == 1 and _dates_all(text[end:periods[0].span[0]]):
        return periods[0]  # "76 (13%) out of 586 having three or more moves in the past twelve months"
    label = _FIGURES_LABEL.search(text)
    if len(periods) == 1 and label is not None and label.start() <= periods[0].span[0] and v.span[1] <= label.start():
        return periods[0]  # "..., at 48%, is slightly better than the national average of 45% (2013–14 figures)."
    return None


# a closing bracket that says which year the sentence's figures are ("(2013–14 figures)", "(DfE data, 2014)")
_FIGURES_LABEL = re.compile(r"\((?=[^()]*\b(?:figures?|data|statistics|outturns?)\b)[^()]*\)[\s.]*$", re.I)


# a period a figure before it is weighed against, not the figures after the next: "risen by 1% in comparison with
# Quarter 3, 2023/24, and while physical issues have dropped by 2%, ... eAudiobook issues of 5% and 19%" (but "compared
# to the previous Quarter (5,869)" and "compared to the 2013–14 figure of 88%" are that period's)
_WEIGHED_WITH = re.compile(r"\b(?:compared (?:with|to)|in comparison (?:with|to)|as against)\s+(?:the\s+)?(?:same\s+"
                           r"(?:period|quarter|month|time)\s+(?:in|of|last year)\s*,?\s*)?$", re.I)
_A_FIGURE = re.compile(r"(?<![\w/–-])(?!(?:19|20)\d{2}\b)\d[\d,.]*")  # not a year: "Autumn 2023", "2023/24"
_LAST_YEAR_LABEL = re.compile(
    r"\b(?:previous|prior|preceding|last)\s+(?:financial\s+)?year\b|\byear\s+(?:before|earlier)\b", re.I)
_WEIGHED_ON = re.compile(r"\b(?:on|than|with|to|against)\s+$", re.I)
_VERSUS = re.compile(r"\b(?:as opposed to|compared (?:with|to)|against|versus|vs\.?)\s+$", re.I)
_VERSUS_AFTER = re.compile(r"\s*,?\s*(?:as opposed to|compared (?:with|to)|against|versus|vs\.?)\s+\d", re.I)


def _dates_all(gap: str) -> bool:
    """Whether a sentence's only date, printed after the figure, is the figure's: nothing comparative, no other figure
    (but its denominator, "out of 586") and no new clause between."""
    gap = _DENOMINATOR.sub(" ", gap)
    worded = bool(re.search(r"[a-z]{3}", gap)) and len(gap) <= 60  # not "Floor: 55% Previous 54.8%": a card's label
    return worded and not (_WEIGHED.search(gap) or _COMPARED.search(gap) or re.search(r"\d|[;:.•(]", gap)
                           or TRAILING_END.search(gap.replace(", ", " ")))


def latest(periods: list[Period | None]) -> Period | None:
    """The most recent of the periods the sentence before printed (its current figure, not its baseline)."""
    dated = [p for p in periods if p is not None]
    return max(dated, key=lambda p: (p.end, p.start)) if dated else None


_FORECAST = re.compile(r"\bforecast(?:s|ed|ing)?\b|\bprojected\b|\boutturn\b", re.I)


def forecast_year(period: Period | None, v: Value, text: str) -> Period | None:
    """A sum forecast at a quarter ("the overall forecast position as at Quarter 3 of 2024-25, which is a revenue
    overspend of +£23.3m") is the whole financial year's: the quarter is when the forecast was made. Money only: "412
    children at Q3, forecast to rise" is the quarter's count."""
    if period is None or v.unit is not Unit.GBP or not 80 <= (period.end - period.start).days <= 95 \
            or not _FORECAST.search(text):
        return period
    start, end = financial_year(fy_of(period.start))
    return Period(start, end, f"{start.year}-{(start.year + 1) % 100:02d} (forecast at {period.label})", period.span)

