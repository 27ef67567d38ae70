"""Dates a figure takes from how its sentence is built, when its own clause prints none, as inspection reports and
council papers write them.

- A comparator is of the period of the figure it is compared with: "Eight per cent ... were adopted in 2013–14. This
  is less than the national average of 17%" (the 17% is of 2013–14, not as at the inspection).
- Dates and figures listed in the same order are paired in that order: "the numbers for 31 March 2014 and 31 March
  2015 of 355 and 360".
- A figure of the last inspection ("since the last inspection, when it was only 44%", "44% at the last inspection")
  is an earlier figure whose date the report does not give.
- A figure in brackets after "since March 2016 (266)" is that month's.
- A window printed later in the figure's clause dates it: "53% ... had received an initial health assessment within
  28 days ... in the year to August 2014"; "from 11.7% in 2013–14 to 8.5% to the end of December 2015" in a sentence
  about "the last 12 months" is the twelve months to that month.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.periods import Period, _month_end
from nlp.models import Basis
from nlp.periods import YEAR_BACK
from nlp.relative_periods import twelve_months_to

COMPARATORS = (Basis.NATIONAL, Basis.STATISTICAL_NEIGHBOURS, Basis.REGIONAL)

_LAST_INSPECTION = r"the\s+(?:last|previous|prior)\s+(?:full\s+)?(?:inspection|visit)"
_AT_LAST_BEFORE = re.compile(  # "at the time of the last inspection, it was 44%", "since the last inspection, when it was"
    # (not "was 44% at the last inspection and is now 82%": a new predicate of its own)
    rf"(?:\b(?:at|during|in)\s+(?:the\s+time\s+of\s+)?{_LAST_INSPECTION}|\b{_LAST_INSPECTION}\b[^.;\d%]{{0,12}}?\bwhen\b)"
    r"\s*,?\s*(?:(?:when\s+)?(?:it|this|that|the\s+\w+)\s+(?:was|stood\s+at|had\s+been)\s+(?:(?:only|just|at|around|about)\s+)?)?$",
    re.I)
_AT_LAST_AFTER = re.compile(  # "44% at the last inspection", "(44% at the time of the previous inspection)"
    rf"^\s*\)?,?\s*(?:at|during|in)\s+(?:the\s+time\s+of\s+)?{_LAST_INSPECTION}\b", re.I)
_OPENS_LAST = re.compile(  # "At the time of the last inspection, the proportion ... was 61%" (not "... but is now 82%")
    rf"^\W*(?:at|during|in)\s+(?:the\s+time\s+of\s+)?{_LAST_INSPECTION}\b(?:(?!\b(?:now|currently|current|since|but|"
    r"whereas|although|compared|this inspection)\b)[^;])*$", re.I)
_PART_OF_A_YEAR = 200  # days: a month, a quarter, half a year
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)\s*", re.I)
_DATES_TO_FIGURES = re.compile(r"^[^\d.;%]{0,25}?\b(?:of|were|was|at|are|is|stood at|being)\s+$", re.I)
_FIGURES_TO_DATES = re.compile(r"^\s*(?:children\s+|respectively\s*,?\s*)?(?:at|as at|on|for|in)\s+$", re.I)
_WINDOW = re.compile(  # a span that ends at a date or at the paper's time: "in the year to August 2014", "in the last year"
    r"^(?:in|over|during|for)?\s*the\s+(?:year|(?:12|twelve)[\s-]months?(?:\s+period)?|last|past|previous)\b", re.I)
_CONTRASTED = re.compile(r"\b(?:than|from|compared|since|before|between|increase\w*|decrease\w*|rise|fall|although|"
                         r"whereas|while|but|however|similar|same|like|against|versus)\b|[;:•]|\.\s", re.I)
_UP_TO = re.compile(r"^\s*(?:to|up to)\s+(?:the\s+end\s+of\s+)?$", re.I)
_YEAR_SPAN = re.compile(r"\b(?:last|past|previous|preceding)\s+(?:(?:12|twelve)[\s-]months?|year)\b", re.I)
_DAY_IN_LABEL = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]")


_YEARS = r"(?:two|three|four|five|2|3|4|5)[\s-]years?"
_AVERAGE_AFTER = re.compile(  # "was 12% across the three-year average", "(14%) over a rolling three-year period"
    rf"^\s*\)?,?\s*(?:across|over|as|for|on)\s+(?:a|the)\s+(?:rolling\s+)?{_YEARS}\s+(?:rolling\s+)?(?:average|period)\b",
    re.I)
_AVERAGE_BEFORE = re.compile(  # "the three-year average is 12%", "its rolling three-year average of 524 days"
    rf"\b(?:rolling\s+)?{_YEARS}\s+(?:rolling\s+)?average\s+(?:of|was|is|stood\s+at|at|remains?)\s+(?:(?:only|just|about|around)\s+)?$",
    re.I)


def over_years(text: str, span: tuple[int, int]) -> bool:
    """Whether the figure is an average over several years its sentence does not date ("12% across the three-year
    average"): no single period, so not the paper's either."""
    return bool(_AVERAGE_AFTER.match(text[span[1]:]) or _AVERAGE_BEFORE.search(text, max(0, span[0] - 80), span[0]))


_YEAR_BACK_BEFORE = re.compile(rf"{YEAR_BACK}[^.;:%\d]{{0,40}}$", re.I)  # "the proportion last year, which was 80%"
_YEAR_BACK_AFTER = re.compile(rf"^\s*\)?,?\s*(?:(?:in|for|during)\s+)?{YEAR_BACK}", re.I)  # "80% last year"


def a_year_back(text: str, span: tuple[int, int]) -> bool:
    """Whether the figure is last year's ("the proportion last year, which was 80%", "80% the previous year"); where
    the paper gives no year to count back from (an inspection, a quarter's report), it has no date of its own."""
    return bool(_YEAR_BACK_BEFORE.search(text, max(0, span[0] - 80), span[0]) or _YEAR_BACK_AFTER.match(text[span[1]:]))


_PUBLISHED = re.compile(r"\b(?:latest|most recent(?:ly)?|last) (?:published|available|reported) (?:national )?"
                        r"(?:figures?|data|statistics|information|performance|results)\b", re.I)
_NOW = re.compile(r"\b(?:current(?:ly)?|now|at the time of (?:the|this) inspection|this year)\b", re.I)  # "... and now 30%"


def published_earlier(text: str, span: tuple[int, int]) -> bool:
    """Whether an inspection gives the figure as the latest published ("According to the latest published figures,
    25% ..., better than statistical neighbours at 23%"): of some earlier year the report does not name, not as at the
    inspection, until the sentence turns to now ("... and current performance is 30%"). A council's own report's
    "latest available data" is its quarter's, so the caller asks this of inspections only."""
    cues = list(_PUBLISHED.finditer(text, 0, span[0]))
    return bool(cues) and not _NOW.search(text, cues[-1].end(), span[0])


def at_last_inspection(text: str, span: tuple[int, int]) -> bool:
    """Whether the figure is the one of the last inspection: an earlier figure with no date given."""
    return bool(_AT_LAST_BEFORE.search(text, max(0, span[0] - 120), span[0]) or _AT_LAST_AFTER.match(text[span[1]:])
                or _OPENS_LAST.match(text[:span[0]]))


def compared_period(previous_periods: list[Period], own_actual: bool, unit_periods: list[Period]) -> Period | None:
    """The period of the figure a comparator with no date of its own is weighed against: the authority's figure of
    the sentence before (its latest date; of the comparator's unit when that sentence has one), unless the comparator's
    own sentence prints the authority's figure. Not a month (March aside) or a quarter: an average is published for a
    year or at 31 March, not for the authority's month ("75% at the end of December 2016 ... the 81% average for similar
    authorities") or quarter ("Q2 data shows that 74% ... Nationally, the average is 70%")."""
    if own_actual:
        return None
    dated = _latest(unit_periods) or _latest(previous_periods)
    if dated is None or (27 <= (dated.end - dated.start).days <= _PART_OF_A_YEAR and not _year_end(dated)):
        return None
    return dated


def _year_end(period: Period) -> bool:
    """March, or a day of it: the statistical year's end, at which averages are published ("58 per 10,000 at the end
    of March 2015. This is above the national average of 43")."""
    return period.end.month == 3 and period.end.day == 31 and period.start.month == 3


def _latest(periods: list[Period]) -> Period | None:
    return max(periods, key=lambda p: (p.end, p.start)) if periods else None


def paired_dates(text: str, periods: list[Period], spans: list[tuple[int, int]]) -> dict[int, Period]:
    """Figures listed with as many dates in the same order, before or after them: "for 31 March 2014 and 31 March
    2015 of 355 and 360", "355 and 360 at 31 March 2014 and 31 March 2015". Index of the figure -> its date."""
    out: dict[int, Period] = {}
    for dates in _runs([p.span for p in periods], text):
        for figures in _runs(spans, text):
            if len(dates) != len(figures) or len(dates) < 2:
                continue
            after = _DATES_TO_FIGURES.match(text[periods[dates[-1]].span[1]:spans[figures[0]][0]])
            before = _FIGURES_TO_DATES.match(text[spans[figures[-1]][1]:periods[dates[0]].span[0]])
            if after or before:
                out.update({f: periods[d] for f, d in zip(figures, dates, strict=True)})
    return out


def _runs(spans: list[tuple[int, int]], text: str) -> list[list[int]]:
    """Spans printed one after another, joined by commas or "and"."""
    runs: list[list[int]] = []
    for i, span in enumerate(spans):
        if runs and _JOINED.fullmatch(text[spans[runs[-1][-1]][1]:span[0]]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def since_point(period: Period, text: str, span: tuple[int, int], from_before: bool) -> Period:
    """"a reduction from 740 ... since 31 March 2015", "since March 2016 (266)": the figure the change started from,
    at the day (or in the month) the "since" names, not the span from it to the time of writing."""
    bracketed = re.fullmatch(r"\s*\(\s*", text[period.span[1]:span[0]]) is not None
    if not period.label.lower().startswith("since") or not (from_before or bracketed):
        return period
    if _DAY_IN_LABEL.search(period.label) or period.start.day != 1:
        return replace(period, end=period.start)
    return replace(period, end=min(period.end, _month_end(period.start.year, period.start.month)))


def window_later(periods: list[Period], text: str, lo: int, span: tuple[int, int], hi: int) -> Period | None:
    """A window printed later in the figure's own clause, with nothing contrasted between, when the clause printed
    no date before the figure: "53% of ... had received an initial health assessment within 28 days of becoming looked
    after in the year to August 2014" (not "At 19 June 2017, 1,789 children had been identified (in the previous 12
    months)": a snapshot)."""
    start, end = span
    if any(lo <= p.span[0] < start for p in periods):
        return None
    for p in periods:
        if end <= p.span[0] < hi and _WINDOW.match(p.label) and not _CONTRASTED.search(text[end:p.span[0]]):
            return p
    return None


def rolling_to(period: Period | None, text: str, span: tuple[int, int]) -> Period | None:
    """"8.5% to the end of December 2015" in a sentence about "the last 12 months": the twelve months to that month."""
    if period is None or period.span[0] < span[1] or not _UP_TO.match(text[span[1]:period.span[0]]):
        return period
    if not _YEAR_SPAN.search(text) or (period.end - period.start).days > 31:
        return period
    start, end = twelve_months_to(period.end)
    return Period(start, end, f"12 months to {period.label}", period.span)
