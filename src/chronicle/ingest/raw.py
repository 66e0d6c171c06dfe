"""The `RawInput`: one input document as read, before cleaning (shared by the readers)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass
class RawInput:
    """One input document before cleaning; exactly one of text, html, data is set."""

    id: str
    text: Optional[str] = None
    html: Optional[str] = None
    data: Optional[bytes] = None
    published: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    outlet: Optional[str] = None  # who published it ("Reuters"), when the input says
    problem: Optional[str] = None  # an error code found while reading (e.g. a bad JSONL line)
    detail: Optional[str] = None  # what exactly was wrong, for the error message
    crawled: Optional[str] = None  # YYYY-MM-DD the page was fetched: `published` when nothing better
    media_type: Optional[str] = None  # "text/html" when the file name or WARC header says so
    charset: Optional[str] = None  # the encoding the container declares, if any


def default_max_bytes() -> int:
    """Return settings.max_bytes from the environment or settings file."""
    from ..settings import load  # late import: settings reads the environment
    return load().max_bytes
