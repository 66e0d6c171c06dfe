"""Names: merge mentions of one actor into one canonical name. Placeholder."""
from __future__ import annotations

from .records import Article


def canonicalise(article: Article) -> None:
    """Set a canonical `name` on every actor mention of the article."""
