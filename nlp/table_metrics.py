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
from nlp.periods import header_period, resolve_periods
from nlp.row_labels import brief_row_label, sentence_bounds
from nlp.table_header import (
    NUMBER,
    Column,
    column_words,
    count_header_rows,
    figures,
    mostly_text,
    read_columns,
    same_period_words,
    spread,
)
from nlp.table_units import CellUnit, caption_unit, label_unit, money_scale, unit_of
from nlp.taxonomy import Taxonomy
from nlp.values import pounds

_TREND_MARKS = str.maketrans("", "", "↑↓↗↘→←▲▼△▽⬆⬇")  # a direction printed beside a figure
_SCALE = {"m": 1e6, "k": 1e3, "bn": 1e9}
_YEAR_HEADER = re.compile(r"\b(?:year|date|by|deadline|due|when)\b", re.I)
_AGE_HEADER = re.compile(r"^\s*(?:age|ages|age \((?:years|yrs)\)|age at \w+)\s*$", re.I)
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
    header_rows = count_header_rows(table)
    units = _unit_rows(table, header_rows)  # "£000s | £000s" under a header, or a header ingest read as body
    caption = caption_unit(" ".join([table.title, context, *(c for r in units for c in r if c)]))
    header = spread(table.rows[:header_rows], table.rows[header_rows:], table.n_cols)
    columns = [replace(c, unit=_column_unit(c, units, caption)) for c in read_columns(header, table.n_cols, ctx)]
    finance = caption.money or any(c.unit.money for c in columns) or off_domain(f"{table.title} {context}") is not None
    body = table.rows[header_rows:]
    label_cols = [c.index for c in columns if not c.skip and mostly_text(body, c.index)]
    own = [c.header for c in columns if c.index not in label_cols and not c.skip and c.basis is Basis.ACTUAL]
    first_label = min(label_cols, default=0)  # a number left of every label is the row's reference ("4.13")
    ages = {c.index for c in columns if c.index not in label_cols and _AGE_HEADER.match(c.header)}  # a person's age
    years = any(c.period for c in columns if c.index not in label_cols and not c.skip)  # its columns are dated
    # "Children looked after at 31 May 2014"; where no column is dated, the sentence leading into it: "As at 31.03.24
    # the Council had the following amounts outstanding ...:"
    dated = _caption_period([table.title, "" if years else _lead_in(context), *section_path[-1:]], ctx)
    measure = own[0] if len(own) == 1 else ""  # "Date | % who visited a dentist | National data": what both measure
    headed = {c.index for c in columns if any(c.index < len(r) and r[c.index] for r in header)}  # a header of its own
    stray = _stray_date(columns, headed, body)
    # the columns that say what their figures are of when none is dated ("Spending Growth | ASCH | CYPE | ... | Total"):
    # a row's label alone would read as any of them
    apart = {c.index: words for c in columns if c.index not in label_cols and not c.skip and c.basis is Basis.ACTUAL
             and c.period is None and (words := column_words(header, c.index))}
    apart = apart if len(apart) >= 2 and not years else {}
    apart |= same_period_words([c for c in columns if c.index not in label_cols and not c.skip
                                and c.basis is Basis.ACTUAL and c.period is not None])  # "BOYS" / "GIRLS" of 2004
    of_targets = _TARGETS_TITLE.search(context) is not None  # "West Sussex Local Area Agreement 2008-11 - statutory targets"
    heading = _heading_subject(section_path)
    out: list[Metric] = []
    group = ""  # the last row of a label alone: a heading over the rows below it ("Employer's National Insurance")
    carried = ""  # a measure printed once beside its first year ("RHAs in timescale | 2017-18 | ..." then "| 2018-19 | ...")
    for row in body:
        cells = [row[i] for i in label_cols if i < len(row) and row[i] and not figures(row[i]) and not is_rag(row[i])]
        printed = " ".join(cells)
        if not printed:
            continue
        if not any(figures(c) for c in row if c):
            group = printed
        brief = brief_row_label(cells)  # what the row's label shows when it is the row's cells as printed
        label, year, carried = _row_year(row, label_cols, printed, carried, ctx)
        when = _row_period(label, ctx)  # years down the side: the column header names the measure
        rag = next((c for c in row if is_rag(c) and not NUMBER.match(c)), "")
        polarity = next((c for c in row if _POLARITY.match(c)), "")
        for col in columns:
            if col.index in label_cols or col.skip or col.index >= len(row) or col.index < first_label or \
                    col.index in ages:
                continue
            m = NUMBER.match(row[col.index].replace(" ", "").translate(_TREND_MARKS))  # "81.5%↑": the figure
            if not m:
                continue
            cell_col = col if (when or dated) is None or col.period else replace(col, period=when or dated)
            cell_col = replace(cell_col, period=_in_year(cell_col.period, col.header, year))
            named = label if when is None else col.header if col.basis is Basis.ACTUAL else f"{measure} {col.header}"
            cell = _Cell(m, cell_col, named, caption, finance or off_domain(label) is not None, not domain.about_children,
                         undated=years and col.basis is Basis.ACTUAL and (
                             cell_col.period is None or (stray and col.index not in headed)))
            metric = _cell_metric(cell, row, table, ord_, section_path, context, ctx, taxonomy)
            if metric is None:
                continue
            shown = brief if named == printed else metric.label
            update = {"rag": rag if col.basis is Basis.ACTUAL else "", "polarity": polarity, "label": shown}
            words = column_words(header, col.index) if cell.undated else apart.get(col.index, "") if when is None else ""
            if words:
                update["label"] = f"{shown} ({words})"  # "In-House Residential (Prior Years Spend)"
            if metric.basis is Basis.ACTUAL and ((len(printed) <= _CATEGORY and _TARGET_ROW.search(printed)) or (
                    of_targets and not _BASELINE.search(col.header))):
                update["basis"] = Basis.TARGET  # "Avoidance target (£) | £340,300 | ...", or a table of targets
            elif metric.basis is Basis.ACTUAL and (whose := _comparator_row(printed)) is not None:
                update["basis"] = whose  # "ENGLAND | 11,006,702 | 22.8% | ...": a table of areas' England row
            elif metric.basis is Basis.ACTUAL and _NATIONAL_RATES.search(group) and (
                    metric.unit is Unit.PERCENT or (metric.unit is Unit.GBP and abs(metric.value) < _A_RATE)):
                update["basis"] = Basis.NATIONAL  # "Threshold | £8,632" under "Employer's National Insurance"
            about = subject or ("" if metric.indicator else heading)  # an indicator's title says it for a mapped row
            if about and len(update["label"]) <= _CATEGORY and about.lower() not in update["label"].lower():
                update["label"] = f"{about}: {update['label']}"  # "Category of need of ... children: Abuse or neglect"
            out.append(metric.model_copy(update=update))
    return out


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


