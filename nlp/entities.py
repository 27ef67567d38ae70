"""Named entities with spaCy rules on a blank English pipeline: councils, organisations, programmes,
legal terms, roles, people, periods and dates.

No statistical model is needed, so tagging runs offline and gives the same answer everywhere. The
components are registered by name and declare what they read and write, so a user can add a trained
`ner` before them (see `build_entity_pipeline(extra_model=...)`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import yaml

from ingest.authorities import gazetteer
from nlp.models import DocumentContext, Entity, EntityLabel
from nlp.periods import resolve_periods
from nlp.rule_gates import SHAPED_NEED, any_lower, gate_ruler, text_holds
from nlp.spacy_lean import Doc, Language, Matcher, Span, filter_spans, spacy

DATA = Path(__file__).with_name("data") / "entities.yaml"
THIS_COUNCIL = "@document"  # "the Council": the document's own authority
_AMBIGUOUS_ALIASES = {"Reading", "Bury", "Sutton", "Wigan", "Halton", "Barnet", "Brent", "Kent"}
_HONORIFICS = ["cllr", "cllrs", "councillor", "councillors", "mr", "mrs", "ms", "miss", "dr"]
_SECTION = re.compile(r"(\d{1,3})$")
_AUTHOR_CUES = ["author", "officer", "contact", "lead"]


@cache
def _spec() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _exact_patterns() -> list[dict]:
    """Names and acronyms as printed, plus every council alias (ambiguous ones only with "Council")."""
    patterns = [{"label": label, "pattern": text, "id": norm}
                for label, groups in _spec().items() for text, norm in map(_entry, groups.get("exact", []))]
    for alias, authority in gazetteer().by_alias.items():
        if alias not in _AMBIGUOUS_ALIASES and len(alias) > 3:
            patterns.append({"label": "AUTHORITY", "pattern": alias, "id": authority.name})
        if not alias.endswith("Council"):
            patterns.append({"label": "AUTHORITY", "pattern": f"{alias} Council", "id": authority.name})
    return patterns + _shaped_patterns()


def _any_case_patterns() -> list[dict]:
    patterns = [{"label": label, "pattern": text, "id": norm}
                for label, groups in _spec().items() for text, norm in map(_entry, groups.get("any_case", []))]
    for words in ("the council", "the county council", "the borough council", "the city council", "the local authority",
                  "this council"):
        patterns.append({"label": "AUTHORITY", "pattern": words, "id": THIS_COUNCIL})
    return patterns


def _shaped_patterns() -> list[dict]:
    """Names with a shape rather than a list: statutory sections, NHS trusts, integrated care boards. Each needs a
    digit or one of the words of rule_gates.SHAPED_NEED (a statement with none skips them): keep that true."""
    title = {"IS_TITLE": True, "OP": "+"}
    return [
        {"label": "LEGAL", "pattern": [{"LOWER": {"IN": ["section", "s", "s."]}}, {"SHAPE": {"IN": ["d", "dd", "ddd"]}}]},
        {"label": "LEGAL", "pattern": [{"LOWER": {"REGEX": r"^s\.?\d{1,3}$"}}]},
        {"label": "ORG", "pattern": [{"ORTH": "NHS"}, title, {"ORTH": "NHS", "OP": "?"}, {"ORTH": "Foundation", "OP": "?"},
                                     {"ORTH": "Trust"}]},
        {"label": "ORG", "pattern": [title, {"LOWER": {"IN": ["and", "&"]}, "OP": "?"}, {"IS_TITLE": True, "OP": "*"},
                                     {"ORTH": {"IN": ["ICB", "CCG"]}}]},
    ]


def _entry(entry: str | dict) -> tuple[str, str]:
    if isinstance(entry, dict):
        ((text, norm),) = entry.items()
        return str(text), str(norm)
    return entry, entry


@Language.component("scrutineer_council", requires=["doc.ents"], assigns=["doc.ents"])
def resolve_council(doc: Doc) -> Doc:
    """"The Council" becomes the document's authority; dropped when the document has none."""
    if not any(ent.label_ == "AUTHORITY" and ent.id_ == THIS_COUNCIL for ent in doc.ents):
        return doc  # nothing to resolve (most statements): the entities stay as they are
    authority = doc._.context.authority
    ents = []
    for ent in doc.ents:
        if ent.label_ == "AUTHORITY" and ent.id_ == THIS_COUNCIL:
            if not authority:
                continue
            ent = Span(doc, ent.start, ent.end, label="AUTHORITY", span_id=authority)
        ents.append(ent)
    doc.ents = ents
    return doc


