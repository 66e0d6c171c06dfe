"""Benchmark: the full pipeline against spaCy's own full pipeline on the same corpus.

    python bench/run.py [--workers 1,2] [--quick] [--no-scaling]

Runs over a fixed corpus of at least 2,000 articles (bench/corpus.py):
  - baseline: spacy.load(model) with every pipe, `nlp.pipe` over the texts;
  - the full Chronicle pipeline (clean, parse, every extraction stage) with 1 worker
    and with each `--workers` count;
  - how the cost grows: three corpus sizes and three article lengths.
Prints articles per second, peak memory (RSS) per worker and the ratio
pipeline time / baseline time; writes everything as JSON to bench/out/.

Every measurement runs in a fresh process, so one run's memory and caches do not
leak into the next. CPU seconds are reported beside wall seconds because a busy
machine slows wall time but hardly CPU time; the CPU ratio is the steadier figure.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus as corpus_mod  # noqa: E402  (bench/ is a folder of scripts, not a package)

from chronicle import settings as settings_mod  # noqa: E402
from chronicle.ingest import RawInput  # noqa: E402

OUT = HERE / "out"
LENGTHS = (300, 1500, 6000)  # characters: a wire brief, a news story, a long feature
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "BLIS_NUM_THREADS")


def _cpu_seconds(who: int) -> float:
    """Return user+system CPU seconds of this process or of its reaped children."""
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def _peak_rss_mb() -> float:
    """Return this process's peak RSS in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _raws(articles: list[dict]) -> list[RawInput]:
    """Return RawInputs for corpus articles."""
    return [RawInput(id=a["id"], text=a["text"], published=a.get("published"))
            for a in articles]


def _child_baseline(texts: list[str], model: str, batch_size: int) -> dict:
    """In a fresh process: time spaCy's full pipeline over `texts`."""
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(model)
    load = time.perf_counter() - t0
    for _ in nlp.pipe(texts[:20]):  # warm-up, as for the pipeline
        pass
    c0, t0 = _cpu_seconds(resource.RUSAGE_SELF), time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    wall = time.perf_counter() - t0
    return {"n": len(texts), "tokens": tokens, "wall_s": wall, "load_s": load,
            "cpu_s": _cpu_seconds(resource.RUSAGE_SELF) - c0, "peak_rss_mb": _peak_rss_mb()}


def _child_pipeline(articles: list[dict], overrides: dict) -> dict:
    """In a fresh process: time the full Chronicle pipeline with one worker."""
    from chronicle.parse import load_pipeline
    from chronicle.pipeline import run

    s = settings_mod.load(**overrides)
    t0 = time.perf_counter()
    load_pipeline(s.model)
    load = time.perf_counter() - t0
    list(run(_raws(articles[:20]), s))  # warm-up: lexicons and gazetteer load once
    c0, t0 = _cpu_seconds(resource.RUSAGE_SELF), time.perf_counter()
    out = list(run(_raws(articles), s))
    wall = time.perf_counter() - t0
    return {"n": len(out), "wall_s": wall, "load_s": load,
            "cpu_s": _cpu_seconds(resource.RUSAGE_SELF) - c0,
            "events": sum(len(a.events) for a in out),
            "statements": sum(len(a.statements) for a in out),
            "errors": sum(a.error is not None for a in out),
            "peak_rss_mb": _peak_rss_mb()}


def in_fresh_process(func, *args) -> dict:
    """Run `func(*args)` in a new single-threaded process; return its result."""
    for name in THREAD_VARIABLES:
        os.environ[name] = "1"  # inherited by the spawned child
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=ctx) as pool:
        return pool.submit(func, *args).result()


def parallel(articles: list[dict], overrides: dict) -> dict:
    """Time the pipeline through workers.run_parallel (includes worker start and model load)."""
    from chronicle.workers import run_parallel

    s = settings_mod.load(**overrides)
    stats: dict = {}
    c0, t0 = _cpu_seconds(resource.RUSAGE_CHILDREN), time.perf_counter()
    out = list(run_parallel(_raws(articles), s, stats))
    wall = time.perf_counter() - t0
    return {"n": len(out), "wall_s": wall, "workers": s.workers,
            "cpu_s": _cpu_seconds(resource.RUSAGE_CHILDREN) - c0,
            "events": sum(len(a.events) for a in out),
            "statements": sum(len(a.statements) for a in out),
            "peak_rss_mb_per_worker": sorted(round(v, 1) for v in stats.get("peak_rss_mb", {}).values())}


def _rate(res: dict) -> dict:
    """Add articles per second (wall and per CPU second) to a result."""
    res["articles_per_s"] = round(res["n"] / res["wall_s"], 2)
    res["articles_per_cpu_s"] = round(res["n"] / res["cpu_s"], 2) if res["cpu_s"] else None
    return res


def machine() -> dict:
    """Return the machine's size and load."""
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cpus": os.cpu_count(), "memory_gb": round(mem, 1), "python": platform.python_version(),
            "platform": platform.platform(), "load_average": os.getloadavg()}


