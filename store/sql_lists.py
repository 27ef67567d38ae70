"""A list of values bound as one SQL parameter (a JSON array read by `json_each`), not one `?` per value: a long
answer's candidates, or a large folder's files, would otherwise pass the 32,766 variables of a standard SQLite build
(some builds allow fewer)."""

from __future__ import annotations

import json
from collections.abc import Iterable

MEMBERS = "SELECT value FROM json_each(?)"  # use as `column IN (MEMBERS)` with `as_json(values)` bound to it


def as_json(values: Iterable[int | str]) -> str:
    return json.dumps(list(values))
