"""Ingest on a Ray cluster: the same per-file job as `--workers N`, run as Ray tasks; embedding in Ray actors.

The driver (the `scrutineer ingest` process) stays the one writer: it reads each file, ships its bytes to a task
(workers need no shared filesystem), stores each result in one transaction, in input order, and writes the vectors
through the KB's locked Chroma path (or its `chroma run` server). So every guarantee of the local path holds: the
writer lock, kill -9 safety, one line per bad file. Ray is imported only here, and only when asked for.
"""

from __future__ import annotations

import logging
import socket
import tempfile
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import numpy as np

from ingest import Overrides
from nlp.embed import Profile, build_embedder, default_cache
from scrutineer.limits import FileLimits, limit_memory
from scrutineer.pipeline import Failure, Parsed, _parse_job

INSTALL = "pip install 'scrutineer[ray]'"
# Files shipped ahead of the one being stored (results are stored in input order, as the local pool's are): enough
# that a long file at the head does not idle the other workers, few enough that memory stays bounded.
IN_FLIGHT_PER_CPU = 4
IN_FLIGHT_MIN = 8


class RayUnavailable(Exception):
    """Ray is not installed, or the cluster cannot be reached."""


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailable(f"Ray is not installed: {INSTALL}") from exc
    return ray


def _reachable(address: str | None, seconds: float = 5.0) -> None:
    """A cluster named by host and port answers on it, checked first: Ray itself keeps retrying for minutes."""
    if not address or address in ("auto", "local"):
        return
    url = urlparse(address if "://" in address else f"gcs://{address}")
    port = url.port or (10001 if url.scheme == "ray" else 6379)
    try:
        socket.create_connection((url.hostname or "127.0.0.1", port), timeout=seconds).close()
    except OSError as exc:
        raise RayUnavailable(f"cannot reach the Ray cluster at {address}: {exc.strerror or exc}") from exc


def _one_line(exc: BaseException) -> str:
    return (" ".join(str(exc).split()) or type(exc).__name__)[:200]


class RayEngine:
    """A connection to a Ray cluster that parses files and embeds statements for one ingest."""

    def __init__(self, address: str | None = None) -> None:
        """Join the cluster at `address` ("auto": the one started on this machine, "local": a new local one,
        "HOST:PORT" or "ray://HOST:10001"); None joins RAY_ADDRESS or a running local cluster, else starts one.
        A process already connected (a notebook, a test) keeps its connection."""
        ray = _ray()
        self._started = False
        self._actors: list[Any] = []
        if not ray.is_initialized():
            _reachable(address)
            try:
                ray.init(address=address, include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False)
            except Exception as exc:  # ConnectionError, TimeoutError, ValueError, RuntimeError: all mean "not reached"
                raise RayUnavailable(f"cannot reach the Ray cluster at {address or 'RAY_ADDRESS / this machine'}: "
                                     f"{_one_line(exc)}") from exc
            self._started = True
        self.ray = ray
        self._parse = ray.remote(num_cpus=1, max_retries=1)(_parse_shipped)  # one retry: a lost node, not the file

    def cpus(self) -> int:
        return max(1, int(self.ray.cluster_resources().get("CPU", 1)))

    def parse(
        self, jobs: list[tuple[str, Overrides]], tables: bool, limits: FileLimits, extract: bool = True,
    ) -> Iterator[Parsed | Failure]:
        """Each file parsed and extracted by a task, results yielded in input order with at most a few files
        in flight per CPU (a million files never sit in the object store at once)."""
        window = IN_FLIGHT_MIN + IN_FLIGHT_PER_CPU * self.cpus()
        pending: deque[tuple[str, Any]] = deque()
        todo = iter(jobs)
        for job in todo:
            pending.append(self._submit(job, tables, limits, extract))
            if len(pending) >= window:
                break
        while pending:
            path, ref = pending.popleft()
            following = next(todo, None)  # keep the window full while waiting on the oldest
            if following is not None:
                pending.append(self._submit(following, tables, limits, extract))
            yield self._outcome(path, ref)

    def _submit(self, job: tuple[str, Overrides], tables: bool, limits: FileLimits, extract: bool) -> tuple[str, Any]:
        path, overrides = job
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            return path, Failure(source=unquote(Path(path).name), path=path, reason=f"cannot read ({exc.strerror})")
        return path, self._parse.remote(Path(path).name, data, overrides, tables, limits, extract)

    def _outcome(self, path: str, ref: Any) -> Parsed | Failure:
        """The task's result with the driver's path in it; a worker that died costs this file one line."""
        if isinstance(ref, Failure):
            return ref
        try:
            outcome = self.ray.get(ref)
        except Exception as exc:  # the worker died (a crash in a C library, Ray's memory monitor) or the node was lost
            return Failure(source=unquote(Path(path).name), path=path,
                           reason=f"the parser's Ray worker failed on this file ({_one_line(exc)})")
        if isinstance(outcome, Failure):
            return outcome.model_copy(update={"path": path})
        file = outcome.file.file.model_copy(update={"path": str(Path(path).resolve())})
        return outcome.model_copy(update={"file": outcome.file.model_copy(update={"file": file})})

    def embedder(self, profile: Profile, model: str | None, cache: Path, int8: bool) -> RayEmbedder | None:
        """Actors that embed for the driver: one per GPU when the cluster has GPUs, else one per node using all of
        its CPUs (ONNX Runtime spreads a batch over the cores). None for the `fast` profile, whose static model is
        distilled per KB and embeds thousands of statements/s on the driver itself."""
        if profile is Profile.FAST:
            return None
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        actor = self.ray.remote(_EmbedActor)
        gpus = int(self.ray.cluster_resources().get("GPU", 0))
        if gpus:
            actors = [actor.options(num_gpus=1, num_cpus=1).remote(profile, model, cache, int8) for _ in range(gpus)]
        else:
            actors = [
                actor.options(num_cpus=node["Resources"]["CPU"],
                              scheduling_strategy=NodeAffinitySchedulingStrategy(node["NodeID"], soft=False))
                .remote(profile, model, cache, int8)
                for node in self.ray.nodes() if node["Alive"] and node["Resources"].get("CPU")
            ]
        self._actors += actors
        return RayEmbedder(self.ray, actors)

    def close(self) -> None:
        """Stop this engine's actors, and leave the cluster if this engine joined it (a caller's own connection,
        a notebook's or a test's, is left alone)."""
        for actor in self._actors:
            self.ray.kill(actor)
        self._actors = []
        if self._started:
            self.ray.shutdown()


