"""A bound printed on the authority's own figure ("consistently over 90%") is a threshold, not the figure."""

from __future__ import annotations

from datetime import date

from nlp.models import DocumentContext
from nlp.prose import StatementIn, metrics_from_statements
from nlp.taxonomy import load_taxonomy

CTX = DocumentContext(authority="Northmoor Borough Council", period_start=date(2008, 9, 1),
                      period_end=date(2008, 9, 30), period_label="September 2008")


def _rows(*sentences: str) -> dict[float, tuple[str, str]]:
    statements = [StatementIn(i, s, 1, ("Health of children looked after",)) for i, s in enumerate(sentences)]
    return {m.value: (m.indicator, m.basis.value) for m in metrics_from_statements(statements, CTX, load_taxonomy())}


def test_a_threshold_the_figures_cleared_is_not_a_figure_of_any_year() -> None:
    rows = _rows(
        "Apart from a very low level in 2000 the rate of dental checks for looked after children has been "
        "consistently over 91%.",
        "In four out of the eight years presented here the share of children looked after with up-to-date "
        "immunisations exceeded 95%.",
        "Children looked after are given a certificate where their school attendance is above 98%.",
        "The proportion of care leavers not in education, employment or training has stayed below 30% since 2019.")
    assert {v: i for v, (i, _) in rows.items()} == {91: "", 95: "", 98: "", 30: ""}


def test_the_figure_itself_and_a_target_bound_stay_mapped() -> None:
    rows = _rows("The share of children looked after who had a dental check was 92% in 2007.",
                 "The target is above 96% of children looked after with up-to-date immunisations.")
    assert rows[92] == ("cla_dental_check_percent", "actual")
    assert rows[96] == ("cla_immunisations_percent", "target")
