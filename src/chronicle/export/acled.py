"""The ACLED layout: ACLED's columns in ACLED's order, then Chronicle's own.

Only events ACLED would code (those with an ACLED event type) are rows; later mentions
that restate an event are not. Values follow ACLED's codebook where Chronicle knows
them: numeric ISO code, actor type codes (inter1, inter2, interaction), disorder type,
region, time and geo precision codes, the outlet as `source`, fatalities 0 when the
text gives none (Chronicle's own `killed` column keeps that unknown as blank).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from ..store.countries import country_domain, iso_numeric
from .rows import data, event_record, flat_cell

CHRONICLE_COLUMNS = (
    "incident", "reports", "plover_type", "mode", "status", "killed", "injured",
    "gtd_attack_type", "gtd_weapon_type", "trigger", "confidence", "article_id", "doc_id",
    "url", "outlet", "source_file", "published", "ingested_at", "chronicle_version", "pipeline",
)


def columns() -> tuple[str, ...]:
    """Return the CSV header: ACLED's columns, then Chronicle's."""
    return tuple(data("acled")["columns"]) + CHRONICLE_COLUMNS


def codable(view: dict[str, Any]) -> bool:
    """Return whether an event view is a row of the ACLED layout: ACLED-coded, not a restatement."""
    return bool(view.get("acled")) and not view.get("repeats")


def inter(kind: Optional[str], event_type: Optional[str], role: str) -> Optional[int]:
    """Return ACLED's actor type code for a Chronicle actor kind in an event, or None when unknown."""
    if role == "target" and event_type == "Violence against civilians":
        return 7
    code = data("acled")["inter"].get(kind or "")
    if code == 6 and event_type == "Riots":
        return 5
    return code


def interaction(i1: Optional[int], i2: Optional[int]) -> Optional[int]:
    """Return ACLED's interaction code: the two actor codes, smaller first (one actor: code * 10)."""
    if i1 is None:
        return None
    if i2 is None:
        return i1 * 10
    lo, hi = sorted((i1, i2))
    return lo * 10 + hi


def region(iso3: Optional[str]) -> Optional[str]:
    """Return ACLED's region name for a country code, or None."""
    for name, codes in data("acled")["regions"].items():
        if iso3 in codes:
            return name
    return None


def source_scale(outlet: Optional[str], iso3: Optional[str]) -> Optional[str]:
    """Return 'National' for an outlet under the event country's web domain, 'International' for a
    known international outlet, else None (not known)."""
    if not outlet:
        return None
    domain = country_domain(iso3)
    if domain and outlet.lower().endswith(domain.lower()):
        return "National"
    known = {o.lower() for o in data("acled")["international_outlets"]}
    return "International" if outlet.lower() in known else None


def _timestamp(iso: Optional[str]) -> Optional[int]:
    if not iso:
        return None
    try:
        return int(datetime.fromisoformat(iso).timestamp())
    except ValueError:
        return None


def _tags(rec: dict[str, Any]) -> Optional[str]:
    tags = []
    if rec["status"] and rec["status"] != "occurred":
        tags.append(f"status={rec['status']}")
    for key in ("killed", "injured"):
        if rec[f"{key}_qualifier"]:
            tags.append(f"{key}={rec[f'{key}_qualifier']}")
    return "; ".join(tags) or None


def acled_row(view: dict[str, Any]) -> dict[str, Any]:
    """Return one event view as a row of `columns()`, cells made safe for spreadsheets."""
    rec = event_record(view)
    acl = data("acled")
    et = rec["acled_event_type"]
    kinds1 = [k or None for k in rec["actor_kinds"]]
    kinds2 = [k or None for k in rec["target_kinds"]]
    i1 = inter(kinds1[0], et, "actor") if kinds1 else None
    i2 = inter(kinds2[0], et, "target") if kinds2 else None
    civilians = et == "Violence against civilians" or (
        et in ("Explosions/Remote violence", "Battles") and "civilians" in kinds2)
    prec = rec["geo_precision"]
    row = {
        "event_id_cnty": rec["id"], "event_date": rec["date"], "year": rec["year"],
        "time_precision": acl["time_precision"].get(rec["date_precision"] or ""),
        "disorder_type": acl["disorder_by_sub_event"].get(rec["acled_sub_event_type"] or "",
                                                          acl["disorder"].get(et or "")),
        "event_type": et, "sub_event_type": rec["acled_sub_event_type"],
        "actor1": rec["actors"][0] if rec["actors"] else None,
        "assoc_actor_1": "; ".join(rec["actors"][1:]) or None, "inter1": i1,
        "actor2": rec["targets"][0] if rec["targets"] else None,
        "assoc_actor_2": "; ".join(rec["targets"][1:]) or None, "inter2": i2,
        "interaction": interaction(i1, i2),
        "civilian_targeting": "Civilian targeting" if civilians else None,
        "iso": iso_numeric(rec["country"]), "region": region(rec["country"]),
        "country": rec["country_name"], "admin1": rec["admin1"],
        "admin2": rec["place"] if prec == "admin2" else None, "admin3": None,
        "location": rec["place"], "latitude": rec["latitude"], "longitude": rec["longitude"],
        "geo_precision": acl["geo_precision"].get(prec or ""),
        "source": rec["outlet"], "source_scale": source_scale(rec["outlet"], rec["country"]),
        "notes": rec["sentence"] or rec["trigger"], "fatalities": rec["killed"] or 0,
        "tags": _tags(rec), "timestamp": _timestamp(rec["ingested_at"]),
        "plover_type": rec["type"],
    }
    for name in CHRONICLE_COLUMNS:
        row.setdefault(name, rec.get(name))
    return {k: flat_cell(v) for k, v in row.items()}
