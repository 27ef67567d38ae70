"""What a committee system's file name says of the meeting a paper went to.

ModernGov, the committee system most English councils publish with, names the files it serves by the meeting:
"Agenda frontsheet 09th-Jan-2025 10.00 County Council.pdf", "Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf",
"Item 3 Supplement - English Devolution White Paper report 09th-Jan-2025 10.00 County Council.pdf". A paper whose
own pages name no committee or meeting date takes them from there; what its pages say always wins.
"""

from __future__ import annotations

import re
from datetime import date

from ingest.metadata import tidy_name
from ingest.periods import MONTHS

_MEETING = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?-([A-Za-z]{3})-((?:19|20)\d{2})\s+\d{1,2}[.:]\d{2}\s+"  # "09th-Jan-2025 10.00 "
    r"([A-Z][\w ,'’&()-]*?[\w)])"  # "County Council", "Cabinet"
    r"(?i:\s*\(\d+\)|\s*-\s*copy|\s+final|\s+v\d+|_\d+|\s+\d+)*$"  # a browser's " (1)", a saver's " - Copy", " v2"
)


def meeting_in_name(stem: str) -> tuple[str | None, date | None]:
    """The committee and meeting date a ModernGov file name gives, or (None, None)."""
    m = _MEETING.search(stem.strip())
    if m is None or m.group(2).lower() not in MONTHS:
        return None, None
    try:
        when = date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None, None
    return tidy_name(m.group(4)), when
