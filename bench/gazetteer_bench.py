"""Gazetteer benchmark: build time, and look-ups per second against a plain dict.

    .venv/bin/python bench/gazetteer_bench.py [--path FILE] [--n 20000]
    .venv/bin/python bench/gazetteer_bench.py --articles FILE.jsonl [--limit 300]

With --articles (JSONL with "id" and "text"), it parses the articles once, finds
their events, then times `places.locate_events` alone over them (second pass, the
look-up caches warm, as in a long run) and prints milliseconds per article.

Machines are noisy, so look-up speed is reported as a ratio to a dict look-up over
the same names in the same run. Look-ups are run cold (the lru_cache cleared), so
each one reaches SQLite. A script, not a test: it asserts nothing about time.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from chronicle.places.gazetteer import Gazetteer, build, default_path, normalise


def main() -> None:
    """Build (or open) the index, time look-ups, print the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--path", default="", help="index to open; default: build a fresh one")
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--articles", default="", help="JSONL articles: time locate_events")
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args()
    if args.articles:
        locate_bench(Path(args.articles), args.limit)
        return
    if args.path:
        path = Path(args.path)
        if not path.exists():
            build(path)
        print(f"index {path}")
    else:
        path = Path(tempfile.mkdtemp()) / "bench.sqlite"
        t = time.perf_counter()
        build(path)
        print(f"build_seconds {time.perf_counter() - t:.1f}  (default index: {default_path()})")
    gaz = Gazetteer(path)
    names = list(gaz.names())
    random.seed(7)
    sample = random.sample(names, min(args.n, len(names)))
    table = {n: i for i, n in enumerate(names)}

    normalise.cache_clear()  # both loops pay for folding the name
    t = time.perf_counter()
    for n in sample:
        table.get(normalise(n))
    dict_s = time.perf_counter() - t

    gaz.lookup.cache_clear()
    normalise.cache_clear()
    t = time.perf_counter()
    for n in sample:
        gaz.lookup(n)
    gaz_s = time.perf_counter() - t

    print(f"names_indexed {len(names)}")
    print(f"lookups {len(sample)}")
    print(f"gazetteer_lookups_per_second {len(sample) / gaz_s:,.0f}")
    print(f"dict_lookups_per_second {len(sample) / dict_s:,.0f}")
    print(f"gazetteer_ms_per_lookup {1000 * gaz_s / len(sample):.4f}")
    print(f"ratio_gazetteer_to_dict_time {gaz_s / dict_s:.1f}")


def locate_bench(path: Path, limit: int) -> None:
    """Time `places.locate_events` over the first `limit` articles of a JSONL file."""
    import json

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


if __name__ == "__main__":
    main()
