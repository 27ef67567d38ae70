"""A prose figure's label: the words that say what it counts, for a reader of the CSV who sees no page.

A fixed window around the figure dropped the subject of any sentence longer than it ("account for 58% of all
children living in the area" lost "Children from minority ethnic groups") and cut words off its end ("placed with
the local"). A sentence short enough to read is now the label whole; a longer one gives its window, stretched to the
sentence's start or end when they are near. A sentence that points back ("This is 20% of the total population") or a
list item under a lead-in ("The proportion of children entitled to free school meals:" then "- in primary schools is
21%") says what it counts only with the sentence it hangs from, so that sentence comes first. A table row's label
names its row; the cells that narrate it are left to the quote.
"""

from __future__ import annotations

import re

from nlp.clauses import whole_words

WHOLE = 200  # a sentence this long or shorter is read whole
_REACH = 60  # the window's reach either side of the figure in a longer sentence
_STRETCH = 60  # how much further the window goes to take in its sentence's start or end
_LEAD = 200  # the longest sentence put before another as what it hangs from
_LONGEST = 300  # a label with what it hangs from; beyond this the figure's own words are left to say it

_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)\]”’\"'][.!?])\s+(?=[A-Z0-9£“‘\"'(])")
_CELL = 100  # a table's label cell longer than this describes the row rather than names it

_POINTER = re.compile(  # "This is 20% of ...", "Of these, 12 ...", "The rest (4%) ...", "It has risen to 61%"
    r"^\W*(?:this|that|these|those|it|which|they|both of (?:which|these|them)|of (?:these|those|them|this|whom)|"
    r"the (?:rest|remainder|remaining))\b",
    re.I)


def sentence_bounds(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The start and end of the sentence of `text` that holds `text[lo:hi]`."""
    start, end = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= lo:
            start = m.end()
        elif m.start() >= hi:
            end = m.start()
            break
    return start, end


def _last_sentence(text: str) -> str:
    text = " ".join(text.split())
    start, _ = sentence_bounds(text, len(text), len(text))
    last = text[start:]
    return last if len(last) <= _LEAD else ""


def figure_label(text: str, span: tuple[int, int], hangs_from: str = "") -> str:
    """The figure's sentence, or its window in a long one, after the sentence it hangs from when it points back."""
    start, end = sentence_bounds(text, *span)
    lo, hi = start, end
    if end - start > WHOLE:
        lo, hi = whole_words(text, max(start, span[0] - _REACH), min(end, span[1] + _REACH))
        lo = start if lo - start <= _STRETCH else lo
        hi = end if end - hi <= _STRETCH else hi
    label = " ".join(text[lo:hi].split())
    if hangs_from and lo == start and not text[:start].strip():
        lead = _last_sentence(hangs_from)
        if lead and len(lead) + len(label) < _LONGEST:
            return f"{lead} {label}"
    return label


def hangs_from(text: str, before: str, lead_in: str, is_list_item: bool) -> str:
    """What a statement's first sentence needs before it to say what it counts: a list's lead-in ending in a colon for
    an item, the sentence before for one that points back; nothing for a sentence that stands on its own."""
    if is_list_item:
        return lead_in if lead_in.rstrip().endswith(":") else ""
    return before if _POINTER.match(text) else ""


def brief_row_label(cells: list[str]) -> str:
    """A table row's label cells, less those that describe rather than name it once they make the label long: a budget
    template's row ran to 2,600 characters of risk narrative between its directorate and its title's last cell."""
    joined = " ".join(cells)
    if len(joined) <= WHOLE:
        return joined
    kept = " ".join(c for c in cells if len(c) <= _CELL) or cells[0]
    if len(kept) <= WHOLE:
        return kept
    return kept[:WHOLE].rsplit(" ", 1)[0]
