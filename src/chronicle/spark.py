"""Run the pipeline on Apache Spark: JSONL or WARC in, Parquet out, optionally into the store.

    python -m chronicle.spark INPUT OUTPUT [--master local[4]] [--db chronicle.db]
    spark-submit ... chronicle/spark.py INPUT OUTPUT          (see docs/spark.md)

INPUT is any path or glob Spark reads (local, hdfs://, s3a://) of JSONL (plain or
.gz) or WARC (.warc, .warc.gz) files. Each partition runs the same code as
`chronicle extract` (`workers.process_chunk`, i.e. `pipeline.run`), with the spaCy
model loaded once per executor process. OUTPUT gets three Parquet tables:

  OUTPUT/articles    one row per input: id, order, text, metadata, error code/message
  OUTPUT/events      one row per event: the contract's EVENT fields as typed columns
  OUTPUT/statements  one row per statement: the contract's STATEMENT fields

Events and statements also keep `record`, the exact contract JSON, so a table can
be turned back into contract records or loaded into the store without loss.

Then the driver merges the articles into incidents (`merge_incidents`): it streams the
articles in input order through the same `merge.Merger` as `chronicle extract`, so the
incident ids are those of a local run over the same input, and writes two more tables:

  OUTPUT/incidents         one row per incident: its record's chosen values, and the record
  OUTPUT/event_incidents   one row per event that tells an incident: part, seq, event id, incident

(docs/spark.md explains why merging runs there, and how a larger cluster would block first.)
Needs the optional extra `chronicle[spark]` (requirements-spark.txt) and Java 17.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
from contextlib import contextmanager
from itertools import islice
from typing import Any, Iterable, Iterator, Optional

from chronicle import settings as settings_mod
from chronicle.ingest.read import RawInput, parse_record, read_warc
from chronicle.records import (Actor, Article, ArticleError, Event, Span,
                               Statement)
from chronicle.settings import Settings

SPAN = "struct<text:string,start:int,end:int>"
ACTOR = "struct<text:string,start:int,end:int,name:string,kind:string,country:string,role:string>"
PLACE = ("struct<text:string,start:int,end:int,name:string,country:string,admin1:string,"
         "lat:double,lon:double,precision:string>")
DATE = "struct<text:string,start:int,end:int,value:string,precision:string>"
COUNT = f"struct<value:bigint,span:{SPAN},qualifier:string>"

# Spark DDL schemas of the three tables: the contract's fields, typed for queries.
ARTICLES = ("id string, part int, seq bigint, text string, published string, title string, "
            "url string, source string, outlet string, pipeline string, error_code string,"
            " error_message string, n_events int, n_statements int")
EVENTS = (f"article_id string, part int, seq bigint, rank int, id string, type string, "
          f"mode string, acled struct<event_type:string,sub_event_type:string>, "
          f"gtd struct<attack_type:string,weapon_type:string>, status string, trigger {SPAN}, "
          f"actors array<{ACTOR}>, targets array<{ACTOR}>, instrument {SPAN}, location {PLACE}, "
          f"origin {PLACE}, date {DATE}, killed bigint, injured bigint, killed_detail {COUNT}, "
          f"injured_detail {COUNT}, confidence double, sentence {SPAN}, record string")
STATEMENTS = (f"article_id string, part int, seq bigint, rank int, id string, speaker {ACTOR}, "
              f"cue {SPAN}, content {SPAN}, kind string, via {ACTOR}, via_chain array<{ACTOR}>, "
              f"event_id string, hedged boolean, record string")
TABLES = {"articles": ARTICLES, "events": EVENTS, "statements": STATEMENTS}
EVENT_INCIDENTS = "part int, seq bigint, event_id string, incident string"
INCIDENTS = ("id string, family string, type string, date_value string, place_name string, "
             "place_country string, place_lat double, place_lon double, killed bigint, "
             "injured bigint, n_reports int, n_articles int, record string")
WARC_SUFFIXES = (".warc", ".warc.gz")


# -- executor side -----------------------------------------------------------------

def rows_of(article: Article, part: int, seq: int) -> Iterator[tuple[str, str]]:
    """Yield (table, JSON row) pairs for one finished article."""
    err = article.error
    yield "articles", json.dumps({
        "id": article.id, "part": part, "seq": seq, "text": article.text,
        "published": article.published, "title": article.title, "url": article.url,
        "source": article.source, "outlet": article.outlet, "pipeline": article.pipeline,
        "error_code": err.code if err else None,
        "error_message": err.message if err else None, "n_events": len(article.events),
        "n_statements": len(article.statements)}, ensure_ascii=False)
    for table, items in (("events", article.events), ("statements", article.statements)):
        for rank, item in enumerate(items):
            record = item.to_dict()
            row = dict(record, article_id=article.id, part=part, seq=seq, rank=rank,
                       record=json.dumps(record, ensure_ascii=False))
            yield table, json.dumps(row, ensure_ascii=False)


def raws_from_lines(lines: Iterable[str], where: str) -> Iterator[RawInput]:
    """Yield RawInputs from JSONL lines (blank lines skipped), as `chronicle extract` reads them."""
    for n, line in enumerate(lines, 1):
        if line.strip():
            yield parse_record(line.encode("utf-8"), f"{where}:{n}", f"{where}:{n}")


def raws_from_warc(files: Iterable[tuple[str, bytes]]) -> Iterator[RawInput]:
    """Yield RawInputs from (path, WARC bytes) pairs, via the same reader as local runs."""
    for path, data in files:
        # read_warc reads a path; a temporary copy is the only way to hand it remote bytes
        with tempfile.NamedTemporaryFile(suffix=".warc.gz" if path.endswith(".gz") else ".warc") as f:
            f.write(data)
            f.flush()
            for raw in read_warc(f.name):
                raw.source = (raw.source or "").replace(f.name, path)
                yield raw


def process_partition(part: int, raws: Iterator[RawInput], settings: Settings
                      ) -> Iterator[tuple[str, str]]:
    """Run the pipeline over one partition; yield (table, JSON row) pairs, in input order."""
    from chronicle.workers import process_chunk  # loads the model once per executor process

    seq = 0
    while chunk := list(islice(raws, max(1, settings.batch_size))):
        for article in process_chunk(chunk, settings):
            yield from rows_of(article, part, seq)
            seq += 1


# -- driver side -------------------------------------------------------------------

def session(master: Optional[str] = None, app: str = "chronicle"):
    """Return a SparkSession (local[*] when no master is given and none is configured)."""
    from pyspark.sql import SparkSession

    # Local executors must run this interpreter (the one with chronicle and the model).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit: run locally
        builder = builder.master(os.environ.get("SPARK_MASTER", "local[*]"))
    return builder.getOrCreate()


def is_warc(path: str) -> bool:
    """Return whether `path` (a file, folder or glob) names WARC files."""
    return path.rstrip("/").endswith(WARC_SUFFIXES) or "*.warc" in path


def run(spark, input_path: str, output: str, settings: Optional[Settings] = None,
        partitions: Optional[int] = None, fmt: str = "auto", merge: bool = True) -> dict[str, int]:
    """Extract every input under `input_path`; write OUTPUT/{articles,events,statements} as Parquet,
    then (unless `merge` is False) merge them into incidents (`merge_incidents`)."""
    from pyspark import StorageLevel

    s = settings or settings_mod.load()
    sc = spark.sparkContext
    warc = fmt == "warc" or (fmt == "auto" and is_warc(input_path))
    if warc:
        files = sc.binaryFiles(input_path, minPartitions=partitions or sc.defaultParallelism)
        parts = files.mapPartitionsWithIndex(
            lambda i, it: process_partition(i, raws_from_warc(it), s))
    else:
        lines = sc.textFile(input_path, minPartitions=partitions or sc.defaultParallelism)
        parts = lines.mapPartitionsWithIndex(
            lambda i, it: process_partition(i, raws_from_lines(it, f"{input_path}#{i}"), s))
    parts = parts.persist(StorageLevel.MEMORY_AND_DISK)  # three tables, one pipeline pass
    counts = {}
    try:
        with task_progress(sc):
            for table, schema in TABLES.items():
                rows = parts.filter(lambda r, t=table: r[0] == t).map(lambda r: r[1])
                frame = spark.read.schema(schema).json(rows)
                frame.write.mode("overwrite").parquet(f"{output.rstrip('/')}/{table}")
                counts[table] = spark.read.parquet(f"{output.rstrip('/')}/{table}").count()
    finally:
        parts.unpersist()
    if merge:
        counts["incidents"] = merge_incidents(spark, output)
    return counts


@contextmanager
def task_progress(sc, interval: float = 0.5) -> Iterator[Any]:
    """Show a bar of Spark tasks done (count, rate, ETA) while the block runs, read from the
    status tracker by a thread; nothing when stderr is not a terminal."""
    from chronicle.progress import bar, shown

    progress = bar(None, "spark", "tasks")
    if not shown():
        yield progress
        return
    stop = threading.Event()

    def watch() -> None:
        tracker, seen = sc.statusTracker(), {}
        while not stop.wait(interval):
            tally_stages(tracker, seen, progress)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield progress
    finally:
        stop.set()
        thread.join()
        progress.close()


def tally_stages(tracker, seen: dict[int, tuple[int, int]], progress) -> None:
    """Record each active stage's (tasks, done) in `seen` and set the bar to their sums."""
    for stage in tracker.getActiveStageIds():
        info = tracker.getStageInfo(stage)
        if info is not None:
            seen[stage] = (info.numTasks, info.numCompletedTasks)
    progress.total = sum(t for t, _ in seen.values()) or None
    progress.n = sum(d for _, d in seen.values())
    progress.refresh()


