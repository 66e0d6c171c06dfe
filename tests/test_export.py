"""Exports: each format written from a hand-built store and parsed back."""
from __future__ import annotations

import csv
import io
import json

import pytest

from chronicle.export.formats import CSV_COLUMNS, csv_row, export, safe_cell
from chronicle.records import Article
from chronicle.store import EventFilter, open_store
from test_store import kidal_article, lagos_article


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "x.db")) as s:
        s.add([kidal_article(), lagos_article(),
               Article(id="bad", source="b.txt").fail("E001", "too short")])
        yield s


def test_csv_has_acled_columns_one_row_per_event(store):
    out = io.StringIO()
    assert export(store, "csv", out) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 3 and tuple(rows[0]) == CSV_COLUMNS
    kidal = next(r for r in rows if r["event_id_cnty"] == "1:e1")
    assert kidal["event_date"] == "2024-03-03" and kidal["year"] == "2024"
    assert kidal["event_type"] == "Violence against civilians"
    assert kidal["country"] == "Mali" and kidal["iso3"] == "MLI"
    assert float(kidal["latitude"]) == 18.44 and kidal["geo_precision"] == "1"
    assert kidal["fatalities"] == "4" and kidal["injured"] == "2"
    assert kidal["actor1"] == "Unidentified gunmen" and kidal["actor2"] == "a police post"
    assert kidal["notes"].startswith("On 3 March 2024") and kidal["url"] == "https://example.org/kidal"
    arrest = next(r for r in rows if r["event_id_cnty"] == "2:e2")
    assert arrest["fatalities"] == "" and arrest["latitude"] == ""


def test_csv_filters_apply(store):
    out = io.StringIO()
    # The arrest in Lagos has no place, so only the protest is in Nigeria.
    assert export(store, "csv", out, EventFilter(country="NGA", limit=None)) == 1


def test_csv_defuses_spreadsheet_formulas():
    assert safe_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert safe_cell("@cmd") == "'@cmd" and safe_cell("plain") == "plain"
    assert safe_cell(-3.5) == -3.5
    view = {"id": "1:e1", "type": "ASSAULT", "trigger": {"text": "+shot", "start": 0, "end": 5},
            "actors": [{"text": "-x", "name": "=cmd|' /C calc'!A0", "start": 0, "end": 2}],
            "location": {"lat": -1.5, "lon": -2.5}}
    row = csv_row(view)
    assert row["actor1"].startswith("'=") and row["trigger"] == "'+shot"
    assert row["latitude"] == -1.5


def test_geojson_is_a_feature_collection_of_located_events(store):
    out = io.StringIO()
    assert export(store, "geojson", out) == 2
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection"
    by_id = {f["id"]: f for f in doc["features"]}
    assert set(by_id) == {"1:e1", "2:e1"}
    f = by_id["1:e1"]
    assert f["type"] == "Feature" and f["geometry"] == {"type": "Point", "coordinates": [1.41, 18.44]}
    assert f["properties"]["sub_event_type"] == "Attack"
    assert "latitude" not in f["properties"]


def test_jsonl_gives_contract_records_back(store):
    out = io.StringIO()
    assert export(store, "jsonl", out) == 3
    recs = [json.loads(line) for line in out.getvalue().splitlines()]
    [stored] = recs[0]["events"]
    assert stored["incident"].startswith("inc-")  # the store merged the attack into an incident
    expected = kidal_article()
    expected.events[0].incident = stored["incident"]
    assert recs[0] == expected.to_contract()
    assert recs[2]["error"]["code"] == "E001" and recs[2]["events"] == []
    for rec in recs:
        for e in rec["events"]:
            assert rec["text"][e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]


def test_jsonl_filtered_keeps_articles_with_matching_events(store):
    out = io.StringIO()
    assert export(store, "jsonl", out, EventFilter(type="PROTEST", limit=None)) == 1
    assert json.loads(out.getvalue())["id"] == "lagos-1"


def test_unknown_format_is_refused(store):
    with pytest.raises(ValueError):
        export(store, "xlsx", io.StringIO())
