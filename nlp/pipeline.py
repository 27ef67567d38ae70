"""The one place extraction's expensive objects are built."""

from __future__ import annotations

from nlp.extract import Extractor
from nlp.taxonomy import load_taxonomy


def build_extractor() -> Extractor:
    return Extractor(load_taxonomy())
