"""The domain vocabulary of children's social care (nlp/data/vocabulary.yaml): acronyms and their spelled-out
forms, and the ways council papers speak of one topic ("placement moves", "stability meetings", "unplanned
endings" for placement stability). Search widens a query with it; nothing here is learnt from queries."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

DATA = Path(__file__).resolve().parent / "data" / "vocabulary.yaml"


class Concept(BaseModel):
    model_config = ConfigDict(extra="forbid")
    when: list[str]
    says: list[str]


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    acronyms: dict[str, str]
    phrases: dict[str, str]
    asked: dict[str, str]
    asked_about_children: dict[str, str]
    asked_about_care: dict[str, str]
    capitals_only: list[str]
    also_verbs: list[str]
    spellings: list[list[str]]
    concepts: dict[str, Concept]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return Vocabulary(**yaml.safe_load(DATA.read_text(encoding="utf-8")))


def jargon() -> dict[str, str]:
    """Acronyms and jargon phrases, each with the words papers also print for it."""
    v = vocabulary()
    return {**v.acronyms, **v.phrases}


def acronyms_said(question: str) -> list[str]:
    """The acronyms a question uses, in either case, or in the plural ("PEPs"); one that is also an everyday word only
    in capitals ("HE", not "he"), one that is also a verb not where the words around make it the verb ("SEND", "send
    support", not "send children out of county")."""
    v, low = vocabulary(), question.lower()
    said = []
    for k in v.acronyms:
        if k in v.capitals_only:
            found = re.search(rf"\b{k.upper()}s?\b", question)
        elif k in v.also_verbs:
            found = re.search(rf"\b{k.upper()}\b", question) or (re.search(rf"\b{k}\b", low) and not _as_verb(k, low))
        else:
            found = re.search(rf"\b{k}s?\b", low)
        if found:
            said.append(k)
    return said


# the verb: after a subject, an auxiliary or "to", or before its object and where to ("send them out of county")
_VERB_BEFORE = r"(?:to|do|does|did|we|they|you|councils?|authorities|la|las|will|would|should|can|could|not|why|often)"
_VERB_AFTER = r"(?:\s+[a-z']+){0,3}?\s+(?:to|out|away|into|abroad|back|home|far)\b"


def _as_verb(word: str, low: str) -> bool:
    return re.search(rf"\b{_VERB_BEFORE}\s+{word}\b|\b{word}{_VERB_AFTER}", low) is not None


def capitals_only() -> frozenset[str]:
    return frozenset(vocabulary().capitals_only)


def also_verbs() -> frozenset[str]:
    return frozenset(vocabulary().also_verbs)


def spellings() -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    """Each group of printed spellings of one word, with the pattern that finds any of them in a lowercased question
    (a hyphen also as a space or nothing, a plural too) and the terms to search: a closed form, and a hyphenated one
    as the phrase of its parts, since the index holds "well-being" as "well" and "being"."""
    out = []
    for forms in vocabulary().spellings:
        said = "|".join(re.escape(f).replace(r"\-", "[- ]?") for f in forms)
        out.append((re.compile(rf"\b(?:{said})s?\b"), tuple(f.replace("-", " ") for f in forms)))
    return out


def asked() -> dict[str, str]:
    """Plain words of a question, each with the terms papers print for it (searched one way only)."""
    return vocabulary().asked


def asked_about_children() -> dict[str, str]:
    """Plain words too loose for other council business ("questionnaire"), searched so only in a question about
    children."""
    return vocabulary().asked_about_children


def asked_about_care() -> dict[str, str]:
    """Plain words that mean staying put only for a child in foster or other care ("after they turn 18")."""
    return vocabulary().asked_about_care


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def plain_apostrophes(text: str) -> str:
    """Text with typographic apostrophes plain: the rules are written with "'", papers and pasted questions often
    print "’" ("children’s homes")."""
    return text.translate(_APOSTROPHES)


def _stem(word: str) -> str:
    word = plain_apostrophes(word.lower()).removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _words(text: str) -> str:
    """Text as space-separated crude stems, padded, so a phrase is found with `in`."""
    return " " + " ".join(_stem(w) for w in re.findall(r"[a-z0-9']+", plain_apostrophes(text.lower()))) + " "


def concepts_of(query: str) -> list[str]:
    """The concepts whose `when` phrases the query says."""
    said = _words(query)
    return [name for name, c in vocabulary().concepts.items() if any(_words(p) in said for p in c.when)]


def related_phrases(query: str) -> list[str]:
    """Every phrase of the concepts the query speaks of, less those the query already says."""
    said = _words(query)
    found = [p for name in concepts_of(query) for p in [*vocabulary().concepts[name].when,
                                                        *vocabulary().concepts[name].says]]
    return [p for p in dict.fromkeys(found) if _words(p) not in said]
