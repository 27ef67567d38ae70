"""The date a list item takes from the lead-in above it.

Inspection reports and committee papers list a cohort's parts under a lead-in:
"At 31 March 2016, 652 children were looked after ... This is an increase from
620 at 31 March 2015. Of this number:" then "- 306 (or 47%) live outside the
local authority area". An item that prints no date is of the lead-in's date, and
a breakdown "of this number" is of the date the paragraph opened with, not of
the earlier figure just before it. A second lead-in "In the last 12 months:" is
of the twelve months up to that opening date. Items printed under the opening paragraph with no lead-in of their
own are of its date. One sentence printed under an item
("The majority ... live in adjacent authorities.") does not end the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.periods import Period
from nlp.models import DocumentContext
from nlp.periods import LAST_N, resolve_periods
from nlp.relative_periods import last_n

_BULLETS = "-–—―─−•"
_DASHED = re.compile(rf"^\s*[{_BULLETS}]")  # a bullet the layout kept as text
# "Of this number:", "Of the 427 children:": a breakdown of the figure the paragraph opened with
_OF_THIS_NUMBER = re.compile(r"\bof (?:this number|these|them|whom|the\s+[\d,]+(?:\s+[\w’'-]+){0,3})\s*(?:[:,]|$)", re.I)
# "- 109 children ceased to be looked after." / "Of this 109, 5% subsequently returned ...": the item's own breakdown,
# split off as a sentence of its own
_OF_THE_ITEM = re.compile(r"^\W*of (?:(?:this|these|those|the)\s+[\d,]+\b|these\b|them\b|whom\b)", re.I)
_LEAD_IN_END = re.compile(r":\s*[\d\u0336]?\s*$")  # "Of this number:3": a footnote mark (or a stroke bullet) after it
_STROKES = re.compile(r"\s\u0336\s")  # items run together with a combining stroke for bullets: "... area ̶ 25 live in ..."
_WINDOW_ONLY = re.compile(r"^\W*(?:in|over|during)\s+the\s+(?:last|past|previous)\s+(?:12|twelve)\s+months\W*$", re.I)
_OPEN_LEAD_IN = re.compile(r"\bof (?:this number|these|them)\s*$", re.I)  # "... at 31 March 2013. Of this number" (no colon)
_OPENING_DATE = re.compile(r"^\W*(?:at|as at|as of|on)\s", re.I)
_FOOTNOTE = re.compile(r"^\s*\d{1,2}\s+[A-Z][a-z]")  # "3 The local authority was given the opportunity to ..."
_OPENING_SPAN = 15  # the date is the paragraph's when it opens it: "At 31 March 2016, ..."


def _is_item(text: str, is_list_item: bool) -> bool:
    return is_list_item or bool(_DASHED.match(text) or _STROKES.search(text))


@dataclass
class ListDating:
    lead: Period | None = None  # the date of the list being read
    opening: Period | None = None  # the date the section's last paragraph opened with
    section: tuple[str, ...] | None = None
    paused: Period | None = None  # the list's date over one sentence printed under an item

    def item_period(self, text: str, section: tuple[str, ...], is_list_item: bool) -> Period | None:
        """The date for an item's undated figures; None when `text` is not an item of the list being read."""
        if section != self.section:
            return None
        if not _is_item(text, is_list_item):  # "Of this 109, ..." under an item: the item's breakdown, of its date
            return self.lead if self.lead is not None and _OF_THE_ITEM.match(text) else None
        if self.opening is not None and _OF_THIS_NUMBER.match(text.lstrip(" " + _BULLETS)):
            return self.opening  # "- Of this number, 161 (or 69%) live outside the local authority area"
        return self.lead or self.paused or self.opening  # items printed straight under "At 31 March 2013, 955 ..."

    def step(self, text: str, section: tuple[str, ...], is_list_item: bool, ctx: DocumentContext) -> None:
        """Read one statement: a lead-in starts a list, any other sentence ends it."""
        if section != self.section and self.section is not None and _FOOTNOTE.match(text):
            return  # a footnote printed at a page's foot, between two items of a list: the list goes on past it
        if section != self.section:
            self.opening = None
        lead_in = bool(_LEAD_IN_END.search(text) or _OPEN_LEAD_IN.search(text.rstrip()) or _WINDOW_ONLY.match(text))
        opens = bool(_OPENING_DATE.match(text))
        periods = resolve_periods(text, ctx) if lead_in or opens else []
        if lead_in:
            breakdown = self.opening is not None and _OF_THIS_NUMBER.search(text)
            self.lead = self.opening if breakdown else (periods[-1] if periods else None)
            if (last := LAST_N.search(text)) and periods:  # "(1 June 2014 to 31 May 2015)", else the opening
                own = [p for p in periods if not p.span[0] <= last.start() < p.span[1]]
                end = own[-1].end if own else self.opening.end if self.opening is not None else None
                if end is not None:
                    self.lead = Period(*last_n(last, end), " ".join(last.group(0).split()), last.span())
            self.paused = None
        else:  # an item keeps the list's date (or takes the paragraph's, "of this number"); a sentence ends the list
            lead = self.item_period(text, section, is_list_item)  # ... unless an item follows it
            self.paused = self.lead if lead is None and self.lead is not None and section == self.section else None
            self.lead = lead
        if opens and periods and periods[0].span[0] < _OPENING_SPAN:
            self.opening = periods[0]
        self.section = section
