"""Text repairs shared by every reader: ligatures, hyphenation, markup residue, blank pages."""

from __future__ import annotations

import itertools
import re

from ingest.hyphenation import BLOCK_HYPHENATION, HYPHENATION

_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u00ad": "",  # soft hyphen
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\u200b": "",
        "\ufeff": "",
        # Symbol and Wingdings glyphs land in the private use area: their bullets are bullets, Symbol's minus a hyphen
        "\uf06e": "•", "\uf06c": "•", "\uf0a7": "•", "\uf0b7": "•", "\uf0d8": "•", "\uf0fc": "•", "\uf076": "•",
        "\uf02d": "-",
    }
)
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")  # any other symbol-font glyph: no text to recover
_STRAY_BULLET = re.compile(r"(?<=[a-z,]) • (?=[a-z])")  # "a child • protection plan": a glyph that slipped into a line

_BLANK_PAGE = re.compile(r"^\W*this page (is )?(intentionally|deliberately) (left )?blank\W*$", re.I)
_MD_BOLD = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1")
_MD_TAGS = re.compile(r"</?(u|b|i|strong|em)>", re.I)
_MD_LINK = re.compile(r"<(https?://[^>\s]+)>")
_WHOLE_MARKED = re.compile(r"^\s*(?:[\d.]+\s*)?(\*{2,3}|<u>)(.+?)(\*{2,3}|</u>)[\s.:]*$", re.I)
_SPACES = re.compile(r"[ \t]+")
_JOIN_WORDS = {"of", "the", "and", "to", "at", "in", "for", "a", "an", "on", "by", "with", "or", "from", "as"}


def normalise(text: str) -> str:
    """Replace ligatures and odd spaces; collapse runs of blanks."""
    text = _PRIVATE_USE.sub("", text.translate(_LIGATURES))
    return _STRAY_BULLET.sub(" ", _SPACES.sub(" ", text)).strip()


def is_blank_page_marker(text: str) -> bool:
    return bool(_BLANK_PAGE.match(text.strip()))


# a line of figures alone: "0 25 50 75 100", "0.0 2.5 5.0 7.5 %", "2009 2010 2011 2012"
_FIGURES_ONLY = re.compile(r"[\d.,%\s\-\u2013]+")
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_AXIS_TICKS = 3
_YEARS = (1990, 2040)


def is_chart_residue(text: str) -> bool:
    """A chart's axis printed as text ("0 20 40 60", the years under a trend line) or a lone symbol left by a chart or
    an empty box ("%", "-"): no reader would cite it, and as a statement it only pads search and sections."""
    text = text.strip()
    if text and not any(c.isalnum() for c in text):
        return True
    if not _FIGURES_ONLY.fullmatch(text):
        return False
    ticks = [float(f.replace(",", "")) for f in _FIGURE.findall(text)]
    steps = {round(b - a, 9) for a, b in itertools.pairwise(ticks)}
    if len(ticks) < _AXIS_TICKS or len(steps) != 1:
        return False
    # a scale from nought, or years one by one: three figures that happen to rise evenly ("45% 50% 55%") stay
    return (ticks[0] == 0 and steps != {0.0}) or (steps == {1.0} and all(_YEARS[0] <= t <= _YEARS[1] for t in ticks))


