"""API load bench: many concurrent clients against `chronicle serve`, on loopback only, bounded.

    .venv/bin/python bench/api_load.py [--db /tmp/chronicle-bench.db] [--articles 1200]
        [--clients 20] [--seconds 10] [--server-workers 1] [--pages json,html]

Builds the store first when it holds fewer than --articles articles (the bench corpus of
bench/corpus.py, ingested with 2 workers), starts the server on 127.0.0.1 on a free
port, and for each kind of request runs --clients clients in a closed loop (each sends
its next request when the last answer is in) for --seconds after a short warm-up:

- list:     /events?limit=100&offset=K, K drawn over the whole store
- filter:   /events?type=..&country=..&since=.. over the store's own types and countries
- fulltext: /events?text=WORD, words drawn from the stored triggers
- detail:   /events/ID and /articles/ID, ids drawn over the store
- page1000: /events?limit=1000 (one client, the large page)
and with --pages html the web pages (/, /?text=.., /event/ID).

Prints p50, p90, p99 and max latency, requests per second and non-2xx answers per
kind, and writes them to bench/out/api-<time>.json. The client is a plain asyncio
HTTP/1.1 client with one keep-alive connection per client, in its own process.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
SEED = 1207


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(db: str, articles: int) -> None:
    """Ingest the first `articles` articles of the bench corpus into `db` unless it has them."""
    if os.path.exists(db):
        with sqlite3.connect(db) as con:
            if con.execute("SELECT count(*) FROM articles").fetchone()[0] >= articles:
                return
    from corpus import load_corpus, resize  # noqa: E402  (bench/corpus.py)

    corpus = resize(load_corpus()[0], articles)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for rec in corpus:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"building {db}: ingesting {len(corpus)} articles", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "chronicle.cli", "ingest", f.name, "--db", db,
                    "--workers", "2"], check=True)
    os.unlink(f.name)


def store_facts(db: str) -> dict:
    """Return what the request mix draws from: event and article ids, types, countries, words."""
    con = sqlite3.connect(db)
    facts = {
        "events": [r[0] for r in con.execute("SELECT id FROM events")],
        "articles": [r[0] for r in con.execute("SELECT id FROM articles")],
        "types": [r[0] for r in con.execute("SELECT DISTINCT type FROM events")],
        "countries": [r[0] for r in con.execute(
            "SELECT place_country FROM events WHERE place_country IS NOT NULL"
            " GROUP BY place_country ORDER BY count(*) DESC LIMIT 15")],
        "words": [r[0] for r in con.execute(
            "SELECT lower(trigger_text) FROM events GROUP BY lower(trigger_text)"
            " ORDER BY count(*) DESC LIMIT 40") if r[0].isalpha()],
        "n_events": con.execute("SELECT count(*) FROM events").fetchone()[0],
    }
    con.close()
    return facts


def request_mix(facts: dict, rng: random.Random) -> dict:
    """Return, per kind, a function giving the next request path."""
    n = max(1, facts["n_events"] - 100)
    years = ["2015", "2018", "2019", "2020", "2021", "2022"]

    def filtered() -> str:
        q = [f"type={rng.choice(facts['types'])}"]
        if facts["countries"] and rng.random() < 0.7:
            q.append(f"country={rng.choice(facts['countries'])}")
        if rng.random() < 0.5:
            q.append(f"since={rng.choice(years)}-01-01")
        return "/events?" + "&".join(q)

    def detail() -> str:
        if rng.random() < 0.5:
            return f"/events/{rng.choice(facts['events'])}"
        return f"/articles/{rng.choice(facts['articles'])}"

    return {
        "list": lambda: f"/events?limit=100&offset={rng.randrange(0, n, 10)}",
        "filter": filtered,
        "fulltext": lambda: f"/events?text={rng.choice(facts['words'])}",
        "detail": detail,
        "page1000": lambda: f"/events?limit=1000&offset={rng.choice([0, 0, n // 2])}",
        "html_list": lambda: f"/?offset={rng.randrange(0, n, 10)}",
        "html_text": lambda: f"/?text={rng.choice(facts['words'])}",
        "html_event": lambda: f"/event/{rng.choice(facts['events'])}",
    }


async def _answer(reader: asyncio.StreamReader) -> int:
    """Read one HTTP/1.1 response; return its status code."""
    status = int((await reader.readline()).split()[1])
    length, chunked = 0, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        key, _, value = line.decode("latin-1").partition(":")
        if key.lower() == "content-length":
            length = int(value)
        elif key.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        while size := int((await reader.readline()).strip(), 16):
            await reader.readexactly(size + 2)
        await reader.readline()
    elif length:
        await reader.readexactly(length)
    return status


async def _client(port: int, next_path, until: float, start: float, lat: list, bad: list) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while (now := time.perf_counter()) < until:
            path = next_path()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
            await writer.drain()
            code = await _answer(reader)
            if now >= start:  # the warm-up is not counted
                lat.append(time.perf_counter() - now)
                if not 200 <= code < 300:
                    bad.append((code, path))
    finally:
        writer.close()


async def _kind(port: int, next_path, clients: int, seconds: float, warmup: float) -> dict:
    lat: list[float] = []
    bad: list = []
    t0 = time.perf_counter()
    start, until = t0 + warmup, t0 + warmup + seconds
    await asyncio.gather(*(_client(port, next_path, until, start, lat, bad)
                           for _ in range(clients)))
    lat.sort()

    def pct(p: float) -> float:
        return round(1000 * lat[min(len(lat) - 1, int(p * len(lat)))], 1) if lat else 0.0

    return {"clients": clients, "requests": len(lat), "per_s": round(len(lat) / seconds, 1),
            "p50_ms": pct(0.50), "p90_ms": pct(0.90), "p99_ms": pct(0.99),
            "max_ms": round(1000 * lat[-1], 1) if lat else 0.0,
            "mean_ms": round(1000 * statistics.fmean(lat), 1) if lat else 0.0,
            "non_2xx": len(bad), "first_bad": bad[:3]}


def cpu_seconds(root: int) -> float:
    """Return the CPU seconds (user + system) used so far by process `root` and its children."""
    tick = os.sysconf("SC_CLK_TCK")
    parents, used = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        used[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
    family, todo = {root}, [root]
    while todo:
        pid = todo.pop()
        for child, parent in parents.items():
            if parent == pid and child not in family:
                family.add(child)
                todo.append(child)
    return sum(used.get(pid, 0.0) for pid in family)


def wait_up(port: int, timeout: float = 60) -> None:
    end = time.time() + timeout
    while time.time() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default=os.path.join(tempfile.gettempdir(), "chronicle-bench.db"))
    ap.add_argument("--articles", type=int, default=1200)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--warmup", type=float, default=2.0)
    ap.add_argument("--server-workers", type=int, default=1)
    ap.add_argument("--kinds", default="list,filter,fulltext,detail,page1000")
    ap.add_argument("--pages", default="json", help="json, or json,html to add the web pages")
    ap.add_argument("--out", default=str(HERE / "out"))
    args = ap.parse_args()
    build_store(args.db, args.articles)
    facts = store_facts(args.db)
    mix = request_mix(facts, random.Random(SEED))
    kinds = args.kinds.split(",")
    if "html" in args.pages:
        kinds += ["html_list", "html_text", "html_event"]
    port = free_port()
    cmd = [sys.executable, "-m", "chronicle.cli", "serve", "--db", args.db, "--host", "127.0.0.1",
           "--port", str(port)]
    if args.server_workers > 1:
        cmd += ["--workers", str(args.server_workers)]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    load_before = os.getloadavg()
    results = {}
    try:
        wait_up(port)
        for kind in kinds:
            clients = 1 if kind == "page1000" else args.clients
            cpu = cpu_seconds(server.pid)
            results[kind] = asyncio.run(_kind(port, mix[kind], clients, args.seconds, args.warmup))
            r = results[kind]
            # CPU per request counts the warm-up's requests too: an upper bound.
            r["server_cpu_ms"] = round(1000 * (cpu_seconds(server.pid) - cpu)
                                       / max(1, r["requests"] * (1 + args.warmup / args.seconds)), 2)
            print(f"{kind:10s} {r['clients']:3d} clients  {r['requests']:6d} requests"
                  f" {r['per_s']:7.1f}/s  p50 {r['p50_ms']:7.1f} ms  p90 {r['p90_ms']:7.1f}"
                  f"  p99 {r['p99_ms']:7.1f}  max {r['max_ms']:7.1f}  non-2xx {r['non_2xx']}"
                  f"  server CPU {r['server_cpu_ms']:.2f} ms/request", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report = {"db": args.db, "articles": len(facts["articles"]), "events": facts["n_events"],
              "server_workers": args.server_workers, "seconds": args.seconds,
              "load_before": load_before, "load_after": os.getloadavg(), "results": results}
    print(f"store: {report['articles']} articles, {report['events']} events;"
          f" load average {load_before[0]:.1f} -> {report['load_after'][0]:.1f}")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    out = Path(args.out) / f"api-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"written to {out}")
    return 1 if any(r["non_2xx"] for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
