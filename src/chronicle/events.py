"""Events: find the events an article reports. Placeholder until the events stage lands."""
from __future__ import annotations

from .records import Article, Event


def find_events(article: Article) -> list[Event]:
    """Return the article's events, main event first."""
    return []


def code_events(article: Article, events: list[Event]) -> None:
    """Set the ACLED and GTD codes of each event, once its arguments are known."""
