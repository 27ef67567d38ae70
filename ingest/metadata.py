"""Document metadata from content (never the file name): authority, committee, date, title, type, period."""

from __future__ import annotations

import re
from datetime import date

from ingest.authorities import gazetteer, unknown_council
from ingest.models import Block, BlockKind, DocType, Metadata
from ingest.periods import DATE_RE, find_periods, fy_of, parse_date
from ingest.visit_dates import visit_period

HEAD_BLOCKS = 40
_BODY = r"(?:Committee|Sub-Committee|Panel|Board|Cabinet|Forum|Council|Partnership|Group)"
_COMMITTEE_LINE = re.compile(
    r"^((?:[A-Z][\w'’&/-]*\s+|(?:and|of|for|the|on|in|&)\s+|[A-Z]+\s+){1,9}"
    r"(?:Committee|Sub-Committee|Panel|Board|Cabinet|Forum|Partnership|COMMITTEE|PANEL|BOARD|CABINET|FORUM))\b"
)
_MINUTES = re.compile(rf"minutes\s*of (?:a|the) meeting of (?:the )?(.*?{_BODY})\b(?:.*?\bheld\b(.*))?", re.I)
_TO_LINE = re.compile(
    rf"^(?:To|Report to|Meeting)\s*(?::\s*|\s+(?=[A-Z]))((?:[\w'’&]+\s+){{0,6}}?{_BODY})\b\s*[-–—,]?\s*(.*)$"
)
_OWN_COUNTY = re.compile(r"^(?:To|Report to)\b:?\s*(?:All Members of\s+)?(?:the\s+)?County Council\b", re.M | re.I)
_TO_LABEL = re.compile(r"\s*(?:To|Report to)\s*:?\s*")
_LABEL = {
    "title": re.compile(r"^(?:Report Title|Subject/Title|Subject|Title of Report|Report title)\s*:\s*(.+)$", re.I),
    "author": re.compile(
        # "By" and "From" with no colon only before a name: "From September 2024, inspections of ...", "From the
        # latter part of 2014, leaders ..." open sentences
        r"^(?:(?:Report of|Report Author|Report by|Author|Responsible Officer|Lead Officer|Lead inspector)\s*:?\s+"
        r"|(?:By|From)(?:\s*:\s*|\s+(?!\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
        r"|(?:the|a|an|this|that|these|those|its|their|our|then|now|early|late|mid)\b)(?=(?-i:[A-Z]))))(.+)$",
        re.I,
    ),
    "date": re.compile(r"^(?:Date of Meeting|Meeting Date|Date of meeting|Date)\s*:\s*(.+)$", re.I),
}
_GENERIC = {"council", "the council", "county council", "borough council", "city council", "cabinet"}
_ENDS_IN_FIGURES = re.compile(r"(?:\s[-–(]?[\d,.]*\d[\d,.]*\)?){3}$")
_BARE_PART = re.compile(r"(?:appendix|annex|annexe|schedule)\s+[a-z0-9]{1,3}", re.I)
_NAMED_PART = re.compile(r"(?:appendix|annex|annexe|schedule)\s+[a-z0-9]{1,3}\s*:\s*[A-Z0-9]", re.I)
_GENERIC_TITLES = {"item", "public", "open", "agenda", "contents", "appendix", "official", "minutes", "present"}
_PERIOD_CUE = re.compile(
    r"\b(this report|reporting|performance|the period|quarter|covers|sets out|update|annual report|strategy|dates?)\b", re.I
)
_EVENT_MONTH = re.compile(r"\b(?:in|since|from)\s+(?:the\s+)?$", re.I)
_DEADLINE = re.compile(r"\b(?:by|until|before)\s+(?:the\s+)?(?:end of\s+(?:the\s+)?)?$", re.I)
_MONTH_YEAR = re.compile(r"[A-Z][a-z]+\.? \d{4}")
_REPORTED = re.compile(r"\b(?:report|performance|data|figures|quarter|month|period|position)\b", re.I)
_WEEKDAY_LINE = re.compile(r"^([A-Z][A-Z ,&'-]+?)\s*[-–—]\s*(?:MON|TUES|WEDNES|THURS|FRI)DAY\b")
_SMALL = {"and", "of", "for", "the", "on", "in", "to", "a"}
# An inspectorate's report, by what its opening says it is (any authority, any year's format)
_INSPECTION = re.compile(
    r"^(?:(?:re-?)?inspection of .{0,80}?(?:children'?s (?:social care )?|looked after children |children )services\b"
    r"|(?:re-?)?inspection of services for children\b|inspection of .{0,60}?children(?:'?s| and families) trust\b"
    r"|inspection of local authority\b|.{0,60}children'?s services inspection\b|joint targeted area inspection\b"
    r"|review of the effectiveness of the local safeguarding children)",
    re.M,
)
_DANGLING = re.compile(r"(?:\b(?:of|and|for|to|the|in|on|at|with|from|by|or|a|an)|[-–—,&])\s*$", re.I)
_COUNCIL_REPORT = re.compile(r"report title|subject\s*:|purpose of (?:the )?report|^report of\b|^report to\b", re.M)
_VISIT = re.compile(r"^(?:focused|monitoring|joint targeted area inspection|inspection) visit\b|^.{0,20}visit to .{0,80}"
                    r"children'?s services\b|\b(?:focused|monitoring) visit\b", re.M)


