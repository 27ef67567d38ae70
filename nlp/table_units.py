"""Units from a table's own words: its caption and column headers say what its cells count.

A budget table prints "£000s" (or "£'000", "£m", "£k", "£millions") once, in a caption or a header row,
and then bare numbers; "Budget", "Spend", "Variance", "Net", "Gross" head money columns; "FTE" heads posts,
"No." counts, "%" shares, "per 10,000" rates, "days" durations. A cell read without them is a count it is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.models import Unit

# "£000s", "£'000", "£ 000's", "(£k)", "£ thousands"
_THOUSANDS = re.compile(r"£\s*['’]?\s*0{3}(?:['’]?s)?(?!\d)|£\s*k\b|£\s*thousands?\b|\bthousands of pounds\b", re.I)
# "£m", "£'m", "£’m", "£ millions", "£mil", "in £millions"
_MILLIONS = re.compile(r"£\s*['’]?\s*(?:m|mil|millions?)\b|\bmillions of pounds\b", re.I)
# a count printed in thousands: "Number of phone calls to Contact Point (thousands)", "Population ('000s)"
_COUNT_THOUSANDS = re.compile(r"\(\s*(?:in\s+)?thousands\s*\)|\(\s*['’]?0{3}['’]?s?\s*\)", re.I)
_BILLIONS = re.compile(r"£\s*['’]?\s*(?:bn|billions?)\b", re.I)
_POUNDS = re.compile(r"£")
_MONEY_WORDS = re.compile(
    r"\b(?:budgets?|spend(?:ing)?|variance|net|gross|costs?|income|expenditure|savings?|outturn|cash limit|funding|"
    r"grants?|exposure|overspend|underspend|allocation|capital|revenue|borrowing|reserves?|prior years?)\b", re.I)
_FTE = re.compile(r"\bFTEs?\b|full[- ]time equivalent", re.I)
_RATE = re.compile(r"per\s*10,?000|per\s*10k", re.I)
_PERCENT = re.compile(r"%|\bper ?cent(?:age)?\b|\binterest rates?\b|\baverage rate\b|\byields?\b", re.I)
_DAYS = re.compile(r"\b(?:days|no\.? of days|number of days)\b", re.I)
_COUNT = re.compile(r"^\s*(?:no\.?|number|num|#|count)\s*$", re.I)
# a count of homes, not money, whatever scale the table prints its money in ("2025-26 Band D Equivalent Taxbase")
_HOMES = re.compile(r"\b(?:tax ?base|band d equivalents?|dwellings|households)\b", re.I)
_LABEL_PERCENT = re.compile(r"\(\s*%\s*\)|%\s*$|^\s*%(?!\d)")
_SCORE = re.compile(r"\b(?:likelihood|impact|risk (?:score|rating)|score|rating)\b", re.I)


@dataclass(frozen=True)
class CellUnit:
    """What a header or caption says its numbers are: a unit, and for money the pounds one printed unit is worth."""

    unit: Unit | None
    scale: float = 1.0
    words: str = ""  # the words that said so, for the row's evidence

    @property
    def money(self) -> bool:
        return self.unit is Unit.GBP


NONE = CellUnit(None)


def money_scale(text: str) -> tuple[float, str] | None:
    """The scale a caption or header prints for money, with the words: "£000s" is 1,000, "£m" 1,000,000."""
    for pattern, scale in ((_BILLIONS, 1e9), (_MILLIONS, 1e6), (_THOUSANDS, 1e3)):
        m = pattern.search(text)
        if m:
            return scale, m.group(0)
    return None


def label_unit(label: str) -> CellUnit:
    """What a row label prints of its own unit ("Proportion of net revenue stream (%)", "Net income £m"): it is
    nearer its figures than a column's money word ("2025/26 budget") or a table's "£000s"."""
    scaled = money_scale(label)
    if scaled is not None:
        return CellUnit(Unit.GBP, scaled[0], scaled[1])
    if m := _LABEL_PERCENT.search(label):
        return CellUnit(Unit.PERCENT, 1.0, m.group(0).strip())
    return NONE


def unit_of(text: str, table_money: CellUnit | None = None) -> CellUnit:
    """The unit a header (or caption) names, or NONE. Money words take the table's printed scale."""
    scaled = money_scale(text)
    if scaled is not None:
        return CellUnit(Unit.GBP, scaled[0], scaled[1])
    if _POUNDS.search(text):
        return CellUnit(Unit.GBP, 1.0, "£")
    if _FTE.search(text):
        return CellUnit(Unit.FTE, 1.0, _FTE.search(text).group(0))  # type: ignore[union-attr]
    if m := _RATE.search(text):
        return CellUnit(Unit.RATE, 1.0, m.group(0))
    if m := _PERCENT.search(text):
        return CellUnit(Unit.PERCENT, 1.0, m.group(0))
    if m := _HOMES.search(text):
        return CellUnit(Unit.COUNT, 1.0, m.group(0))
    if m := _MONEY_WORDS.search(text):
        scale = table_money.scale if table_money is not None and table_money.money else 1.0
        return CellUnit(Unit.GBP, scale, m.group(0))
    if m := _SCORE.search(text):
        return CellUnit(Unit.SCORE, 1.0, m.group(0))
    if m := _DAYS.search(text):
        return CellUnit(Unit.DAYS, 1.0, m.group(0))
    if _COUNT.match(text):
        return CellUnit(Unit.COUNT, 1.0, text.strip())
    return NONE


def caption_unit(caption: str) -> CellUnit:
    """A whole table's money unit, from its caption or the unit rows under its header ("£000s | £000s"), or its counts'
    scale ("(thousands)")."""
    scaled = money_scale(caption)
    if scaled:
        return CellUnit(Unit.GBP, scaled[0], scaled[1])
    m = _COUNT_THOUSANDS.search(caption)
    return CellUnit(Unit.COUNT, 1e3, m.group(0)) if m else NONE
