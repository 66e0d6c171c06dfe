"""End to end over the demo articles (our own words): the whole pipeline at once."""
import math
from pathlib import Path

import pytest

from chronicle import pipeline, settings
from chronicle.ingest import RawInput, read_paths

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "articles"
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def demo():
    arts = list(pipeline.run(read_paths([str(SAMPLES)]), settings.load()))
    return {Path(a.source or a.id).stem: a for a in arts}


def test_every_sample_processed_without_error(demo):
    assert len(demo) == len(list(SAMPLES.iterdir()))
    assert all(a.error is None for a in demo.values())


def test_drone_strike_is_coded_like_an_analyst_would(demo):
    art = demo["01_baghdad_drone"]
    ev = art.events[0]
    assert (ev.type, ev.mode) == ("ASSAULT", "drone")
    assert ev.acled == {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
    assert ev.date.value == "2021-11-07"
    assert km(ev.location.lat, ev.location.lon, 33.31, 44.37) < 25
    assert ev.injured.value == 7
    # the lead says "struck his residence": the residence is the target named in that clause
    assert any("Kadhimi" in (t.name or "") or "residence" in t.text for t in ev.targets)
    assert ev.actors == []
    kinds = {s.kind for s in art.statements}
    assert {"condemn", "deny"} <= kinds
    assert any(e.acled and e.acled["sub_event_type"] == "Disrupted weapons use" for e in art.events)


def test_car_bomb_counts(demo):
    ev = demo["03_mogadishu_bombing"].events[0]
    assert ev.type == "ASSAULT" and ev.gtd["attack_type"] == "Bombing/Explosion"
    assert (ev.killed.value, ev.injured.value) == (12, 20)
    assert ev.location.country == "SOM"


def test_protest_with_intervention(demo):
    ev = demo["04_colombo_protest"].events[0]
    assert ev.type == "PROTEST"
    assert ev.acled["event_type"] == "Protests"
    assert ev.location.country == "LKA"


def test_arrest_and_clash(demo):
    assert demo["05_lagos_arrest"].events[0].acled["sub_event_type"] == "Arrests"
    clash = demo["06_kidal_clash"].events[0]
    assert clash.acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}
    assert clash.killed.value == 23


@pytest.mark.parametrize("name", ["10_business", "11_sport"])
def test_no_violence_from_figurative_language(demo, name):
    assert not [e for e in demo[name].events if e.acled and e.acled["event_type"] in VIOLENT]


def test_html_page_is_cleaned(demo):
    art = demo["13_tripoli_clashes"]
    assert "Sign up" not in art.text and "Share this article" not in art.text
    assert art.events and art.events[0].acled["event_type"] == "Battles"


def test_bad_input_gets_error_and_run_goes_on():
    raws = [RawInput(id="empty", text=""),
            RawInput(id="binary", data=b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
            RawInput(id="ok", text="On 3 May 2021, police arrested four protesters in Minsk, "
                                   "the interior ministry said.")]
    out = list(pipeline.run(raws, settings.load()))
    assert [a.id for a in out] == ["empty", "binary", "ok"]
    assert out[0].error.code == "E001" and out[1].error.code == "E002"
    assert out[2].error is None and out[2].events


def test_dateline_places_the_story(demo):
    second = demo["02_baghdad_drone_second_report"].events[0]
    assert second.location.country == "IRQ" and km(second.location.lat, second.location.lon, 33.31, 44.37) < 25
    assert demo["13_tripoli_clashes"].events[0].location.country == "LBY"
    assert demo["07_un_condemns"].events[0].location.name.startswith("Kharkiv")


def test_two_reports_of_one_attack_merge_with_their_disagreement(demo):
    from chronicle.merge import merge_articles
    first, second = demo["01_baghdad_drone"], demo["02_baghdad_drone_second_report"]
    merger = merge_articles([first, second])
    assert first.events[0].incident == second.events[0].incident is not None
    [incident] = [r for r in merger.state.records() if r.id == first.events[0].incident]
    assert {v["value"] for v in incident.disagreements["injured"]} == {7, 6}
