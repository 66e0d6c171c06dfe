"""CLI: every command through `chronicle.cli.main`, on own-written articles."""
from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from chronicle.cli import main
from chronicle.records import Actor, Event
from chronicle.store import open_store
from test_store import kidal_article, lagos_article

# Written for these tests; the events are invented.
ARTICLES = {
    "harbour.txt": "Two fishing boats were seized by the coast guard near the harbour of Berbera on "
                   "Tuesday, officials said. The crews were released later the same day.",
    "assembly.txt": "Teachers gathered outside the regional assembly in Kisumu on Monday to demand "
                    "unpaid salaries. The education minister said talks would resume next week.",
    "short.txt": "Too short.",
}


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "coded.db")
    with open_store(path) as s:
        s.add([kidal_article(), lagos_article()])
    return path


def test_ingest_stores_everything_once_and_reports_counts(folder, tmp_path, capsys):
    path = str(tmp_path / "c.db")
    assert main(["ingest", str(folder), "--db", path, "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "stored 3 articles (1 with errors)" in err
    assert main(["ingest", str(folder), "--db", path]) == 0
    assert "stored 0 articles" in capsys.readouterr().err
    con = sqlite3.connect(path)
    rows = con.execute("SELECT doc_id, error_code FROM articles ORDER BY doc_id").fetchall()
    assert [r[0] for r in rows] == ["assembly", "harbour", "short"]
    assert dict(rows)["short"] == "E001" and dict(rows)["harbour"] is None
    # Whatever the extraction stages find, `events` prints a table or says none match.
    assert main(["events", "--db", path]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("ID") or "no events match" in out.err


def test_ingest_a_jsonl_file(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"j{i}", "text": t, "published": "2024-05-02"})
                             for i, t in enumerate(ARTICLES.values())) + "\n", encoding="utf-8")
    path = str(tmp_path / "j.db")
    assert main(["ingest", str(src), "--db", path]) == 0
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM articles WHERE published = '2024-05-02'").fetchone()[0] == 3


