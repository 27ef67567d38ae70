"""Publishers' notices: the licence, copyright, contact and "about us" lines an inspectorate or government body
prints at the back of every report.

They say nothing of the area inspected, and, printed in every report, they match questions on children's services
("It assesses council children's services, and inspects services for children looked after ...") ahead of the
findings. Ingest keeps them as removed text, not statements.
"""

from __future__ import annotations

import re

from ingest.statements import split_sentences

_NOTICE = re.compile(
    r"open government licen[cs]e|nationalarchives\.gov\.uk|"
    r"\bcopy of this (?:document|report|publication) in (?:a different|an alternative|another) format|"
    r"subscribe to our (?:monthly )?newsletter|regular email alerts|^interested in our work\?|"
    r"^this (?:publication|report|document) is available (?:at|from|on) (?:https?://|www\.)|"
    r"©\s*crown copyright|^crown copyright \d{4}|"
    r"^you may (?:re-?use|copy) (?:this information|all or parts of this (?:document|publication))|"
    r"\(ofsted\) regulates and inspects|^it regulates and inspects childcare|"
    r"^it (?:assesses council children['’]s services|"
    r"inspects (?:local authority )?services for (?:looked[- ]after children|children looked after))|"
    r"piccadilly gate|\btextphone\b|\benquiries@ofsted\.gov\.uk|"
    r"^any complaints about the inspection or the report|^if you are not happy with the inspection|"
    r"^if you would like ofsted to send you a copy",
    re.I,
)


def is_notice(text: str) -> bool:
    """Whether every sentence of a block is a publisher's notice (a block with any finding in it stays)."""
    text = text.strip()
    if not _NOTICE.search(text):
        return False  # most blocks: one pass of the pattern, no sentence split (the first sentence must match)
    sentences = [text[s:e].strip() for s, e in split_sentences(text)]
    return bool(sentences) and all(_NOTICE.search(s) for s in sentences)
