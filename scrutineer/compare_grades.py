"""Ordinal indicators (Ofsted grades) side by side: one row per authority, one column per inspection year,
each cell the grade in words. Inspections fall on different days, so a column per period would leave
every authority alone in its own column."""

from __future__ import annotations

from rich.table import Table

from nlp.judgements import grade_name
from scrutineer.compare import Comparison, Point, Series

_STYLE = {1: "bold green", 2: "green", 3: "yellow", 4: "red"}
ORDINAL_UNITS = {"grade"}


def grade_label(value: float) -> str:
    """"Requires improvement" for 3: short enough for a table cell."""
    return grade_name(value).removesuffix(" to be good")


def grade_table(c: Comparison) -> Table:
    points = [p for p in c.points if p.series is Series.AUTHORITY and p.period_end is not None]
    years = sorted({p.period_end.year for p in points if p.period_end})
    t = Table(title=f"{c.title} (Ofsted grade: 1 Outstanding, 2 Good, 3 Requires improvement, 4 Inadequate)",
              caption="each cell the grade of the inspection ending that year (the later one where there were two); "
                      "* other papers report a different grade (see --format csv)")
    t.add_column("")
    t.add_column("latest")
    for year in years:
        t.add_column(str(year))
    by_name: dict[str, list[Point]] = {}
    for p in sorted(points, key=lambda p: p.period_end or p.meeting_date):
        by_name.setdefault(p.name, []).append(p)
    for name, ps in sorted(by_name.items()):
        by_year = {p.period_end.year: p for p in ps if p.period_end}
        latest = ps[-1]
        when = f" ({latest.period_end:%b %Y})" if latest.period_end else ""
        t.add_row(name, _cell(latest) + when, *(_cell(by_year.get(y)) for y in years))
    return t


def _cell(p: Point | None) -> str:
    if p is None:
        return ""
    style = _STYLE.get(int(p.value), "")
    text = f"[{style}]{grade_label(p.value)}[/]" if style else grade_label(p.value)
    return text + ("*" if p.disagreements else "")
