"""Merge stage: reports of one incident from several articles become one incident with living ids.

The articles are written for these tests (invented towns, people and figures); events are coded
by hand, so no parsing is needed.
"""
from __future__ import annotations

import pytest

from chronicle.merge import MemoryState, Merger, incident_id, merge_articles, reports_of, article_key
from chronicle.merge.blocking import query_keys
from chronicle.merge.evidence import compare, fresh
from chronicle.merge.record import RULES, build
from chronicle.merge.text import TermCounts, headline, outlet, sign
from chronicle.records import Article, Count, Date, Event, Place, Span

TOWNS = {"Velmora": (44.10, 21.30), "Castrel": (45.90, 23.80), "Dunhaven": (44.15, 21.35)}


def article(doc_id: str, text: str, *, published: str, day: str, town: str = "Velmora",
            killed: int | None = None, injured: int | None = None, type_: str = "ASSAULT",
            status: str = "occurred", title: str | None = None, url: str | None = None,
            precision: str = "day", extra: list[Event] | None = None) -> Article:
    """Return an article whose one event is coded by hand from `text`."""
    lat, lon = TOWNS[town]
    at = text.index(town) if town in text else 0
    word = text.split()[1]
    trig = text.index(word)
    ev = Event(id="e1", type=type_, trigger=Span(word, trig, trig + len(word)), status=status,
               mode="firearms" if type_ == "ASSAULT" else None,
               acled={"event_type": "Violence against civilians", "sub_event_type": "Attack"},
               date=Date(text[:5], 0, 5, value=day, precision=precision),
               location=Place(town, at, at + len(town), name=town, country="SRB", admin1="Sumadija",
                              lat=lat, lon=lon, precision="city"),
               killed=Count(killed, Span(text[:3], 0, 3)) if killed is not None else None,
               injured=Count(injured, Span(text[:3], 0, 3)) if injured is not None else None)
    art = Article(id=doc_id, text=text, published=published, title=title or text[:60], url=url)
    art.events = [ev] + (extra or [])
    return art


MARKET = ("A gunman opened fire at the Velmora covered market on Saturday, killing two traders. "
          "Police named the victims as Ilsa Varnek and Tomas Brightwell. The suspect, Oren Maddox, "
          "fled in a grey van towards the river road.")
MARKET_2 = ("Two traders died when Oren Maddox opened fire in the covered market of Velmora on "
            "Saturday, police said. Ilsa Varnek and Tomas Brightwell were shot near the fish stalls; "
            "a third trader was hurt.")
MARKET_3 = ("Police in Velmora arrested Oren Maddox on Monday, two days after the covered market "
            "shooting that killed Ilsa Varnek and Tomas Brightwell.")
OTHER = ("A man was wounded in a shooting outside a bakery in Castrel early on Thursday. "
         "Neighbours said Petra Lund heard four shots before the shop owner called an ambulance.")


def market_reports() -> list[Article]:
    return [article("m1", MARKET, published="2024-05-11", day="2024-05-11", killed=2,
                     url="https://www.velmora-herald.example/market"),
            article("m2", MARKET_2, published="2024-05-12", day="2024-05-11", killed=2, injured=1,
                    url="https://news.example.org/velmora")]


def test_two_reports_of_one_shooting_are_one_incident_with_every_figure():
    arts = market_reports()
    merger = merge_articles(arts)
    first, second = (a.events[0].incident for a in arts)
    assert first == second == incident_id(reports_of(arts[0], article_key(arts[0]))[0][0].key)
    [rec] = merger.state.records()
    assert rec.id == first and rec.value("killed") == 2 and rec.value("injured") == 1
    assert [r["outlet"] for r in rec.reports] == ["velmora-herald.example", "news.example.org"]
    assert rec.reports[0]["values"]["killed"]["words"] == ["A g", 0, 3]  # every value keeps its words
    assert "killed" not in rec.disagreements and rec.fields["killed"]["rule"] == "mode"


def test_another_town_or_another_month_starts_another_incident():
    arts = market_reports() + [
        article("o1", OTHER, published="2024-05-10", day="2024-05-09", town="Castrel", injured=1),
        article("m9", "A gunman opened fire at the Velmora covered market on Friday, wounding a "
                "guard, Jonas Pell, who was taken to the county hospital.", published="2024-08-03",
                day="2024-08-02", injured=1)]
    merge_articles(arts)
    ids = [a.events[0].incident for a in arts]
    assert ids[0] == ids[1] and len(set(ids)) == 3


def test_a_report_weeks_later_is_not_compared_without_shared_rare_words():
    arts = market_reports()
    merger = merge_articles(arts)
    later = article("o2", OTHER, published="2024-09-20", day="2024-09-19", town="Castrel")
    report = reports_of(later, article_key(later))[0][0]
    sig = sign(later.title, later.text, merger.state.counts)
    assert merger.state.candidates(query_keys(report, sig)) == []


def test_verbal_events_are_never_incidents():
    text = "The mayor of Velmora condemned the shooting at the market on Sunday."
    art = article("v1", text, published="2024-05-12", day="2024-05-12", type_="ACCUSE")
    merge_articles(market_reports() + [art])
    assert art.events[0].incident is None


