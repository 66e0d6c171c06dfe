"""Places: resolve each event's location with the gazetteer. Placeholder."""
from __future__ import annotations

from .records import Article, Event


def locate_events(article: Article, events: list[Event]) -> None:
    """Set `location` (and `origin` where said) on each event."""
