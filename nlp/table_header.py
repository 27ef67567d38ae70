"""A table's header read as columns: which rows are header, and each column's period, basis and unit words.

Split from the metrics that read the body: a scorecard's "2020" over "/21", a banner between a caption and its
headers, a band of wrapped headings read as one cell, "Prior Years Spend" beside a plan's years.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.models import Table
from ingest.periods import Period, parse_date
from nlp.models import Basis, DocumentContext
from nlp.periods import header_period
from nlp.table_units import NONE, CellUnit

NUMBER = re.compile(r"^(?P<sign>[+-]?)[£]?\s*(?P<num>-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)\s*(?P<suffix>%|m|k|bn)?$")
_UNITS = r"%|no\.?|number|num|rate|#|count"
_UNIT_ONLY = re.compile(rf"^(?:{_UNITS})$", re.I)
_SKIP_HEADER = re.compile(r"\b(?:RAG|DoT|direction|trend|polarity|ref|priority|outcome|comment|commentary|narrative|"
                          r"notes?|owner|lead|change|variance|difference|question\s*(?:no\.?|number))\b", re.I)
# spent before a plan's years, or over a scheme's whole life: of no one year, nor of the plan's years
_BEFORE_HEADER = re.compile(r"\b(?:prior|previous|earlier)\s+years\b|\btotal\s+cost\b|\bwhole[- ]life\b", re.I)
# "Initial Draft (Nov 2024)" beside "Final Draft (Jan 2025)", not "2025-26 Draft Budget"
_VERSION_HEADER = re.compile(r"\b(?:drafts?|versions?|proposals?)\b", re.I)
_BASIS_HEADER = [
    (Basis.STATISTICAL_NEIGHBOURS, re.compile(r"stat(?:istical)?\.? ?neigh|\bSN\b|comparator", re.I)),
    (Basis.NATIONAL, re.compile(r"national|england|\bENG\b", re.I)),
    (Basis.REGIONAL, re.compile(r"regional|region\b|north west|north east|south east|south west|midlands", re.I)),
    (Basis.TARGET, re.compile(r"target", re.I)),
    (Basis.FLOOR, re.compile(r"floor", re.I)),
]


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    period: Period | None
    basis: Basis
    percent: bool
    skip: bool
    unit: CellUnit = NONE  # what the header says its numbers are ("£000s", "FTE", "Budget")


def count_header_rows(table: Table) -> int:
    """Ingest's header count, plus rows below it with no number in them ("2020" over "/21"), and a banner over such
    a row ("Children, Young People & Education (CYPE)" under the caption, over "Project | ... | 2025-26 | 2026-27")."""
    rows, n = table.rows, table.header_rows
    while n < len(rows) - 1 and _wordy(rows[n]) and (
            _filled(rows[n]) >= 2 or _continues_header(rows[n], rows[n - 1])
            or (_filled(rows[n]) == 0 and _wordy(rows[n + 1]) and _filled(rows[n + 1]) >= 2)):
        n += 1
    return n


def _wordy(row: list[str]) -> bool:
    """No figure after the first cell; a row of years over the columns ("| 2004 | 2007 | 2008 | 2004 ...", under
    "BOYS" and "GIRLS") is words too."""
    cells = [c for c in row[1:] if c]
    return not any(NUMBER.match(c.replace(" ", "")) for c in cells) or (
        len(cells) >= 2 and not _figure_label(row[0]) and all(_YEAR_CELL.match(c) for c in cells))


_YEAR_CELL = re.compile(r"^\s*(?:19|20)\d{2}(?:\s*[/\-–]\s*\d{2}(?:\d{2})?)?\s*$")


def _figure_label(cell: str) -> bool:
    return bool(cell.strip()) and bool(NUMBER.match(cell.replace(" ", "")))


def _filled(row: list[str]) -> int:
    """Cells filled after the first."""
    return sum(1 for c in row[1:] if c)


def _continues_header(row: list[str], above: list[str]) -> bool:
    """A header wrapped onto the next line ("In Year 11," over "old enough to sit GCSEs"): no row label, and every
    word under a header cell of the row above."""
    filled = [i for i, c in enumerate(row) if c]
    return bool(filled) and not row[0] and all(i < len(above) and above[i] for i in filled)


def mostly_text(body: list[list[str]], i: int) -> bool:
    """A column of words, not figures ("(59)", a share printed in brackets beside its number, is a figure)."""
    cells = [r[i] for r in body if i < len(r) and r[i]]
    return bool(cells) and sum(1 for c in cells if not figures(c)) * 2 > len(cells)


def figures(cell: str) -> bool:
    """A cell of figures alone: one ("(59)", "1,234") or several that a table reader ran together from columns it
    did not split ("-22,133.9 -1,828.0 -23,961.9"), which name nothing and so are no row's label."""
    return bool(cell.split()) and (bool(NUMBER.match(cell.replace(" ", "").strip("()")))
                                   or all(NUMBER.match(t.strip("()")) for t in cell.split()))


