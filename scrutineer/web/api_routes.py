"""JSON API under /api/: the CLI's JSON (`search`, `documents`, `show`, `metrics`, `compare`) over HTTP."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from scrutineer.compare import Comparison
from scrutineer.search import Hit
from scrutineer.web import service
from scrutineer.web.forms import CompareForm, MetricsForm, SearchForm, compare_form, metrics_form, search_form
from store.metric_rows import MetricRow
from store.queries import DocumentDetail, DocumentRow, FailureRow

router = APIRouter(prefix="/api")
ERRORS = {400: {"description": "Bad parameter: `{\"detail\": message}`"},
          404: {"description": "Unknown document or indicator: `{\"detail\": message}`"}}


@router.get("/search", response_model=list[Hit], responses=ERRORS, summary="Search statements (as `scrutineer search`)")
def search(request: Request, form: Annotated[SearchForm, Depends(search_form)]) -> list[Hit]:
    return service.search_hits(request.app.state.owner, form).hits


@router.get("/documents", response_model=list[DocumentRow], summary="Every document and pack part with its ingest status")
def documents(request: Request) -> list[DocumentRow]:
    return service.documents(request.app.state.owner)


@router.get("/failures", response_model=list[FailureRow], summary="Files the last ingest could not read, with the reason")
def failures(request: Request) -> list[FailureRow]:
    return service.failures(request.app.state.owner)


@router.get("/documents/{doc_id}", response_model=DocumentDetail, responses=ERRORS,
            summary="One document: metadata, sections, statements, tables (as `scrutineer show --format json`)")
def document(request: Request, doc_id: str) -> DocumentDetail:
    return service.document(request.app.state.owner, doc_id)


@router.get("/metrics", response_model=list[MetricRow], responses=ERRORS, summary="Metrics (as `scrutineer metrics`)")
def metrics(request: Request, form: Annotated[MetricsForm, Depends(metrics_form)]) -> list[MetricRow]:
    return service.metric_rows(request.app.state.owner, form)


@router.get("/compare/{indicator}", response_model=Comparison, responses=ERRORS,
            summary="One indicator by authority and period (as `scrutineer compare`)")
def compare(request: Request, form: Annotated[CompareForm, Depends(compare_form)]) -> Comparison:
    return service.comparison(request.app.state.owner, form)
