"""Gazetteer benchmark: index build time, look-up time, and memory of a process using it.

    .venv/bin/python bench/gazetteer_bench.py                 # the default index: look-ups
    .venv/bin/python bench/gazetteer_bench.py --build         # also build a fresh index (minutes)
    .venv/bin/python bench/gazetteer_bench.py --articles FILE.jsonl [--limit 300]

Look-ups are timed cold (the lru_cache cleared, each one reaches SQLite) over names
sampled from the index, and reported in milliseconds (mean, median, 99th percentile)
and as a ratio to a dict look-up over the same names in the same run, since machines
are noisy. A build reports wall seconds and CPU seconds (this process and the folding
processes it starts). Peak RSS is this process's after the look-ups: what the index
adds to a worker. With --articles (JSONL with "id" and "text"), it parses the articles
once, finds their events, then times `places.locate_events` alone over them (second
pass, caches warm, as in a long run). A script, not a test: it asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

from chronicle.places.gazetteer import Gazetteer, build, default_path, normalise, open_gazetteer


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Open (or build) the index, time look-ups, print the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--path", default="", help="index to open; default: the cache folder's")
    ap.add_argument("--build", action="store_true", help="build a fresh index and time it")
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--articles", default="", help="JSONL articles: time locate_events")
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    if args.articles:
        locate_bench(Path(args.articles), args.limit)
        return
    figures: dict = {}
    if args.build:
        path = Path(tempfile.mkdtemp()) / "bench.sqlite"
        wall, cpu = time.perf_counter(), time.process_time()
        build(path)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        figures.update(build_wall_seconds=round(time.perf_counter() - wall, 1),
                       build_cpu_seconds_main=round(time.process_time() - cpu, 1),
                       build_cpu_seconds_folding=round(kids.ru_utime + kids.ru_stime, 1),
                       build_peak_rss_mb_main=round(_rss_mb()),
                       build_peak_rss_mb_folding=round(kids.ru_maxrss / 1024),
                       index_mb=round(path.stat().st_size / 2**20))
        gaz = Gazetteer(path)
    else:
        gaz = open_gazetteer(args.path)
        path = default_path(args.path)
        figures["index_mb"] = round(path.stat().st_size / 2**20)
    figures["index"] = str(path)
    rss_before = _rss_mb()
    random.seed(7)
    # sampled without reading every name into memory: the first name at or after a random
    # three-letter prefix (the alias table is clustered on the name)
    con = gaz._con()
    letters = "abcdefghijklmnopqrstuvwxyz"
    names = []
    while len(names) < args.n:
        start = "".join(random.choice(letters) for _ in range(3))
        row = con.execute("SELECT key FROM alias WHERE key >= ? LIMIT 1", (start,)).fetchone()
        if row and row[0].isascii():
            names.append(row[0])
    table = {n: i for i, n in enumerate(names)}

    normalise.cache_clear()  # both loops pay for folding the name
    t = time.perf_counter()
    for n in names:
        table.get(normalise(n))
    dict_s = time.perf_counter() - t

    gaz.lookup.cache_clear()
    normalise.cache_clear()
    times, found = [], 0
    for n in names:
        t = time.perf_counter()
        found += len(gaz.lookup(n))
        times.append(time.perf_counter() - t)
    gaz_s = sum(times)
    times.sort()
    figures.update(
        lookups=len(names), places_returned_per_lookup=round(found / len(names), 1),
        lookup_ms_mean=round(1000 * gaz_s / len(names), 4),
        lookup_ms_median=round(1000 * statistics.median(times), 4),
        lookup_ms_p99=round(1000 * times[int(0.99 * len(times))], 4),
        lookups_per_second=round(len(names) / gaz_s),
        ratio_to_dict_lookup=round(gaz_s / dict_s, 1),
        rss_mb_before_lookups=round(rss_before), rss_mb_after_lookups=round(_rss_mb()))
    for k, v in figures.items():
        print(f"{k} {v}")


def locate_bench(path: Path, limit: int) -> None:
    """Time `places.locate_events` over the first `limit` articles of a JSONL file."""
    from chronicle import events, places
    from chronicle.parse import load_pipeline
    from chronicle.records import Article
    from chronicle.settings import load as load_settings

    nlp = load_pipeline(load_settings().model)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:limit]]
    work = []
    for row in rows:
        article = Article(row["id"], row["text"])
        article.doc = nlp(article.text)
        found = events.find_events(article)
        events.fill_arguments(article, found)
        work.append((article, found))
    for article, found in work:  # first pass: warm the gazetteer caches
        places.locate_events(article, found)
    t = time.perf_counter()
    for article, found in work:
        places.locate_events(article, found)
    s = time.perf_counter() - t
    print(f"articles {len(work)}")
    print(f"events {sum(len(f) for _, f in work)}")
    print(f"locate_ms_per_article {1000 * s / len(work):.3f}")
    print(f"rss_mb {_rss_mb():.0f}")


if __name__ == "__main__":
    main()
