"""HTTP API and web page through FastAPI's TestClient, on a hand-built store."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chronicle.api.app import create_app
from chronicle.records import Actor, Article, Event, Span, Statement
from chronicle.store import open_store
from test_store import kidal_article, lagos_article

STATIC = Path(__file__).resolve().parents[1] / "src" / "chronicle" / "api" / "static"

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
    assert r.json()["total"] == 4
    r = client.get("/events", params={"type": "PROTEST", "country": "NGA", "since": "2023-01-01",
                                      "until": "2023-12-31", "text": "levy"})
    assert [e["id"] for e in r.json()["events"]] == ["2:e1"]
    assert r.json()["filter"] == {"type": "PROTEST", "country": "NGA", "since": "2023-01-01",
                                  "until": "2023-12-31", "text": "levy"}
    assert client.get("/events", params={"limit": 2}).json()["limit"] == 2
    page = client.get("/events", params={"limit": 2, "offset": 3}).json()
    assert len(page["events"]) == 1 and page["total"] == 4
    assert client.get("/events", params={"limit": 2, "offset": 9}).json()["total"] == 4
    assert client.get("/events", params={"limit": 0}).status_code == 422


def test_new_filters_and_sorting(client):
    ids = lambda **p: [e["id"] for e in client.get("/events", params=p).json()["events"]]
    assert ids(status="occurred", mode="firearms") == ["1:e1"]
    assert ids(min_casualties=6) == ["1:e1"] and ids(min_casualties=7) == []
    assert ids(actor="unidentified gunmen") == ["1:e1"]
    assert ids(sub_event="Peaceful protest") == ["2:e1"]
    assert ids(outlet="example.org") == ["1:e1"]
    assert ids(sort="-killed")[0] == "1:e1"
    assert ids(sort="date") == ["2:e1", "2:e2", "1:e1", "3:e1"]  # undated last
    assert ids(sort="-date") == ["1:e1", "2:e2", "2:e1", "3:e1"]  # 2:e2 takes its article's date
    assert sorted(ids(since="2023-06", until="2023-06")) == ["2:e1", "2:e2"]


@pytest.mark.parametrize("params, words", [
    ({"type": "FOO"}, "unknown event type 'FOO'"),
    ({"since": "garbage"}, "'garbage' is not a date"),
    ({"since": "2021-13-01"}, "'2021-13-01' is not a real date"),
    ({"until": "2021-02-30"}, "not a real date"),
    ({"since": "2024", "until": "2023"}, "before it starts"),
    ({"status": "happened"}, "unknown status"),
    ({"mode": "laser"}, "unknown mode"),
    ({"country": "Atlantis"}, "unknown country"),
    ({"sort": "colour"}, "unknown sort key"),
    ({"min_casualties": "many"}, "min_casualties: must be a whole number"),
    ({"typ": "ASSAULT"}, "unknown parameter typ"),
])
def test_nonsense_is_refused_with_a_message(client, params, words):
    for path in ("/events", "/facets", "/timeline", "/map", "/export.csv"):
        r = client.get(path, params=params)
        assert r.status_code == 422, path
        assert words in r.json()["detail"], path


def test_statement_and_route_parameters_are_checked(client):
    r = client.get("/statements", params={"kind": "bogus"})
    assert r.status_code == 422 and "unknown statement kind 'bogus'" in r.json()["detail"]
    r = client.get("/statements", params={"speakr": "army"})
    assert r.status_code == 422 and "unknown parameter speakr" in r.json()["detail"]
    assert client.get("/events/1:e1", params={"x": "1"}).status_code == 422
    assert client.get("/timeline", params={"step": "fortnight"}).status_code == 422
    # The page says what was wrong, as a page.
    r = client.get("/", params={"since": "yesterday"})
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    assert "&#39;yesterday&#39; is not a date" in r.text
    r = client.get("/statements.html", params={"kind": "<b>x</b>"})
    assert r.status_code == 422 and "<b>x</b>" not in r.text and "&lt;b&gt;x&lt;/b&gt;" in r.text


def test_facets_count_the_filtered_events(client):
    doc = client.get("/facets").json()
    assert doc["total"] == 4
    facets = {k: {row["value"]: row["count"] for row in v} for k, v in doc["facets"].items()}
    assert facets["type"] == {"ASSAULT": 2, "PROTEST": 1, "COERCE": 1}
    assert facets["country"] == {"MLI": 1, "NGA": 1, None: 2}
    assert facets["status"] == {"occurred": 4}
    assert facets["actor"]["Unidentified gunmen"] == 1
    assert facets["outlet"]["example.org"] == 1
    assert facets["month"]["2023-06"] == 2
    doc = client.get("/facets", params={"country": "NGA"}).json()
    assert doc["total"] == 1 and doc["facets"]["type"] == [{"value": "PROTEST", "count": 1}]


def test_timeline_and_map(client):
    t = client.get("/timeline").json()
    # The arrest takes its article's day; the protest is dated to a month, the hostile one not at all.
    assert t["step"] == "day" and t["buckets"] == [
        {"start": "2023-06-10", "count": 1, "killed": 0}, {"start": "2024-03-03", "count": 1, "killed": 4}]
    assert t["undated"] == 2
    w = client.get("/timeline", params={"step": "month", "type": "ASSAULT"}).json()
    assert w["buckets"] == [{"start": "2024-03-01", "count": 1, "killed": 4}]
    m = client.get("/map").json()
    assert m["total"] == 4 and m["placed"] == 2
    assert [(p["id"], p["lat"], p["killed"]) for p in m["points"]] == [("1:e1", 18.44, 4), ("2:e1", 6.45, None)]
    assert client.get("/map", params={"type": "COERCE"}).json()["points"] == []


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


def test_downloads_of_the_current_filter(client):
    r = client.get("/export.csv", params={"country": "MLI", "per": "event"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["event_id_cnty"] for row in rows] == ["1:e1"] and rows[0]["iso"] == "466"
    doc = client.get("/export.geojson", params={"per": "event"}).json()
    assert doc["type"] == "FeatureCollection"
    located = sorted(f["id"] for f in doc["features"] if f["geometry"])
    assert located == ["1:e1", "2:e1"] and len(doc["features"]) == 4
    recs = client.get("/export.json", params={"type": "PROTEST", "per": "event"}).json()
    assert [r["id"] for r in recs] == ["2:e1"] and recs[0]["country"] == "NGA"
    lines = [json.loads(x) for x in client.get("/export.jsonl", params={"per": "event"}).text.splitlines()]
    assert len(lines) == 4 and all("chronicle_version" in x for x in lines)
    plover = [json.loads(x) for x in client.get("/export.plover").text.splitlines()]
    assert {p["event"][0] for p in plover} == {"ASSAULT", "PROTEST", "COERCE"}
    recs = [json.loads(x) for x in client.get("/export.contract").text.splitlines()]
    assert len(recs) == 3 and recs[0]["id"] == "kidal-1"
    rows = list(csv.DictReader(io.StringIO(client.get("/statements.csv", params={"kind": "condemn"}).text)))
    assert [(r["id"], r["via"]) for r in rows] == [("1:s1", "Reuters")]


def test_downloads_count_each_incident_once_by_default(client):
    by_event = client.get("/export.jsonl", params={"per": "event"}).text.splitlines()
    events = [json.loads(x) for x in by_event]
    per_incident = [json.loads(x) for x in client.get("/export.jsonl").text.splitlines()]
    incidents = {e["incident"] for e in events if e["incident"]}
    assert len(per_incident) == len(incidents) + sum(not e["incident"] for e in events)
    assert {r["incident"] for r in per_incident if r["incident"]} == incidents
    r = client.get("/export.csv", params={"per": "article"})
    assert r.status_code == 422 and "per" in r.text


def test_parquet_download(client):
    pq = pytest.importorskip("pyarrow.parquet")
    r = client.get("/export.parquet", params={"type": "ASSAULT", "per": "event"})
    assert r.status_code == 200
    table = pq.read_table(io.BytesIO(r.content))
    assert sorted(table.column("id").to_pylist()) == ["1:e1", "3:e1"]
    incidents = sorted(table.column("incident").to_pylist())
    table = pq.read_table(io.BytesIO(client.get("/export.parquet", params={"type": "ASSAULT"}).content))
    assert sorted(table.column("id").to_pylist()) == incidents and table.column("reports").to_pylist() == [1, 1]


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


SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)


def test_pages_run_only_their_own_script_files(client):
    for path in ("/", "/event/3:e1", "/article/3", "/statements.html", "/docs", "/redoc"):
        r = client.get(path)
        assert r.status_code == 200, path
        policy = r.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self';" in policy, path
        assert "unsafe-eval" not in policy and "http" not in policy, path
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0], path
        assert r.headers["x-content-type-options"] == "nosniff"
        for attrs, body in SCRIPT.findall(r.text):
            assert 'src="/static/' in attrs and not body.strip(), path  # no inline code
        assert "cdn" not in r.text.lower() and "https://" not in r.text.replace("https://example.org/kidal", ""), path
    assert "'unsafe-inline'" not in client.get("/").headers["content-security-policy"]


def test_every_script_and_asset_is_served_locally(client):
    for path in ("/", "/docs", "/redoc"):
        html = client.get(path).text
        for ref in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
            assert client.get(ref).status_code == 200, ref
    assert client.get("/static/vendor/world-atlas/countries-50m.json").json()["type"] == "Topology"
    assert client.get("/openapi.json").json()["paths"]["/events"]
    assert client.get("/favicon.ico").status_code == 200


def test_page_scripts_never_parse_text_as_html():
    for name in ("desk.js", "docs.js"):
        code = (STATIC / name).read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", ".html(", "eval("):
            assert sink not in code, (name, sink)


def test_vendored_libraries_keep_their_licences():
    for folder in ("d3", "topojson-client", "world-atlas", "swagger-ui", "redoc"):
        assert (STATIC / "vendor" / folder / "LICENSE").is_file(), folder
    readme = (STATIC / "vendor" / "README.md").read_text(encoding="utf-8")
    assert "Natural Earth" in readme and "7.9.2" in readme


def test_desk_page_has_the_views_facets_and_paging(client):
    r = client.get("/", params={"type": "ASSAULT", "limit": 1})
    html = r.text
    assert 'data-view="map"' in html and 'data-view="timeline"' in html
    assert 'data-src="/map?type=ASSAULT"' in html and 'data-src="/timeline?type=ASSAULT"' in html
    assert 'data-total="2"' in html and "1–1 of 2" in html
    assert 'href="?type=ASSAULT&amp;limit=1&amp;offset=1"' in html  # next page keeps the filter
    assert 'data-facet="country"' in html and "Mali (MLI)" in html
    assert 'href="/export.csv?type=ASSAULT"' in html and 'href="/export.geojson?type=ASSAULT"' in html
    assert 'class="chip" href="?"' in html  # removing the only filter clears it
    assert '<option value="-date" selected>' in html


def test_hostile_values_in_facets_and_chips_come_out_escaped(client):
    html = client.get("/", params={"text": "<script>alert(4)</script>"}).text
    assert "<script>alert(4)" not in html and "&lt;script&gt;alert(4)&lt;/script&gt;" in html
    html = client.get("/", params={"actor": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in html
    facets = client.get("/").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in facets and "<script>alert(1)" not in facets


def test_article_page_marks_every_events_and_statements_words(client):
    html = client.get("/article/1").text
    assert '<mark class="trigger" title="trigger of 1:e1" data-of="1:e1">attacked</mark>' in html
    assert '<mark class="place" title="place of 1:e1" data-of="1:e1">Kidal</mark>' in html
    assert '<mark class="cue" title="cue of 1:s1" data-of="1:s1">condemned</mark>' in html
    assert 'class="speaker" title="speaker of 1:s2" data-of="1:s2">The army</mark>' in html
    assert "By Chronicle" not in html and "example.org" in html


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
    assert "repeats e1" not in client.get("/").text  # repeated mentions are hidden by default
    assert "repeats e1" in client.get("/", params={"repeats": "1"}).text
    assert "(anonymous)" in client.get("/statements.html").text
    assert "(anonymous)" in client.get("/event/1:e1").text


def test_incident_of_an_event_shows_every_report_and_where_they_differ(tmp_path):
    first = kidal_article("kidal-1")
    second = kidal_article("kidal-2")
    second.text = second.text.replace("wounding two", "wounding one")  # another text, another figure
    second.events[0].injured.value = 1
    second.events[0].injured.span.text = "one"
    path = str(tmp_path / "inc.db")
    with open_store(path) as s:
        s.add([first, second, lagos_article()])
    client = TestClient(create_app(path))
    doc = client.get("/events/1:e1/incident").json()
    assert [r["id"] for r in doc["reports"]] == ["1:e1", "2:e1"]
    assert doc["disagreements"] == ["injured"] and doc["fields"]["killed"] == 4
    page = client.get("/event/2:e1/incident").text
    assert 'data-reports="2"' in page and '<tr class="differ" data-field="injured">' in page
    assert "from “one”" in page and "from “two”" in page
    assert 'href="/event/1%3Ae1/incident"' in client.get("/event/1:e1").text
    lone = client.get("/events/3:e1/incident").json()  # the protest in Lagos: one report
    assert [r["id"] for r in lone["reports"]] == ["3:e1"] and lone["disagreements"] == []
    assert client.get("/events/9:e9/incident").status_code == 404
