"""The store's time stamps: when a row was written, as ISO 8601 text in UTC."""
from __future__ import annotations

from datetime import datetime, timezone


def now() -> str:
    """Return the current UTC time as ISO 8601 text."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