def merge_incidents(spark, output: str) -> int:
    """Merge a Parquet output's articles into incidents on the driver, in input order, with the
    merge stage of local runs; write OUTPUT/incidents and OUTPUT/event_incidents; return how many."""
    from chronicle.merge import Merger

    base = output.rstrip("/")
    merger = Merger()
    told = []
    for part, seq, rec in _ordered_records(spark, base, with_incidents=False):
        article = article_from_record(rec)
        merger.add(article)
        told += [(part, seq, e.id, e.incident) for e in article.events if e.incident]
    rows = [json.dumps({"part": p, "seq": s, "event_id": e, "incident": merger.resolve(i)})
            for p, s, e, i in told]
    incidents = []
    for rec in merger.state.records():
        date, place = rec.value("date") or {}, rec.value("place") or {}
        incidents.append(json.dumps({
            "id": rec.id, "family": rec.value("family"), "type": rec.value("type"),
            "date_value": date.get("value"), "place_name": place.get("name"),
            "place_country": place.get("country"), "place_lat": place.get("lat"),
            "place_lon": place.get("lon"), "killed": rec.value("killed"),
            "injured": rec.value("injured"), "n_reports": len(rec.reports),
            "n_articles": len({r["key"].split(":")[0] for r in rec.reports}),
            "record": json.dumps(rec.to_dict(), ensure_ascii=False)}, ensure_ascii=False))
    sc = spark.sparkContext
    for name, schema, data in (("event_incidents", EVENT_INCIDENTS, rows),
                               ("incidents", INCIDENTS, incidents)):
        frame = spark.read.schema(schema).json(sc.parallelize(data or [], 1))
        frame.write.mode("overwrite").parquet(f"{base}/{name}")
    return len(incidents)


