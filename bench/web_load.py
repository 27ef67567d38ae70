"""Load on the web app: N concurrent clients for S seconds against `scrutineer serve` on loopback, mixed search,
metrics and compare pages. Prints p50/p95 latency per kind (all requests, and the first request of each URL, which
the server's cache cannot answer), the errors, and the server's CPU time per request.

Each client is a closed loop: it sends its next request `--think` seconds (default 0) after the last answer, so
20 clients with no think time keep 20 requests in the server at all times. `--no-cache` turns the server's cache of
search answers off (SCRUTINEER_WEB_CACHE_SEARCHES=false), so every search is computed (each query's vector is still remembered).

Run: python bench/web_load.py KB [--clients 20] [--seconds 60] [--think 0] [--no-cache] [--processes 1] [--port 8799]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import httpx

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
# what readers of council papers ask, beyond the dev queries, so most searches are not answered from the cache
QUERIES = [
    "emergency accommodation for care leavers", "placement stability", "care leavers NEET", "foster carer recruitment",
    "unaccompanied asylum seeking children", "staying close", "children in care rate per 10,000", "residential placements",
    "independent fostering agencies cost", "sufficiency strategy", "Ofsted inspection judgement", "social worker caseloads",
    "agency social workers", "health assessments for looked after children", "personal education plans",
    "missing from care", "child sexual exploitation", "special guardianship orders", "adoption timeliness",
    "care leavers in suitable accommodation", "pathway plans", "overspend on placements", "budget pressures children's services",
    "edge of care services", "youth justice", "school exclusions of children in care", "dental checks",
    "strengths and difficulties questionnaire", "corporate parenting board", "Mockingbird programme",
    "kinship carers support", "national transfer scheme", "supported lodgings", "semi-independent provision",
    "care experience as a protected characteristic", "virtual school attainment", "children's voices and participation",
    "placement moves in the last year", "long term placement stability", "apprenticeships for care leavers",
]
FILTERS = [{}, {"from": "2024"}, {"doc_type": "report"}, {"topic": "neet"}, {"limit": "50"}]


def _queries() -> list[str]:
    """The dev queries, the bench's own topic queries (bench/queries) and the list above."""
    found: list[str] = []
    for path in (SHARED / "eval" / "queries_dev.json", Path(__file__).parent / "queries" / "queries.json"):
        found += [q["query"] for q in json.loads(path.read_text())] if path.is_file() else []
    return list(dict.fromkeys(found + QUERIES))


def _urls(client: httpx.Client) -> dict[str, list[str]]:
    """Every URL the clients draw from: the dev queries × a few filters, indicators and authorities in the KB."""
    metrics = client.get("/api/metrics").json()
    indicators = sorted({m["indicator"] for m in metrics if m["indicator"]})
    authorities = sorted({m["authority"] for m in metrics if m["authority"]})
    search = [f"/?{urllib.parse.urlencode({'q': q, **f})}" for q in _queries() for f in FILTERS]
    metric_pages = ["/metrics"] + [f"/metrics?indicator={i}" for i in indicators] + \
        [f"/metrics?authority={urllib.parse.quote(a)}&basis=actual" for a in authorities]
    compare = [f"/compare/{i}" for i in indicators] + [f"/compare/{i}?authority={urllib.parse.quote(a)}&neighbours=true"
                                                       for i in indicators[:5] for a in authorities[:3]]
    return {"search": search, "metrics": metric_pages, "compare": compare}


def _client(base: str, urls: dict[str, list[str]], until: float, seed: int, out: list, think: float) -> None:
    rng = random.Random(seed)
    kinds = ["search"] * 3 + ["metrics", "compare"]
    with httpx.Client(base_url=base, timeout=30) as c:
        while time.time() < until:
            kind = rng.choice(kinds)
            url = rng.choice(urls[kind])
            start = time.time()
            try:
                status = c.get(url).status_code
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            out.append((kind, url, start, (time.time() - start) * 1000, status))
            time.sleep(think)


def _clients(base: str, urls: dict[str, list[str]], until: float, seeds: list[int], think: float) -> list:
    """Some of the clients, as threads of one process."""
    out: list = []
    threads = [threading.Thread(target=_client, args=(base, urls, until, s, out, think)) for s in seeds]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return out


