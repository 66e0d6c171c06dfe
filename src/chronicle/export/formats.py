"""Exports of stored events, or of incidents: CSV in ACLED-like columns, contract JSONL, GeoJSON.

Event rows carry their `incident`; `per="incident"` writes one row per incident instead
(its record's chosen values, with how many reports and which outlets), so that no export
counts one incident twice.

CSV cells that a spreadsheet would run as a formula (starting with = + - @) get a
leading apostrophe: article text is hostile input.
"""
from __future__ import annotations

import csv
import json
from typing import Any, Iterable, TextIO

from ..store import EventFilter, IncidentFilter, Store
from ..store.countries import country_name

# ACLED's own column names first, then what Chronicle adds.
CSV_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "iso3", "country", "admin1",
    "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    "injured", "plover_type", "mode", "status", "gtd_attack_type", "gtd_weapon_type",
    "trigger", "confidence", "article_id", "doc_id", "url", "published", "incident",
)
# One row per incident: the same ACLED-like columns where they apply, then the merge's.
INCIDENT_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "iso3", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "fatalities", "injured", "plover_type", "mode", "status",
    "reports", "articles", "aliases", "disagreements",
)
# ACLED codes: time 1 = day, 2 = week or month, 3 = year; geo 1 = town, 2 = district, 3 = region.
TIME_PRECISION = {"day": 1, "week": 2, "month": 2, "year": 3}
GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}
FORMATS = ("csv", "jsonl", "geojson")


def _names(actors: list[dict]) -> list[str]:
    return [a.get("name") or a.get("text") for a in actors]


def safe_cell(value: Any) -> Any:
    """Return a CSV cell value; text that a spreadsheet would evaluate gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_row(view: dict[str, Any]) -> dict[str, Any]:
    """Return one event view (Store.events) as a row of CSV_COLUMNS."""
    date = view.get("date") or {}
    loc = view.get("location") or {}
    acled = view.get("acled") or {}
    gtd = view.get("gtd") or {}
    art = view.get("article") or {}
    actors, targets = _names(view.get("actors") or []), _names(view.get("targets") or [])
    value = date.get("value")
    sentence = view.get("sentence") or {}
    row = {
        "event_id_cnty": view["id"], "event_date": value,
        "year": value[:4] if value else None,
        "time_precision": TIME_PRECISION.get(date.get("precision")),
        "event_type": acled.get("event_type"), "sub_event_type": acled.get("sub_event_type"),
        "actor1": actors[0] if actors else None, "assoc_actor_1": "; ".join(actors[1:]) or None,
        "actor2": targets[0] if targets else None, "assoc_actor_2": "; ".join(targets[1:]) or None,
        "iso3": loc.get("country"), "country": country_name(loc.get("country")),
        "admin1": loc.get("admin1"), "location": loc.get("name"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"),
        "geo_precision": GEO_PRECISION.get(loc.get("precision")),
        "source": art.get("url") or art.get("source"),
        "notes": sentence.get("text") or view["trigger"]["text"],
        "fatalities": view.get("killed"), "injured": view.get("injured"),
        "plover_type": view.get("type"), "mode": view.get("mode"), "status": view.get("status"),
        "gtd_attack_type": gtd.get("attack_type"), "gtd_weapon_type": gtd.get("weapon_type"),
        "trigger": view["trigger"]["text"], "confidence": view.get("confidence"),
        "article_id": view.get("article_id"), "doc_id": art.get("doc_id"), "url": art.get("url"),
        "published": art.get("published"), "incident": view.get("incident"),
    }
    return {k: safe_cell(v) for k, v in row.items()}


def incident_row(view: dict[str, Any]) -> dict[str, Any]:
    """Return one incident view (Store.incidents) as a row of INCIDENT_COLUMNS."""
    fields = view.get("fields") or {}
    value = lambda name: (fields.get(name) or {}).get("value")  # noqa: E731
    date, loc = value("date") or {}, value("place") or {}
    acled = value("acled") or {}
    outlets = sorted({r.get("outlet") or r.get("article") for r in view.get("reports") or []} - {None})
    actors, targets = value("actors") or [], value("targets") or []
    row = {
        "event_id_cnty": view["id"], "event_date": date.get("value"),
        "year": (date.get("value") or "")[:4] or None,
        "time_precision": TIME_PRECISION.get(date.get("precision")),
        "event_type": acled.get("event_type"), "sub_event_type": acled.get("sub_event_type"),
        "actor1": actors[0] if actors else None, "actor2": targets[0] if targets else None,
        "iso3": loc.get("country"), "country": country_name(loc.get("country")),
        "admin1": loc.get("admin1"), "location": loc.get("name"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"),
        "geo_precision": GEO_PRECISION.get(loc.get("precision")), "source": "; ".join(outlets) or None,
        "fatalities": value("killed"), "injured": value("injured"), "plover_type": value("type"),
        "mode": value("mode"), "status": value("status"), "reports": view.get("n_reports"),
        "articles": view.get("n_articles"), "aliases": "; ".join(view.get("aliases") or []) or None,
        "disagreements": "; ".join(view.get("disagreements") or {}) or None,
    }
    return {k: safe_cell(v) for k, v in row.items()}


def write_csv(views: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write event views as CSV with a header to `out`; return the number of rows."""
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for view in views:
        w.writerow(csv_row(view))
        n += 1
    return n


def geojson(views: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Return a GeoJSON FeatureCollection of the located event views (CSV columns as properties)."""
    features = []
    for view in views:
        loc = view.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        props = csv_row(view)
        props.pop("latitude"), props.pop("longitude")
        features.append({"type": "Feature", "id": view["id"],
                         "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write contract records one JSON object a line to `out`; return how many."""
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def export_incidents(store: Store, fmt: str, out: TextIO, f: EventFilter) -> int:
    """Write the store's incidents (matching `f`'s filters) to `out`, one record each; return how many."""
    views = store.incidents(IncidentFilter(type=f.type, country=f.country, since=f.since, until=f.until,
                                           text=f.text, limit=None))
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=INCIDENT_COLUMNS, lineterminator="\n")
        w.writeheader()
        for view in views:
            w.writerow(incident_row(view))
        return len(views)
    if fmt == "jsonl":
        return write_jsonl(views, out)
    if fmt == "geojson":
        features = []
        for view in views:
            props = incident_row(view)
            lat, lon = props.pop("latitude"), props.pop("longitude")
            if lat is not None and lon is not None:
                features.append({"type": "Feature", "id": view["id"], "properties": props,
                                 "geometry": {"type": "Point", "coordinates": [lon, lat]}})
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
        out.write("\n")
        return len(features)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def export(store: Store, fmt: str, out: TextIO, f: EventFilter | None = None,
           per: str = "event") -> int:
    """Write the store's events (matching `f`) to `out` in `fmt`, or with per="incident" one record
    per incident; return how many records."""
    f = f or EventFilter(limit=None)
    if per == "incident":
        return export_incidents(store, fmt, out, f)
    if fmt == "csv":
        return write_csv(store.iter_events(f), out)
    if fmt == "geojson":
        doc = geojson(store.iter_events(f))
        json.dump(doc, out, ensure_ascii=False)
        out.write("\n")
        return len(doc["features"])
    if fmt == "jsonl":
        filtered = any(getattr(f, k) for k in ("type", "country", "since", "until", "text"))
        ids = None
        if filtered:
            ids = sorted({v["article_id"] for v in store.iter_events(f)})
        return write_jsonl(store.contract_records(ids), out)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
