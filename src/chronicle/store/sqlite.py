"""The SQLite store: one file, WAL mode, FTS5 over article text."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from typing import Iterator

from .base import Store
from .upgrade import upgrade


@lru_cache(maxsize=1)
def schema() -> str:
    """Return the SQLite schema (schema.sql)."""
    return resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")


class SQLiteStore(Store):
    """A store in one SQLite file (or ':memory:')."""

    def __init__(self, path: str, create: bool = True):
        # Autocommit mode: transactions are opened explicitly by `transaction`.
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                                    timeout=30)
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA busy_timeout = 30000")
        if path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            # Reads through a memory map skip a system call per page: counts over many
            # events (the desk's facets) take half the time.
            self.conn.execute("PRAGMA mmap_size = 268435456")
        if create:
            upgrade(self.conn.execute, self._columns, "json_extract(record, '$.{key}')")
            self.conn.executescript(schema())

    def _columns(self, table: str) -> set[str]:
        return {r[1] for r in self.conn.execute(f"PRAGMA table_info({table})").fetchall()}

    def close(self) -> None:
        """Close the connection, first letting SQLite refresh its planner statistics if due."""
        try:
            self.conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one transaction: all of it is stored, or none."""
        if self.conn.in_transaction:
            # a Ctrl-C or SIGTERM that came right after an earlier BEGIN, or before its
            # ROLLBACK, left that transaction open: what it holds is half a batch, so drop it
            self.conn.execute("ROLLBACK")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def text_clause(self) -> str:
        """Return a WHERE clause matching the FTS5 index against one parameter."""
        return "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"

    def text_query(self, query: str) -> str:
        """Return `query` as FTS5 syntax: each word quoted, so no input is a syntax error."""
        words = [w.replace('"', '""') for w in query.split()]
        parts = []
        for w in words:
            # OR / NOT keep their FTS5 meaning; a trailing * keeps prefix search.
            if w in ("OR", "NOT", "AND"):
                parts.append(w)
            elif w.endswith("*") and len(w) > 1:
                parts.append(f'"{w[:-1]}"*')
            else:
                parts.append(f'"{w}"')
        while parts and parts[-1] in ("OR", "NOT", "AND"):
            parts.pop()
        while parts and parts[0] in ("OR", "NOT", "AND"):
            parts.pop(0)
        return " ".join(parts) or '""'
