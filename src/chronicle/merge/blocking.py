"""Candidate blocking: the few incidents a new report is compared with, whatever the store's size.

Every report is filed under a handful of keys: its week and map cell (or its admin1 or
country when that is all the text gives), and its rarest heavy terms and names. A new
report is compared only with incidents filed under the keys around its own: the weeks
around its date, the cells around its place, the same rare words. Each key keeps only
its latest incidents, so the cost of one report does not grow with the store and the
cost of a run grows about linearly with its reports.
"""
from __future__ import annotations

import math
from typing import Optional

from .evidence import day
from .reports import Report
from .rules import rules
from .text import Signature

EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()
FINE = ("point", "city", "admin2")


def week(r: Report) -> Optional[int]:
    """Return the week (since 1970) a report's incident is placed in: its date if a day or week, else its publication."""
    when = r.date if r.date_precision in ("day", "week") else None
    d = day(when) or day(r.published) or day(r.date)
    return None if d is None else (d.toordinal() - EPOCH_ORDINAL) // 7


def _cell(lat: float, lon: float, dlat: int = 0, dlon: int = 0) -> str:
    size = rules()["blocking"]["cell_degrees"]
    return f"{math.floor(lat / size) + dlat}/{math.floor(lon / size) + dlon}"


def _places(r: Report, around: bool) -> list[str]:
    """Return the place parts of a report's keys (with the neighbouring cells when `around`)."""
    out = []
    if r.lat is not None and r.lon is not None and r.place_precision in FINE:
        steps = (-1, 0, 1) if around else (0,)
        out += [f"c{_cell(r.lat, r.lon, a, b)}" for a in steps for b in steps]
    if r.country and r.admin1:
        out.append(f"a{r.country}/{r.admin1}")
    elif r.country:
        out.append(f"n{r.country}")
    return out or ["?"]


def index_keys(r: Report, sig: Signature) -> list[str]:
    """Return the keys a report is filed under."""
    keys = [f"t{k}" for k in sig.keys]
    w = week(r)
    if w is not None:
        keys += [f"{w}:{p}" for p in _places(r, around=False)]
    return keys


def query_keys(r: Report, sig: Signature) -> list[str]:
    """Return the keys whose incidents a new report is compared with."""
    keys = [f"t{k}" for k in sig.keys]
    w = week(r)
    if w is not None:
        span = rules()["blocking"]["weeks_around"]
        places = _places(r, around=True)
        if "?" not in places:
            places.append("?")
        keys += [f"{w + d}:{p}" for d in range(-span, span + 1) for p in places]
    return keys
