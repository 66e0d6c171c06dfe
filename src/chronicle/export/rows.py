"""One flat record per stored event, with its provenance: the rows of the JSON, JSONL,
Parquet and GeoJSON exports, and what the ACLED and PLOVER layouts are written from.

Numbers stay numbers (years, counts, coordinates); a field the text did not give is None.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

from ..store.countries import country_name

# The record's fields in order; Parquet's schema follows it (see parquet.py).
FIELDS = (
    "id", "incident", "reports", "article_id", "doc_id", "event", "rank",
    "date", "date_precision", "year", "type", "mode", "status", "confidence",
    "acled_event_type", "acled_sub_event_type", "gtd_attack_type", "gtd_weapon_type",
    "country", "country_name", "admin1", "place", "latitude", "longitude", "geo_precision",
    "killed", "killed_qualifier", "injured", "injured_qualifier",
    "actors", "actor_kinds", "targets", "target_kinds", "instrument", "trigger", "sentence",
    "repeats", "title", "url", "outlet", "source_file", "published", "ingested_at",
    "chronicle_version", "pipeline",
)
LIST_FIELDS = ("actors", "actor_kinds", "targets", "target_kinds")
INT_FIELDS = ("reports", "article_id", "rank", "year", "killed", "injured")
FLOAT_FIELDS = ("confidence", "latitude", "longitude")


@lru_cache(maxsize=None)
def data(name: str) -> dict:
    """Return the export vocabulary `name` (data/<name>.json)."""
    return json.loads(resources.files(__package__).joinpath(f"data/{name}.json")
                      .read_text(encoding="utf-8"))


def names(actors: list[dict]) -> list[str]:
    """Return each actor's canonical name, or its words when it has none."""
    return [a.get("name") or a.get("text") or "" for a in actors]


def _qualifier(view: dict, key: str) -> Optional[str]:
    detail = view.get(f"{key}_detail") or {}
    return detail.get("qualifier")


def event_record(view: dict[str, Any]) -> dict[str, Any]:
    """Return one event view (Store.events) as a flat record of FIELDS."""
    date = view.get("date") or {}
    loc = view.get("location") or {}
    acled, gtd = view.get("acled") or {}, view.get("gtd") or {}
    art = view.get("article") or {}
    actors, targets = view.get("actors") or [], view.get("targets") or []
    value = date.get("value")
    sentence = view.get("sentence") or {}
    return {
        "id": view["id"], "incident": view.get("incident"), "reports": view.get("reports", 1),
        "article_id": view.get("article_id"), "doc_id": art.get("doc_id"),
        "event": view.get("local_id"), "rank": view.get("rank"),
        "date": value, "date_precision": date.get("precision"),
        "year": int(value[:4]) if value and value[:4].isdigit() else None,
        "type": view.get("type"), "mode": view.get("mode"), "status": view.get("status"),
        "confidence": view.get("confidence"),
        "acled_event_type": acled.get("event_type"), "acled_sub_event_type": acled.get("sub_event_type"),
        "gtd_attack_type": gtd.get("attack_type"), "gtd_weapon_type": gtd.get("weapon_type"),
        "country": loc.get("country"), "country_name": country_name(loc.get("country")),
        "admin1": loc.get("admin1"), "place": loc.get("name"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"), "geo_precision": loc.get("precision"),
        "killed": view.get("killed"), "killed_qualifier": _qualifier(view, "killed"),
        "injured": view.get("injured"), "injured_qualifier": _qualifier(view, "injured"),
        "actors": names(actors), "actor_kinds": [a.get("kind") or "" for a in actors],
        "targets": names(targets), "target_kinds": [a.get("kind") or "" for a in targets],
        "instrument": (view.get("instrument") or {}).get("text"),
        "trigger": (view.get("trigger") or {}).get("text"),
        "sentence": sentence.get("text"), "repeats": view.get("repeats"),
        "title": art.get("title"), "url": art.get("url"), "outlet": art.get("outlet"),
        "source_file": art.get("source"), "published": art.get("published"),
        "ingested_at": art.get("ingested_at"), "chronicle_version": art.get("chronicle_version"),
        "pipeline": art.get("pipeline"),
    }


def safe_cell(value: Any) -> Any:
    """Return a CSV cell value; text that a spreadsheet would evaluate gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def flat_cell(value: Any) -> Any:
    """Return a record value as one CSV cell: lists joined with '; ', formulas defused."""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return safe_cell(value)
