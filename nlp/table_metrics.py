"""Metrics from tables: column headers decide period and basis, row labels decide the indicator.

Handles scorecards (Ref, indicator, polarity, statistical neighbour and
national averages, target, year-end and quarterly columns, RAG), status tables
with dated columns ("Dec-23" ... "Dec-24") and split headers ("2020" over
"/21", then a "%" column belonging to the same year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from ingest.models import Table
from ingest.periods import Period, financial_year, fy_of
from nlp.basis import BASIS_PATTERNS, REGION_NAMES
from nlp.domain import CHILDREN_DOCUMENT, DocumentDomain, off_domain
from nlp.evidence import Place, judge, qualified
from nlp.kpi_cards import is_kpi_card, is_rag
from nlp.models import Basis, DocumentContext, Flag, Metric, Unit
from nlp.periods import header_period
from nlp.row_labels import brief_row_label
from nlp.table_frame import TableFrame, read_frame
from nlp.table_header import (
    NUMBER,
    Column,
    column_words,
    figures,
)
from nlp.table_units import CellUnit, label_unit
from nlp.taxonomy import Taxonomy
from nlp.values import pounds

_TREND_MARKS = str.maketrans("", "", "↑↓↗↘→←▲▼△▽⬆⬇")  # a direction printed beside a figure
_SCALE = {"m": 1e6, "k": 1e3, "bn": 1e9}
_YEAR_HEADER = re.compile(r"\b(?:year|date|by|deadline|due|when)\b", re.I)
_SHARE_LABEL = re.compile(r"\b(?:achievement|achieving|reaching|progression|(?:turnover|conversion|vacancy) rate)\b")
# a row of interest rates or price indices, printed without "%" ("Bank Rate | 4.75 | 4.50", "10yr PWLB | 5.30"): the
# row's whole label names the rate (not "Base rate 0-4" of a carers' fee table, "PWLB fixed rate loans", "Inflation")
_RATE_ROW = re.compile(r"(?:bank rate|\d+\s*-?\s*(?:yr|year)s?\s+pwlb(?: rates?)?|pwlb(?: certainty| standard)? rates?|sonia|"
                       r"(?:cpih?|rpix?)(?: inflation(?: rate)?)?|(?:cpi |rpi )?inflation rate|gilt yields?|interest rates?)")
_POLARITY = re.compile(r"^(?:high|low)(?:er)? is (?:good|better)$", re.I)
_TEAM = re.compile(r"\b(?:team|service|unit|hub|locality|directorate)\b", re.I)
_PERIOD_WORDS = re.compile(r"\b(?:year|yr|end|as|at|to|quarter|qtr|financial|academic)\b", re.I)
_ALL_HUNDREDS = re.compile(r"(?:100(?:\.0+)?\s*%?\s*)+")
_TOTAL = re.compile(r"^\s*(?:total|all|overall|grand total)\s*(?:children|number|cohort|cla|looked after children|"
                    r"children in care|children looked after)?\s*:?\s*$", re.I)


def metrics_from_table(table: Table, ord_: int, section_path: list[str], context: str, ctx: DocumentContext,
                       taxonomy: Taxonomy, domain: DocumentDomain = CHILDREN_DOCUMENT, subject: str = "") -> list[Metric]:
    """`subject`: what the table counts, from its caption (`table_subject`), put before a row's label that is only a
    category."""
    if table.header_rows == 0 or len(table.rows) < 2 or any(is_kpi_card(c) for r in table.rows for c in r):
        return []  # KPI cards are read as sentences
    frame = read_frame(table, section_path, context, ctx)
    where = _Where(table, ord_, section_path, context, ctx, taxonomy, domain, subject)
    out: list[Metric] = []
    group = ""  # the last row of a label alone: a heading over the rows below it ("Employer's National Insurance")
    carried = ""  # a measure printed once beside its first year ("RHAs in timescale | 2017-18 | ..." then "| 2018-19 | ...")
    for row in frame.body:
        cells = [row[i] for i in frame.label_cols if i < len(row) and row[i] and not figures(row[i]) and not is_rag(row[i])]
        printed = " ".join(cells)
        if not printed:
            continue
        if not any(figures(c) for c in row if c):
            group = printed
        label, year, carried = _row_year(row, frame.label_cols, printed, carried, ctx)
        line = _Row(row, printed, brief_row_label(cells), label, year, _row_period(label, ctx), group,
                    rag=next((c for c in row if is_rag(c) and not NUMBER.match(c)), ""),
                    polarity=next((c for c in row if _POLARITY.match(c)), ""))
        out += [m for col in frame.figure_columns(row) if (m := _column_metric(frame, line, col, where)) is not None]
    return out


@dataclass(frozen=True)
class _Where:
    """Where the table stands, and what reads its cells."""
    table: Table
    ord_: int
    section_path: list[str]
    context: str
    ctx: DocumentContext
    taxonomy: Taxonomy
    domain: DocumentDomain
    subject: str  # what the table counts, from its caption


@dataclass(frozen=True)
class _Row:
    row: list[str]  # every cell, as printed
    printed: str  # its label as printed
    brief: str  # what the row's label shows when it is the row's cells as printed
    label: str  # its label less a year of its own, or the measure carried from above
    year: Period | None  # the year a cell of its own names
    when: Period | None  # the label is a year (years down the side): the column header names the measure
    group: str  # the last row of a label alone above it
    rag: str
    polarity: str


def _column_metric(frame: TableFrame, line: _Row, col: Column, where: _Where) -> Metric | None:
    m = NUMBER.match(line.row[col.index].replace(" ", "").translate(_TREND_MARKS))  # "81.5%↑": the figure
    if not m:
        return None
    when = line.when
    cell_col = col if (when or frame.dated) is None or col.period else replace(col, period=when or frame.dated)
    cell_col = replace(cell_col, period=_in_year(cell_col.period, col.header, line.year))
    named = line.label if when is None else col.header if col.basis is Basis.ACTUAL else f"{frame.measure} {col.header}"
    cell = _Cell(m, cell_col, named, frame.caption, frame.finance or off_domain(line.label) is not None,
                 not where.domain.about_children, undated=frame.years and col.basis is Basis.ACTUAL and (
                     cell_col.period is None or (frame.stray and col.index not in frame.headed)))
    metric = _cell_metric(cell, line.row, where)
    if metric is None or _shares_total(metric, frame, col):
        return None
    shown = line.brief if named == line.printed else metric.label
    update = {"rag": line.rag if col.basis is Basis.ACTUAL else "", "polarity": line.polarity, "label": shown}
    words = column_words(frame.header, col.index) if cell.undated else \
        frame.apart.get(col.index, "") if when is None else ""
    if words:
        update["label"] = f"{shown} ({words})"  # "In-House Residential (Prior Years Spend)"
    if metric.basis is Basis.ACTUAL and (basis := _row_basis(frame, line, col, metric)) is not None:
        update["basis"] = basis
    about = where.subject or ("" if metric.indicator else frame.heading)  # an indicator's title says it for a mapped row
    if about and len(update["label"]) <= _CATEGORY and about.lower() not in update["label"].lower():
        update["label"] = f"{about}: {update['label']}"  # "Category of need of ... children: Abuse or neglect"
    return metric.model_copy(update=update)


def _row_basis(frame: TableFrame, line: _Row, col: Column, metric: Metric) -> Basis | None:
    """Whose figure an actual-looking cell is, from its row: a target, a comparator's, or the nation's rate."""
    if (len(line.printed) <= _CATEGORY and _TARGET_ROW.search(line.printed)) or (
            frame.of_targets and not _BASELINE.search(col.header)):
        return Basis.TARGET  # "Avoidance target (£) | £340,300 | ...", or a table of targets
    if (whose := _comparator_row(line.printed)) is not None:
        return whose  # "ENGLAND | 11,006,702 | 22.8% | ...": a table of areas' England row
    if _NATIONAL_RATES.search(line.group) and (
            metric.unit is Unit.PERCENT or (metric.unit is Unit.GBP and abs(metric.value) < _A_RATE)):
        return Basis.NATIONAL  # "Threshold | £8,632" under "Employer's National Insurance"
    return None


@dataclass(frozen=True)
class _Cell:
    match: re.Match
    col: Column
    label: str
    caption: CellUnit
    off_domain: bool  # a budget, treasury or capital table, or a row about highways: no children's indicator
    weak_domain: bool  # a document hardly about children's services
    undated: bool = False  # a figure under no date in a table whose other columns are dated: its period is unknown


def _cell_value(cell: _Cell, printed: str) -> tuple[float, Unit] | None:
    """The cell's value in its unit, money in pounds ("£100m", a "£000s" table's 9,659.1); None for a year."""
    value = float(cell.match.group("num").replace(",", "")) * (-1 if cell.match.group("sign") == "-" else 1)
    suffix = cell.match.group("suffix")
    col_unit, own = cell.col.unit, label_unit(cell.label)
    if (own.unit is Unit.PERCENT or suffix == "%") and "£" not in printed and suffix not in _SCALE:
        col_unit = CellUnit(Unit.PERCENT)  # "Proportion of net revenue stream (%)" or "13%" under "2025/26 budget"
    shares = suffix == "%" or cell.col.percent
    labelled_money = own.money and not shares and col_unit.unit in (None, Unit.GBP)  # not under "Likelihood"
    if "£" in printed or suffix in _SCALE or col_unit.money or labelled_money or (
            cell.caption.money and col_unit.unit is None and not shares):
        return pounds(value, _money_scale(cell, printed, suffix, own)), Unit.GBP
    unit = col_unit.unit if suffix != "%" and not cell.col.percent and col_unit.unit is not None \
        else _unit(suffix, cell.col, cell.label)
    if re.fullmatch(r"(?:19|20)\d\d", printed.strip()) and (unit is Unit.PERCENT or _YEAR_HEADER.search(cell.col.header)):
        return None  # "meets the national benchmark (95%) | 2028": a year, not a share
    if unit is Unit.COUNT and cell.caption.unit is Unit.COUNT:
        value *= cell.caption.scale  # "Number of phone calls ... (thousands)": "6" is 6,000 calls
    return value, unit


def _money_scale(cell: _Cell, printed: str, suffix: str | None, own: CellUnit) -> float:
    """Pounds per printed unit: the cell's own "m"/"k"/"bn", else its row label's "£m" (`own`), else its column's
    "£000s", else the table caption's."""
    if suffix in _SCALE:
        return _SCALE[suffix]
    if own.money:
        return own.scale  # "Total net income from commercial investments £m | 8.6"
    if cell.col.unit.money:
        return cell.col.unit.scale
    return cell.caption.scale if cell.caption.money and "£" not in printed else 1.0


