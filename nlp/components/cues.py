"""Basis cues by phrase: "England", "statistical neighbours", "target"... whose figure a value is."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.components.patterns import spec

CUES = "cues"


class BasisCues:
    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for basis, phrases in spec()["basis_cues"].items():
            self.matcher.add(basis, [nlp.make_doc(p) for p in phrases])

    def __call__(self, doc: Doc) -> Doc:
        found = [Span(doc, start, end, label=doc.vocab.strings[m]) for m, start, end in self.matcher(doc)]
        doc.spans[CUES] = sorted(filter_spans(found), key=lambda s: s.start)
        return doc


@Language.factory("scrutineer_basis_cues", assigns=["doc.spans"])
def make_cues(nlp: Language, name: str) -> BasisCues:
    return BasisCues(nlp)
