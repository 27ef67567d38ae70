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
