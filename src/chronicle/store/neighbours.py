"""The incident a stored event belongs to, merged on the fly from the reports near it.

The merge stage (`merge/incidents.py`) decides which reports are one incident; here
it is given only the stored events that could be: the same PLOVER type, coded, within
a day either side. That is a few indexed rows, so an event's page can show its
incident, with every report side by side and where they disagree, without merging
the whole store.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Optional

from ..merge.incidents import merge
from ..records import Event
from .base import Store
from .filters import EventFilter

# The fields an incident page compares, in its order.
FIELDS = ("type", "mode", "acled", "gtd", "status", "date", "place", "killed", "injured",
          "actors", "targets")


def _near(day: Optional[str], days: int) -> tuple[Optional[str], Optional[str]]:
    if not day or len(day) != 10:
        return day, day
    d = date.fromisoformat(day)
    return (d - timedelta(days=days)).isoformat(), (d + timedelta(days=days)).isoformat()


def incident_of(store: Store, uid: str, max_days: int = 1) -> Optional[dict[str, Any]]:
    """Return the incident of stored event `uid`: its agreed fields, its reports (event views,
    first the one asked for) and, per field where they differ, each report's value; None
    when there is no such event."""
    view = store.event(uid)
    if view is None:
        return None
    reports = [view]
    if view.get("acled") and (view.get("date") or {}).get("value"):
        since, until = _near(view["date"]["value"], max_days)
        near = store.events(EventFilter(type=view["type"], since=since, until=until,
                                        repeats=False, limit=500))
        reports += [v for v in near if v["id"] != uid and v.get("acled")
                    and v["article_id"] != view["article_id"]]
    by_key = {(str(v["article_id"]), v["local_id"]): v for v in reports}
    incidents = merge([(str(v["article_id"]), Event.from_dict(dict(v, id=v["local_id"])))
                       for v in reports])
    mine = next(i for i in incidents if (str(view["article_id"]), view["local_id"]) in i.members)
    members = [by_key[m] for m in mine.members]
    differ = {name: [(str(r.article_id), r.event_id) for r in rows]
              for name, rows in mine.disagreements.items()}
    return {"id": f"{uid}/incident", "fields": mine.fields, "reports": members,
            "disagreements": sorted(differ)}