def strip_markup(text: str) -> tuple[str, bool]:
    """Remove markdown residue; report whether the whole line was marked up (heading evidence)."""
    marked = bool(_WHOLE_MARKED.match(text))
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_TAGS.sub("", text)
    text = _MD_BOLD.sub(r"\2", text)
    return text, marked


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines of one paragraph, repairing words hyphenated at a line end."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        hyphen = bool(out) and _HYPHEN_END.search(out) is not None
        if not out:
            out = line
        elif hyphen and _SUSPENDED_WORD.match(line):
            out = f"{out} {line}"  # "short-" / "and long-term", "pre-" / "or post-birth": as printed
        elif hyphen and line[:1].islower():
            # "out-" / "of-hours support": a compound that carries on hyphenated keeps its hyphen; "care-" /
            # "experienced" or "place-" / "ment" the paper settles (ingest/hyphenation.py)
            out = out + line if _compound(out) or re.match(r"[a-z]+-[a-z]", line) else out[:-1] + HYPHENATION + line
        elif re.search(r"\d-$", out) and (line[:1].islower() or line[:1].isdigit()) and not _SUSPENDED.match(line):
            out = out + line  # "26-" / "week timescale", "2023-" / "24"; not "16-" / "and 17-year-olds", as printed
        else:
            out = f"{out} {line}"
    return normalise(out)


_SUSPENDED = re.compile(r"(?:and|to|or)\b")
_SUSPENDED_WORD = re.compile(r"(?:and|or)\s+[a-z]+-")  # not "to": "in-" / "to" is a word split at its syllable
# words that form compounds with a hyphen: "multi-/agency", "decision-/making", "well-/being" keep it; a word split at
# a syllable ("place-/ment") loses it
_COMPOUND_HEADS = {  # not heads a syllable break often leaves ("place-ment", "part-ner", "high-er", "ten-ant")
    "multi", "well", "pre", "non", "semi", "self", "post", "cross", "long", "ill", "decision", "asylum", "year", "day",
    "face", "life", "risk", "age", "co", "tri", "half", "counter", "anti", "one", "two", "three", "five", "twenty",
    "thirty", "forty", "fifty", "front", "first", "second", "evidence", "trauma", "strength", "strengths", "outcome",
    "information", "community", "city", "county", "area", "service",
}


def _compound(text: str) -> bool:
    """Whether the word that ends `text` with a hyphen is the head of a compound ("multi-", "out-of-", "17-year-")."""
    head = re.search(r"([\w-]+)-$", text)
    return bool(head) and ("-" in head.group(1) or head.group(1).lower() in _COMPOUND_HEADS)


def continues(previous: str, line: str) -> bool:
    """Whether `line` is a wrapped continuation of `previous` in plain text."""
    if not previous or not line:
        return False
    if previous.rstrip()[-1:] in ".:;!?":
        return False
    if line[:1].islower():
        return True
    last = previous.rstrip().split()[-1]
    return previous.rstrip()[-1:] in ",(&-" or last.lower() in _JOIN_WORDS or (len(last) == 1 and last.isupper())


_UNFINISHED = re.compile(r"(?:[a-z0-9,)%]|[a-z][’']|[A-Za-z]-)\s*$")  # "... with 408" / "places booked" / "long-": mid-sentence
_HYPHEN_END = re.compile(r"[A-Za-z]-$")
_CONTINUATION = re.compile(r"^[‘'\"“]?[a-z](?![.)]\s)")  # not a list marker "a. ", "i) "; "‘awesome’ staff" after "retain"
_OPEN_PREPOSITION = re.compile(r"\b(?:by|to|of|from|with|at|than|was|were|is|are|and|or)\s*$")
_FIGURE_START = re.compile(r"^[£]?\d[\d,.]*%?\s+(?!\s*[A-Z])")
_YEAR_DASH = re.compile(r"\b(?:19|20)\d{2}\s*[-–/]$")
_YEAR_END = re.compile(r"^\d{2}\b(?![,.]\d)")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE_START = re.compile(rf"^\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+(?:19|20)\d{{2}}\b")
# "the last inspection was in" / "95 in March" / "since" left open for the date that follows ("2014.", "March 2012.",
# "2013 and 2014", "2014-15"): the year is a date, not a paragraph number
_OPEN_FOR_DATE = re.compile(rf"(?:\b(?:in|on|at|of|for|by|from|since|until|during|between|before|after|and|to|than)|"
                            rf"[a-z0-9,]\s+{_MONTH})\s*$")