def _cell_metric(cell: _Cell, row: list[str], where: _Where) -> Metric | None:
    col, label = cell.col, cell.label
    context, ctx, taxonomy = where.context, where.ctx, where.taxonomy
    read = _cell_value(cell, row[col.index])
    if read is None:
        return None
    value, unit = read
    uncountable = unit is Unit.COUNT and (value < 0 or not value.is_integer())  # "9,659.1", "-2,541.5": not children
    indicator = None if _TEAM.search(label) or cell.off_domain or unit is Unit.GBP or uncountable or cell.undated else \
        taxonomy.match(label, label, unit, context)
    if indicator is not None and taxonomy.unmeasured(taxonomy.uncued(indicator, label)):
        indicator = None  # "Number of individual offences committed by cared for children" measures offending
    shares_total = _TOTAL.match(label) and _ALL_HUNDREDS.fullmatch(" ".join(c for c in row[1:] if c))
    if shares_total and unit is Unit.PERCENT:
        return None  # "TOTAL | 100 | 100 | 100": the shares above it add up, nothing is measured
    total = indicator is None and _TOTAL.match(label) and col.period is not None and not cell.off_domain \
        and not cell.undated and not shares_total  # a total of shares printed without "%" is no count either
    if total:
        indicator = taxonomy.general(context, unit)
    verdict = None
    if indicator is not None:  # a table's caption and the words before it are its rows' lead-in
        places = [Place("label", label), Place("header", col.header), Place("lead-in", context)]
        verdict = judge(indicator, places, taxonomy, weak_domain=cell.weak_domain)
        verdict = qualified(verdict, indicator, unit, f"{label} {col.header}", "", taxonomy)
        indicator = indicator if verdict is not None and not verdict.blocked else None
    period = col.period
    start, end, plabel = (period.start, period.end, period.label) if period else (
        (ctx.period_start, ctx.period_end, ctx.period_label)
        if col.basis in (Basis.ACTUAL, Basis.TARGET, Basis.FLOOR) and not cell.undated else (None, None, ""))
    if start is not None and end is not None and _YEAR_TO_DATE.search(label):  # "(ytd fig)": since April
        start = min(start, financial_year(fy_of(end))[0])
    flags = [Flag.UNMAPPED] if indicator is None else []
    if unit is Unit.PERCENT and value > 100:
        flags.append(Flag.OVER_100_PERCENT)
    return Metric(
        indicator=indicator.id if indicator else "", label=label, value=value, unit=unit,
        basis=Basis.NATIONAL if col.basis is Basis.ACTUAL and unit is Unit.PERCENT and _ECONOMY_ROW.search(label)
        else col.basis,
        period_start=start, period_end=end, period_label=plabel, authority=ctx.authority, page=where.table.page,
        section_path=where.section_path, quote=" | ".join(c for c in row if c), from_table=True, flags=flags,
        table_ord=where.ord_,
        evidence=verdict.evidence if verdict else "",
        confidence=verdict.confidence if verdict and not verdict.blocked else None,
    )


