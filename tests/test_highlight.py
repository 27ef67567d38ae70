"""The web page marks the words search matched, as `why.terms` names them."""

from scrutineer.web.present import highlight


def test_a_word_printed_with_a_hyphen_is_marked_as_searched() -> None:
    marked = str(highlight("Emotional well-being and wellbeing checks for children in care.", "wellbeing of children"))
    assert "<mark>well-being</mark>" in marked and "<mark>wellbeing</mark>" in marked
    assert "<script>" not in str(highlight("<script>wellbeing</script>", "wellbeing"))  # text is escaped first
