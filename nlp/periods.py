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

from ingest.periods import DATE_RE, MONTHS, Period, _month_end, _safe_date, _year, find_periods
from nlp.models import DocumentContext

_MONTH = (r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b")
_SINCE = re.compile(rf"\b(?:since|from)\s+(?:the\s+start\s+of\s+)?{_MONTH}\s*((?:19|20)?\d{{2}})?\b(?!\s*(?:-|–|to)\s*\w)", re.I)
_ROLLING = re.compile(
    rf"\b(?:12|twelve)\s*(?:months?|mths?|m)\s+(?:to|ending)\s+(?:end\s+(?:of\s+)?)?{_MONTH}[\s-]*((?:19|20)?\d{{2}})\b", re.I
)
_QUARTER_TO = re.compile(rf"\bquarter\s+(?:to|ending)\s+{_MONTH}[\s-]*((?:19|20)?\d{{2}})\b", re.I)
_AGE_BEFORE = re.compile(r"(?:\bage[ds]?|\baged between|\bages of)\s*$", re.I)
_AGE_AFTER = re.compile(r"^\s*-?\s*(?:year|yr)s?\b", re.I)
_PREVIOUS_QUARTER = re.compile(r"\b(?:the\s+)?(?:previous|last|prior|preceding)\s+quarter\b|\bPrevious\s*:", re.I)
_BARE_YEAR = re.compile(r"\b(?:in|during|for|since|by|of)\s+((?:19|20)\d{2})\b(?![/-]\d)")


def _month(name: str) -> int:
    return MONTHS[name.lower()[:3]]


def resolve_periods(text: str, ctx: DocumentContext) -> list[Period]:
    """Every period in `text`, point dates and relative forms included, without age ranges."""
    found: list[Period] = []
    taken: list[tuple[int, int]] = []

    def add(start: date | None, end: date | None, m: re.Match) -> None:
        if start is None or end is None or end < start or any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(Period(start, end, " ".join(m.group(0).split()), (m.start(), m.end())))

    for m in _ROLLING.finditer(text):
        end = _month_end(_year(m.group(2)), _month(m.group(1)))
        add(date(end.year, 1, 1) if end.month == 12 else date(end.year - 1, end.month + 1, 1), end, m)
    for m in _QUARTER_TO.finditer(text):
        end = _month_end(_year(m.group(2)), _month(m.group(1)))
        start_month = end.month - 2 if end.month > 2 else end.month + 10
        add(date(end.year if end.month > 2 else end.year - 1, start_month, 1), end, m)
    previous = _quarter_before(ctx)
    if previous is not None:
        for m in _PREVIOUS_QUARTER.finditer(text):
            add(*previous, m)
    for m in _SINCE.finditer(text):
        year = _year(m.group(2)) if m.group(2) else (ctx.period_end or ctx.meeting_date or date.today()).year
        start = date(year, _month(m.group(1)), 1)
        add(start, max(start, ctx.period_end or ctx.meeting_date or start), m)
    for m in DATE_RE.finditer(text):
        day = _safe_date(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
        add(day, day, m)
    for m in _NUMERIC_DATE.finditer(text):
        day = _safe_date(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        add(day, day, m)
    for p in find_periods(text, ctx.reporting_fy):
        if _is_age_range(text, p.span):
            continue
        m = re.compile(re.escape(text[p.span[0]:p.span[1]])).search(text, p.span[0])
        if m:
            add(p.start, p.end, m)
    for m in _BARE_YEAR.finditer(text):
        y = int(m.group(1))
        if not any(m.start(1) < e and s < m.end(1) for s, e in taken):
            taken.append((m.start(1), m.end(1)))
            found.append(Period(date(y, 1, 1), date(y, 12, 31), m.group(1), (m.start(1), m.end(1))))
    return sorted(found, key=lambda p: p.span)


def _quarter_before(ctx: DocumentContext) -> tuple[date, date] | None:
    """The quarter before the one the document reports on (only when it reports on a quarter)."""
    if ctx.period_start is None or ctx.period_end is None or not 80 <= (ctx.period_end - ctx.period_start).days <= 95:
        return None
    end = ctx.period_start.replace(day=1)
    last = date(end.year, end.month, 1)
    last_end = date.fromordinal(last.toordinal() - 1)
    first_month = last_end.month - 2 if last_end.month > 2 else last_end.month + 10
    return date(last_end.year if last_end.month > 2 else last_end.year - 1, first_month, 1), last_end


def _is_age_range(text: str, span: tuple[int, int]) -> bool:
    return bool(_AGE_BEFORE.search(text[max(0, span[0] - 14):span[0]]) or _AGE_AFTER.match(text[span[1]:span[1] + 8]))


def header_period(cell: str, ctx: DocumentContext) -> Period | None:
    """The period a table column header names ("Dec-23", "2020 /21", "Q2 2024/25", "Yr end 18-19")."""
    periods = resolve_periods(cell, ctx)
    if periods:
        return periods[-1]
    m = re.fullmatch(r"\s*((?:19|20)\d{2})\s*", cell)
    return Period(date(int(m.group(1)), 1, 1), date(int(m.group(1)), 12, 31), m.group(1), m.span(1)) if m else None
