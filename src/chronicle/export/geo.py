"""GeoJSON: one Feature per event, numbers as numbers, every place with its precision.

An event placed only at country or province level keeps that point with its
`geo_precision`; an event with no place at all is a Feature with a null geometry
(GeoJSON allows it), so no event is dropped without a trace.
"""
from __future__ import annotations

from typing import Any, Iterable

from .rows import event_record


def feature(view: dict[str, Any]) -> dict[str, Any]:
    """Return one event view as a GeoJSON Feature (Point, or null geometry when it has no place)."""
    props = event_record(view)
    lat, lon = props.pop("latitude"), props.pop("longitude")
    geometry = None
    if lat is not None and lon is not None:
        geometry = {"type": "Point", "coordinates": [float(lon), float(lat)]}
    return {"type": "Feature", "id": view["id"], "geometry": geometry, "properties": props}


def collection(views: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Return the event views as a GeoJSON FeatureCollection."""
    return {"type": "FeatureCollection", "features": [feature(v) for v in views]}
