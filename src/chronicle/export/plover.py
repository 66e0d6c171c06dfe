"""PLOVER-style JSON: one record per event with the Open Event Data Alliance's field names
(id, date, source, recipient, event, mode, event_loc, event_text, quad_code, size_info,
text_info, cite_info, coder, coded_date), plus Chronicle's own (status, acled, gtd, incident)."""
from __future__ import annotations

from typing import Any

from .rows import data


def _actor(a: dict[str, Any]) -> dict[str, Any]:
    out = {"actor_text": a.get("text"), "identifier_text": a.get("name") or a.get("text"),
           "code": a.get("country"), "sector": data("plover")["sector"].get(a.get("kind") or ""),
           "kind": a.get("kind")}
    if a.get("role"):
        out["office"] = a["role"]
    return out


def plover_record(view: dict[str, Any]) -> dict[str, Any]:
    """Return one event view (Store.events) as a PLOVER-style record."""
    art = view.get("article") or {}
    loc = view.get("location")
    date = view.get("date") or {}
    sentence = view.get("sentence") or {}
    killed, injured = view.get("killed"), view.get("injured")
    coded = art.get("ingested_at") or ""
    return {
        "id": view["id"],
        "date": date.get("value") or art.get("published"),
        "date_precision": date.get("precision") if date else "published",
        "source": [_actor(a) for a in view.get("actors") or []],
        "recipient": [_actor(a) for a in view.get("targets") or []],
        "event": [view["type"]],
        "mode": [view["mode"]] if view.get("mode") else [],
        "context": [],
        "quad_code": data("plover")["quad_code"].get(view["type"]),
        "event_loc": None if not loc else {
            "name": loc.get("name"), "latitude": loc.get("lat"), "longitude": loc.get("lon"),
            "cc3": loc.get("country"), "admin1": loc.get("admin1"),
            "precision": loc.get("precision"), "text": loc.get("text")},
        "event_text": [(view.get("trigger") or {}).get("text")],
        "size_info": {"dead": killed, "injured": injured},
        "text_info": {"start": sentence.get("start"), "end": sentence.get("end"),
                      "sentence": sentence.get("text")},
        "cite_info": {"url": art.get("url"), "title": art.get("title"),
                      "publication": art.get("outlet"), "file": art.get("source"),
                      "published": art.get("published"),
                      "coder": f"Chronicle {art.get('chronicle_version') or ''}".strip(),
                      "parser": art.get("pipeline"), "codebook": data("plover")["codebook"]},
        "coder": "Chronicle",
        "coded_date": coded[:10] or None,
        "coded_time": coded[11:] or None,
        "status": view.get("status"),
        "acled": view.get("acled"),
        "gtd": view.get("gtd"),
        "incident": view.get("incident"),
        "repeats": view.get("repeats"),
    }
