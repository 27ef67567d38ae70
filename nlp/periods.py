"""Periods a value refers to, as committee papers print them.

Builds on ingest.periods (quarters, financial years, month ranges) and adds the
point-in-time and relative forms metric sentences use: "as at 31.03.19",
"as of today (18.11.2024)", "at the end of December 2024", "since April 2024"
(year to date), "12 months to December 2024", "Dec-23" column headers. Age
ranges ("aged 17-18", "19 to 21-year-olds") are not periods.
"""

from __future__ import annotations

import re
from datetime import date

from ingest.periods import _MONTH as _MONTH_NAME
from ingest.periods import (
    _NUMERIC_DATE,
    DATE_RE,
    Period,
    _month,
    _month_end,
    _safe_date,
    _year,
    find_periods,
    quarter,
)
from nlp.models import DocumentContext
from nlp.relative_periods import LAST_N, relative_periods, twelve_months_to

__all__ = ["LAST_N", "header_period", "resolve_periods", "twelve_months_to"]

_MONTH = f"({_MONTH_NAME})"
_WHEN = re.compile(r",?\s+when\b", re.I)  # "from March 2015, when ...": the month itself, not since it
_SINCE = re.compile(rf"\b(?:since|from)\s+(?:the\s+start\s+of\s+)?{_MONTH}\s*((?:19|20)?\d{{2}})?\b(?!\s*(?:-|–|to)\s*\w)", re.I)
_ROLLING = re.compile(
    rf"\b(?:12|twelve)\s*(?:months?|mths?|m)\s+(?:to|ending)\s+(?:end\s+(?:of\s+)?)?{_MONTH}[\s-]*((?:19|20)?\d{{2}})\b", re.I
)
_QUARTER_TO = re.compile(rf"\bquarter\s+(?:to|ending)\s+{_MONTH}[\s-]*((?:19|20)?\d{{2}})\b", re.I)
_AGE_BEFORE = re.compile(r"(?:\bage[ds]?|\baged between|\bages of)\s*$", re.I)
_AGE_AFTER = re.compile(r"^\s*-?\s*(?:year|yr)s?\b", re.I)
_PREVIOUS_QUARTER = re.compile(  # a KPI card's "Previous: 54.3%", or "Previous 5,473 (Amber)" without its colon
    r"\b(?:the\s+)?(?:previous|last|prior|preceding)\s+quarter\b|\bPrevious(?:\s*:|\s+(?=£?\d[\d,.]*%?\s*\(\w+\)))", re.I)
# "the previous year", "last financial year" (not "in the last year": the past twelve months)
YEAR_BACK = r"(?:\b(?:the\s+)?(?:previous|prior|preceding)|(?<!the )\blast)\s+(?:financial\s+)?year\b"
_PREVIOUS_YEAR = re.compile(
    rf"{YEAR_BACK}|\bthe\s+(?:financial\s+)?year\s+(?:before|earlier)\b|\ba\s+year\s+(?:before|earlier)\b", re.I)
_SAME_QUARTER_LAST_YEAR = re.compile(
    r"\b(?:the\s+)?same\s+(?:quarter|period)\s+(?:of\s+)?(?:last|the previous|the prior)\s+year\b", re.I)
_LAST_YEAR = re.compile(r"\s+(?:of\s+)?(?:last|the previous|the prior)\s+year\b", re.I)
_ORDINAL_QUARTER = re.compile(
    r"\b(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?:the\s+)?(?:year\s+)?((?:19|20)\d{2})"
    r"(?:\s*[/–—-]\s*(\d{2}|(?:19|20)\d{2})\b)?", re.I)
_QUARTER_WORD = {"one": 1, "two": 2, "three": 3, "four": 4}
_QUARTER_NUMBER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4, "1st": 1, "2nd": 2, "3rd": 3,
                   "4th": 4}
# the paper's own time; "currently placed children" names a group, not a time
_NOW = re.compile(r"\bat the (?:time|point) of (?:the |this |our )?(?:inspection|visit|writing)\b|\bat present\b|"
                  r"\bat this (?:inspection|visit)\b|"  # "from 30% in 2015 to 78% at this inspection"
                  r"\b(?:the|a) current (?:[a-z]+ )?(?:performance|figure|rate|level|position|target)\b|"
                  r"\bcurrently\b(?!\s+\w+(?:ed|ing)\s+(?:children|young|people|cases|families|carers|pupils))", re.I)
