"""`scrutineer serve`: the web app over a KB (the app itself is scrutineer/web)."""

from __future__ import annotations

from typing import Annotated

import typer

from scrutineer.api import KnowledgeBaseMissing
from scrutineer.cli_support import KbOption, err, fail, kb_path


def serve_command(
    kb: KbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 exposes the KB to your network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """A read-only web app and JSON API over the KB: search, documents, metrics, compare (opens nothing by itself)."""
    import uvicorn

    from scrutineer.web.app import create_app

    try:
        app = create_app(kb_path(kb))
    except KnowledgeBaseMissing as exc:
        raise fail(str(exc)) from exc
    err.print(f"serving {kb_path(kb)} at http://{host}:{port}  (Ctrl+C stops)", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")
