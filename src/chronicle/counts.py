"""Counts: killed and injured. Placeholder."""
from __future__ import annotations

from .records import Article, Event


def count_events(article: Article, events: list[Event]) -> None:
    """Set `killed` and `injured` on each event."""
