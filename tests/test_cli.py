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
    assert {r["event_id_cnty"] for r in rows} == {"1:e1", "2:e1", "2:e2"}
    assert main(["export", "--db", db, "--format", "geojson", "--type", "ASSAULT"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [f["id"] for f in doc["features"]] == ["1:e1"]
    assert main(["export", "--db", db, "--format", "jsonl"]) == 0
    recs = [json.loads(x) for x in io.StringIO(capsys.readouterr().out)]
    assert [r["id"] for r in recs] == ["kidal-1", "lagos-1"]


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
