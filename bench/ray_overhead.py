"""Ray's overhead: `scrutineer ingest` single-process (its parser pool) against `--ray-address local` (a Ray instance
started by the CLI on this machine's CPUs), in interleaved pairs, wall-clock and CPU time of each whole process tree
(the CLI, its parser workers, Ray's daemons and workers: sampled from /proc, since Ray's workers are not waited for).

Run: python bench/ray_overhead.py [PATH...] [--pairs 2] [--embed] [--scratch /tmp/NAME/ray-bench]
(default: the whole shared corpus, no embeddings, 2 pairs). Prints each run, the medians, the ratio, pages/s per
worker and what 3,000,000 pages would cost in worker-hours at that rate.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TICK = os.sysconf("SC_CLK_TCK")
PROJECTED_PAGES = 3_000_000


def _tree_cpu(root: int, seen: dict[int, float]) -> None:
    """CPU seconds of every live process in `root`'s session or below it, kept per pid (last sample wins)."""
    stats: dict[int, tuple[int, int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            raw = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        rest = raw[raw.rindex(")") + 2:].split()
        stats[int(entry)] = (int(rest[1]), int(rest[3]), (int(rest[11]) + int(rest[12])) / TICK)
    ours = {pid for pid, (_, sid, _) in stats.items() if sid == root} | {root}
    grew = True
    while grew:
        more = {pid for pid, (ppid, _, _) in stats.items() if ppid in ours} - ours
        ours |= more
        grew = bool(more)
    for pid in ours:
        if pid in stats:
            seen[pid] = stats[pid][2]


def run(paths: list[str], kb: Path, ray: bool, embed: bool) -> tuple[float, float, int]:
    exe = Path(sys.executable).with_name("scrutineer")
    cmd = [str(exe), "ingest", *paths, "--kb", str(kb)] + (["--ray-address", "local"] if ray else [])
    env = {**os.environ, "SCRUTINEER_EMBED": "true" if embed else "false"}
    shutil.rmtree(kb, ignore_errors=True)
    seen: dict[int, float] = {}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=lambda: os.nice(10))
    while proc.poll() is None:
        _tree_cpu(proc.pid, seen)
        time.sleep(0.25)
    wall = time.perf_counter() - start
    tail = proc.stderr.read() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({proc.returncode}): {tail[-2000:]}")
    with sqlite3.connect(kb / "records.sqlite") as db:
        pages = db.execute("SELECT coalesce(sum(pages), 0) FROM files").fetchone()[0]
    return wall, sum(seen.values()), pages


def fingerprint(kb: Path) -> tuple:
    with sqlite3.connect(kb / "records.sqlite") as db:
        return tuple(db.execute(q).fetchone() for q in (
            "SELECT count(*), sum(pages) FROM files", "SELECT count(*) FROM documents",
            "SELECT count(*), sum(length(text)) FROM statements", "SELECT count(*), sum(value) FROM metrics",
            "SELECT count(*) FROM doc_tables", "SELECT count(*) FROM failures"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT.parent / "shared" / "corpus")])
    ap.add_argument("--pairs", type=int, default=2)
    ap.add_argument("--embed", action="store_true", help="embed too (default: SCRUTINEER_EMBED=false)")
    ap.add_argument("--scratch", default=None)
    args = ap.parse_args()
    scratch = Path(args.scratch or tempfile.mkdtemp(prefix="scrutineer-ray-bench-"))
    walls: dict[bool, list[float]] = {False: [], True: []}
    cpus: dict[bool, list[float]] = {False: [], True: []}
    prints: dict[bool, tuple] = {}
    pages = 0
    for i in range(args.pairs):
        for ray in ((False, True) if i % 2 == 0 else (True, False)):  # interleaved, alternating who goes first
            kb = scratch / ("ray" if ray else "single")
            wall, cpu, pages = run(args.paths, kb, ray, args.embed)
            walls[ray].append(wall)
            cpus[ray].append(cpu)
            prints[ray] = fingerprint(kb)
            print(f"pair {i + 1} {'ray   ' if ray else 'single'}: wall {wall:7.1f} s  cpu {cpu:7.1f} s  {pages} pages",
                  flush=True)
    a_wall, b_wall = statistics.median(walls[False]), statistics.median(walls[True])
    a_cpu, b_cpu = statistics.median(cpus[False]), statistics.median(cpus[True])
    workers = os.cpu_count() or 1
    print(f"embeddings: {'yes' if args.embed else 'no'}; {pages} pages; {workers} CPUs")
    print(f"single-process: wall {a_wall:.1f} s, cpu {a_cpu:.1f} s (medians)")
    print(f"ray (local):    wall {b_wall:.1f} s, cpu {b_cpu:.1f} s (medians)")
    print(f"ray / single: wall {b_wall / a_wall:.2f}x, cpu {b_cpu / a_cpu:.2f}x")
    print(f"same KB (files, documents, statements, metrics, tables, failures): {prints[False] == prints[True]}")
    per_worker = pages / (b_wall * workers)
    print(f"ray: {pages / b_wall:.1f} pages/s on {workers} CPUs = {per_worker:.1f} pages/s per worker (wall); "
          f"{pages / b_cpu:.1f} pages per CPU-second")
    print(f"3,000,000 pages: {PROJECTED_PAGES / per_worker / 3600:,.0f} worker-hours at that rate")


if __name__ == "__main__":
    main()
