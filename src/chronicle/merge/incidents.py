"""Merge: the same event reported by several articles becomes one incident.

Two events are the same incident when they have the same PLOVER type, compatible
dates (within `max_days`), places within `max_km` (or the same admin1 when either is
coarser than a city) and no conflicting named targets. Verbal events (condemn, deny,
appeal...) are never merged: two speakers condemning one attack are two events.

Each incident keeps every report's figures: where they differ (seven injured in one
article, six in another) the disagreement is listed with its sources.
"""
from __future__ import annotations

import math
from collections import Counter
from datetime import date as Day
from typing import Any, Iterable, Optional

from ..records import Event, Incident, Report

MERGEABLE = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "SANCTION", "AID", "RETREAT",
             "CONCEDE"}
COMPARED = ("type", "mode", "acled", "gtd", "status", "date", "place", "killed", "injured")


def _km(a: Event, b: Event) -> Optional[float]:
    la, lb = a.location, b.location
    if not la or not lb or la.lat is None or lb.lat is None:
        return None
    p1, p2 = math.radians(la.lat), math.radians(lb.lat)
    dp, dl = p2 - p1, math.radians(lb.lon - la.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _day(e: Event) -> Optional[Day]:
    if e.date and e.date.value and len(e.date.value) == 10:
        return Day.fromisoformat(e.date.value)
    return None


def _names(e: Event) -> set[str]:
    return {(t.name or t.text).lower() for t in e.targets if t.kind in ("person", "government")}


def same_incident(a: Event, b: Event, max_days: int = 1, max_km: float = 25.0) -> bool:
    """Return True when events `a` and `b` (from different articles) are one incident."""
    if a.type != b.type or a.type not in MERGEABLE:
        return False
    da, db = _day(a), _day(b)
    if da is None or db is None or abs((da - db).days) > max_days:
        return False
    km = _km(a, b)
    if km is None:
        return False
    coarse = {a.location.precision, b.location.precision} & {"admin1", "country"}
    if coarse:
        if a.location.country != b.location.country or a.location.admin1 != b.location.admin1:
            return False
    elif km > max_km:
        return False
    na, nb = _names(a), _names(b)
    if na and nb and not _share_word(na, nb):
        return False
    return True


def _share_word(a: set[str], b: set[str]) -> bool:
    words = lambda names: {w for n in names for w in n.replace("-", " ").split() if len(w) > 3}
    return bool(words(a) & words(b))


def field_values(e: Event) -> dict[str, Any]:
    """Return the comparable value of each field of `e` (JSON-friendly)."""
    loc = e.location
    return {
        "type": e.type, "mode": e.mode, "acled": e.acled, "gtd": e.gtd, "status": e.status,
        "date": e.date.value if e.date else None,
        "place": loc.name if loc else None,
        "killed": e.killed.value if e.killed else None,
        "injured": e.injured.value if e.injured else None,
    }


def merge(reports: Iterable[tuple[str, Event]]) -> list[Incident]:
    """Group (article_id, event) pairs into incidents; return them in first-seen order.

    A new event joins the first incident whose every member it matches (no chaining
    through a middle report); otherwise it starts a new incident.
    """
    groups: list[list[tuple[str, Event]]] = []
    for art_id, ev in reports:
        for g in groups:
            if all(other_art != art_id and same_incident(ev, other) for other_art, other in g):
                g.append((art_id, ev))
                break
        else:
            groups.append([(art_id, ev)])
    return [_incident(i, g) for i, g in enumerate(groups, 1)]


def _incident(n: int, group: list[tuple[str, Event]]) -> Incident:
    inc = Incident(id=f"i{n}", members=[(a, e.id) for a, e in group])
    values = [(a, e.id, field_values(e)) for a, e in group]
    for name in COMPARED:
        seen = [(a, eid, v[name]) for a, eid, v in values if v[name] is not None]
        if not seen:
            inc.fields[name] = None
            continue
        counts = Counter(repr(v) for _, _, v in seen)
        best = max(seen, key=lambda s: counts[repr(s[2])])  # max keeps the first on ties
        inc.fields[name] = best[2]
        if len(counts) > 1:
            inc.disagreements[name] = [Report(a, eid, v) for a, eid, v in seen]
    return inc
