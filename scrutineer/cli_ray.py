"""The CLI's side of `ingest --ray`: join the cluster (one clear line when it cannot), leave it afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from scrutineer.cli_support import fail

if TYPE_CHECKING:
    from scrutineer.ray_ingest import RayEngine


@contextmanager
def ray_session(wanted: bool, address: str | None) -> Iterator[RayEngine | None]:
    """A Ray engine when asked for (Ray is imported here, never when the CLI loads), closed afterwards."""
    if not wanted:
        yield None
        return
    from scrutineer.ray_ingest import RayEngine, RayUnavailable

    try:
        engine = RayEngine(address)
    except RayUnavailable as exc:
        raise fail(str(exc)) from exc
    try:
        yield engine
    except RayUnavailable as exc:  # the embedding actors could not start
        raise fail(str(exc)) from exc
    finally:
        engine.close()
