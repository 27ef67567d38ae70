"""The compare chart as inline SVG, drawn on the server: one line per series over period end, England dashed
black, neighbours and regions dotted, as `scrutineer compare --chart` draws it with matplotlib (which is slow to
start and not safe across threads, hence this small drawer)."""

from __future__ import annotations

import math
from datetime import date

from markupsafe import Markup, escape

from scrutineer.compare import Comparison, Point, Series

W, H = 760, 360
LEFT, RIGHT, TOP, BOTTOM = 60, 20, 20, 50
PALETTE = ["#1f5fa8", "#b5400b", "#2e7d32", "#7b3fa0", "#8a6d00", "#00707a", "#a3195b", "#4e5d6c"]
GAP_DAYS = 460  # papers silent for longer than 15 months: the line breaks


def _ticks(low: float, high: float, n: int = 5) -> list[float]:
    """Round steps (1, 2 or 5 times a power of ten) from `low` to past `high`."""
    raw = (high - low) / max(n - 1, 1) or 1.0
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    return [start + i * step for i in range(math.ceil((high - start) / step) + 1)]


def _date_ticks(x0: int, x1: int) -> list[date]:
    """Quarter ends when the chart spans under three years, else each 31 March (the end of a financial year)."""
    first, last = date.fromordinal(x0), date.fromordinal(x1)
    months = (3, 6, 9, 12) if (last - first).days < 3 * 365 else (3,)
    ends = [date(y, m, 30 if m in (6, 9) else 31) for y in range(first.year, last.year + 1) for m in months]
    return [d for d in ends if x0 <= d.toordinal() <= x1]


def comparison_svg(c: Comparison) -> Markup:
    """Empty Markup when no value has a dated period (undated values cannot be placed on a time axis)."""
    series = {name: [p for p in c.points if p.name == name and p.period_end] for name in c.names()}
    series = {n: ps for n, ps in series.items() if ps}
    if not series:
        return Markup("")
    xs = [p.period_end.toordinal() for ps in series.values() for p in ps if p.period_end]
    ys = [p.value for ps in series.values() for p in ps]
    x0, x1 = min(xs) - 45, max(xs) + 45
    ticks = _ticks(min(0.0, min(ys)), max(ys))
    y0, y1 = ticks[0], ticks[-1] if ticks[-1] > ticks[0] else ticks[0] + 1

    def px(d: date) -> float:
        return LEFT + (d.toordinal() - x0) / (x1 - x0) * (W - LEFT - RIGHT)

    def py(v: float) -> float:
        return H - BOTTOM - (v - y0) / (y1 - y0) * (H - TOP - BOTTOM)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" class="chart" '
             f'aria-labelledby="chart-title"><title id="chart-title">{escape(c.title)}: values by period end</title>',
             f'<rect x="{LEFT}" y="{TOP}" width="{W - LEFT - RIGHT}" height="{H - TOP - BOTTOM}" class="frame"/>']
    for v in ticks:
        parts.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{py(v):.1f}" y2="{py(v):.1f}" class="grid"/>'
                     f'<text x="{LEFT - 6}" y="{py(v) + 4:.1f}" class="axis" text-anchor="end">{v:g}</text>')
    for d in _date_ticks(x0, x1):
        parts.append(f'<line x1="{px(d):.1f}" x2="{px(d):.1f}" y1="{TOP}" y2="{H - BOTTOM}" class="grid"/>'
                     f'<text x="{px(d):.1f}" y="{H - BOTTOM + 16}" class="axis" text-anchor="middle">{d:%b %Y}</text>')
    parts.append(f'<text x="{(LEFT + W - RIGHT) / 2}" y="{H - 8}" class="axis" text-anchor="middle">'
                 'end of reporting period</text>')
    for name, colour, _ in legend(c):
        parts.append(_line(name, series[name], colour, px, py))
    return Markup("".join(parts) + "</svg>")


def _dash(series: Series) -> str:
    if series is Series.NATIONAL:
        return ' stroke-dasharray="8 4"'
    if series in (Series.NEIGHBOURS_REPORTED, Series.NEIGHBOUR_GROUP, Series.REGIONAL):
        return ' stroke-dasharray="2 4"'
    return ""


def _line(name: str, ps: list[Point], colour: str, px, py) -> str:
    segments: list[list[Point]] = [[]]
    for p in ps:
        last = segments[-1][-1] if segments[-1] else None
        if last and last.period_end and p.period_end and (p.period_end - last.period_end).days > GAP_DAYS:
            segments.append([])
        segments[-1].append(p)
    out = [f'<g class="series" data-name="{escape(name)}"><title>{escape(name)}</title>']
    for seg in segments:
        points = " ".join(f"{px(p.period_end):.1f},{py(p.value):.1f}" for p in seg if p.period_end)
        out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{_dash(ps[0].series)}/>')
    for p in ps:
        if p.period_end:
            out.append(f'<circle cx="{px(p.period_end):.1f}" cy="{py(p.value):.1f}" r="3.5" fill="{colour}">'
                       f'<title>{escape(name)}, {escape(p.period)}: {p.value:g}</title></circle>')
    out.append("</g>")
    return "".join(out)


def legend(c: Comparison) -> list[tuple[str, str, str]]:
    """(name, colour, style) in drawing order, for the HTML legend under the chart."""
    colours: dict[str, str] = {}
    rows = []
    for name in c.names():
        ps = [p for p in c.points if p.name == name and p.period_end]
        if not ps:
            continue
        owner = ps[0].authority or name
        if ps[0].series is not Series.NATIONAL and owner not in colours:
            colours[owner] = PALETTE[len(colours) % len(PALETTE)]
        colour = "#000" if ps[0].series is Series.NATIONAL else colours[owner]
        style = "dashed" if ps[0].series is Series.NATIONAL else "dotted" if _dash(ps[0].series) else "solid"
        rows.append((name, colour, style))
    return rows
