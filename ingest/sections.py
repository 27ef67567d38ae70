"""Headings → a section tree with page spans.

Evidence, strongest first: markup that states a level (<h2>, Heading 2, `#`),
numbering (`1`, `1.1`, `6.9.1`, `7.`), minutes items (`27 APOLOGIES FOR
ABSENCE`, `... (Item 8)`), then bold, marked-up or larger-font short lines.
A numbered paragraph ("7.9 The NEET data ...") is a statement, not a heading.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.cleanup import is_blank_page_marker
from ingest.colon_titles import titled
from ingest.models import Block, BlockKind, Section
from ingest.statements import paragraph_number

_REPLY = re.compile(r"^(?:answer|response|reply|supplementary (?:question|answer))s?\W*$", re.I)  # a label, not a topic
_FRONT_PAGES = 4  # a paper this much longer than its cover has front matter of its own
_LIST_RUN = 3  # numbered items in a row that make a list
# "7.9 The NEET data", Kent's "3 | Revenue Budget Forecast" and its parts "3b | Children, Young People & Education"
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3}|\d{1,2}[a-z](?=\s+\|))\.?\s+(?:\|\s*)?(\S.*)$")
_ITEM = re.compile(r"\(\s*Item\s+\d+[a-z]?\s*\)\s*$", re.I)
_CAPTION = re.compile(r"^(table|graph|chart|figure|appendix)\s+[\dA-Z]+\b", re.I)
_RAG_STATUS = re.compile(r"^(?:red|amber|green)(?:\s*[/-]\s*(?:red|amber|green))?$", re.I)  # a KPI's status label
# "The experiences and progress of care leavers: requires improvement to be good": a judgement and its grade
_GRADED = re.compile(r"(?:(?::|\bis|\bare)\s*(?:outstanding|good|requires improvement(?: to be good)?|inadequate|adequate)"
                     r"|\brequires? improvement(?: to be good)?)\.?\s*$", re.I)  # "... protection requires improvement."
_JUDGEMENT = re.compile(r"^(?:The )?(?:experiences? and progress of|impact of leaders)\b", re.I)
_GRADE_TAIL = re.compile(r"[\s:]+(?:is\s+)?(?:outstanding|good|requires improvement(?: to be good)?|inadequate)\.?$", re.I)
_FOOTNOTE_MARK = re.compile(r"(?<=[a-z?)’])\d{1,2}$")  # "What needs to improve?1": a footnote's number glued on
# a grade alone, or the column labels of a grade box ("Key Judgement Judgement Grade"): not headings
_GRADE_ONLY = re.compile(r"^(?:grade\s*[1-4]\s*[:(–-]?\s*)?(?:outstanding|good|adequate|requires improvement(?: to be good)?|"
                         r"inadequate)\)?$|^key judgement\b", re.I)  # also "Grade 4 (Inadequate)" under its area
_DECIMAL = re.compile(r"(?<![\w.])-?\d+\.\d+(?![\w.])")
_FIGURES = re.compile(r"\d[\d,.]*\s+\d[\d,.]*")  # two figures in a row: a table's, not a title's
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")
_FOOTNOTE = re.compile(r"^(\d{1,2})\s+[A-Z‘'\"“]")
_CONTENTS = re.compile(r"^(?:table of )?contents$", re.I)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# a letter's date ("28 January 2025"), an inspector's role under their name, an address: a letter head or a signature
_NOT_A_HEADING = re.compile(
    rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d{{2}}$"
    r"|^(?:Her|His) Majesty['’]s (?:Chief )?Inspectors?\b"
    r"|^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:please\s+)?(?:refer to|see)\s"  # "2.6 Please refer to Section 7, 8 ...": a pointer
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.I)  # or an address ending in a postcode ("1 Reading Lane London E8 1GQ")
# the publisher's imprint on a report's last page (who Ofsted is, other formats, copyright and licence, complaints):
# about the publication, not part of the section printed before it
_BACK_MATTER = re.compile(
    r"^(?:The Office for Standards in Education, Children['’]s Services and Skills \(Ofsted\) (?:regulates|is)"
    r"|If you would like (?:a copy of )?this (?:document|publication|report|information)"
    r" in (?:a different|an alternative|another)"
    r" (?:format|language)|You may (?:re-?use|copy) (?:this information|all or parts of this document)|©\s*Crown copyright"
    r"|Any complaints about (?:the|this) inspection)", re.I)
BACK_MATTER_TITLE = "About this publication"
_PAGE_REF = re.compile(r"\s\.*\s*\d{1,3}$")
_SMALL_WORDS = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "with", "at", "by", "or", "from", "&", "-", "–"}
MAX_HEADING_WORDS = 14
MAX_QUESTION_WORDS = 30
# "Section B – Evidence", "Part 2: Impact": the parts of a form such as an equality impact assessment
_FORM_PART = re.compile(r"^(?:Section|Part)\s+(?:[A-Z]|\d{1,2})\s*[–—:.-]\s*\S")
# "Pillar 5: A valued, supported and highly skilled social worker for every child who needs one", "Priority 2 –
# Stable homes": the labelled parts a strategy or plan is built of; longer than most headings, and with a colon
_LABELLED_PART = re.compile(r"^(?i:pillar|priority|theme|outcome|objective|ambition|aim|goal|commitment|principle|"
                            r"strand|workstream|pledge|promise|chapter|section|part|stage|phase)\s+"
                            r"(?:\d{1,2}|[A-Z]|(?i:one|two|three|four|five|six|seven|eight|nine|ten))\s*[–—:.-]\s*"
                            r"[A-Z‘'\"“]")


@dataclass
class Heading:
    number: str
    title: str
    level: int
    part: bool = False  # a form's part ("Section B – Evidence"): what follows nests in it, as under a numbered heading


def body_font_size(blocks: list[Block]) -> float | None:
    sizes: Counter[float] = Counter()
    for b in blocks:
        if b.font_size:
            sizes[b.font_size] += len(b.text)
    return sizes.most_common(1)[0][0] if sizes else None


def detect_heading(block: Block, next_block: Block | None, body_size: float | None) -> Heading | None:
    """Classify one block; `next_block` helps decide for plain text without font evidence."""
    if block.kind is BlockKind.HEADING:
        number, title = _split_number(block.text)
        return Heading(number, title, block.level or (_depth(number) if number else 1))
    if block.kind is not BlockKind.PARAGRAPH:
        return None
    text = _FOOTNOTE_MARK.sub("", block.text.strip())
    if is_blank_page_marker(text):
        return None  # "This page is intentionally left blank" heads nothing (a pack's answers sat under it)
    words = _GRADE_TAIL.sub("", text).split()  # a judgement's grade does not make its heading long
    emphasised = block.bold or block.marked_heading or _larger(block, body_size)
    question = emphasised and text.endswith("?")  # a form's question ("Do you have data related to ...?") heads its answer
    if _labelled_part(text, emphasised, body_size, next_block):  # "Pillar 5: ...", "9. Pledge 3 - ..."
        number, title = _split_number(text)
        return Heading(number, title, _depth(number)) if number else Heading("", text, 1, part=True)
    # plain-text minutes print an item's title in capitals, however long ("32 VIRTUAL HEADTEACHER'S ANNUAL REPORT (DEEP
    # DIVE ON PLEDGE 2 - IMPROVE EDUCATION, EMPLOYMENT & TRAINING)", the one numbered line in capitals over 14 words in
    # the shared corpus); not a PDF's running header or a row of counts ("4 NUMBER OF CHILDREN IN CARE 1,234 1,456")
    number, title = _split_number(text)
    numbered_caps = body_size is None and bool(number) and title.isupper() \
        and next_block is not None and next_block.kind is BlockKind.PARAGRAPH and not _FIGURES.search(title)
    longest = (MAX_QUESTION_WORDS, 250) if question or numbered_caps else (MAX_HEADING_WORDS, 150)
    if not words or len(words) > longest[0] or len(text) > longest[1] or not _starts_like_heading(text) \
            or _NOT_A_HEADING.search(text):
        return None
    if emphasised and _FORM_PART.match(text):
        return Heading("", text, 1, part=True)
    if not re.search(r"[A-Za-z]{3}", text) or re.match(r"^[£$]?[\d.,]+%?,", text) or re.match(r"^[\d.,]+%", text) \
            or len(_DECIMAL.findall(title)) >= 2:
        return None  # a figure, a chart's axis ("2.9%", "0 25 50 75 100") or a table's row ("Total 30.5 29.3 -1.2")
    # a sentence, also the end of a quotation ("... the safety of these families.”": a resident's words in a consultation)
    if _last_mark(text) in ".;," and not block.marked_heading \
            and not (emphasised and _GRADED.search(text)):
        return None
    if _ITEM.search(text):
        return Heading("", text, 1)
    match = _NUMBERED.match(text)
    if match:
        number, title = match.group(1), match.group(2)
        depth = _depth(number)
        small = block.font_size and body_size and block.font_size <= body_size - 1.0
        if (depth == 1 and int(re.match(r"\d+", number).group(0)) > 200) or small:  # type: ignore[union-attr]
            return None  # small print numbered like a heading is a footnote ("12 Source: DfE Children looked after")
        if title.endswith(":") or (not title[:1].isupper() and not title[:1].isdigit()) or re.match(r"\d+\.\d", title):
            return None  # a label's colon, a lower-case run-on, or a table's figures ("1.0 0.9 member grants")
        if (depth == 1 and len(title.split()) <= 10) or emphasised or _title_case(title):
            return Heading(number, title, depth)
        return None
    if _CAPTION.match(text) or (":" in text[:-1] and not (emphasised and (_GRADED.search(text) or titled(text)))) \
            or _RAG_STATUS.match(text) or _GRADE_ONLY.match(text):
        return None
    if emphasised or (text.isupper() and len(text) > 3):
        return Heading("", text.rstrip("."), 0)
    if body_size is None and _looks_like_text_heading(text, next_block):
        return Heading("", text, 0)
    return None


def _labelled_part(text: str, emphasised: bool, body_size: float | None, next_block: Block | None) -> bool:
    """A strategy's labelled part, set apart as a heading is: emphasised, or in plain text a line of its own before
    more text (a paragraph, or its own sub-heading: "Cheshire East" under a national pillar). Not a sentence
    ("Priority 1: improve timeliness."), and no longer than a long question."""
    if not _LABELLED_PART.match(_split_number(text)[1]) or _last_mark(text) in ".;," or len(text.split()) > MAX_QUESTION_WORDS \
            or len(text) > 250:
        return False
    if emphasised:
        return True
    return body_size is None and next_block is not None and next_block.kind is BlockKind.PARAGRAPH


def _depth(number: str) -> int:
    """"5.2.3" is three deep; "3.0", a chapter numbered as its first section, is one."""
    return re.sub(r"(?:\.0)+$", "", number).count(".") + 1 + bool(re.search(r"\d[a-z]$", number))  # "3b" is in "3"


def _split_number(text: str) -> tuple[str, str]:
    match = _NUMBERED.match(text)
    return (match.group(1), match.group(2)) if match else ("", text)


def _last_mark(text: str) -> str:
    """The last character before any closing quote marks: "... these families.”" ends a sentence."""
    return text.rstrip("\"'”’")[-1:] or text[-1:]


def _starts_like_heading(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit()


def _larger(block: Block, body_size: float | None) -> bool:
    return bool(body_size and block.font_size and block.font_size >= body_size * 1.15)


def _title_case(title: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’/-]*", title) if w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.75


def _looks_like_text_heading(text: str, next_block: Block | None) -> bool:
    """Plain text has no fonts: a short title-like line followed by a real paragraph."""
    if len(text.split()) > 8 or _last_mark(text) in ".:;,?" or re.search(r"\d{3,}", text):
        return False
    if next_block is None or next_block.kind is BlockKind.TABLE:
        return False
    return len(next_block.text) >= 80 or bool(_NUMBERED.match(next_block.text))


def _size_levels(blocks: list[Block], headings: list[Heading | None]) -> dict[float, int]:
    """Levels of typographic headings by font size: a larger size used by two or more headings ranks above a
    smaller one; a size used once (a cover title) ranks first, so it does not swallow the document."""
    first_page = blocks[0].page if blocks else 1
    typographic = [(round(b.font_size * 2) / 2, b.page) for b, h in zip(blocks, headings, strict=True)
                   if h is not None and h.level == 0 and not h.number and b.font_size and not _CONTENTS.match(h.title)]
    sizes = Counter(size for size, page in typographic if page > first_page)  # the cover's title sizes rank nothing
    pages = {size: {page for sz, page in typographic if sz == size} for size in sizes}
    long = blocks and blocks[-1].page - first_page >= _FRONT_PAGES
    # nor, in a long paper, a size used on one page only: a report's front matter ("Key to KPI Ratings used", "Key
    # to Activity Indicator Graphs" set larger than its chapters) is not the parent of every chapter after it
    ranked = sorted((size for size, n in sizes.items() if n >= 2 and not (long and len(pages[size]) < 2)), reverse=True)
    return {size: 1 + sum(1 for r in ranked if r > size) for size, _ in typographic}


def _demote_numbered_paragraphs(blocks: list[Block], headings: list[Heading | None], body_size: float | None) -> None:
    """Where the paragraphs are numbered 1., 2., 3. ..., the next number in body type is the next paragraph, however
    short ("18. A range of specialist edge-of-care services, including Multi-Systemic Therapy" over a line break),
    not a heading: a numbered heading never takes the number that carries on the paragraphs before it."""
    last = 0
    for i, (block, heading) in enumerate(zip(blocks, headings, strict=True)):
        if heading is None:
            number, start = paragraph_number(block.text)
            prose = _SENTENCE_END.search(block.text) or len(block.text[start:].split()) > MAX_HEADING_WORDS
            last = int(number) if number.isdigit() and prose else last  # a form's "19.Negative impacts" numbers no paragraph
        elif last and heading.number.isdigit() and int(heading.number) == last + 1 \
                and not (block.bold or block.marked_heading or _larger(block, body_size)):
            headings[i] = None
            last += 1


def _promote_numbered_siblings(blocks: list[Block], headings: list[Heading | None]) -> None:
    """A line numbered as the next sibling of a heading ("6.9.2" after the heading "6.9.1") is a heading too, though
    written in sentence case and plain type: "6.9.3 Growth in number of children looked after living with a relative
    or friend (Connected carers)" in a text file otherwise left its statements under 6.9.1's UASC heading."""
    last: dict[str, int] = {}  # a heading's number less its last part -> that last part
    for i, (block, heading) in enumerate(zip(blocks, headings, strict=True)):
        if heading is not None:
            if (parts := _stem_and_last(heading.number)) is not None:
                last[parts[0]] = parts[1]
            continue
        match = _NUMBERED.match(block.text.strip()) if block.kind is BlockKind.PARAGRAPH else None
        parts = _stem_and_last(match.group(1)) if match is not None else None
        if parts is None:
            continue
        stem, tail = parts
        title = match.group(2)
        after = blocks[i + 1] if i + 1 < len(blocks) else None  # what a heading heads: prose, a list or a table
        heads = after is not None and headings[i + 1] is None and (
            after.kind is not BlockKind.PARAGRAPH or len(after.text) >= _HEADED_CHARS)  # not "11.1 None at this time"
        if heads and last.get(stem) == tail - 1 and title[:1].isupper() and title[-1] not in ".;,:?" \
                and len(title.split()) <= _SIBLING_WORDS and not _NOTHING.match(title):
            headings[i] = Heading(match.group(1), title, _depth(match.group(1)))
            last[stem] = tail


