"""Measure the merged records of the `incidents` dev set, field by field and rule by rule.

    python eval/incidents.py --pred eval/out/incidents.pred.jsonl [--shared ../shared/eval]

Merges the articles of a `chronicle extract` output again (no parsing: the events are read
back from the file), builds each incident's record with every rule of merge/record.py, and
scores each field against the gold incidents the way score.py matches them: each gold
incident takes the system incident holding most of its articles (ties to its first
article's). `score.py` itself scores a different record, the most common value of the
events in each incident (CONTRACT.md); both are printed by `make eval`'s report.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

from chronicle.merge.incidents import merge_articles
from chronicle.merge.record import RULES
from chronicle.records import Article

HERE = Path(__file__).resolve().parent
FIELDS = {"date": ("mode", "latest", "specific"), "place": ("mode", "latest", "specific"),
          "killed": ("mode", "latest", "max"), "injured": ("mode", "latest", "max")}


def km(a: float, b: float, c: float, d: float) -> float:
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def right(name: str, value, gold: dict) -> bool:
    """Return whether a chosen record value matches the gold incident (as score.py judges it)."""
    if name == "date":
        return isinstance(value, dict) and value.get("value") == gold["date"]
    if name == "place":
        return (isinstance(value, dict) and value.get("lat") is not None
                and km(value["lat"], value["lon"], gold["location"]["lat"], gold["location"]["lon"]) <= 25)
    return (value or 0) == gold[name]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pred", default=str(HERE / "out" / "incidents.pred.jsonl"))
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared" / "eval"))
    args = ap.parse_args()
    gold = [json.loads(x) for x in open(Path(args.shared) / "dev" / "incidents.gold.jsonl")]
    arts = [Article.from_contract(json.loads(x)) for x in open(args.pred)]
    merger = merge_articles(arts)
    first = {a.id: next((e.incident for e in a.events if e.incident), None) for a in arts}
    members = defaultdict(list)
    for g in gold:
        if "id" in g:
            members[g["incident"]].append(g["id"])
    records = {r.id: r for r in merger.state.records()}
    figures: dict[str, Counter] = defaultdict(Counter)
    n = 0
    for g in (g for g in gold if "id" not in g):
        held = Counter(first.get(a) or ("alone", a) for a in members[g["incident"]])
        top = max(held.values())
        cluster = next(first.get(a) or ("alone", a) for a in members[g["incident"]]
                       if held[first.get(a) or ("alone", a)] == top)
        n += 1
        rec = records.get(cluster) if isinstance(cluster, str) else None
        reports = merger.state.incidents().get(cluster, []) if rec else []
        for name, rules in FIELDS.items():
            for rule in rules:
                from chronicle.merge.record import build
                value = build(cluster, reports, chosen={name: rule}).value(name) if rec else None
                figures[name][rule] += right(name, value, g)
    print(f"incidents: {n} gold incidents")
    for name, by_rule in figures.items():
        print(f"  {name:8s} " + "  ".join(f"{rule} {by_rule[rule] / n:.3f}" for rule in FIELDS[name]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
