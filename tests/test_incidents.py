from chronicle.cli import main
from chronicle.records import Article, Count, Date, Event, Place, Span
from chronicle.store import open_store


def report(doc_id, injured, text):
    art = Article(id=doc_id, text=text)
    art.events = [Event(
        id="e1", type="ASSAULT", mode="drone", trigger=Span(text[:5], 0, 5),
        acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
        date=Date("Sunday", 0, 6, value="2021-11-07", precision="day"),
        location=Place("Baghdad", 0, 7, name="Baghdad", country="IRQ", admin1="Baghdad",
                       lat=33.34, lon=44.40, precision="city"),
        injured=Count(injured, Span(text[:5], 0, 5)))]
    return art


def test_incidents_lists_merged_reports_and_their_disagreement(tmp_path, capsys):
    db = str(tmp_path / "c.db")
    store = open_store(db)
    store.add([report("first", 7, "Drone hit the residence, seven guards hurt."),
               report("second", 6, "Drone hit the house, six bodyguards injured.")])
    store.close()
    assert main(["incidents", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "(2 reports)" in out
    assert "reports differ on injured: 7 (first:e1); 6 (second:e1)" in out
