"""Mutated inputs made from real files: each fails or is kept with one line naming the file and the reason, the batch
exits 1, no traceback, no hang; a cut PDF keeps the pages it still has and is marked partial."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mutations import many_pages_pdf, write_mutations

from ingest.errors import TooSlow
from scrutineer.limits import FileLimits, time_limit
from scrutineer.pipeline import ingest
from store.queries import list_documents
from store.records import Records

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def mutated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    folder = tmp_path_factory.mktemp("mutated")
    write_mutations(folder / "in")
    exe = Path(sys.executable).with_name("scrutineer")
    run = subprocess.run([str(exe), "ingest", str(folder / "in"), "--kb", str(folder / "kb")], cwd=ROOT,
                         capture_output=True, text=True, timeout=600, env={**_env(), "SCRUTINEER_EMBED": "false"})
    return folder, run


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


def _lines(run: subprocess.CompletedProcess) -> dict[str, str]:
    """source -> its 'failed' or 'warning' line."""
    out: dict[str, str] = {}
    for line in run.stderr.splitlines():
        if line.startswith(("failed ", "warning ")):
            out[line.split(" ", 1)[1].split(":", 1)[0]] = line
    return out


def test_each_bad_file_is_one_line_and_the_batch_exits_1(mutated) -> None:
    _, run = mutated
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "Swig" not in run.stderr and "RecursionError" not in run.stderr
    lines = _lines(run)
    for name in ("cut-10.pdf", "cut-50.pdf", "flipped.pdf", "random.pdf", "header-only.pdf", "binary.txt",
                 "broken.docx"):
        assert name in lines and lines[name].startswith("failed "), (name, run.stderr)
    assert "image-only" not in lines["flipped.pdf"]  # damaged, not scanned
    assert "not a text file" in lines["binary.txt"]
    assert "truncated" in lines["cut-50.pdf"]


def test_readable_mutations_are_kept(mutated) -> None:
    folder, run = mutated
    with Records(folder / "kb") as records:
        docs = {d.source: d for d in list_documents(records)}
        texts = [r[0] for r in records.db.execute("SELECT text FROM statements")]
    assert "nested.html" in docs and any("Deep text about care leavers" in t for t in texts)
    assert "utf16.txt" in docs and any("45% of care leavers" in t for t in texts)  # decoded, not mojibake
    if "real-cut-90.pdf" in docs:  # ../shared present: a council PDF cut at 90% keeps its pages, marked partial
        assert docs["real-cut-90.pdf"].status == "partial" and docs["real-cut-90.pdf"].pages == 9
        assert "9 of the 9 pages" in _lines(run)["real-cut-90.pdf"]


def test_a_very_large_page_count_is_read_in_bounded_memory(tmp_path: Path) -> None:
    many_pages_pdf(tmp_path / "many.pdf", 2000)
    with Records(tmp_path / "kb") as records:
        summary = ingest([tmp_path / "many.pdf"], records, workers=1)
    assert not summary.failures and summary.pages == 2000


def test_a_file_over_the_time_limit_fails_with_one_line(tmp_path: Path) -> None:
    many_pages_pdf(tmp_path / "slow.pdf", 20000)
    (tmp_path / "fine.txt").write_text("Children in care: 45% of care leavers were in education.\n")
    with Records(tmp_path / "kb") as records:
        summary = ingest([tmp_path], records, workers=1, limits=FileLimits(seconds=0.5))
    assert [f.source for f in summary.failures] == ["slow.pdf"]
    assert "longer than 0.5 s, the limit per file" in summary.failures[0].reason
    assert summary.files_read == 1


def test_a_time_limit_whose_signal_is_swallowed_still_fails_the_file() -> None:
    """A signal's exception raised inside a finaliser or a broad `except` is lost; the limit must not be."""
    with pytest.raises(TooSlow, match=r"longer than 0\.05 s"), time_limit(0.05, "slow.pdf"):
        end = time.monotonic() + 0.3
        while time.monotonic() < end:
            with contextlib.suppress(Exception):  # what a library's broad except does to the signal's exception
                time.sleep(0.01)
