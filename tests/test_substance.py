"""The substance prior: lines that say something outrank lines that only name or head it."""

from scrutineer.search import _substance


def test_a_line_naming_a_report_ranks_below_a_sentence_from_it() -> None:
    sentence = ("We know we need to improve transition between children's services and adult services for young people "
                "with disabilities.")
    for line in ("Corporate Parenting Update and Scorecard (Pages 51 - 60)",
                 "Subject: Transfer the 18-25 section of the Strengthening Independence Service",
                 "Report Title: Cared For Children and Care Leaver's Q2 score card 2024/25"):
        assert _substance(line) < _substance(sentence) == 1.0
    assert _substance("Subject: English Devolution White Paper") < 0.6  # a short title keeps its lower weight
    assert _substance("Subject to approval, the home will open in May, registered with Ofsted for four children aged 8 "
                      "to 17.") == 1.0
