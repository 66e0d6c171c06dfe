"""Exports: each format written from a hand-built store and parsed back."""
from __future__ import annotations

import csv
import io
import json

import pytest

from chronicle.export import export
from chronicle.export.acled import acled_row, columns, interaction, region, source_scale
from chronicle.export.rows import event_record, safe_cell
from chronicle.records import Article, Event
from chronicle.store import EventFilter, open_store
from test_store import kidal_article, lagos_article

# ACLED's own export, column by column (their codebook's order).
ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
                "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
                "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
                "source,source_scale,notes,fatalities,tags,timestamp").split(",")


def with_repeat(art: Article) -> Article:
    """Return `art` with a later mention restating its first event."""
    again = Event.from_dict(dict(art.events[0].to_dict(), id="e9", acled=None, gtd=None, repeats="e1"))
    art.events.append(again)
    return art


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "x.db")) as s:
        s.add([with_repeat(kidal_article()), lagos_article(),
               Article(id="bad", source="b.txt").fail("E001", "too short")])
        yield s


def read_csv(store, f=None) -> list[dict]:
    out = io.StringIO()
    n = export(store, "csv", out, f, per="event")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(rows)
    return rows


def test_csv_starts_with_acleds_columns_in_acleds_order(store):
    out = io.StringIO()
    export(store, "csv", out)
    header = out.getvalue().splitlines()[0].split(",")
    assert header[:len(ACLED_HEADER)] == ACLED_HEADER
    assert "incident" in header and "outlet" in header and "chronicle_version" in header


def test_csv_rows_are_acled_coded_events_counted_once(store):
    rows = read_csv(store)
    # The arrest has no ACLED code and e9 restates e1: neither is a row.
    assert sorted(r["event_id_cnty"] for r in rows) == ["1:e1", "2:e1"]
    kidal = next(r for r in rows if r["event_id_cnty"] == "1:e1")
    assert kidal["event_date"] == "2024-03-03" and kidal["year"] == "2024" and kidal["time_precision"] == "1"
    assert kidal["disorder_type"] == "Political violence"
    assert kidal["event_type"] == "Violence against civilians" and kidal["sub_event_type"] == "Attack"
    assert kidal["actor1"] == "Unidentified gunmen" and kidal["inter1"] == "3"
    assert kidal["actor2"] == "a police post" and kidal["inter2"] == "7" and kidal["interaction"] == "37"
    assert kidal["civilian_targeting"] == "Civilian targeting"
    assert kidal["iso"] == "466" and kidal["region"] == "Western Africa" and kidal["country"] == "Mali"
    assert float(kidal["latitude"]) == 18.44 and kidal["geo_precision"] == "1"
    assert kidal["source"] == "example.org" and kidal["outlet"] == "example.org"
    assert kidal["fatalities"] == "4" and kidal["killed"] == "4" and kidal["injured"] == "2"
    assert kidal["notes"].startswith("On 3 March 2024") and int(kidal["timestamp"]) > 1_600_000_000
    assert kidal["url"] == "https://example.org/kidal" and kidal["chronicle_version"]
    protest = next(r for r in rows if r["event_id_cnty"] == "2:e1")
    assert protest["disorder_type"] == "Demonstrations" and protest["inter1"] == "6"
    assert protest["interaction"] == "60" and protest["time_precision"] == "2"
    # ACLED writes 0 where no deaths are reported; Chronicle's own column keeps it unknown.
    assert protest["fatalities"] == "0" and protest["killed"] == ""


def test_csv_filters_apply(store):
    # The arrest in Lagos has no place, so only the protest is in Nigeria.
    assert [r["event_id_cnty"] for r in read_csv(store, EventFilter(country="NGA", limit=None))] == ["2:e1"]


