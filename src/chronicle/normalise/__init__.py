"""Normalise: an article's events in, with their dates (`date_events`) and killed and injured counts
(`count_events`) out; then one canonical name per actor across the article (`canonicalise`)."""
from .counts import count_events
from .dates import date_events
from .names import canonicalise

__all__ = ["date_events", "count_events", "canonicalise"]
