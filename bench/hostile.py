"""Hostile inputs, one per fresh process: wall time, outcome and peak memory of each.

    .venv/bin/python bench/hostile.py [--only NAME,...] [--out DIR]

The inputs are the classes of issue 12 (made here, in our own words), at the sizes that
hurt: symbol runs without spaces, a page of '<' or of '&amp;', a sentence of repeated
phrases, a huge HTML table, and the largest inputs the size limit lets through (a text,
a page and a JSONL record of about 5 MB). Each runs through `pipeline.run` alone in a
new process with the default settings; the report gives its seconds, its error code (or
the events found) and the process's peak RSS, which must stay under 1.5 GB.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEAD = ("Police fired tear gas at hundreds of students who marched on the education ministry "
        "in Nairobi on Monday, witnesses said. Two students were taken to hospital.\n\n")
PARAGRAPH = ("The council said the market would reopen on Friday after traders agreed to pay "
             "the new levy in two parts, and the police said nobody had been arrested. ")


def make(name: str) -> dict:
    """Return the RawInput fields of hostile input `name`."""
    if name == "equals_20k":
        return {"text": LEAD + "=" * 20_000}
    if name == "lt_page":
        return {"html": "<html><body><p>" + LEAD + "</p><p>" + "<" * 1_000_000 + "</p></body></html>"}
    if name == "amp_page":
        return {"html": "<html><body><p>" + LEAD + "</p><p>" + "&amp;" * 200_000 + "</p></body></html>"}
    if name == "repeats_80":
        return {"text": "The minister said that " + "the police said that the army said that " * 80
                + "the rebels attacked the town."}
    if name == "repeats_800":
        return {"text": "The minister said that " + "the police said that the army said that " * 800
                + "the rebels attacked the town."}
    if name == "table_150k":
        rows = "".join(f"<tr><td>{i}</td><td>row {i}</td></tr>" for i in range(150_000))
        return {"html": f"<html><body><article><p>{LEAD}</p><table>{rows}</table></article></body></html>"}
    if name == "table_30k":
        rows = "".join(f"<tr><td>{i}</td><td>row {i}</td></tr>" for i in range(30_000))
        return {"html": f"<html><body><article><p>{LEAD}</p><table>{rows}</table></article></body></html>"}
    if name == "text_5mb":
        return {"text": LEAD + PARAGRAPH * (4_900_000 // len(PARAGRAPH))}
    if name == "symbols_5mb":
        return {"text": LEAD + ("=<" * 120 + " ") * (4_900_000 // 241)}
    if name == "many_events":
        return {"text": "Gunmen attacked police in Mogadishu. " * 2000}
    raise KeyError(name)


NAMES = ["equals_20k", "lt_page", "amp_page", "repeats_80", "repeats_800", "table_150k",
         "table_30k", "text_5mb", "symbols_5mb", "many_events"]

CHILD = """
import json, resource, sys, time
sys.path.insert(0, {here!r})
from hostile import make
from chronicle import pipeline, settings
from chronicle.ingest import RawInput
from chronicle.parse import load_pipeline
s = settings.load()
load_pipeline(s.model)
raw = RawInput(id={name!r}, **make({name!r}))
start = time.perf_counter()
(art,) = pipeline.run([raw], s)
took = time.perf_counter() - start
print(json.dumps({{"seconds": round(took, 1), "error": art.error.code if art.error else None,
                  "events": len(art.events), "chars": len(art.text),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", default=",".join(NAMES))
    ap.add_argument("--out", default=str(HERE / "out"))
    args = ap.parse_args()
    results = {}
    for name in args.only.split(","):
        done = subprocess.run([sys.executable, "-c", CHILD.format(here=str(HERE), name=name)],
                              capture_output=True, text=True)
        try:
            results[name] = json.loads(done.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            results[name] = {"crashed": done.returncode, "stderr": done.stderr[-500:]}
        print(f"{name:14s} {results[name]}", flush=True)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    out = Path(args.out) / f"hostile-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}.json"
    out.write_text(json.dumps(results, indent=2))
    print(f"written to {out}")
    over = [n for n, r in results.items() if r.get("crashed") is not None
            or r.get("peak_rss_mb", 0) >= 1536]
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
