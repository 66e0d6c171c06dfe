"""What events and statements are selected by: the filters, their checks, their SQL.

A filter is checked once (`check_events`, `check_statements`) before it reaches a
query: an unknown type, status, mode, kind, country or sort key, an impossible date,
or a range that ends before it starts raises `FilterError` naming the field. The CLI
turns that into exit status 2, the API into a 422.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from ..records import PLOVER_TYPES, STATEMENT_KINDS, STATUSES
from .countries import country_code, known_country

# Sort keys: a leading '-' sorts largest (or newest) first.
SORT_COLUMNS = {
    "date": "e.day_start",
    "killed": "coalesce(e.killed, -1)",
    "injured": "coalesce(e.injured, -1)",
    "casualties": "coalesce(e.killed, 0) + coalesce(e.injured, 0)",
    "type": "e.type",
    "country": "coalesce(e.place_country, '')",
    "outlet": "coalesce(e.outlet, '')",
}
SORT_KEYS = tuple(k for name in SORT_COLUMNS for k in (name, "-" + name))
DEFAULT_SORT = "-date"
# Read as a file, not through chronicle.events, whose import loads spaCy.
ONTOLOGY = Path(__file__).resolve().parents[1] / "events" / "data" / "ontology.json"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class FilterError(ValueError):
    """A filter value that cannot select anything meaningful; `field` names the filter."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field


