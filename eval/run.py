"""Score every dev set and fail when a figure drops below its floor.

    python eval/run.py [--sets acled,gtd] [--shared ../shared/eval] [--no-floors] [--out DIR]

Runs `chronicle extract` over `<shared>/dev/NAME.articles.jsonl`, scores the output
with `<shared>/score.py --json`, prints the figures, writes them to
eval/out/scores.json, and compares them with eval/floors.json. Exits 1 if any
figure is below its floor (for metrics where lower is better, above its ceiling).

`incidents` (1,992 long articles, the largest set) runs with two workers, and is also
measured by eval/incidents.py: the merged record's fields by rule, and the causes of
its misses (printed, and kept in scores.json as `incidents_record`; no floors).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SETS = ["acled", "gtd", "case", "wikievents", "polnear", "html", "incidents"]
WORKERS = {"incidents": 2}  # the output is the same with any number of workers
LOWER_IS_BETTER = {"no_event_share", "no_incident_share", "violent_events_per_page", "pages_with_violent_event",
                   "error_records", "missing_predictions"}


def score_set(name: str, shared: Path, out_dir: Path) -> dict:
    """Extract and score one dev set; return the scorer's figures for it."""
    articles = shared / "dev" / f"{name}.articles.jsonl"
    gold = shared / "dev" / f"{name}.gold.jsonl"
    pred = out_dir / f"{name}.pred.jsonl"
    subprocess.run([sys.executable, "-m", "chronicle.cli", "extract", str(articles),
                    "-o", str(pred), "--workers", str(WORKERS.get(name, 1))], check=True)
    res = subprocess.run([sys.executable, str(shared / "score.py"), "--gold", str(gold),
                          "--pred", str(pred), "--json"], check=True, capture_output=True,
                         text=True)
    return json.loads(res.stdout)[name]


def check(scores: dict, floors: dict) -> list[str]:
    """Return one line per figure that broke its floor."""
    bad = []
    for name, metrics in floors.items():
        for metric, floor in metrics.items():
            value = scores.get(name, {}).get(metric)
            if value is None:
                continue
            worse = value > floor if metric in LOWER_IS_BETTER else value < floor
            if worse:
                bad.append(f"{name}.{metric} = {value:.4f}, floor {floor}")
    return bad


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared" / "eval"))
    ap.add_argument("--no-floors", action="store_true")
    ap.add_argument("--out", default=str(HERE / "out"), help="folder for predictions and scores")
    args = ap.parse_args()
    shared = Path(args.shared)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    scores = {}
    for name in args.sets.split(","):
        scores[name] = score_set(name, shared, out_dir)
        figures = {k: v for k, v in scores[name].items() if k != "n"}
        print(f"== {name}")
        for k, v in figures.items():
            print(f"  {k:28s} {v if v is None or isinstance(v, int) else round(v, 4)}")
    if "incidents" in scores:
        from incidents import measure  # eval/incidents.py
        record = measure(str(out_dir / "incidents.pred.jsonl"), str(shared))
        print("== incidents: merged record by rule (eval/incidents.py)")
        for field, by_rule in record["accuracy"].items():
            print(f"  {field:8s} " + "  ".join(f"{'*' if r == record['rule'][field] else ''}{r} {v}"
                                              for r, v in by_rule.items())
                  + f"   misses: {record['misses'][field]}")
        scores["incidents_record"] = record
    (out_dir / "scores.json").write_text(json.dumps(scores, indent=2))
    if args.no_floors:
        return 0
    floors = json.loads((HERE / "floors.json").read_text())
    bad = check(scores, {k: v for k, v in floors.items() if k in scores})
    for line in bad:
        print("BELOW FLOOR:", line)
    print("floors: ok" if not bad else f"floors: {len(bad)} broken")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
