"""Scrutineer: council committee papers → a knowledge base you can question and cite.

    import scrutineer
    kb = scrutineer.open_kb("kb")
    kb.search("emergency accommodation"); kb.metrics(indicator="cla_rate_per_10000"); kb.compare("...")
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["open_kb"]


def __getattr__(name: str) -> Any:
    # Imported on first use, so `import scrutineer` (and the CLI's start-up) stays light.
    if name == "open_kb":
        from scrutineer.api import open_kb

        return open_kb
    raise AttributeError(name)
