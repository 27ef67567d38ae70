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
from nlp.models import Flag, Metric, Unit
from nlp.outside_rows import flag_outside
from nlp.taxonomy import load_taxonomy
from nlp.values import find_values
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
    assert not any("Children" in label for label in flagged)
    assert len(flagged) > 2 * len(kept)
    assert any("Streetlight" in label for label in flagged)  # "Adoption of new streetlights": a road's, not a child's
    # the children's directorate's lines for adults aged 18-25 are adult social care's
    assert any(label.startswith("Prices CYPE Sue Chandler Adult Social Care") for label in flagged)


def _sentence(text: str, section: list[str] | None = None) -> dict[str, bool]:
    """Each figure of `text`, read as a sentence of a paper about council business: kept as children's or not."""
    metrics = [Metric(label=v.text, value=v.value, unit=v.unit, page=1, quote=text, section_path=section or [])
               for v in find_values(text, [])]
    return {m.label: OUTSIDE not in m.flags for m in flag_outside(metrics)}


def test_a_list_sentence_s_figures_are_read_by_their_own_words() -> None:
    assert _sentence("The main capital projects for 2025-26 include: investments in highways and other transport "
                     "improvements (£76m), highways, structures & waste enhancement (£71m), additional school places "
                     "to increase capacity (£66m), other school projects (£31m), council premises (£26m) and adults, "
                     "social care and health (£1m).") == \
        {"£76m": False, "£71m": False, "£66m": True, "£31m": True, "£26m": False, "£1m": False}
    assert _sentence("The total usable revenue reserves were £357.6m (30.3% of net revenue outturn), comprising of "
                     "£43.0m general reserve, £297.6m earmarked reserves (including £36.2m which will offset the "
                     "Dedicated Schools Grant (DSG) deficit), and £17.0m public health reserve.") == \
        {"£357.6m": False, "30.3%": False, "£43.0m": False, "£297.6m": False, "£36.2m": True, "£17.0m": False}
    # adults' services named beside the figure: the adults'
    assert _sentence("In total these passporting amounts are £40.6m into adults services and £6.2m into "
                     "children's.") == {"£40.6m": False, "£6.2m": True}
    assert _sentence("In total these passporting amounts are £6.2m into children's and £40.6m into adults "
                     "services.") == {"£6.2m": True, "£40.6m": False}  # in either order
    assert _sentence("Adult social care (£40m) and Children, Young People and Education (£30m).") == \
        {"£40m": False, "£30m": True}
    assert _sentence("Total for CYPE: £30m (of which 18-25 adults: £5m).") == {"£30m": True, "£5m": False}
    assert _sentence("The council spent £5m on highways. Children's social care remains the main pressure.") == \
        {"£5m": False}  # the next sentence is not the figure's
    assert _sentence("The mental health contract for adults and CYP is £3m.") == {"£3m": True}  # CYP: children


def test_a_figure_shares_the_words_of_the_one_it_pairs_with_or_the_bracket_it_stands_in() -> None:
    assert _sentence("Total spending on SEND has doubled from £4.6bn in 2017-18 to £9.0bn in 2022-23.") == \
        {"£4.6bn": True, "£9.0bn": True}
    assert _sentence("The net growth in spending on children's social care is £76.8m (+9.1%) compared to growth for "
                     "the whole council of £71.9m.") == {"£76.8m": True, "9.1%": True, "£71.9m": False}
    assert _sentence("Budget estimates for non-disabled children were robust with only a small variance (less than "
                     "0.1% variance on a budget of over £100m).") == {"0.1%": True, "£100m": True}
    assert _sentence("+£2.7m relates to pressures across Gravesham Place, Broadmeadow, and Westview short break "
                     "units.") == {"£2.7m": True}  # the words after the only figure are all its own
    # a heading naming children's services keeps a figure its sentence does not place
    assert _sentence("Funding for 2025-26 is £22.8m (7%).", ["Schools' Funding"]) == {"£22.8m": True, "7%": True}
    assert _sentence("Funding for 2025-26 is £22.8m (7%).") == {"£22.8m": False, "7%": False}


def test_a_row_names_children_in_their_own_sense() -> None:
    assert names_children("CYPE | Looked After Children | -£1.5m") and names_children("Family Hubs grant (£1.1m)")
    assert not names_children("Adoption of new streetlights at new housing developments | +£0.3m")
    assert not names_children("ASCH | Market Sustainability | the cost of residential and nursing placements")
    assert not names_children("a forecast revenue overspend of £23.3m (excluding schools)")
    assert not names_children("financial assets (but not physical assets such as schools, hospitals)")
    assert names_children("complaints relating to SEN") and not names_children("as Amartya Sen wrote")
    assert names_children("services including but not limited to children's centres")
    assert names_children("Savings other than staffing | Looked After Children placements | -1,200")
    assert names_children("the Health Visiting Service delivered 17,051 mandated reviews")  # children under five
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


def test_a_risk_registers_row_is_read_by_its_name_and_the_first_sentence_of_its_description() -> None:
    """The Net Zero risk's description ends on the council's schools, which does not make it a children's figure; the
    looked after children's placements risk names them first."""
    flagged, kept = _split(need_shared() / "corpus" / "kent-council" / "Appendix I Budget Risk Register 22.01.25.pdf")
    assert any(label.startswith("Changing Government focus on funding to support the Net Zero") for label in flagged)
    assert not any("Net Zero" in label for label in kept)
    assert any("Availability of suitable placements for looked after children" in label for label in kept)
    assert any(label.startswith("CYPE High Needs Spending") for label in kept)
