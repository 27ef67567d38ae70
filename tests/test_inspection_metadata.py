"""An inspectorate's report is presented to no committee and has no author but Ofsted and its inspector: the older
framework's "Review of the effectiveness of the Local Safeguarding Children Board" made the board its committee, and
a sentence opening "From the latter part of 2014, ..." its author."""

from __future__ import annotations

from pathlib import Path

from conftest import need_shared

from ingest.metadata import _LABEL
from ingest.reader import parse_file


def test_an_older_inspection_report_has_no_committee_and_ofsted_as_author() -> None:
    folder = need_shared() / "corpus" / "ofsted-ilacs"
    for name in ("80521_manchester_children_s_services_inspection_-_03_september_2014.pdf",
                 "80506_lambeth_children_s_services_inspection_-_12_may_2015.pdf"):
        meta = parse_file(Path(folder / name)).documents[0].meta
        assert (meta.committee, meta.author, meta.doc_type.value) == (None, "Ofsted", "inspection_report"), name


def test_by_or_from_without_a_colon_labels_an_author_only_before_a_name() -> None:
    author = _LABEL["author"]
    assert author.match("From the latter part of 2014, leaders and managers have improved") is None
    assert author.match("By the end of 2025 every child will have a plan") is None
    assert author.match("From September 2024, inspections will change") is None
    assert author.match("From Caroline Walsh, His Majesty's Inspector").group(1) == "Caroline Walsh, His Majesty's Inspector"
    assert author.match("From: Jane Doe").group(1) == "Jane Doe"