_BARE_MONTH = re.compile(  # "reduced during September", "by the end of March": the last such month the paper has seen
    rf"\b(?:during|in|by the end of|at the end of|by|as at|as of)\s+(?-i:{_MONTH})(?![\w'’])"
    rf"(?!\s*[-/,]?\s*(?:19|20)\d{{2}}\b)(?!\s?[-/'’]?\s?\d{{2}}\b(?!\s*%|\.\d))"
    rf"(?!\s*(?:and|to|or|-|–)\s*(?-i:{_MONTH_NAME}))", re.I)
_BARE_MONTHS = re.compile(  # "across July and August", "between April and June": the last such months the paper has seen
    rf"\b(?:across|during|in|over|between|for|from)\s+(?-i:{_MONTH})\s*(?:and|to|-|–)\s*(?-i:{_MONTH})(?![\w'’])"
    rf"(?!\s*[-/,]?\s*(?:19|20)\d{{2}}\b)(?!\s?[-/'’]?\s?\d{{2}}\b(?!\s*%|\.\d))", re.I)
_BARE_DAY = re.compile(  # "an increase from 200 at 31 March": the last 31 March the paper has seen
    rf"\b(?:at|as at|as of|on|by)\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(?-i:{_MONTH})(?![\w'’])"
    r"(?!\s*,?\s*(?:19|20)\d{2})(?!\s*['’]?\d{2}\b(?!\s*%|\.\d))", re.I)
_TO_DATE = re.compile(r"\s*\(?\s*(?:year\s+to\s+date|to\s+date|ytd)\b\)?", re.I)
_BARE_YEAR = re.compile(r"\b(in|during|for|since|by|of)\s+((?:19|20)\d{2})\b(?![/-]\d)|"
                        # "the 2013 national average of 14%": a comparator's year printed before it
                        r"\b(the)\s+((?:19|20)\d{2})(?=\s+(?:national|england|english|regional|statistical|comparator|"
                        r"london|similar)\b)", re.I)
_YEAR_TO = re.compile(
    # also "in the 12 months to 31 March 2013", "the twelve-month period ending the end of December 2015"
    rf"\b(?:in\s+)?the\s+(?:year|(?:12|twelve)[\s-]months?(?:\s+period)?)\s+(?:to|ending|up\s+to)\s+"
    rf"(?:the\s+end\s+of\s+)?(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+)?{_MONTH}\s*,?\s*((?:19|20)\d{{2}})\b", re.I)
_TERM = re.compile(  # "the summer term of 2015", "the 2015/16 autumn term", "spring term 2016"
    r"\b(?:((?:19|20)\d{2})(?:\s*[/–-]\s*(?:\d{2}|(?:19|20)\d{2}))?\s+)?(autumn|spring|summer)\s+term"
    r"(?:\s+(?:of\s+)?((?:19|20)\d{2})(?:\s*[/–-]\s*(\d{2}|(?:19|20)\d{2}))?)?\b", re.I)
_CENSUS = re.compile(  # "Source: Census 2001", "the 2011 Census", "Census (2021)"; not DfE's termly school census
    r"(?<!school )(?<!schools )\b(?:((?:19|20)\d{2})\s+census\b|census\s+(?:of\s+)?(?:\(((?:19|20)\d{2})\)|"
    r"((?:19|20)\d{2})\b))", re.I)
_CENSUS_DAYS = {1991: date(1991, 4, 21), 2001: date(2001, 4, 29), 2011: date(2011, 3, 27), 2021: date(2021, 3, 21)}
_QUARTER_OF_FY = re.compile(  # "quarter four 2013–14", "quarter 3 for 2015-2016", "Q2 in 2016/17": a financial year's
    r"\b(?:quarter|qtr|Q)\s*([1-4]|one|two|three|four)\s+(?:(?:of|for|in)\s+(?:the\s+)?(?:year\s+)?)?((?:19|20)\d{2})"
    r"\s*[/–-]\s*(\d{2}|(?:19|20)\d{2})\b", re.I)
_THIS_YEAR_QUARTER = re.compile(  # "in the first quarter of this year": of the financial year the paper is written in
    r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?:this|the current)\s+(?:financial\s+)?year\b", re.I)


_BY_THE_END = re.compile(r"\bby the end of (?:the )?$", re.I)  # what was done in a year up to its quarter's end
_DIGIT = re.compile(r"\d")  # the same \d as the patterns': most statements hold none, and most forms need one
_MEMO: dict[tuple, tuple[Period, ...]] = {}
_MEMO_SIZE = 50_000  # a long document's statements: entities and metrics both ask for each one