def _stem_and_last(number: str) -> tuple[str, int] | None:
    """"6.9.2" -> ("6.9", 2): a number of two parts or more ending in a figure, else None ("6", "6.9.")."""
    stem, dot, tail = number.rpartition(".")
    return (stem, int(tail)) if dot and tail.isdigit() else None


_SIBLING_WORDS = 20
_NOTHING = re.compile(r"(?:none|nil|n/?a|not applicable)\b", re.I)  # a template's answer: "11.1 None at this time"
_HEADED_CHARS = 80


def _demote_numbered_lists(blocks: list[Block], headings: list[Heading | None], body_size: float | None) -> None:
    """Three or more short items in body type numbered 1., 2., 3. ... one after another are a list, not headings:
    "6. Help to find work or enter further education" in a list of resilience factors heads nothing after it."""
    runs: list[list[int]] = [[]]
    for i, (block, heading) in enumerate(zip(blocks, headings, strict=True)):
        plain = heading is not None and heading.number.isdigit() and not heading.part and not (
            block.bold or block.marked_heading or _larger(block, body_size))
        run = runs[-1]
        if plain and run and int(heading.number) == int(headings[run[-1]].number) + 1:  # type: ignore[union-attr]
            run.append(i)
        else:
            runs.append([i] if plain else [])
    for j in (j for run in runs if len(run) >= _LIST_RUN for j in run):
        headings[j] = None


