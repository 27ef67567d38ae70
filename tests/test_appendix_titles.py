"""An appendix is titled by the name and subject it prints, not by a table's total row above its first table."""

from __future__ import annotations

from conftest import need_shared

from ingest.metadata import _title_like
from ingest.reader import parse_file


def test_an_appendix_printing_its_name_atop_every_page_is_titled_by_it() -> None:
    path = need_shared() / "corpus" / "kent-council" / "Appendix I Budget Risk Register 22.01.25.pdf"
    assert parse_file(path).documents[0].meta.title == "Appendix I: Budget Risks Register 2025-26"


def test_a_total_row_is_no_title() -> None:
    assert not _title_like("TOTAL £m 334.7 290.0", None)
    assert _title_like("Appendix I: Budget Risks Register 2025-26", None)
    assert _title_like("Children's Services Performance 2024-25", None)
