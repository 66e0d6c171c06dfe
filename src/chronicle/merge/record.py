"""The merged record of an incident: per field the chosen value and the rule that chose it,
every report's value with its source, and where the reports disagree.

Rules (data/merge.json, `record`): `mode` (the value most reports give, ties to the
earliest), `latest` (the value of the latest report, by publication date), `max`,
`specific` (the finest precision, then the most reported). Which rule each field uses
was measured on the dev set (docs/evaluation.md). Wire copies and reprints are listed
but do not vote: one story syndicated five times is one source. Reports of an answering
family (an arrest told after a shooting) and follow-up stories (a trial) do not vote on
the date, type or status of the incident while other reports do.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Iterable, Optional

from ..records import Incident
from .evidence import PRECISION_ORDER, DATE_ORDER, day
from .reports import Report
from .rules import rules

FIELDS = ("type", "mode", "acled", "status", "date", "place", "killed", "injured", "actors", "targets")


def value_of(r: Report, name: str) -> Any:
    """Return a report's value for a record field (None when it gives none)."""
    if name == "date":
        return {"value": r.date, "precision": r.date_precision} if r.date else None
    if name == "place":
        if r.place is None and r.lat is None:
            return None
        return {"name": r.place, "admin1": r.admin1, "country": r.country, "lat": r.lat,
                "lon": r.lon, "precision": r.place_precision}
    if name in ("actors", "targets"):
        return list(getattr(r, name)) or None
    return getattr(r, name)


def _key(value: Any) -> Any:
    """Return a hashable form of a field value, for counting equal values."""
    if isinstance(value, dict):
        if "lat" in value:  # one place named the same way, whatever the words
            return (value.get("name"), value.get("country"), value.get("precision"))
        return tuple(sorted(value.items()))
    if isinstance(value, list):
        return tuple(value)
    return value


def _mode(seen: list[tuple[Report, Any]]) -> tuple[Report, Any]:
    counts = Counter(_key(v) for _, v in seen)
    top = max(counts.values())
    return next((r, v) for r, v in seen if counts[_key(v)] == top)


def _latest(seen: list[tuple[Report, Any]]) -> tuple[Report, Any]:
    order = {id(r): i for i, (r, _) in enumerate(seen)}
    return max(seen, key=lambda rv: (day(rv[0].published) or day("1"), order[id(rv[0])]))


def _max(seen: list[tuple[Report, Any]]) -> tuple[Report, Any]:
    return max(seen, key=lambda rv: rv[1])  # max keeps the first of equal values


def _specific(seen: list[tuple[Report, Any]]) -> tuple[Report, Any]:
    def rank(v: dict) -> int:
        order = PRECISION_ORDER if "lat" in v else DATE_ORDER
        p = v.get("precision")
        return -(order.index(p) if p in order else len(order))
    best = max(rank(v) for _, v in seen)
    return _mode([(r, v) for r, v in seen if rank(v) == best])


RULES: dict[str, Callable[[list[tuple[Report, Any]]], tuple[Report, Any]]] = {
    "mode": _mode, "latest": _latest, "max": _max, "specific": _specific}


def _voters(reports: list[Report], name: str, family: str) -> list[Report]:
    """Return the reports that vote on a field: not copies; for date, type and status, of the
    incident's own family and, where there are others, not follow-up stories."""
    votes = [r for r in reports if r.copy_of is None] or reports
    if name in ("date", "type", "mode", "acled", "status"):
        votes = [r for r in votes if r.family == family] or votes
        if name == "date":
            votes = [r for r in votes if not r.follow_up and r.date] or votes
    return votes


def family(reports: list[Report]) -> Optional[str]:
    """Return the family most of an incident's reports (main reports first) tell."""
    pool = [r for r in reports if r.main] or reports
    return _mode([(r, r.family) for r in pool])[1] if pool else None


def source(r: Report) -> dict[str, Any]:
    """Return a report as the record lists it: where it came from, and each value with its words."""
    values = {}
    for name in FIELDS:
        v = value_of(r, name)
        if v is not None:
            span = r.spans.get(name) or r.spans.get({"type": "trigger"}.get(name, ""))
            values[name] = {"value": v, "words": span}
    return {"key": r.key, "article": r.article, "event": r.event, "outlet": r.outlet,
            "wire": r.wire, "url": r.url, "title": r.title, "published": r.published,
            "main": r.main, "follow_up": r.follow_up, "copy_of": r.copy_of, "values": values}


def build(incident_id: str, reports: Iterable[Report], aliases: Iterable[str] = (),
          merges: Iterable[dict] = (), chosen: Optional[dict[str, str]] = None) -> Incident:
    """Return the merged record of an incident from its reports (in the order they came)."""
    reports = list(reports)
    fam = family(reports)
    rule_of = {k: v for k, v in rules()["record"].items() if not k.startswith("_")}
    rule_of.update(chosen or {})
    inc = Incident(id=incident_id, aliases=sorted(aliases), merges=list(merges),
                   reports=[source(r) for r in reports])
    inc.fields["family"] = {"value": fam, "rule": "mode"}
    for name in FIELDS:
        seen = [(r, value_of(r, name)) for r in _voters(reports, name, fam)]
        seen = [(r, v) for r, v in seen if v is not None]
        if not seen:
            inc.fields[name] = {"value": None, "rule": None}
            continue
        rule = rule_of.get(name, "mode")
        r, v = RULES[rule](seen)
        inc.fields[name] = {"value": v, "rule": rule, "from": r.key}
        everyone = [(x, value_of(x, name)) for x in reports if value_of(x, name) is not None]
        distinct: dict[Any, dict[str, Any]] = {}
        for x, val in everyone:
            distinct.setdefault(_key(val), {"value": val, "reports": []})["reports"].append(x.key)
        if len(distinct) > 1:
            inc.disagreements[name] = list(distinct.values())
    return inc
