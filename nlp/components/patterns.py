"""Token patterns for the metric components, kept as data in `nlp/data/metric_patterns.yaml`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "metric_patterns.yaml"


@cache
def spec() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def expand(pattern: list[Any]) -> list[dict]:
    """A pattern with "$NAME" placeholders replaced by the named token specs."""
    tokens = spec()["tokens"]
    return [dict(tokens[p[1:]]) if isinstance(p, str) and p.startswith("$") else p for p in pattern]


def patterns(section: str) -> dict[str, list[list[dict]]]:
    """Each label of a section ("units", "periods") with its expanded Matcher patterns."""
    return {label: [expand(p) for p in group] for label, group in spec()[section].items()}
