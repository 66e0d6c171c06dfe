"""Arguments: actors, targets and instrument of each event. Placeholder."""
from __future__ import annotations

from .records import Article, Event


def fill_arguments(article: Article, events: list[Event]) -> None:
    """Set `actors`, `targets` and `instrument` on each event."""
