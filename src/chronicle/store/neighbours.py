"""The incident a stored event belongs to, with every report of it, for the incident page.

The merge stage (`merge/`) assigned each stored event that tells an incident to one as
it was stored (`events.incident_id`); here that incident is read back with its record
(`Store.incident`) and the event views of its reports, the event asked for first, so an
event's page can show every report side by side and where they disagree.
"""
from __future__ import annotations

from typing import Any, Optional

from .base import Store

# The fields an incident page compares, in its order.
FIELDS = ("type", "mode", "acled", "gtd", "status", "date", "place", "killed", "injured",
          "actors", "targets")


def _plain(name: str, value: Any) -> Any:
    """Return a record's chosen value as the page shows it (a date's day, a place's name)."""
    if name == "date" and isinstance(value, dict):
        return value.get("value")
    if name == "place" and isinstance(value, dict):
        return value.get("name")
    return value


def incident_of(store: Store, uid: str) -> Optional[dict[str, Any]]:
    """Return the incident of stored event `uid`: its chosen fields, its reports (event views,
    first the one asked for), the names of the fields where they differ and the incident's
    own view (`record`); None when there is no such event."""
    view = store.event(uid)
    if view is None:
        return None
    inc = store.incident(view["incident"]) if view.get("incident") else None
    if inc is None:  # an event that tells no incident (a restatement, a statement) stands alone
        fields = {name: view.get(name) for name in FIELDS}
        fields["date"] = (view.get("date") or {}).get("value")
        fields["place"] = (view.get("location") or {}).get("name")
        return {"id": f"{uid}/incident", "incident": None, "fields": fields, "reports": [view],
                "disagreements": [], "record": None}
    uids = [u for (u,) in store.execute(
        "SELECT event_id FROM incident_reports WHERE incident_id = ? ORDER BY seq", [inc["id"]]).fetchall()]
    reports = [view] + [v for v in (store.event(u) for u in uids if u != uid) if v is not None]
    fields = {name: _plain(name, (inc["fields"].get(name) or {}).get("value")) for name in FIELDS}
    return {"id": f"{uid}/incident", "incident": inc["id"], "fields": fields, "reports": reports,
            "disagreements": sorted(n for n in inc.get("disagreements") or {} if n in FIELDS),
            "record": inc}