def _judgement_row(block: Block) -> str | None:
    """The judgement a grade box states ("Key judgement | Judgement grade" over "The experiences and progress of
    children who need help and protection | Requires improvement"): the section its findings stand in."""
    table = block.table
    if block.kind is not BlockKind.TABLE or table is None or len(table.rows) < 2 or len(table.rows[1]) < 2:
        return None
    if not re.match(r"key judgement", table.rows[0][0], re.I) or not _GRADE_ONLY.match(table.rows[1][1].strip()):
        return None
    return f"{table.rows[1][0]}: {table.rows[1][1].lower()}"


class _Tree:
    """Sections being built: the open ones form a stack by level."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.stack: list[tuple[int, int]] = []  # (level, index into sections)

    @property
    def path(self) -> list[str]:
        return self.sections[self.stack[-1][1]].path if self.stack else []

    def open(self, level: int, title: str, number: str, page: int) -> list[str]:
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        parent = self.path
        label = f"{number} {title}".strip()
        self.sections.append(Section(number=number, title=title, path=[*parent, label], level=len(parent) + 1,
                                     page_start=page, page_end=page))
        self.stack.append((level, len(self.sections) - 1))
        return self.sections[-1].path

    def extend(self, page: int) -> None:
        for _, idx in self.stack:
            self.sections[idx].page_end = max(self.sections[idx].page_end, page)

    def close_cover(self, first_page: int) -> None:
        """The title lines of a cover page are not the parents of the body's headings."""
        self.stack = [(lv, i) for lv, i in self.stack
                      if self.sections[i].number or self.sections[i].page_start > first_page]

    def in_contents(self) -> bool:
        return bool(self.stack) and _CONTENTS.match(self.sections[self.stack[-1][1]].title) is not None


