"""The notebooks run top to bottom on the sample corpus, in a real kernel, as a reader would run them."""

from __future__ import annotations

import jupytext
import pytest
from conftest import ROOT
from nbclient import NotebookClient

NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").glob("*.py") if not p.name.startswith("_"))


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path, tmp_path, monkeypatch):
    monkeypatch.setenv("SCRUTINEER_KB", str(tmp_path / "kb"))
    monkeypatch.setenv("SCRUTINEER_WORKERS", "1")
    notebook = jupytext.read(path)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any(o.output_type in ("execute_result", "display_data") for o in outputs)