class PeopleTagger:
    """People from how papers name them: "Councillor J Smith", "Kerry Birtles, Head of Service",
    "Report author: Jo Bloggs". Never a guess from capital letters alone."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        initials = {"TEXT": {"REGEX": r"^[A-Z]\.?$"}, "OP": "{0,2}"}
        name = {"IS_TITLE": True, "IS_STOP": False, "OP": "{1,3}"}
        self.matcher.add("HONORIFIC", [[{"LOWER": {"IN": _HONORIFICS}}, {"ORTH": ".", "OP": "?"}, initials, name]],
                         greedy="LONGEST")
        self.matcher.add("AUTHOR", [[{"LOWER": {"IN": _AUTHOR_CUES}}, {"ORTH": ":"}, initials, name]], greedy="LONGEST")
        self.cues = frozenset(nlp.vocab.strings.add(w) for w in (*_HONORIFICS, *_AUTHOR_CUES))  # each pattern's start

    def __call__(self, doc: Doc) -> Doc:
        named = any_lower(doc, self.cues)  # a statement with no cue word cannot match (19 in 20 statements)
        people = [self._person(doc, start, end) for _, start, end in self.matcher(doc)] if named else []
        people += [p for ent in doc.ents if ent.label_ == "ROLE" and (p := self._before_role(doc, ent))]
        if all(p is None for p in people):
            return doc
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        fresh = [p for p in people if p is not None and not taken.intersection(range(p.start, p.end))]
        doc.ents = filter_spans([*doc.ents, *fresh])
        return doc

    @staticmethod
    def _person(doc: Doc, start: int, end: int) -> Span | None:
        first = start + 1
        while first < end and not doc[first].is_title:
            first += 1
        return Span(doc, first, end, label="PERSON") if first < end else None

    @staticmethod
    def _before_role(doc: Doc, role: Span) -> Span | None:
        """Two or three capitalised words right before ", Role"."""
        if role.start < 3 or doc[role.start - 1].text != ",":
            return None
        start = role.start - 1
        while start > 0 and role.start - 1 - start < 3 and doc[start - 1].is_title and not doc[start - 1].is_stop:
            start -= 1
        while start < role.start - 1 and doc[start].lower_ in _HONORIFICS:
            start += 1
        return Span(doc, start, role.start - 1, label="PERSON") if role.start - 1 - start >= 2 else None


@Language.factory("scrutineer_people", requires=["doc.ents"], assigns=["doc.ents"])
def make_people(nlp: Language, name: str) -> PeopleTagger:
    return PeopleTagger(nlp)


@Language.component("scrutineer_periods", assigns=["doc.ents"])
def tag_periods(doc: Doc) -> Doc:
    """Financial years, quarters, months and dates, resolved against the document's reporting year."""
    found = []
    for period in resolve_periods(doc.text, doc._.context):
        span = doc.char_span(*period.span, label="DATE" if period.start == period.end else "PERIOD",
                             alignment_mode="expand", span_id=_period_norm(period.start, period.end))
        if span is not None:
            found.append(span)
    if not found:
        return doc
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    doc.ents = filter_spans([*doc.ents, *(s for s in found if not taken.intersection(range(s.start, s.end)))])
    return doc


def _period_norm(start, end) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def build_entity_pipeline(extra_model: str | None = None) -> Language:
    """Blank English plus the rule components; `extra_model` (an installed spaCy model) adds PERSON/ORG."""
    if not Doc.has_extension("context"):
        Doc.set_extension("context", default=DocumentContext())
    nlp = spacy.blank("en")
    if extra_model:
        trained = spacy.load(extra_model, exclude=["parser", "lemmatizer", "textcat"])
        nlp.add_pipe("ner", source=trained)
    exact = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    exact.add_patterns(_exact_patterns())
    gate_ruler(exact, text_holds(SHAPED_NEED))
    any_case = nlp.add_pipe("entity_ruler", name="any_case_ruler", config={"phrase_matcher_attr": "LOWER"})
    any_case.add_patterns(_any_case_patterns())
    gate_ruler(any_case)  # phrases only: its empty token matcher is never run
    nlp.add_pipe("scrutineer_council")
    nlp.add_pipe("scrutineer_people")
    nlp.add_pipe("scrutineer_periods")
    return nlp


class EntityTagger:
    """The entity pipeline, built once per process, applied to a document's statements."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def tag(self, statements: Iterable[tuple[int, int, str]], ctx: DocumentContext) -> Iterator[Entity]:
        return entities_of(self.nlp, statements, ctx)


def entities_of(nlp: Language, statements: Iterable[tuple[int, int, str]], ctx: DocumentContext) -> Iterator[Entity]:
    """Entities of each (ord, page, text) statement, with a canonical form to group them by."""
    rows = list(statements)
    docs = []
    for _, _, text in rows:
        doc = nlp.make_doc(text)
        doc._.context = ctx
        docs.append(doc)
    for (ord_, page, _), doc in zip(rows, nlp.pipe(docs, batch_size=256), strict=True):
        for ent in doc.ents:
            if ent.label_ in EntityLabel.__members__:
                yield Entity(label=EntityLabel(ent.label_), text=ent.text, norm=_norm(ent), statement_ord=ord_, page=page)


def _norm(ent: Span) -> str:
    if ent.id_:
        return ent.id_
    if ent.label_ == "LEGAL" and (m := _SECTION.search(ent.text)):
        return f"Section {m.group(1)}"
    return ent.text