def build_sections(blocks: list[Block], body_size: float | None) -> tuple[list[Section], list[list[str] | None]]:
    """Return the sections and, for every block, the section path it sits in (None for a heading)."""
    tree = _Tree()
    paths: list[list[str] | None] = []
    numbered_level = judgement_level = graded_level = 0
    headings = [detect_heading(b, blocks[i + 1] if i + 1 < len(blocks) else None, body_size) for i, b in enumerate(blocks)]
    _demote_numbered_paragraphs(blocks, headings, body_size)
    _demote_numbered_lists(blocks, headings, body_size)
    _promote_numbered_siblings(blocks, headings)
    by_size = _size_levels(blocks, headings)
    first_page = blocks[0].page if blocks else 1
    back_from = (blocks[-1].page - 1) if blocks else 1  # the imprint sits on the last page or the one before
    in_back = False
    marks: dict[str, list[str]] = {}  # footnote mark -> the section whose heading carries it
    for block, heading in zip(blocks, headings, strict=True):
        if in_back or (block.page >= back_from and block.kind is BlockKind.PARAGRAPH and _BACK_MATTER.match(block.text)):
            if not in_back:  # the imprint ends the document: its own top-level section, nothing nests in it
                tree.stack.clear()
                tree.open(1, BACK_MATTER_TITLE, "", block.page)
                in_back = True
            paths.append(tree.path)
            tree.extend(block.page)
            continue
        judged = _judgement_row(block)
        if judged is not None:  # a grade box opens the judgement's section and belongs to it
            judgement_level = judgement_level or (tree.stack[-1][0] + 1 if tree.stack else 1)
            paths.append(tree.open(judgement_level, judged, "", block.page))
            continue
        if heading is not None and tree.in_contents():
            if block.page == tree.sections[tree.stack[-1][1]].page_start or _PAGE_REF.search(block.text):
                heading = None  # an entry of the table of contents ("Executive summary 2"), not a heading here
            else:
                tree.stack.pop()  # the contents end where the first real heading after them starts
        if heading is None:
            paths.append(_footnote_path(block, marks, body_size) or tree.path)
            tree.extend(block.page)
            continue
        if block.page > first_page:
            tree.close_cover(first_page)
        level = heading.level
        if heading.number or heading.part:
            numbered_level = level
        elif level == 0:
            size = round(block.font_size * 2) / 2 if block.font_size else None
            level = numbered_level + 1 if numbered_level else by_size.get(size, 1) if size else 1
        if _REPLY.match(heading.title) and tree.stack:  # "Answer" under the question it answers, not beside it
            top_level, top = tree.stack[-1]
            level = top_level if _REPLY.match(tree.sections[top].title) else top_level + 1
        if _JUDGEMENT.match(heading.title) and _GRADED.search(heading.title):
            graded_level = level = graded_level or level  # the report's judgements are siblings, whatever size each is set in
        opened = tree.open(level, heading.title, heading.number, block.page)
        if mark := _FOOTNOTE_MARK.search(block.text.strip()):
            marks[mark.group(0)] = opened
        tree.extend(block.page)
        paths.append(None)
    return tree.sections, paths


def _footnote_path(block: Block, marks: dict[str, list[str]], body_size: float | None) -> list[str] | None:
    """A footnote in small print at a page's foot ("1 The areas for improvement have been cross-referenced ...") belongs
    to the heading that carries its mark ("What needs to improve?1"), not to the section printed above it."""
    note = _FOOTNOTE.match(block.text)
    small = block.font_size and body_size and block.font_size <= body_size - 1.0
    return marks.get(note.group(1)) if note and small and block.kind is BlockKind.PARAGRAPH else None
