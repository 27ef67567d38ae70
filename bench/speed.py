"""One corpus, three pipelines, one run: the generic RAG pipeline (bench/generic_rag.py: page text, 500-character
chunks, MiniLM, Chroma), Scrutineer's `accurate` profile and its `fast` profile, each a fresh build from the same
files in its own process. Prints pages/s and statements/s (chunks/s for the generic pipeline) and the ratios.

The machine is shared, so the ratios are taken on CPU seconds (user + system of the process and its children:
getrusage), which other people's jobs hardly move; wall seconds are printed beside them. With `--rounds N` the
three run interleaved N times and the median of each is reported. Pages are Scrutineer's count of the corpus
(a text file is its pages as printed), the same figure for all three.

Run: python bench/speed.py [PATH...] [--out DIR] [--rounds N] [--only generic,accurate,fast]
(default: ../shared/corpus/seeds, kent and kent-council into a temporary folder, one round)
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT = [CORPUS / "seeds", CORPUS / "kent", CORPUS / "kent-council"]
PIPELINES = ("generic", "accurate", "fast")


class Run(NamedTuple):
    cpu: float
    wall: float
    items: int  # statements (Scrutineer) or chunks (generic)
    pages: int  # 0 where the pipeline does not say


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    cpu, wall = _cpu(), time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    cpu, wall = _cpu() - cpu, time.perf_counter() - wall
    if done.returncode not in (0, 1):  # 1: some input files failed, which the corpus has on purpose
        sys.exit(f"{' '.join(cmd[:4])} failed ({done.returncode}): {done.stderr[-2000:]}")
    return cpu, wall, done.stdout + done.stderr


def run(name: str, paths: list[Path], out: Path) -> Run:
    target = out / name
    shutil.rmtree(target, ignore_errors=True)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    if name == "generic":
        cpu, wall, text = _timed([sys.executable, "bench/generic_rag.py", "build", *map(str, paths),
                                  "--store", str(target)], env)
        chunks = re.search(r"(\d+) chunks stored", text)
        return Run(cpu, wall, int(chunks.group(1)) if chunks else 0, 0)
    env |= {"SCRUTINEER_PROFILE": name, "SCRUTINEER_EMBED": "true"}
    cpu, wall, text = _timed([sys.executable, "-m", "scrutineer.cli", "ingest", *map(str, paths), "--kb", str(target)],
                             env)
    pages, statements = re.search(r"pages (\d+)", text), re.search(r"statements (\d+)", text)
    return Run(cpu, wall, int(statements.group(1)) if statements else 0, int(pages.group(1)) if pages else 0)


def warm(names: list[str], out: Path) -> None:
    """Derived models are made once per machine (the ONNX export, the distilled static model), not per KB: make
    them before timing, as a user's second ingest finds them."""
    from nlp.embed import Profile, build_embedder, default_cache

    for name in names:
        if name != "generic":
            build_embedder(Profile(name), cache=default_cache())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--out", type=Path, default=None, help="where the three stores are built (default: a temp folder)")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--only", default=",".join(PIPELINES), help="a comma-separated subset of generic,accurate,fast")
    args = ap.parse_args()
    names = [n for n in args.only.split(",") if n in PIPELINES]
    out = args.out or Path(tempfile.mkdtemp(prefix="scrutineer-speed-"))
    warm(names, out)
    runs: dict[str, list[Run]] = {n: [] for n in names}
    for r in range(args.rounds):
        for name in names if r % 2 == 0 else names[::-1]:
            runs[name].append(run(name, args.paths, out))
            got = runs[name][-1]
            print(f"round {r + 1} {name:8} cpu {got.cpu:7.1f} s  wall {got.wall:7.1f} s  {got.items} "
                  f"{'chunks' if name == 'generic' else 'statements'}", flush=True)
    report(runs)
    print(f"stores in {out}")


def report(runs: dict[str, list[Run]]) -> None:
    pages = max((r.pages for rs in runs.values() for r in rs), default=0)
    print(f"\npages {pages} (Scrutineer's count); medians of {len(next(iter(runs.values())))} round(s)")
    print(f"{'pipeline':9} {'CPU s':>8} {'pages/CPU s':>12} {'items/CPU s':>12} {'wall s':>8} {'pages/s wall':>13} "
          f"{'x generic (CPU)':>16} {'x generic (wall)':>17}")
    med = {n: Run(*(statistics.median(getattr(r, f) for r in rs) for f in Run._fields)) for n, rs in runs.items()}
    base = med.get("generic")
    for name, m in med.items():
        ratio_cpu = f"{base.cpu / m.cpu:16.2f}" if base else f"{'':16}"  # same pages: speed ratio = time ratio
        ratio_wall = f"{base.wall / m.wall:17.2f}" if base else f"{'':17}"
        print(f"{name:9} {m.cpu:8.1f} {pages / m.cpu:12.1f} {m.items / m.cpu:12.0f} {m.wall:8.1f} "
              f"{pages / m.wall:13.1f} {ratio_cpu} {ratio_wall}")


if __name__ == "__main__":
    main()