def resolve_periods(text: str, ctx: DocumentContext) -> list[Period]:
    """Every period in `text`, point dates and relative forms included, without age ranges.

    Remembered by text and the context fields read here: extraction asks for each statement twice (its entities,
    then its metrics), and resolving is a few dozen regular-expression passes."""
    key = (text, ctx.period_start, ctx.period_end, ctx.period_label, ctx.meeting_date, ctx.inspection)
    periods = _MEMO.get(key)
    if periods is None:
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.clear()
        periods = _MEMO[key] = tuple(_resolve(text, ctx))
    return list(periods)


class _Found:
    """The periods found so far in one text: the first pass to claim a stretch of it keeps it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.periods: list[Period] = []

    def add(self, start: date | None, end: date | None, span: tuple[int, int], printed: int | None = None) -> None:
        """`printed`: where the period's words end inside `span`, when the span also claims a footnote's mark glued to
        them ("31 March 201412"), so the mark is neither a figure nor part of the label."""
        if start is None or end is None or end < start or any(span[0] < p.span[1] and p.span[0] < span[1]
                                                               for p in self.periods):
            return
        label = " ".join(self.text[span[0]:printed or span[1]].split())
        self.periods.append(Period(start, end, label, span))


def _resolve(text: str, ctx: DocumentContext) -> list[Period]:
    """The passes in order of precedence: windows printed whole, then forms read against the paper's own time, then
    bare months and days, full dates, named periods, bare years, and "the previous year" after what they follow."""
    found = _Found(text)
    digits = _DIGIT.search(text) is not None  # without one, only the worded forms can match
    written = ctx.period_end or ctx.meeting_date  # the time of writing, for "since ..."
    latest = max((d for d in (ctx.period_end, ctx.meeting_date) if d), default=None)  # a Q4 review met in July
    if digits:
        _printed_windows(found)
    _against_the_paper(found, ctx, digits, written)
    _since(found, written)
    if latest is not None:  # "At the end of June" in a paper of a year to March met in July: that June
        _last_seen(found, latest, digits)
    if digits:
        _dates(found)
    _named_periods(found, ctx, latest)
    if digits:
        _bare_years(found, written)
    _previous_year(found, ctx)
    return sorted((_so_far(p, text) for p in found.periods), key=lambda p: p.span)


def _so_far(p: Period, text: str) -> Period:
    """A quarter a year's tally is counted up to: "By the end of Q2 2019/20, 10 children had achieved permanence" is
    April to September, the financial year so far; "at the end of Q2" stays the quarter."""
    if not (_BY_THE_END.search(text, max(0, p.span[0] - 20), p.span[0]) and 85 <= (p.end - p.start).days <= 95
            and p.start.day == 1 and p.start.month in (1, 4, 7, 10)):
        return p
    calendar_year = re.search(r"(?:19|20)\d\d", p.label) and not re.search(r"\d\s*[/–-]\s*\d", p.label)
    start = date(p.start.year, 1, 1) if calendar_year else date(p.start.year - (p.start.month < 4), 4, 1)
    return Period(start, p.end, p.label, p.span)


def _printed_windows(found: _Found) -> None:
    """Windows printed whole: "the 12 months to March 2016", "quarter ending June 2015", "the summer term of 2015"."""
    text, add = found.text, found.add
    for m in _ROLLING.finditer(text):
        end = _month_end(_year(m.group(2)), _month(m.group(1)))
        add(date(end.year, 1, 1) if end.month == 12 else date(end.year - 1, end.month + 1, 1), end, m.span())
    for m in _QUARTER_TO.finditer(text):
        add(*_quarter_ending(_month_end(_year(m.group(2)), _month(m.group(1)))), m.span())
    # "the first quarter of 2016" (calendar), "... of 2016/17" (financial)
    for m in _ORDINAL_QUARTER.finditer(text):
        add(*_ordinal_quarter(m), m.span())
    for m in _QUARTER_OF_FY.finditer(text):
        if int(m.group(3)[-2:]) == (int(m.group(2)) + 1) % 100:  # "2015-2016", not "2015-2017"
            add(*quarter(int(m.group(2)), _QUARTER_WORD.get(m.group(1).lower(), 0) or int(m.group(1))), m.span())
    for m in _YEAR_TO.finditer(text):
        end = _year_end(int(m.group(1)) if m.group(1) else None, _month(m.group(2)), int(m.group(3)))
        if end is not None:
            add(*twelve_months_to(end), m.span())
    for m in _CENSUS.finditer(text):  # England and Wales's census: the counts are of census day
        if (day := _CENSUS_DAYS.get(int(m.group(1) or m.group(2) or m.group(3)))) is not None:
            add(day, day, m.span())
    for m in _TERM.finditer(text):  # added only with its year
        if m.group(1) or m.group(3):  # "the summer term" alone: which summer is unknowable
            add(*_term(m), m.span())


def _against_the_paper(found: _Found, ctx: DocumentContext, digits: bool, written: date | None) -> None:
    """Forms that need the paper's own time: "the first quarter of this year", "in the past six months", "Previous:",
    "at the time of the inspection"."""
    text, add = found.text, found.add
    if ctx.reporting_fy is not None:
        for m in _THIS_YEAR_QUARTER.finditer(text):
            add(*quarter(ctx.reporting_fy, _QUARTER_NUMBER[m.group(1).lower()]), m.span())
    for start, end, span in relative_periods(text, ctx, digits):  # "in the past six months", "so far this year", "at 31 May 14"
        add(start, end, span)
    previous = _quarter_before(ctx)
    if previous is not None:
        for m in _PREVIOUS_QUARTER.finditer(text):
            add(*previous, m.span())
        for m in _SAME_QUARTER_LAST_YEAR.finditer(text):
            add(_year_before(ctx.period_start), _year_before(ctx.period_end), m.span())
    if written is not None:  # "from 95% in 2013-14 to 93% at the time of the inspection": the paper's own time
        now = (ctx.period_start or written, written) if written == ctx.period_end else (written, written)
        for m in _NOW.finditer(text):
            add(*now, m.span())


def _since(found: _Found, written: date | None) -> None:
    """A month something has run since ("since November") up to the time of writing; "from March 2015, when ..." that
    month alone."""
    text, add = found.text, found.add
    for m in _SINCE.finditer(text):
        month = _month(m.group(1))
        if m.group(2):
            year = _year(m.group(2))
        elif written is not None:
            year = written.year - (month > written.month)  # "since November" in a paper of March means last November
        else:
            continue  # "since March" in a paper with no date of its own: which March is unknowable
        start = date(year, month, 1)
        if _WHEN.match(text, m.end()):  # "an improvement from March 2015, when plans equated to 83 per 10,000": then
            add(start, _month_end(year, month), m.span())
            continue
        add(start, max(start, written or start), m.span())


def _last_seen(found: _Found, latest: date, digits: bool) -> None:
    """A day or month printed without its year: the last such the paper has seen."""
    text, add = found.text, found.add
    for m in _BARE_DAY.finditer(text) if digits else ():
        month, day = _month(m.group(2)), int(m.group(1))
        year = latest.year - ((month, day) > (latest.month, latest.day))
        if (found_day := _safe_date(year, month, day)) is not None:
            add(found_day, found_day, m.span())
    for m in _BARE_MONTHS.finditer(text):
        first, last = _month(m.group(1)), _month(m.group(2))
        year = latest.year - (last > latest.month)
        add(date(year - (first > last), first, 1), _month_end(year, last), m.span())
    for m in _BARE_MONTH.finditer(text):
        month = _month(m.group(1))
        year = latest.year - (month > latest.month)
        add(date(year, month, 1), _month_end(year, month), m.span())


def _dates(found: _Found) -> None:
    for m in DATE_RE.finditer(found.text):
        day = _safe_date(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
        found.add(day, day, m.span(), m.end(3))
    for m in _NUMERIC_DATE.finditer(found.text):
        day = _safe_date(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        found.add(day, day, m.span())


def _named_periods(found: _Found, ctx: DocumentContext, latest: date | None) -> None:
    """Financial years, quarters and months as `find_periods` reads them, less age ranges; "2022/23 to date" and
    "Quarter 3 last year" as meant."""
    text, add = found.text, found.add
    for p in find_periods(text, ctx.reporting_fy):
        if _is_age_range(text, p.span):
            continue
        to_date = _TO_DATE.match(text, p.span[1])
        a_year_back = _LAST_YEAR.match(text, p.span[1])
        if to_date and latest is not None and p.start <= latest < p.end:  # "2022/23 to date" in a paper of July 2022
            add(p.start, latest, (p.span[0], to_date.end()))
        elif a_year_back and (p.end - p.start).days < 100:  # "Quarter 3 last year": the bare quarter, a year before
            add(_year_before(p.start), _year_before(p.end), (p.span[0], a_year_back.end()))

        else:
            add(p.start, p.end, p.span)


def _bare_years(found: _Found, written: date | None) -> None:
    for m in _BARE_YEAR.finditer(found.text):
        year, said = (int(m.group(2)), m.group(1)) if m.group(2) else (int(m.group(4)), m.group(3))
        if said.lower() == "since":  # "since 2016": up to the time of writing
            found.add(date(year, 1, 1), max(date(year, 12, 31), written or date(year, 12, 31)), m.span())
        else:
            found.add(date(year, 1, 1), date(year, 12, 31), m.span(2) if m.group(2) else m.span(4))


def _previous_year(found: _Found, ctx: DocumentContext) -> None:
    """The year before the period printed before it ("a reduction from 95.5% at the end of the previous year"), or
    before the paper's own year."""
    for m in _PREVIOUS_YEAR.finditer(found.text):
        before = [p for p in found.periods if p.span[1] <= m.start()]
        anchor = max(before, key=lambda p: p.span) if before else None
        if anchor is None and ctx.period_start and ctx.period_end and 330 <= (ctx.period_end - ctx.period_start).days <= 400:
            anchor = Period(ctx.period_start, ctx.period_end, ctx.period_label, (0, 0))  # a paper on one year
        if anchor is not None and anchor.start.month == 4 and anchor.start.day == 1 and (anchor.end - anchor.start).days < 360:
            found.add(date(anchor.start.year - 1, 4, 1), date(anchor.start.year, 3, 31), m.span())  # the whole year before
        elif anchor is not None:
            found.add(_year_before(anchor.start), _year_before(anchor.end), m.span())


