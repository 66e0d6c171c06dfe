"""Counts over the events a filter selects: facets, a timeline, points for a map.

Each is one GROUP BY (or one bounded SELECT) over the same WHERE as the event list.
They read the events table alone (the articles only for a text search), and for the
events the desk shows by default (restatements left out) each count is answered from
an index (schema.sql: shown_*), never from the wide rows.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, Iterable

from .base import Store
from .filters import EventFilter, check_events, event_where

# Facet name -> the column (over `e` events, `a` articles) it counts by.
FACETS = {
    "type": "e.type",
    "sub_event": "e.acled_sub_event_type",
    "country": "e.place_country",
    "status": "e.status",
    "mode": "e.mode",
    "outlet": "e.outlet",
    "month": "substr(e.day_start, 1, 7)",
}
TIMELINE_STEPS = ("day", "week", "month")


def _where(store: Store, f: EventFilter) -> tuple[str, list[Any]]:
    """Return ' FROM events e [JOIN articles a] WHERE ...' for `f`, and its parameters."""
    f = check_events(replace(f, limit=None, offset=0))
    where, params = event_where(f, store.text_clause(), store.text_query)
    sql = " FROM events e"
    if any(re.search(r"\ba\.", w) for w in where):
        sql += " JOIN articles a ON a.id = e.article_id"
    return sql + ((" WHERE " + " AND ".join(where)) if where else ""), params


def facet_counts(store: Store, f: EventFilter, names: Iterable[str] = (*FACETS, "actor"),
                 top: int = 12) -> dict[str, list[tuple[Any, int]]]:
    """Return, per facet, its `top` values among the events `f` selects with how many each, most first."""
    base, params = _where(store, f)
    where = " WHERE " in base
    out: dict[str, list[tuple[Any, int]]] = {}
    for name in names:
        if name == "actor":
            sql = ("SELECT ea.name, count(DISTINCT e.id)" + base.replace(
                " FROM events e", " FROM event_actors ea JOIN events e ON e.id = ea.event_id", 1)
                + (" AND" if where else " WHERE") + " ea.role = 'actor' AND ea.name IS NOT NULL"
                " GROUP BY ea.name ORDER BY 2 DESC, 1 NULLS LAST LIMIT ?")
        else:
            col = FACETS[name]
            sql = (f"SELECT {col}, count(*){base} GROUP BY {col}"
                   f" ORDER BY 2 DESC, 1 NULLS LAST LIMIT ?")
        out[name] = [(r[0], int(r[1])) for r in store.execute(sql, params + [top]).fetchall()]
    return out


def _step_start(day: str, step: str) -> str:
    d = date.fromisoformat(day)
    if step == "week":  # weeks start on Monday
        return (d - timedelta(days=d.weekday())).isoformat()
    if step == "month":
        return day[:7] + "-01"
    return day


def timeline(store: Store, f: EventFilter, step: str = "day") -> dict[str, Any]:
    """Return events per day, week or month among those `f` selects (events dated only to a
    month or year are counted apart as `undated`)."""
    if step not in TIMELINE_STEPS:
        raise ValueError(f"step must be one of {', '.join(TIMELINE_STEPS)}")
    base, params = _where(store, f)
    sql = (f"SELECT e.day_start, e.day_start = e.day_end, count(*), sum(coalesce(e.killed, 0))"
           f"{base} GROUP BY e.day_start, e.day_end")
    counts: Counter = Counter()
    killed: Counter = Counter()
    undated = 0
    for day, one_day, n, k in store.execute(sql, params).fetchall():
        if not day or not one_day:  # no date, or only a month or a year
            undated += int(n)
            continue
        try:
            start = _step_start(day, step)
        except ValueError:
            undated += int(n)
            continue
        counts[start] += int(n)
        killed[start] += int(k or 0)
    buckets = [{"start": s, "count": counts[s], "killed": killed[s]} for s in sorted(counts)]
    return {"step": step, "buckets": buckets, "undated": undated}


def map_points(store: Store, f: EventFilter, limit: int = 5000) -> dict[str, Any]:
    """Return up to `limit` placed events that `f` selects (most casualties first), and how many have no place."""
    joined, params = _where(store, f)
    placed = (" AND" if " WHERE " in joined else " WHERE") + \
        " e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL"
    rows = store.execute(
        "SELECT e.id, e.type, e.place_lat, e.place_lon, e.place_name, e.place_country,"
        " e.place_precision, e.killed, e.injured, coalesce(e.date_value, e.day_start)"
        + joined + placed + " ORDER BY coalesce(e.killed, 0) + coalesce(e.injured, 0) DESC,"
        " e.id LIMIT ?", params + [limit]).fetchall()
    total_placed = int(store.execute("SELECT count(*)" + joined + placed, params).fetchone()[0])
    points = [{"id": r[0], "type": r[1], "lat": r[2], "lon": r[3], "place": r[4], "country": r[5],
               "precision": r[6], "killed": r[7], "injured": r[8], "date": r[9]} for r in rows]
    return {"points": points, "placed": total_placed}