def infer(blocks: list[Block], parent: Metadata | None = None, running: list[str] | None = None) -> Metadata:
    """`running`: the first page's running lines; an appendix that prints its name and subject atop every page
    ("Appendix I: Budget Risks Register 2025-26") is titled by that line, which never reaches its blocks."""
    head = [b for b in blocks[:HEAD_BLOCKS] if b.kind is not BlockKind.TABLE]
    head_text = "\n".join(b.text for b in head)
    full_text = "\n".join(b.text for b in blocks if b.kind is not BlockKind.TABLE)
    committee, meeting_date = _committee_and_date(head)
    running_title = next((t.strip() for t in running or [] if _NAMED_PART.match(t.strip()) and _title_like(t, None)), None)
    title = _labelled(head, "title") or running_title or _first_heading(head, committee) or _table_caption(blocks)
    doc_type = _doc_type(head, title or "")
    if doc_type in (DocType.INSPECTION_REPORT, DocType.LETTER):
        title = _inspection_title(head) or title
    authority = _subject_authority(head) or _authority(head_text, full_text) or (parent.authority if parent else None)
    author = _author(doc_type, _labelled(head, "author"), full_text)
    if parent is None and author and author.startswith(OFSTED):
        committee = None  # an inspectorate's report goes to no committee ("Review of the ... Safeguarding Children Board")
    if parent is not None and doc_type is not DocType.MINUTES:
        committee = committee or parent.committee
        meeting_date = meeting_date or parent.meeting_date
    if doc_type in MEETING_PAPERS and committee:
        title = meeting_title(doc_type, committee, meeting_date)
    period = None if doc_type in (DocType.AGENDA, DocType.MINUTES) else (
        (doc_type in (DocType.LETTER, DocType.INSPECTION_REPORT) and visit_period(head_text))
        or _period(title or "", head, meeting_date))
    return Metadata(
        authority=authority, committee=committee, meeting_date=meeting_date, title=title,
        author=author, doc_type=doc_type,
        period_start=period[0] if period else None, period_end=period[1] if period else None,
        period_label=period[2] if period else None,
    )


MEETING_PAPERS = (DocType.AGENDA, DocType.MINUTES)  # titled by their meeting


def meeting_title(doc_type: DocType, committee: str, meeting_date: date | None) -> str:
    """"Agenda: Cabinet, 30 January 2025": an agenda or minutes is known by its meeting."""
    return f"{doc_type.value.capitalize()}: {committee}" + (f", {meeting_date:%-d %B %Y}" if meeting_date else "")


