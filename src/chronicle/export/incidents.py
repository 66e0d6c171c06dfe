"""One record per incident, so that no export counts one incident twice.

Every export format is written from event views; `once_per_incident` thins them to one
per incident: the event the incident's record took its values from, carrying the
record's chosen values (date, place, fatalities, injured, ACLED type), the incident id as
its `id`, how many reports told it (`reports`) and all their outlets. Events that belong
to no incident pass as they are. An incident is written when any of its reports matches
the filter.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional

from ..store import Store


def incident_event(store: Store, view: dict[str, Any]) -> Optional[dict[str, Any]]:
    """Return the event view an incident's values were chosen from, carrying the record's values."""
    fields = view.get("fields") or {}
    chosen = (fields.get("type") or {}).get("from")
    row = store.execute("SELECT event_id FROM incident_reports WHERE report_key = ?", [chosen]).fetchone() \
        if chosen else None
    event = store.event(row[0]) if row else None
    if event is None:
        return None
    value = lambda name: (fields.get(name) or {}).get("value")  # noqa: E731
    date, place = value("date"), value("place")
    event = dict(event, id=view["id"], incident=view["id"], reports=view.get("n_reports") or 1,
                 killed=value("killed"), injured=value("injured"),
                 acled=value("acled") or event.get("acled"))
    event["date"] = dict(event.get("date") or {}, **date) if date else event.get("date")
    event["location"] = dict(event.get("location") or {}, **place) if place else event.get("location")
    outlets = sorted({r.get("outlet") or r.get("article") for r in view.get("reports") or []} - {None})
    event["article"] = dict(event.get("article") or {}, outlet="; ".join(outlets) or None)
    return event


def once_per_incident(store: Store, views: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Yield the event views with each incident once, as `incident_event` gives it."""
    seen: set[str] = set()
    for view in views:
        incident = view.get("incident")
        if not incident:
            yield view
            continue
        if incident in seen:
            continue
        seen.add(incident)
        record = store.incident(incident)
        event = incident_event(store, record) if record else None
        yield event if event is not None else view
