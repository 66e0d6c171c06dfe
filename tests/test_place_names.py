"""Places down to the village: name matching, people who are not places, descriptions of a
place ("the outskirts of X", "between X and Y"), on the packaged index and sentences
written for these tests."""
import pytest

from chronicle.places import mentions
from chronicle.places.gazetteer import open_gazetteer
from locating import locate, near


@pytest.fixture(scope="module")
def gaz():
    return open_gazetteer()


@pytest.mark.parametrize("text,trigger,lat,lon", [
    # Arabic articles written with a hyphen, assimilated or not, and type words after the name
    ("On 2 May 2021, a roadside bomb hit a patrol in Ad-Dujail district, Salahuddin "
     "governorate.", "hit", 33.85, 44.23),
    ("On 2 May 2021, gunmen killed a farmer in ash-Sharqat, Salahuddin.", "killed", 35.51, 43.23),
    ("On 2 May 2021, a car bomb exploded in Ras el-Ain city, Hasakah province.", "exploded",
     36.85, 40.07),
    # a village only the Who's On First extract holds
    ("On 2 May 2021, rockets hit the military base in Taji, north of Baghdad.", "hit", 33.53, 44.28),
])
def test_arabic_articles_type_words_and_villages(nlp, text, trigger, lat, lon):
    ev = locate(nlp, text, trigger)
    assert near(ev.location, lat, lon), ev.location


def test_district_placed_at_its_town_says_city(nlp):
    ev = locate(nlp, "On 2 May 2021, a car bomb exploded in Ras el-Ain city, Hasakah province.",
                "exploded")
    assert ev.location.precision == "city"


def test_joined_and_split_names_and_arabic_script(gaz):
    assert {e.id for e in gaz.lookup("Balad Ruz")} & {e.id for e in gaz.lookup("Baladruz")}
    mosul = [e for e in gaz.lookup("الموصل") if e.cc == "IQ" and e.kind == "city"]
    assert mosul and any(near(e, 36.34, 43.13) for e in mosul)


@pytest.mark.parametrize("text,trigger,bad", [
    ("A New York man was shot dead outside a bar on Friday, police said.", "shot", "GBR"),
    ("Tim Morrison, a former adviser, said the convoy was attacked on Monday.", "attacked", None),
])
def test_parts_of_names_are_no_places(nlp, text, trigger, bad):
    ev = locate(nlp, text, trigger)
    assert ev.location is None or ev.location.country != bad
    assert ev.location is None or "Morrison" not in ev.location.text


def test_a_function_word_starts_no_name(gaz):
    found = [m.text for m in mentions.find_mentions("A New report came out in Basra.", gaz)
             if m.entries]
    assert "A New" not in found and "Basra" in found


def test_a_person_named_in_the_sentence_is_not_the_place(nlp):
    ev = locate(nlp, "Gunmen shot Ahmed Hassan Ali outside his shop in Kirkuk on Tuesday.", "shot")
    assert ev.location.text == "Kirkuk" and near(ev.location, 35.47, 44.39)


def test_a_people_is_not_a_place_but_a_listed_town_is(nlp):
    ev = locate(nlp, "On 3 May 2021, rebels ambushed a convoy between Tikrit and Samarra.",
                "ambushed")
    # two towns about 50 km apart: the point between them, an area's precision
    assert near(ev.location, 34.41, 43.78, 10) and ev.location.precision == "admin2"


def test_between_far_towns_is_the_first(nlp):
    ev = locate(nlp, "On 3 May 2021, rebels ambushed a convoy on the road between Mosul and "
                     "Erbil, Iraq.", "ambushed")
    assert near(ev.location, 36.34, 43.13) and ev.location.precision == "city"


@pytest.mark.parametrize("text,trigger,lat,lon", [
    ("On 3 May 2021, an IED hit a police vehicle on the Baghdad Airport Road.", "hit", 33.34, 44.40),
    ("On 3 May 2021, gunmen attacked a checkpoint on the outskirts of Kirkuk.", "attacked",
     35.47, 44.39),
    ("On 3 May 2021, militants shelled positions in Western Mosul, Nineveh.", "shelled",
     36.34, 43.13),
    ("On 3 May 2021, pirates hijacked a fishing boat off the Coast of Lamu, Kenya.", "hijacked",
     -2.27, 40.90),
])
def test_descriptions_of_a_place_resolve_to_it(nlp, text, trigger, lat, lon):
    ev = locate(nlp, text, trigger)
    assert near(ev.location, lat, lon, 30), ev.location


def test_where_the_doers_are_from_is_not_where_the_attack_was(nlp):
    ev = locate(nlp, "On 10 May 2021, assailants in Gaza fired a rocket that struck a house in "
                     "Sderot, Israel.", "fired")
    assert ev.location.text == "Sderot" and near(ev.location, 31.52, 34.60)


def test_a_full_stop_ends_a_name(gaz):
    found = [m.text for m in mentions.find_mentions(
        "Gunmen raided a school in Mopti, Mali. No one was hurt.", gaz) if m.entries]
    assert "Mali. No" not in found and "Mali" in found


def test_a_name_before_a_number_is_an_address(gaz):
    found = [m.text for m in mentions.find_mentions(
        "A bomb went off at the Mile 3 Market in Port Harcourt.", gaz) if m.entries]
    assert "Mile" not in found and "Port Harcourt" in found


def test_residents_of_a_village_mark_it_as_a_place(nlp):
    ev = locate(nlp, "On 2 May 2021, angry residents of Taji blocked the road to protest Iraqi "
                     "power cuts.", "blocked")
    assert near(ev.location, 33.53, 44.28), ev.location


def test_actors_active_in_several_countries_cue_them_all(gaz):
    chains = mentions._chains("JNIM militants attacked a village.", [])
    assert {"MLI", "BFA"} <= mentions._country_context("JNIM militants attacked a village.", chains)
