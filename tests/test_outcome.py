"""Failed attacks (status attempted) and disrupted devices, on reports written for these tests."""
import pytest

from chronicle import events
from chronicle.records import Article


@pytest.fixture
def main_event(nlp):
    def _run(text):
        art = Article(id="t", text=text, published="2023-06-01")
        art.doc = nlp(text)
        found = events.find_events(art)
        events.fill_arguments(art, found)
        events.code_events(art, found)
        assert found, text
        return found[0]
    return _run


@pytest.mark.parametrize("text", [
    "Police found and defused a bomb planted beside the school gate. No one was hurt.",
    "Air defences intercepted two drones launched toward the airport. There were no casualties.",
])
def test_a_disrupted_device_is_a_failed_bombing(main_event, text):
    ev = main_event(text)
    assert ev.status == "attempted"
    assert ev.gtd == {"attack_type": "Bombing/Explosion", "weapon_type": "Explosives"}
    assert ev.acled["sub_event_type"] == "Disrupted weapons use"


def test_a_device_that_went_off_and_killed_is_no_failure(main_event):
    ev = main_event("A roadside bomb exploded beside a bus near the bridge, killing three passengers.")
    assert ev.status == "occurred"


@pytest.mark.parametrize("text, status", [
    ("Gunmen attacked the army post on the hill but were repelled by the soldiers. Two gunmen were killed.",
     "attempted"),
    ("Gunmen attacked the army post on the hill and killed four soldiers before they were repelled.",
     "occurred"),
])
def test_a_repelled_attack_failed_unless_it_hurt_someone(main_event, text, status):
    assert main_event(text).status == status


def test_harm_said_not_to_have_happened_is_no_harm(main_event):
    ev = main_event("Militants fired three rockets at the town. The rockets were intercepted and no one was injured.")
    assert ev.status == "attempted"


@pytest.mark.parametrize("text", [
    "Gunmen opened fire on Mayor Elena Voss outside her office in the town. She escaped unhurt.",
    "Gunmen opened fire on the provincial governor's convoy. The governor was wounded in the attack.",
])
def test_an_assassination_whose_target_lived_failed(main_event, text):
    ev = main_event(text)
    assert ev.gtd["attack_type"] == "Assassination"
    assert ev.status == "attempted"


def test_an_assassination_that_killed_succeeded(main_event):
    ev = main_event("Gunmen shot dead the provincial governor outside his home. Two guards were wounded.")
    assert ev.status == "occurred"
