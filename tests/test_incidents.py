"""Incidents in the store, the command line, the API and exports; incremental ingest.

The articles are generated for these tests from invented towns, people and figures; the
demo's two Baghdad reports (samples/articles, written for the project) go through the
whole pipeline.
"""
from __future__ import annotations

import csv
import io
import json
import random

import pytest

from chronicle.cli import main
from chronicle.export import export
from chronicle.merge import merge_articles
from chronicle.records import Article, Count, Date, Event, Place, Span
from chronicle.store import IncidentFilter, open_store

TOWNS = [("Velmora", 44.10, 21.30), ("Castrel", 45.90, 23.80), ("Dunhaven", 43.20, 20.10),
         ("Orlak", 46.70, 19.50), ("Pessin", 42.80, 22.90)]
FIRST = ["Ilsa", "Tomas", "Oren", "Marit", "Haldor", "Petra", "Jonas", "Alba", "Rurik", "Senna"]
LAST = ["Varnek", "Brightwell", "Maddox", "Oyelaran", "Quist", "Lund", "Pell", "Farrow", "Tesk", "Ivel",
        "Corrin", "Ashgrove", "Delacey", "Morrow", "Penhale", "Thorne", "Wyck", "Yarrow", "Zell", "Brannock",
        "Cade", "Elsworth", "Fenn", "Grieve"]
PLACES = ["covered market", "bus depot", "grain silo", "ferry landing", "school gym", "night club"]
OPENINGS = ["{n} people were shot at the {p} in {t} on {d}, police said.",
            "Police in {t} said a gunman opened fire at the {p} on {d}, hitting {n} people.",
            "A shooting at the {p} in {t} left {n} people wounded on {d}."]


def generated(seed: int = 7, incidents: int = 12) -> list[Article]:
    """Return articles on invented shootings, two to four reports each, in publication order."""
    rnd = random.Random(seed)
    arts = []
    for k in range(incidents):
        town, lat, lon = TOWNS[k % len(TOWNS)]
        day = f"2024-{1 + k:02d}-{3 + (k * 7) % 20:02d}"  # one a month
        victim, suspect = f"{rnd.choice(FIRST)} {LAST[2 * k]}", f"{rnd.choice(FIRST)} {LAST[2 * k + 1]}"
        place, hurt = PLACES[k % len(PLACES)], 2 + k % 4
        for j in range(2 + k % 3):
            street = ["Alder", "Quarry", "Beacon", "Mill", "Tanner", "Orchard"][k % 6] + " Street"
            text = (OPENINGS[(j + k) % 3].format(n=hurt + (j == 2), p=place, t=town, d="Saturday")
                    + f" Witnesses named {victim} among the victims on {street}. Officers are looking"
                    f" for {suspect}, who drove off in a {rnd.choice(['red', 'grey', 'white'])} car.")
            pub = f"{day[:8]}{int(day[8:]) + j:02d}"
            art = Article(id=f"g{k}-{j}", text=text, published=pub, title=text[:50],
                          url=f"https://outlet{j}.example/{k}")
            at = text.index(town)
            art.events = [Event(
                id="e1", type="ASSAULT", trigger=Span(text.split()[1], text.index(text.split()[1]),
                                                      text.index(text.split()[1]) + len(text.split()[1])),
                mode="firearms", acled={"event_type": "Violence against civilians", "sub_event_type": "Attack"},
                date=Date("Saturday", text.index("Saturday"), text.index("Saturday") + 8, value=day,
                          precision="day"),
                location=Place(town, at, at + len(town), name=town, country="SRB", admin1="X",
                               lat=lat, lon=lon, precision="city"),
                injured=Count(hurt + (j == 2), Span(text[:1], 0, 1)))]
            arts.append(art)
    arts.sort(key=lambda a: (a.published, a.id))
    return arts


def assignment(store) -> dict[str, str]:
    return {rec["id"]: rec["events"][0]["incident"] for rec in store.contract_records()}


