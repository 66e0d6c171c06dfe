"""Distances and bearings on the globe, and points given relative to a place ("12 km northeast of
Baghdad")."""
from __future__ import annotations

import math
from typing import Optional

import regex

from .mentions import vocab

RELATIVE = regex.compile(
    r"(?P<num>\d+(?:[.,]\d+)?)\s*-?\s*(?P<unit>km|kms|kilomet(?:er|re)s?|mi|miles?|m|met(?:er|re)s)\b"
    r"\s+(?:to\s+the\s+)?(?P<dir>(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)?\s+of\s+$",
    regex.I)
_EARTH_KM = 6371.0



def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))



def offset_point(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """Return the point `km` away from (lat, lon) along `bearing` degrees (0 = north)."""
    d, b = km / _EARTH_KM, math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1),
                         math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180



def relative_offset(text: str, at: int) -> Optional[tuple[int, float, float]]:
    """Read "12 km northeast of" just before `at`; return where the phrase starts, the distance in
    km and the bearing in degrees, or None."""
    m = RELATIVE.search(text[max(0, at - 60):at])
    if not m:
        return None
    v = vocab()
    km = float(m.group("num").replace(",", ".")) * v["units"].get(m.group("unit").lower(), 1.0)
    direction = m.group("dir").lower().replace(" ", "").replace("-", "")
    bearing = v["compass"].get(direction)
    if bearing is None or km > 500:
        return None
    return (at - 60 + m.start() if at >= 60 else m.start()), km, bearing