def _shares_total(metric: Metric, frame: TableFrame, col: Column) -> bool:
    """A row's 100% under a "Total" column ("Worthing | 21.1% | 66.4% | 11.3% | 1.1% | 100.0%"): its shares add up,
    nothing is measured."""
    heads = (col.header, frame.apart.get(col.index, ""), column_words(frame.header, col.index))
    return metric.unit is Unit.PERCENT and metric.value == 100 and any(_TOTAL.match(h) for h in heads)


_YEAR_TO_DATE = re.compile(r"\b(?:ytd|year[- ]to[- ]date)\b", re.I)
# the nation's rates a council's treasury and budget papers print beside its own figures: a forecast table's "Bank
# Rate | 4.75 | 4.50 | ..." row is the Bank of England's, whatever its column headers say
_ECONOMY_ROW = re.compile(r"\bBank Rate\b|\bCPI\b|\bRPI\b|\bGDP\b")
# the nation's statutory rates, printed as a group of rows under their name: "Employer's National Insurance", then
# "Threshold | £8,632 | ..." and "Rate | 13.8% | ..."; a sum of a council's own ("... | £9.4m") is its cost of them
_NATIONAL_RATES = re.compile(r"National Insurance|National (?:Living|Minimum)(?:/(?:Living|Minimum))? Wage", re.I)
_A_RATE = 100_000  # pounds: a threshold or an hourly wage, not a budget line


