"""Whose figure a value is: the authority's own, or a comparator (national, statistical neighbours, regional),
a target or a floor, read from the words around it in committee-paper and inspection prose."""

from __future__ import annotations

import re

from nlp.models import Basis, Unit

_REGION = (r"north[- ]west|north[- ]east|south[- ]east|south[- ]west|west midlands|east midlands|"
           r"yorkshire and (?:the )?humber|yorkshire|east of england|eastern region|(?:inner |outer |greater )?london")
REGION_NAMES = _REGION  # England's regions, for a table row that is one
_BASIS_CUES = [
    (Basis.STATISTICAL_NEIGHBOURS, r"statistical(?:ly)? neighbou?rs?|\bSNs?\b|comparators?\b(?! data)|"
                                   r"similar (?:local )?(?:authorities|councils|areas)"),
    (Basis.NATIONAL, r"national(?:ly)?\b(?!\s+(?:published|reported|submitted|returned|data for|census|transfer))|"
                     r"england(?: average)?\b|\bENG\b|\benglish average|"
                     r"(?:the|across the) country(?: as a whole)?|"
                     # the nation's economy, which a council's budget papers quote: "OBR", "Bank Rate", "CPI inflation"
                     r"\bGDP\b|\bOBR\b|Office for Budget Responsibility|Bank of England|\bBank Rate\b|\bCPI\b|"
                     r"public sector (?:net )?(?:borrowing|debt|spending)|"
                     # the settlement for councils as a whole, which a council's budget sets its own share beside
                     r"\b(?:for|across|to) (?:English )?local government\b|\ball (?:English )?(?:local authorities|councils)\b"),
    (Basis.REGIONAL, rf"regional(?:ly)?|\b(?:{_REGION})(?:\s+average|\s+as a whole|\s+region\b|\s*:)|"
                     rf"\b(?:across|in) (?:the )?(?:{_REGION})\b(?![\s-]+(?:borough|council|peninsula|area))|"
                     r"pan[- ]london|london[- ]wide"),
    (Basis.TARGET, r"\btargets?\b(?!\s+(?:group|cohort|audience|support|intervention|work|service|date|timescale|deadline)s?\b)"),
    (Basis.FLOOR, r"\bfloor\b"),
    (Basis.ACTUAL, r"\blatest\b|\bprevious\b|\bours?\b|\bwe\b"),
]
BASIS_PATTERNS = [(b, re.compile(p, re.I)) for b, p in _BASIS_CUES]
_OWN_AFTER_CUE = re.compile(r"^[\s,]*(?:[\w']+\s+){0,2}?with\s*$", re.I)
_THAN = re.compile(r"\bthan\s+(?:the\s+|that\s+of\s+(?:the\s+)?|our\s+)?$", re.I)
_BY_THEN_AT = re.compile(r"^(?:\s+(?:average|figure|rate|level))?\s+by\s+[\d.,]+\s*(?:%|days|weeks|percentage points|"
                         r"points|children)?\s*,?\s*at\s*$", re.I)
_NEXT_CLAUSE = re.compile(r"^(?:\s+(?:average|figure|rate|level))?\s*,?\s*(?:and|but)\s+", re.I)
_NATIONAL_FRAME = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:at|by) the end of [^,.;]{0,30}?\s+)?(?:in|across) England\b|"
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:national(?:ly)?|england(?:'s)?)(?:\s+(?:statistics|data|figures|averages?|rates?))?"
    r"\s*(?:,|indicates?|shows?|suggests?|is\b|was\b|were\b)", re.I)
_REGIONAL_FRAME = re.compile(
    rf"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:regionally\b|(?:across|in) the (?:{_REGION}|region)\b(?![\s-]+(?:borough|council))\s*,)",
    re.I)
