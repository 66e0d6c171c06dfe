"""Bring a store made by an earlier Chronicle up to the current tables before the schema runs.

`CREATE TABLE IF NOT EXISTS` leaves an old table as it was; the columns added since
are added here (empty for the rows already stored), so the indexes over them can be made.
"""
from __future__ import annotations

from typing import Callable

# Columns added to tables after the first release: table -> (column, SQL type).
ADDED = {
    "articles": (("outlet", "TEXT"), ("chronicle_version", "TEXT"), ("pipeline", "TEXT")),
    "events": (("repeats", "TEXT"),),
}


def upgrade(execute: Callable, columns_of: Callable[[str], set[str]]) -> list[str]:
    """Add every missing column of ADDED to the tables that exist; return 'table.column' of each added."""
    added = []
    for table, cols in ADDED.items():
        have = columns_of(table)
        if not have:  # no such table yet: the schema makes it whole
            continue
        for name, kind in cols:
            if name not in have:
                execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")
                added.append(f"{table}.{name}")
    return added
