"""Periods a metric can be of, by token patterns ("Q2 2024/25", "2023-24", "March 2025", "31.03.2024"),
each resolved to its first and last day against the document's reporting year."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.components.patterns import patterns
from nlp.components.spans import register_span_attributes
from nlp.periods import resolve_periods

PERIODS = "periods"


class PeriodTagger:
    def __init__(self, nlp: Language) -> None:
        register_span_attributes()
        self.matcher = Matcher(nlp.vocab)
        for kind, group in patterns("periods").items():
            self.matcher.add(kind, group, greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for match_id, start, end in self.matcher(doc):
            span = Span(doc, start, end, label=doc.vocab.strings[match_id])
            resolved = resolve_periods(span.text, doc._.context)  # the dates of what the tokens matched
            if not resolved:
                continue
            span._.period = resolved[0].label
            span._.period_start, span._.period_end = resolved[0].start, resolved[0].end
            found.append(span)
        doc.spans[PERIODS] = sorted(filter_spans(found), key=lambda s: s.start)
        return doc


@Language.factory("scrutineer_metric_periods", assigns=["doc.spans", "span._.period", "span._.period_start",
                                                        "span._.period_end"])
def make_periods(nlp: Language, name: str) -> PeriodTagger:
    return PeriodTagger(nlp)
