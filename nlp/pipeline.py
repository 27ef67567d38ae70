"""The one place extraction's expensive objects are built."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from nlp.extract import Extractor
from nlp.taxonomy import load_taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

METRIC_COMPONENTS = ("scrutineer_metric_periods", "scrutineer_values", "scrutineer_basis_cues", "scrutineer_metrics")


def build_extractor() -> Extractor:
    """`SCRUTINEER_SPACY_MODEL` names an installed spaCy model to add its PERSON/ORG to the rules."""
    from nlp.entities import EntityTagger, build_entity_pipeline

    pipeline = build_entity_pipeline(os.environ.get("SCRUTINEER_SPACY_MODEL") or None)
    return Extractor(load_taxonomy(), EntityTagger(pipeline))


def scrutineer_pipeline(extra_model: str | None = None) -> Language:
    """Entities and metrics of any text, as one spaCy pipeline:

        nlp = scrutineer_pipeline()
        doc = nlp("Of 212 care leavers aged 19-21, 45% were NEET in Q2 2024/25 (England 38%)")
        doc.ents                 # PERIOD "Q2 2024/25", AUTHORITY, ORG, PERSON, ROLE, PROGRAMME, LEGAL, DATE
        doc.spans["metrics"]     # 212, 45%, 38%: span._.value, ._.unit, ._.indicator, ._.basis, ._.period
        doc.spans["values"], doc.spans["periods"], doc.spans["cues"]   # the pieces, by token patterns

    Set `doc._.context` (an nlp.models.DocumentContext) on `nlp.make_doc(text)` before `nlp(doc)` to resolve
    "the Council" and a bare "Q2" against a document's authority and reporting year.
    """
    from nlp.components import cues, metrics, periods, values  # noqa: F401  (registers the factories)
    from nlp.entities import build_entity_pipeline

    nlp = build_entity_pipeline(extra_model)
    nlp.add_pipe("sentencizer", first=True)
    for name in METRIC_COMPONENTS:
        nlp.add_pipe(name)
    return nlp