def read_columns(header: list[list[str]], width: int, ctx: DocumentContext) -> list[Column]:
    filled = [list(r) + [""] * (width - len(r)) for r in header]
    for r in filled[:-1]:  # a spanning header cell covers the empty cells to its right
        for i in range(1, width):
            if not r[i] and r[i - 1]:
                r[i] = r[i - 1]
    cols: list[Column] = []
    for i in range(width):
        own = filled[-1][i].strip()
        text = " ".join(r[i] for r in filled if r[i]).strip()
        if i and _UNIT_ONLY.match(own) and cols:  # "%" beside a year's figures: that year ("2020" over "/21 | %")
            prev = cols[-1]
            upper = [" ".join(r[k] for r in filled[:-1] if r[k]) for k in (i - 1, i)]
            above = header_period(_joined_header(upper[1]), ctx) if upper[1] and upper[1] != upper[0] else None
            cols.append(Column(i, text, above or prev.period, prev.basis, own == "%", prev.skip))  # "number" under a year
            continue
        basis = next((b for b, p in _BASIS_HEADER if p.search(text)), Basis.ACTUAL)
        skip = bool(_SKIP_HEADER.search(text)) and basis is Basis.ACTUAL
        # "Prior Years Spend" or "Total Cost of Scheme" under a caption of the plan's years is of none of them
        period = header_period(_joined_header(text), ctx) if not skip and not _BEFORE_HEADER.search(text) else None
        if period is None and not skip and _YEAR_CELL.match(own):
            period = _year_under(own, " ".join(r[i] for r in filled[:-1] if r[i]), ctx)
        if period is not None and (period.end - period.start).days < 40 and _VERSION_HEADER.search(text):
            period = None  # "Initial Draft (Nov 2024)": the month a draft was written, not what its figures are of
        cols.append(Column(i, text, period, basis, "%" in own, skip))
    return cols


_HEADER_YEAR = re.compile(r"\b(?:19|20)\d\d\s*[/\-–]\s*\d\d\b")
_HEADER_MONEY = re.compile(r"£\s*(?:000|m|k)['’]?s?|£", re.I)


def spread(header: list[list[str]], body: list[list[str]], width: int) -> list[list[str]]:
    """A header that ingest read as one cell ("MTFP Category ... 2025-26 2026-27 2027-28 Service Area ... £000's
    £000's £000's": a band of wrapped headings with no rules between them): its years, in order, head the body's
    columns of figures, in order, when there are as many of each; otherwise the header as read."""
    if len(header) != 1 or not header[0] or not header[0][0] or any(c.strip() for c in header[0][1:]):
        return header
    text = header[0][0]
    years = _HEADER_YEAR.findall(text)
    figures = [i for i in range(width) if any(i < len(r) and r[i] for r in body) and not mostly_text(body, i)]
    if len(years) < 2 or len(years) != len(figures):
        return header
    money = _HEADER_MONEY.search(text)
    row = [_HEADER_YEAR.sub(" ", text).strip()] + [""] * (width - 1)
    for i, year in zip(figures, years, strict=True):
        row[i] = f"{year} {money.group(0)}" if money else year
    return [row]


def _joined_header(text: str) -> str:
    """ "2020 /21" stays a financial year; "Yr. end 18-19" loses its dot."""
    return text.replace("Yr.", "Yr").replace("Qu.", "Qu")


_UNIT_WORDS = re.compile(r"£\s*(?:000|m|k|bn)['’]?s?|\(\s*£\s*\)|£|%", re.I)


def column_words(header: list[list[str]], i: int) -> str:
    """The words a column's own header cells print, less units ("Prior Years Spend" over "£000s"): what a figure under
    no date of a dated table is, which its row's label does not say."""
    words = " ".join(_UNIT_WORDS.sub(" ", " ".join(r[i] for r in header if i < len(r) and r[i])).split())
    return "" if _UNIT_ONLY.match(words) else words  # not "Number", "No.", "Rate"


_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\b"
                        r"(?!\s*,?\s*(?:19|20)\d)", re.I)


def _year_under(year: str, above: str, ctx: DocumentContext) -> Period | None:
    """A year printed under a day that spans it ("AGE AT 31 MARCH" / "BOYS" / "2004"): that day of that year; else
    the year as a header names it."""
    day = _DAY_MONTH.search(above)
    if day is not None and (when := parse_date(f"{day.group(1)} {day.group(2)} {year.strip()[:4]}")) is not None:
        return Period(when, when, f"{day.group(1)} {day.group(2).title()} {year.strip()[:4]}", (0, 0))
    return header_period(year, ctx)


_COUNT_WORD = re.compile(rf"^(?:n|{_UNITS})$", re.I)  # "n" and "%" under a year: the unit


def same_period_words(columns: list[Column]) -> dict[int, str]:
    """For columns of one period ("AGE AT 31 MARCH BOYS 2004", "... GIRLS 2004", "... ALL 2004"), the words of each
    header the others lack ("BOYS"): what tells their figures apart, which the row's label does not say."""
    groups: dict[tuple, list[Column]] = {}
    for c in columns:
        groups.setdefault((c.period.start, c.period.end) if c.period else None, []).append(c)
    out: dict[int, str] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        words = [_UNIT_WORDS.sub(" ", c.header).split() for c in group]
        shared = set.intersection(*(set(w) for w in words))
        for c, own in zip(group, words, strict=True):
            if (apart := " ".join(w for w in own if w not in shared)) and not _COUNT_WORD.match(apart):
                out[c.index] = apart
    return out