def read_records(spark, output: str) -> Iterator[dict[str, Any]]:
    """Yield contract records (CONTRACT.md) from a Parquet output, in input order, events with
    their incidents when the output was merged."""
    for _, _, rec in _ordered_records(spark, output.rstrip("/")):
        yield rec


def _ordered_records(spark, base: str, with_incidents: bool = True
                     ) -> Iterator[tuple[int, int, dict[str, Any]]]:
    """Yield (part, seq, contract record) from a Parquet output, in input order."""
    incident: dict[tuple[int, int, str], str] = {}
    if with_incidents:
        from pyspark.sql.utils import AnalysisException
        try:
            for row in spark.read.parquet(f"{base}/event_incidents").toLocalIterator():
                incident[(row.part, row.seq, row.event_id)] = row.incident
        except AnalysisException:  # an output written with merge=False has none
            incident = {}
    items: dict[tuple[str, int, int], dict[str, list]] = {}
    for table in ("events", "statements"):
        for row in spark.read.parquet(f"{base}/{table}").select(
                "part", "seq", "rank", "record").toLocalIterator():
            items.setdefault(("", row.part, row.seq), {"events": [], "statements": []})[table].append(
                (row.rank, json.loads(row.record)))
    arts = spark.read.parquet(f"{base}/articles").orderBy("part", "seq")
    for a in arts.toLocalIterator():
        found = items.get(("", a.part, a.seq), {"events": [], "statements": []})
        error = {"code": a.error_code, "message": a.error_message} if a.error_code else None
        events = [r for _, r in sorted(found["events"], key=lambda x: x[0])]
        for e in events:
            e["incident"] = incident.get((a.part, a.seq, e["id"]), e.get("incident"))
        yield a.part, a.seq, {
            "id": a.id, "text": a.text, "events": events,
            "statements": [r for _, r in sorted(found["statements"], key=lambda x: x[0])],
            "error": error, "published": a.published, "title": a.title, "url": a.url,
            "source": a.source, "outlet": a.outlet, "pipeline": a.pipeline}


