"""The PostgreSQL store: the same tables, full-text search with tsvector."""
from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

import psycopg

from .base import Store
from .upgrade import upgrade


@lru_cache(maxsize=1)
def schema() -> str:
    """Return the PostgreSQL schema (schema_postgres.sql)."""
    return resources.files(__package__).joinpath("schema_postgres.sql").read_text(encoding="utf-8")


class PostgresStore(Store):
    """A store in a PostgreSQL database named by a postgresql:// URL."""

    placeholder = "%s"

    def __init__(self, url: str, create: bool = True):
        self.conn = psycopg.connect(url, autocommit=True)
        if create:
            with self.conn.transaction():
                # Two processes creating the schema at once would race on the catalog.
                self.conn.execute("SELECT pg_advisory_xact_lock(7263101)")
                upgrade(self.conn.execute, self._columns, "(record::jsonb ->> '{key}')")
                self.conn.execute(schema())

    def _columns(self, table: str) -> set[str]:
        rows = self.conn.execute("SELECT column_name FROM information_schema.columns"
                                 " WHERE table_schema = current_schema() AND table_name = %s",
                                 (table,)).fetchall()
        return {r[0] for r in rows}

    def execute(self, sql: str, params=()) -> Any:
        """Run one statement with `?` placeholders; return the cursor."""
        # psycopg reads % as a placeholder marker; the SQL here has none of its own.
        return self.conn.execute(sql.replace("?", "%s"), tuple(self.clean(v) for v in params))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one transaction: all of it is stored, or none."""
        with self.conn.transaction():
            yield

    def text_clause(self) -> str:
        """Return a WHERE clause matching the text-search index against one parameter."""
        return ("to_tsvector('english', coalesce(a.title, '') || ' ' || a.text)"
                " @@ websearch_to_tsquery('english', ?)")
