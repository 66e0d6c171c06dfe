"""Measure the merged records of the `incidents` dev set, field by field and rule by rule.

    python eval/incidents.py --pred eval/out/incidents.pred.jsonl [--shared ../shared/eval]

Merges the articles of a `chronicle extract` output again (no parsing: the events are read
back from the file), builds each incident's record with each rule of merge/record.py, and
scores each field against the gold incidents the way score.py matches them: each gold
incident takes the system incident holding most of its articles (ties to its first
article's). score.py itself scores another record: the most common value of the events
in each incident (CONTRACT.md).

For the rule in use it also says where each miss comes from: `extraction` when no report
of the matched incident gives the gold value (dates, places and counts are read by the
extraction stages), `choice` when some report gives it but the rule chose another value,
`alone` when the gold incident's articles carry no incident at all.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

from chronicle.merge.incidents import merge_articles
from chronicle.merge.record import build, value_of
from chronicle.merge.rules import rules
from chronicle.records import Article

HERE = Path(__file__).resolve().parent
FIELDS = {"date": ("mode", "latest", "specific"), "place": ("mode", "latest", "specific"),
          "killed": ("mode", "latest", "max"), "injured": ("mode", "latest", "max")}


def km(a: float, b: float, c: float, d: float) -> float:
    """Return the great-circle distance in km between two points in degrees."""
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def right(name: str, value, gold: dict) -> bool:
    """Return whether a record value matches the gold incident (as score.py judges it)."""
    if name == "date":
        return isinstance(value, dict) and value.get("value") == gold["date"]
    if name == "place":
        return (isinstance(value, dict) and value.get("lat") is not None
                and km(value["lat"], value["lon"], gold["location"]["lat"], gold["location"]["lon"]) <= 25)
    return (value or 0) == gold[name]


def measure(pred: str, shared: str) -> dict:
    """Return each field's accuracy under each rule, and where the misses of the rule in use come from."""
    gold = [json.loads(x) for x in open(Path(shared) / "dev" / "incidents.gold.jsonl", encoding="utf-8")]
    arts = [Article.from_contract(json.loads(x)) for x in open(pred, encoding="utf-8")]
    merger = merge_articles(arts)
    first = {a.id: next((e.incident for e in a.events if e.incident), None) for a in arts}
    members = defaultdict(list)
    for g in gold:
        if "id" in g:
            members[g["incident"]].append(g["id"])
    reports = merger.state.incidents()
    in_use = rules()["record"]
    hits: dict[str, Counter] = defaultdict(Counter)
    misses: dict[str, Counter] = defaultdict(Counter)
    n = 0
    for g in (g for g in gold if "id" not in g):
        n += 1
        held = Counter(first.get(a) or ("alone", a) for a in members[g["incident"]])
        top = max(held.values())
        cluster = next(first.get(a) or ("alone", a) for a in members[g["incident"]]
                       if held[first.get(a) or ("alone", a)] == top)
        told = reports.get(cluster, []) if isinstance(cluster, str) else []
        for name, options in FIELDS.items():
            for rule in options:
                value = build("x", told, chosen={name: rule}).value(name) if told else None
                ok = right(name, value, g)
                hits[name][rule] += ok
                if rule == in_use[name] and not ok:
                    cause = ("alone" if not told else
                             "choice" if any(right(name, value_of(r, name), g) for r in told) else "extraction")
                    misses[name][cause] += 1
    return {"gold_incidents": n,
            "accuracy": {name: {rule: round(hits[name][rule] / n, 4) for rule in FIELDS[name]}
                         for name in FIELDS},
            "rule": {name: in_use[name] for name in FIELDS},
            "misses": {name: dict(misses[name]) for name in FIELDS}}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pred", default=str(HERE / "out" / "incidents.pred.jsonl"))
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared" / "eval"))
    args = ap.parse_args()
    res = measure(args.pred, args.shared)
    print(f"incidents: {res['gold_incidents']} gold incidents; record fields by rule"
          " (* the rule in use; misses of that rule by cause)")
    for name, by_rule in res["accuracy"].items():
        figures = "  ".join(f"{'*' if rule == res['rule'][name] else ''}{rule} {v:.3f}"
                            for rule, v in by_rule.items())
        print(f"  {name:8s} {figures}   misses: {res['misses'][name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