def test_acled_codes():
    assert interaction(1, 7) == 17 and interaction(7, 1) == 17 and interaction(6, None) == 60
    assert interaction(None, 3) is None
    assert region("IRQ") == "Middle East" and region("SOM") == "Eastern Africa" and region("XXX") is None
    assert source_scale("iraqinews.iq", "IRQ") == "National"
    assert source_scale("reuters.com", "IRQ") == "International"
    assert source_scale("unknown-blog.com", "IRQ") is None and source_scale(None, "IRQ") is None


def test_csv_defuses_spreadsheet_formulas():
    assert safe_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert safe_cell("@cmd") == "'@cmd" and safe_cell("plain") == "plain"
    assert safe_cell(-3.5) == -3.5
    view = {"id": "1:e1", "type": "ASSAULT", "trigger": {"text": "+shot", "start": 0, "end": 5},
            "acled": {"event_type": "Battles", "sub_event_type": "Armed clash"},
            "actors": [{"text": "-x", "name": "=cmd|' /C calc'!A0", "start": 0, "end": 2}],
            "location": {"lat": -1.5, "lon": -2.5}}
    row = acled_row(view)
    assert row["actor1"].startswith("'=") and row["trigger"] == "'+shot"
    assert row["latitude"] == -1.5 and set(row) == set(columns())


def test_jsonl_is_one_flat_record_per_event_with_provenance(store):
    out = io.StringIO()
    assert export(store, "jsonl", out, per="event") == 3
    recs = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert set(recs) == {"1:e1", "2:e1", "2:e2"}
    k = recs["1:e1"]
    assert k["year"] == 2024 and k["killed"] == 4 and k["latitude"] == 18.44
    assert k["actors"] == ["Unidentified gunmen"] and k["targets"] == ["a police post"]
    assert k["url"] == "https://example.org/kidal" and k["outlet"] == "example.org"
    assert k["source_file"] == "test" and k["ingested_at"] and k["chronicle_version"]
    assert "incident" in k and "pipeline" in k
    out = io.StringIO()
    assert export(store, "jsonl", out, EventFilter(limit=None), per="event") == 4  # repeats kept when asked
    assert json.loads(out.getvalue().splitlines()[1])["repeats"] == "e1"


def test_json_is_an_array_of_the_same_records(store):
    out = io.StringIO()
    assert export(store, "json", out, per="event") == 3
    recs = json.loads(out.getvalue())
    assert isinstance(recs, list) and {r["id"] for r in recs} == {"1:e1", "2:e1", "2:e2"}
    out = io.StringIO()
    assert export(store, "json", out, EventFilter(type="PROTEST", limit=None), per="event") == 1


def test_geojson_numbers_are_numbers_and_no_event_is_dropped(store):
    out = io.StringIO()
    assert export(store, "geojson", out, per="event") == 3
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection"
    by_id = {f["id"]: f for f in doc["features"]}
    assert set(by_id) == {"1:e1", "2:e1", "2:e2"}
    f = by_id["1:e1"]
    assert f["type"] == "Feature" and f["geometry"] == {"type": "Point", "coordinates": [1.41, 18.44]}
    props = f["properties"]
    assert props["year"] == 2024 and props["killed"] == 4 and props["geo_precision"] == "city"
    assert props["acled_sub_event_type"] == "Attack" and "latitude" not in props
    assert by_id["2:e2"]["geometry"] is None  # the arrest has no place: kept, without a point


def test_geojson_keeps_a_country_level_place_with_its_precision(tmp_path):
    art = kidal_article()
    loc = art.events[0].location
    loc.name, loc.admin1, loc.lat, loc.lon, loc.precision = "Mali", None, 17.0, -4.0, "country"
    with open_store(str(tmp_path / "c.db")) as s:
        s.add([art])
        out = io.StringIO()
        export(s, "geojson", out)
    f = json.loads(out.getvalue())["features"][0]
    assert f["geometry"]["coordinates"] == [-4.0, 17.0] and f["properties"]["geo_precision"] == "country"


