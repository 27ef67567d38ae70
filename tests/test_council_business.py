"""A budget book's or a treasury strategy's figures are council business: `scrutineer metrics` leaves out, unless asked,
the unmapped ones that name no child, and keeps every figure of a paper about children's services."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from conftest import need_shared
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from ingest.reader import parse_file
from nlp.domain import about_children, document_domain, names_children, outside_children
from nlp.extract import extract_metrics
from nlp.models import Flag, Unit
from nlp.taxonomy import load_taxonomy
from scrutineer.cli import app
from scrutineer.web.app import create_app
from store.records import Records

OUTSIDE = Flag.OUTSIDE_CHILDRENS_SERVICES
BUDGET = ["The council's net revenue budget for 2025-26 is £1.5bn.", "Council tax will rise by 4.99%.",
          "Borrowing costs are forecast to rise with interest rates.", "Highways maintenance is funded from capital."]


def _split(path: Path) -> tuple[set[str], set[str]]:
    """Labels of the figures flagged as council business, and of the figures kept."""
    metrics = [m for d in parse_file(path).documents for m in extract_metrics(d, load_taxonomy())]
    return {m.label for m in metrics if OUTSIDE in m.flags}, {m.label for m in metrics if OUTSIDE not in m.flags}


def test_a_paper_on_the_economy_is_council_business_but_its_figures_naming_children_are_kept() -> None:
    flagged, kept = _split(need_shared() / "corpus" / "kent-council" / "Appendix K - Economic and Fiscal Context.pdf")
    assert len(flagged) > 40 and any("CPI" in label or "inflation" in label for label in flagged)
    assert any("DSG deficits" in label for label in kept)
    assert any("SEND" in label for label in kept)


def test_a_budget_book_s_lines_for_children_s_services_are_kept() -> None:
    flagged, kept = _split(need_shared() / "corpus" / "kent-council" / "Appendix F List of Budget Templates.pdf")
    assert any("Looked After Children" in label for label in kept)
    assert any("Home to School transport" in label for label in kept)
    assert not any("CYPE" in label or "Children" in label for label in flagged)
    assert len(flagged) > 2 * len(kept)
    assert any("Streetlight" in label for label in flagged)  # "Adoption of new streetlights": a road's, not a child's


def test_a_row_names_children_in_their_own_sense() -> None:
    assert names_children("CYPE | Looked After Children | -£1.5m") and names_children("Family Hubs grant (£1.1m)")
    assert not names_children("Adoption of new streetlights at new housing developments | +£0.3m")
    assert not names_children("ASCH | Market Sustainability | the cost of residential and nursing placements")
    assert not names_children("a forecast revenue overspend of £23.3m (excluding schools)")
    assert about_children("Adoption of new streetlights")  # still counts towards a paper's share


def test_an_inspection_report_flags_nothing() -> None:
    folder = need_shared() / "corpus" / "ofsted-ilacs"
    flagged, kept = _split(next(iter(sorted(folder.glob("*.pdf")))))
    assert kept and not flagged


def test_what_makes_a_paper_council_business() -> None:
    def outside(title: str, sentences: list[str], rows: list[str]) -> bool:
        return outside_children(title, sentences, rows, document_domain(sentences))

    budget = BUDGET * 6
    assert outside("Draft Revenue Budget 2025-26", budget, [])
    assert not outside("Children's Services Revenue Budget 2025-26", budget, [])  # its title says
    assert not outside("Draft Revenue Budget 2025-26", BUDGET, [])  # too short to tell
    assert outside("Capital Programme", BUDGET[:1], ["Highways | 12.0", "Libraries | 3.1"] * 10)  # all tables
    in_care = ["Children in care are visited on time.", "Care leavers have pathway plans."]
    assert not outside("Quarterly report", budget[:16] + in_care * 4, [])  # a third name them


def _one_flagged(corpus_kb: Path, tmp_path: Path) -> tuple[Path, int, int]:
    """A copy of the sample KB with one unmapped row flagged as council business; its row counts."""
    kb = tmp_path / "kb"
    shutil.copytree(corpus_kb, kb)
    with Records(kb) as records, records.transaction() as db:
        db.execute("UPDATE metrics SET flags = ? WHERE id = (SELECT min(id) FROM metrics WHERE indicator = '')",
                   (f'["unmapped", "{OUTSIDE.value}"]',))
        total, unmapped = db.execute("SELECT count(*), sum(indicator = '') FROM metrics").fetchone()
    return kb, total, unmapped


def test_metrics_leaves_out_council_business_unless_asked_and_says_how_many(corpus_kb: Path, tmp_path: Path) -> None:
    kb, total, unmapped = _one_flagged(corpus_kb, tmp_path)
    runner = CliRunner()

    def lines(*only: str) -> tuple[int, str]:
        result = runner.invoke(app, ["metrics", "--kb", str(kb), "--format", "csv", *only])
        assert result.exit_code == 0
        return result.stdout.count("\n") - 1, result.stderr

    assert lines() == (total - 1, "left out 1 figure of papers on other council business that name no child: "
                                  "--only all shows them\n")
    assert lines("--only", "all") == (total, "")
    assert lines("--only", "unmapped")[0] == unmapped - 1
    assert lines("--only", "mapped")[0] == total - unmapped


def test_the_metrics_page_says_what_it_left_out_and_links_to_all(corpus_kb: Path, tmp_path: Path) -> None:
    kb, total, _ = _one_flagged(corpus_kb, tmp_path)
    with TestClient(create_app(kb)) as client:
        page = client.get("/metrics").text
        assert f"{total - 1} values" in page and 'id="left-out"' in page and "1 figure of papers" in page
        link = re.search(r'<a href="(/metrics\?only=all)">show all</a>', page)
        assert link is not None
        everything = client.get(html.unescape(link.group(1))).text
        assert f"{total} values" in everything and 'id="left-out"' not in everything
        assert 'id="left-out"' not in client.get("/metrics", params={"only": "mapped"}).text


def test_a_budget_book_s_zero_cells_are_no_figures() -> None:
    """The budget-change templates print a one-off saving as "-1,117 | 0.0 | 0.0": the 0.0s mean no further change,
    not a budget of £0 for those years."""
    path = need_shared() / "corpus" / "kent-council" / "Appendix F List of Budget Templates.pdf"
    metrics = [m for d in parse_file(path).documents for m in extract_metrics(d, load_taxonomy())]
    assert not any(m.from_table and m.unit is Unit.GBP and m.value == 0 for m in metrics)
    assert any(m.value < 0 and "Looked After Children" in m.label for m in metrics)  # the saving itself is kept
