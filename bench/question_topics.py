"""Which topic a question names, on questions nobody wrote the rules for.

`bench/queries/question_topics.tsv` holds questions written by helpers who never saw the rules (`nlp/topics.py`,
`nlp/question_topics.py`), each with the topic it asks about or `none` (other council business, some sharing the
topics' words in another sense). `tune`/`test`: 252 from one helper (twelve a topic in words people type, 60 off-topic),
split alternately within each topic before any rule was written from them; `second`: 348 from two more, one writing
as councillors, journalists and parents (plain words), one as researchers and service managers (jargon), read only
after the first set's words were written. Prints, per split, how many name their intended topic and how many
off-topic questions name one; `-v` lists the misses.

Run: python bench/question_topics.py [-v]
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nlp.question_topics import question_topics
from nlp.topics import PARTS

QUESTIONS = Path(__file__).resolve().parent / "queries" / "question_topics.tsv"


def main() -> None:
    verbose = "-v" in sys.argv
    rows = list(csv.DictReader(QUESTIONS.open(encoding="utf-8"), delimiter="\t"))
    for split in dict.fromkeys(r["split"] for r in rows):
        named, asked, off, off_named = Counter(), Counter(), 0, 0
        for r in (r for r in rows if r["split"] == split):
            # a part names its whole, more narrowly: "family hubs" is family support, "grandparents" permanence
            got = [x.value for t in question_topics(r["question"]) for x in (t, PARTS.get(t)) if x]
            if r["topic"] == "none":
                off += 1
                off_named += bool(got)
            else:
                asked[r["topic"]] += 1
                named[r["topic"]] += r["topic"] in got
            if verbose and (r["topic"] not in got if r["topic"] != "none" else got):
                print(f"  {split} {r['topic']:22} {got} | {r['question']}")
        print(f"{split}: intended topic named {sum(named.values())}/{sum(asked.values())}; "
              f"off-topic questions naming a topic {off_named}/{off}")


if __name__ == "__main__":
    main()
