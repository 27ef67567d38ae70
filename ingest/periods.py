"""Reporting periods as printed in committee papers → start and end dates.

UK financial years run April to March (Q1 = Apr-Jun ... Q4 = Jan-Mar), so
"Q2 2024/25" ends 2024-09-30 and "2023/24" or "Yr end 18-19" end on 31 March.
Lives in ingest because document metadata needs it; nlp builds on it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_YEAR = r"(?:19|20)\d{2}"
_FY = rf"({_YEAR}|\d{{2}})\s*[/\-–—]\s*(\d{{2}}|{_YEAR})"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"

DATE_RE = re.compile(rf"\b{_DAY}\s+({_MONTH}),?\s+({_YEAR})(?:\d{{1,2}})?\b", re.I)  # "31 March 201412": footnote 12
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b")
# "25 November to 6 December 2019", "11 to 15 September 2023", "17 and 18 May 2023": the first day takes the month and
# year the last prints when it prints none
_RANGE = re.compile(
    rf"\b{_DAY}(?:\s+({_MONTH}))?\s*({_YEAR})?\s*(?:-|–|—|to|and)\s*{_DAY}\s+({_MONTH})\s+({_YEAR})\b", re.I
)
_MONTH_RANGE = re.compile(
    rf"\b({_MONTH})\s*({_YEAR}|\d{{2}})?\s*(?:-|–|—|to|and)\s*({_MONTH})\s+({_YEAR}|\d{{2}})\b", re.I
)
_QUARTER = re.compile(
    rf"\b(?:Q|Qu|Qtr|Quarter)\s*([1-4])(?:\s*(?:of|,|-|–|report|data|performance|\()?\s*(?:of\s+)?{_FY}\)?)?", re.I
)
_PLAN_YEARS = re.compile(rf"\b(?:({_MONTH})\s+)?({_YEAR})\s*(?:-|–|—|to)\s*({_YEAR}|\d{{2}})\b", re.I)
_YEAR_END = re.compile(rf"\b(?:Yr\.?|Year)\s*end\s*{_FY}", re.I)
_FIN_YEAR = re.compile(rf"\b{_FY}\b")
_ACADEMIC_BEFORE = re.compile(r"\bacademic\s+year\s*$", re.I)  # "the academic year 2006/07"
_ACADEMIC_AFTER = re.compile(r"\s*academic\s+year\b", re.I)  # "the 2014/15 academic year"
# "the capital programme for 2025-26 to 2034-35", "2019/20 - 2023/24": one period from the first year's April to the
# last's March (not "and": "in 2022/23 and 2023/24" names two years)
_FY_RANGE = re.compile(rf"\b({_YEAR})\s*[/\-–—]\s*(\d{{2}}|{_YEAR})\s*(?:to|-|–|—)\s*"
                       rf"({_YEAR})\s*[/\-–—]\s*(\d{{2}}|{_YEAR})\b", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})[\s-]+({_YEAR}|\d{{2}})\b", re.I)
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str
    span: tuple[int, int]


def _year(text: str) -> int:
    y = int(text)
    return y if y >= 100 else 2000 + y


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _fy_start(first: str, second: str) -> int | None:
    """Start year of a financial year like 2024/25, 24-25, 2024-2025; None if not consecutive."""
    start = _year(first)
    end = int(second)
    end = end if end >= 100 else (start // 100) * 100 + end
    return start if end == start + 1 else None


def financial_year(start_year: int) -> tuple[date, date]:
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


def academic_year(start_year: int) -> tuple[date, date]:
    return date(start_year, 9, 1), date(start_year + 1, 8, 31)


def quarter(start_year: int, q: int) -> tuple[date, date]:
    month = 4 + 3 * (q - 1)
    year = start_year + (1 if month > 12 else 0)
    month = month - 12 if month > 12 else month
    return date(year, month, 1), _month_end(year, month + 2)


def fy_of(day: date) -> int:
    """Start year of the financial year containing `day`."""
    return day.year if day.month >= 4 else day.year - 1


def parse_date(text: str) -> date | None:
    """The first full date in `text` ("3 December 2024", "Tuesday, 21st January, 2020", "31.03.19")."""
    m = DATE_RE.search(text)
    if m:
        return _safe_date(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    m = _NUMERIC_DATE.search(text)
    if m:
        return _safe_date(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    """A printed date, or None; "31 September 2015" (a slip for the month's end) is read as 30 September."""
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1 <= year <= 9999):
        return None
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _month(name: str) -> int:
    return MONTHS[name.lower()[:3]]


