"""Canonical names for reporting periods, so values from different papers line up in one column."""

from __future__ import annotations

import calendar
from datetime import date


def period_name(start: date | None, end: date | None, printed: str = "") -> str:
    """"2023/24" for a UK financial year, "Q2 2024/25" for its quarters, "Aug 2025", "31 Mar 2024" for a day (a count
    of children on it), or the dates."""
    if start is None or end is None:
        return printed.strip() or "undated"
    if start == end:
        return f"{end.day} {end:%b %Y}"
    month_end = end.day == calendar.monthrange(end.year, end.month)[1]
    if start.day == 1 and month_end:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        fy = start.year if start.month >= 4 else start.year - 1
        label = f"{fy}/{(fy + 1) % 100:02d}"
        if months == 12 and start.month == 4:
            return label
        if months == 12 and start.month == 1:
            return str(start.year)
        if months == 3 and (start.month - 4) % 3 == 0:
            return f"Q{(start.month - 4) % 12 // 3 + 1} {label}"
        if months == 1:
            return start.strftime("%b %Y")
    return f"{start.isoformat()} to {end.isoformat()}"


def period_sort_key(start: date | None, end: date | None) -> tuple[date, date]:
    """Undated values sort last; among periods ending together the longer one comes first."""
    return (end or date.max, start or date.max)