event_from_dict = Event.from_dict  # kept as a name: the Parquet reader uses it


def statement_from_dict(d: dict) -> Statement:
    """Return the Statement whose `to_dict()` is `d`."""
    return Statement(id=d["id"], cue=Span.from_dict(d["cue"]), content=Span.from_dict(d["content"]),
                     kind=d.get("kind", "claim"), speaker=Actor.from_dict(d.get("speaker")),
                     via=[Actor.from_dict(v) for v in d.get("via_chain") or []],
                     event_id=d.get("event_id"), hedged=bool(d.get("hedged")))


def article_from_record(rec: dict) -> Article:
    """Return the Article of one contract record (as read_records yields)."""
    art = Article(id=rec["id"], text=rec.get("text") or "", published=rec.get("published"),
                  title=rec.get("title"), url=rec.get("url"), source=rec.get("source"),
                  outlet=rec.get("outlet"), pipeline=rec.get("pipeline"))
    art.events = [event_from_dict(e) for e in rec.get("events", [])]
    art.statements = [statement_from_dict(s) for s in rec.get("statements", [])]
    if rec.get("error"):
        art.error = ArticleError(rec["error"]["code"], rec["error"]["message"])
    return art


def load_into_store(spark, output: str, db: str, batch: int = 500):
    """Load a Parquet output into the SQLite/PostgreSQL store `db`; return store.Saved totals."""
    from chronicle.store import Saved, open_store

    from chronicle.progress import bar

    total = Saved()
    articles = spark.read.parquet(f"{output.rstrip('/')}/articles").count()
    with open_store(db) as store, bar(articles, "storing") as progress:
        it = (article_from_record(r) for r in read_records(spark, output))
        while chunk := list(islice(it, batch)):
            saved = store.add(chunk)
            for name in vars(total):
                setattr(total, name, getattr(total, name) + getattr(saved, name))
            progress.update(len(chunk))
    return total


def main(input_path: str, output: str, db: Optional[str] = None, master: Optional[str] = None,
         partitions: Optional[int] = None, fmt: str = "auto",
         settings: Optional[Settings] = None, merge: bool = True) -> dict:
    """Run `run` (and with `db`, `load_into_store`) in a Spark session; return the counts."""
    spark = session(master)
    try:
        counts = run(spark, input_path, output, settings, partitions, fmt, merge)
        if db:
            counts["stored"] = vars(load_into_store(spark, output, db))
        return counts
    finally:
        spark.stop()


def cli(argv: Optional[list[str]] = None) -> int:
    """Command line of `python -m chronicle.spark` and spark-submit; return an exit code."""
    ap = argparse.ArgumentParser(prog="chronicle spark", description=__doc__.splitlines()[0])
    ap.add_argument("input", help="JSONL or WARC files: a path, folder or glob Spark can read")
    ap.add_argument("output", help="folder (local, hdfs://, s3a://) for the Parquet tables")
    ap.add_argument("--db", help="also load the results into this store (SQLite path or URL)")
    ap.add_argument("--master", help="Spark master, e.g. local[4] or yarn (default: as submitted)")
    ap.add_argument("--partitions", type=int, help="minimum number of input partitions")
    ap.add_argument("--format", default="auto", choices=["auto", "jsonl", "warc"])
    ap.add_argument("--no-merge", dest="merge", action="store_false",
                    help="do not merge the articles into incidents")
    args = ap.parse_args(argv)
    counts = main(args.input, args.output, args.db, args.master, args.partitions, args.format,
                  merge=args.merge)
    print(json.dumps(counts), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(cli())