def _author(doc_type: DocType, labelled: str | None, text: str) -> str | None:
    """As labelled ("Report author: ..."), and Ofsted first for an inspection report or a letter that names it
    ("Ofsted: Caroline Walsh, His Majesty's Inspector"): a council's own letter (a minister's reply, answers to
    members' questions) is a letter too, and "what did Ofsted say" must not reach it."""
    if doc_type in (DocType.INSPECTION_REPORT, DocType.LETTER) and _OFSTED.search(text):
        return f"{OFSTED}: {labelled}" if labelled else OFSTED
    return labelled


OFSTED = "Ofsted"  # the author of its papers, alone or before the lead inspector's name and a colon
_OFSTED = re.compile(r"\bofsted\b", re.I)


# What a paper is about, as its title or opening says: "Inspection of Reading local authority children's services",
# "Focused visit to Wigan children's services", "Children's services in South Tyneside are good"
_SUBJECT = re.compile(
    r"(?i:\binspection of|\bvisit to|\breview of|children'?s services in|\bservices in)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'-]*|and|of|upon|on|with|in)(?:\s+(?:[A-Z][\w'-]*|and|of|upon|on|with|in))*?)"
    r"\s+(?i:local authority\b|children'?s services\b|council\b|borough council\b|county council\b|city council\b|are\b|is\b)",
)


def _subject_authority(head: list[Block]) -> str | None:
    """The authority a report is about, from its title or opening, before any address, partner or footer."""
    for b in head[:10]:
        text = b.text.replace("’", "'")
        found = gazetteer().resolve(text) if len(text) < 60 else None
        if found is not None:
            return found.name  # the cover page's name line: "Royal Borough of Kensington and Chelsea"
        for m in _SUBJECT.finditer(text):
            found = gazetteer().resolve(m.group(1))
            if found is not None:
                return found.name
    return None


def _inspection_title(head: list[Block]) -> str | None:
    """An inspectorate's report or letter is titled by the line that says what it is, not the council's name."""
    for b in head[:15]:
        text = b.text.lower().replace("’", "'")
        if len(b.text) < 200 and (_INSPECTION.match(text) or _VISIT.match(text)):
            return b.text
    return None


def _authority(head: str, full: str) -> str | None:
    scores = gazetteer().find(head)
    for name, n in gazetteer().find(full).items():
        scores[name] += n / 4
    counties = [(n, name) for name, n in scores.items() if name.endswith("County Council")]
    if counties and _OWN_COUNTY.search(head):  # a paper to the County Council is a county's, whoever it names in full
        return max(counties)[1]
    if scores:
        return scores.most_common(1)[0][0]
    capitalised = "\n".join(line.title() if line.isupper() else line for line in head.splitlines())
    return unknown_council(capitalised) or unknown_council(full)


def tidy_name(name: str) -> str:
    """ALL CAPS committee names as a reader writes them."""
    name = re.sub(r"[\s*_]+", " ", name).strip(" -–—,:.")
    name = re.sub(r"^(minutes|agenda)\s+(of|for)\s+(an? meeting of\s+)?(the\s+)?", "", name, flags=re.I)
    name = re.sub(r"^all members of\s+(the\s+)?", "", name, flags=re.I)  # "To: All Members of the County Council"
    if name.isupper():
        words = name.lower().split()
        name = " ".join(w if i and w in _SMALL else w.capitalize() for i, w in enumerate(words))
    return name