def _cell_metric(cell: _Cell, row: list[str], table: Table, ord_: int, section_path: list[str], context: str,
                 ctx: DocumentContext, taxonomy: Taxonomy) -> Metric | None:
    col, label = cell.col, cell.label
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
        period_start=start, period_end=end, period_label=plabel, authority=ctx.authority, page=table.page,
        section_path=section_path, quote=" | ".join(c for c in row if c), from_table=True, flags=flags, table_ord=ord_,
        evidence=verdict.evidence if verdict else "",
        confidence=verdict.confidence if verdict and not verdict.blocked else None,
    )


_YEAR_TO_DATE = re.compile(r"\b(?:ytd|year[- ]to[- ]date)\b", re.I)
# the nation's rates a council's treasury and budget papers print beside its own figures: a forecast table's "Bank
# Rate | 4.75 | 4.50 | ..." row is the Bank of England's, whatever its column headers say
_ECONOMY_ROW = re.compile(r"\bBank Rate\b|\bCPI\b|\bRPI\b|\bGDP\b")
# the nation's statutory rates, printed as a group of rows under their name: "Employer's National Insurance", then
# "Threshold | £8,632 | ..." and "Rate | 13.8% | ..."; a sum of a council's own ("... | £9.4m") is its cost of them
_NATIONAL_RATES = re.compile(r"National Insurance|National (?:Living|Minimum)(?:/(?:Living|Minimum))? Wage", re.I)
_A_RATE = 100_000  # pounds: a threshold or an hourly wage, not a budget line