@dataclass
class EventFilter:
    """What to select events by; every field left None selects all."""

    type: Optional[str] = None  # PLOVER type, or ACLED event/sub-event type
    sub_event: Optional[str] = None  # ACLED sub-event type
    country: Optional[str] = None  # ISO alpha-3 (or English name) of the event's country
    status: Optional[str] = None  # occurred, attempted, threatened, planned, denied, unknown
    mode: Optional[str] = None  # PLOVER mode (drone, arrest, ...)
    actor: Optional[str] = None  # an actor's canonical name, any case
    outlet: Optional[str] = None  # the outlet that published the article
    min_casualties: Optional[int] = None  # killed + injured at least this
    since: Optional[str] = None  # YYYY[-MM[-DD]]: events whose date overlaps or follows it
    until: Optional[str] = None  # YYYY[-MM[-DD]]: events whose date overlaps or precedes it
    text: Optional[str] = None  # full-text query over article title and text
    repeats: bool = True  # keep later mentions that restate an event (the page and exports leave them out)
    incidents: bool = False  # one row per incident: its first report (events in no incident: each)
    article_id: Optional[int] = None
    sort: str = DEFAULT_SORT
    limit: Optional[int] = 100
    offset: int = 0

    def query(self) -> dict[str, Any]:
        """Return the filter's user-set fields (not paging), as URL query parameters."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("limit", "offset", "article_id") or value in (None, "", False):
                continue
            if f.name == "sort" and value == DEFAULT_SORT:
                continue
            out[f.name] = "1" if value is True else value
        return out


@dataclass
class StatementFilter:
    """What to select statements by; every field left None selects all."""

    speaker: Optional[str] = None  # words of the speaker's name or mention
    kind: Optional[str] = None
    event: Optional[str] = None  # store event id '<article id>:<event id>'
    article_id: Optional[int] = None
    limit: Optional[int] = 100
    offset: int = 0


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, dict[str, str]]:
    """Return, per checked field, a map from lower-cased accepted value to its stored form."""
    with open(ONTOLOGY, encoding="utf-8") as fh:
        onto = json.load(fh)
    acled = onto["acled"]
    subs = {s.lower(): s for lst in acled.values() for s in lst}
    types = {t.lower(): t for t in PLOVER_TYPES}
    types.update({t.lower(): t for t in acled})
    types.update(subs)
    modes = {m.lower(): m for t in onto["plover"].values() for m in t["modes"]}
    return {"type": types, "sub_event": subs, "status": {s: s for s in STATUSES},
            "mode": modes, "kind": {k: k for k in STATEMENT_KINDS}}


def _one_of(field: str, value: Optional[str], what: str) -> Optional[str]:
    if value is None or value == "":
        return None
    known = vocabulary()[field]
    found = known.get(value.strip().lower())
    if found is None:
        listed = sorted(set(known.values()))
        shown = ", ".join(listed[:24]) + (", ..." if len(listed) > 24 else "")
        raise FilterError(field, f"unknown {what} {value!r}; use one of: {shown}")
    return found


def check_date(field: str, value: Optional[str]) -> Optional[str]:
    """Return `value` if it is a real YYYY, YYYY-MM or YYYY-MM-DD date (None stays None)."""
    if value is None or value == "":
        return None
    m = _DATE.match(value.strip())
    if not m:
        raise FilterError(field, f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        date(y, mo, d)
    except ValueError as exc:
        raise FilterError(field, f"{value!r} is not a real date ({exc})") from None
    return value.strip()


def check_events(f: EventFilter) -> EventFilter:
    """Return `f` with every value checked and put in its stored form; raise FilterError if any is wrong."""
    f.type = _one_of("type", f.type, "event type")
    f.sub_event = _one_of("sub_event", f.sub_event, "ACLED sub-event type")
    f.status = _one_of("status", f.status, "status")
    f.mode = _one_of("mode", f.mode, "mode")
    if f.country:
        if not known_country(f.country):
            raise FilterError("country", f"unknown country {f.country!r};"
                                         " use an ISO alpha-3 code (IRQ) or an English name (Iraq)")
        f.country = country_code(f.country)
    f.since, f.until = check_date("since", f.since), check_date("until", f.until)
    if f.since and f.until and f.since[:len(f.until)] > f.until:
        raise FilterError("until", f"the range ends ({f.until}) before it starts ({f.since})")
    if f.min_casualties is not None and f.min_casualties < 0:
        raise FilterError("min_casualties", "must be 0 or more")
    if f.sort not in SORT_KEYS:
        raise FilterError("sort", f"unknown sort key {f.sort!r}; use one of: {', '.join(SORT_KEYS)}")
    if f.limit is not None and f.limit < 1:
        raise FilterError("limit", "must be at least 1")
    if f.offset < 0:
        raise FilterError("offset", "must be 0 or more")
    for name in ("actor", "outlet", "text"):
        value = getattr(f, name)
        setattr(f, name, (value.strip() or None) if isinstance(value, str) else value)
    return f


def check_statements(f: StatementFilter) -> StatementFilter:
    """Return `f` with its kind checked; raise FilterError if it is unknown."""
    f.kind = _one_of("kind", f.kind, "statement kind")
    if f.limit is not None and f.limit < 1:
        raise FilterError("limit", "must be at least 1")
    return f


def day_bounds(value: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """Return the first and last day a YYYY[-MM[-DD]] date can mean ('2020-05' -> 2020-05-01, 2020-05-31)."""
    if not value or not _DATE.match(value):
        return None, None
    if len(value) == 10:
        return value, value
    if len(value) == 7:
        y, m = int(value[:4]), int(value[5:])
        try:
            nxt = date(y + m // 12, m % 12 + 1, 1)
        except ValueError:
            return None, None
        return value + "-01", (nxt - timedelta(days=1)).isoformat()
    return value + "-01-01", value + "-12-31"


def event_where(f: EventFilter, text_clause: str, text_query) -> tuple[list[str], list[Any]]:
    """Return the WHERE conditions (over `e` events and `a` articles) and parameters of `f`."""
    where: list[str] = []
    params: list[Any] = []
    if f.type:
        where.append("(e.type = ? OR e.acled_event_type = ? OR e.acled_sub_event_type = ?)")
        params += [f.type] * 3
    if f.sub_event:
        where.append("e.acled_sub_event_type = ?")
        params.append(f.sub_event)
    if f.country:
        where.append("e.place_country = ?")
        params.append(country_code(f.country))
    for name, column in (("status", "e.status"), ("mode", "e.mode")):
        if getattr(f, name):
            where.append(f"{column} = ?")
            params.append(getattr(f, name))
    if f.actor:
        where.append("e.id IN (SELECT x.event_id FROM event_actors x"
                     " WHERE x.role = 'actor' AND lower(x.name) = lower(?))")
        params.append(f.actor)
    if f.outlet:
        where.append("e.outlet = ?")
        params.append(f.outlet)
    if f.min_casualties:
        where.append(f"{SORT_COLUMNS['casualties']} >= ?")
        params.append(int(f.min_casualties))
    # An event dated only to a month or year matches every range it overlaps.
    if f.since:
        where.append("e.day_end >= ?")
        params.append(day_bounds(f.since)[0])
    if f.until:
        where.append("e.day_start <= ?")
        params.append(day_bounds(f.until)[1])
    if f.text:
        where.append(text_clause)
        params.append(text_query(f.text))
    if not f.repeats:
        where.append("e.repeats IS NULL")
    if f.incidents:  # the other filters then apply to that first report
        where.append("(e.incident_id IS NULL OR e.id = (SELECT x.id FROM events x"
                     " WHERE x.incident_id = e.incident_id AND x.repeats IS NULL"
                     " ORDER BY x.article_id, x.rank LIMIT 1))")
    if f.article_id is not None:
        where.append("e.article_id = ?")
        params.append(f.article_id)
    return where, params


def order_by(sort: str) -> str:
    """Return the ORDER BY clause (without the keywords) for sort key `sort`."""
    desc = sort.startswith("-")
    key = sort.lstrip("-")
    direction = "DESC" if desc else "ASC"
    # Undated events come last either way; ties fall back to the newest first, then the
    # article's own order. Sorting by date reads the day_start index alone.
    then = "" if key == "date" else ", e.day_start DESC NULLS LAST"
    return (f"{SORT_COLUMNS[key]} {direction} NULLS LAST{then}, e.article_id DESC, e.rank")
