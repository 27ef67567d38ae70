"""Figures printed in brackets: whose words they read, and whose basis they take."""

from __future__ import annotations

import re

from nlp.models import Unit
from nlp.taxonomy import Taxonomy

# "dental checks (92%) and immunisations (94%)": a list of items each with its figure in brackets after it
_ITEM_THEN_ITEM = re.compile(r"\s*\)\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)[^()\d.;]{1,80}\(\s*[£$]?\d")
_OPEN, _CLOSE = re.compile(r"\s*\(\s*"), re.compile(r"\s*\)")


def item_in_brackets(text: str, before: str, span: tuple[int, int], unit: Unit, taxonomy: Taxonomy) -> bool:
    """Whether the figure at `span` is one item of a list of "words (figure)", whose own words, `before` it, name a
    measure: the next item's words are not its ("dental checks (92%) and immunisations (94%)"). Not "the national
    average (70%) and above that of our statistical neighbours (60%)": its words name no measure."""
    return before.rstrip().endswith("(") and _ITEM_THEN_ITEM.match(text, span[1]) is not None \
        and taxonomy.evidence(before, unit)


def bare_partner(text: str, previous_end: int, span: tuple[int, int]) -> bool:
    """Whether the figure at `span` stands alone in brackets right after the figure ending at `previous_end`: "£1.3bn
    (5%)", a share of that sum, whose basis it takes."""
    return _OPEN.fullmatch(text, previous_end, span[0]) is not None and _CLOSE.match(text, span[1]) is not None


def enclosing_bracket(text: str, at: int) -> int | None:
    """Where the bracket that `at` stands inside opens, or None."""
    depth = 0
    for n in range(at - 1, -1, -1):
        if text[n] == ")":
            depth += 1
        elif text[n] == "(":
            if depth == 0:
                return n
            depth -= 1
    return None
