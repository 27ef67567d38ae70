# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # What was said about emergency accommodation?
#
# Every statement on a topic, across authorities and years, each with the document, page and section
# it came from. Search is hybrid: the words you type (SQLite full-text, with jargon such as NEET or
# UASC expanded) and their meaning (sentence embeddings in Chroma), fused into one ranking.

# %%
from collections import Counter

from _setup import sample_kb

kb = sample_kb()
hits = kb.search("emergency accommodation for care leavers", limit=10)
len(hits)

# %% [markdown]
# ## A timeline, with citations
# Hits grouped by authority and ordered by meeting date: how the story developed at each council.

# %%
for authority in sorted({h.authority for h in hits}):
    print(authority)
    for h in sorted((h for h in hits if h.authority == authority), key=lambda h: str(h.meeting_date)):
        print(f"  {h.meeting_date}  {h.text}")
        print(f"      — {h.document_title}, p. {h.page}, § {' › '.join(h.section_path)} ({h.source})")

# %% [markdown]
# ## Narrowing down
# Filters run inside the stores: authority, committee, document type, years, topic, indicator.

# %%
minutes = kb.search("emergency accommodation", doc_type="minutes", year_from=2024, limit=5)
assert all(h.doc_type == "minutes" and h.meeting_date.year >= 2024 for h in minutes)
Counter(h.authority for h in minutes)

# %%
neet = kb.search("young people not in education, employment or training", topic="neet", limit=5)
[(h.authority, h.text[:80]) for h in neet]
