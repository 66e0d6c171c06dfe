"""Dates: normalise each event's date. Placeholder."""
from __future__ import annotations

from .records import Article, Event


def date_events(article: Article, events: list[Event]) -> None:
    """Set `date` on each event."""
