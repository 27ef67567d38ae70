"""Contracts of the nlp layer: metrics and entities found in a document's statements and tables."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from ingest.models import Strict

# The version of the extraction rules, raised when they change (nlp/extract.py), so rows from older rules show it
# (`scrutineer reextract`). Kept here, with the contracts, so the store records it without loading the rules.
EXTRACTOR_VERSION = "55"
# The version of the rules that tag statements with topics (nlp/topics.py), raised when they change: a KB tagged by
# older rules says so at search time, as its topics (and so its search) lag until `scrutineer reextract`.
TOPICS_VERSION = "16"


class Unit(StrEnum):
    PERCENT = "percent"
    COUNT = "count"
    RATE = "rate_per_10000"
    DAYS = "days"
    MONTHS = "months"
    SCORE = "score"
    FTE = "fte"
    RATIO = "ratio"
    GBP = "gbp"
    GRADE = "grade"  # an Ofsted judgement: 1 Outstanding, 2 Good, 3 Requires improvement, 4 Inadequate


class Basis(StrEnum):
    ACTUAL = "actual"
    TARGET = "target"
    NATIONAL = "national"
    STATISTICAL_NEIGHBOURS = "statistical_neighbours"
    REGIONAL = "regional"
    FLOOR = "floor"


class Polarity(StrEnum):
    HIGHER = "higher_is_better"
    LOWER = "lower_is_better"
    NEUTRAL = "neutral"


class Timing(StrEnum):
    """When a measure is taken: a count of children on a day, or what happened over a year."""

    SNAPSHOT = "snapshot"
    PERIOD = "period"


class Flag(StrEnum):
    UNIT_MISMATCH = "unit_mismatch"
    OVER_100_PERCENT = "percent_over_100"
    UNMAPPED = "unmapped"
    OCR = "ocr"  # read from a page with OCR: check the figure against the page
    # an unmapped figure naming no child, in a paper about other council business: left out unless asked for
    OUTSIDE_CHILDRENS_SERVICES = "outside_childrens_services"
    # the authority's figure printed as a limit ("over 40 cases each", "up to 30 young people", "more than 90%"): the
    # value is the bound, not the level
    BOUND = "bound"


class Confidence(StrEnum):
    """How far a row's own words carry its indicator (README, "Which rows to trust").

    high: the value's own clause, or its row label and column header, name the measure and its cohort (a heading
    may add an age band), in a document about children's services. medium: its sentence or the lead-in of its list
    or paragraph names the measure, the cohort coming from there, the sentence before or a heading; or the paper is
    mostly about something else. low: named, but its unit was corrected from the printed one, or it was read with OCR.
    Unmapped: none."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


CONFIDENT = (Confidence.HIGH, Confidence.MEDIUM)  # what `compare` and charts use


class EntityLabel(StrEnum):
    AUTHORITY = "AUTHORITY"
    ORG = "ORG"
    PERSON = "PERSON"
    ROLE = "ROLE"
    PROGRAMME = "PROGRAMME"
    LEGAL = "LEGAL"
    PERIOD = "PERIOD"
    DATE = "DATE"


class Metric(Strict):
    indicator: str = Field("", description="Taxonomy id; empty when the label matched no indicator.")
    label: str = Field(description="The indicator as printed (row label or the words around the value).")
    value: float
    unit: Unit
    basis: Basis = Basis.ACTUAL
    period_start: date | None = None
    period_end: date | None = None
    period_label: str = ""
    authority: str = ""
    page: int
    section_path: list[str] = Field(default_factory=list)
    quote: str = Field(description="The sentence or table row the value was read from.")
    from_table: bool = False
    rag: str = Field("", description="RAG rating printed beside the value (RED, AMBER, GREEN).")
    polarity: str = Field("", description="Polarity as printed, e.g. 'High is good'.")
    flags: list[Flag] = Field(default_factory=list)
    evidence: str = Field("", description="The words that named the indicator and where: \"clause: 'care leavers', "
                                          "'NEET'; heading: '19-21'\" (label, header, clause, sentence, lead-in, heading).")
    confidence: Confidence | None = Field(None, description="How far the row's own words carry its indicator; None unmapped.")
    statement_ord: int | None = Field(None, description="Provenance: the statement's position in its document.")
    table_ord: int | None = Field(None, description="Provenance: the table's position in its document.")


class Entity(Strict):
    label: EntityLabel
    text: str = Field(description="As printed.")
    norm: str = Field(description="Canonical form (official council name, organisation name).")
    statement_ord: int
    page: int


class DocumentContext(Strict):
    """What extraction needs to know about the document a statement comes from."""

    authority: str = ""
    period_start: date | None = None
    period_end: date | None = None
    period_label: str = ""
    meeting_date: date | None = None
    inspection: bool = False  # an inspection report: what it prints undated, comparators too, is as at the inspection

    @property
    def reporting_fy(self) -> int | None:
        """Start year of the financial year a bare "Q1" belongs to."""
        anchor = self.period_end or self.meeting_date
        if anchor is None:
            return None
        return anchor.year if anchor.month >= 4 else anchor.year - 1


class Extraction(Strict):
    """Everything extraction found in one document."""

    document_id: str
    metrics: list[Metric] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    topics: dict[int, list[str]] = Field(default_factory=dict, description="Topics by statement position.")