def test_plover_records(store):
    out = io.StringIO()
    assert export(store, "plover", out, per="event") == 3
    recs = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    k = recs["1:e1"]
    assert k["event"] == ["ASSAULT"] and k["mode"] == ["firearms"] and k["quad_code"] == 4
    assert k["date"] == "2024-03-03" and k["size_info"] == {"dead": 4, "injured": 2}
    assert k["source"][0]["identifier_text"] == "Unidentified gunmen"
    assert k["recipient"][0]["sector"] == "COP" and k["recipient"][0]["code"] == "MLI"
    assert k["event_loc"]["cc3"] == "MLI" and k["event_loc"]["latitude"] == 18.44
    assert k["cite_info"]["url"] == "https://example.org/kidal" and k["cite_info"]["publication"] == "example.org"
    assert k["coded_date"] and k["acled"]["sub_event_type"] == "Attack"
    assert recs["2:e2"]["quad_code"] == 4 and recs["2:e2"]["event_loc"] is None


def test_contract_gives_article_records_back(store):
    out = io.StringIO()
    assert export(store, "contract", out) == 3
    recs = [json.loads(line) for line in out.getvalue().splitlines()]
    [stored, *_] = recs[0]["events"]
    assert stored["incident"].startswith("inc-")  # the store merged the attack into an incident
    expected = with_repeat(kidal_article())
    for event in expected.events:  # the restatement goes with the attack it restates
        event.incident = stored["incident"]
    assert recs[0] == expected.to_contract()
    assert recs[2]["error"]["code"] == "E001" and recs[2]["events"] == []
    out = io.StringIO()
    assert export(store, "contract", out, EventFilter(type="PROTEST", limit=None)) == 1
    assert json.loads(out.getvalue())["id"] == "lagos-1"


def test_event_record_of_a_bare_view():
    rec = event_record({"id": "9:e1", "type": "PROTEST", "trigger": {"text": "marched"}})
    assert rec["year"] is None and rec["actors"] == [] and rec["trigger"] == "marched"


def test_unknown_format_is_refused(store):
    with pytest.raises(ValueError):
        export(store, "xlsx", io.StringIO())
    with pytest.raises(ValueError):
        export(store, "csv", io.StringIO(), per="article")


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "plover", "geojson"])
def test_every_format_counts_each_incident_once_by_default(tmp_path, fmt):
    with open_store(str(tmp_path / "two.db")) as s:
        s.add([kidal_article(), lagos_article()])
        s.add([another_report(kidal_article("kidal-2"))])
        out, every = io.StringIO(), io.StringIO()
        n, n_events = export(s, fmt, out), export(s, fmt, every, per="event")
        attack = s.events(EventFilter(type="ASSAULT"))[0]["incident"]
        assert json.loads(s.events_json(EventFilter(type="ASSAULT"))[0])["incident"] == attack
    # per event: the attack twice, the protest and (but for the CSV: no ACLED code) the arrest
    assert n_events == 4 - (fmt == "csv") and n == n_events - 1
    told = lambda text: sum(attack in line for line in text.splitlines())  # noqa: E731
    assert attack and told(out.getvalue()) == 1 and told(every.getvalue()) == 2


def another_report(art: Article) -> Article:
    """Return `art` as another outlet's report of the same events."""
    art.url, art.outlet = "https://other.example/kidal", "other.example"
    art.text += " More details were not given."  # not a copy of the first report
    return art


def test_an_incident_told_twice_is_one_row_with_its_reports_and_outlets(tmp_path):
    with open_store(str(tmp_path / "two.db")) as s:
        s.add([kidal_article()])
        s.add([another_report(kidal_article("kidal-2"))])
        [row] = read_csv_default(s)
        assert len(read_csv(s)) == 2
    assert row["event_id_cnty"] == row["incident"] and row["reports"] == "2"
    assert row["source"] == "example.org; other.example" and row["fatalities"] == "4"


def read_csv_default(store) -> list[dict]:
    out = io.StringIO()
    n = export(store, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(rows)
    return rows
