"""The gazetteer's trie pattern finds what a plain longest-first alternation of the names finds."""

from __future__ import annotations

import re

from ingest.authorities import gazetteer


def test_trie_pattern_matches_the_plain_alternation():
    g = gazetteer()
    names = sorted(g.by_alias, key=len, reverse=True)
    plain = re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w&])")
    text = ("Kent County Council and Kent's partners met Royal Borough of Kensington and Chelsea officers; Medway "
            "Council, Kentish Town, Brighton and Hove City Council, Hove, North Yorkshire Council and Yorkshire. "
            "Cheshire East Council (CEC) and Cheshire West and Chester; Bristol, City of Bristol; KCC.")
    found = [(m.start(), m.group(0)) for m in g.pattern.finditer(text)]
    assert found == [(m.start(), m.group(0)) for m in plain.finditer(text)]
    assert (0, "Kent County Council") in found and not any(name == "Kentish" for _, name in found)


def test_resolve_is_the_first_alias_of_any_case():
    g = gazetteer()

    def scanned(name: str):  # what resolve did before its lower-case index: the first alias equal in any case
        return next((a for alias, a in g.by_alias.items() if alias.lower() == name.strip().lower()), None)

    names = [*g.by_alias, *(n.upper() for n in g.by_alias), "  kent county council ", "Kentish Town", ""]
    assert all(g.resolve(n) == scanned(n) for n in names)
    assert g.resolve(" KENT COUNTY COUNCIL").name == "Kent County Council"
