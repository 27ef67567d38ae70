"""Sentences cut by a page break: the opening words of a page that carry on the last sentence of the page before.

Only the cut sentence moves back (up to its first full stop), so the statement it completes keeps its first
page and records its last, while the rest of the page's paragraph stays on its own page.
"""

from __future__ import annotations

import re

from ingest.cleanup import DANGLING, broken_sentence, join_broken
from ingest.models import Block, BlockKind
from ingest.statements import split_sentences

_ENDED = re.compile(r"[.!?:;][\"'”’)\]]*\s*$")
_LOWER_START = re.compile(r"^[a-z](?![.)]\s)")  # not a list marker "a. ", "i) "
_CLOSING_START = re.compile(r"^[,;:)\]%]")  # "... rose to 17" / "%, above ...": the page cut before the mark
_BOLD_PROSE = 120  # characters
_LOOK_BACK = 4  # blocks of the earlier page to look past: footnotes, a caption beside the text


def join_page_breaks(blocks: list[Block]) -> list[Block]:
    """Blocks in reading order with each page's opening fragment joined to the sentence it completes."""
    out: list[Block] = []
    for block in blocks:
        previous = _cut_sentence(out, block) if out and out[-1].page < block.page else None
        if previous is None:
            out.append(block)
            continue
        first = split_sentences(block.text)
        end = first[0][1] if first else len(block.text)
        joined = join_broken(previous.text, block.text[:end])
        previous.page_break = len(joined) - len(block.text[:end].lstrip())
        previous.page_end = block.page
        previous.text = joined
        rest = block.text[end:].strip()
        if rest:
            out.append(block.model_copy(update={"text": rest}))
    return out


def _cut_sentence(before: list[Block], block: Block) -> Block | None:
    """The paragraph of the earlier page that `block` carries on, if any."""
    if block.kind is not BlockKind.PARAGRAPH or block.marked_heading or (block.bold and not _LOWER_START.match(block.text)):
        return None  # a bold opening is a heading, unless it starts in lower case (a quotation set in bold)
    for candidate in reversed(before[-_LOOK_BACK:]):
        if candidate.page_end is not None:
            return None  # already carried across a break
        same_size = not (candidate.font_size and block.font_size) or abs(candidate.font_size - block.font_size) <= 0.6
        prose = len(candidate.text) >= _BOLD_PROSE  # a bold paragraph this long is a quotation, not a heading
        if candidate.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or not same_size \
                or candidate.bold != block.bold or (candidate.bold and not prose):
            continue  # a footnote in small print, a heading, a table between the halves
        if broken_sentence(candidate.text, block.text) or (
            not _ENDED.search(candidate.text)
            and (_LOWER_START.match(block.text) or _CLOSING_START.match(block.text) or DANGLING.search(candidate.text))
        ):
            return candidate
        return None
    return None
