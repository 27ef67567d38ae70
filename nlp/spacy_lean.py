"""spaCy as the rule pipeline uses it, imported without torch.

spaCy's thinc imports torch at once when it is installed (about 1 CPU s a process, the largest part of an ingest's
start-up without embeddings), although the blank pipeline and its rules run no neural component. Held out while
spaCy is first imported, thinc takes its "no torch" branch; torch is importable again right after (the embedder
imports it when it needs it). A trained model named by `SCRUTINEER_SPACY_MODEL` may need torch, so then spaCy
imports as usual.
"""

from __future__ import annotations

import os

from ingest.lean_imports import held_out

with held_out(*(() if os.environ.get("SCRUTINEER_SPACY_MODEL") else ("torch",))):
    import spacy
    from spacy.attrs import LOWER
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.pipeline import EntityRuler
    from spacy.tokens import Doc, Span
    from spacy.util import filter_spans

__all__ = ["LOWER", "Doc", "EntityRuler", "Language", "Matcher", "Span", "filter_spans", "spacy"]
