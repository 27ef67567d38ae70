"""The extractor's metrics as spans on the Doc (`doc.spans["metrics"]`): each on the value it was read from,
with its indicator, basis and period as span attributes.

The value, unit, period and cue components find the pieces by token patterns; which indicator and basis a
value has is still decided by the extractor's rules (nlp/prose.py and the modules it uses), run here on the
Doc's sentences as consecutive statements, exactly as ingest runs them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.components.spans import register_span_attributes
from nlp.components.values import VALUES
from nlp.models import Metric
from nlp.prose import StatementIn, metrics_from_statements
from nlp.taxonomy import Taxonomy, load_taxonomy
from nlp.values import find_values

METRICS = "metrics"


class MetricSpans:
    def __init__(self, taxonomy: Taxonomy) -> None:
        register_span_attributes()
        self.taxonomy = taxonomy

    def __call__(self, doc: Doc) -> Doc:
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        statements = [StatementIn(i, s.text, 1, ()) for i, s in enumerate(sents)]
        used: set[tuple[int, int]] = set()
        spans = []
        for metric in metrics_from_statements(statements, doc._.context, self.taxonomy):
            sent = sents[metric.statement_ord or 0]
            span = _located(doc, sent, metric, used)
            used.add((span.start, span.end))
            spans.append(_with_attributes(span, metric))
        doc.spans[METRICS] = spans
        return doc


def _located(doc: Doc, sent: Span, metric: Metric, used: set[tuple[int, int]]) -> Span:
    """The value span the metric was read from: a tagged value of the same number (and unit, if one has it),
    else where the extractor's own value finder puts it, else the sentence."""
    inside = [v for v in doc.spans.get(VALUES, []) if sent.start <= v.start and v.end <= sent.end
              and v._.value == metric.value]
    same_unit = [v for v in inside if v._.unit == metric.unit.value]  # "a target of 60" follows a rate: still 60
    for group in (same_unit, inside):
        free = [v for v in group if (v.start, v.end) not in used]
        if free or group:
            chosen = (free or group)[0]
            return Span(doc, chosen.start, chosen.end, label=metric.indicator or "unmapped")
    for v in find_values(sent.text, []):
        if v.value == metric.value and v.unit is metric.unit:
            span = doc.char_span(sent.start_char + v.span[0], sent.start_char + v.span[1], alignment_mode="expand")
            if span is not None:
                return Span(doc, span.start, span.end, label=metric.indicator or "unmapped")
    return Span(doc, sent.start, sent.end, label=metric.indicator or "unmapped")


def _with_attributes(span: Span, metric: Metric) -> Span:
    span._.value = metric.value
    span._.unit = metric.unit.value
    span._.indicator = metric.indicator
    span._.basis = metric.basis.value
    span._.period = metric.period_label
    span._.period_start, span._.period_end = metric.period_start, metric.period_end
    span._.metric = metric
    return span


@Language.factory("scrutineer_metrics", requires=["doc.spans"],
                  assigns=["doc.spans", "span._.value", "span._.unit", "span._.indicator", "span._.basis",
                           "span._.period", "span._.period_start", "span._.period_end", "span._.metric"])
def make_metrics(nlp: Language, name: str) -> MetricSpans:
    return MetricSpans(load_taxonomy())
