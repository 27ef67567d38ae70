"""An appendix is titled by the name and subject it prints, not by a table's total row above its first table."""

from __future__ import annotations

from conftest import need_shared

from ingest.metadata import _title_like
from ingest.reader import parse_file


def test_an_appendix_printing_its_name_atop_every_page_is_titled_by_it() -> None:
    path = need_shared() / "corpus" / "kent-council" / "Appendix I Budget Risk Register 22.01.25.pdf"
    meta = parse_file(path).documents[0].meta
    assert (meta.title, meta.doc_type.value) == ("Appendix I: Budget Risks Register 2025-26", "appendix")


def test_a_total_row_is_no_title() -> None:
    assert not _title_like("TOTAL £m 334.7 290.0", None)
    assert _title_like("Appendix I: Budget Risks Register 2025-26", None)
    assert _title_like("Children's Services Performance 2024-25", None)


def test_an_appendix_whose_name_repeats_atop_each_page_is_one_part_titled_by_it() -> None:
    """Kent's Appendix F prints "APPENDIX F: 2025-28 BUDGET - SAVINGS" atop each of its eight savings pages: one part,
    not eight; and a subject opening with a figure ("2025-28 ...") still names the part."""
    path = need_shared() / "corpus" / "kent-council" / "Appendix F List of Budget Templates.pdf"
    parts = [(d.meta.title, d.page_start, d.page_end) for d in parse_file(path).documents[1:]]
    assert ("APPENDIX F: 2025-28 BUDGET - SPENDING", 1, 12) in parts  # the first part's name is its pages' running line
    assert ("APPENDIX F: 2025-28 BUDGET - SAVINGS", 13, 20) in parts
    assert ("APPENDIX F: 2025-28 BUDGET - RESERVES", 21, 25) in parts
    assert len(parts) == 3
    assert _title_like("Appendix 2: 2024-25 outturn by service", None)


def test_a_paper_that_is_all_tables_is_titled_by_its_caption_row() -> None:
    path = need_shared() / "corpus" / "kent-council" / "Appendix A Capital Investment Summary.pdf"
    meta = parse_file(path).documents[0].meta
    assert (meta.title, meta.doc_type.value) == ("APPENDIX A - CAPITAL INVESTMENT SUMMARY 2025-26 TO 2034-35", "appendix")