def _year_end(day: int | None, month: int, year: int) -> date | None:
    return _month_end(year, month) if day is None else _safe_date(year, month, day)


def _term(m: re.Match) -> tuple[date, date]:
    """A school term: autumn September to December, spring January to March, summer April to July; "2015/16 autumn
    term" is the autumn of 2015, "spring term 2015/16" the spring of 2016."""
    season = m.group(2).lower()
    if m.group(1):
        year = int(m.group(1)) + (season != "autumn" and bool(re.search(r"[/–-]", m.group(0).split(season)[0])))
    else:
        year = int(m.group(3)) + (season != "autumn" and m.group(4) is not None)
    months = {"autumn": (9, 12), "spring": (1, 3), "summer": (4, 7)}[season]
    return date(year, months[0], 1), _month_end(year, months[1])


def _ordinal_quarter(m: re.Match) -> tuple[date, date]:
    q, year = _QUARTER_NUMBER[m.group(1).lower()], int(m.group(2))
    if m.group(3):
        return quarter(year, q)
    return date(year, 3 * q - 2, 1), _month_end(year, 3 * q)


def _year_before(day: date) -> date:
    return _month_end(day.year - 1, day.month) if day.day > 28 else day.replace(year=day.year - 1)


def _quarter_ending(end: date) -> tuple[date, date]:
    """The three calendar months ending with `end`'s month."""
    first_month = end.month - 2 if end.month > 2 else end.month + 10
    return date(end.year if end.month > 2 else end.year - 1, first_month, 1), end


