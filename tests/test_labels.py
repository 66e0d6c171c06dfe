"""A coder's label at the head of a short report is its code; sentences written for these tests."""
import pytest

from chronicle import events
from chronicle.events import rules
from chronicle.records import Article


@pytest.fixture
def run(nlp):
    def _run(text):
        art = Article(id="t", text=text, published="2022-05-01")
        art.doc = nlp(text)
        found = events.find_events(art)
        events.fill_arguments(art, found)
        events.code_events(art, found)
        return found
    return _run


@pytest.mark.parametrize("text,sub", [
    ("Looting: On 3 May 2022, a band of armed men took the harvest of two farms near the river crossing.",
     "Looting/property destruction"),
    ("Movement of forces: On 3 May 2022, a column of fighters on motorbikes went back and forth between two hamlets.",
     "Change to group/activity"),
    ("Non-violent activity: On 3 May 2022, members of an armed group preached in the market of a small town.", "Other"),
    ("Defusal: On 3 May 2022, soldiers found and destroyed an explosive device on the road to the mine.",
     "Disrupted weapons use"),
])
def test_a_labelled_note_takes_its_label_as_code(run, text, sub):
    evs = run(text)
    assert evs[0].acled == {"event_type": "Strategic developments", "sub_event_type": sub}


def test_the_label_recodes_a_violent_first_event(run):
    text = "Property destruction: On 3 May 2022, gunmen attacked a customs post at the border and wrecked its barrier."
    evs = run(text)
    assert evs[0].acled["sub_event_type"] == "Looting/property destruction"
    with rules.disabled("acled.report_label"):
        assert run(text)[0].acled["sub_event_type"] != "Looting/property destruction"


@pytest.mark.parametrize("text", [
    "Note: On 3 May 2022, unidentified gunmen shot and killed a trader in the market.",
    "On 3 May 2022, unidentified gunmen shot and killed a trader in the market. Looting: none was reported.",
])
def test_no_label_or_an_unknown_one_changes_nothing(run, text):
    evs = run(text)
    assert evs[0].acled == {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_a_long_article_has_no_label(run):
    text = "Movement of forces: a history. " + "Students marched through the capital on Monday, demanding lower fees. " * 10
    evs = run(text)
    assert evs[0].acled == {"event_type": "Protests", "sub_event_type": "Peaceful protest"}
