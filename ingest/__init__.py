"""Files on disk → Documents (pages, sections, statements, tables, metadata)."""

from ingest.errors import IngestError
from ingest.models import Document, ParsedFile
from ingest.reader import Overrides, parse_file

__all__ = ["Document", "IngestError", "Overrides", "ParsedFile", "parse_file"]
