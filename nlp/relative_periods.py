"""Periods printed relative to the paper's own time, as inspection reports and council papers write them.

"in the past twelve months", "over the last six months", "in the past two years": that long up to the time of
writing (an inspection's eve: its figures are the council's, given on its first day). "in the financial year to
date", "so far this year", "this year", "in the current year", "since 1 April", "(year to date)": from the start
of the financial year the paper is written in to that day. "this academic year", "in the current academic year":
from 1 September. "in March this year": that month of the paper's calendar year;
"between 2011 and 2014": those calendar years. "at 31 May 14": that day (a
snapshot is an instant, not the month). Not "within the last six months" (a condition a case meets, "pathway plan
updated within the last six months"), nor "the previous year" (the one before a figure's own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from ingest.periods import _MONTH as _MONTH_NAME
from ingest.periods import _month, _month_end, _safe_date, fy_of
from nlp.models import DocumentContext

_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "twenty four": 24}
_N = r"\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
LAST_N = re.compile(  # "in the last 12 months", "over the past year", "during the previous six months"
    rf"\b(?:in|over|during|for)\s+the\s+(?:(?:last|past|previous|preceding)\s+({_N})\s+(months?|weeks?|years?)|"
    r"(?:last|past)\s+(year|12-month period|twelve-month period))\b|"
    rf"\b(?:in|over|during|for)\s+the\s+({_N})[\s-]+(months?|weeks?|years?)(?:\s+period)?\s+"
    r"(?:prior\s+to|before|preceding|leading\s+up\s+to)\s+"
    r"(?:the|this|our)\s+(?:inspection|visit)\b|"  # "in the 12 months prior to the inspection"
    r"\b(?:in|over|during|for)\s+the\s+(year)\s+(?:prior\s+to|before|preceding|leading\s+up\s+to)\s+"
    r"(?:(?:the|this|our)\s+)?(?:inspection|visit)\b", re.I)  # "in the year preceding inspection"
_YEAR_TO_DATE = re.compile(  # of the financial year the paper is written in
    r"\b(?:(?:in|for|during|over)\s+)?(?:the\s+)?(?:current\s+)?(?:financial\s+)?year[\s-]to[\s-]date\b|\bytd\b|"
    r"\bso far this (?:financial )?year\b|"
    r"\b(?:in|during|for|over)\s+(?:the\s+)?(?:current|this)\s+(?:financial\s+)?year\b(?!\s*(?:'s|’s|\d))|"
    r"(?<![-\w])this\s+(?:financial\s+)?year\b(?!\s*(?:'s|’s|\d))(?!\s+(?:to|as|than|from)\b)|"
    r"\b(?:current\s+)?in-year\s+(?:figures?|data|performance)\b|"
    r"\bsince\s+(?:the\s+)?1(?:st)?\s+(?:of\s+)?April\b(?!\s*,?\s*(?:19|20)?\d{2})", re.I)
_SO_FAR = re.compile(r"to[\s-]date|so far|\bytd\b|since|financial", re.I)
_TREND = re.compile(  # a change over a span: the span is the change's, not a figure's
    r"\b(?:improv|increas|decreas|declin|reduc|ris|rose|fell|fall|doubl|halv|grow|grew|drop|deteriorat|sustain)\w*\b|"
    r"\bfrom\s+\S+\s+(?:\S+\s+){0,3}?to\b", re.I)
_ACADEMIC_YEAR = re.compile(r"\b(?:(?:in|during|for|over)\s+)?(?:the\s+)?(?:current|this)\s+academic\s+year\b", re.I)
_MONTH_THIS_YEAR = re.compile(rf"\b({_MONTH_NAME})\s+(?:of\s+)?this\s+year\b", re.I)
_SINCE_DAY = re.compile(  # "since 1 April 2016", "since 14th March": from that day to the time of writing
    rf"\bsince\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_NAME})\b(?:\s*,?\s*((?:19|20)\d{{2}}))?", re.I)
_BETWEEN_YEARS = re.compile(r"\bbetween\s+((?:19|20)\d{2})\s+and\s+((?:19|20)\d{2})\b(?!\s*[/–-])", re.I)  # calendar years
_SHORT_YEAR_DAY = re.compile(  # "At 31 May 14, 261 children ...": a day with its year in two digits
    rf"(?<=\b(?:at|on|by|of|to)\s)(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAME})\s+(\d{{2}})\b(?!\s*%|\.\d|\s*(?:children|young|care))",
    re.I)


def written_before(ctx: DocumentContext) -> date | None:
    """The day a paper's "last 12 months" end: an inspection's eve (its figures are the council's, given on its first
    day), else the end of the period reported on, else the meeting."""
    if ctx.inspection and ctx.period_start is not None:
        return ctx.period_start - timedelta(days=1)
    return ctx.period_end or ctx.meeting_date


def months_back(end: date, months: int) -> tuple[date, date]:
    """The `months` months that end on `end`."""
    month = end.month - months % 12
    year = end.year - months // 12 - (month < 1)
    month = month + 12 if month < 1 else month
    start = _safe_date(year, month, end.day) or end
    return start + timedelta(days=1), end


def twelve_months_to(end: date) -> tuple[date, date]:
    """The twelve months that end on `end`."""
    return months_back(end, 12)


def last_n(m: re.Match, end: date) -> tuple[date, date]:
    """The span a LAST_N match names, up to `end`."""
    if m.group(3) or m.group(6):  # "the past year", "the last 12-month period", "the year preceding the inspection"
        return twelve_months_to(end)
    number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(5))
    n = int(number) if number.isdigit() else _NUMBER_WORDS[number.lower()]
    unit = unit.lower()
    if unit.startswith("week"):
        return end - timedelta(weeks=n) + timedelta(days=1), end
    return months_back(end, n * 12 if unit.startswith("year") else n)


def relative_periods(text: str, ctx: DocumentContext,
                     digits: bool = True) -> Iterator[tuple[date, date, tuple[int, int]]]:
    """Each relative period in `text` as (start, end, span), resolved against the paper's own time. `digits` False:
    the text holds no digit, so the forms that need one ("at 31 May 14", "between 2011 and 2014", "since 1 April")
    are not searched for (most statements hold none)."""
    for m in _SHORT_YEAR_DAY.finditer(text) if digits else ():
        day = _safe_date(2000 + int(m.group(3)), _month(m.group(2)), int(m.group(1)))
        if day is not None:
            yield day, day, m.span()
    for m in _BETWEEN_YEARS.finditer(text) if digits else ():  # "Between 2011 and 2014, 11% of children ..."
        if int(m.group(1)) < int(m.group(2)):
            yield date(int(m.group(1)), 1, 1), date(int(m.group(2)), 12, 31), m.span()
    anchor = written_before(ctx)
    if anchor is None:
        return
    for m in _SINCE_DAY.finditer(text) if digits else ():
        month, day = _month(m.group(2)), int(m.group(1))
        year = int(m.group(3)) if m.group(3) else anchor.year - ((month, day) > (anchor.month, anchor.day))
        if (start := _safe_date(year, month, day)) is not None:
            yield start, max(start, anchor), m.span()
    trend = _TREND.search(text)
    for m in LAST_N.finditer(text):
        start, end = last_n(m, anchor)
        if not (trend and (end - start).days > 370):  # "has improved over the past two years to 96%": a trend's span
            yield start, end, m.span()
    for m in _ACADEMIC_YEAR.finditer(text):
        start = date(anchor.year if anchor.month >= 9 else anchor.year - 1, 9, 1)
        yield start, max(start, anchor), m.span()
    for m in _MONTH_THIS_YEAR.finditer(text):
        month = _month(m.group(1))
        yield date(anchor.year, month, 1), _month_end(anchor.year, month), m.span()
    for m in _YEAR_TO_DATE.finditer(text):
        if re.search(r"(?:19|20)\d{2}(?:\s*[/–-]\s*\d{2,4})?\s*\(?\s*$", text[:m.start()]):
            continue  # "2024/25 (YTD)": that year's, read with the year
        if anchor.month in (4, 5, 6) and not _SO_FAR.search(m.group(0)):
            continue  # "this year" a few weeks into April: which year the paper means is unknowable
        start = date(fy_of(anchor), 4, 1)
        yield start, max(start, anchor), m.span()
