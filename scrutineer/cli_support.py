"""What every CLI command shares: consoles, the --kb option, opening a KB, writing output."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from scrutineer.config import settings
from store.kb_lock import KbBusy, writer
from store.records import Records, StoreError

out = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 200)

KbOption = Annotated[Path | None, typer.Option("--kb", help="Knowledge base folder (default ./kb or SCRUTINEER_KB).")]


def kb_path(kb: Path | None) -> Path:
    return kb or settings().kb


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error; the caller raises what this returns."""
    err.print(f"[red]error[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


def open_records(kb: Path | None, must_exist: bool = True) -> Records:
    path = kb_path(kb)
    if must_exist and not (path / "records.sqlite").exists():
        raise fail(f"no knowledge base at {path}: run `scrutineer ingest PATH --kb {path}` first")
    try:
        return Records(path)
    except StoreError as exc:
        raise fail(str(exc)) from exc


@contextmanager
def writing(kb: Path | None, what: str) -> Iterator[None]:
    """The one writer of the KB: a second ingest (or reindex, reextract) is refused with one line, exit 2."""
    try:
        with writer(kb_path(kb), what):
            yield
    except KbBusy as exc:
        raise fail(str(exc)) from exc


def emit(text: str, output: Path | None, what: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    err.print(f"{what} written to {output}")


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=not sys.stderr.isatty(), disable=not sys.stderr.isatty(),
    )
