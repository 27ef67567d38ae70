"""The CLI as a user runs it: exit codes, JSON contract, and the README documenting every command."""

import json

from conftest import CORPUS, ROOT
from typer.testing import CliRunner

from scrutineer.cli import app

runner = CliRunner()


def test_ingest_documents_show(tmp_path):
    (tmp_path / "bad.pdf").write_bytes(b"")
    kb = str(tmp_path / "kb")
    paper = str(CORPUS / "wexcombe-scorecard-q2-2024-25.pdf")
    result = runner.invoke(app, ["ingest", paper, str(tmp_path / "bad.pdf"), "--kb", kb])
    assert result.exit_code == 1
    assert "bad.pdf: empty file (0 bytes)" in result.output
    docs = json.loads(runner.invoke(app, ["documents", "--kb", kb, "--format", "json"]).stdout)
    assert docs[0]["authority"] == "Wexcombe County Council" and docs[0]["committee"] == "Children in Care Panel"
    assert {"source", "sha256", "meeting_date", "doc_type", "period_start", "parent_id", "status"} <= set(docs[0])
    shown = runner.invoke(app, ["show", "wexcombe-scorecard-q2-2024-25.pdf", "--kb", kb])
    assert shown.exit_code == 0 and "3 Briefing Information" in shown.stdout


def test_usage_errors_exit_2(tmp_path):
    assert runner.invoke(app, ["documents", "--kb", str(tmp_path / "none")]).exit_code == 2
    assert runner.invoke(app, ["ingest", str(tmp_path / "missing.pdf")]).exit_code == 2


def test_readme_documents_every_command():
    readme = (ROOT / "README.md").read_text()
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"scrutineer {name}" in readme, name
        assert command.callback.__doc__, name


def test_text_from_papers_is_printed_as_written_not_as_markup(tmp_path, monkeypatch):
    """Square brackets in a file name or a paper ("[draft]", "[/]", "[note 1]") are text, not terminal styles."""
    monkeypatch.setenv("SCRUTINEER_EMBED", "false")
    paper = tmp_path / "report [draft].txt"
    paper.write_text("Children in care [note 1]\n\nThe panel met [/] weekly and reviewed 42 placements [bold]x.\n")
    (tmp_path / "notes [v2].pdf").write_bytes(b"")
    kb = str(tmp_path / "kb")
    result = runner.invoke(app, ["ingest", str(paper), str(tmp_path / "notes [v2].pdf"), "--kb", kb])
    assert result.exit_code == 1
    assert "notes [v2].pdf: empty file (0 bytes)" in result.output
    listed = runner.invoke(app, ["documents", "--kb", kb])
    assert listed.exit_code == 0 and "report [draft].txt" in listed.stdout.replace("\n", "")
    shown = runner.invoke(app, ["show", "report [draft].txt", "--kb", kb])
    assert shown.exit_code == 0, shown.output
    assert "met [/] weekly" in shown.stdout and "[bold]x." in shown.stdout
    missing = runner.invoke(app, ["documents", "--kb", str(tmp_path / "none [x]")])
    assert missing.exit_code == 2 and "none [x]" in missing.output
