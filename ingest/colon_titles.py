"""A bold line of two names parted by a colon: a heading, or a form's label and its value.

A paragraph with a colon inside is usually a form's label and value ("Key decision: YES") or a run-in label, so it
was never a heading; but "Service Investments: Loans", "CRR0014: Cyber Information Security Resilience" and the older
Ofsted reports' "What the inspection judgements mean: the local authority" head what follows them (session 54).
"""

from __future__ import annotations

import re

_VALUE = re.compile(r"[\d@]")  # a date, a number or an address after a colon is a form's value
_ROLE = re.compile(r"\b(?:inspectors?|authors?(?:\(s\))?|officers?|contacts?|directors?|e-?mail|tel(?:ephone)?|phone|"
                   r"dates?|numbers?|published|members?|chair(?:man|person)?|clerk|wards?|ref(?:erence)?|from|to|cc|"
                   r"by|subject|title(?: of (?:the )?(?:decision|report))?|source|website|web|url|resolved|apologies|"
                   r"status|classification|division|documents?|present|attendees|venue|time|location)\s*$", re.I)
_FORM_VALUE = re.compile(r"(?:yes|no|none|nil|all|n/?a|tbc|tbd|draft|final|open|public|exempt|(?:un)?restricted)\W*",
                         re.I)


def titled(text: str) -> bool:
    """An emphasised line of two names parted by a colon is a heading ("Service Investments: Loans", "What the
    inspection judgements mean: the local authority", "CRR0014: Cyber Information Security Resilience"); a form's
    label and its value is not ("Key decision: YES", "Lead inspector: Tara Geere", "Decision Number: 24/00115"), nor
    a list's unfinished lead-in ("Priorities to deliver this outcome: Together we will…", "Decision: Cabinet is asked
    to:"), nor a colon inside a bracket ("Approved by (Note: approval of this EqIA must be completed ...)")."""
    label, _, name = text.partition(":")
    words = name.split()
    return bool(words) and not _VALUE.search(name) and not _ROLE.search(label) and not _FORM_VALUE.fullmatch(name.strip()) \
        and label.count("(") == label.count(")") and not name.rstrip().endswith(("…", "...", ":")) \
        and (len(words) > 1 or any(c.islower() for c in name))