def _parse_shipped(
    name: str, data: bytes, overrides: Overrides, tables: bool, limits: FileLimits, extract: bool = True,
) -> Parsed | Failure:
    """On a worker: the file's bytes under its own name in a private folder, then the local path's job."""
    _bound_memory(limits.memory)
    with tempfile.TemporaryDirectory(prefix="scrutineer-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return _parse_job(str(path), overrides, tables, limits.seconds, extract)


_bounded = False


def _bound_memory(allowance: int) -> None:
    """The local pool's memory ceiling, as growth over what a Ray worker already maps (its object store mapping
    alone can exceed the local ceiling), set once per worker process."""
    global _bounded
    if _bounded or not allowance:
        return
    _bounded = True
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:  # not Linux: Ray's own memory monitor still stops a runaway worker
        return
    for line in status.splitlines():
        if line.startswith("VmSize:"):
            limit_memory(int(line.split()[1]) * 1024 + allowance)


class _EmbedActor:
    """Holds one embedding model for the whole ingest (loaded once, on its node's CPUs or its GPU)."""

    def __init__(self, profile: Profile, model: str | None, cache: Path, int8: bool) -> None:
        try:
            cache.mkdir(parents=True, exist_ok=True)
        except OSError:  # the driver's cache folder does not exist on this node
            cache = default_cache()
        self.embedder = build_embedder(profile, model, cache, int8)

    def name(self) -> str:
        return self.embedder.name

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.embedder.embed(texts)


class RayEmbedder:
    """An Embedder whose batches are split over the actors, in order; the driver writes what comes back."""

    def __init__(self, ray: Any, actors: list[Any]) -> None:
        if not actors:
            raise RayUnavailable("the Ray cluster has no node with CPUs or GPUs to embed on")
        self.ray = ray
        self.actors = actors
        try:
            names = set(ray.get([a.name.remote() for a in actors]))
        except Exception as exc:  # the model failed to load on a node
            raise RayUnavailable(f"the embedding actors could not start: {_one_line(exc)}") from exc
        if len(names) > 1:  # GPU and CPU builds of one model are the same model; anything else would mix vectors
            raise RayUnavailable(f"the Ray cluster's embedders disagree on the model: {', '.join(sorted(names))}")
        self.name = names.pop()

    def embed(self, texts: list[str]) -> np.ndarray:
        size = -(-len(texts) // len(self.actors))
        refs = [a.embed.remote(texts[i * size:(i + 1) * size]) for i, a in enumerate(self.actors) if texts[i * size:]]
        parts = self.ray.get(refs)
        return np.vstack(parts) if parts else np.zeros((0, 0), np.float32)