def _committee_and_date(head: list[Block]) -> tuple[str | None, date | None]:
    """Strongest evidence first: minutes line, "To: Cabinet - date", a committee line with its date."""
    for b in head:
        m = _MINUTES.search(b.text)
        if m:
            return tidy_name(m.group(1)), parse_date(m.group(2) or "") or _date_near(head, b)
    labelled_date = _labelled_date(head)
    for b in head[:12]:
        m = _WEEKDAY_LINE.match(b.text)
        if m:
            return tidy_name(m.group(1)), parse_date(b.text)
    for i, b in enumerate(head):
        text = b.text
        if _TO_LABEL.fullmatch(text) and i + 1 < len(head):  # "To:" printed beside, not before, its addressee
            text = f"To: {head[i + 1].text}"
        m = _TO_LINE.match(text)
        when = parse_date(m.group(2)) if m else None
        # "To: County Council – 9th January 2025": the full council's meeting, when a date says it is one
        if m and (m.group(1).lower() not in _GENERIC - {"cabinet"} or (when and m.group(1)[0].isupper())):
            return tidy_name(re.sub(r"^the\s+", "", m.group(1), flags=re.I)), when or labelled_date
    for i, b in enumerate(head[:25]):
        m = _COMMITTEE_LINE.match(b.text) or re.match(r"^(Cabinet|CABINET)$", b.text.strip())
        if not m or len(b.text.split()) > 12 or m.group(1).lower() in _GENERIC - {"cabinet"}:
            continue
        rest = b.text[m.end() :]
        if gazetteer().find(m.group(1)) or "," in m.group(1) or re.match(r"\s*Members?\b", rest):
            continue  # "Cabinet Member for Finance" is a role, not the committee
        when = parse_date(rest) if DATE_RE.search(rest) else None
        return tidy_name(m.group(1)), labelled_date or when or _date_near(head[i + 1 : i + 4], None)
    return None, labelled_date


def _labelled_date(head: list[Block]) -> date | None:
    for b in head:
        m = _LABEL["date"].match(b.text)
        if m and parse_date(m.group(1)):
            return parse_date(m.group(1))
    return None


def _date_near(blocks: list[Block], after: Block | None) -> date | None:
    start = blocks.index(after) + 1 if after in blocks else 0
    for b in blocks[start : start + 4]:
        if parse_date(b.text[:45]):
            return parse_date(b.text[:45])
    return None


def _labelled(head: list[Block], label: str) -> str | None:
    """The value printed after a label ("Subject: ..."), on its line or the next; a value that stops on "of", "and" or a
    dash runs on into the next block ("... Decision 24/00093 - Future of" / "Commissioned Services at Seashells and
    Millmead Family Hubs", where the label's column wraps)."""
    for i, b in enumerate(head):
        m = _LABEL[label].match(b.text)
        if m:
            value, i = m.group(1).strip(), i + 1
            if len(value) < 4 and i < len(head):
                value, i = head[i].text, i + 1
            while _DANGLING.search(value) and i < len(head) and ":" not in head[i].text and len(value) < 200:
                value, i = f"{value} {head[i].text}", i + 1
            return re.sub(r"\s+", " ", value)[:200]
    return None


def _first_heading(head: list[Block], committee: str | None) -> str | None:
    """The report's own title: a long capitalised line, else the first heading-like line."""
    candidates = [b for b in head[:15] if _title_like(b.text, committee)]
    if candidates and _NAMED_PART.match(candidates[0].text):  # an appendix opening with its name and subject
        return candidates[0].text.strip()
    for b in candidates:
        if b.text.isupper() and len(b.text.split()) >= 4:
            return tidy_name(b.text) if len(b.text) > 60 else b.text
    for i, b in enumerate(candidates):
        if b.kind is BlockKind.HEADING or b.bold or b.marked_heading or (b.font_size and b.font_size > 13):
            return _with_subject(b.text, candidates[i + 1:])
    return _with_subject(candidates[0].text, candidates[1:]) if candidates else None


def _table_caption(blocks: list[Block]) -> str | None:
    """A paper that is all tables is titled by its first table's caption row, one cell across the table ("APPENDIX A -
    CAPITAL INVESTMENT SUMMARY 2025-26 TO 2034-35" above the columns)."""
    table = blocks[0].table if blocks and blocks[0].kind is BlockKind.TABLE else None
    cells = [c.strip() for c in (table.rows[0] if table and table.rows else []) if c and c.strip()]
    return cells[0] if len(cells) == 1 and _title_like(cells[0], None) else None


def _with_subject(title: str, after: list[Block]) -> str:
    """"Appendix I" alone names no subject: the line after it does ("Appendix I: Information for those taking part")."""
    if _BARE_PART.fullmatch(title.strip()) and after:
        return f"{title.strip()}: {after[0].text.strip()}"
    return title


