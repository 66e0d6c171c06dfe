from chronicle.merge import merge, same_incident
from chronicle.records import Actor, Count, Date, Event, Place, Span


def drone_event(eid, injured, day="2021-11-07", lat=33.30, lon=44.39, target="Mustafa al-Kadhimi"):
    return Event(
        id=eid, type="ASSAULT", mode="drone", trigger=Span("struck", 0, 6),
        date=Date("Sunday", 0, 6, value=day, precision="day"),
        location=Place("Baghdad", 0, 7, name="Baghdad", country="IRQ", admin1="Baghdad",
                       lat=lat, lon=lon, precision="city"),
        targets=[Actor(target, 0, 5, name=target, kind="person")],
        injured=Count(injured, Span("seven", 0, 5)) if injured is not None else None,
    )


def test_two_reports_merge_and_keep_both_figures():
    incs = merge([("a1", drone_event("e1", 7)), ("a2", drone_event("e1", 6, day="2021-11-08"))])
    assert len(incs) == 1
    inc = incs[0]
    assert inc.members == [("a1", "e1"), ("a2", "e1")]
    assert inc.fields["injured"] == 7  # tie: the first report wins, both are kept
    figures = {(r.article_id, r.value) for r in inc.disagreements["injured"]}
    assert figures == {("a1", 7), ("a2", 6)}
    assert "type" not in inc.disagreements


def test_far_apart_or_days_apart_do_not_merge():
    a = drone_event("e1", 7)
    assert not same_incident(a, drone_event("e1", 7, lat=36.19, lon=44.01))  # Erbil
    assert not same_incident(a, drone_event("e1", 7, day="2021-11-12"))
    assert not same_incident(a, drone_event("e1", 7, target="Nechirvan Barzani"))


def test_verbal_events_and_same_article_never_merge():
    cond = lambda: Event(id="e2", type="ACCUSE", trigger=Span("condemned", 0, 9),
                         date=Date("x", 0, 1, value="2021-11-07", precision="day"))
    assert len(merge([("a1", cond()), ("a2", cond())])) == 2
    assert len(merge([("a1", drone_event("e1", 7)), ("a1", drone_event("e3", 7))])) == 2


def test_missing_place_or_date_stays_apart():
    a, b = drone_event("e1", 7), drone_event("e1", 7)
    b.location = None
    assert not same_incident(a, b)
