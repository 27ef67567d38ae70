"""A paper's period comes from its title or from opening sentences about what it covers, not from a month that dates
something it cites (guidance, a decision, a spending review): that month became every undated figure's period."""

from __future__ import annotations

from datetime import date

from ingest.metadata import infer
from ingest.models import Block, BlockKind


def _paper(title: str, *opening: str) -> list[Block]:
    return [Block(text=title, page=1, kind=BlockKind.HEADING, bold=True, font_size=16.0),
            *(Block(text=t, page=1, font_size=11.0) for t in opening)]


def test_a_month_that_dates_what_the_paper_cites_is_not_its_period() -> None:
    for opening in (
        "1.1 This investment strategy meets the statutory guidance issued by the government in January 2018.",
        "1.2 CIPFA issued Bulletin No.99, Guidance Note on Local Authority Reserves and Balances in July 2014.",
        "The Integrated Care Strategy Delivery Plan was endorsed by Cabinet in July 2024.",
        "Risks include further borrowing and tax rises in the June 2025 Spending Review.",
        "The fiscal rules require day to day spending to be brought into balance by 2029-30.",
        "The new homes are to be open by the end of March 2026.",
    ):
        meta = infer(_paper("Reserves Policy", opening))
        assert meta.period_end is None, opening


def test_a_month_the_paper_reports_on_is_its_period() -> None:
    meta = infer(_paper("Service update", "This report sets out performance in July 2024 against each target."))
    assert meta.period_end == date(2024, 7, 31)
    meta = infer(_paper("Cared for Children Scorecard August 2025", "The scorecard below."))
    assert meta.period_end == date(2025, 8, 31)
    meta = infer(_paper("Investment Strategy", "The guidance was issued in January 2018.",
                        "This strategy covers 2025/26."))
    assert meta.period_label == "2025/26"
