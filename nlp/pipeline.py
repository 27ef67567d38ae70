"""The one place extraction's expensive objects are built."""

from __future__ import annotations

import os

from nlp.extract import Extractor
from nlp.taxonomy import load_taxonomy


def build_extractor() -> Extractor:
    """`SCRUTINEER_SPACY_MODEL` names an installed spaCy model to add its PERSON/ORG to the rules."""
    from nlp.entities import EntityTagger, build_entity_pipeline

    pipeline = build_entity_pipeline(os.environ.get("SCRUTINEER_SPACY_MODEL") or None)
    return Extractor(load_taxonomy(), EntityTagger(pipeline))