_OWN = re.compile(r"\b(?:we|our|us|local(?:ly)?|the (?:council|local authority|authority|borough|county))\b", re.I)
_TRAILING_BASIS = re.compile(
    r"^\W{0,3}(?:average\s+(?:figure\s+)?)?(?:for\s+(?:19|20)\d{2}(?:\s*[-–/]\s*\d{2,4})?\s+)?"  # "average for 2013-14"
    r"(?:(?:in|for|of)\s+the\s+(?:previous|last|preceding|same)\s+(?:financial\s+)?year\s+)?"  # "average in the previous year"
    r"(?:(?:of\s+|for\s+)?(?:all\s+)?(?:[\w-]+\s+){1,4}?(?=in\s+england))?"
    r"(?:for\s+(?:[\w-]+\s+){1,3}?(?=nationally\b))?"  # "39% for children looked after nationally"
    r"(?:for|among|across|in|(?:did|do|does) so|(?:achieved|reported|recorded|seen) (?:by|in|for|across))?\s*(?:our\s+|both\s+)?"
    r"(statistical neighbou?rs?|nationally|england|the region|the country|similar (?:local )?(?:authorities|councils|areas))"
    r"(?!\s*(?:average|figure|rate)?\s*[:=(–-]?\s*[£$]?\d)",  # "71% (England 69%, SN 70%)": the next figure's label
    re.I)
_TRAILING_REGION = re.compile(
    rf"^\W{{0,3}}(?:average\s+)?(?:for|across|in)\s+(?:the\s+)?(?:{_REGION})\b(?![\s-]+(?:borough|council|peninsula|area))", re.I)

