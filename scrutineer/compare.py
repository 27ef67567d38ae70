"""Compare authorities on one indicator the way DfE's LAIT does: each authority period by period,
against England and its statistical neighbours, with the direction of travel.

Only values the papers themselves report are compared. Where several documents report the same
authority, series and period, the latest meeting wins and the other values are kept as
disagreements, so a reader sees the conflict instead of a silently chosen number.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from enum import StrEnum
from statistics import mean

from pydantic import Field

from ingest.authorities import short_name, statistical_neighbours
from ingest.models import Strict
from nlp.models import Basis, Polarity
from nlp.taxonomy import Taxonomy
from scrutineer.period_names import period_name, period_sort_key
from store.metric_rows import MetricRow, Only, query_metrics
from store.records import Records

ENGLAND = "England"
_COMPARED = {Basis.ACTUAL, Basis.NATIONAL, Basis.STATISTICAL_NEIGHBOURS, Basis.REGIONAL}


class UnknownIndicator(ValueError):
    """The indicator id is not in the taxonomy."""


class Series(StrEnum):
    AUTHORITY = "authority"
    NEIGHBOURS_REPORTED = "statistical_neighbours"  # the average a paper quotes for its own neighbours
    NEIGHBOUR_GROUP = "neighbour_group"  # mean of the neighbours' own values found in the KB
    REGIONAL = "regional"
    NATIONAL = "national"


class Judgement(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    HIGHER = "higher"  # for indicators where neither direction is better
    LOWER = "lower"


class Direction(StrEnum):
    IMPROVING = "improving"
    WORSENING = "worsening"
    UP = "up"
    DOWN = "down"
    STEADY = "steady"


class Reading(Strict):
    value: float
    source: str
    page: int
    meeting_date: date | None
    quote: str


class Point(Strict):
    name: str
    authority: str
    series: Series
    period: str
    period_start: date | None
    period_end: date | None
    value: float
    unit: str
    source: str
    page: int
    meeting_date: date | None
    quote: str
    vs_england: Judgement | None = None
    direction: Direction | None = None
    disagreements: list[Reading] = Field(default_factory=list)


class Comparison(Strict):
    indicator: str
    title: str
    unit: str
    polarity: Polarity
    periods: list[str]
    points: list[Point]
    neighbours_of: str | None = None
    neighbours_without_data: list[str] = Field(default_factory=list)
    left_out: int = Field(0, description="Rows of this indicator left out for low confidence (README, 'Which rows to trust').")

    def names(self) -> list[str]:
        return list(dict.fromkeys(p.name for p in self.points))


def compare(records: Records, taxonomy: Taxonomy, indicator: str, authorities: list[str] | None = None,
            neighbours_of: str | None = None) -> Comparison:
    known = taxonomy.indicators.get(indicator)
    if known is None:
        raise UnknownIndicator(f"unknown indicator {indicator!r}: see `scrutineer metrics` or nlp/data/indicators.yaml")
    group = [a.name for a in statistical_neighbours(neighbours_of)] if neighbours_of else []
    wanted = [*(authorities or []), *([neighbours_of] if neighbours_of else []), *group]
    bases = [b.value for b in _COMPARED]
    rows = query_metrics(records, [indicator], wanted or None, bases, Only.CONFIDENT)
    left_out = len(query_metrics(records, [indicator], wanted or None, bases, Only.MAPPED)) - len(rows)
    points = [_latest(rs) for rs in _grouped(rows).values()]
    if group:
        points += _neighbour_group(points, neighbours_of or "", set(group))
    points.sort(key=lambda p: (_series_order(p), p.name, *_when(p)))
    _judge(points, known.polarity)
    present = {p.authority for p in points if p.series is Series.AUTHORITY}
    return Comparison(
        indicator=indicator, title=known.title, unit=known.unit.value, polarity=known.polarity,
        periods=_ordered_periods(points), points=points, neighbours_of=short_name(neighbours_of) if neighbours_of else None,
        neighbours_without_data=[short_name(g) for g in group if short_name(g) not in present], left_out=left_out,
    )


def _name(row: MetricRow) -> tuple[str, Series]:
    who = short_name(row.authority)
    if row.basis == Basis.NATIONAL:
        return ENGLAND, Series.NATIONAL
    if row.basis == Basis.STATISTICAL_NEIGHBOURS:
        return f"{who}: statistical neighbours (as reported)", Series.NEIGHBOURS_REPORTED
    if row.basis == Basis.REGIONAL:
        return f"{who}: region (as reported)", Series.REGIONAL
    return who, Series.AUTHORITY


def _grouped(rows: list[MetricRow]) -> dict[tuple[str, str], list[MetricRow]]:
    groups: dict[tuple[str, str], list[MetricRow]] = defaultdict(list)
    for r in rows:
        groups[(_name(r)[0], _period(r))].append(r)
    return groups


def _period(row: MetricRow) -> str:
    """Undated values ("national average 70" in a scorecard) belong to their paper, not to one another."""
    name = period_name(row.period_start, row.period_end, row.period_label)
    if row.period_end is None:
        name += f" ({row.meeting_date:%b %Y})" if row.meeting_date else f" ({row.source})"
    return name


def _latest(rows: list[MetricRow]) -> Point:
    """The value from the most recent meeting; different values from other papers become disagreements."""
    ordered = sorted(rows, key=lambda r: (r.meeting_date or date.min, r.from_table, r.source, -r.page), reverse=True)
    win = ordered[0]
    name, series = _name(win)
    seen = {win.value}
    others = []
    for r in ordered[1:]:
        if r.value not in seen:
            seen.add(r.value)
            others.append(Reading(value=r.value, source=r.source, page=r.page, meeting_date=r.meeting_date, quote=r.quote))
    return Point(
        name=name, authority=short_name(win.authority) if series is not Series.NATIONAL else "", series=series,
        period=_period(win), period_start=win.period_start,
        period_end=win.period_end, value=win.value, unit=win.unit, source=win.source, page=win.page,
        meeting_date=win.meeting_date, quote=win.quote, disagreements=others,
    )


def _neighbour_group(points: list[Point], of: str, group: set[str]) -> list[Point]:
    """LAIT's statistical-neighbour average, rebuilt from the neighbours' own values in the KB."""
    members = {short_name(g) for g in group}
    by_period: dict[str, list[Point]] = defaultdict(list)
    for p in points:
        if p.series is Series.AUTHORITY and p.authority in members:
            by_period[p.period].append(p)
    out = []
    for period, ps in by_period.items():
        out.append(Point(
            name=f"{short_name(of)}'s neighbours in this KB (mean)", authority="", series=Series.NEIGHBOUR_GROUP,
            period=period, period_start=ps[0].period_start, period_end=ps[0].period_end,
            value=round(mean(p.value for p in ps), 2), unit=ps[0].unit, source=f"{len(ps)} of {len(members)} neighbours",
            page=0, meeting_date=None, quote=", ".join(sorted(f"{p.authority} {p.value:g}" for p in ps)),
        ))
    return out


def _judge(points: list[Point], polarity: Polarity) -> None:
    england = [p for p in points if p.series is Series.NATIONAL]
    previous: dict[str, Point] = {}
    for p in points:
        benchmark = _england_for(p, england) if p.series is Series.AUTHORITY else None
        if benchmark is not None:
            p.vs_england = _versus(p.value, benchmark.value, polarity)
        before = previous.get(p.name)
        if before is not None and _comparable(before, p):
            p.direction = _direction(p.value - before.value, polarity)
        previous[p.name] = p


def _england_for(p: Point, england: list[Point]) -> Point | None:
    """England for the same period, else the undated national figure the same paper prints beside it,
    else the latest England figure published up to 15 months before: what papers compare in-year figures with."""
    same = [e for e in england if e.period == p.period]
    own = [e for e in england if e.period_end is None and e.source == p.source]  # the paper's own benchmark column
    if same or own:
        return (same or own)[0]
    if p.period_end is None:
        return None
    earlier = [e for e in england if e.period_end and 0 <= (p.period_end - e.period_end).days <= 460]
    return max(earlier, key=lambda e: e.period_end or date.min, default=None)


def _comparable(a: Point, b: Point) -> bool:
    """Travel is only measured between periods of the same length (year on year, quarter on quarter)."""
    if not (a.period_start and a.period_end and b.period_start and b.period_end):
        return False
    return abs((a.period_end - a.period_start).days - (b.period_end - b.period_start).days) <= 3


def _versus(value: float, england: float, polarity: Polarity) -> Judgement:
    if value == england:
        return Judgement.SAME
    higher = value > england
    if polarity is Polarity.NEUTRAL:
        return Judgement.HIGHER if higher else Judgement.LOWER
    return Judgement.BETTER if higher == (polarity is Polarity.HIGHER) else Judgement.WORSE


def _direction(change: float, polarity: Polarity) -> Direction:
    if change == 0:
        return Direction.STEADY
    if polarity is Polarity.NEUTRAL:
        return Direction.UP if change > 0 else Direction.DOWN
    return Direction.IMPROVING if (change > 0) == (polarity is Polarity.HIGHER) else Direction.WORSENING


def _series_order(p: Point) -> int:
    return list(Series).index(p.series) if p.series is not Series.NEIGHBOURS_REPORTED else 0


def _when(p: Point) -> tuple[date, date, date]:
    """Chronological order of a point's period; undated ones follow their paper's meeting date."""
    return (*period_sort_key(p.period_start, p.period_end), p.meeting_date or date.max)


def _ordered_periods(points: list[Point]) -> list[str]:
    keys = {p.period: _when(p) for p in points}
    return sorted(keys, key=lambda k: (keys[k], k))
