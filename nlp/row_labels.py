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
from nlp.table_header import figures

WHOLE = 200  # a sentence this long or shorter is read whole
_REACH = 60  # the window's reach either side of the figure in a longer sentence
_STRETCH = 60  # how much further the window goes to take in its sentence's start or end
_LEAD = 200  # the longest sentence put before another as what it hangs from
_LONGEST = 300  # a label with what it hangs from; beyond this the figure's own words are left to say it

_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)\]”’\"'][.!?])\s+(?=[A-Z0-9£“‘\"'(•▪–-])")
_BACK = 3  # sentences a pointing lead-in may reach back through to what it points to
ITEMS = 12  # items a list's lead-in may stand before: the statements `hangs_from` is given
_CELL = 100  # a table's label cell longer than this describes the row rather than names it

_DASH = re.compile(r"^\s*([-–—―•o▪])\s")  # an item printed with its bullet
_GOES_ON = re.compile(r"^\s*[a-z]")  # "in primary schools is 21%" after "The proportion ... free school meals:"
_POINTER = re.compile(  # "This is 20% of ...", "Of these, 12 ...", "The rest (4%) ...", "It has risen to 61%"
    r"^\W*(?:this|that|these|those|it|which|they|both of (?:which|these|them)|of (?:these|those|them|this|whom)|"
    r"the (?:rest|remainder|remaining))\b|"
    r"^\W*(?:latest|current|actual|previous|baseline)\s*:|"  # a scorecard's value line, under its measure's name
    # before any figure: "An increase of agency staff reduced this number to 38", not "431 ... and this figure has"
    r"^[^.;:\d]*\b(?:this|that|these) (?:number|figure|rate|proportion|percentage|total|cohort)\b",
    re.I)
_VALUE_LINE = re.compile(r"^\W*(?:latest|current|actual|previous|baseline|target)\s*:", re.I)
_HEAD = 120  # of a sentence too long to put before another whole: its opening, which names its subject


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
    """The last sentence of what a figure hangs from; when it points back itself, after the sentence it points to,
    over any that point back between ("At 11 September 2017, 318 children were being looked after." not "This is an
    increase from 291 at 31 March 2017." before "Of this number:")."""
    sentences = [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]
    last = sentences[-1] if sentences else ""
    if _POINTER.match(last):
        named = next((s for s in reversed(sentences[-_BACK - 1:-1]) if not _POINTER.match(s)), "")
        last = f"{named} {last}" if named else last
    if len(last) <= _LEAD:
        return last
    # a list's lead-in too long to give whole gives its opening, which names the cohort ("At 31 March 2014, 1,373
    # children are being looked after ... Of this number:"); a long sentence pointed back to adds only length
    return f"{last[:_HEAD].rsplit(' ', 1)[0]} … {sentences[-1]}" if last.endswith(":") and len(sentences[-1]) < _HEAD \
        else ""


def figure_label(text: str, span: tuple[int, int], before: str = "") -> str:
    """The figure's sentence, or its window in a long one, after the sentence it hangs from when it points back."""
    start, end = sentence_bounds(text, *span)
    lo, hi = start, end
    if end - start > WHOLE:
        lo, hi = whole_words(text, max(start, span[0] - _REACH), min(end, span[1] + _REACH))
        lo = start if lo - start <= _STRETCH else lo
        hi = end if end - hi <= _STRETCH else hi
    label = " ".join(text[lo:hi].split())
    if before and lo == start and not text[:start].strip():
        lead = _last_sentence(before)
        if lead and len(lead) + len(label) < _LONGEST:
            return f"{lead} {label}"
    return label


def _same_bullet(bullet: re.Match[str], text: str) -> bool:
    """An item of the same list: "- in primary schools" and "- in secondary schools", not a "•" item above them."""
    other = _DASH.match(text)
    return other is not None and other.group(1) == bullet.group(1)


def hangs_from(text: str, is_list_item: bool, earlier: list[tuple[str, bool]]) -> str:
    """What a statement's first sentence needs before it to say what it counts: the statement before for one that
    points back, the lead-in ending in a colon of the list it is an item of; nothing for one that stands on its own.
    `earlier`: the statements before it in its section, (text, is a list item), nearest last. An Ofsted report's
    bullets nest: "The proportion of children entitled to free school meals:" is itself an item, and its own items
    ("- in secondary schools is 22%") are read as sentences."""
    if _POINTER.match(text):  # not another measure's value line: "Latest: 94% ..." then "Latest: 71% ..."
        return earlier[-1][0] if earlier and not _VALUE_LINE.match(earlier[-1][0]) else ""
    bullet = _DASH.match(text)
    if not (is_list_item or bullet or _GOES_ON.match(text)):
        return ""
    for at in range(len(earlier) - 1, max(-1, len(earlier) - 1 - ITEMS), -1):
        before, item = earlier[at]
        if before.rstrip().endswith(":"):  # "Of this number:" takes what it points to with it
            return " ".join(t for t, _ in earlier[max(0, at - _BACK):at + 1]) if _POINTER.match(before) else before
        if not (_same_bullet(bullet, before) if bullet else item):
            return ""  # the list's first item is behind: its lead-in says nothing of what it counts
    return ""


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


_CHART_LABEL = re.compile(r"^[^\d:]{1,120}$")  # "Facebook", "Married couple,", "X (formerly Twitter)": no figure
_CHART_PROSE = re.compile(r"[.!?:;]\s*$")  # a sentence of its own, not a chart's category


def _bare_figure(text: str) -> bool:
    """A statement that is a figure alone ("40%", "£0.34m", "70.9%."), as a table cell of figures is."""
    return figures(text.strip().rstrip("."))


def _category(text: str) -> bool:
    return bool(_CHART_LABEL.match(text)) and not _CHART_PROSE.search(text)


def chart_labels(statements: list[tuple[int, str, tuple[str, ...]]]) -> dict[int, str]:
    """A chart read as text gives its categories, then its figures ("Facebook", "From a friend or relative", ...,
    "40%", "27%", ...), or each category then its figure ("Not in a family," then "0.8%"): where a run of bare figures
    follows as many categories, in the same section, each figure is labelled with its own category, in order. Not
    where a category also follows the run ("24%", "Facebook", "18%", "From another organisation"): a chart printed
    figure first cannot be told from one printed category first.
    `statements`: (ord, text, section path) in reading order; the answer maps a figure's ord to its category."""
    out: dict[int, str] = {}
    i = 0
    while i < len(statements):
        if not _bare_figure(statements[i][1]):
            i += 1
            continue
        end = i
        while end < len(statements) and _bare_figure(statements[end][1]) and statements[end][2] == statements[i][2]:
            end += 1
        n = end - i
        labels = statements[i - n:i] if i >= n else []
        before = statements[i - n - 1][1] if i > n else ""
        after = statements[end][1] if end < len(statements) else ""
        if labels and all(_category(t) and path == statements[i][2] for _, t, path in labels) \
                and not _category(before) and not _category(after):  # "24%", "Facebook", "18%", ...: which goes with which
            out.update((statements[i + k][0], " ".join(labels[k][1].split())) for k in range(n))
        i = end
    return out
