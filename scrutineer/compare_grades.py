"""Ordinal indicators (Ofsted grades) side by side: one row per authority, its latest inspection's grade in
words and the two before it. Inspections fall on different days, so a column per period would leave
every authority alone in its own column."""

from __future__ import annotations

from rich.table import Table

from nlp.judgements import grade_name
from scrutineer.compare import Comparison, Point, Series

_STYLE = {1: "bold green", 2: "green", 3: "yellow", 4: "red"}
ORDINAL_UNITS = {"grade"}
_HEADINGS = ("latest", "previous", "before that")


def grade_label(value: float) -> str:
    """"Requires improvement" for 3: short enough for a table cell."""
    return grade_name(value).removesuffix(" to be good")


def grade_table(c: Comparison) -> Table:
    points = [p for p in c.points if p.series is Series.AUTHORITY and p.period_end is not None]
    t = Table(title=f"{c.title} (1 Outstanding, 2 Good, 3 Requires improvement, 4 Inadequate)",
              caption="each cell a grade and the month the inspection ended; "
                      "* other papers report a different grade (see --format csv)")
    t.add_column("")
    for heading in _HEADINGS:
        t.add_column(heading)
    by_name: dict[str, list[Point]] = {}
    for p in sorted(points, key=lambda p: p.period_end or p.meeting_date):
        by_name.setdefault(p.name, []).append(p)
    for name, ps in sorted(by_name.items()):
        latest_first = ps[::-1][: len(_HEADINGS)]
        t.add_row(name, *(_cell(p) for p in latest_first), *([""] * (len(_HEADINGS) - len(latest_first))))
    return t


def _cell(p: Point | None) -> str:
    if p is None:
        return ""
    style = _STYLE.get(int(p.value), "")
    text = f"[{style}]{grade_label(p.value)}[/]" if style else grade_label(p.value)
    when = f" ({p.period_end:%b %Y})" if p.period_end else ""
    return text + when + ("*" if p.disagreements else "")
