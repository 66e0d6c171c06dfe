"""Store: round trip, re-runs, resume after a failed batch, errors, filters, full-text search."""
from __future__ import annotations

import sqlite3

import pytest

from chronicle.ingest import RawInput
from chronicle.records import Actor, Article, Count, Date, Event, Place, Span, Statement
from chronicle.settings import Settings
from chronicle.store import EventFilter, Saved, StatementFilter, open_store
from chronicle.store.load import load, raw_hash

# Test texts are written for these tests; the facts are invented.
KIDAL = ("On 3 March 2024, gunmen attacked a police post in Kidal, killing four officers and "
         "wounding two. The army said the attackers fled north. A spokesman for the governor "
         "condemned the attack, Reuters reported.")
LAGOS = ("Hundreds of traders marched through Lagos on Friday to protest a new market levy. "
         "Police arrested twelve demonstrators near the state assembly.")


def span(text: str, words: str, cls=Span, nth: int = 0, **kw):
    """Return a span (or Actor/Place/Date) over the nth occurrence of `words` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return cls(words, start, start + len(words), **kw)


def kidal_article(doc_id: str = "kidal-1") -> Article:
    """Return a hand-coded article: one attack in Mali and a condemnation linked to it."""
    t = KIDAL
    e = Event(
        id="e1", type="ASSAULT", trigger=span(t, "attacked"), mode="firearms",
        acled={"event_type": "Violence against civilians", "sub_event_type": "Attack"},
        gtd={"attack_type": "Armed Assault", "weapon_type": "Firearms"},
        actors=[span(t, "gunmen", Actor, name="Unidentified gunmen", kind="militia")],
        targets=[span(t, "a police post", Actor, kind="police", country="MLI")],
        location=span(t, "Kidal", Place, name="Kidal", country="MLI", admin1="Kidal",
                      lat=18.44, lon=1.41, precision="city"),
        date=span(t, "3 March 2024", Date, value="2024-03-03", precision="day"),
        killed=Count(4, span(t, "four officers")), injured=Count(2, span(t, "two")),
        confidence=0.8, sentence=Span(t[:t.index(" The army")], 0, t.index(" The army")))
    s = Statement(id="s1", cue=span(t, "condemned"), content=span(t, "the attack", nth=1),
                  kind="condemn",
                  speaker=span(t, "A spokesman for the governor", Actor, name="governor's spokesman",
                               kind="government"),
                  via=[span(t, "Reuters", Actor, name="Reuters", kind="organization")],
                  event_id="e1")
    s2 = Statement(id="s2", cue=span(t, "said"), content=span(t, "the attackers fled north"),
                   speaker=span(t, "The army", Actor, name="Malian army", kind="military"))
    return Article(id=doc_id, text=t, published="2024-03-04", title="Police post attacked",
                   url="https://example.org/kidal", source="test", events=[e], statements=[s, s2])


def lagos_article() -> Article:
    """Return a hand-coded article: a protest and arrests in Nigeria, month-precision date."""
    t = LAGOS
    protest = Event(id="e1", type="PROTEST", trigger=span(t, "marched"), mode="demonstrate",
                    acled={"event_type": "Protests", "sub_event_type": "Peaceful protest"},
                    actors=[span(t, "Hundreds of traders", Actor, kind="protesters")],
                    location=span(t, "Lagos", Place, name="Lagos", country="NGA", lat=6.45,
                                  lon=3.39, precision="city"),
                    date=span(t, "Friday", Date, value="2023-06", precision="month"))
    arrest = Event(id="e2", type="COERCE", trigger=span(t, "arrested"), mode="arrest",
                   actors=[span(t, "Police", Actor, kind="police")],
                   targets=[span(t, "twelve demonstrators", Actor, kind="protesters")])
    return Article(id="lagos-1", text=t, published="2023-06-10", events=[protest, arrest])


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "t.db")) as s:
        yield s


def test_round_trip_keeps_every_field(store):
    art = kidal_article()
    saved = store.add([art])
    assert (saved.articles, saved.events, saved.statements) == (1, 1, 2)
    [rec] = list(store.contract_records())
    assert rec == art.to_contract()
    view = store.event("1:e1")
    assert view["type"] == "ASSAULT" and view["local_id"] == "e1"
    assert view["article"]["text"] == KIDAL
    assert [s["id"] for s in view["statements"]] == ["1:s1"]
    assert view["statements"][0]["via_chain"][0]["name"] == "Reuters"


def test_columns_trace_back_to_the_words(store):
    store.add([kidal_article()])
    con = store.conn
    text, = con.execute("SELECT text FROM articles").fetchone()
    row = con.execute("SELECT trigger_text, trigger_start, trigger_end, place_text, place_start,"
                      " place_end, killed, killed_text, killed_start, killed_end FROM events"
                      ).fetchone()
    assert text[row[1]:row[2]] == row[0] == "attacked"
    assert text[row[4]:row[5]] == row[3] == "Kidal"
    assert row[6] == 4 and text[row[8]:row[9]] == row[7]
    actors = con.execute("SELECT role, name, span_text, span_start, span_end FROM event_actors"
                         " ORDER BY role").fetchall()
    assert [(a[0], a[1]) for a in actors] == [("actor", "Unidentified gunmen"),
                                             ("target", "a police post")]
    assert all(text[a[3]:a[4]] == a[2] for a in actors)
    st = con.execute("SELECT speaker_name, via_name, event_id, hedged FROM statements"
                     " WHERE statement_id = 's1'").fetchone()
    assert st == ("governor's spokesman", "Reuters", "1:e1", 0)


def test_same_text_twice_is_stored_once(store):
    store.add([kidal_article("a")])
    saved = store.add([kidal_article("b"), kidal_article("c")])
    assert saved.articles == 0 and saved.duplicates == 2
    assert store.counts() == {"articles": 1, "events": 1, "statements": 2, "errors": 0,
                              "duplicates": 2}


def test_error_articles_are_stored_and_distinct(store):
    bad1 = Article(id="empty-1", source="x/1.txt").fail("E001", "too short")
    bad2 = Article(id="empty-2", source="x/2.txt").fail("E001", "too short")
    saved = store.add([bad1, bad2, kidal_article()])
    assert saved.articles == 3 and saved.errors == 2
    recs = {r["id"]: r for r in store.contract_records()}
    assert recs["empty-1"]["error"] == {"code": "E001", "message": "too short"}
    assert recs["empty-2"]["events"] == [] and recs["kidal-1"]["error"] is None
    assert store.add([bad1]).articles == 0


def test_a_transaction_an_interrupt_left_open_is_dropped_and_the_batch_stored(tmp_path):
    # SIGTERM between BEGIN and the block (or before its ROLLBACK) leaves a transaction open
    # with half a batch in it; the batch stored again on the way out must not fail on it
    with open_store(str(tmp_path / "t.db")) as s:
        s.conn.execute("BEGIN IMMEDIATE")
        s.conn.execute("INSERT INTO inputs (raw_hash, source, ingested_at) VALUES ('half', 'test', 'now')")
        s.add([kidal_article()], ["h1"])
        assert s.counts()["articles"] == 1 and s.known_inputs(["h1", "half"]) == {"h1"}
        assert not s.conn.in_transaction


def test_failed_batch_leaves_nothing_and_resume_adds_each_once(store, monkeypatch):
    arts = [kidal_article(), lagos_article()]
    real = store._add_article
    calls = []

    def dies_on_second(article, saved):
        calls.append(article.id)
        if len(calls) == 2:
            raise KeyboardInterrupt("killed mid-batch")
        return real(article, saved)

    monkeypatch.setattr(store, "_add_article", dies_on_second)
    with pytest.raises(KeyboardInterrupt):
        store.add(arts, ["h1", "h2"])
    monkeypatch.undo()
    assert store.counts()["articles"] == 0 and store.known_inputs(["h1", "h2"]) == set()
    store.add(arts, ["h1", "h2"])
    store.add(arts, ["h1", "h2"])
    assert store.counts() == {"articles": 2, "events": 3, "statements": 2, "errors": 0,
                              "duplicates": 0}
    assert store.known_inputs(["h1", "h2", "h3"]) == {"h1", "h2"}


def test_filters(store):
    store.add([kidal_article(), lagos_article()])
    ids = lambda **kw: sorted(v["id"] for v in store.events(EventFilter(**kw)))
    assert ids() == ["1:e1", "2:e1", "2:e2"]
    assert ids(type="assault") == ["1:e1"]
    assert ids(type="Peaceful protest") == ["2:e1"]
    assert ids(country="MLI") == ids(country="mali") == ["1:e1"]
    assert ids(since="2024-01-01") == ["1:e1"]
    assert ids(until="2023-12-31") == ["2:e1", "2:e2"]
    # A month-precision date overlaps a range that starts inside that month.
    assert "2:e1" in ids(since="2023-06-15", until="2023-06-20")
    assert ids(since="2024-03-04", until="2024-03-10") == []
    assert ids(limit=1) == ["1:e1"]
    assert store.event("9:e9") is None



@pytest.mark.parametrize("repeats", [True, False])
def test_a_page_in_the_default_order_is_read_off_an_index(store, repeats):
    """The list's page sorts no rows: its ids come in order from a covering index, so a page
    deep in a large store costs about what the first one does."""
    from chronicle.store.filters import check_events, event_where, order_by
    store.add([kidal_article(), lagos_article()])
    f = check_events(EventFilter(repeats=repeats))
    where, params = event_where(f, store.text_clause(), store.text_query)
    sql = ("EXPLAIN QUERY PLAN SELECT e.id FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY " + order_by(f.sort) + " LIMIT 100 OFFSET 1000")
    plan = " | ".join(str(r[-1]) for r in store.execute(sql, params).fetchall())
    assert "COVERING INDEX" in plan and "TEMP B-TREE" not in plan, plan
    pages = [v["id"] for k in range(3) for v in store.events(EventFilter(repeats=repeats, limit=1, offset=k))]
    assert pages == [v["id"] for v in store.events(EventFilter(repeats=repeats, limit=3))]

def test_full_text_query(store):
    store.add([kidal_article(), lagos_article()])
    ids = lambda q: sorted(v["id"] for v in store.events(EventFilter(text=q)))
    assert ids("levy") == ["2:e1", "2:e2"]
    assert ids("police") == ["1:e1", "2:e1", "2:e2"]
    assert ids("governor condemned") == ["1:e1"]
    assert ids("lev*") == ["2:e1", "2:e2"]
    assert ids("levy OR Kidal") == ["1:e1", "2:e1", "2:e2"]
    # FTS syntax in a user's query is read as words, never as an error.
    assert ids('"unbalanced AND ( NEAR') == []


def test_statement_filters(store):
    store.add([kidal_article(), lagos_article()])
    ids = lambda **kw: [s["id"] for s in store.statements(StatementFilter(**kw))]
    assert ids(speaker="SPOKESMAN") == ["1:s1"]
    assert ids(kind="claim") == ["1:s2"]
    assert ids(event="1:e1") == ["1:s1"]
    assert store.article(2)["events"][1]["id"] == "2:e2"


def test_wal_mode_and_schema_is_idempotent(tmp_path):
    path = str(tmp_path / "w.db")
    open_store(path).close()
    with open_store(path) as s:
        s.add([kidal_article()])
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 1


def fake_run(raws, settings):
    """Stand in for the pipeline: one article per raw input, no parsing."""
    for raw in raws:
        fake_run.seen.append(raw.id)
        yield Article(id=raw.id, text=raw.text or "", source=raw.source)


def test_load_skips_stored_inputs_before_the_pipeline(store, monkeypatch):
    monkeypatch.setattr("chronicle.store.load.run", fake_run)
    fake_run.seen = []
    raws = [RawInput(id=f"r{i}", text=f"Report number {i} about a market levy.") for i in range(5)]
    settings = Settings(batch_size=2)
    saved, skipped = load(raws[:3], store, settings)
    assert (saved.articles, skipped) == (3, 0)
    fake_run.seen = []
    saved, skipped = load(raws + raws[:1], store, settings)
    assert fake_run.seen == ["r3", "r4"]
    assert (saved.articles, skipped) == (2, 4)
    assert store.counts()["articles"] == 5
    assert raw_hash(raws[0]) != raw_hash(raws[1])


def test_load_resumes_after_a_kill_without_duplicates(store, monkeypatch):
    monkeypatch.setattr("chronicle.store.load.run", fake_run)
    fake_run.seen = []
    raws = [RawInput(id=f"r{i}", text=f"Report number {i} about a market levy.") for i in range(7)]
    real_add = store.add
    batches = []

    def add_then_die(articles, hashes):
        batches.append(1)
        if len(batches) == 3:
            raise KeyboardInterrupt
        return real_add(articles, hashes)

    monkeypatch.setattr(store, "add", add_then_die)
    with pytest.raises(KeyboardInterrupt):
        load(raws, store, Settings(batch_size=2))
    # the batch that was being saved when Ctrl-C came is saved again on the way out
    assert store.counts()["articles"] == 6
    monkeypatch.setattr(store, "add", real_add)
    fake_run.seen = []
    saved, skipped = load(raws, store, Settings(batch_size=2))
    assert fake_run.seen == ["r6"] and skipped == 6
    assert store.counts()["articles"] == 7
    assert sorted(r["id"] for r in store.contract_records()) == [f"r{i}" for i in range(7)]


def test_a_record_that_cannot_be_stored_is_kept_with_its_error(store):
    broken = kidal_article("broken")
    broken.events.append(Event(id="e1", type="ASSAULT", trigger=Span("killing", 60, 67)))
    saved = store.add([broken, lagos_article()], ["h1", "h2"])
    assert (saved.articles, saved.errors, saved.events) == (2, 1, 2)
    recs = {r["id"]: r for r in store.contract_records()}
    assert recs["broken"]["error"]["code"] == "E008" and recs["broken"]["events"] == []
    assert "could not be stored" in recs["broken"]["error"]["message"]
    assert len(recs["lagos-1"]["events"]) == 2
    assert store.known_inputs(["h1", "h2"]) == {"h1", "h2"}


def test_load_with_nothing_new_does_not_start_the_pipeline(store, monkeypatch):
    monkeypatch.setattr("chronicle.store.load.run", fake_run)
    fake_run.seen = []
    raws = [RawInput(id="r1", text="Report number one about a market levy.")]
    load(raws, store, Settings())

    def must_not_run(raws, settings):
        raise AssertionError("the pipeline was started for nothing")

    monkeypatch.setattr("chronicle.store.load.run", must_not_run)
    assert load(raws, store, Settings()) == (Saved(), 1)
