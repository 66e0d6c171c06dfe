"""Places: an article's events in, each with its `location` (and `origin`, where a launch point is
named) out, resolved against the local gazetteer index and geocoded with a precision."""
from .locate import locate_events

__all__ = ["locate_events"]
