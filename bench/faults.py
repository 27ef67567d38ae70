"""Long fault cases, printed as figures (the short ones are tests/test_faults_*.py).

1. Readers against a writer on one embedded vector store: a writer process upserts BATCHES batches of 300 random
   vectors while fresh reader processes (3 at a time, as CLI searches are) open the store and query it; then three
   fresh opens. Prints how many readers crashed (signal), failed (exception) or gave up (busy), and the store's state.
   Before the KB lock, this crashed readers and corrupted the HNSW segment (see README "Several processes").
2. A PDF with a very large page count: ingest time and peak memory of the parse.

Run: python bench/faults.py [--batches 40] [--pages 50000]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

WRITER = """
import sys
from pathlib import Path
import numpy as np
from store.vectors import VectorIndex
index = VectorIndex(Path(sys.argv[1]), "bench", wait=600)
rng = np.random.default_rng(0)
for b in range(int(sys.argv[2])):
    index.add(list(range(b * 300, b * 300 + 300)), rng.normal(size=(300, 384)).astype(np.float32),
              [{"authority": "Kent", "year": 2024}] * 300)
"""
READER = """
import sys
from pathlib import Path
import numpy as np
from store.vectors import VectorIndex
index = VectorIndex(Path(sys.argv[1]), "bench")
index.query(np.random.default_rng().normal(size=384).astype(np.float32), 50, {"authority": "Kent"})
index.vectors([1, 2, 3])
print(index.size())
"""


def _py(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, preexec_fn=_cap_files)


def _cap_files() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (2**30, 2**30))  # a corrupted HNSW once grew a file to 62 GB


def readers_against_a_writer(batches: int) -> None:
    kb = Path(tempfile.mkdtemp(prefix="faults-"))
    _py(WRITER, str(kb), "1").wait()
    writer = _py(WRITER, str(kb), str(batches))
    crashed = failed = busy = ok = 0
    started = time.perf_counter()
    while writer.poll() is None:
        for r in [_py(READER, str(kb)) for _ in range(3)]:
            _, err = r.communicate()
            if r.returncode < 0:
                crashed += 1
            elif "VectorsBusy" in err:
                busy += 1
            elif r.returncode:
                failed += 1
            else:
                ok += 1
    checks = [_py(READER, str(kb)).communicate()[0].strip() or "failed" for _ in range(3)]
    print(f"readers during a {batches}-batch write ({time.perf_counter() - started:.0f} s): {ok} answered, "
          f"{busy} gave up busy, {failed} failed, {crashed} crashed; writer exit {writer.returncode}; "
          f"fresh opens afterwards: {', '.join(checks)} vectors")


def large_page_count(pages: int) -> None:
    from mutations import many_pages_pdf

    folder = Path(tempfile.mkdtemp(prefix="faults-pages-"))
    many_pages_pdf(folder / "many.pdf", pages)
    exe = Path(sys.executable).with_name("scrutineer")
    started = time.perf_counter()
    run = subprocess.run(["/usr/bin/time", "-f", "%M", str(exe), "ingest", str(folder / "many.pdf"), "--kb",
                          str(folder / "kb")], capture_output=True, text=True, env={"SCRUTINEER_EMBED": "false",
                          "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"})
    peak = run.stderr.strip().splitlines()[-1]
    print(f"{pages}-page PDF: exit {run.returncode}, {time.perf_counter() - started:.0f} s, peak RSS {int(peak) // 1024} MB")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batches", type=int, default=40)
    ap.add_argument("--pages", type=int, default=50000)
    args = ap.parse_args()
    readers_against_a_writer(args.batches)
    large_page_count(args.pages)


if __name__ == "__main__":
    main()
