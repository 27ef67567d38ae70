"""Adjacent statements that a search retrieves become one passage: a reader gets "2019/20 … 47% EET", "2020/21 …
65% EET" and "2021/22 … 55% EET" as one hit in reading order, not three hits that crowd the others out."""

from __future__ import annotations

from dataclasses import dataclass

PASSAGE_CHARS = 800  # a passage stays a short paragraph (the statement contract's length)


@dataclass(frozen=True)
class Place:
    """Where a statement sits: its document, its order there and its section."""

    document_id: str
    ord: int
    section: str
    chars: int


@dataclass
class Passage:
    """Consecutive retrieved statements of one section in reading order, scored by the best of them."""

    ids: list[int]
    score: float
    chars: int
    first: int
    last: int
    merged: bool = False  # absorbed into another passage

    @classmethod
    def of(cls, sid: int, score: float, place: Place) -> Passage:
        return cls(ids=[sid], score=score, chars=place.chars, first=place.ord, last=place.ord)


_Ends = dict[tuple[str, str, int], "Passage"]


def merge_adjacent(ranked: list[tuple[int, float]], places: dict[int, Place],
                   limit_chars: int = PASSAGE_CHARS) -> list[Passage]:
    """Passages best first. A statement joins the passage that ends just before it or starts just after it (and
    bridges the two when both exist) while the result stays within `limit_chars`; scores never add up, so a run
    of weak sentences cannot outrank one strong one."""
    out: list[Passage] = []
    ends: _Ends = {}
    starts: _Ends = {}
    for sid, score in ranked:
        at = places[sid]
        key = (at.document_id, at.section)
        new = Passage.of(sid, score, at)
        out.append(new)
        ends[(*key, at.ord)] = starts[(*key, at.ord)] = new
        left = ends.get((*key, at.ord - 1))
        if left is not None:
            new = _join(left, new, key, ends, starts, limit_chars)
        right = starts.get((*key, at.ord + 1))
        if right is not None:
            _join(new, right, key, ends, starts, limit_chars)
    return [p for p in out if not p.merged]


def _join(before: Passage, after: Passage, key: tuple[str, str], ends: _Ends, starts: _Ends, limit_chars: int) -> Passage:
    """`before` and `after` as one passage kept under the better score's; `after` unchanged when too long."""
    if before.chars + after.chars + 1 > limit_chars:
        return after
    del ends[(*key, before.last)], starts[(*key, after.first)]
    kept, gone = (before, after) if before.score >= after.score else (after, before)
    kept.ids, kept.first, kept.last = before.ids + after.ids, before.first, after.last
    kept.chars = before.chars + after.chars + 1
    gone.merged = True
    starts[(*key, kept.first)] = ends[(*key, kept.last)] = kept
    return kept
