"""Comparison outputs: a terminal table (authority × period), a long CSV and a line chart."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from rich.markup import escape
from rich.table import Table

from scrutineer.compare import Comparison, Judgement, Point, Series
from scrutineer.compare_grades import ORDINAL_UNITS, grade_table

_MARK = {Judgement.BETTER: "[green]▲[/]", Judgement.WORSE: "[red]▼[/]", Judgement.SAME: "=",
         Judgement.HIGHER: "↑", Judgement.LOWER: "↓"}
CSV_COLUMNS = ["indicator", "name", "authority", "series", "period", "period_start", "period_end", "value", "unit",
               "vs_england", "direction", "source", "page", "meeting_date", "disagreements", "quote"]


def comparison_table(c: Comparison, width: int | None = None) -> Table:
    """Authorities by period; a row per value where the periods would not fit `width` as columns (sixty councils'
    Ofsted reports give sixty inspection days)."""
    if c.unit in ORDINAL_UNITS:  # grades are words, by inspection year
        return grade_table(c)
    unit = "%" if c.unit == "percent" else c.unit.replace("_", " ")
    t = Table(title=f"{c.title} ({unit}; {c.polarity.value.replace('_', ' ')})",
              caption="▲/▼ better/worse than England in the same period or as the same paper prints it (↑/↓ where neither "
                      "is better); "
                      "* other papers report a different value (see --format csv)")
    by_name: dict[str, dict[str, Point]] = {}
    for p in c.points:
        by_name.setdefault(p.name, {})[p.period] = p
    names = max((len(n) for n in by_name), default=0)
    if width is not None and names + sum(max(len(p), 8) + 3 for p in c.periods) > width:
        for column in ("", "period", "value"):
            t.add_column(column, justify="right" if column == "value" else "left")
        for name, cells in by_name.items():
            for period in (p for p in c.periods if p in cells):
                t.add_row(escape(name), period, _cell(cells[period]))
        return t
    t.add_column("")
    for period in c.periods:
        t.add_column(period, justify="right")
    for name, cells in by_name.items():
        t.add_row(escape(name), *(_cell(cells.get(period)) for period in c.periods))
    return t


def _cell(p: Point | None) -> str:
    if p is None:
        return ""
    text = f"{p.value:g}"
    if p.vs_england:
        text += f" {_MARK[p.vs_england]}"
    if p.disagreements:
        text += "*"
    return text


def comparison_notes(c: Comparison) -> list[str]:
    notes = []
    for p in c.points:
        for d in p.disagreements:
            notes.append(f"{p.name} {p.period}: {p.value:g} from {p.source} p{p.page} (latest meeting) "
                         f"but {d.value:g} in {d.source} p{d.page}")
    if c.neighbours_of:
        missing = ", ".join(c.neighbours_without_data) or "none"
        notes.append(f"{c.neighbours_of}'s statistical neighbours with no value in this KB: {missing}")
    if c.left_out:
        notes.append(f"{c.left_out} low-confidence value{'s' if c.left_out != 1 else ''} of {c.indicator} left out "
                     "(see `scrutineer metrics --indicator ... --format csv`, column confidence)")
    if not c.points:
        notes.append(f"no values for {c.indicator} in this KB")
    return notes


def comparison_csv(c: Comparison) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for p in c.points:
        d = p.model_dump(mode="json")
        d["indicator"] = c.indicator
        d["value"] = f"{p.value:g}"
        d["disagreements"] = "; ".join(f"{x.value:g} ({x.source} p{x.page})" for x in p.disagreements)
        writer.writerow({k: "" if d.get(k) is None else d[k] for k in CSV_COLUMNS})
    return buf.getvalue()


def comparison_chart(c: Comparison, path: Path) -> Path:
    """One line per authority on a time axis (period end), England dashed black, neighbours dotted in the
    authority's colour; PNG or SVG by the file's suffix. Undated values cannot be placed and are left out."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.8), layout="constrained")
    colours: dict[str, str] = {}
    palette = iter(plt.rcParams["axes.prop_cycle"].by_key()["color"] * 4)
    for name in c.names():
        ps = [p for p in c.points if p.name == name and p.period_end is not None]
        if not ps:
            continue
        owner = ps[0].authority or name
        if ps[0].series is not Series.NATIONAL and owner not in colours:
            colours[owner] = next(palette)
        xs, ys = _with_gaps(ps)
        ax.plot(xs, ys, label=name,
                **_style(ps[0].series, colours.get(owner, "black")))
    ax.set_xlabel("end of reporting period")
    ax.set_ylabel(_axis_label(c.unit))
    ax.set_title(f"{c.title}\n({c.polarity.value.replace('_', ' ')}; values as reported in the papers)", fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    fig.autofmt_xdate()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def _with_gaps(ps: list[Point]) -> tuple[list, list]:
    """Break the line where the papers are silent for more than 15 months, rather than draw a trend."""
    xs: list = []
    ys: list = []
    for p in ps:
        if xs and p.period_end and (p.period_end - xs[-1]).days > 460:
            xs.append(xs[-1])
            ys.append(float("nan"))
        xs.append(p.period_end)
        ys.append(p.value)
    return xs, ys


def _style(series: Series, colour: str) -> dict:
    if series is Series.NATIONAL:
        return {"color": "black", "linestyle": "--", "marker": "o"}
    if series in (Series.NEIGHBOURS_REPORTED, Series.NEIGHBOUR_GROUP, Series.REGIONAL):
        return {"color": colour, "linestyle": ":", "marker": "s"}
    return {"color": colour, "linestyle": "-", "marker": "o"}


def _axis_label(unit: str) -> str:
    return {"percent": "per cent", "rate_per_10000": "rate per 10,000 children", "gbp": "£", "count": "number"}.get(
        unit, unit.replace("_", " "))
