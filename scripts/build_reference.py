"""Rebuild the project's reference data files from ../shared/reference.

The council list (names, aliases, codes, regions), statistical neighbours and
the indicator facts (ids, titles, units, polarity, LAIT codes, England values)
are public facts; the project keeps its own copy so it runs without ../shared.
Definitions are composed here from those facts; the matching rules for
committee-paper language are written by hand in nlp/data/cues.yaml.
Run: python scripts/build_reference.py [path/to/shared/reference]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent.parent
DATA = HERE / "ingest" / "data"
NLP_DATA = HERE / "nlp" / "data"
_UNIT_WORDS = {
    "percent": "a percentage", "count": "a number", "rate_per_10000": "a rate per 10,000 children",
    "days": "an average in days", "months": "an average in months", "score": "an average score",
    "fte": "full-time equivalent posts", "ratio": "cases per worker", "gbp": "pounds sterling",
}


def _definition(ind: dict) -> str:
    basis = ind.get("period_basis") or "as the council reports it"
    return f"{ind['title'].rstrip('. ')}, reported as {_UNIT_WORDS[ind['unit']]} ({basis})."


# Counts of children, carers or posts in a state on a day, whose reference entry gives no period basis: the project's
# reading of their titles ("Children placed with independent fostering agency foster carers", "Approved fostering
# households"). Counts of events over a time (contacts, children with three or more placements in 12 months, children
# missing five or more times) and the care leaver measures the DfE reads around each birthday are not among them.
_ON_A_DAY = frozenset({
    "placements_in_house_foster_count", "placements_ifa_count", "placements_connected_carers_count",
    "placements_residential_count", "placements_out_of_area_count", "placed_with_parents_count",
    "in_house_foster_or_family_percent", "cpp_2_years_plus_count", "care_proceedings_count",
    "fostering_households_count", "staying_put_count", "care_leavers_emergency_accommodation_count",
    "care_leavers_apprenticeships_count", "sw_vacancies_count", "sw_agency_count",
})


def _timing(ind: dict) -> str | None:
    """A count on a day ("snapshot on 31 March") or a year's events; a basis naming both ("year ending / snapshot at
    30 September": the workforce return) says neither."""
    basis = ind.get("period_basis") or ""
    if basis.startswith("snapshot") or (not basis and ind["id"] in _ON_A_DAY):
        return "snapshot"
    return None if not basis or "snapshot" in basis else "period"


def build_indicators(reference: Path) -> None:
    data = yaml.safe_load((reference / "indicators.yaml").read_text(encoding="utf-8"))
    out = []
    for ind in data["indicators"]:
        lait = (ind.get("source") or {}).get("lait") or {}
        england = {str(e["year"]): e["value"] for e in ind.get("england") or []
                   if "also_source" in e or e["source"] == "lait_bds"}
        out.append({
            "id": ind["id"], "title": ind["title"], "domain": ind["domain"], "unit": ind["unit"],
            "polarity": ind.get("polarity") or "neutral", "lait_code": str(lait.get("measure_code") or ""),
            "definition": _definition(ind), "england": england,
            **({"timing": t} if (t := _timing(ind)) else {}),
        })
    out += _project_added({i["id"] for i in out})
    header = "# Indicator facts built by scripts/build_reference.py; matching rules live in cues.yaml.\n"
    text = yaml.safe_dump({"indicators": out}, sort_keys=False, allow_unicode=True, width=120)
    (NLP_DATA / "indicators.yaml").write_text(header + text, encoding="utf-8")
    print(f"{len(out)} indicators written to {NLP_DATA / 'indicators.yaml'}")


def _project_added(reference_ids: set[str]) -> list[dict]:
    """Indicators the project adds (Ofsted judgements): kept when the reference facts are rebuilt."""
    path = NLP_DATA / "indicators.yaml"
    if not path.exists():
        return []
    current = yaml.safe_load(path.read_text(encoding="utf-8"))["indicators"]
    return [i for i in current if i["id"] not in reference_ids]


def build(reference: Path) -> None:
    with open(reference / "local_authorities.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    fields = ["name", "short_name", "aliases", "gss_code", "dfe_la_code", "region", "nation", "type"]
    with open(DATA / "authorities.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        for r in sorted(rows, key=lambda r: r["name"]):
            w.writerow({k: r[k] for k in fields})
    with open(reference / "statistical_neighbours.csv", newline="", encoding="utf-8") as f:
        sn = list(csv.DictReader(f))
    with open(DATA / "statistical_neighbours.csv", "w", newline="", encoding="utf-8") as f:
        cols = ["dfe_la_code", "la_short_name", "rank", "neighbour_dfe_la_code", "neighbour_short_name"]
        w = csv.DictWriter(f, fieldnames=cols)
        w.writeheader()
        for r in sn:
            w.writerow({k: r[k] for k in cols})
    print(f"{len(rows)} authorities, {len(sn)} neighbour rows written to {DATA}")
    build_indicators(reference)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "shared" / "reference")
