from chronicle.records import Actor, Article, Date, Event, Place, Span, Statement


def test_contract_fields_and_offsets():
    text = "Gunmen attacked a bus in Kano on 3 May 2021, the police said."
    art = Article(id="a1", text=text)
    ev = Event(id="e1", type="ASSAULT", trigger=Span("attacked", 7, 15), mode="firearms",
               actors=[Actor("Gunmen", 0, 6, name="Gunmen", kind="unknown")],
               location=Place("Kano", 25, 29, name="Kano", country="NGA", lat=12.0, lon=8.5,
                              precision="city"),
               date=Date("3 May 2021", 33, 43, value="2021-05-03", precision="day"))
    art.events = [ev]
    art.statements = [Statement(id="s1", cue=Span("said", 56, 60), content=Span(text[:43], 0, 43),
                                speaker=Actor("the police", 45, 55, kind="police"))]
    rec = art.to_contract()
    assert set(rec) >= {"id", "text", "events", "statements", "error"}
    e = rec["events"][0]
    for key in ("id", "type", "mode", "acled", "gtd", "status", "trigger", "actors", "targets",
                "instrument", "location", "date", "killed", "injured", "confidence"):
        assert key in e
    for span in (e["trigger"], e["actors"][0], e["location"], e["date"],
                 rec["statements"][0]["cue"], rec["statements"][0]["speaker"]):
        assert text[span["start"]:span["end"]] == span["text"]
    assert rec["statements"][0]["speaker"]["name"] is None  # unresolved: no guess


def test_fail_clears_results():
    art = Article(id="x", text="something")
    art.events = [Event(id="e1", type="PROTEST", trigger=Span("x", 0, 1))]
    art.fail("E001", "empty")
    rec = art.to_contract()
    assert rec["error"] == {"code": "E001", "message": "empty"} and rec["events"] == []
