"""Domain errors of the ingest layer; the CLI turns them into one-line messages."""

from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be read; `reason` is the one line a user sees."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnsupportedFormat(IngestError):
    pass


class EmptyFile(IngestError):
    pass


class NotAPdf(IngestError):
    pass


class EncryptedPdf(IngestError):
    pass


class DamagedFile(IngestError):
    pass


class NoTextLayer(IngestError):
    pass


class TooSlow(IngestError):
    pass


def describe(exc: BaseException) -> str:
    """One readable line for an unexpected parser exception (a PyMuPDF error's repr is a SWIG proxy, a
    RecursionError's text says nothing about the file)."""
    if isinstance(exc, RecursionError):
        return "its structure is nested too deeply to read"
    if isinstance(exc, MemoryError):
        return "it needs more memory than a file is allowed"
    text = getattr(exc, "m_text", None) or str(exc)  # mupdf errors carry their message in m_text
    text = " ".join(str(text).split())
    if not text or "proxy of <Swig" in text:
        text = type(exc).__name__
    return text[:200]


class NotText(IngestError):
    pass