def test_ingest_in_two_halves_gives_the_incidents_of_one_run(tmp_path):
    arts = generated()
    with open_store(str(tmp_path / "one.db")) as one:
        one.add(arts)
        whole, records = assignment(one), one.incidents(IncidentFilter(limit=None))
    half = len(arts) // 2
    for part in (arts[:half], arts[half:]):  # two runs, the store closed between them
        with open_store(str(tmp_path / "two.db")) as two:
            for n in range(0, len(part), 5):  # and several batches within each run
                two.add(generated()[: len(arts)][arts.index(part[0]) + n: arts.index(part[0]) + n + 5])
    with open_store(str(tmp_path / "two.db")) as two:
        assert assignment(two) == whole
        again = two.incidents(IncidentFilter(limit=None))
    assert [(r["id"], r["fields"], r["n_reports"]) for r in again] == \
        [(r["id"], r["fields"], r["n_reports"]) for r in records]
    assert len(set(whole.values())) == 12  # one incident per invented shooting
    memory = generated()
    merge_articles(memory)  # `chronicle extract` merges the same way, with the same ids
    assert {a.id: a.events[0].incident for a in memory} == whole


def test_rerun_adds_nothing_and_keeps_ids(tmp_path):
    db = str(tmp_path / "c.db")
    with open_store(db) as s:
        s.add(generated())
        before = assignment(s)
        again = s.add(generated())
        assert again.articles == 0 and again.events == 0  # the same inputs again: nothing new
        assert assignment(s) == before


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "c.db")
    with open_store(path) as s:
        s.add(generated())
    return path


