"""HTML pages: each route parses its form, asks service.py, and hands the result to a template."""

from __future__ import annotations

from itertools import groupby
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from ingest.models import DocType
from nlp.models import Basis, Flag
from nlp.taxonomy import load_taxonomy
from nlp.topics import Topic
from scrutineer.compare_view import comparison_csv, comparison_notes
from scrutineer.exports import metrics_csv
from scrutineer.hits import render_hits
from scrutineer.printed_order import printed_order
from scrutineer.web import service
from scrutineer.web.chart import comparison_svg, legend
from scrutineer.web.forms import CompareForm, MetricsForm, SearchForm, compare_form, metrics_form, search_form
from scrutineer.web.present import Choices, section_tree, timeline
from store.metric_rows import Only, hides_outside
from store.queries import DocumentRow

router = APIRouter(include_in_schema=False)
SHOWN_METRICS = 200  # rows on the page; the CSV has every filtered row


def _render(request: Request, name: str, **context: object) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context)


def _choices(request: Request) -> dict[str, object]:
    """The filters' options as (value, label) pairs (see present.options), made once per KB generation."""
    owner = request.app.state.owner
    return owner.cached("choices", lambda _: _made_choices(service.documents(owner)))


def _made_choices(docs: list[DocumentRow]) -> dict[str, object]:
    taxonomy = load_taxonomy()

    def named(values: list[str]) -> Choices:
        return tuple((v, v.replace("_", " ")) for v in values)

    return {"authorities": tuple((a, a) for a in sorted({d.authority for d in docs if d.authority})),
            "doc_types": named([d.value for d in DocType]), "topics": named([t.value for t in Topic]),
            "bases": named([b.value for b in Basis]), "onlys": tuple(
                (o.value, "all, with other council business" if o is Only.ALL else o.value) for o in Only),
            "indicators": tuple(sorted(((i.id, i.title) for i in taxonomy.indicators.values()),
                                       key=lambda it: it[1].lower())),
            "titles": {i.id: i.title for i in taxonomy.indicators.values()}}


def _same_query(request: Request, name: str, **path: str) -> str:
    """The URL of route `name` with this request's query string, repeated parameters included."""
    url = request.app.url_path_for(name, **path)
    return f"{url}?{request.url.query}" if request.url.query else str(url)


def _csv(text: str, name: str) -> Response:
    return Response(text, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, form: Annotated[SearchForm, Depends(search_form)]) -> HTMLResponse:
    owner = request.app.state.owner
    found = service.search_hits(owner, form) if form.q else service.Found([], None)
    hits = found.hits
    csv_url = _same_query(request, "search_csv") if hits else None
    read = found.read  # shown, with a link to the words as typed
    literal_url = f"{_same_query(request, 'search_page')}&literal=true" if read and read.named_filters else None
    return _render(request, "search.html", form=form, hits=hits, notice=found.notice, groups=timeline(hits),
                   ids=service.document_ids(owner), csv_url=csv_url, read=read, literal_url=literal_url,
                   unmatched=found.unmatched, older_rules=service.older_topic_rules(owner) if form.q else None,
                   **_choices(request))


@router.get("/search.csv", name="search_csv")
def search_csv(request: Request, form: Annotated[SearchForm, Depends(search_form)]) -> Response:
    """The rows the search page shows (same query, filters and limit), in `search --format csv` columns."""
    return _csv(render_hits(service.search_hits(request.app.state.owner, form).hits, "csv"), "search.csv")


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request) -> HTMLResponse:
    owner = request.app.state.owner
    return _render(request, "documents.html", docs=service.documents(owner), failures=service.failures(owner))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    detail = service.document(request.app.state.owner, doc_id)
    by_page = [(page, list(sts)) for page, sts in groupby(printed_order(detail.statements), key=lambda s: s.page)]
    parts = [d for d in service.documents(request.app.state.owner) if d.parent_id == doc_id]
    return _render(request, "document.html", d=detail.document, detail=detail, tree=section_tree(detail.sections),
                   by_page=by_page, parts=parts)