def _stray_date(columns: list[Column], headed: set[int], body: list[list[str]]) -> bool:
    """A date printed over a column with no figures: the header sits a column off its figures (a grid read from other
    rules), so a figure column whose date came only from a spanning header to its left may have the wrong year."""
    return any(c.period is not None and c.index in headed and not any(
        c.index < len(r) and NUMBER.match(r[c.index].replace(" ", "")) for r in body) for c in columns)


def _unit_rows(table: Table, header_rows: int) -> list[list[str]]:
    """The rows above the first row of figures (at most a few): they print the units."""
    out = []
    for row in table.rows[:8]:
        if len(out) >= header_rows and sum(1 for c in row if NUMBER.match(c.replace(" ", ""))) >= 2:
            break
        out.append(row)
    return out


def _column_unit(col: Column, units: list[list[str]], caption: CellUnit) -> CellUnit:
    """The column's header decides; else a unit printed under it ("£000s"), else nothing (the caption decides later)."""
    own = unit_of(col.header, caption)
    if own.unit is not None:
        return own
    below = " ".join(r[col.index] for r in units if col.index < len(r) and r[col.index])
    return unit_of(below, caption) if money_scale(below) or len(below) <= 12 else own


# a table whose title or lead-in says it holds targets: "Local Area Agreement 2008-11 - statutory targets", "The
# Three-year Project targets ... are shown in the table below:"; not "performance against targets"
_TARGETS_TITLE = re.compile(r"(?<!against )(?<!above )(?<!below )\btargets\b[^.;]{0,100}:?\s*$", re.I)
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


_HEADING = 70  # a heading longer than this says more than a label's lead should
_PAPER_PART = re.compile(r"\b(?:summary|introduction|background|context|overview|contact|implications|process|"
                         r"conclusions?|recommendations?|purpose|appendix|information)\b", re.I)  # a part of any paper
_CATEGORY = 40  # a row label this short is a category of what the table counts ("Other", "65-74", "5 - 9 (ALL)")
_CAPTION = re.compile(r"^\s*Table\s+\d+(?:\.\d+)*\b\s*[:.–-]?\s*(?=[A-Z])")  # not "table 1 below", "Table 2 shows"


def _heading_subject(section_path: list[str]) -> str:
    """The heading over a table with no caption, as what its categories are of ("Number of phone calls to Contact
    Point (thousands)", "Children in Care"), less its number; none too long to read as a label's lead."""
    words = re.sub(r"^\s*\d+(?:\.\d+)*\.?\s+", "", section_path[-1]).strip(" :–-") if section_path else ""
    generic = len(words.split()) <= 4 and _PAPER_PART.search(words)  # "Executive Summary", "Local Context"
    return words if len(words.split()) >= 2 and len(words) <= _HEADING and not generic else ""


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


def _lead_in(context: str) -> str:
    """The sentence right before a table when it leads into it (ends in a colon), or the source its caption names
    ("Table 8.2 Family structure ... Source: Census 2001"): either may date the table's figures."""
    text = context.rstrip()
    if (source := _SOURCE_LINE.search(text)) is not None:
        return source.group(0)
    return text[sentence_bounds(text, len(text) - 1, len(text))[0]:] if text.endswith(":") else ""


_SOURCE_LINE = re.compile(r"\bSource\s*:\s*[^:.]{1,120}$", re.I)


def _caption_period(captions: list[str], ctx: DocumentContext) -> Period | None:
    """The one date a table's caption, else the heading over it, prints: its cells' date when no header names one."""
    for caption in captions:
        periods = resolve_periods(caption, ctx) if caption else []
        if len(periods) == 1:
            return periods[0]
    return None


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
