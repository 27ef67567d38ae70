"""Search hits for people: a timeline by authority and meeting date, and JSON, CSV, Markdown with citations."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from itertools import groupby

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from nlp.topics import expand_query
from scrutineer.search import Hit

_STOP = {"the", "of", "and", "for", "in", "on", "to", "a", "an", "or", "what", "was", "said", "about", "is", "are"}


def citation(h: Hit) -> str:
    part = f", part {h.part}" if h.part else ""
    section = f", § {' > '.join(h.section_path)}" if h.section_path else ""
    pages = f"pp. {h.page}-{h.page_end}" if h.page_end > h.page else f"p. {h.page}"
    return f"{h.document_title or h.source} ({h.source}{part}), {pages}{section}"


def other_places(h: Hit) -> str:
    """Where the document prints the same sentence again ("p. 15 § Inspection findings; p. 21")."""
    return "; ".join(f"p. {p.page}" + (f" § {' > '.join(p.section_path)}" if p.section_path else "") for p in h.also_at)


def _highlight(text: str, query: str, matched: list[str]) -> Text:
    out = Text(text)
    words = matched or [w for w in expand_query(query) if w not in _STOP and len(w) > 2]
    for w in words:
        out.highlight_regex(re.compile(rf"\b{re.escape(w)}\w*", re.I), "bold yellow")
    return out


def filed_on(h: Hit) -> date | None:
    """The date a reader files a hit under: its meeting's, else the end of the period its paper covers (an Ofsted
    report goes to no meeting), else none."""
    return h.meeting_date or h.period_end


def dated(h: Hit) -> str:
    """`filed_on` as shown: "2024-12-03" for a meeting, "to 2023-12-15" for the end of a period, "" for none."""
    if h.meeting_date:
        return h.meeting_date.isoformat()
    return f"to {h.period_end.isoformat()}" if h.period_end else ""


def hits_view(hits: list[Hit], query: str) -> Group:
    """Grouped by authority, then meeting date (a timeline), each passage with its citation."""
    n = sum(h.statements for h in hits)
    parts: list[object] = [Text(f"{len(hits)} passages ({n} statements) about “{query}”", style="bold")]
    ordered = sorted(hits, key=lambda h: (h.authority, filed_on(h) or date.min))
    for authority, group in groupby(ordered, key=lambda h: h.authority):
        table = Table(title=escape(authority or "(authority unknown)"), show_lines=True, title_justify="left")
        table.add_column("date", no_wrap=True)
        table.add_column("statement")
        table.add_column("source")
        for h in group:
            matched = h.why.terms if h.why else []
            source = Text(citation(h) + (f"\nmatched: {', '.join(matched)}" if matched else "\nfound by meaning"))
            table.add_row(dated(h), _highlight(h.text, query, matched), source)
        parts.append(table)
    return Group(*parts)  # type: ignore[arg-type]


def render_hits(hits: list[Hit], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([h.model_dump(mode="json") for h in hits], indent=1, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        cols = ["authority", "meeting_date", "period_end", "committee", "doc_type", "source", "part", "page", "page_end",
                "section_path", "text", "statements", "document_title", "score", "also_in", "also_at"]
        writer = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
        writer.writeheader()
        for h in hits:
            d = h.model_dump(mode="json")
            d["section_path"] = " > ".join(h.section_path)
            d["also_in"] = ";".join(h.also_in)
            d["also_at"] = other_places(h)
            writer.writerow({k: d[k] if d[k] is not None else "" for k in cols})
        return buf.getvalue()
    lines = [f"- {h.text} — *{citation(h)}*" + (f" (also in {', '.join(h.also_in)})" if h.also_in else "")
             + (f" (printed again at {other_places(h)})" if h.also_at else "") for h in hits]
    return "\n".join(lines) + "\n"
