"""Ofsted judgements as comparable figures: each graded area of an inspection report becomes a metric.

A grade is ordinal (1 Outstanding, 2 Good, 3 Requires improvement to be good, 4 Inadequate), so
authorities can be put side by side and a lower value is better. Only a report of an inspection of
the whole authority yields grades: a focused-visit letter grades nothing, and a council's own report
quoting its last inspection is not the inspection. The phrases are data (`data/judgements.yaml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from ingest.authorities import gazetteer
from ingest.models import DocType, Document, Statement, StatementKind
from ingest.periods import DATE_RE, MONTHS, parse_date
from nlp.models import Basis, Confidence, Metric, Unit

DATA = Path(__file__).with_name("data") / "judgements.yaml"
GRADE_NAMES = {1: "Outstanding", 2: "Good", 3: "Requires improvement to be good", 4: "Inadequate"}
_HEAD_PAGES = 2  # the judgements table and the summary sentence are on the report's first pages
_TITLE_CHARS = 400  # where a report without a dates line names the authority
_TITLE_STATEMENTS = 12  # where a report or a letter names itself
_NUMBERING = r"(?:\d(?:\.\d)?\.?\s+)?"  # "2.1 Adoption performance"
_SEPARATOR = r"\s*[|:]?\s*"
_DATES_LINE = re.compile(r"inspection dates?\s*:\s*(.{6,80})", re.I)
_STOP = re.compile(r"\n|report published|lead inspector", re.I)
_PUBLISHED = re.compile(r"report published\s*:\s*(.{6,40})", re.I)
_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_LEAD_DAY = re.compile(r"^\s*(\d{1,2})(?:\s+([A-Za-z]+))?(?:\s+(\d{4}))?\s*(?:to|-|–|—)\s*", re.I)


def grade_name(value: float) -> str:
    """The words of an ordinal grade: 2 is "Good"."""
    return GRADE_NAMES.get(int(value), f"{value:g}")


@dataclass(frozen=True)
class _Rules:
    areas: tuple[tuple[str, tuple[re.Pattern, ...]], ...]
    overall: tuple[re.Pattern, ...]
    grades: dict[str, int]
    head: re.Pattern
    not_head: re.Pattern


def _words(phrase: str) -> str:
    return r"\s+".join(re.escape(w) for w in phrase.split()).replace("'", "['’]")


@cache
def _rules() -> _Rules:
    spec = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    grades = {g.lower(): int(v) for g, v in spec["grades"].items()}
    grade = "(?P<grade>" + "|".join(_words(g) for g in sorted(grades, key=len, reverse=True)) + r")\b"
    areas = tuple((indicator, _area_patterns(phrases, grade)) for indicator, phrases in spec["areas"].items())
    overall = tuple(re.compile(rf"(?P<area>{p}){_SEPARATOR}{grade}", re.I) for p in spec["overall_sentences"])
    return _Rules(areas, overall, grades, re.compile("|".join(spec["report_head"]), re.I | re.M),
                  re.compile("|".join(spec["not_report_head"]), re.I | re.M))


def _area_patterns(phrases: list[str], grade: str) -> tuple[re.Pattern, ...]:
    """The area then its grade; or, where a two-line grade is centred on the area's row, "Requires" above the area
    and "improvement" below it."""
    area = "(?P<area>" + "|".join(_words(p) for p in sorted(phrases, key=len, reverse=True)) + ")"
    return (re.compile(rf"(?<![\w-]){_NUMBERING}{area}{_SEPARATOR}{grade}", re.I),
            re.compile(rf"(?<![\w-])(?P<pre>requires)\s+{_NUMBERING}{area}\s+(?P<grade>improvement(?:\s+to\s+be\s+good)?)\b",
                       re.I))


@dataclass
class _Head:
    """The opening pages as one text, remembering which statement each character came from."""

    text: str
    starts: list[int]
    statements: list[tuple[int, Statement]]

    def at(self, offset: int) -> tuple[int, Statement]:
        i = max(k for k, s in enumerate(self.starts) if s <= offset)
        return self.statements[i]


def _head(doc: Document) -> _Head:
    """Headings count, also those with no sentence under them: a report may set "The overall judgement is
    good" or "1. Children who need help and protection Inadequate" as headings."""
    last_page = doc.page_start + _HEAD_PAGES - 1
    sections = [sec for sec in doc.sections if sec.page_start <= last_page]
    head = _Head("", [], [])
    done, owner = 0, (0, doc.statements[0])
    for i, s in enumerate(doc.statements):
        if s.page > last_page:
            break
        owner = (i, s)
        upto = next((j for j in range(done, len(sections)) if sections[j].path == s.section_path), done - 1)
        for sec in sections[done:upto + 1]:
            _add(head, sec.title, i, s)
        done = max(done, upto + 1)
        _add(head, s.text, i, s)
    for sec in sections[done:]:  # headings after the last sentence of the opening pages
        _add(head, sec.title, *owner)
    for table in doc.tables:  # a table's header row is no statement: "The overall judgement is good | | "
        if table.page <= last_page:
            on_page = next(((i, s) for i, s in enumerate(doc.statements) if s.page == table.page), owner)
            for row in table.rows:
                _add(head, " | ".join(c for c in row if c), *on_page)
    return head


