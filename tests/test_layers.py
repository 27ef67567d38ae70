"""Data flows one way: ingest → nlp → store → scrutineer; a layer imports only from layers before it."""

import ast

from conftest import ROOT

ORDER = ["ingest", "nlp", "store", "scrutineer"]


def test_layers_import_only_from_earlier_layers():
    bad = []
    for i, layer in enumerate(ORDER):
        later = set(ORDER[i + 1 :])
        for path in (ROOT / layer).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                    [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
                bad += [f"{path.relative_to(ROOT)} imports {n}" for n in names if n.split(".")[0] in later]
    assert not bad, bad


def test_no_model_or_heavy_library_at_import_time():
    import subprocess
    import sys

    # nor the extraction rules (nlp.extract, 0.2-0.45 s of every command's start), which only ingest and reextract use
    code = ("import scrutineer.cli, sys; "
            "print(any(m in sys.modules for m in ('torch', 'chromadb', 'spacy', 'ray', 'nlp.extract')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_parsing_and_rules_load_neither_torch_nor_pymupdf_layout():
    """Ingest without embeddings needs neither: torch (which spaCy's thinc would import) nor PyMuPDF's layout model."""
    import os
    import subprocess
    import sys

    code = ("import sys, ingest.pdf; from nlp.pipeline import build_extractor; build_extractor(); "
            "print(any(m in sys.modules for m in ('torch', 'pymupdf.layout'))); import torch")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={k: v for k, v in os.environ.items() if k != "SCRUTINEER_SPACY_MODEL"})
    assert out.stdout.strip() == "False"