def log(msg: str) -> None:
    """Print progress to stderr."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", default="2", help="comma-separated worker counts besides 1")
    ap.add_argument("--quick", action="store_true", help="500 articles, 30 per length (a smoke run)")
    ap.add_argument("--no-scaling", action="store_true", help="skip the sizes and lengths")
    ap.add_argument("--rounds", type=int, default=1,
                    help="baseline and 1-worker pipeline runs, alternated; the CPU ratio is the "
                         "median of the rounds' ratios (a shared machine's speed drifts)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()

    s = settings_mod.load()
    articles, source = corpus_mod.load_corpus()
    if args.quick:
        articles = corpus_mod.resize(articles, 500)
    texts = [a["text"] for a in articles]
    report: dict = {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    "machine": machine(), "model": s.model, "batch_size": s.batch_size,
                    "corpus": {"source": source, "articles": len(articles),
                               "chars": sum(map(len, texts))}}
    log(f"corpus: {len(articles)} articles from {source}")

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = out / f"bench-{stamp}.json"

    def save(what: str, result: dict) -> None:
        """Log one result and rewrite the JSON file, so a stopped run keeps what it measured."""
        log(f"{what}: {json.dumps(result)}")
        text = json.dumps(report, indent=2)
        path.write_text(text)
        (out / "latest.json").write_text(text)

    rounds = []
    for k in range(max(1, args.rounds)):
        log(f"round {k + 1}: baseline, spaCy full pipeline, 1 process")
        base = _rate(in_fresh_process(_child_baseline, texts, s.model, s.batch_size))
        save("baseline", base)
        log(f"round {k + 1}: pipeline, 1 worker")
        one = _rate(in_fresh_process(_child_pipeline, articles, {}))
        save("pipeline 1 worker", one)
        rounds.append((one["cpu_s"] / base["cpu_s"], base, one))
    # the round with the median ratio stands for the run; every round is kept
    _, base, one = sorted(rounds, key=lambda r: r[0])[(len(rounds) - 1) // 2]
    report["baseline"], report["pipeline"] = base, {"1": one}
    report["rounds"] = [{"baseline_cpu_s": b["cpu_s"], "pipeline_cpu_s": o["cpu_s"],
                         "ratio_cpu": round(r, 3)} for r, b, o in rounds]
    for w in [int(x) for x in args.workers.split(",") if x.strip() and int(x) > 1]:
        log(f"pipeline: {w} workers")
        report["pipeline"][str(w)] = _rate(parallel(articles, {"workers": w}))
        save(f"pipeline {w} workers", report["pipeline"][str(w)])
    report["ratio"] = {
        f"{w}_workers_wall": round(r["wall_s"] / base["wall_s"], 3)
        for w, r in report["pipeline"].items()}
    report["ratio"]["1_worker_cpu"] = round(one["cpu_s"] / base["cpu_s"], 3)
    save("ratio", report["ratio"])

    if not args.no_scaling:
        sizes = [len(articles) // 4, len(articles) // 2]
        report["sizes"] = {}
        for n in sizes:
            log(f"size {n}: pipeline, 1 worker")
            report["sizes"][str(n)] = _rate(in_fresh_process(
                _child_pipeline, corpus_mod.resize(articles, n), {}))
            save(f"size {n}", report["sizes"][str(n)])
        report["sizes"][str(len(articles))] = one
        per_length = 30 if args.quick else 100
        report["lengths"] = {}
        for chars in LENGTHS:
            batch = corpus_mod.of_length(articles, chars, per_length)
            log(f"length {chars} chars x {per_length}: baseline and pipeline")
            b = _rate(in_fresh_process(_child_baseline, [a["text"] for a in batch], s.model,
                                       s.batch_size))
            p = _rate(in_fresh_process(_child_pipeline, batch, {}))
            report["lengths"][str(chars)] = {
                "baseline": b, "pipeline": p, "ratio_cpu": round(p["cpu_s"] / b["cpu_s"], 3),
                "pipeline_ms_per_1k_chars": round(1000 * p["cpu_s"] / (chars * per_length / 1000), 2)}
            save(f"length {chars}", report["lengths"][str(chars)])
    report["machine"]["load_average_end"] = os.getloadavg()
    save("done", {"load_average_end": report["machine"]["load_average_end"]})
    print_summary(report)
    print(f"written: {path}")
    return 0


def print_summary(r: dict) -> None:
    """Print the headline figures."""
    m = r["machine"]
    print(f"machine: {m['cpus']} cpus, {m['memory_gb']} GB, load {m['load_average'][0]:.1f}"
          f" -> {m['load_average_end'][0]:.1f}")
    print(f"corpus: {r['corpus']['articles']} articles, {r['corpus']['chars']} chars ({r['corpus']['source']})")
    b = r["baseline"]
    print(f"baseline spaCy full:   {b['articles_per_s']:8.1f} art/s  {b['wall_s']:7.1f} s wall"
          f"  {b['cpu_s']:7.1f} s cpu  peak {b['peak_rss_mb']:.0f} MB")
    for w, p in r["pipeline"].items():
        rss = p.get("peak_rss_mb_per_worker") or [round(p["peak_rss_mb"], 1)]
        print(f"pipeline {w} worker(s):  {p['articles_per_s']:8.1f} art/s  {p['wall_s']:7.1f} s wall"
              f"  {p['cpu_s']:7.1f} s cpu  peak per worker {rss} MB")
    print("ratio pipeline/baseline:", r["ratio"])
    if len(r.get("rounds", [])) > 1:
        print("rounds (CPU ratio, the median round above):",
              ", ".join(str(x["ratio_cpu"]) for x in r["rounds"]))
    for n, p in r.get("sizes", {}).items():
        print(f"size {n:>6}: {p['articles_per_s']:7.1f} art/s  {p['articles_per_cpu_s']:7.1f} art/cpu-s")
    for chars, x in r.get("lengths", {}).items():
        print(f"length {chars:>5} chars: pipeline {x['pipeline']['articles_per_cpu_s']:7.1f} art/cpu-s,"
              f" baseline {x['baseline']['articles_per_cpu_s']:7.1f}, ratio cpu {x['ratio_cpu']}")


if __name__ == "__main__":
    sys.exit(main())