_YEAR_START = re.compile(rf"^(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s+)?(?:19|20)\d{{2}}(?:[-–/]\d{{2,4}})?"
                         r"(?:[.,;:)]|\s+(?:and|or|to|when|which|where|with|was|were|is|are|as|at|in|for|from|by|[a-z]\w*)\b|$)")


def broken_sentence(previous: str, text: str) -> bool:
    """Whether `text` carries on a sentence `previous` left open across a paragraph break: a lower-case start
    after a line ending mid-phrase, a figure or a date after "decreased by" / "80 to" ("475 ...", "31 March 2016."), a
    bracket closed, the end of a financial year ("in 2014–" / "15 to 92%"), or the year of a date left open ("95 in
    March" / "2014. Assessments ...", "was in" / "March 2012.")."""
    end = len(previous.rstrip())  # both patterns end the text: searched from where their longest match can start
    return bool((_UNFINISHED.search(previous, max(0, end - 2)) and _CONTINUATION.match(text))
                or (_OPEN_PREPOSITION.search(previous, max(0, end - 4))
                    and (_FIGURE_START.match(text) or _DATE_START.match(text)))
                or (_open_bracket(previous) and _CLOSES.match(text))
                or (_YEAR_DASH.search(previous) is not None and _YEAR_END.match(text) is not None)
                or (_YEAR_START.match(text) is not None and _OPEN_FOR_DATE.search(previous) is not None))


# a line that stops on an article, a preposition, a conjunction or a possessive ("with the Council’s") has not ended
# its sentence, whatever starts the next
DANGLING = re.compile(
    r"(?:(?<![\w/-])(?:the|a|an|of|to|in|on|at|into|between|than|and|or|but|with|for|by|from|through|that|which|their"
    r"|its|is|are|was|were)|[a-z][’']s)\s*$")  # not "Decision No: n/a"
# "UASC arrivals", "Medway, were": not a list marker "B. "; or a year that opens a name ("2021 Prudential Code")
_CAPITAL_START = re.compile(r"^(?![A-Z][.)]\s)[A-Z]|^(?:19|20)\d{2}(?:[-–/]\d{2,4})?\s+[A-Z][a-z]")


def dangles(previous: str, text: str) -> bool:
    """Whether a line carries on a sentence its layout cut after an article, a preposition or a conjunction with a
    capitalised word ("foster beds that are ring fenced for" / "UASC arrivals, however, ..."; "in Kent and" /
    "Medway, were often ..."; "inconsistent with the Council’s" / "Policy Framework"; "the reporting requirements of
    the" / "2021 Prudential Code."): a list item's hanging indent, or a line opening on a number, which reads as a
    numbered item's, makes its next line a block of its own."""
    end = len(previous.rstrip())
    return bool(DANGLING.search(previous, max(0, end - 8)) and _CAPITAL_START.match(text))


def join_broken(previous: str, text: str) -> str:
    """The two halves of a broken sentence as one text: a compound cut after its hyphen ("emotional well-" /
    "being, of children") stays one word with its hyphen, another word cut at a hyphen ("place-" / "ment") the paper
    settles (ingest/hyphenation.py), other halves are joined by a space."""
    previous, text = previous.rstrip(), text.lstrip()
    if not (_HYPHEN_END.search(previous) and text[:1].islower()):
        return f"{previous} {text}"
    return previous + text if _compound(previous) else previous[:-1] + BLOCK_HYPHENATION + text


_CLOSES = re.compile(r"^[^()]{1,60}\)")


def _open_bracket(text: str) -> bool:
    """ "a large cohort of UASC (Unaccompanied Asylum-Seeking" / "Children) care leavers ...": the bracket closes next."""
    opened = text.rfind("(")
    return opened > text.rfind(")") and len(text) - opened < 80


def open_ended(previous: str) -> bool:
    """Ends on a word or comma that needs more after it: what a list item continuing it must follow."""
    return bool(_OPEN_PREPOSITION.search(previous) or previous.rstrip().endswith(","))
