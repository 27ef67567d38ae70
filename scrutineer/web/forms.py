"""Request parameters as validated forms: one parser for a page and its JSON twin, so both refuse the same input
with the same message. Everything arrives as text so that a malformed year gets our message, not a framework trace."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field

from ingest.models import DocType
from nlp.models import Basis
from nlp.taxonomy import load_taxonomy
from nlp.topics import parse_topic
from store.metric_rows import Only

MAX_LIMIT = 200


class WebError(Exception):
    """A request we cannot answer: shown as a page, or as `{"detail": ...}` under /api/."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class Form(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SearchForm(Form):
    q: str = ""
    authority: tuple[str, ...] = ()
    committee: str | None = None
    doc_type: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    latest: bool = False  # each authority's newest paper of those the other filters admit
    topic: str | None = None
    indicator: str | None = None
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    literal: bool = False  # the words as typed: no authority, years or kind of paper read from them

    def filters(self) -> dict[str, object]:
        """Keyword arguments of `KnowledgeBase.search`."""
        return {"authorities": list(self.authority), "committee": self.committee, "doc_type": self.doc_type,
                "year_from": self.year_from, "year_to": self.year_to, "latest": self.latest, "topic": self.topic,
                "indicator": self.indicator}


class MetricsForm(Form):
    indicator: tuple[str, ...] = ()
    authority: tuple[str, ...] = ()
    basis: tuple[str, ...] = ()
    period: str | None = None
    only: Only | None = None


class CompareForm(Form):
    indicator: str
    authority: tuple[str, ...] = ()
    neighbours: bool = False


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _values(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in values or [] if v.strip())


def _year(value: str | None, name: str) -> int | None:
    text = _blank(value)
    if text is None:
        return None
    if not (text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100):
        raise WebError(400, f"{name} must be a year such as 2024, not {text!r}")
    return int(text)


def _flag(value: str, name: str) -> bool:
    flag = value.strip().lower()
    if flag not in ("", "true", "false", "1", "0", "on", "off", "yes", "no"):
        raise WebError(400, f"{name} must be true or false, not {value!r}")
    return flag in ("true", "1", "on", "yes")


def _int(value: str | None, name: str, default: int, high: int) -> int:
    text = _blank(value)
    if text is None:
        return default
    if not text.isdigit() or not 1 <= int(text) <= high:
        raise WebError(400, f"{name} must be a whole number from 1 to {high}, not {text!r}")
    return int(text)


def known_indicator(indicator: str | None) -> str | None:
    if indicator and load_taxonomy().get(indicator) is None:
        raise WebError(404, f"unknown indicator {indicator!r}: see /metrics for the indicators in this KB")
    return indicator


def search_form(
    q: Annotated[str, Query(description="What to look for, in your own words.")] = "",
    authority: Annotated[list[str] | None, Query(description="Authority (repeatable).")] = None,
    committee: Annotated[str, Query(description="Committee name contains this.")] = "",
    doc_type: Annotated[str, Query(description="minutes, report, scorecard...")] = "",
    year_from: Annotated[str, Query(alias="from", description="From this year (its meeting, or any year the period "
                                                              "it covers touches).")] = "",
    year_to: Annotated[str, Query(alias="to", description="Up to this year.")] = "",
    latest: Annotated[str, Query(description="true: only each authority's newest paper of those the other filters "
                                             "admit.")] = "",
    topic: Annotated[str, Query(description="Topic, e.g. neet, accommodation, uasc.")] = "",
    indicator: Annotated[str, Query(description="Only statements reporting this indicator.")] = "",
    limit: Annotated[str, Query(description=f"Most passages to return (1-{MAX_LIMIT}, default 20).")] = "",
    literal: Annotated[str, Query(description="true: search the words as typed (no filters read from them).")] = "",
) -> SearchForm:
    kind = _blank(doc_type)
    if kind and kind not in {d.value for d in DocType}:
        raise WebError(400, f"unknown document type {kind!r}: one of {', '.join(d.value for d in DocType)}")
    chosen = parse_topic(topic) if _blank(topic) else None
    if _blank(topic) and chosen is None:
        raise WebError(400, f"unknown topic {topic.strip()!r}")
    start, end = _year(year_from, "from"), _year(year_to, "to")
    if start and end and start > end:
        raise WebError(400, f"from ({start}) is after to ({end})")
    return SearchForm(q=q.strip(), authority=_values(authority), committee=_blank(committee), doc_type=kind,
                      year_from=start, year_to=end, latest=_flag(latest, "latest"), topic=chosen.value if chosen else None,
                      indicator=known_indicator(_blank(indicator)), limit=_int(limit, "limit", 20, MAX_LIMIT),
                      literal=_flag(literal, "literal"))


def metrics_form(
    indicator: Annotated[list[str] | None, Query(description="Indicator id (repeatable).")] = None,
    authority: Annotated[list[str] | None, Query(description="Authority (repeatable).")] = None,
    basis: Annotated[list[str] | None, Query(description="actual, target, national, statistical_neighbours...")] = None,
    period: Annotated[str, Query(description="Period as named in the table (2023/24, Q2 2024/25) or a year.")] = "",
    only: Annotated[str, Query(description="mapped, unmapped, confident (mapped, high or medium confidence), or all "
                                           "(with figures of papers on other council business naming no child).")] = "",
) -> MetricsForm:
    rows = _blank(only)
    if rows and rows not in {o.value for o in Only}:
        raise WebError(400, f"unknown only {rows!r}: one of {', '.join(o.value for o in Only)}")
    bases = _values(basis)
    wrong = [b for b in bases if b not in {x.value for x in Basis}]
    if wrong:
        raise WebError(400, f"unknown basis {wrong[0]!r}: one of {', '.join(b.value for b in Basis)}")
    for i in _values(indicator):
        known_indicator(i)
    return MetricsForm(indicator=_values(indicator), authority=_values(authority), basis=bases, period=_blank(period),
                       only=Only(rows) if rows else None)


def compare_form(indicator: str, authority: Annotated[list[str] | None, Query(description="Authority (repeatable).")] = None,
                 neighbours: Annotated[str, Query(description="true: add the authority's ten statistical neighbours.")] = "",
                 ) -> CompareForm:
    names = _values(authority)
    on = _flag(neighbours, "neighbours")
    if on and len(names) != 1:
        raise WebError(400, "neighbours=true needs exactly one authority")
    return CompareForm(indicator=known_indicator(indicator) or "", authority=names, neighbours=on)
