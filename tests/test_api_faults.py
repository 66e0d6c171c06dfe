"""The API never answers 500: malformed values get 4xx or an empty answer, HEAD works, an
unknown page is an HTML page. On SQLite, and on PostgreSQL when CHRONICLE_TEST_PG is set."""
from __future__ import annotations

import os
import uuid

import pytest
from fastapi.testclient import TestClient

from chronicle.api.app import create_app
from chronicle.store import open_store
from test_store import kidal_article, lagos_article

PG = os.environ.get("CHRONICLE_TEST_PG")


@pytest.fixture(params=["sqlite", "postgres"])
def client(request, tmp_path):
    if request.param == "sqlite":
        url = str(tmp_path / "api.db")
        schema = None
    else:
        if not PG:
            pytest.skip("CHRONICLE_TEST_PG is not set")
        import psycopg
        schema = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(PG, autocommit=True) as con:
            con.execute(f"CREATE SCHEMA {schema}")
        url = f"{PG}{'&' if '?' in PG else '?'}options=-csearch_path%3D{schema}"
    with open_store(url) as s:
        s.add([kidal_article(), lagos_article()])
    yield TestClient(create_app(url), raise_server_exceptions=False)
    if schema:
        import psycopg
        with psycopg.connect(PG, autocommit=True) as con:
            con.execute(f"DROP SCHEMA {schema} CASCADE")


HOSTILE_QUERIES = [
    "/events?text=%00", "/events?text=kill%00ed", "/events?type=%00", "/events?country=%00",
    "/events?since=%00", "/events?text=%22", "/events?text=NEAR(", "/events?text=" + "x" * 3000,
    "/events?offset=99999999999999999999999", "/events?offset=9223372036854775808",
    "/events/%00", "/events/1:e1%00", "/articles/99999999999999999999999",
    "/articles/9223372036854775808", "/articles/-99999999999999999999999",
    "/statements?speaker=%00", "/statements?event=%00", "/statements?offset=1e400",
    "/statements?offset=99999999999999999999999", "/?text=%00", "/?offset=99999999999999999999999",
    "/event/%00", "/article/99999999999999999999999", "/statements.html?kind=%00",
    "/export.csv?text=%00", "/export.jsonl?country=%00", "/export.geojson?since=%00",
]


@pytest.mark.parametrize("path", HOSTILE_QUERIES)
def test_no_query_gets_a_server_error(client, path):
    r = client.get(path)
    assert r.status_code < 500, (path, r.status_code, r.text[:200])


def test_beyond_the_last_page_is_empty_not_an_error(client):
    r = client.get("/events", params={"offset": 2 ** 70})
    assert r.status_code == 200 and r.json()["events"] == []
    assert client.get("/articles/" + str(2 ** 70)).status_code == 404


@pytest.mark.parametrize("path", ["/", "/events", "/events/1:e1", "/articles/1", "/event/1:e1",
                                  "/article/1", "/statements", "/statements.html",
                                  "/export.csv", "/static/style.css"])
def test_head_answers_like_get_without_a_body(client, path):
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]
    assert head.headers.get("content-security-policy") == get.headers.get("content-security-policy")


def test_an_unknown_page_answers_html_404(client):
    r = client.get("/no/such/page", headers={"accept": "text/html,application/xhtml+xml"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "Not found" in r.text and "/no/such/page" in r.text
    for page in ("/event/9:e9", "/article/999"):
        r = client.get(page)
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")


def test_an_unknown_api_path_answers_json_404(client):
    for path in ("/events/9:e9", "/articles/999", "/no/such/thing"):
        r = client.get(path, headers={"accept": "application/json"})
        assert r.status_code == 404 and r.headers["content-type"] == "application/json"


def test_the_404_page_escapes_the_path(client):
    r = client.get("/%3Cscript%3Ealert(1)%3C/script%3E", headers={"accept": "text/html"})
    assert r.status_code == 404 and "<script>alert" not in r.text


def test_the_list_answers_the_stored_views(client):
    listed = client.get("/events").json()["events"]
    one = client.get("/events/2:e2").json()
    (same,) = [e for e in listed if e["id"] == "2:e2"]
    one["article"].pop("text")
    one.pop("statements")
    assert same == one
