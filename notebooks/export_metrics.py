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
# # Export metrics for analysis
#
# Every value the papers report becomes one row: authority, canonical indicator, value, unit, period,
# basis (actual, target, national, statistical neighbours) and where it was printed. The same CSV comes
# from `scrutineer metrics --format csv`.

# %%
import io

import pandas as pd

from _setup import KB, sample_kb
from scrutineer.exports import metrics_csv

kb = sample_kb()
path = KB / "metrics.csv"
path.write_text(metrics_csv(kb.metrics()), encoding="utf-8")
metrics = pd.read_csv(path, parse_dates=["period_start", "period_end", "meeting_date"])
metrics[["authority", "indicator", "basis", "value", "unit", "period_label", "source", "page"]].head(10)

# %% [markdown]
# ## What was extracted, by indicator and basis

# %%
metrics.pivot_table(index="indicator", columns="basis", values="value", aggfunc="count", fill_value=0)

# %% [markdown]
# ## Own values against the comparators the same papers quote

# %%
actual = metrics[metrics.basis == "actual"].groupby(["authority", "indicator"]).value.last()
national = metrics[metrics.basis == "national"].groupby("indicator").value.last()
gap = (actual - actual.index.get_level_values("indicator").map(national).to_numpy()).dropna()
gap.rename("actual minus national").to_frame()

# %% [markdown]
# ## Values that need a second look
# Flags mark rates printed with "%", percentages over 100 and values with no canonical indicator.

# %%
metrics[metrics["flags"].notna()][["authority", "label", "value", "flags", "source", "page"]]

# %% [markdown]
# Excel users: `scrutineer metrics --format csv --bom` writes UTF-8 with a byte-order mark.

# %%
assert len(metrics) == len(pd.read_csv(io.StringIO(metrics_csv(kb.metrics()))))
