"""What a statement hangs from: the lead-in of its list, or the paragraph it goes on from.

"At 31 March, 300 children were looked after." then "- 18 (or 6%) live in residential children's homes": the
item's lead-in names the cohort. "This is an increase from 331 at 31 March 2014" goes on from the sentences
before it, which name the whole measure. A sentence that says something of its own ("Absence fell to 6.2%")
may take only the cohort from the sentence before it (its paragraph), never the measure.
"""

from __future__ import annotations

from nlp.evidence import Place

_RUN = 3  # statements a continuation may reach back through


class LeadIns:
    def __init__(self) -> None:
        self._path: tuple[str, ...] | None = None
        self._list_lead = ""
        self._run: list[str] = []

    def places(self, section_path: tuple[str, ...], is_list_item: bool, continues: bool) -> list[Place]:
        if section_path != self._path or not self._run:
            return []
        if continues:  # "- At 31 March, 190 children were the subject of a plan. This is an increase from 103 ..."
            return [Place("lead-in", " ".join(self._run[-_RUN:]))]
        if is_list_item:
            return [Place("lead-in", self._list_lead)] if self._list_lead else []
        return [Place("paragraph", self._run[-1])]

    def step(self, text: str, section_path: tuple[str, ...], is_list_item: bool, continues: bool) -> None:
        if section_path != self._path:
            self._path, self._list_lead, self._run = section_path, "", []
        if not is_list_item:
            self._list_lead = text
        self._run = [*(self._run if continues else []), text]
