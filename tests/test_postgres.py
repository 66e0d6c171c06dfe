"""PostgreSQL store: the same behaviour as SQLite, on a real server.

Runs when CHRONICLE_TEST_PG holds a postgresql:// URL (`.ci/postgres.sh` starts a
local server and prints one). Each test works in its own schema, dropped afterwards.
"""
from __future__ import annotations

import io
import json
import os
import uuid

import pytest

from chronicle.export import export
from chronicle.records import Article
from chronicle.store import EventFilter, IncidentFilter, StatementFilter, open_store
from test_store import KIDAL, kidal_article, lagos_article

URL = os.environ.get("CHRONICLE_TEST_PG")
pytestmark = pytest.mark.skipif(
    not URL, reason="CHRONICLE_TEST_PG is not set; run `export CHRONICLE_TEST_PG=$(.ci/postgres.sh)`")


@pytest.fixture
def pg_url():
    import psycopg
    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(URL, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in URL else "?"
    yield f"{URL}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(URL, autocommit=True) as con:
        con.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(pg_url):
    with open_store(pg_url) as s:
        yield s


def test_round_trip_and_rerun_adds_nothing(store):
    saved = store.add([kidal_article(), lagos_article()], ["h1", "h2"])
    assert (saved.articles, saved.events, saved.statements) == (2, 3, 2)
    again = store.add([kidal_article("other-id")], ["h3"])
    assert again.articles == 0 and again.duplicates == 1
    recs = list(store.contract_records())
    expected = [kidal_article(), lagos_article()]
    for art, rec in zip(expected, recs):  # the store merged each attack or protest into an incident
        for event, got in zip(art.events, rec["events"]):
            event.incident = got["incident"]
    assert recs[0]["events"][0]["incident"].startswith("inc-")
    assert recs == [a.to_contract() for a in expected]
    assert store.counts() == {"articles": 2, "events": 3, "statements": 2, "errors": 0,
                              "duplicates": 1}
    assert store.known_inputs(["h1", "h3", "h9"]) == {"h1", "h3"}
    view = store.event("1:e1")
    assert view["article"]["text"] == KIDAL and view["statements"][0]["id"] == "1:s1"


def test_failed_batch_is_rolled_back(store, monkeypatch):
    real = store._add_article
    calls = []

    def dies_on_second(article, saved):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt("killed mid-batch")
        return real(article, saved)

    monkeypatch.setattr(store, "_add_article", dies_on_second)
    with pytest.raises(KeyboardInterrupt):
        store.add([kidal_article(), lagos_article()], ["h1", "h2"])
    monkeypatch.undo()
    assert store.counts()["articles"] == 0 and store.known_inputs(["h1"]) == set()
    store.add([kidal_article(), lagos_article()], ["h1", "h2"])
    assert store.counts()["events"] == 3


def test_filters_text_search_and_statements(store):
    store.add([kidal_article(), lagos_article(),
               Article(id="bad", source="b.txt").fail("E001", "too short")])
    ids = lambda **kw: sorted(v["id"] for v in store.events(EventFilter(**kw)))
    assert ids(type="assault") == ids(country="Mali") == ["1:e1"]
    assert ids(type="Peaceful protest") == ["2:e1"]
    assert "2:e1" in ids(since="2023-06-15", until="2023-06-20")
    assert ids(text="levy") == ["2:e1", "2:e2"]
    assert ids(text="officers killed") == ["1:e1"]  # stemmed: "killing" matches "killed"
    assert ids(text='"unbalanced AND ( NEAR') == []
    assert [s["id"] for s in store.statements(StatementFilter(speaker="Spokesman"))] == ["1:s1"]
    assert store.counts()["errors"] == 1


def test_exports_and_nul_characters(store):
    text = "Rebels shelled\x00 the town of Kadugli on Sunday, residents said by telephone."
    store.add([Article(id="nul", text=text)])
    rec = next(store.contract_records())
    assert len(rec["text"]) == len(text) and "\x00" not in rec["text"]
    store.add([kidal_article()])
    out = io.StringIO()
    assert export(store, "geojson", out, per="event") == 1
    assert json.loads(out.getvalue())["features"][0]["id"].endswith(":e1")
    out = io.StringIO()
    assert export(store, "geojson", out) == 1  # one incident: its id, one report
    [feature] = json.loads(out.getvalue())["features"]
    assert feature["id"].startswith("inc-") and feature["properties"]["reports"] == 1


def test_api_over_postgres(pg_url):
    from fastapi.testclient import TestClient
    from chronicle.api.app import create_app
    with open_store(pg_url) as s:
        s.add([kidal_article(), lagos_article()])
    client = TestClient(create_app(pg_url))
    assert [e["id"] for e in client.get("/events", params={"country": "MLI"}).json()["events"]] == ["1:e1"]
    assert "attacked</mark>" in client.get("/event/1:e1").text


def test_a_record_that_cannot_be_stored_is_kept_with_its_error(store):
    from chronicle.records import Event, Span
    broken = kidal_article("broken")
    broken.events.append(Event(id="e1", type="ASSAULT", trigger=Span("killing", 60, 67)))
    saved = store.add([broken, lagos_article()], ["h1", "h2"])
    assert (saved.articles, saved.errors, saved.events) == (2, 1, 2)
    recs = {r["id"]: r for r in store.contract_records()}
    assert recs["broken"]["error"]["code"] == "E008" and len(recs["lagos-1"]["events"]) == 2


def test_cli_ingest_twice_adds_nothing_the_second_time(pg_url, tmp_path, capsys):
    from chronicle.cli import main
    for i, text in enumerate(("Soldiers clashed with armed men near a checkpoint outside Gao on "
                              "Sunday, a local official said.", "Too short.")):
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
    assert main(["ingest", str(tmp_path), "--db", pg_url]) == 0
    assert "stored 2 articles (1 with errors)" in capsys.readouterr().err
    assert main(["ingest", str(tmp_path), "--db", pg_url]) == 0
    assert "stored 0 articles" in capsys.readouterr().err
    assert main(["events", "--db", pg_url]) == 0


def test_desk_counts_agree_with_sqlite(store, tmp_path):
    from chronicle.store.facets import facet_counts, map_points, timeline
    from test_export import with_repeat
    arts = lambda: [with_repeat(kidal_article()), lagos_article()]  # noqa: E731
    store.add(arts())
    with open_store(str(tmp_path / "twin.db")) as lite:
        lite.add(arts())
        for f in (EventFilter(repeats=False), EventFilter(limit=None),
                  EventFilter(type="PROTEST", since="2023", until="2023-06", repeats=False)):
            assert store.total(f) == lite.total(f)
            assert facet_counts(store, f) == facet_counts(lite, f)
            assert timeline(store, f, "week") == timeline(lite, f, "week")
            assert map_points(store, f) == map_points(lite, f)
        for sort in ("date", "-date", "-killed", "country", "outlet"):
            f = EventFilter(sort=sort, limit=None)
            assert [v["id"] for v in store.events(f)] == [v["id"] for v in lite.events(f)], sort


def test_an_old_store_gains_the_new_columns(pg_url):
    import psycopg
    with open_store(pg_url) as s:
        s.add([kidal_article()])
    with psycopg.connect(pg_url, autocommit=True) as con:  # as an earlier release left it
        for col in ("repeats", "day_start", "day_end", "outlet"):
            con.execute(f"ALTER TABLE events DROP COLUMN {col} CASCADE")
    with open_store(pg_url) as s:
        v = s.events(EventFilter(since="2024-03", until="2024-03"))
        assert [e["id"] for e in v] == ["1:e1"] and v[0]["article"]["outlet"] == "example.org"


def test_incidents_grow_across_runs_as_in_sqlite(pg_url, tmp_path):
    from test_incidents import assignment, generated
    arts = generated()
    with open_store(str(tmp_path / "one.db")) as lite:
        lite.add(arts)
        expected = assignment(lite)
    half = len(arts) // 2
    for part in (generated()[:half], generated()[half:]):
        with open_store(pg_url) as pg:
            pg.add(part)
    with open_store(pg_url) as pg:
        assert assignment(pg) == expected
        views = pg.incidents(IncidentFilter(min_reports=4, limit=None))
        assert views and all(len(v["reports"]) == v["n_reports"] == 4 for v in views)
        assert pg.incident(views[0]["id"])["fields"] == views[0]["fields"]
