"""HTTP API and web page through FastAPI's TestClient, on a hand-built store."""
from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from chronicle.api.app import create_app
from chronicle.records import Actor, Article, Event, Span, Statement
from chronicle.store import open_store
from test_store import kidal_article, lagos_article

# A hostile article: markup and script in the text, the trigger and the names.
HOSTILE = ('Officials said <script>alert(1)</script> men <img src=x onerror="alert(2)"> '
           'stormed the building in "Springfield" & fled.')


def hostile_article() -> Article:
    """Return an article whose text and fields carry markup that must come out escaped."""
    t = HOSTILE
    trig = t.index("stormed")
    e = Event(id="e1", type="ASSAULT", trigger=Span("stormed", trig, trig + 7),
              actors=[Actor("<script>alert(1)</script>", t.index("<script>"),
                            t.index("<script>") + 25, name="<script>alert(1)</script>")],
              sentence=Span(t, 0, len(t)))
    cue = t.index("said")
    s = Statement(id="s1", cue=Span("said", cue, cue + 4), content=Span(t[cue + 5:], cue + 5, len(t)),
                  speaker=Actor("Officials", 0, 9, name='<b onmouseover="alert(3)">x</b>'),
                  event_id="e1")
    return Article(id="<i>hostile</i>", text=t, title="<script>alert('title')</script>",
                   events=[e], statements=[s])


@pytest.fixture
def client(tmp_path):
    path = str(tmp_path / "api.db")
    with open_store(path) as s:
        s.add([kidal_article(), lagos_article(), hostile_article()])
    return TestClient(create_app(path))


def test_events_json_with_filters(client):
    r = client.get("/events")
    assert r.status_code == 200
    assert sorted(e["id"] for e in r.json()["events"]) == ["1:e1", "2:e1", "2:e2", "3:e1"]
    r = client.get("/events", params={"type": "PROTEST", "country": "NGA", "since": "2023-01-01",
                                      "until": "2023-12-31", "text": "levy"})
    assert [e["id"] for e in r.json()["events"]] == ["2:e1"]
    assert client.get("/events", params={"limit": 2}).json()["limit"] == 2
    assert len(client.get("/events", params={"limit": 2, "offset": 3}).json()["events"]) == 1
    assert client.get("/events", params={"limit": 0}).status_code == 422


def test_one_event_with_statements(client):
    r = client.get("/events/1:e1")
    assert r.status_code == 200
    e = r.json()
    assert e["type"] == "ASSAULT" and e["killed"] == 4
    assert e["location"]["lat"] == 18.44 and e["article"]["title"] == "Police post attacked"
    assert [s["id"] for s in e["statements"]] == ["1:s1"]
    assert client.get("/events/1:e9").status_code == 404


def test_statements_and_articles(client):
    r = client.get("/statements", params={"speaker": "army"})
    assert [s["id"] for s in r.json()["statements"]] == ["1:s2"]
    assert client.get("/statements", params={"event": "1:e1"}).json()["statements"][0]["kind"] == "condemn"
    a = client.get("/articles/2").json()
    assert a["doc_id"] == "lagos-1" and [e["id"] for e in a["events"]] == ["2:e1", "2:e2"]
    assert client.get("/articles/99").status_code == 404


def test_exports(client):
    r = client.get("/export.csv", params={"country": "MLI"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["event_id_cnty"] for row in rows] == ["1:e1"]
    doc = client.get("/export.geojson").json()
    assert doc["type"] == "FeatureCollection"
    assert sorted(f["id"] for f in doc["features"]) == ["1:e1", "2:e1"]
    recs = [json.loads(x) for x in client.get("/export.jsonl").text.splitlines()]
    assert len(recs) == 3 and recs[0]["id"] == "kidal-1"


def test_html_list_and_detail_pages(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert 'href="/event/1%3Ae1"' in r.text and "Kidal" in r.text
    r = client.get("/", params={"type": "PROTEST"})
    assert "Lagos" in r.text and "Kidal" not in r.text
    r = client.get("/event/1:e1")
    assert r.status_code == 200
    assert '<mark class="trigger" title="trigger">attacked</mark>' in r.text
    assert '<mark class="place" title="place">Kidal</mark>' in r.text
    assert "condemn" in r.text
    assert client.get("/event/4:e1").status_code == 404
    assert client.get("/article/1").status_code == 200
    r = client.get("/statements.html", params={"kind": "condemn"})
    assert "governor&#39;s spokesman" in r.text and 'href="/event/1%3Ae1"' in r.text
    assert "Malian army" not in r.text
    assert client.get("/static/style.css").status_code == 200


def test_hostile_text_comes_out_escaped(client):
    pages = [client.get("/event/3:e1").text, client.get("/article/3").text,
             client.get("/", params={"text": "stormed"}).text,
             client.get("/statements.html").text]
    for html in pages:
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "<b onmouseover" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[0]
    assert "&lt;img src=x onerror=" in pages[0]
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in pages[1]
    # The JSON API returns the text as data, unchanged.
    assert client.get("/events/3:e1").json()["actors"][0]["name"] == "<script>alert(1)</script>"


def test_pages_forbid_inline_scripts(client):
    r = client.get("/event/3:e1")
    policy = r.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script" not in r.text


def test_module_app_reads_the_store_named_in_the_environment(tmp_path, monkeypatch):
    import chronicle.api.app as module
    path = str(tmp_path / "env.db")
    with open_store(path) as s:
        s.add([lagos_article()])
    monkeypatch.setenv("CHRONICLE_DB", path)
    client = TestClient(module.app)
    assert sorted(e["id"] for e in client.get("/events").json()["events"]) == ["1:e1", "1:e2"]


def test_pages_mark_unnamed_sources_and_repeats(tmp_path):
    art = kidal_article()
    art.statements[0].speaker.anonymous = True
    art.events.append(Event.from_dict(dict(art.events[0].to_dict(), id="e2", acled=None, gtd=None, repeats="e1")))
    path = str(tmp_path / "marks.db")
    with open_store(path) as s:
        s.add([art])
    client = TestClient(create_app(path))
    assert "repeats e1" in client.get("/").text
    assert "(anonymous)" in client.get("/statements.html").text
    assert "(anonymous)" in client.get("/event/1:e1").text