@router.get("/documents/{doc_id}/file")
def document_file(request: Request, doc_id: str) -> FileResponse:
    path, media = service.original_file(request.app.state.owner, doc_id)
    return FileResponse(path, media_type=media, content_disposition_type="inline", filename=path.name)


@router.get("/metrics", response_class=HTMLResponse)
def metrics_page(request: Request, form: Annotated[MetricsForm, Depends(metrics_form)]) -> HTMLResponse:
    owner = request.app.state.owner
    rows = service.metric_rows(owner, form)
    left_out = sum(Flag.OUTSIDE_CHILDRENS_SERVICES in r.flags for r in service.metric_rows(
        owner, form.model_copy(update={"only": Only.ALL}))) if hides_outside(form.only) else 0
    start = _start(request, len(rows))
    query = [(k, v) for k, v in request.query_params.multi_items() if k != "start"]
    more = {"next": start + SHOWN_METRICS if start + SHOWN_METRICS < len(rows) else None,
            "previous": max(0, start - SHOWN_METRICS) if start else None}
    return _render(request, "metrics.html", form=form, rows=rows[start:start + SHOWN_METRICS], start=start,
                   total=len(rows), left_out=left_out, all_url=_with_only_all(request),
                   csv_url=_same_query(request, "metrics_csv"), more=more, query=urlencode(query), **_choices(request))


def _with_only_all(request: Request) -> str:
    query = [(k, v) for k, v in request.query_params.multi_items() if k not in ("only", "start")]
    return "/metrics?" + urlencode([*query, ("only", Only.ALL.value)])


def _start(request: Request, total: int) -> int:
    """Where a page of metric rows starts (`?start=N`); out of range starts at the top."""
    text = request.query_params.get("start", "0")
    return int(text) if text.isdigit() and int(text) < max(total, 1) else 0


@router.get("/metrics.csv", name="metrics_csv")
def metrics_csv_file(request: Request, form: Annotated[MetricsForm, Depends(metrics_form)]) -> Response:
    """Every filtered row, in the columns of `metrics --format csv`."""
    return _csv(metrics_csv(service.metric_rows(request.app.state.owner, form)), "metrics.csv")


@router.get("/compare", response_class=HTMLResponse, response_model=None)
def compare_index(request: Request, indicator: str = "") -> Response:
    """A form cannot put its value in the path without script: ?indicator=x goes on to /compare/x."""
    if indicator.strip():
        target = request.app.url_path_for("compare_page", indicator=indicator.strip())
        rest = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "indicator" and v])
        return RedirectResponse(f"{target}?{rest}" if rest else str(target), status_code=303)
    return _render(request, "compare_index.html", **_choices(request))


@router.get("/compare/{indicator}", response_class=HTMLResponse, name="compare_page")
def compare_page(request: Request, form: Annotated[CompareForm, Depends(compare_form)]) -> HTMLResponse:
    result = service.comparison(request.app.state.owner, form)
    rows: dict[str, dict[str, object]] = {}
    for p in result.points:
        rows.setdefault(p.name, {})[p.period] = p
    csv_url = _same_query(request, "compare_csv", indicator=form.indicator)
    return _render(request, "compare.html", form=form, c=result, rows=rows, svg=comparison_svg(result),
                   legend=legend(result), notes=comparison_notes(result), csv_url=csv_url,
                   ids=service.document_ids(request.app.state.owner), **_choices(request))


@router.get("/compare/{indicator}/csv", name="compare_csv")
def compare_csv(request: Request, form: Annotated[CompareForm, Depends(compare_form)]) -> Response:
    return _csv(comparison_csv(service.comparison(request.app.state.owner, form)), f"{form.indicator}.csv")


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    """The API described from its own OpenAPI document, served here (the stock /docs page needs a CDN)."""
    spec = request.app.openapi()
    return _render(request, "api.html", spec=spec)
