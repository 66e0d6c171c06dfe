"""A local[2] Spark run writes the same records as a local run, and loads into the store."""
from __future__ import annotations

import json
import os
import sys

import pytest

pyspark = pytest.importorskip(
    "pyspark", reason="pyspark is not installed: pip install -r requirements-spark.txt")

from chronicle import settings as settings_mod  # noqa: E402
from chronicle import spark as spark_mod  # noqa: E402
from chronicle.ingest import read_paths  # noqa: E402
from chronicle.pipeline import run  # noqa: E402
from chronicle.store import EventFilter, open_store  # noqa: E402
from test_workers import ARTICLES  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # executors need chronicle
    session = (pyspark.sql.SparkSession.builder.master("local[2]").appName("chronicle-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2").getOrCreate())
    yield session
    session.stop()


@pytest.fixture(scope="module")
def local_and_spark(spark, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("spark")
    src = tmp / "in.jsonl"
    lines = [json.dumps({"id": i, "text": t, "published": "2021-06-01"}) for i, t in ARTICLES]
    lines.insert(3, "{not json")  # a bad line: an error record in both runs
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    s = settings_mod.load(batch_size=3)
    local = [a.to_contract() for a in run(read_paths([str(src)]), s)]
    out = str(tmp / "out")
    counts = spark_mod.run(spark, str(src), out, s, partitions=2)
    return local, out, counts


def _canonical(rec: dict) -> dict:
    """Drop fields that name where an input came from or what read it (provenance, checked apart)."""
    rec = dict(rec)
    for key in ("source", "outlet", "pipeline"):
        rec.pop(key, None)
    if rec.get("error") and rec["error"]["code"] == "E007":
        rec["id"] = "bad-line"
    return rec


def test_parquet_output_equals_local_run(spark, local_and_spark):
    local, out, counts = local_and_spark
    from_parquet = [_canonical(r) for r in spark_mod.read_records(spark, out)]
    assert [r["id"] for r in from_parquet] == [_canonical(r)["id"] for r in local]
    for got, want in zip(from_parquet, map(_canonical, local)):
        for key in want:
            assert got[key] == want[key], f"{want['id']}: {key} differs"
    assert counts["articles"] == len(local)
    assert counts["events"] == sum(len(r["events"]) for r in local)
    assert counts["statements"] == sum(len(r["statements"]) for r in local)
    assert counts["events"] > 0  # the articles hold attacks: an empty run proves nothing


def test_typed_columns_agree_with_the_record(spark, local_and_spark):
    _, out, _ = local_and_spark
    for row in spark.read.parquet(f"{out}/events").collect():
        record = json.loads(row.record)
        assert row.type == record["type"] and row.trigger.text == record["trigger"]["text"]
        assert row.killed == record["killed"] and row.confidence == record["confidence"]
        assert [a.name for a in row.actors] == [a["name"] for a in record["actors"]]
        place = record["location"]
        assert (row.location is None) == (place is None)
        if place:
            assert (row.location.lat, row.location.country) == (place["lat"], place["country"])
    errors = spark.read.parquet(f"{out}/articles").where("error_code IS NOT NULL").collect()
    assert {r.error_code for r in errors} >= {"E007"}


def test_parquet_loads_into_the_store(spark, local_and_spark, tmp_path):
    local, out, counts = local_and_spark
    db = str(tmp_path / "spark.db")
    saved = spark_mod.load_into_store(spark, out, db)
    assert saved.events == counts["events"] and saved.statements == counts["statements"]
    with open_store(db) as store:
        stored = {r["id"]: r for r in store.contract_records()}
    for rec in local:
        if rec["error"] is None:
            assert stored[rec["id"]]["events"] == rec["events"]
    # Provenance made it through Spark: the pipeline that read each article is stored.
    pipelines = {e["article"]["pipeline"] for e in store_events(db)}
    assert pipelines and all(p and p.startswith(settings_mod.load().model) for p in pipelines)


def store_events(db: str) -> list[dict]:
    with open_store(db) as store:
        return store.events(EventFilter(limit=None))


def test_task_tally_sums_the_stages_seen():
    from types import SimpleNamespace
    from chronicle.progress import bar
    infos = {1: SimpleNamespace(numTasks=4, numCompletedTasks=4),
             2: SimpleNamespace(numTasks=6, numCompletedTasks=1)}
    tracker = SimpleNamespace(getActiveStageIds=lambda: [2], getStageInfo=infos.get)
    seen = {1: (4, 4)}  # a stage that has finished since the last look
    with bar(None, "spark", "tasks") as progress:
        spark_mod.tally_stages(tracker, seen, progress)
        assert (progress.n, progress.total) == (5, 10)


def test_warc_input_gives_the_local_records(spark, tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = ("<html><head><title>Ambush near Kidal</title></head><body><article><p>{}</p>"
            "<p>No group has claimed the attack, which came a week after a similar ambush on "
            "the same road.</p></article></body></html>").format(ARTICLES[0][1]).encode()
    src = tmp_path / "crawl.warc.gz"
    with open(src, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://example.org/kidal", "response", payload=io.BytesIO(page),
            http_headers=headers))
    local = [a.to_contract() for a in run(read_paths([str(src)]), settings_mod.load())]
    out = str(tmp_path / "out")
    spark_mod.run(spark, str(src), out)
    got = [_canonical(r) for r in spark_mod.read_records(spark, out)]
    assert got == [_canonical(r) for r in local]
    assert got[0]["events"], "the page reports an attack"
