"""Whether a figure can be a children's-services indicator: from its own words, its section and its document.

A month of council papers is mostly budgets, treasury, capital programmes, planning and the economy. A figure
there ("CPI inflation stayed at 2.2%", "rates from 5.25% to 5.0%", a budget line in £000s) measures money or the
economy whatever children's words sit in its row. Only text about children's services yields their indicators:
economic, treasury, capital, planning and highways text yields none, and a document that is hardly about
children's services at all (a budget book) lends none of its sections the benefit of the doubt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# The language of children's services: the cohorts, the services and the processes.
_NAMED = (
    r"child(?:ren)?['’]?s?|young (?:people|person)|looked[- ]after|cared[- ]for|care[- ]leavers?|care[- ]experienced|"
    r"foster\w*|safeguarding|social work(?:ers?)?|UASC|unaccompanied|NEET|Ofsted|"
    r"in care\b|child protection|in need\b|care plans?|pathway plans?|personal advisers?|"
    r"corporate parent\w*|SEND|(?-i:SEN)|EHCPs?|pupils?|schools?|youth|CYPE?|adolescen\w*|DSG|"
    r"dedicated schools grant|high needs|short breaks?|early help|family hubs?|start for life|health visit\w*")
# ... and its words that council business also uses in other senses: an adult's care home placement, the adoption of a
# road or a plan, a family of schemes. They count towards a paper's share, not for one row of a budget book.
_LOOSE = r"adopt(?:ion|ed|ers?|ive)|placements?|family|families"
_CHILDREN = re.compile(rf"\b(?:{_NAMED}|{_LOOSE})\b", re.I)
_NAMES_CHILDREN = re.compile(rf"\b(?:{_NAMED})\b", re.I)
# what a sum leaves out: "an overspend of £23.3m (excluding schools)", "(but not physical assets such as schools)"
_EXCLUDING = re.compile(r"\b(?:excluding|but not(?! limited)|not including|other than)\s+[^,;.)|]*", re.I)
# Economic and treasury commentary, capital, planning and highways: no children's figure is read from these.
_OFF_DOMAIN = re.compile(
    r"\b(?:inflation|CPIH?|RPI|interest rates?|Bank Rate|base rate|Bank of England|Monetary Policy Committee|gilts?|"
    r"gilt yields|bond yields|GDP|recession|fiscal|OBR|Office for Budget Responsibility|treasury management|treasury|"
    r"PWLB|Public Works Loan Board|borrowing|investment (?:strategy|portfolio|income|returns?)|counterpart(?:y|ies)|"
    r"minimum revenue provision|MRP|capital (?:programme|receipts|financing|strategy|expenditure|investment|budget)|"
    r"prudential|council tax|business rates|precept|LGFS|settlement funding|spending review|basis points|highways?|"
    r"potholes?|unadopted|planning (?:permission|applications?|policy)|landfill|devolution|mayoral|"
    r"combined authorit(?:y|ies)|(?:cut|cutting|lower(?:ed|ing)?|rais(?:ed|ing)|held|holding) (?:interest )?rates)\b", re.I)
# Money talk: a percentage in a sentence about budgets is a share of money, an uplift or a variance.
_FINANCE = re.compile(
    r"£|\b(?:budgets?|spend(?:ing)?|overspend|underspend|variance|forecast|outturn|savings?|costs?|income|"
    r"expenditure|funding|grants?|reserves?|MTFP|uplift|price|pay award|efficienc(?:y|ies))\b", re.I)

_CHILDREN_DOCUMENT = 0.12  # share of statements naming children's services in a document about them
# A paper is about children's services, so that a figure in it may speak of them unnamed, when a third of its statements
# name them: Ofsted's reports name them in three of five statements, a council's budget, performance report or cabinet
# minutes in one of five to eight (and 12% is enough for their rules to read an indicator from a row that names one).
_CHILDREN_PAPER = 1 / 3
_FEW = 20  # fewer statements than this say too little of what a paper is about


@dataclass(frozen=True)
class DocumentDomain:
    """How much of a document is about children's services (share of its statements that name them)."""

    children_share: float

    @property
    def about_children(self) -> bool:
        return self.children_share >= _CHILDREN_DOCUMENT


def document_domain(texts: Iterable[str]) -> DocumentDomain:
    texts = list(texts)
    if not texts:
        return DocumentDomain(0.0)
    return DocumentDomain(sum(1 for t in texts if _CHILDREN.search(t)) / len(texts))


def outside_children(title: str, sentences: list[str], rows: list[str], domain: DocumentDomain) -> bool:
    """A paper about other council business (a budget book, a treasury strategy, a capital programme): its title names
    no children's service and few of its statements do. Its sentences decide (`domain`, their share), or its table
    rows as well where it has few sentences; a paper too short to tell is taken to be about children, so that none of
    its figures is hidden."""
    if about_children(title):
        return False
    if len(sentences) >= _FEW:
        return domain.children_share < _CHILDREN_PAPER
    texts = sentences + rows
    return len(texts) >= _FEW and document_domain(texts).children_share < _CHILDREN_PAPER


def off_domain(text: str) -> str | None:
    """The words that put `text` outside children's services (economy, treasury, capital, highways), or None."""
    m = _OFF_DOMAIN.search(text)
    return m.group(0) if m else None


def about_children(text: str) -> bool:
    return bool(_CHILDREN.search(text))


def names_children(text: str) -> bool:
    """Whether one row's words name children's services in their own sense: not a road's "adoption", an adult's
    "placement", nor the schools a council-wide sum is "excluding"."""
    return bool(_NAMES_CHILDREN.search(_EXCLUDING.sub("", text)))


def about_money(text: str) -> bool:
    return bool(_FINANCE.search(text))


CHILDREN_DOCUMENT = DocumentDomain(1.0)  # what a caller that knows nothing of the document assumes
