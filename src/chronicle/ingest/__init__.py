"""Ingest: files and records in (text, HTML, JSONL, WARC), `RawInput`s out (`read`); each `RawInput`
cleaned into an `Article` with its text, or with an error saying why it has none (`clean`)."""
from .read import RawInput, read_paths

__all__ = ["RawInput", "read_paths"]