def test_a_follow_up_joins_and_a_restatement_follows_its_event():
    arrest = article("m3", MARKET_3, published="2024-05-13", day="2024-05-13", type_="COERCE",
                     title="Police arrest suspect in Velmora market shooting")
    arrest.events[0].mode, arrest.events[0].acled = "arrest", {"event_type": "Strategic developments",
                                                               "sub_event_type": "Arrests"}
    at = MARKET_3.index("shooting")
    arrest.events.append(Event(id="e2", type="ASSAULT", trigger=Span("shooting", at, at + 8),
                               repeats="e1"))
    arts = market_reports() + [arrest]
    merger = merge_articles(arts)
    assert arrest.events[0].incident == arts[0].events[0].incident == arrest.events[1].incident
    [rec] = merger.state.records()
    assert rec.value("type") == "ASSAULT"  # the arrest answers the shooting: it does not vote on type
    assert rec.reports[-1]["follow_up"] is True


def test_two_events_of_one_article_within_a_day_are_one_incident():
    art = market_reports()[0]
    at = MARKET.index("killing")
    art.events.append(Event(id="e2", type="ASSAULT", trigger=Span("killing", at, at + 7),
                            acled=art.events[0].acled, killed=Count(2, Span("two", 0, 3)),
                            date=Date("x", 0, 1, value="2024-05-11", precision="day")))
    merge_articles([art])
    assert art.events[1].incident == art.events[0].incident


def test_ids_live_and_a_rerun_gives_the_same_ids():
    arts = market_reports()
    merger = Merger()
    merger.add(arts[0])
    started = arts[0].events[0].incident
    merger.add(arts[1])
    assert arts[1].events[0].incident == started  # joining keeps the id
    again = market_reports()
    merge_articles(again)
    assert [a.events[0].incident for a in again] == [started, started]


def test_when_two_incidents_prove_one_the_older_id_survives_as_the_other_becomes_an_alias():
    state = MemoryState()
    merger = Merger(state)
    a = article("a", "Shots rang out in Velmora on Saturday near the grain depot of Haldor Quist.",
                published="2024-05-11", day="2024-05-11")
    b = article("b", "Castrel radio said Marit Oyelaran was shot on Saturday in a quarrel.",
                published="2024-05-11", day="2024-05-11", town="Castrel")
    merger.add(a)
    merger.add(b)
    assert a.events[0].incident != b.events[0].incident
    older, younger = a.events[0].incident, b.events[0].incident
    merger.join_at, merger.bridge_at = -50.0, -50.0  # a report that matches both, whatever it says
    c = article("c", "Haldor Quist and Marit Oyelaran: one quarrel, two towns, Saturday.",
                published="2024-05-12", day="2024-05-11")
    merger.add(c)
    assert c.events[0].incident == older
    assert merger.resolve(younger) == older and state.aliases == {younger: older}
    [rec] = state.records()
    assert rec.aliases == [younger] and rec.merges[0]["absorbed"] == [younger]


def test_a_wire_copy_is_marked_and_does_not_vote():
    copy = market_reports()[0]
    copy.id, copy.url = "m1-reprint", "https://reprints.example.net/x"
    copy.text = copy.text + " "  # a reprint: another page, the same story
    copy.events[0].killed = Count(3, Span("A g", 0, 3))
    merger = merge_articles(market_reports() + [copy])
    [rec] = merger.state.records()
    assert rec.reports[-1]["copy_of"] is not None
    assert rec.value("killed") == 2  # two sources say 2; the reprint's 3 is listed, not counted
    assert {str(v["value"]) for v in rec.disagreements["killed"]} == {"2", "3"}


def test_evidence_follows_precision_and_freshness():
    a, b = market_reports()
    ra, rb = (reports_of(x, article_key(x))[0][0] for x in (a, b))
    counts = TermCounts()
    sa, sb = sign(a.title, a.text, counts), sign(b.title, b.text, counts)
    near = compare(ra, sa, rb, sb, counts)
    assert near.parts["date"] > 0 and near.parts["place"] > 0 and near.parts["names"] > 0
    rb.date, rb.published = "2024-07-20", "2024-07-21"
    assert fresh(rb) and compare(ra, sa, rb, sb, counts).parts["date"] < 0
    rb.date_precision = "month"
    rb.date = "2024-05"
    assert compare(ra, sa, rb, sb, counts).parts["date"] > 0  # a month holds the day


@pytest.mark.parametrize("rule,expected", [("mode", 2), ("latest", 4), ("max", 5)])
def test_count_rules(rule, expected):
    reports = []
    for n, (killed, published) in enumerate([(2, "2024-05-11"), (5, "2024-05-10"), (2, "2024-05-12"),
                                             (4, "2024-05-13")]):
        art = article(f"k{n}", MARKET, published=published, day="2024-05-11", killed=killed)
        art.text += " " * n
        reports.append(reports_of(art, article_key(art))[0][0])
    assert RULES[rule]([(r, r.killed) for r in reports])[1] == expected
    assert build("inc-x", reports, chosen={"killed": rule}).fields["killed"]["rule"] == rule


def test_outlet_and_headline():
    assert outlet("http://www.kxyz-news.example:80/a") == "kxyz-news.example"
    assert outlet(None, "VELMORA (AP) - A gunman ...") == "AP"
    assert headline("Man shot in Velmora market - KXYZ News 4 Velmora") == "Man shot in Velmora market"
    assert headline("Police: man shot") == "Police: man shot"
