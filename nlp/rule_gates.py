"""Token matchers run only on a statement that holds what their patterns start from.

spaCy's token `Matcher` walks every token of every statement, whatever its patterns: a quarter of the entity rules'
CPU time on Ofsted reports went to the entity ruler's few shaped patterns (statutory sections, NHS trusts, ICBs)
and the people tagger's honorific and author cues, which match in one statement in twenty. Each gate below is a
necessary condition of its patterns (a section number needs a digit; an NHS trust needs "NHS"), so a statement it
turns away could not have matched: the entities are the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import MethodType

from nlp.spacy_lean import LOWER, Doc, EntityRuler

Gate = Callable[[Doc], bool]
# Every pattern of entities._shaped_patterns holds a digit (a section number: SHAPE d, or "s.20") or the literal
# "NHS", "ICB" or "CCG": a statement with none of these cannot match one of them.
SHAPED_NEED = re.compile(r"\d|NHS|ICB|CCG")


def text_holds(pattern: re.Pattern[str]) -> Gate:
    return lambda doc: pattern.search(doc.text) is not None


def any_lower(doc: Doc, words: frozenset[int]) -> bool:
    """Whether a token's lower-case form is one of `words` (string hashes), read as one array."""
    return not words.isdisjoint(doc.to_array(LOWER).tolist())


def gate_ruler(ruler: EntityRuler, may_match: Gate = lambda doc: True) -> None:
    """Run the ruler's token matcher only where `may_match` says its patterns can match (its phrase matcher always).
    Also drops two costs spaCy pays per statement for nothing here: recounting the patterns (hundreds of labels,
    one per canonical name) to check the ruler is not empty, and a warnings filter for an empty token matcher."""
    tokens = len(ruler.matcher) > 0
    ruler.match = MethodType(lambda self, doc: _match(self, doc, tokens and may_match(doc)), ruler)


def _match(ruler: EntityRuler, doc: Doc, tokens: bool) -> list[tuple[int, int, int]]:
    """spaCy's EntityRuler.match (3.8), the token matcher behind the gate: the same list in the same order."""
    matches = (list(ruler.matcher(doc)) if tokens else []) + list(ruler.phrase_matcher(doc))
    final_matches = set([(m_id, start, end) for m_id, start, end in matches if start != end])
    return sorted(final_matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