def find_periods(text: str, reporting_fy: int | None = None) -> list[Period]:
    """Every period mention in `text`, longest match first where they overlap."""
    found: list[Period] = []
    if not _DIGIT.search(text):
        return found  # every form here holds a number (a year, a quarter's number or a day)
    taken: list[tuple[int, int]] = []

    def add(start: date | None, end: date | None, m: re.Match) -> None:
        if start is None or end is None or end < start:
            return
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(Period(start, end, " ".join(m.group(0).split()), (m.start(), m.end())))

    for m in _RANGE.finditer(text):
        y2 = int(m.group(6))
        y1 = int(m.group(3)) if m.group(3) else y2
        m1 = _month(m.group(2) or m.group(5))
        add(_safe_date(y1, m1, int(m.group(1))), _safe_date(y2, _month(m.group(5)), int(m.group(4))), m)
    for m in _QUARTER.finditer(text):
        fy = _fy_start(m.group(2), m.group(3)) if m.group(2) else reporting_fy
        if fy is not None:
            add(*quarter(fy, int(m.group(1))), m)
    for m in _YEAR_END.finditer(text):
        fy = _fy_start(m.group(1), m.group(2))
        if fy is not None:
            add(*financial_year(fy), m)
    for m in _MONTH_RANGE.finditer(text):
        y2 = _year(m.group(4))
        y1 = _year(m.group(2)) if m.group(2) else y2
        m1, m2 = _month(m.group(1)), _month(m.group(3))
        if not m.group(2) and m1 > m2:
            y1 -= 1
        add(date(y1, m1, 1), _month_end(y2, m2), m)
    for m in _FY_RANGE.finditer(text):
        first, last = _fy_start(m.group(1), m.group(2)), _fy_start(m.group(3), m.group(4))
        if first is not None and last is not None and last > first:
            add(financial_year(first)[0], financial_year(last)[1], m)
    for m in _PLAN_YEARS.finditer(text):
        to = re.search(r"\bto\b", m.group(0), re.I) is not None
        if len(m.group(3)) == 2 and to:
            continue  # "from 30% in 2014 to 24% in 2015": a value, not "2014 to 2024"
        first, last = int(m.group(2)), _year(m.group(3)) if len(m.group(3)) == 4 else int(m.group(2)[:2] + m.group(3))
        if last - first == 1 and len(m.group(3)) == 4 and not m.group(1) and to:
            add(*financial_year(first), m)  # "64 missing episodes for 2013 to 2014": GOV.UK's style for a financial year
        elif last - first >= 2:
            start = date(first, _month(m.group(1)), 1) if m.group(1) else date(first, 4, 1)
            add(start, date(last, 3, 31), m)
    for m in _FIN_YEAR.finditer(text):
        fy = _fy_start(m.group(1), m.group(2))
        if fy is not None:  # "the academic year 2006/07" says which year it is: September to August
            academic = _ACADEMIC_BEFORE.search(text, max(0, m.start() - 20), m.start()) or \
                _ACADEMIC_AFTER.match(text, m.end())
            add(*(academic_year(fy) if academic else financial_year(fy)), m)
    for m in _MONTH_YEAR.finditer(text):
        y, mo = _year(m.group(2)), _month(m.group(1))
        add(date(y, mo, 1), _month_end(y, mo), m)
    return sorted(found, key=lambda p: p.span)
