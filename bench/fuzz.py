"""Fuzz campaign (`make fuzz`): seeded mutations of our own fixtures through reading, the
pipeline and the store; fails on any crash, any input id not out exactly once, or any
article over its time budget by more than a second.

    .venv/bin/python bench/fuzz.py [--mutations 5000] [--seed 0] [--budget 10] [--no-store]

1. writes `--mutations` hostile files (tests/mutations.py: text, HTML, JSONL, gzip, WARC;
   bytes flipped, cut, surrogates, tags, symbol runs, long sentences, ...) to a temporary
   folder;
2. reads each file alone (a crash in reading is a failure; a .txt or .html file must give
   exactly one input, named after the file) and runs each input alone through the
   pipeline, timing it: one article out per input, same id, a record that is valid UTF-8
   JSON, every span equal to the text it points at, and no more than budget + 1 s;
3. ingests the whole folder into a fresh SQLite store: every input id read is in the store
   once per distinct input (as an article or a recorded duplicate).

Prints the counts per error code, the slowest articles, and the failures; writes them to
bench/out/fuzz-<time>.json.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from mutations import check_article, mutant  # noqa: E402  (tests/mutations.py)

from chronicle import errors, pipeline  # noqa: E402
from chronicle.ingest.read import read_paths  # noqa: E402
from chronicle.parse import load_pipeline  # noqa: E402
from chronicle.settings import load as load_settings  # noqa: E402
from chronicle.store import open_store  # noqa: E402
from chronicle.store.rows import storable  # noqa: E402
from chronicle.store.load import load as load_store, raw_hash  # noqa: E402


def run_files(folder: Path, names: list[str], settings, nlp, report: dict) -> list:
    """Read and run each file's inputs one at a time; return every input read."""
    every = []
    codes = collections.Counter()
    slowest = []
    for name in names:
        path = folder / name
        try:
            raws = list(read_paths([str(path)], settings.max_bytes))
        except Exception as exc:
            report["failures"].append(f"{name}: reading crashed: {exc!r}")
            continue
        if name.endswith((".txt", ".html")) and [r.id for r in raws] != [Path(name).stem]:
            report["failures"].append(f"{name}: gave ids {[r.id for r in raws]}")
        for raw in raws:
            every.append(raw)
            start = time.perf_counter()
            try:
                out = pipeline.run_batch([raw], nlp, settings)
            except BaseException as exc:  # the point of the campaign: nothing may escape
                report["failures"].append(f"{name}: {raw.id!r} crashed the pipeline: {exc!r}\n"
                                          + traceback.format_exc())
                continue
            took = time.perf_counter() - start
            slowest.append((round(took, 2), name, raw.id, out[0].error.code if out[0].error else None))
            if len(out) != 1:
                report["failures"].append(f"{name}: {len(out)} articles for input {raw.id!r}")
                continue
            check_article(raw, out[0], report["failures"])
            codes[out[0].error.code if out[0].error else "ok"] += 1
            if took > settings.article_seconds + 1:
                report["failures"].append(f"{name}: {raw.id!r} took {took:.1f} s, budget"
                                          f" {settings.article_seconds} s")
    slowest.sort(reverse=True)
    report["codes"] = dict(sorted(codes.items()))
    report["slowest"] = slowest[:10]
    report["inputs"] = len(every)
    return every


def check_store(folder: Path, every: list, settings, report: dict) -> None:
    """Ingest the folder into a fresh store; check every input id is there once per input."""
    expected = collections.defaultdict(set)
    for raw in every:
        expected[raw.id].add(raw_hash(raw) if raw.problem != errors.UNREADABLE else raw.source)
    with tempfile.TemporaryDirectory() as tmp, open_store(os.path.join(tmp, "fuzz.db")) as store:
        saved, skipped = load_store(read_paths([str(folder)], settings.max_bytes), store, settings)
        rows = store.execute("SELECT doc_id FROM articles UNION ALL SELECT doc_id FROM duplicates")
        found = collections.Counter(r[0] for r in rows.fetchall())
        report["store"] = {"articles": saved.articles, "duplicates": saved.duplicates,
                           "skipped": skipped, "errors": saved.errors}
    for rid, inputs in expected.items():
        if found.get(storable(rid), 0) != len(inputs):
            report["failures"].append(f"store: id {rid!r} read {len(inputs)} times,"
                                      f" stored {found.get(storable(rid), 0)} times")
    extra = set(found) - {storable(r) for r in expected}
    for rid in sorted(extra)[:20]:
        report["failures"].append(f"store: id {rid!r} stored but never read")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mutations", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--budget", type=int, default=10, help="article_seconds for the campaign")
    ap.add_argument("--no-store", action="store_true")
    ap.add_argument("--workers", type=int, default=1, help="workers for the store ingest")
    ap.add_argument("--out", default=str(HERE / "out"))
    args = ap.parse_args()
    settings = load_settings(article_seconds=args.budget, workers=1)
    nlp = load_pipeline(settings.model)
    report: dict = {"mutations": args.mutations, "seed": args.seed, "budget_s": args.budget,
                    "failures": []}
    start = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        names = []
        for i in range(args.mutations):
            name, data = mutant(i, args.seed)
            (folder / name).write_bytes(data)
            names.append(name)
        every = run_files(folder, names, settings, nlp, report)
        report["pipeline_s"] = round(time.time() - start, 1)
        if not args.no_store:
            check_store(folder, every, load_settings(article_seconds=args.budget,
                                                     workers=args.workers), report)
    report["total_s"] = round(time.time() - start, 1)
    print(f"{args.mutations} mutated files, {report['inputs']} inputs, {report['total_s']} s")
    print("outcomes:", report["codes"])
    print("slowest:", report["slowest"][:5])
    if "store" in report:
        print("store:", report["store"])
    for line in report["failures"][:30]:
        print("FAIL", line)
    print(f"{len(report['failures'])} failures")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    out = Path(args.out) / f"fuzz-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=True))
    print(f"written to {out}")
    return 1 if report["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