_TARGET_ROW = dict(BASIS_PATTERNS)[Basis.TARGET]  # the words that make a sentence's figure a target
_BASELINE = re.compile(r"\bbaseline\b|\bactual\b|\boutturn\b", re.I)
_COMPARATOR_ROWS = [
    (Basis.NATIONAL, re.compile(r"(?:england|national(?:ly)?)(?: average| total| figure)?", re.I)),
    (Basis.STATISTICAL_NEIGHBOURS, re.compile(
        r"(?:statistical|stat\.?) neighbou?rs?(?: average)?|SN(?: average)?|similar (?:local )?authorities", re.I)),
    (Basis.REGIONAL, re.compile(rf"(?:the )?(?:{REGION_NAMES}|region|regional)(?: average| region| total)?", re.I)),
]


def _comparator_row(label: str) -> Basis | None:
    """Whose figures a row of a table of areas holds when its label is only a comparator's name ("ENGLAND", "SOUTH
    EAST", "Statistical neighbours"): not the authority's, whatever its columns say."""
    return next((basis for basis, name in _COMPARATOR_ROWS if name.fullmatch(label.strip(" :*"))), None)


_CATEGORY = 40  # a row label this short is a category of what the table counts ("Other", "65-74", "5 - 9 (ALL)")
_CAPTION = re.compile(r"^\s*Table\s+\d+(?:\.\d+)*\b\s*[:.–-]?\s*(?=[A-Z])")  # not "table 1 below", "Table 2 shows"