def _run_clients(base: str, urls: dict[str, list[str]], args: argparse.Namespace) -> list:
    """The clients, split over `--processes` processes (wall-clock deadline, so they stop together); each result
    marked with whether it was the first request of its URL, by start time."""
    until = time.time() + args.seconds
    seeds = list(range(args.clients))
    if args.processes <= 1:
        results = _clients(base, urls, until, seeds, args.think)
    else:
        with ProcessPoolExecutor(args.processes) as pool:
            parts = [pool.submit(_clients, base, urls, until, seeds[i::args.processes], args.think)
                     for i in range(args.processes)]
            results = [r for part in parts for r in part.result()]
    seen: set[str] = set()
    marked = []
    for kind, url, _, ms, status in sorted(results, key=lambda r: r[2]):
        marked.append((kind, url not in seen, ms, status))
        seen.add(url)
    return marked


def _pct(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("kb", type=Path)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--port", type=int, default=8799)
    ap.add_argument("--think", type=float, default=0.0, help="seconds a client waits between an answer and its next request")
    ap.add_argument("--no-cache", action="store_true", help="the server remembers no search answers")
    ap.add_argument("--settle", type=float, default=5.0,
                    help="seconds to wait after the first search before the load starts: the server reads every "
                         "topic's vectors at start (2-3 s on the whole shared corpus); 0 measures start-up too")
    ap.add_argument("--processes", type=int, default=1,
                    help="client processes the clients are split over (1: all threads of this one, which then share "
                         "one Python lock: on a small machine that lock, not the server, can dominate the latency)")
    args = ap.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    env = {**os.environ, **({"SCRUTINEER_WEB_CACHE_SEARCHES": "false"} if args.no_cache else {})}
    server = subprocess.Popen([sys.executable, "-m", "scrutineer.cli", "serve", "--kb", str(args.kb), "--port", str(args.port)],
                              env=env)
    try:
        with httpx.Client(base_url=base, timeout=60) as c:
            for _ in range(600):
                try:
                    c.get("/api/documents")
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            urls = _urls(c)
            t = time.perf_counter()
            c.get("/", params={"q": "warm up the embedding model"})
            print(f"first search (model load): {(time.perf_counter() - t) * 1000:.0f} ms")
            time.sleep(args.settle)
        cpu = _cpu_seconds(server.pid)
        results = _run_clients(base, urls, args)
        cpu = _cpu_seconds(server.pid) - cpu
        rss = _rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(10)
    _report(results, args)
    searches = sum(r[0] == "search" for r in results)
    print(f"server CPU time during the load: {cpu:.1f} s, {1000 * cpu / max(len(results), 1):.0f} ms per request "
          f"({searches} of {len(results)} requests searches); think time {args.think:g} s; "
          f"search answer cache {'off' if args.no_cache else 'on'}; server memory after: {rss:.0f} MB resident")


def _rss_mb(pid: int) -> float:
    """Resident memory of a process (Linux /proc), MB."""
    line = next(x for x in Path(f"/proc/{pid}/status").read_text().splitlines() if x.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _report(results: list, args: argparse.Namespace) -> None:
    print(f"{args.clients} clients, {args.seconds:.0f} s, {len(results)} requests "
          f"({len(results) / args.seconds:.1f}/s), KB {args.kb}; load average after: "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    errors = [r for r in results if r[3] != 200]
    by: dict[tuple[str, str], list[float]] = defaultdict(list)
    for kind, first, ms, _ in results:
        by[(kind, "all")].append(ms)
        if first:
            by[(kind, "first")].append(ms)
    print(f"{'kind':8} {'requests':>13} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for (kind, which), ms in sorted(by.items()):
        print(f"{kind:8} {which + ' requests' if which == 'all' else 'first of a URL':>13} {len(ms):6d} "
              f"{_pct(ms, 50):8.0f} {_pct(ms, 95):8.0f} {max(ms):8.0f}")
    print(f"errors: {len(errors)}" + (f" e.g. {errors[:3]}" if errors else ""))


if __name__ == "__main__":
    main()
