"""The dates of an inspectorate's visit, from the letter or report that gives its findings.

A focused or monitoring visit letter opens "This letter summarises the findings of the focused visit to Dorset
children's services on 17 and 18 May 2023": those days are the period its figures describe ("95% of reviews are held
on time" is as at the visit). Read otherwise, the first date the opening printed was taken, such as the previous
inspection's ("judged inadequate in May 2022"), or none at all. An inspection report prints "Inspection dates: 11 to
15 September 2023"; its opening may print the last inspection's month first. The days themselves are read by the
general period reader (ingest/periods.py), this module only says where they are.
"""

from __future__ import annotations

import re
from datetime import date

from ingest.periods import DATE_RE, find_periods, parse_date

# where a letter names its visit's days: after "on", "between" or "from" in the sentence giving its findings
_FINDINGS = re.compile(r"\b(?:findings|outcome)s? of (?:the|a|an) [\w -]{0,40}?visit\b[^.]{0,160}")
_WHEN = re.compile(r"\b(?:on|between|from) ")
_REPORT = re.compile(r"\b(?i:inspection dates?)\s*:\s*")  # a report's "Inspection dates: 11 to 15 September 2023"
# an older report's "Inspection date: 12/09/2016 to 06/10/2016"
_NUMERIC_DAYS = re.compile(r"\b(?i:inspection dates?)\s*:\s*(?P<when>(?P<a>\d{1,2}/\d{1,2}/\d{4})\s*(?:to|-|–)\s*"
                           r"(?P<b>\d{1,2}/\d{1,2}/\d{4}))")


def visit_period(text: str) -> tuple[date, date, str] | None:
    """The first and last day of the visit the opening `text` reports, and the words that print them."""
    text = " ".join(text.split())
    if n := _NUMERIC_DAYS.search(text):
        start, end = parse_date(n["a"]), parse_date(n["b"])
        return (start, end, n["when"]) if start and end and start <= end else None
    if m := _FINDINGS.search(text):
        places = [w.end() for w in _WHEN.finditer(text, m.start(), m.end())]
    elif m := _REPORT.search(text):
        places = [m.end()]
    else:
        return None
    return next((days for at in places if (days := _days_at(text[at:at + 60])) is not None), None)


def _days_at(text: str) -> tuple[date, date, str] | None:
    """The run of days ("17 and 18 May 2023", "25 November to 6 December 2019") or the one day `text` opens with."""
    opening = [p for p in find_periods(text) if p.span[0] == 0]
    if opening:
        return opening[0].start, opening[0].end, opening[0].label
    day = DATE_RE.match(text)
    when = parse_date(day.group(0)) if day else None
    return (when, when, day.group(0)) if when else None
