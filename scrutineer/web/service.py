"""What the pages and the JSON API ask of the KB: each a call to the library the CLI uses, run by the KB's owner."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import NamedTuple

from scrutineer.api import KnowledgeBase
from scrutineer.compare import Comparison, UnknownIndicator
from scrutineer.period_names import period_name
from scrutineer.query_filters import ReadQuery
from scrutineer.search import Hit
from scrutineer.web.forms import CompareForm, MetricsForm, SearchForm, WebError
from scrutineer.web.owner import KBOwner
from store.metric_rows import MetricRow
from store.queries import DocumentDetail, DocumentRow, FailureRow, document_detail, last_failures

MEDIA = {"pdf": "application/pdf", "txt": "text/plain; charset=utf-8", "md": "text/plain; charset=utf-8",
         "html": "text/plain; charset=utf-8", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


class Found(NamedTuple):
    hits: list[Hit]
    notice: str | None  # why the vector index was not used (keywords only), as KnowledgeBase.notice says
    unmatched: bool = False  # the filters read from the query leave no paper to search
    read: ReadQuery | None = None  # the query as searched: the filters read from it


def search_hits(owner: KBOwner, form: SearchForm) -> Found:
    if not form.q:
        raise WebError(400, "the query is empty: type what to look for")

    def find(kb: KnowledgeBase) -> Found:
        # a missing, damaged or busy index, or one built by another model, leaves the keywords (KnowledgeBase.search)
        hits = kb.search(form.q, limit=form.limit, literal=form.literal, **form.filters())
        return Found(hits, kb.notice, kb.unmatched is not None, kb.read)

    if not owner.cache_searches:
        return owner.run(find)
    # keyword-only answers are not remembered: the index may be free again, or rebuilt, on the next request
    return owner.cached(("search", form), find, vectors=True, keep=lambda found: found.notice is None)


def older_topic_rules(owner: KBOwner) -> str | None:
    """The older topic rules the KB was tagged by, where a search should say so (`scrutineer reextract`)."""
    return owner.cached("older_topic_rules", lambda kb: kb.records.older_topic_rules())


def documents(owner: KBOwner) -> list[DocumentRow]:
    return owner.cached("documents", lambda kb: kb.documents())


def failures(owner: KBOwner) -> list[FailureRow]:
    return owner.cached("failures", lambda kb: last_failures(kb.records))


def document_ids(owner: KBOwner) -> dict[tuple[str, int], str]:
    """(source, part) → document id: a search hit cites its source file and part, the page links by id."""
    return owner.cached("document_ids", lambda _: {(d.source, d.part_index): d.id for d in documents(owner)})


def document_row(owner: KBOwner, doc_id: str) -> DocumentRow:
    found = next((d for d in documents(owner) if d.id == doc_id), None)
    if found is None:
        raise WebError(404, f"no document with id {doc_id!r}: see /documents")
    return found


def document(owner: KBOwner, doc_id: str) -> DocumentDetail:
    row = document_row(owner, doc_id)
    return owner.cached(("document", doc_id), lambda kb: document_detail(kb.records, row))


def metric_rows(owner: KBOwner, form: MetricsForm) -> list[MetricRow]:
    rows = owner.cached(("metrics", form.indicator, form.authority, form.basis, form.only),
                        lambda kb: kb.metrics(list(form.indicator), list(form.authority), list(form.basis), form.only))
    if not form.period:
        return rows
    want = form.period.lower()
    return [r for r in rows if want in period_name(r.period_start, r.period_end, r.period_label).lower()
            or want in r.period_label.lower()]


def comparison(owner: KBOwner, form: CompareForm) -> Comparison:
    names = list(form.authority)

    def run(kb: KnowledgeBase) -> Comparison:
        try:
            return kb.compare(form.indicator, [] if form.neighbours else names, names[0] if form.neighbours else None)
        except UnknownIndicator as exc:
            raise WebError(404, str(exc)) from exc

    return owner.cached(("compare", form), run)


def original_file(owner: KBOwner, doc_id: str) -> tuple[Path, str]:
    """The bytes the KB ingested for a document, found by id: the KB records each file's path and SHA-256, not its
    bytes, so the file is served only while the recorded path still holds exactly those bytes."""
    row = document_row(owner, doc_id)
    stored = owner.read(lambda kb: kb.records.db.execute(
        "SELECT path, format FROM files WHERE sha256 = ?", (row.sha256,)).fetchone())
    if stored is None:
        raise WebError(404, f"the KB has no file for document {doc_id}")
    path = Path(stored["path"])
    if not path.is_file():
        raise WebError(410, f"{row.source} is no longer where it was ingested from ({path})")
    if _sha256(path) != row.sha256:
        raise WebError(410, f"{row.source} has changed on disk since it was ingested: re-ingest it to serve it")
    return path, MEDIA.get(stored["format"], "application/octet-stream")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
