"""The dates of an inspectorate's visit, from the letter or report that gives its findings.

A focused or monitoring visit letter opens "This letter summarises the findings of the focused visit to Dorset
children's services on 17 and 18 May 2023": those days are the period its figures describe ("95% of reviews are held
on time" is as at the visit). Read otherwise, the first date the opening printed was taken, such as the previous
inspection's ("judged inadequate in May 2022"), or none at all. An inspection report prints "Inspection dates: 11 to
15 September 2023": a run of days within one month, which the general period reader does not take for a range.
"""

from __future__ import annotations

import re
from datetime import date

from ingest.periods import parse_date

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_VISIT_DAYS = re.compile(
    r"(?:\b(?:findings|outcome)s? of (?:the|a|an) [\w -]{0,40}?visit\b[^.]{0,160}?\b(?:on|between|from) "  # one sentence
    r"|\b(?i:inspection dates?)\s*:\s*)"  # a report's "Inspection dates: 11 to 15 September 2023"
    rf"(?P<when>(?:(?P<d1>{_DAY})(?: (?P<m1>{_MONTH}))?(?: (?P<y1>\d{{4}}))?\s*(?:and|to|-|–)\s*)?"
    rf"(?P<d2>{_DAY}) (?P<m2>{_MONTH}) (?P<y2>\d{{4}}))", re.S)


# an older report's "Inspection date: 12/09/2016 to 06/10/2016"
_NUMERIC_DAYS = re.compile(r"\b(?i:inspection dates?)\s*:\s*(?P<when>(?P<a>\d{1,2}/\d{1,2}/\d{4})\s*(?:to|-|–)\s*"
                           r"(?P<b>\d{1,2}/\d{1,2}/\d{4}))")


def visit_period(text: str) -> tuple[date, date, str] | None:
    """The first and last day of the visit the opening `text` reports, and the words that print them."""
    text = " ".join(text.split())
    if n := _NUMERIC_DAYS.search(text):
        start, end = parse_date(n["a"]), parse_date(n["b"])
        return (start, end, n["when"]) if start and end and start <= end else None
    m = _VISIT_DAYS.search(text)
    if m is None:
        return None
    end = parse_date(f"{_digits(m['d2'])} {m['m2']} {m['y2']}")
    start = parse_date(f"{_digits(m['d1'])} {m['m1'] or m['m2']} {m['y1'] or m['y2']}") if m["d1"] else end
    if start is None or end is None or start > end:
        return None
    return start, end, m["when"]


def _digits(day: str) -> str:
    return re.sub(r"\D", "", day)
