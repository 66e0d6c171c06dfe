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
import random
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


def clusters(articles: list[Article]) -> dict[str, frozenset[str]]:
    """Return, for each article, the set of articles merged with it (its own first event's incident)."""
    first = {a.id: next((e.incident for e in a.events if e.incident), None) for a in articles}
    together: dict[str, set[str]] = defaultdict(set)
    for a, inc in first.items():
        together[inc or a].add(a)
    return {a: frozenset(together[inc or a]) for a, inc in first.items()}


def agreement(found: dict[str, frozenset[str]], gold: dict[str, str]) -> dict[str, float]:
    """Return B-cubed and pairwise F1 of article clusters against the gold incidents."""
    members: dict[str, set[str]] = defaultdict(set)
    for a, g in gold.items():
        members[g].add(a)
    p = sum(len(found[a] & members[gold[a]]) / len(found[a]) for a in gold) / len(gold)
    r = sum(len(found[a] & members[gold[a]]) / len(members[gold[a]]) for a in gold) / len(gold)
    both = sum(len(found[a] & members[gold[a]]) - 1 for a in gold) / 2
    sys_pairs = sum(len(found[a]) - 1 for a in gold) / 2
    gold_pairs = sum(len(members[gold[a]]) - 1 for a in gold) / 2
    pp, pr = both / max(sys_pairs, 1), both / max(gold_pairs, 1)
    return {"bcubed_f1": round(2 * p * r / (p + r), 4), "pairwise_f1": round(2 * pp * pr / (pp + pr or 1), 4)}


def orders(pred: str, shared: str, seeds: list[int]) -> dict:
    """Merge the articles in publication order, reversed, and shuffled by each seed; return, for
    each order, the share of articles whose incident (the set of articles merged with it) differs
    from publication order's, and the clustering figures."""
    def merged(order: list[int]) -> dict[str, frozenset[str]]:
        lines = open(pred, encoding="utf-8").read().splitlines()
        arts = [Article.from_contract(json.loads(lines[k])) for k in order]
        for a in arts:
            for e in a.events:
                e.incident = None
        merge_articles(arts)
        return clusters(arts)
    gold = {g["id"]: g["incident"] for g in map(json.loads, open(Path(shared) / "dev" / "incidents.gold.jsonl"))
            if "id" in g}
    n = sum(1 for _ in open(pred, encoding="utf-8"))
    base = merged(list(range(n)))
    out = {"publication": {"changed": 0.0, **agreement(base, gold)}}
    for name, order in [("reversed", list(range(n))[::-1])] + [
            (f"shuffled {seed}", random.Random(seed).sample(range(n), n)) for seed in seeds]:
        other = merged(order)
        out[name] = {"changed": round(sum(base[a] != other[a] for a in base) / n, 4),
                     **agreement(other, gold)}
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pred", default=str(HERE / "out" / "incidents.pred.jsonl"))
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared" / "eval"))
    ap.add_argument("--orders", type=int, default=0, metavar="N",
                    help="also merge in reversed and N shuffled orders; print the share of articles"
                         " whose incident changes")
    args = ap.parse_args()
    if args.orders:
        print("articles in other orders: share whose incident changes against publication order,"
              " and the clustering figures")
        for name, figures in orders(args.pred, args.shared, list(range(1, args.orders + 1))).items():
            print(f"  {name:12s} {figures}")
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
