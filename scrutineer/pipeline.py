"""Ingest a batch: find files, skip what is stored, parse in parallel, write one file at a time.

A bad file is recorded with its one-line reason and the batch goes on; a file
is written in one transaction, so nothing stored is ever half-written.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import multiprocessing
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from pathlib import Path
from urllib.parse import unquote

from pydantic import BaseModel, ConfigDict

from ingest import IngestError, Overrides, ParsedFile, parse_file
from ingest.errors import describe
from ingest.models import DocType
from ingest.reader import SUFFIXES
from nlp.extract import Extractor, topics_only
from nlp.models import Extraction
from nlp.pipeline import build_extractor
from scrutineer.folder_authority import fill_from_folders
from scrutineer.gc_pace import lean_gc
from scrutineer.limits import FILE_SECONDS, FileLimits, limit_memory, time_limit
from store.records import FileState, Records

MANIFEST = "manifest.csv"


class Failure(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str
    path: str
    reason: str


class Parsed(BaseModel):
    """A parsed file with what extraction found in each of its documents."""

    model_config = ConfigDict(extra="forbid")
    file: ParsedFile
    extractions: list[Extraction]
    parse_seconds: float = 0.0
    extract_seconds: float = 0.0


class IngestSummary(BaseModel):
    model_config = ConfigDict(extra="forbid")
    files_seen: int = 0
    files_read: int = 0
    documents: int = 0
    packs: int = 0
    parts: int = 0
    pages: int = 0
    sections: int = 0
    statements: int = 0
    tables: int = 0
    metrics: int = 0
    duplicates: int = 0
    unchanged: int = 0
    ocr_pages: int = 0
    failures: list[Failure] = []
    warnings: list[str] = []
    parse_seconds: float = 0.0  # summed over worker processes
    extract_seconds: float = 0.0  # summed over worker processes
    store_seconds: float = 0.0

    def counts(self) -> dict[str, int]:
        return {"seen": self.files_seen, "read": self.files_read, "duplicates": self.duplicates,
                "unchanged": self.unchanged, "failures": len(self.failures)}


OnFile = Callable[[str, int], None]
Job = tuple[str, Overrides]
# Another executor of the per-file job (scrutineer/ray_ingest.py): outcomes in the order of the jobs.
Executor = Callable[[list[Job], bool, FileLimits, bool], Iterable["Parsed | Failure"]]


# A folder's own notes, not papers: the shared corpus's README.md became a Kent paper that ranked seventh for "care
# leavers NEET Kent". Named directly, such a file is read like any other.
FOLDER_NOTES = {"readme", "changelog", "changes", "license", "licence", "contributing"}


def collect_files(inputs: Iterable[Path]) -> list[Path]:
    """Files named directly, and supported files found recursively in folders (less a folder's README and the like),
    in a stable order."""
    found: list[Path] = []
    for p in inputs:
        if p.is_dir():
            found.extend(
                f for f in sorted(p.rglob("*"))
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith(".")
                and f.stem.lower() not in FOLDER_NOTES
            )
        else:
            found.append(p)
    return found


def read_manifest(path: Path) -> dict[str, Overrides]:
    """manifest.csv: file, authority, committee, meeting_date, url (empty cells are ignored)."""
    out: dict[str, Overrides] = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            name = (row.get("file") or "").strip()
            if not name:
                continue
            when = (row.get("meeting_date") or "").strip()
            out[unquote(Path(name).name)] = Overrides(
                authority=(row.get("authority") or "").strip() or None,
                committee=(row.get("committee") or "").strip() or None,
                meeting_date=date.fromisoformat(when) if when else None,
                url=(row.get("url") or "").strip() or None,
            )
    return out


def _manifests(inputs: Iterable[Path]) -> dict[str, Overrides]:
    merged: dict[str, Overrides] = {}
    for p in inputs:
        candidate = p / MANIFEST if p.is_dir() else p.parent / MANIFEST
        if candidate.is_file():
            merged.update(read_manifest(candidate))
    return merged


def _overrides_for(path: Path, manifest: dict[str, Overrides], cli: Overrides) -> Overrides:
    base = manifest.get(unquote(path.name), Overrides())
    return base.model_copy(update={k: v for k, v in cli.model_dump().items() if v is not None})


_extractor: Extractor | None = None


def _init_worker(memory: int = 0, extract: bool = True) -> None:
    """Each worker process builds its extractor once, not per file, under a memory ceiling (bytes; 0 for none)."""
    if memory:
        limit_memory(memory)
    _warm(extract)  # a no-op for what the worker inherited from the parent (see _preload)


def _preload(extract: bool = True) -> None:
    """Build the extractor and import the PDF reader in the parent, before its worker pool forks: every worker then
    inherits them instead of paying for them itself (spaCy, PyMuPDF and the rules' patterns: about 1 CPU second a
    worker)."""
    if multiprocessing.get_start_method() == "fork":
        _warm(extract)


def _warm(extract: bool) -> None:
    """Import the PDF reader and build the extractor outside any file's time limit: an alarm that fires inside an
    import leaves the module half-initialised for every later file of the process, and the first file would pay
    for the models' load against its own limit."""
    global _extractor
    import ingest.pdf  # noqa: F401

    if _extractor is None and extract:
        _extractor = build_extractor()
        gc.freeze()  # its patterns, vocabularies and rules live as long as the process: no collection need walk them


def extract_all(parsed: ParsedFile, extractor: Extractor) -> list[Extraction]:
    return [extractor.extract(d) for d in parsed.documents if d.meta.doc_type is not DocType.PACK]


def _parse_job(path: str, overrides: Overrides, tables: bool, seconds: float = FILE_SECONDS,
               extract: bool = True) -> Parsed | Failure:
    started = time.perf_counter()
    source = unquote(Path(path).name)
    try:
        _warm(extract)
        with time_limit(seconds, source):
            parsed = parse_file(Path(path), overrides, tables=tables)
            parsed_at = time.perf_counter()
            if not extract:  # the fast profile: topics only, metrics and entities left to `scrutineer reextract`
                extractions = [topics_only(d) for d in parsed.documents if d.meta.doc_type is not DocType.PACK]
            else:
                assert _extractor is not None
                extractions = extract_all(parsed, _extractor)
    except IngestError as exc:
        return Failure(source=exc.source, path=path, reason=exc.reason)
    except Exception as exc:  # a parser bug must not stop the batch
        return Failure(source=source, path=path, reason=f"could not be parsed ({describe(exc)})")
    return Parsed(file=parsed, extractions=extractions, parse_seconds=parsed_at - started,
                  extract_seconds=time.perf_counter() - parsed_at)


def ingest(
    inputs: list[Path], records: Records, overrides: Overrides | None = None, *, workers: int = 2,
    tables: bool = True, on_file: OnFile | None = None, on_total: Callable[[int], None] | None = None,
    limits: FileLimits | None = None, extract: bool = True, executor: Executor | None = None,
    on_parsing: Callable[[], None] | None = None,
) -> IngestSummary:
    """`extract=False` stores topics but no metrics or entities (the fast profile; `reextract` adds them later).
    `on_parsing` is called once the parsers run (their processes forked), to start work that overlaps them."""
    summary = IngestSummary()
    tags_all = records.is_empty()  # every statement will be tagged by these rules
    files = collect_files(inputs)
    manifest = _manifests(inputs)
    run_id = records.start_run()
    summary.files_seen = len(files)
    if on_total:
        on_total(len(files))
    todo: dict[str, tuple[Path, str]] = {}  # sha256 → first path with those bytes in this batch
    later_copies: list[tuple[Path, str]] = []
    for path in files:
        state = _triage(path, records, summary, run_id, todo, later_copies)
        if state is not None and on_file:
            on_file(unquote(path.name), 0)
    with lean_gc():
        _parse_all(todo, records, summary, run_id, manifest, overrides or Overrides(), workers, tables, on_file,
                   limits or FileLimits(), extract, executor, on_parsing or (lambda: None))
    for path, sha in later_copies:
        if records.file_state(str(path.resolve()), sha)[0] is FileState.NEW:
            reason = f"identical to {unquote(todo[sha][0].name)}, which failed"
            _fail(records, summary, run_id, Failure(source=unquote(path.name), path=str(path), reason=reason))
        else:
            records.add_duplicate_path(str(path.resolve()), sha)
            summary.duplicates += 1
        if on_file:
            on_file(unquote(path.name), 0)
    fill_from_folders(records, files)
    if tags_all:
        records.mark_topic_rules()
    records.finish_run(run_id, summary.counts())
    return summary


def _triage(
    path: Path, records: Records, summary: IngestSummary, run_id: int,
    todo: dict[str, tuple[Path, str]], later_copies: list[tuple[Path, str]],
) -> FileState | None:
    """Decide without parsing: unchanged, duplicate, or to parse. Returns a state when the file is done."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        _fail(records, summary, run_id, Failure(source=path.name, path=str(path), reason=f"cannot read ({exc.strerror})"))
        return FileState.NEW
    sha = hashlib.sha256(data).hexdigest()
    state, _ = records.file_state(str(path.resolve()), sha)
    if state is FileState.UNCHANGED:
        summary.unchanged += 1
        return state
    if state is FileState.DUPLICATE:
        records.add_duplicate_path(str(path.resolve()), sha)
        summary.duplicates += 1
        return state
    if sha in todo:
        later_copies.append((path, sha))
        return None
    todo[sha] = (path, sha)
    return None


def _parse_all(
    todo: dict[str, tuple[Path, str]], records: Records, summary: IngestSummary, run_id: int,
    manifest: dict[str, Overrides], overrides: Overrides, workers: int, tables: bool, on_file: OnFile | None,
    limits: FileLimits, extract: bool = True, executor: Executor | None = None,
    on_parsing: Callable[[], None] = lambda: None,
) -> None:
    jobs = [(str(p), _overrides_for(p, manifest, overrides)) for p, _ in todo.values()]
    if executor is not None:
        on_parsing()
        for outcome in executor(jobs, tables, limits, extract):
            _store(outcome, records, summary, run_id, on_file)
        return
    if workers <= 1 or len(jobs) <= 1:
        if jobs:  # spaCy first: its import holds torch out of sys.modules, which a thread importing torch would meet
            _warm(extract)
        on_parsing()
        for path, ov in jobs:
            _store(_parse_job(path, ov, tables, limits.seconds, extract), records, summary, run_id, on_file)
        return
    _preload(extract)
    while jobs:  # a worker that dies (a crash in a C library, the memory ceiling) costs one file, not the batch
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                 initargs=(limits.memory, extract)) as pool:
            futures: list[Future] = [pool.submit(_parse_job, path, ov, tables, limits.seconds, extract)
                                     for path, ov in jobs]
            on_parsing()  # after the first submit: a fork-started pool has forked all its processes
            done = _collect(futures, jobs, records, summary, run_id, on_file)
        if done < len(jobs):
            _store(_alone(jobs[done], tables, limits, extract), records, summary, run_id, on_file)
        jobs = jobs[done + 1:]


def _collect(futures: list[Future], jobs: list[tuple[str, Overrides]], records: Records, summary: IngestSummary,
             run_id: int, on_file: OnFile | None) -> int:
    """Store results in order; returns how many were stored before the pool broke (all of them if it did not)."""
    for i, fut in enumerate(futures):
        try:
            outcome = fut.result()
        except BrokenProcessPool:
            return i
        _store(outcome, records, summary, run_id, on_file)
    return len(jobs)


def _alone(job: tuple[str, Overrides], tables: bool, limits: FileLimits, extract: bool = True) -> Parsed | Failure:
    """The first file left when a pool broke, retried in a process of its own: if that dies too, it was the one."""
    path, ov = job
    with ProcessPoolExecutor(max_workers=1, initializer=_init_worker, initargs=(limits.memory, extract)) as pool:
        try:
            return pool.submit(_parse_job, path, ov, tables, limits.seconds, extract).result()
        except BrokenProcessPool:
            return Failure(source=unquote(Path(path).name), path=path,
                           reason="the parser's process died reading this file (a crash or the memory ceiling)")


def _store(outcome: Parsed | Failure, records: Records, summary: IngestSummary, run_id: int,
           on_file: OnFile | None) -> None:
    if isinstance(outcome, Failure):
        _fail(records, summary, run_id, outcome)
        if on_file:
            on_file(outcome.source, 0)
        return
    result = outcome.file
    started = time.perf_counter()
    records.write(result, outcome.extractions)
    summary.store_seconds += time.perf_counter() - started
    summary.parse_seconds += outcome.parse_seconds
    summary.extract_seconds += outcome.extract_seconds
    summary.metrics += sum(len(e.metrics) for e in outcome.extractions)
    summary.files_read += 1
    summary.pages += len(result.page_texts)
    summary.ocr_pages += result.ocr_pages
    summary.warnings.extend(f"{result.file.source}: {w}" for w in result.warnings)
    for doc in result.documents:
        if doc.meta.doc_type is DocType.PACK:
            summary.packs += 1
            continue
        summary.documents += 1
        summary.parts += doc.parent_id is not None
        summary.sections += len(doc.sections)
        summary.statements += len(doc.statements)
        summary.tables += len(doc.tables)
    if on_file:
        on_file(result.file.source, len(result.page_texts))


def _fail(records: Records, summary: IngestSummary, run_id: int, failure: Failure) -> None:
    summary.failures.append(failure)
    records.record_failure(run_id, failure.path, failure.source, failure.reason)
