"""A paper's title names its subject: "Appendix O" alone names none (the line under it does), and a table's row or
header ("Core 12,081.8 12,666.9 ...", "Lac 1 Lac 2 ...") is no title."""

from __future__ import annotations

from ingest.metadata import infer
from ingest.models import Block, BlockKind


def _heading(text: str) -> Block:
    return Block(text=text, page=1, kind=BlockKind.HEADING, bold=True, font_size=14.0)


def test_a_bare_appendix_heading_takes_the_subject_under_it() -> None:
    meta = infer([_heading("Appendix O"), _heading("Annual Minimum Revenue Provision (MRP) Statement"),
                  Block(text="The Council is required to set aside an amount each year.", page=1)])
    assert meta.title == "Appendix O: Annual Minimum Revenue Provision (MRP) Statement"
    meta = infer([_heading("Appendix 3 Children's Services Performance"), Block(text="The table below.", page=1)])
    assert meta.title == "Appendix 3 Children's Services Performance"


def test_a_table_row_or_header_is_no_title() -> None:
    for row in ("Core 12,081.8 12,666.9 7,541.9 External -20,766.2", "Lac 1 Lac 2 Lac 3 Lac 4 Lac 5 Lac 6",
                "Prior Year savings rolling forward for delivery in 25-26 * 0.0 0.0 0.0"):
        meta = infer([Block(text=row, page=1, font_size=16.0), _heading("Children looked after rate, per 10,000"),
                      Block(text="West Sussex compared with its statistical neighbours.", page=1)])
        assert meta.title == "Children looked after rate, per 10,000", row


def test_a_labelled_subject_that_wraps_runs_on_into_the_next_block() -> None:
    """Kent's "Subject:" column wraps the title: a value stopping on "of" or a dash goes on; "Summary:" does not join."""
    meta = infer([Block(text="To: Cabinet - 4 March 2025", page=1),
                  Block(text="Subject: Cabinet reconsideration of Decision 24/00093 - Future of", page=1),
                  Block(text="Commissioned Services at Seashells and Millmead Family Hubs", page=1, bold=True),
                  Block(text="Summary: Following the Scrutiny Committee's referral of this decision.", page=1)])
    assert meta.title == ("Cabinet reconsideration of Decision 24/00093 - Future of Commissioned Services at Seashells "
                          "and Millmead Family Hubs")
    meta = infer([Block(text="Subject: Budget 2025-26", page=1), Block(text="The Council must set a budget.", page=1)])
    assert meta.title == "Budget 2025-26"