def table_subject(lines: list[str]) -> str:
    """What a table counts, from its numbered caption, the last of `lines` (the lines just before it) to be one:
    "Table 9.4 Category of need of West Sussex looked after children". A row's category alone ("Other", "Family
    dysfunction (N5)") does not say. Tables carry no title of their own, and an unnumbered line before a table is as
    often a chart's text or a paragraph, so only a caption."""
    for line in reversed(lines):
        if (m := _CAPTION.match(line)) is not None:
            words = re.split(r"\s+Source\s*:", line[m.end():])[0].strip(" :–-.")
            return words if len(words.split()) >= 2 and len(words) <= 120 else ""
    return ""


def _row_year(row: list[str], label_cols: list[int], label: str, carried: str,
              ctx: DocumentContext) -> tuple[str, Period | None, str]:
    """The row's label, the year a cell of its own beside the label names ("... in timescale | 2017-2018 | 80% |
    ..."), and the label to carry to the next row: a row whose only label is a year continues the measure above."""
    cells = [(row[i], _row_period(row[i], ctx)) for i in label_cols if i < len(row) and row[i]]
    years = [p for _, p in cells if p is not None and (p.end - p.start).days > 300]
    words = [c for c, p in cells if p is None]
    if not years or len(years) > 1:
        return label, None, ""
    if not words:
        return (f"{carried} {label}", years[0], carried) if carried else (label, None, "")
    return " ".join(words), years[0], " ".join(words)


def _in_year(period: Period | None, header: str, year: Period | None) -> Period | None:
    """A quarter or month column with no year of its own ("Quarter 1"), in a row that names its year: that year's."""
    if period is None or year is None or re.search(r"(?:19|20)\d\d", header) or (period.end - period.start).days > 100:
        return period
    shift = _fy_start(year.start) - _fy_start(period.start)
    if not shift:
        return period
    return Period(_years_on(period.start, shift), _years_on(period.end, shift), f"{period.label} {year.label}", period.span)


def _fy_start(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def _years_on(day: date, years: int) -> date:
    return day.replace(year=day.year + years, day=min(day.day, 28) if day.month == 2 else day.day)


def _row_period(label: str, ctx: DocumentContext) -> Period | None:
    """The period a row label is and nothing more ("2014/2015", "Q1 2023/24", "Year end 2019/20")."""
    period = header_period(label, ctx)
    if period is None or not re.search(r"(?:19|20)\d{2}|\d\.\d\d\.\d\d|\bQ[1-4]\b|[A-Za-z]{3}", label):
        return None  # "16 - 17" down the side of a table is an age band
    rest = label[: period.span[0]] + label[period.span[1]:]
    return None if re.search(r"[A-Za-z]{3,}", _PERIOD_WORDS.sub(" ", rest)) else period


def _unit(suffix: str | None, col: Column, label: str) -> Unit:
    if suffix == "%" or col.percent:
        return Unit.PERCENT
    if suffix in ("m", "k") or "£" in label:
        return Unit.GBP
    low = label.lower()
    if "per 10,000" in low or "per 10000" in low or low.startswith("rate"):
        return Unit.RATE
    if low.startswith("%") or "percentage" in low or "proportion" in low:
        return Unit.PERCENT
    if "days" in low and ("average" in low or "time" in low):
        return Unit.DAYS
    if re.search(r"\bscores?\b", low):
        return Unit.SCORE
    if _SHARE_LABEL.search(low) or _RATE_ROW.fullmatch(low.strip()):
        return Unit.PERCENT  # "NI 73 Achievement at level 4 or above ... | 80 | 81": a share printed without its %
    return Unit.COUNT
