"""Clean: turn a RawInput into an Article with clean text, or an error.

Placeholder: decodes UTF-8 and passes text through, until the clean stage lands.
"""
from __future__ import annotations

from . import errors
from .ingest import RawInput
from .records import Article
from .settings import Settings


def clean(raw: RawInput, settings: Settings) -> Article:
    """Return an Article with `text` set, or with `error` set."""
    art = Article(id=raw.id, published=raw.published, title=raw.title, url=raw.url,
                  source=raw.source)
    text = raw.text
    if text is None and raw.data is not None:
        text = raw.data.decode("utf-8", errors="replace")
    if text is None:
        text = raw.html or ""
    art.text = text.strip()
    if len(art.text) < settings.min_chars:
        return art.fail(errors.EMPTY, errors.message(errors.EMPTY))
    return art