def test_events_table_and_filters(db, capsys):
    assert main(["events", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["ID", "DATE", "TYPE"] and len(lines) == 2 + 3
    assert main(["events", "--db", db, "--type", "ASSAULT", "--country", "MLI",
                 "--since", "2024-01-01", "--until", "2024-12-31", "--text", "police"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and lines[2].startswith("1:e1") and "Kidal, MLI" in lines[2]
    assert main(["events", "--db", db, "--text", "volcano"]) == 0
    assert "no events match" in capsys.readouterr().err


def test_show_marks_trigger_and_arguments_without_ansi_when_piped(db, capsys):
    assert main(["show", "1:e1", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    assert "[attacked]trigger" in out and "[gunmen]actor" in out and "[Kidal]place" in out
    assert "Violence against civilians / Attack" in out
    assert "Statements about this event:" in out and "condemn" in out and "via Reuters" in out


def test_show_uses_ansi_on_a_terminal(db, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["show", "1:e1", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "\x1b[1;31mattacked\x1b[0m" in out


def test_show_unknown_event(db, capsys):
    assert main(["show", "7:e3", "--db", db]) == 1
    assert "no event" in capsys.readouterr().err


def test_terminal_escapes_in_article_text_never_reach_the_terminal(tmp_path, capsys):
    art = kidal_article()
    art.events[0].actors = [Actor("gunmen", art.text.index("gunmen"), art.text.index("gunmen") + 6,
                                  name="gunmen\x1b]0;owned\x07\x1b[2J")]
    path = str(tmp_path / "e.db")
    with open_store(path) as s:
        s.add([art])
    assert main(["events", "--db", path]) == 0
    assert main(["show", "1:e1", "--db", path]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out


def test_statements_filters(db, capsys):
    assert main(["statements", "--db", db, "--speaker", "spokesman"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and lines[2].startswith("1:s1") and "condemn" in lines[2]
    assert main(["statements", "--db", db, "--event", "1:e1", "--kind", "condemn"]) == 0
    assert "1:s1" in capsys.readouterr().out
    assert main(["statements", "--db", db, "--kind", "threaten"]) == 0
    assert "no statements match" in capsys.readouterr().err


def test_export_each_format(db, tmp_path, capsys):
    out = tmp_path / "e.csv"
    assert main(["export", "--db", db, "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    # The arrest in Lagos has no ACLED code, so ACLED's layout has no row for it; each row
    # is an incident (by default) with one report here.
    assert len(rows) == 2 and all(r["event_id_cnty"] == r["incident"] and r["reports"] == "1" for r in rows)
    assert main(["export", "--db", db, "--format", "geojson", "--type", "ASSAULT", "--per", "event"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [f["id"] for f in doc["features"]] == ["1:e1"]
    assert main(["export", "--db", db, "--format", "jsonl", "--per", "event"]) == 0
    recs = [json.loads(x) for x in io.StringIO(capsys.readouterr().out)]
    assert sorted(r["id"] for r in recs) == ["1:e1", "2:e1", "2:e2"]
    assert main(["export", "--db", db, "--format", "contract"]) == 0
    recs = [json.loads(x) for x in io.StringIO(capsys.readouterr().out)]
    assert [r["id"] for r in recs] == ["kidal-1", "lagos-1"]
    assert main(["export", "--db", db, "--statements", "--kind", "condemn"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["id"], r["kind"], r["via"], r["event_id"]) for r in rows] == [("1:s1", "condemn", "Reuters", "1:e1")]


def test_reading_a_missing_store_says_what_to_do(tmp_path):
    for command in (["events"], ["show", "1:e1"], ["statements"], ["export"], ["serve"]):
        with pytest.raises(SystemExit, match="chronicle ingest"):
            main(command + ["--db", str(tmp_path / "none.db")])
    assert not (tmp_path / "none.db").exists()


def test_extract_still_writes_contract_records(folder, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out)]) == 0
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 3 and all({"id", "text", "events", "statements", "error"} <= set(r)
                                  for r in recs)


def test_statements_mark_an_unnamed_source(tmp_path, capsys):
    art = kidal_article()
    art.statements[0].speaker.anonymous = True
    path = str(tmp_path / "anon.db")
    with open_store(path) as s:
        s.add([art])
    assert main(["statements", "--db", path]) == 0
    out = capsys.readouterr().out
    assert "governor's spokesman (anonymous)" in out and "Malian army (anonymous)" not in out


def test_events_show_which_event_a_repeat_restates(tmp_path, capsys):
    art = kidal_article()
    main_ev = art.events[0]
    again = Event.from_dict(dict(main_ev.to_dict(), id="e2", acled=None, gtd=None, repeats="e1"))
    art.events.append(again)
    path = str(tmp_path / "rep.db")
    with open_store(path) as s:
        s.add([art])
    assert main(["events", "--db", path]) == 0
    assert "(repeats e1)" in capsys.readouterr().out


@pytest.mark.parametrize("argv, words", [
    (["events", "--type", "FOO"], "unknown event type 'FOO'"),
    (["events", "--since", "yesterday"], "'yesterday' is not a date"),
    (["events", "--since", "2021-13-01"], "'2021-13-01' is not a real date"),
    (["events", "--until", "2021-02-30"], "'2021-02-30' is not a real date"),
    (["events", "--since", "2022-01-01", "--until", "2021-12-31"], "ends (2021-12-31) before it starts"),
    (["events", "--status", "happened"], "unknown status 'happened'"),
    (["events", "--mode", "laser"], "unknown mode 'laser'"),
    (["events", "--country", "Atlantis"], "unknown country 'Atlantis'"),
    (["events", "--sort", "colour"], "unknown sort key 'colour'"),
    (["events", "--min-casualties", "-1"], "min_casualties: must be 0 or more"),
    (["statements", "--kind", "bogus"], "unknown statement kind 'bogus'"),
    (["export", "--sub-event", "Picnic"], "unknown ACLED sub-event type 'Picnic'"),
    (["export", "--statements", "--kind", "bogus"], "unknown statement kind 'bogus'"),
])
def test_nonsense_filters_are_refused_with_status_2(db, capsys, argv, words):
    assert main(argv + ["--db", db]) == 2
    err = capsys.readouterr().err
    assert words in err and err.startswith("chronicle: error:")


def test_argument_errors_exit_2(db, capsys):
    for argv in (["events", "--limit", "0"], ["events", "--min-casualties", "many"],
                 ["export", "--format", "xlsx"]):
        with pytest.raises(SystemExit) as stop:
            main(argv + ["--db", db])
        assert stop.value.code == 2


def test_new_filters_select_and_sort(db, capsys):
    assert main(["events", "--db", db, "--status", "occurred", "--mode", "firearms"]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()[2:]] == ["1:e1"]
    assert main(["events", "--db", db, "--min-casualties", "5"]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()[2:]] == ["1:e1"]
    assert main(["events", "--db", db, "--actor", "unidentified GUNMEN"]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()[2:]] == ["1:e1"]
    assert main(["events", "--db", db, "--sort", "date"]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()[2:]] == ["2:e1", "2:e2", "1:e1"]
    assert main(["events", "--db", db, "--sub-event", "peaceful protest"]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()[2:]] == ["2:e1"]
    assert main(["events", "--db", db, "--limit", "1", "--offset", "1"]) == 0
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == 3 and "(2-2 of 3;" in out.err


@pytest.mark.parametrize("env, words", [
    ({"CHRONICLE_BATCH_SIZE": "lots"}, "batch_size (CHRONICLE_BATCH_SIZE) must be a whole number, not 'lots'"),
    ({"CHRONICLE_WORKERS": "0"}, "workers (CHRONICLE_WORKERS) must be at least 1"),
    ({"CHRONICLE_SETTINGS": "/nowhere/chronicle.toml"}, "CHRONICLE_SETTINGS names /nowhere/chronicle.toml"),
])
def test_bad_settings_are_refused_naming_the_setting(folder, tmp_path, capsys, monkeypatch, env, words):
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert main(["ingest", str(folder), "--db", str(tmp_path / "s.db")]) == 2
    assert words in capsys.readouterr().err


def test_parquet_export_reads_back_with_numbers(db, tmp_path, capsys):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "e.parquet"
    assert main(["export", "--db", db, "--format", "parquet", "-o", str(out), "--per", "event"]) == 0
    table = pq.read_table(out)
    rows = {r["id"]: r for r in table.to_pylist()}
    assert set(rows) == {"1:e1", "2:e1", "2:e2"}
    assert rows["1:e1"]["killed"] == 4 and rows["1:e1"]["year"] == 2024
    assert rows["1:e1"]["latitude"] == 18.44 and rows["1:e1"]["actors"] == ["Unidentified gunmen"]
    assert str(table.schema.field("killed").type) == "int64"
