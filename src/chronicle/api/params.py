"""Query parameters of the API and the page: read, checked, refused with a 422 when wrong.

Every route takes only the parameters it declares: an unknown one (a typo such as
`?typ=ASSAULT`) is refused rather than ignored, so a filter is never silently dropped.
"""
from __future__ import annotations

from typing import Any, Optional
from urllib.parse import urlencode

from fastapi import HTTPException, Query, Request

from ..store.filters import EventFilter, FilterError, StatementFilter, check_events, check_statements

MAX_LIMIT = 1000


def refuse(message: str) -> HTTPException:
    """Return the 422 error to raise for a parameter that cannot be used."""
    return HTTPException(422, detail=message)


def _names(dependant) -> set[str]:
    out = {getattr(p, "alias", None) or p.name for p in dependant.query_params}
    for sub in dependant.dependencies:
        out |= _names(sub)
    return out


_ALLOWED: dict[int, set[str]] = {}


async def no_unknown_parameters(request: Request) -> None:
    """Refuse (422) a request carrying a query parameter its route does not declare."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    allowed = _ALLOWED.get(id(route))
    if allowed is None:
        allowed = _ALLOWED[id(route)] = _names(dependant)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        takes = ", ".join(sorted(allowed)) or "no parameters"
        raise refuse(f"unknown parameter{'s' if len(unknown) > 1 else ''}"
                     f" {', '.join(unknown)}; {request.url.path} takes: {takes}")


def whole_number(name: str, value: Optional[str]) -> Optional[int]:
    """Return a form field as an int (blank is None), or refuse it."""
    if value is None or not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        raise refuse(f"{name}: must be a whole number, not {value!r}") from None


def checked(f: EventFilter) -> EventFilter:
    """Return `f` checked, or refuse it with the check's message."""
    try:
        return check_events(f)
    except FilterError as exc:
        raise refuse(str(exc)) from None


def filter_params(repeats_default: bool = False):
    """Return a dependency reading the event filter from the query. Later mentions that
    restate an event are left out unless `repeats=true` (or `repeats_default`), so every
    list, count and download counts each event once (async, like every dependency here: they do
    no I/O, and a sync one costs each request a hop to a worker thread)."""
    async def event_filter(
            type: Optional[str] = Query(None, description="PLOVER type, or ACLED event or sub-event type"),
            sub_event: Optional[str] = Query(None, description="ACLED sub-event type"),
            country: Optional[str] = Query(None, description="ISO alpha-3 code or English name"),
            status: Optional[str] = Query(None, description="occurred, attempted, threatened, planned,"
                                                             " denied, unknown"),
            mode: Optional[str] = Query(None, description="PLOVER mode (drone, arrest, ...)"),
            actor: Optional[str] = Query(None, description="an actor's canonical name, any case"),
            outlet: Optional[str] = Query(None, description="the outlet that published the article"),
            min_casualties: Optional[str] = Query(None, description="killed + injured at least this"),
            since: Optional[str] = Query(None, description="YYYY[-MM[-DD]]"),
            until: Optional[str] = Query(None, description="YYYY[-MM[-DD]]"),
            text: Optional[str] = Query(None, description="full-text query over title and text"),
            repeats: bool = Query(repeats_default, description="keep later mentions that restate an event"),
            incidents: bool = Query(False, description="one row per incident: its first report"),
            sort: str = Query("-date", description="date, killed, injured, casualties, type, country,"
                                                   " outlet; '-' first for largest or newest first"),
            limit: int = Query(100, ge=1, le=MAX_LIMIT),
            offset: int = Query(0, ge=0)) -> EventFilter:
        return checked(EventFilter(
            type=type or None, sub_event=sub_event or None, country=country or None,
            status=status or None, mode=mode or None, actor=actor or None, outlet=outlet or None,
            min_casualties=whole_number("min_casualties", min_casualties), since=since or None,
            until=until or None, text=text or None, repeats=repeats, incidents=incidents, sort=sort or "-date",
            limit=limit, offset=offset))
    return event_filter


event_filter = filter_params()


async def statement_filter(speaker: Optional[str] = None, kind: Optional[str] = None,
                     event: Optional[str] = None, limit: int = Query(100, ge=1, le=MAX_LIMIT),
                     offset: int = Query(0, ge=0)) -> StatementFilter:
    """Return the checked StatementFilter of the request's parameters."""
    try:
        return check_statements(StatementFilter(speaker=speaker or None, kind=kind or None,
                                                event=event or None, limit=limit, offset=offset))
    except FilterError as exc:
        raise refuse(str(exc)) from None


def query_string(query: dict[str, Any], **changes: Any) -> str:
    """Return `query` with `changes` applied (None removes a key) as a URL query string."""
    q = dict(query)
    for k, v in changes.items():
        if v is None:
            q.pop(k, None)
        else:
            q[k] = v
    return urlencode(q)


def page_links(query: dict, limit: int, offset: int, shown: int,
               total: Optional[int] = None) -> tuple[Optional[str], Optional[str]]:
    """Return the query strings of the next and previous pages (None where there is none)."""
    more_left = offset + shown < total if total is not None else shown == limit
    more = query_string(query, limit=limit, offset=offset + limit) if more_left else None
    less = query_string(query, limit=limit, offset=max(0, offset - limit)) if offset else None
    return more, less
