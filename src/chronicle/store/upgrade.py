"""Bring a store made by an earlier Chronicle up to the current tables before the schema runs.

`CREATE TABLE IF NOT EXISTS` leaves an old table as it was; the columns added since
are added here (empty for the rows already stored), so the indexes over them can be made.
"""
from __future__ import annotations

from typing import Callable

# Columns added to tables after the first release: table -> (column, SQL type).
ADDED = {
    "articles": (("outlet", "TEXT"), ("chronicle_version", "TEXT"), ("pipeline", "TEXT")),
    "events": (("repeats", "TEXT"), ("day_start", "TEXT"), ("day_end", "TEXT"), ("outlet", "TEXT")),
}
# How the added event columns are filled from what a store already holds.
_DAY = "coalesce(date_value, (SELECT published FROM articles a WHERE a.id = events.article_id))"
FILL = {
    "events.day_start": f"""CASE length({_DAY}) WHEN 10 THEN {_DAY} WHEN 7 THEN {_DAY} || '-01'
                           WHEN 4 THEN {_DAY} || '-01-01' END""",
    "events.day_end": f"""CASE length({_DAY}) WHEN 10 THEN {_DAY} WHEN 7 THEN {_DAY} || '-31'
                         WHEN 4 THEN {_DAY} || '-12-31' END""",
    "events.outlet": "(SELECT outlet FROM articles a WHERE a.id = events.article_id)",
}


def upgrade(execute: Callable, columns_of: Callable[[str], set[str]], json_field: str) -> list[str]:
    """Add every missing column of ADDED to the tables that exist, filling what the stored records
    know; return 'table.column' of each added. `json_field` reads a key of `record` ('{key}')."""
    added = []
    for table, cols in ADDED.items():
        have = columns_of(table)
        if not have:  # no such table yet: the schema makes it whole
            continue
        for name, kind in cols:
            if name not in have:
                execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")
                added.append(f"{table}.{name}")
    if "events.repeats" in added:
        execute(f"UPDATE events SET repeats = {json_field.format(key='repeats')}")
    for column, value in FILL.items():
        if column in added:
            execute(f"UPDATE events SET {column.split('.')[1]} = {value}")
    return added
