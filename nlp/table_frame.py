"""What a table's header, caption and place say of every row: its columns, which of them hold labels, and what their
figures are of and when. Read once per table (`read_frame`); `nlp/table_metrics.py` reads the rows against it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.models import Table
from ingest.periods import Period
from nlp.domain import off_domain
from nlp.models import Basis, DocumentContext
from nlp.periods import resolve_periods
from nlp.row_labels import sentence_bounds
from nlp.table_header import (
    NUMBER,
    Column,
    column_words,
    count_header_rows,
    mostly_text,
    read_columns,
    same_period_words,
    spread,
)
from nlp.table_units import CellUnit, caption_unit, money_scale, unit_of

_AGE_HEADER = re.compile(r"^\s*(?:age|ages|age \((?:years|yrs)\)|age at \w+)\s*$", re.I)
# a table whose title or lead-in says it holds targets: "Local Area Agreement 2008-11 - statutory targets", "The
# Three-year Project targets ... are shown in the table below:"; not "performance against targets"
_TARGETS_TITLE = re.compile(r"(?<!against )(?<!above )(?<!below )\btargets\b[^.;]{0,100}:?\s*$", re.I)
_HEADING = 70  # a heading longer than this says more than a label's lead should
_PAPER_PART = re.compile(r"\b(?:summary|introduction|background|context|overview|contact|implications|process|"
                         r"conclusions?|recommendations?|purpose|appendix|information)\b", re.I)  # a part of any paper


@dataclass(frozen=True)
class TableFrame:
    header: list[list[str]]
    body: list[list[str]]
    columns: list[Column]
    caption: CellUnit  # the unit the title, lead-in or a row under the header prints for the whole table
    finance: bool  # a budget, treasury or capital table: no children's indicator
    label_cols: list[int]
    first_label: int  # a number left of every label is the row's reference ("4.13")
    ages: set[int]  # columns of a person's age
    years: bool  # its figure columns are dated
    dated: Period | None  # the one date its caption, lead-in or heading prints
    measure: str  # what the one actual column measures ("Date | % who visited a dentist | National data")
    headed: set[int]  # columns with a header of their own
    stray: bool  # a date over a column with no figures: the header sits a column off its figures
    apart: dict[int, str]  # what each undated column's figures are of ("ASCH", "CYPE"), or a dated one's ("BOYS")
    of_targets: bool  # its title or lead-in says it holds targets
    heading: str  # the heading over it, as what its categories are of

    def figure_columns(self, row: list[str]) -> list[Column]:
        """The columns of `row` that may hold a figure of its own."""
        return [c for c in self.columns if c.index not in self.label_cols and not c.skip and c.index < len(row)
                and c.index >= self.first_label and c.index not in self.ages]


def read_frame(table: Table, section_path: list[str], context: str, ctx: DocumentContext) -> TableFrame:
    header_rows = count_header_rows(table)
    units = _unit_rows(table, header_rows)  # "£000s | £000s" under a header, or a header ingest read as body
    caption = caption_unit(" ".join([table.title, context, *(c for r in units for c in r if c)]))
    header = spread(table.rows[:header_rows], table.rows[header_rows:], table.n_cols)
    columns = [replace(c, unit=_column_unit(c, units, caption)) for c in read_columns(header, table.n_cols, ctx)]
    body = table.rows[header_rows:]
    label_cols = [c.index for c in columns if not c.skip and mostly_text(body, c.index)]
    figure_cols = [c for c in columns if c.index not in label_cols and not c.skip]
    own = [c.header for c in figure_cols if c.basis is Basis.ACTUAL]
    years = any(c.period for c in figure_cols)
    headed = {c.index for c in columns if any(c.index < len(r) and r[c.index] for r in header)}
    # the columns that say what their figures are of when none is dated ("Spending Growth | ASCH | CYPE | ... | Total"):
    # a row's label alone would read as any of them
    apart = {c.index: words for c in figure_cols if c.basis is Basis.ACTUAL and c.period is None
             and (words := column_words(header, c.index))}
    apart = apart if len(apart) >= 2 and not years else {}
    apart |= same_period_words([c for c in figure_cols if c.basis is Basis.ACTUAL and c.period is not None])
    return TableFrame(
        header=header, body=body, columns=columns, caption=caption, label_cols=label_cols,
        finance=caption.money or any(c.unit.money for c in columns) or off_domain(f"{table.title} {context}") is not None,
        first_label=min(label_cols, default=0),
        ages={c.index for c in figure_cols if _AGE_HEADER.match(c.header)}, years=years,
        # "Children looked after at 31 May 2014"; where no column is dated, the sentence leading into it: "As at
        # 31.03.24 the Council had the following amounts outstanding ...:"
        dated=_caption_period([table.title, "" if years else _lead_in(context), *section_path[-1:]], ctx),
        measure=own[0] if len(own) == 1 else "", headed=headed, stray=_stray_date(columns, headed, body), apart=apart,
        of_targets=_TARGETS_TITLE.search(context) is not None,  # "West Sussex Local Area Agreement 2008-11 - statutory targets"
        heading=_heading_subject(section_path))


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


def _heading_subject(section_path: list[str]) -> str:
    """The heading over a table with no caption, as what its categories are of ("Number of phone calls to Contact
    Point (thousands)", "Children in Care"), less its number; none too long to read as a label's lead."""
    words = re.sub(r"^\s*\d+(?:\.\d+)*\.?\s+", "", section_path[-1]).strip(" :–-") if section_path else ""
    generic = len(words.split()) <= 4 and _PAPER_PART.search(words)  # "Executive Summary", "Local Context"
    return words if len(words.split()) >= 2 and len(words) <= _HEADING and not generic else ""


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