def test_incidents_command_lists_filters_and_shows(db, capsys):
    assert main(["incidents", "--db", db, "--min-reports", "4"]) == 0
    out = capsys.readouterr().out
    lines = [x for x in out.splitlines() if x.startswith("inc-")]
    assert len(lines) == 4 and all("(4 reports, 4 articles)" in x for x in lines)
    assert "reports differ on injured" in out
    assert main(["incidents", "--db", db, "--since", "2024-05-01"]) == 0
    dated = [x.split()[1] for x in capsys.readouterr().out.splitlines() if x.startswith("inc-")]
    assert dated and all(d >= "2024-05-01" for d in dated)
    inc = lines[0].split()[0]
    assert main(["show", inc, "--db", db]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith(f"Incident {inc}: ASSAULT (4 reports from 4 articles)")
    assert "[rule: mode]" in shown and "outlet3.example" in shown


def test_api_lists_incidents_with_their_reports(db):
    from fastapi.testclient import TestClient
    from chronicle.api.app import create_app
    client = TestClient(create_app(db))
    got = client.get("/incidents", params={"min_reports": 3}).json()["incidents"]
    assert got and all(len(i["reports"]) == i["n_reports"] >= 3 for i in got)
    one = client.get(f"/incidents/{got[0]['id']}").json()
    assert one["id"] == got[0]["id"] and one["reports"][0]["url"].startswith("https://outlet")
    assert client.get("/incidents/inc-0000000000000000").status_code == 404


def test_one_row_per_incident_in_the_api_page_and_cli(db, capsys):
    from fastapi.testclient import TestClient
    from chronicle.api.app import create_app
    client = TestClient(create_app(db))
    every = client.get("/events", params={"limit": 1000}).json()
    once = client.get("/events", params={"limit": 1000, "incidents": "true"}).json()
    assert every["total"] == len(generated()) and once["total"] == 12
    assert sorted(e["incident"] for e in once["events"]) == sorted({e["incident"] for e in every["events"]})
    page = client.get("/", params={"incidents": "1"})
    assert page.status_code == 200 and 'name="incidents" value="1" checked' in page.text
    assert 'data-total="12"' in page.text and "/export.csv?incidents=1" in page.text
    assert main(["events", "--db", db, "--per-incident", "--limit", "100"]) == 0
    assert len([x for x in capsys.readouterr().out.splitlines() if x[:1].isdigit()]) == 12


def test_exports_count_each_incident_once(db):
    with open_store(db) as s:
        events, per = io.StringIO(), io.StringIO()
        assert export(s, "csv", events, per="event") == len(generated())
        assert export(s, "csv", per) == 12
    rows = list(csv.DictReader(io.StringIO(events.getvalue())))
    assert len({r["incident"] for r in rows}) == 12
    incidents = list(csv.DictReader(io.StringIO(per.getvalue())))
    assert sorted(r["event_id_cnty"] for r in incidents) == sorted({r["incident"] for r in rows})
    assert sum(int(r["reports"]) for r in incidents) == len(rows)


def test_extract_writes_one_incident_id_per_incident_across_the_file(tmp_path, monkeypatch):
    import chronicle.workers
    arts = generated()
    monkeypatch.setattr(chronicle.workers, "run", lambda raws, s: (a for a in arts))
    src = tmp_path / "in.jsonl"
    src.write_text("")
    out, side = tmp_path / "out.jsonl", tmp_path / "incidents.jsonl"
    assert main(["extract", str(src), "-o", str(out), "--incidents", str(side)]) == 0
    recs = [json.loads(x) for x in out.read_text().splitlines()]
    ids = {r["id"]: r["events"][0]["incident"] for r in recs}
    assert len(set(ids.values())) == 12
    records = [json.loads(x) for x in side.read_text().splitlines()]
    assert sorted(r["id"] for r in records) == sorted(set(ids.values()))


def test_demo_reports_of_the_baghdad_drone_strike_stay_one_incident(tmp_path, capsys):
    db = str(tmp_path / "demo.db")
    assert main(["ingest", "samples/articles", "--db", db]) == 0
    capsys.readouterr()
    assert main(["incidents", "--db", db, "--min-reports", "2"]) == 0
    out = capsys.readouterr().out
    assert "(2 reports, 2 articles)" in out and "Baghdad" in out
    assert "reports differ on injured: 7 (01_baghdad_drone:e1); 6 (02_baghdad_drone_second_report:e1)" in out
    assert "reports differ on status: occurred (01_baghdad_drone:e1); attempted" in out
    out_csv = tmp_path / "demo.csv"
    assert main(["export", "--db", db, "-o", str(out_csv)]) == 0
    rows = list(csv.DictReader(out_csv.open()))
    assert len({r["incident"] for r in rows}) == len(rows)  # the default export: each incident once
    baghdad = [r for r in rows if r["location"] == "Baghdad"]
    assert len(baghdad) == 1 and baghdad[0]["reports"] == "2"
    assert baghdad[0]["source"].count(";") == 1  # both outlets


def test_extract_resumed_after_a_stop_gives_the_incidents_of_one_run(tmp_path, monkeypatch):
    import chronicle.workers
    arts = {a.id: a for a in generated()}
    # The fake pipeline gives the generated article for each input id it is handed, so a
    # resumed run gets only the inputs after the records already written.
    monkeypatch.setattr(chronicle.workers, "run", lambda raws, s: (arts[r.id] for r in raws))
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": "x"}) + "\n" for i in arts))
    whole, part = tmp_path / "whole.jsonl", tmp_path / "part.jsonl"
    assert main(["extract", str(src), "-o", str(whole)]) == 0
    lines = whole.read_text().splitlines(keepends=True)
    told = [json.loads(x)["events"][0]["incident"] for x in lines]
    cut = next(i for i in range(len(lines) // 2, len(lines)) if told[i] == told[i - 1])
    part.write_text("".join(lines[:cut]) + lines[cut][:20])  # stopped mid-line, inside an incident
    arts = {a.id: a for a in generated()}  # fresh events: the first run set their incidents
    assert main(["extract", str(src), "-o", str(part), "--resume"]) == 0

    def ids(path):
        return {r["id"]: r["events"][0]["incident"] for r in map(json.loads, path.read_text().splitlines())}
    assert ids(part) == ids(whole) and len(set(ids(whole).values())) == 12