def _title_like(text: str, committee: str | None) -> bool:
    text = text.strip()
    named_part = _NAMED_PART.match(text)  # "Appendix I: Budget Risks Register 2025-26"
    if not 3 < len(text) < 200 or text.endswith((".", ":")) or (":" in text and not named_part):
        return False
    if text.lower() in _GENERIC_TITLES or (committee and text.lower() == committee.lower()):
        return False
    if (DATE_RE.search(text) and len(text) < 40) or _COMMITTEE_LINE.fullmatch(text):
        return False
    tokens = text.split()
    figures = sum(1 for t in tokens if any(c.isdigit() for c in t))
    # a table's row or header: "Core 12,081.8 12,666.9 ...", "Lac 1 Lac 2 ...", "Prior Year savings ... * 0.0 0.0 0.0",
    # "TOTAL £m 334.7 290.0"
    if (figures >= 2 and 2 * figures >= len(tokens)) or _ENDS_IN_FIGURES.search(text):
        return False
    return not gazetteer().resolve(text)


def _doc_type(head: list[Block], title: str) -> DocType:
    text = "\n".join(b.text for b in head[:15]).lower()
    t = title.lower()
    first = head[0].text.lower() if head else ""
    if re.search(r"^minutes\s*of (a|the) meeting (of|held)", text[:800], re.M) or re.match(r"^(printed )?minutes\b", first):
        return DocType.MINUTES
    text = text.replace("’", "'")
    if re.search(r"^dear\b", text, re.M) and _VISIT.search(text):
        return DocType.LETTER
    if _INSPECTION.search(text) and not _COUNCIL_REPORT.search(text):
        return DocType.INSPECTION_REPORT
    if re.search(r"score ?card|performance report|performance data", t):
        return DocType.SCORECARD
    if "strategy" in t:
        return DocType.STRATEGY
    if re.match(r"^appendix\b", first) or re.match(r"^[a-z ]*report to\s*:", first) or _BARE_PART.match(t):
        return DocType.APPENDIX
    if re.search(r"^dear\b", text, re.M):
        return DocType.LETTER
    if (re.search(r"^(?:agenda|a g e n d a)$|^(?:summons to and )?agenda for (?:an?|the) (?:\w+ )?meeting\b", text, re.M)
            or re.search(r"\(pages? \d+\s*[-–]\s*\d+\)|^venue\s*:", text, re.M)) \
            and not re.search(r"report title|subject\s*:", text):
        return DocType.AGENDA
    if re.search(r"report title|subject\s*:|purpose of (the )?report|report of|report summary|executive summary", text):
        return DocType.REPORT
    if re.search(r"\breport\b", t):
        return DocType.REPORT
    return DocType.OTHER


def _not_reported(before: str, label: str) -> bool:
    """A period in the opening's sentences that is a deadline ("to be brought into balance by 2029-30") or a lone
    month dating an event ("guidance issued by the government in January 2018", "endorsed by Cabinet in July 2024",
    "in the June 2025 Spending Review"), not what the paper reports on ("this report sets out performance in July
    2024")."""
    if _DEADLINE.search(before):
        return True
    sentence = re.split(r"[.!?]\s|\n", before)[-1]
    return bool(_MONTH_YEAR.fullmatch(label) and _EVENT_MONTH.search(before) and not _REPORTED.search(sentence))


def _period(title: str, head: list[Block], meeting: date | None) -> tuple[date, date, str] | None:
    """The first period named in the title, else in an opening sentence about what the paper covers."""
    reporting_fy = fy_of(meeting) if meeting else None
    cue = "\n".join(b.text for i, b in enumerate(head) if i < 5 or _PERIOD_CUE.search(b.text))
    for text, opening in ((title, False), (cue, True)):
        dates = [m.span() for m in DATE_RE.finditer(text)]
        periods = [
            p for p in find_periods(text, reporting_fy)
            if (not any(p.span[0] < e and s < p.span[1] for s, e in dates) or " to " in p.label or "–" in p.label)
            and not (opening and _not_reported(text[:p.span[0]], p.label))
        ]
        if periods:
            p = periods[0]
            return p.start, p.end, p.label
    return None
