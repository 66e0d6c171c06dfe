"""Merge benchmark: incidents from 100,000 synthetic events, time and peak memory, and how cost grows.

    .venv/bin/python bench/merge_bench.py [--sizes 25000,50000,100000] [--baseline 2000] [--out DIR]

Events are generated (no parsing): invented incidents in 2,000 towns, over as many years
as keep the density of news constant (20,000 events a year: 100,000 over five years), each told by one to four reports from 60 outlets, with made-up names and wording,
dates (some a day off, some only a month) and places (some only the region). Each size
runs `merge.merge_articles` (the merge of `chronicle extract`) in a fresh process and
reports wall and CPU seconds, events per second and peak memory (RSS), plus the
clustering's pairwise precision and recall against the generated truth.

The baseline, in the same command: the same decision function with no blocking (every
report compared with every incident), on `--baseline` events, against the blocked merge
on the same events. A script, not a test: it asserts nothing about time.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SYLLABLES = ["ka", "lo", "mir", "den", "sa", "tor", "vel", "an", "ri", "bo", "zet", "ul", "pra", "nis",
             "gor", "fe", "tam", "qui", "shan", "dro", "el", "mon", "cas", "yr"]
VERBS = ["opened fire", "shot", "wounded", "killed", "attacked", "fired on"]
PLACES = ["market", "bus station", "school", "bar", "church", "checkpoint", "farm", "bridge", "mine"]


def word(rnd: random.Random, parts: int = 2) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(parts)).capitalize()


def generate(n_events: int, seed: int = 1) -> tuple[list, dict[str, int]]:
    """Return articles (one event each, in publication order) and the true incident of each."""
    from chronicle.records import Article, Count, Date, Event, Place, Span

    rnd = random.Random(seed)
    towns = [(word(rnd, 3), 30 + rnd.random() * 20, 10 + rnd.random() * 30, f"R{k % 40}")
             for k in range(2000)]
    outlets = [f"{word(rnd)}.example" for _ in range(60)]
    start = date(2018, 1, 1)
    span = max(365, n_events * 365 // 20000)  # days: the same news per week at every size
    articles, truth = [], {}
    inc = 0
    while len(articles) < n_events:
        town, lat, lon, region = rnd.choice(towns)
        day = start + timedelta(days=rnd.randrange(span))
        people = [f"{word(rnd)} {word(rnd, 3)}" for _ in range(2)]
        details = [word(rnd, 3).lower() for _ in range(3)]  # what every story of it tells
        place, verb = rnd.choice(PLACES), rnd.choice(VERBS)
        killed, injured = rnd.choice([0, 0, 1, 1, 2, 3, 5]), rnd.choice([0, 1, 2, 4])
        for j in range(rnd.choice([1, 1, 2, 2, 3, 4])):
            later = day + timedelta(days=rnd.choice([0, 0, 1, 1, 2, 5, 30]))
            told = day + timedelta(days=rnd.choice([0, 0, 0, 0, 1]))
            lines = [f"Gunmen {verb} people at a {place} in {town} on {told:%A}, officials said.",
                     f"{people[0]} was among the {killed + injured} victims near the {details[0]} road.",
                     f"Police are looking for {people[1]}, seen in a {details[1]} van.",
                     f"Residents said the {place} had been {rnd.choice(['quiet', 'busy', 'closed', 'guarded'])}"
                     f" since the {details[2]} festival.",
                     " ".join(word(rnd, 2).lower() for _ in range(12)) + "."]
            rnd.shuffle(lines)
            text = " ".join(lines)
            at = text.index(town)
            coarse = rnd.random() < 0.1
            ev = Event(id="e1", type="ASSAULT", trigger=Span(verb, text.index(verb), text.index(verb) + len(verb)),
                       mode="firearms", acled={"event_type": "Violence against civilians", "sub_event_type": "Attack"},
                       date=Date(f"{told:%A}", 0, 1, value=(f"{told:%Y-%m}" if rnd.random() < 0.05 else f"{told}"),
                                 precision="day"),
                       location=Place(town, at, at + len(town), name=region if coarse else town,
                                      country="XXA", admin1=region, lat=lat, lon=lon,
                                      precision="admin1" if coarse else "city"),
                       killed=Count(killed, Span("x", 0, 1)) if rnd.random() < 0.8 else None,
                       injured=Count(injured, Span("x", 0, 1)) if rnd.random() < 0.6 else None)
            if ev.date.value and len(ev.date.value) == 7:
                ev.date.precision = "month"
            art = Article(id=f"a{len(articles)}", text=text, published=str(later),
                          title=f"{killed + injured} shot at {place} in {town}",
                          url=f"https://{rnd.choice(outlets)}/{len(articles)}")
            art.events = [ev]
            articles.append(art)
            truth[art.id] = inc
        inc += 1
    articles = articles[:n_events]
    articles.sort(key=lambda a: (a.published, a.id))
    return articles, truth


def pairwise(articles: list, truth: dict[str, int]) -> tuple[float, float]:
    """Return pairwise precision and recall of the merge against the generated incidents."""
    got = Counter(a.events[0].incident for a in articles)
    gold = Counter(truth[a.id] for a in articles)
    both = Counter((a.events[0].incident, truth[a.id]) for a in articles)
    pairs = lambda c: sum(v * (v - 1) // 2 for v in c.values())  # noqa: E731
    return pairs(both) / max(1, pairs(got)), pairs(both) / max(1, pairs(gold))


def run_blocked(n: int) -> dict:
    """In a fresh process: merge n synthetic events with blocking."""
    from chronicle.merge import merge_articles
    articles, truth = generate(n)
    c0, t0 = _cpu(), time.perf_counter()
    merger = merge_articles(articles)
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    p, r = pairwise(articles, truth)
    return {"events": n, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "events_per_s": round(n / wall, 1), "incidents": len(merger.state.reports),
            "true_incidents": len(set(truth.values())), "pairwise_p": round(p, 4),
            "pairwise_r": round(r, 4), "peak_rss_mb": round(_rss(), 1)}


def run_unblocked(n: int) -> dict:
    """In a fresh process: the same decision function with every incident a candidate."""
    from chronicle.merge import incidents

    class Everything(incidents.MemoryState):
        def candidates(self, keys):  # no blocking: every incident so far
            return list(self.reports)

    articles, _ = generate(n)
    c0, t0 = _cpu(), time.perf_counter()
    incidents.merge_articles(articles, Everything())
    return {"events": n, "wall_s": round(time.perf_counter() - t0, 2), "cpu_s": round(_cpu() - c0, 2)}


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fresh(func, *args) -> dict:
    """Run func(*args) in a new process (its own peak memory); return its result."""
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=ctx) as pool:
        return pool.submit(func, *args).result()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="25000,50000,100000")
    ap.add_argument("--baseline", type=int, default=2000)
    ap.add_argument("--out", default=str(HERE / "out"))
    args = ap.parse_args()
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = "1"
    report = {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "load_average_before": os.getloadavg()}
    base = fresh(run_unblocked, args.baseline)
    same = fresh(run_blocked, args.baseline)
    report["baseline"] = {"unblocked": base, "blocked": same,
                          "cpu_ratio_unblocked_to_blocked": round(base["cpu_s"] / max(same["cpu_s"], 1e-9), 2)}
    print(json.dumps(report["baseline"]), file=sys.stderr)
    report["sizes"] = []
    for n in (int(x) for x in args.sizes.split(",")):
        res = fresh(run_blocked, n)
        report["sizes"].append(res)
        print(json.dumps(res), file=sys.stderr)
    first, last = report["sizes"][0], report["sizes"][-1]
    report["cpu_per_event_growth"] = round((last["cpu_s"] / last["events"]) / (first["cpu_s"] / first["events"]), 2)
    report["load_average_after"] = os.getloadavg()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"merge-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}.json"
    path.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
