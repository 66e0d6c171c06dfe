"""Benchmark: what the web desk's counts cost next to the event list they sit beside.

    python bench/desk_bench.py [--articles 20000] [--repeat 20]

Builds a synthetic SQLite store (hand-made records, no parsing: three events an article,
varied types, countries, dates, actors and outlets), then times, on the same store in
the same process, the event list query (the baseline: one page of 100) and each query
the desk adds: the total, the facet counts, the timeline and the map points, with no
filter and with a type + country filter (and, for scale, the list as it was ordered
before the day_start column, unfiltered). Prints median milliseconds and each one's ratio
to the list query; the ratios are the figures to compare between runs.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from chronicle.records import Actor, Article, Count, Date, Event, Place, Span
from chronicle.store import EventFilter, open_store
from chronicle.store.facets import facet_counts, map_points, timeline

TYPES = ("ASSAULT", "PROTEST", "COERCE", "ACCUSE", "REQUEST")
ACLED = {"ASSAULT": ("Battles", "Armed clash"), "PROTEST": ("Protests", "Peaceful protest"),
         "COERCE": ("Strategic developments", "Arrests")}
PLACES = [("IRQ", 33.3, 44.4), ("MLI", 18.4, 1.4), ("NGA", 6.5, 3.4), ("SOM", 2.0, 45.3),
          ("UKR", 50.0, 36.2), ("AFG", 31.6, 65.7), ("LBY", 32.9, 13.2), ("COD", 1.6, 30.3)]
WORDS = "gunmen attacked a convoy near the town while protesters marched and police arrested".split()


def article(i: int, rng: random.Random) -> Article:
    """Return a synthetic article with three coded events (offsets into its own text)."""
    text = " ".join(rng.choice(WORDS) for _ in range(60))
    events = []
    for j in range(3):
        t = rng.choice(TYPES)
        cc, lat, lon = rng.choice(PLACES)
        day = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        acled = ACLED.get(t)
        events.append(Event(
            id=f"e{j + 1}", type=t, trigger=Span(text[:5], 0, 5), mode=None,
            acled={"event_type": acled[0], "sub_event_type": acled[1]} if acled else None,
            actors=[Actor(text[:5], 0, 5, name=f"group {rng.randint(1, 300)}", kind="militia")],
            location=Place(text[:5], 0, 5, name="town", country=cc, lat=lat + rng.random(),
                           lon=lon + rng.random(), precision="city"),
            date=Date(text[:5], 0, 5, value=day, precision="day"),
            killed=Count(rng.randint(0, 20), Span(text[:5], 0, 5)) if rng.random() < 0.4 else None))
    return Article(id=f"a{i}", text=text + f" {i}", published="2024-01-01",
                   url=f"https://outlet{i % 40}.example/{i}", events=events)


# The list query before day_start existed: the order computed over a join, for every row.
OLD_LIST = ("SELECT e.* FROM events e JOIN articles a ON a.id = e.article_id ORDER BY"
            " coalesce(e.date_value, a.published) DESC, e.article_id DESC, e.rank LIMIT 100")


def timed(fn, repeat: int) -> float:
    """Return the median wall milliseconds of `repeat` calls of `fn`."""
    fn()  # warm the page cache
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--db", help="reuse (or build once into) this SQLite file")
    args = ap.parse_args(argv)
    rng = random.Random(7)
    path = args.db or str(Path(tempfile.mkdtemp()) / "desk.db")
    fresh = not Path(path).exists()
    with open_store(path) as store:
        for start in range(0, args.articles if fresh else 0, 1000):
            store.add([article(i, rng) for i in range(start, min(args.articles, start + 1000))])
        n = store.counts()["events"]
        print(f"store: {args.articles} articles, {n} events ({path})")
        for label, f in (("no filter", EventFilter(repeats=False)),
                         ("type+country", EventFilter(type="ASSAULT", country="IRQ", repeats=False))):
            base = timed(lambda: store.events(f), args.repeat)
            rows = {"list (100 events)": base,
                    "list, old order": timed(lambda: store.execute(OLD_LIST).fetchall(), args.repeat),
                    "total": timed(lambda: store.total(f), args.repeat),
                    "facets (8 facets)": timed(lambda: facet_counts(store, f, top=8), args.repeat),
                    "timeline": timed(lambda: timeline(store, f), args.repeat),
                    "map points": timed(lambda: map_points(store, f), args.repeat)}
            print(f"\n{label}:")
            for name, ms in rows.items():
                print(f"  {name:<20} {ms:8.2f} ms   x{ms / base:6.2f} of the list")
    return 0


if __name__ == "__main__":
    sys.exit(main())
