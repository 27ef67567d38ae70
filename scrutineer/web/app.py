"""The web app: `create_app(kb)` builds a FastAPI application over one knowledge base, read-only.

Pages and the JSON API share one KB owner (see owner.py); errors become a page, or a 4xx JSON body under /api/,
never a stack trace."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from scrutineer.config import Settings
from scrutineer.hits import citation
from scrutineer.web import present
from scrutineer.web.forms import WebError
from scrutineer.web.owner import KBOwner

HERE = Path(__file__).parent
log = logging.getLogger("scrutineer.web")
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                    "Content-Security-Policy": "default-src 'self'; style-src 'self'; img-src 'self' data:; "
                                               "object-src 'self'; frame-ancestors 'self'"}


def templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=HERE / "templates")
    t.env.globals.update(highlight=present.highlight, citation=citation, pages=present.pages, period=present.period,
                         unit_name=present.unit_name, options=present.options)
    return t


def create_app(kb: Path, cfg: Settings | None = None) -> FastAPI:
    """The app for the KB at `kb`, which must exist (`KnowledgeBaseMissing` otherwise)."""
    owner = KBOwner(kb, cfg)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        owner.close()

    app = FastAPI(title="Scrutineer", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Council committee papers as a knowledge base: search, documents, metrics, compare. "
                              "Read-only; the same fields as the CLI's JSON.")
    app.state.owner = owner
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _errors(app)

    app.add_middleware(SecurityHeaders)

    from scrutineer.web import api_routes, pages
    app.include_router(api_routes.router)
    app.include_router(pages.router)
    return app


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response that lacks them, as plain ASGI: Starlette's `@app.middleware("http")`
    wraps each request in a task group and memory streams, a few milliseconds of CPU per request under load."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        original = scope["path"].endswith("/file")  # a browser's PDF viewer must not be held to the pages' policy

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for k, v in SECURITY_HEADERS.items():
                    if not (original and k == "Content-Security-Policy") and k not in headers:
                        headers.append(k, v)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    page = request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status)
    return page


def _errors(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError) -> Response:
        return error_response(request, exc.status, exc.message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return error_response(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "path"))
        return error_response(request, 400, f"bad parameter {where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("error answering %s", request.url.path)
        return error_response(request, 500, "something went wrong answering this request; the server log has details")
