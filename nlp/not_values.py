"""Figures printed in a sentence about a measure that are not the authority's value of it.

An age ("beyond 18"), a bound ("over 40 young people", "rates exceeded 95%") and a projection ("a projected 23% by
January 2017", "is anticipated to be 96% for 2015-16") each sit where the value would, with the measure's words around
them. The row is kept, unmapped, its evidence saying why: a projection is not yet a figure to compare, and the
contract's bases (actual, target, comparators) have none for it.
"""

from __future__ import annotations

import re

from nlp.models import Basis, Unit
from nlp.values import BAND_OPENS, Value

# a bound printed on the authority's own figure: the figure is a limit, not its value (a target's "over 90%" is a value)
_BOUND_BEFORE = re.compile(r"\b(?:over|more than|in excess of|exceed(?:ed|s|ing)?|fewer than|less than|at least|"
                           r"upwards of|above|below|under|beyond)\s*$", re.I)  # "where attendance is above 98%"

# an age printed as a bare number: "beyond 18 in order to", "until they turn 21", "she's 14, had a baby", "children who
# are approaching 18 are ..."
_AGE_BEFORE = re.compile(r"\b(?:beyond|until|till|past|after|turn(?:s|ed|ing)?|reach(?:es|ed|ing)?|approach(?:es|ed|ing)|"
                         r"the age of|"
                         r"aged?(?:\s+(?:over|under|above|below))?|(?:she|he)(?:['’]s| is| was))\s*$|"  # "she's 14, had a baby"
                         r"(?<![\d,.])\b0\s*(?:to|-|–)\s*$", re.I)  # "the 0 to 18 ... disabilities team": ages from birth
_AGE_AFTER = re.compile(r"\s*(?:\+|plus\b|or (?:over|older|above)\b|and (?:over|older|above)\b|years?\b|[,.;)]|"
                        r"(?:in order|so that|to |when|where|if|as|they|and|but|or|with|without|on|in|are|is|were|was)\b)",
                        re.I)

# "a projected 23%", "is anticipated to be 96%", "projected to gain these qualifications at 29%", "forecast to reach"
_PROJECTED_BEFORE = re.compile(
    r"\b(?:projected|projection|forecast(?:ed)?|anticipated|predicted)\b"
    r"(?:[^.;:%\d]{0,50}?\b(?:at|to be|of|to reach|to rise to|to fall to|to increase to|to reduce to))?\s*$", re.I)


# a map's or chart's key: "19% to 48% 10% to 19% 6% to 10% Under 6%", bands and nothing else
_KEY_WORDS = {"under", "over", "below", "above", "less", "more", "than", "up", "to"}
_KEY_CHARS = re.compile(r"[\d\s%+,.;–-]*")
_WORD = re.compile(r"[^\W\d_]+")
_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")
_BANDED = re.compile(r"\d%?(?:\s*(?:to|–)\s*|-|\s+-\s+)\d|\b(?:under|over|below|above|less than|more than|up to)\s+\d",
                     re.I)  # "6% to 10%", "6-10", "Under 6%"; not a sign ("1.0 -11.5")


def a_key(text: str) -> bool:
    """A statement that is a map's or chart's key, bands of figures with no words: no figure of it is a value.
    Read word by word, not by one pattern: a line of a budget's figures made a nested pattern backtrack for a minute."""
    if any(w.lower() not in _KEY_WORDS for w in _WORD.findall(text)) or len(_NUMBERS.findall(text)) < 2:
        return False
    return bool(_KEY_CHARS.fullmatch(_WORD.sub(" ", text)) and _BANDED.search(text))


# "fluctuated between 30 and 50%", "reserves of between 5% and 10%": the ends of a band
_BAND_TOP = re.compile(r"\bbetween\s+\d[\d,.]*\s*%?\s*and\s*$", re.I)
_BAND_BOTTOM = re.compile(r"\s*%?\s*and\s+\d[\d,.]*\s*%")


def a_band_end(value: Value, text: str) -> bool:
    """A share printed as an end of a band: the band is no level for a period, though a band an aim sets is a
    target's bounds (the caller keeps those)."""
    start, end = value.span
    before = text[max(0, start - 40):start]
    return value.unit is Unit.PERCENT and bool(
        _BAND_TOP.search(before) or (BAND_OPENS.search(before) and _BAND_BOTTOM.match(text, end)))


def not_its_value(value: Value, basis: Basis, text: str) -> str | None:
    """Why the authority's figure printed at `value` is not its value of the measure, or None."""
    if (age := an_age(value, text)) is not None:  # "some remain in semi-independent provision beyond 18": an age
        return f"an age: '{age}'"
    if basis is not Basis.ACTUAL:
        return None
    start = value.span[0]
    if bound := _bound_before(text, start):
        return f"a bound: '{bound.group(0).strip()}'"
    if projected := _PROJECTED_BEFORE.search(text, max(0, start - 90), start):
        return f"a projection: '{' '.join(projected.group(0).split())}'"
    return None


_UP_TO = re.compile(r"\bup to\s*$", re.I)  # a limit, not a level: "up to 30 young people"
_RISEN = re.compile(r"\b(?:went|gone|goes|rose|risen|crept|edged|moved|shot|jumped|climbed|come|came)\s+up to\s*$", re.I)


def _bound_before(text: str, start: int) -> re.Match[str] | None:
    return _BOUND_BEFORE.search(text, max(0, start - 30), start)


def a_bound(value: Value, text: str) -> bool:
    """Whether the figure printed at `value` is a bound ("over 40 cases", "up to 30", "more than 90%"), not a level;
    "went up to 15%" is a rise."""
    start = value.span[0]
    lo = max(0, start - 30)
    return bool(_bound_before(text, start) or (_UP_TO.search(text, lo, start) and not _RISEN.search(text, lo, start)))


def an_age(value: Value, text: str) -> str | None:
    """The words of a count that is an age ("beyond 18", "she's 14"), or None."""
    start, end = value.span
    if value.unit is not Unit.COUNT or not 14 <= value.value <= 25 or value.value % 1:
        return None
    before = _AGE_BEFORE.search(text, max(0, start - 20), start)
    from_birth = before is not None and before.group(0).lstrip().startswith("0")  # "0 to 18": the ages a service is for
    if before is None or not (from_birth or end == len(text) or _AGE_AFTER.match(text, end)):
        return None
    return " ".join(text[before.start():end].split())
