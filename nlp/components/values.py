"""Values with their units, by token patterns: "45%", "66 per 10,000", "£1.9m", "212", "170 days"."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.components.patterns import expand, patterns, spec
from nlp.components.spans import register_span_attributes

VALUES = "values"
_TRIMMED = {"days", "months"}  # units whose patterns start at a cue word before the number
_NOT_A_VALUE = "not_a_value"  # a reading that makes the number no measurement: "in the last 12 months"


class ValueTagger:
    """Numbers that measure something, each with its unit; numbers inside dates, periods, ages and labels are not."""

    def __init__(self, nlp: Language) -> None:
        register_span_attributes()
        self.units = Matcher(nlp.vocab)
        for unit, group in patterns("units").items():
            self.units.add(unit, group, greedy="LONGEST")
        self.not_values = Matcher(nlp.vocab)
        self.not_values.add("NOT_VALUE", [expand(p) for p in spec()["not_values"]])
        self.scales = {k: float(v) for k, v in spec()["scales"].items()}

    def __call__(self, doc: Doc) -> Doc:
        blocked = {i for e in doc.ents if e.label_ in ("DATE", "PERIOD") for i in range(e.start, e.end)}
        blocked |= {i for s in doc.spans.get("periods", []) for i in range(s.start, s.end)}
        blocked |= {i for _, start, end in self.not_values(doc) for i in range(start, end)}
        candidates = []
        for match_id, start, end in self.units(doc):
            number = next((t for t in doc[start:end] if t.like_num or t.text[:1].isdigit()), None)
            if number is not None and number.i not in blocked:
                candidates.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
        found = []
        for span in filter_spans(candidates):  # the longest reading of each number wins, then is kept or not
            if span.label_ == _NOT_A_VALUE:
                continue
            number = next(t for t in span if t.like_num or t.text[:1].isdigit())
            if span.label_ in _TRIMMED:  # "an average of 480 days": the value is "480 days"
                span = Span(doc, number.i, span.end, label=span.label_)
            span._.value = self._value(span, number.text)
            span._.unit = span.label_
            found.append(span)
        doc.spans[VALUES] = sorted(found, key=lambda s: s.start)
        return doc

    def _value(self, span: Span, number: str) -> float | None:
        digits = number.replace(",", "").rstrip("mbnk")
        try:
            value = float(digits)
        except ValueError:
            return None
        if span.label_ != "gbp":
            return value
        scale = next((self.scales[t.lower_] for t in span if t.lower_ in self.scales), None)
        if scale is None:
            scale = next((f for s, f in self.scales.items() if number.lower().endswith(s) and not number[-1:].isdigit()), 1.0)
        return value * scale


@Language.factory("scrutineer_values", requires=["doc.ents"], assigns=["doc.spans", "span._.value", "span._.unit"])
def make_values(nlp: Language, name: str) -> ValueTagger:
    return ValueTagger(nlp)