_TRAILING_OWN = re.compile(r"^\W{0,3}locally\b", re.I)
_TRAILING_ECONOMY = re.compile(r"^\W{0,3}of (?:UK |the UK'?s? )?GDP\b", re.I)  # "£121.9bn (4.5% of GDP)"
# the sum itself, its share of the nation's output right after it: "£121.9bn (4.5% of GDP)", "£70bn per year (a little
# over 2% of GDP)"
_ECONOMY_SHARE = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?\((?:[\w-]+\s+){0,3}?\d+(?:\.\d+)?%\s+of (?:UK |the UK'?s? )?GDP\b", re.I)
# "exceeding the 95.0% Target": the goal named right after its figure; "60% Target: 65%" names the next figure's
_TRAILING_GOAL = re.compile(r"^\s*(target|floor)\b(?!\s*[:\d£(-])(?!\s+(?:of|is|was|set|at)\b)", re.I)


def trailing_basis(after: str, following: str = "") -> Basis | None:
    """A comparator named right after the value: "37% for our statistical neighbours"; not one that labels the next
    figure, which `following` (the text after the value's clause) shows: "71% (England 69%, SN 70%)"."""
    if _TRAILING_OWN.match(after):
        return Basis.ACTUAL  # "39% for children looked after nationally and 45% locally"
    seen = after + following
    if _TRAILING_ECONOMY.match(after) or _ECONOMY_SHARE.match(seen):
        return Basis.NATIONAL
    goal = _TRAILING_GOAL.match(seen)
    if goal is not None and goal.end(1) <= len(after):
        return Basis.TARGET if goal.group(1).lower() == "target" else Basis.FLOOR
    m = _TRAILING_BASIS.match(seen)
    if m is not None and m.end(1) > len(after):
        m = None
    if m is None:
        return Basis.REGIONAL if _TRAILING_REGION.match(after) else None
    word = m.group(1).lower()
    if word.startswith(("statistical", "similar")):
        return Basis.STATISTICAL_NEIGHBOURS
    return Basis.REGIONAL if "region" in word else Basis.NATIONAL


def basis_of(before: str, after: str, following: str = "") -> Basis:
    """A cue right after the value wins; else the nearest one before it."""
    trailing = trailing_basis(after, following)
    if trailing is not None:
        return trailing
    tail = before[-50:]
    best: tuple[re.Match[str], Basis] | None = None
    for basis, pattern in BASIS_PATTERNS:
        for cue in pattern.finditer(tail):
            if best is None or cue.end() > best[0].end():
                best = (cue, basis)
    if best is None or _OWN_AFTER_CUE.match(tail[best[0].end():]):
        return Basis.ACTUAL  # "in line with comparators, with 66% of children ...": the comparison, then our figure
    cue, basis = best
    if _THAN.search(tail[: cue.start()]) and _NEXT_CLAUSE.match(tail[cue.end():]):
        return Basis.ACTUAL  # "higher than the national, and reached 100%": the comparison is done, the figure is ours
    if _BY_THEN_AT.match(tail[cue.end():]):
        return Basis.ACTUAL  # "exceeds the England average by 19 days at 401 days": the gap, then our figure
    return basis


def comparator_frame(text: str, spans: list[tuple[int, int]], bases: list[Basis], authority: str) -> list[Basis]:
    """ "National statistics indicate that at the end of 2019, 87% of cared for children ...", "At the end of March 2019
    in England, the percentage ... was 49%", "Regionally, the North West has ... (26%)": a sentence opening on England
    or the region reports its figures, until it turns to the authority's own ("Local data ...", "we", its name)."""
    frame = _NATIONAL_FRAME.match(text)
    framed = Basis.NATIONAL
    if frame is None:
        frame, framed = _REGIONAL_FRAME.match(text), Basis.REGIONAL
    if frame is None:
        return bases
    short = re.sub(r"\s+(?:county|borough|city|district|metropolitan)?\s*council$", "", authority, flags=re.I)
    own = re.compile(_OWN.pattern + (f"|{re.escape(short)}" if short else ""), re.I)
    out = list(bases)
    for i, (start, _) in enumerate(spans):
        if own.search(text, frame.end(), start):
            break
        if out[i] is Basis.ACTUAL:
            out[i] = framed
    return out


def contrasted(bases: list[Basis], units: list[Unit], trailing: list[bool], bracketed: list[bool]) -> list[Basis]:
    """"in comparison with statistical neighbours (7% 2013–14, 9% in statistical neighbours)", "below statistical
    neighbours (61%, compared with statistical neighbours at 66%)": when the next figure names the same comparator
    itself, the first one, in the bracket the lead-in opened, is the authority's own."""
    out = list(bases)
    for i in range(len(bases) - 1):
        if not trailing[i] and (trailing[i + 1] or bracketed[i]) and units[i] is units[i + 1] \
                and bases[i] is bases[i + 1] is not Basis.ACTUAL:
            out[i] = Basis.ACTUAL
    return out


_COMPARATIVE = (r"(?:below|above|higher than|lower than|better than|worse than|greater than|less than|in line with|"
                r"similar to|comparable (?:to|with)|consistent with|close to|ahead of|behind|exceed(?:s|ing)?)")
_SUBJECT_COMPARED = re.compile(  # "... is below statistical neighbours and national performance at 6.9%"
    rf"\b(?:is|are|was|were|remains?|remained|has been|have been|stands|stood)\s+(?:[\w-]+\s+){{0,2}}?{_COMPARATIVE}"
    r"\s(?:[^.;:%\d()]|(?:in|for)\s+(?:19|20)\d\d(?:\s*[–/-]\s*\d\d)?\b){0,100}?\bat\s+$", re.I)  # "... in 2012 at 6%"
# "This is better than ...": the figure before; not "absence levels, which were above ...": a noun of its own sentence
_POINTS_BACK = re.compile(r"(?:^|[.;:]\s*|\b(?:and|but|as)\s+)(?:this|that|it|which)\s*$|\b(?:this|that|it)\s*$", re.I)
_ANOTHER_COMPARATOR = re.compile(
    r"\s*(?:days|weeks|per 10,?000)?\s*(?:,\s*|\s+)(?:and|while|whereas|with)\s+(?:the\s+|our\s+)?(?:statistical|national|"
    r"england|similar|comparator|regional|region|london)", re.I)
# "by 2008", "by the end of March 2025", "by 2028/29": a deadline
_DEADLINE = r"by\s+(?:the\s+end\s+of\s+)?(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\s+)?(?:19|20)\d{2}(?:\s*[/–-]\s*\d{2,4})?"
_BY_YEAR = re.compile(  # "so that by 2008, 80% of children ... will have been living ...": a goal with its deadline
    rf"\b{_DEADLINE}\s*,?\s*$", re.I)
_FUTURE = re.compile(r"^(?:[^.;]|\.\d)*?\b(?:will|should|must|would|to be achieved|is to be|are to be)\b", re.I)
# "By 2028, pupils achieving a good level of development ... will have improved from 65.8% to at least 70%": the
# deadline leads the sentence and the figure to be reached ends its verb of change (the one it moves from is today's);
# not "By 2028, 75% will be in EET, compared to 55% nationally", "will have increased to 60%, compared to 52% in 2022",
# or a forecast ("By 2026, on current trends, the rate will rise to 95")
_BY_YEAR_LEADS = re.compile(
    rf"(?:^|[.;]\s+){_DEADLINE}\b"
    r"(?:(?!\b(?:forecasts?|projected|projections?|expected|on current trends|if nothing changes)\b)(?:[^.;]|\.\d))*?"
    r"\bwill\s+(?:have\s+)?(?:improved?|increased?|reduced?|decreased?|fallen|fall|risen|rise|grown|grow|dropped|drop)\b"
    r"(?:[^.;,]|\.\d)*?\bto\s+(?:at\s+least\s+|no\s+(?:more|less|fewer)\s+than\s+|"
    r"(?:below|under|above|over|less\s+than|more\s+than|fewer\s+than)\s+)?$", re.I)
_AIM = re.compile(  # "the ambition is to increase this to 75%", "PSA target", "aims to reach 90%"
    r"\b(?:aims?|aiming|ambitions?|aspirations?|aspires?|PSA|goals?)\b[^.;%\d]{0,60}?\b(?:to|of|at|is|be|that|reach|achieve|"
    r"between)\s+(?:£?\d[\d,.]*\s*(?:%|m|bn)?\s*(?:and|to|-|–)\s*)?$",  # "aiming to hold ... between 5% and 10%"
    re.I)


# "the rate ... has been higher than that nationally, and has been consistently over 90%": the subject's own figure,
# in a new predicate after the comparison, names no comparator of its own
_SUBJECT_GOES_ON = re.compile(
    rf"{_COMPARATIVE}[^.;:%\d()]{{0,80}}?,?\s+and\s+((?:has|have|had|is|are|was|were|remains?|remained)\b[^.;:%\d()]*)$", re.I)
_COMPARATOR_WORD = re.compile(r"\b(?:national\w*|england|statistical|neighbours?|similar|regional\w*|region|comparators?|"
                              r"average|london|peers|others?)\b", re.I)


def clause_basis(basis: Basis, text: str, span: tuple[int, int], figures_before: bool) -> Basis:
    """Whose figure the clause's structure makes a value: the subject of "is below / higher than / in line with ...
    at X" is the authority's own when the sentence printed no figure of its own before (the comparator is the object,
    "lower than similar authorities at 13.2%" after "7.5% in 2013/14"); a figure to be reached "by 2008" that "will"
    be, or an aim's, is a target."""
    before = text[max(0, span[0] - 160):span[0]]
    if (_BY_YEAR.search(before[-40:]) and _FUTURE.match(text[span[1]:])) or _AIM.search(before[-80:]) \
            or _BY_YEAR_LEADS.search(text[:span[0]]):
        return Basis.TARGET
    goes_on = _SUBJECT_GOES_ON.search(before)
    if basis in (Basis.NATIONAL, Basis.STATISTICAL_NEIGHBOURS, Basis.REGIONAL) and goes_on \
            and not _COMPARATOR_WORD.search(goes_on.group(1)):
        return Basis.ACTUAL
    compared = _SUBJECT_COMPARED.search(before)
    if basis in (Basis.NATIONAL, Basis.STATISTICAL_NEIGHBOURS, Basis.REGIONAL) and not figures_before and compared \
            and not _POINTS_BACK.search(before[:compared.start()]) and not _ANOTHER_COMPARATOR.match(text, span[1]):
        return Basis.ACTUAL  # not "This is better than the England average at 223 days and statistical neighbours at 187"
    return basis
