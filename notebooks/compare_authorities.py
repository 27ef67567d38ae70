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
# # Compare authorities on an indicator
#
# The DfE/LAIT convention: each authority over time, against England and its statistical neighbours,
# using the values the papers themselves report. Where two papers disagree the latest meeting wins and
# the other value is kept, so nothing is hidden.

# %%
import pandas as pd
from IPython.display import Image, display

from _setup import KB, sample_kb
from scrutineer.compare_view import comparison_chart

kb = sample_kb()
neet = kb.compare("care_leavers_19_21_neet_percent")
print(neet.title, "·", neet.polarity.value)

# %% [markdown]
# ## Authority × period

# %%
points = pd.DataFrame([p.model_dump() for p in neet.points])
table = points.pivot_table(index="name", columns="period", values="value", aggfunc="first")
table[[p for p in neet.periods if p in table.columns]]

# %% [markdown]
# ## Better or worse than England, and the direction of travel
# Polarity comes from the indicator taxonomy: for NEET, lower is better.

# %%
points.loc[points.series == "authority", ["name", "period", "value", "vs_england", "direction", "source", "page"]]

# %% [markdown]
# ## The chart
# One line per authority, the papers' national figure dashed.

# %%
chart = comparison_chart(neet, KB / "neet.png")
display(Image(filename=str(chart)))