def _add(head: _Head, text: str, ord_: int, statement: Statement) -> None:
    head.starts.append(len(head.text))
    head.statements.append((ord_, statement))
    head.text += re.sub(r"\s+", " ", text).strip() + " \n "


def is_inspection_report(doc: Document) -> bool:
    """An Ofsted report on the whole authority's children's services, by the words it opens with."""
    first = doc.statements[:_TITLE_STATEMENTS]
    title = " \n ".join([doc.meta.title or "", *(t for s in first for t in s.section_path), *(s.text for s in first)])
    return bool(_rules().head.search(title)) and not _rules().not_head.search(title)


def judgements_of(doc: Document) -> list[Metric]:
    """One metric per graded area of an inspection report, dated by the inspection; none for other documents."""
    if not doc.statements or not is_inspection_report(doc):
        return []
    head = _head(doc)
    period = inspection_period(head.text)
    if period is None:  # a council's paper quoting its grades is not the inspection, and could not date them
        return []
    rules = _rules()
    authority = inspected_authority(head.text) or doc.meta.authority or ""
    found: list[Metric] = []
    for indicator, patterns in rules.areas:
        m = min((m for p in patterns if (m := p.search(head.text))), key=lambda m: m.start(), default=None)
        area = None
        if m is None and indicator == "ofsted_overall_effectiveness":  # "The overall judgement is good"
            m, area = next((o for p in rules.overall if (o := p.search(head.text))), None), "Overall effectiveness"
        if m is not None:
            found.append(_metric(head, m, indicator, period, authority, area))
    return found


def inspected_authority(head: str) -> str | None:
    """The council the report's title names, above its dates line: the body may name partners more often
    ("joint arrangements with Kensington and Chelsea, and Westminster")."""
    dates = _DATES_LINE.search(head)
    found = gazetteer().find(head[: dates.start() if dates else _TITLE_CHARS])
    return found.most_common(1)[0][0] if found else None


def _metric(head: _Head, m: re.Match, indicator: str, period: tuple[date, date, str], authority: str,
            area: str | None) -> Metric:
    ord_, statement = head.at(m.start("area"))
    printed = " ".join(filter(None, [m.groupdict().get("pre"), m.group("grade")]))
    value = _rules().grades[re.sub(r"\s+", " ", printed.lower())]
    area = area or re.sub(r"\s+", " ", m.group("area")).strip()
    area = area[0].upper() + area[1:]
    return Metric(
        indicator=indicator, label=f"{area}: {grade_name(value)}", value=value, unit=Unit.GRADE, basis=Basis.ACTUAL,
        period_start=period[0], period_end=period[1], period_label=period[2], authority=authority,
        page=statement.page, section_path=list(statement.section_path), quote=re.sub(r"\s+", " ", m.group(0)).strip(),
        from_table=statement.kind is StatementKind.TABLE_ROW, statement_ord=ord_,
        # the judgement area and its grade are printed side by side in the report itself
        evidence=f"{'label' if statement.kind is StatementKind.TABLE_ROW else 'clause'}: '{area}', '{printed}'",
        confidence=Confidence.HIGH,
    )


def inspection_period(text: str) -> tuple[date, date, str] | None:
    """The inspection's first and last days ("11 to 15 September 2023", "12/09/2016 to 06/10/2016"),
    else the day the report was published."""
    m = _DATES_LINE.search(text)
    if m:
        printed = _STOP.split(m.group(1))[0].strip()
        dates = [(d.start(), parse_date(d.group(0))) for d in DATE_RE.finditer(printed)]
        dates += [(d.start(), _numeric(d)) for d in _NUMERIC.finditer(printed)]
        dates = sorted((at, d) for at, d in dates if d is not None)
        if dates:
            end = dates[-1][1]
            start = dates[0][1] if dates[0][0] == 0 else _lead_day(printed, dates[0][1])
            label = printed[: printed.find(str(end.year), dates[-1][0]) + 4] if str(end.year) in printed else printed
            return min(start, end), end, label.strip()
    m = _PUBLISHED.search(text)
    if m and (d := parse_date(m.group(1)[:30]) or next(map(_numeric, _NUMERIC.finditer(m.group(1))), None)):
        return d, d, f"published {d:%-d %B %Y}"
    return None


def inspection_window(doc: Document) -> tuple[date, date, str] | None:
    """The days an inspection report's own figures are of ("at the time of the inspection", an undated count): its
    inspection dates, never the publication day, which comes weeks later."""
    if doc.meta.doc_type is not DocType.INSPECTION_REPORT or not doc.statements or not is_inspection_report(doc):
        return None  # typed by ingest from its content as well: an appendix quoting an inspection is not one
    period = inspection_period(_head(doc).text)
    return period if period is not None and not period[2].startswith("published") else None


def _numeric(m: re.Match) -> date | None:
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _lead_day(printed: str, end: date) -> date:
    """"11 to 15 September 2023": the first day takes its month and year from the last."""
    m = _LEAD_DAY.match(printed)
    if not m:
        return end
    month = MONTHS.get((m.group(2) or "")[:3].lower(), end.month)
    try:
        return date(int(m.group(3) or end.year), month, int(m.group(1)))
    except ValueError:
        return end
