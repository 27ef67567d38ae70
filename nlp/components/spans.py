"""The attributes metric spans carry (`span._.value`, `._.unit`, `._.indicator`, `._.basis`, `._.period`...)."""

from __future__ import annotations

from spacy.tokens import Span

ATTRIBUTES = {
    "value": None,  # float: the number, money in pounds
    "unit": None,  # nlp.models.Unit value: "percent", "count", "gbp"...
    "indicator": "",  # taxonomy id; "" when no indicator matched
    "basis": None,  # nlp.models.Basis value: "actual", "national"...
    "period": "",  # the period as printed, or its canonical form
    "period_start": None,  # datetime.date
    "period_end": None,
    "metric": None,  # the extractor's nlp.models.Metric behind a metric span
}


def register_span_attributes() -> None:
    """Once per process, when a pipeline is built (never at import)."""
    for name, default in ATTRIBUTES.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
