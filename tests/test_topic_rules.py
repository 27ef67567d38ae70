"""A KB remembers which topic rules tagged its statements, and a search on one tagged by older rules says so."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from nlp.models import TOPICS_VERSION
from nlp.pipeline import build_extractor
from scrutineer.cli import app
from scrutineer.pipeline import ingest
from scrutineer.reextract import reextract
from scrutineer.web.app import create_app
from store.records import Records

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FILES = [CORPUS / "northmoor-scorecard-q2-2024-25.pdf", CORPUS / "northmoor-minutes-2024-12.pdf"]


def test_older_topic_rules_are_named_until_reextract(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SCRUTINEER_EMBED", "false")  # keyword search: the warning is the KB's, not the index's
    kb = tmp_path / "kb"
    with Records(kb) as records:
        ingest(FILES[:1], records, workers=1)
        assert records.topic_rules() == TOPICS_VERSION  # one ingest into an empty KB tagged every statement
        records.db.execute("UPDATE meta SET value = '0' WHERE key = 'topic_rules'")  # as rules older than these
        records.db.commit()
        ingest(FILES[1:], records, workers=1)
        assert records.topic_rules() == "0"  # the first paper's statements keep their older tags
    stale = CliRunner().invoke(app, ["search", "foster carers", "--kb", str(kb), "--format", "json"])
    assert stale.exit_code == 0
    assert f"tagged by older rules (version 0, now {TOPICS_VERSION})" in " ".join(stale.stderr.split())
    with TestClient(create_app(kb)) as web:
        page = web.get("/", params={"q": "foster carers"})
        assert page.status_code == 200 and 'id="older-rules"' in page.text
    with Records(kb) as records:
        reextract(records, build_extractor())
        assert records.topic_rules() == TOPICS_VERSION
    fresh = CliRunner().invoke(app, ["search", "foster carers", "--kb", str(kb), "--format", "json"])
    assert fresh.exit_code == 0 and "older rules" not in fresh.stderr
    with TestClient(create_app(kb)) as web:
        assert 'id="older-rules"' not in web.get("/", params={"q": "foster carers"}).text


def test_a_kb_that_never_recorded_its_rules_is_not_warned(tmp_path: Path) -> None:
    with Records(tmp_path / "kb") as records:
        assert records.topic_rules() is None and records.is_empty()
