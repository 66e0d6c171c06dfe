"""One record per incident, so that no export counts one incident twice.

    csv      ACLED's layout, one row per incident: `event_id_cnty` is the incident id, the
             values are the record's chosen ones (date, place, fatalities, injured, ACLED
             type), `reports` says how many reports told it, `source` lists their outlets
    json     a JSON array of incident views (Store.incidents: the record, every report, the
             disagreements)
    jsonl    the same, one a line
    geojson  one Feature per incident at its chosen place, ACLED-layout properties
"""
from __future__ import annotations

import csv
from typing import Any, Iterable, Optional, TextIO

from ..store import EventFilter, IncidentFilter, Store
from .acled import acled_row, columns

PER_INCIDENT = ("csv", "json", "jsonl", "geojson")


def incident_filter(f: EventFilter) -> IncidentFilter:
    """Return the incident filter that the event filter's type, country, dates and text make."""
    return IncidentFilter(type=f.type, country=f.country, since=f.since, until=f.until,
                          text=f.text, limit=None)


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
    event = dict(event, id=view["id"], incident=view["id"], killed=value("killed"), injured=value("injured"),
                 acled=value("acled") or event.get("acled"))
    event["date"] = dict(event.get("date") or {}, **date) if date else event.get("date")
    event["location"] = dict(event.get("location") or {}, **place) if place else event.get("location")
    outlets = sorted({r.get("outlet") or r.get("article") for r in view.get("reports") or []} - {None})
    event["article"] = dict(event.get("article") or {}, outlet="; ".join(outlets) or None)
    return event


def incident_rows(store: Store, views: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    """Yield each incident as a row of ACLED's layout."""
    for view in views:
        event = incident_event(store, view)
        if event is not None and event.get("acled"):
            yield acled_row(event, reports=view["n_reports"])


def export_incidents(store: Store, fmt: str, out: TextIO, f: EventFilter,
                     write_array, write_lines) -> int:
    """Write one record per incident matching `f` to `out` in `fmt`; return how many."""
    if fmt not in PER_INCIDENT:
        raise ValueError(f"one record per incident is written as {', '.join(PER_INCIDENT)}, not {fmt}")
    views = store.incidents(incident_filter(f))
    if fmt == "json":
        return write_array(views, out)
    if fmt == "jsonl":
        return write_lines(views, out)
    if fmt == "geojson":
        return write_array((_feature(r) for r in incident_rows(store, views)), out, wrap="features")
    w = csv.DictWriter(out, fieldnames=columns(), lineterminator="\n")
    w.writeheader()
    n = 0
    for row in incident_rows(store, views):
        w.writerow(row)
        n += 1
    return n


def _feature(row: dict[str, Any]) -> dict[str, Any]:
    lat, lon = row.get("latitude"), row.get("longitude")
    geometry = {"type": "Point", "coordinates": [float(lon), float(lat)]} \
        if lat not in (None, "") and lon not in (None, "") else None
    return {"type": "Feature", "id": row["event_id_cnty"], "geometry": geometry, "properties": row}
