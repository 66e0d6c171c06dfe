"""Where extracted articles are kept: SQLite by default, PostgreSQL for a postgresql:// URL.

    with open_store("chronicle.db") as store:
        store.add(articles)
        store.events(EventFilter(type="ASSAULT", country="IRQ"))
"""
from __future__ import annotations

from .base import Saved, Store
from .filters import EventFilter, FilterError, StatementFilter


def is_postgres(url: str) -> bool:
    """Return whether `url` names a PostgreSQL database rather than a SQLite file."""
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url: str, create: bool = True) -> Store:
    """Open (and unless `create` is False, set up) the store named by a path or URL."""
    if is_postgres(url):
        try:
            from .postgres import PostgresStore
        except ImportError as exc:  # psycopg is the optional extra chronicle[postgres]
            raise SystemExit(f"chronicle: a PostgreSQL store needs the postgres extra "
                             f"(pip install 'chronicle[postgres]'): {exc}") from exc
        return PostgresStore(url, create=create)
    from .sqlite import SQLiteStore
    return SQLiteStore(url, create=create)


__all__ = ["EventFilter", "FilterError", "Saved", "StatementFilter", "Store", "open_store", "is_postgres"]
