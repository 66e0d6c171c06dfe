"""Attribution: who said what, and via whom. Placeholder."""
from __future__ import annotations

from .records import Article, Statement


def find_statements(article: Article) -> list[Statement]:
    """Return the article's statements in text order."""
    return []


def link_statements(article: Article) -> None:
    """Set `event_id` on statements that are about one of the article's events."""
