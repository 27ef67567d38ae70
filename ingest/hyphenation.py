"""Words hyphenated at a line end, settled by how the paper prints them elsewhere.

A line that ends "care-" before "experienced" may be a compound ("care-experienced") or a word split at a syllable
("place-" / "ment"). No rule on the two halves tells them apart ("under-" / "standing" is one word, "care-" /
"experienced" two), but the paper itself usually does: the same word printed whole on some other line. So the
readers join such a break with a hyphenation point and settle it once the whole paper is read: the form printed
more often wins, and a word never printed whole is joined without its hyphen within a paragraph and with it across
blocks, as before.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ingest.models import Block

HYPHENATION = "\u2027"  # a line-end hyphen not yet known to be a compound's or a syllable break's
# the same at the end of a block: a paragraph cut by a page or a column ("well-" / "being") kept its hyphen before
# the paper could settle it, and still does where the paper prints neither form
BLOCK_HYPHENATION = "\u2e1a"
_LETTERS = r"[^\W\d_]+(?:-[^\W\d_]+)*"  # "Stockton-on-Tees", "café"
_WORD = re.compile(_LETTERS)
_BROKEN = re.compile(rf"({_LETTERS})([{HYPHENATION}{BLOCK_HYPHENATION}])({_LETTERS})")


def printed_words(texts: Iterable[str]) -> Counter[str]:
    """Each word as printed whole (lower case), hyphenated compounds as one word; a broken word's halves count as
    words of their own, which no settled form is looked up as."""
    return Counter(word.lower() for text in texts for word in _WORD.findall(text))


def settle(text: str, words: Counter[str]) -> str:
    """Each break in `text` as the compound or the whole word the paper prints more often."""
    return _settle(text, words)[0]


def settle_blocks(blocks: list[Block]) -> None:
    """Settle every break in a paper's blocks from the words of the whole paper, its tables' cells included;
    a block's page-break offset moves back by the hyphens dropped before it."""
    marked = [b for b in blocks if HYPHENATION in b.text or BLOCK_HYPHENATION in b.text]
    if not marked:
        return
    cells = (cell for b in blocks if b.table is not None for row in b.table.rows for cell in row)
    words = printed_words([*(b.text for b in blocks), *cells])
    for block in marked:
        block.text, dropped = _settle(block.text, words)
        if block.page_break is not None:
            block.page_break -= sum(1 for at in dropped if at < block.page_break)


def _settle(text: str, words: Counter[str]) -> tuple[str, list[int]]:
    """The settled text, and where the hyphens it dropped stood in `text`."""
    if HYPHENATION not in text and BLOCK_HYPHENATION not in text:
        return text, []
    dropped: list[int] = []

    def settled(match: re.Match[str]) -> str:
        head, mark, tail = match.groups()
        hyphened, whole = words[f"{head}-{tail}".lower()], words[f"{head}{tail}".lower()]
        if hyphened > whole or (hyphened == whole and mark == BLOCK_HYPHENATION):
            return f"{head}-{tail}"
        dropped.append(match.start(3) - 1)
        return f"{head}{tail}"

    return _BROKEN.sub(settled, text).replace(HYPHENATION, "-").replace(BLOCK_HYPHENATION, "-"), dropped
