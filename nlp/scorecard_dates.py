"""Adoption scorecard measures dated by the scorecard a paragraph names.

Inspection reports weigh adoption timeliness (the scorecard's A1, A2 and A10 averages, in days) "against the 2011 to
2014 adoption scorecard": the figures are that scorecard's three-year averages, not the inspection's own weeks.
"""

from __future__ import annotations

import re
from datetime import date

from ingest.periods import Period
from nlp.subjects import Found

# "Measured against the 2011 to 2014 adoption scorecard": the published three-year averages its figures are
_SCORECARD = re.compile(  # also "the adoption scorecard information for 2011–14"
    r"\b((?:19|20)\d{2})\s*(?:to|-|–|/)\s*((?:19|20)?\d{2})\s+(?:adoption\s+)?scorecards?\b|"
    r"\bscorecards?\b(?:\s+\w+){0,2}\s+(?:for|of|covering)\s+((?:19|20)\d{2})\s*(?:to|-|–|/)\s*((?:19|20)?\d{2})\b", re.I)


def scorecard_dates(found: list[Found], text: str) -> None:
    """An adoption scorecard measure (A1, A2, A10) with no date of its own is the scorecard's the paragraph names."""
    dateless = [f for f in found if f.period is None and not f.earlier and f.indicator is not None
                and f.indicator.id.startswith("adoption_a")]
    named = _SCORECARD.search(text) if dateless else None  # most statements hold no such measure: no search
    if named is None:
        return
    years = [g for g in named.groups() if g is not None]
    first, last = int(years[0]), int(years[1])
    last = last if last > 100 else first // 100 * 100 + last
    period = Period(date(first, 4, 1), date(last, 3, 31), f"{first} to {last} (adoption scorecard)", (0, 0))
    for f in dateless:
        f.period = period