def _quarter_before(ctx: DocumentContext) -> tuple[date, date] | None:
    """The quarter before the one the document reports on (only when it reports on a quarter)."""
    if ctx.period_start is None or ctx.period_end is None or not 80 <= (ctx.period_end - ctx.period_start).days <= 95:
        return None
    return _quarter_ending(date.fromordinal(ctx.period_start.replace(day=1).toordinal() - 1))


def _is_age_range(text: str, span: tuple[int, int]) -> bool:
    """ "aged 16-17", "18-21 year olds"; not a year printed whole over its place in a plan ("2025-26 Year 1")."""
    if _WHOLE_YEAR.match(text, span[0]):
        return False
    return bool(_AGE_BEFORE.search(text[max(0, span[0] - 14):span[0]]) or _AGE_AFTER.match(text[span[1]:span[1] + 8]))


_WHOLE_YEAR = re.compile(r"(?:19|20)\d{2}\b")


def header_period(cell: str, ctx: DocumentContext) -> Period | None:
    """The period a table column header names ("Dec-23", "2020 /21", "Q2 2024/25", "Yr end 18-19")."""
    periods = resolve_periods(cell, ctx)
    if periods:
        return periods[-1]
    m = re.fullmatch(r"\s*((?:19|20)\d{2})\s*", cell)
    return Period(date(int(m.group(1)), 1, 1), date(int(m.group(1)), 12, 31), m.group(1), m.span(1)) if m else None
