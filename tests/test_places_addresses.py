"""Places in local news: streets, blocks, state abbreviations and city parts, on sentences
written for these tests and the packaged index."""
import pytest

from chronicle.places.evidence import inferred_countries, without_people
from chronicle.places.gazetteer import open_gazetteer
from chronicle.places.locate import find_dateline
from chronicle.places.mentions import _chains, find_mentions
from locating import locate, near


@pytest.fixture(scope="module", autouse=True)
def gazetteer():
    """The packaged index (villages and all): built once into the cache folder."""
    return open_gazetteer()


@pytest.mark.parametrize("text, street", [
    # a town's name before a street word names the street, not the town
    ("A woman was shot on Maryland Drive on Friday, police said.", "Maryland"),
    ("Two men were shot on Capital Boulevard late Sunday.", "Capital"),
    ("A teenager was shot outside a store on Saratoga Ave. on Friday.", "Saratoga"),
    # so does the name after "the ... block of"
    ("A man was shot in the 1700 block of South Hamilton on Friday, police said.", "Hamilton"),
])
def test_street_names_are_no_towns(nlp, text, street):
    ev = locate(nlp, text, "shot")
    assert ev.location is None or street not in ev.location.text, ev.location


@pytest.mark.parametrize("text, lat, lon", [
    ("BEDFORD, N.H. - A man was shot at his home on Friday, police said.", 42.95, -71.52),
    ("A man was shot in Columbia, S.C. on Friday.", 34.00, -81.03),
    ("A man was shot in Portland, OR on Friday.", 45.52, -122.68),
    ("A boy was found dead from a gunshot wound in Cooper County, MO. on Saturday.", 38.85, -92.80),
])
def test_dotted_and_postal_state_abbreviations_choose_the_namesake(nlp, text, lat, lon):
    ev = locate(nlp, text, "shot" if "shot" in text else "dead")
    assert ev.location.country == "USA" and near(ev.location, lat, lon, km=40), ev.location


def test_postal_code_of_another_province_is_not_read(nlp):
    # "TN" is Tamil Nadu here: Chennai has no namesake in Tennessee
    ev = locate(nlp, "About 2,000 workers held a protest in Chennai city (Chennai, TN) on Friday.",
                "protest")
    assert ev.location.country == "IND" and near(ev.location, 13.08, 80.27)


@pytest.mark.parametrize("text, lat, lon", [
    ("Police shot and wounded a man in Southeast Portland after a report of a gunman.",
     45.52, -122.68),
    ("A man was shot dead in Southeast D.C. on Friday.", 38.90, -77.03),
    ("Four people were wounded in a West Side shooting in Chicago on Friday.", 41.88, -87.63),
])
def test_compass_parts_of_a_city_are_that_city(nlp, text, lat, lon):
    ev = locate(nlp, text, "shot" if "shot" in text else "shooting")
    assert near(ev.location, lat, lon, km=30), ev.location


def test_a_province_named_anywhere_tells_the_country(nlp):
    # Chelsea in England is larger; Massachusetts, named without "in", says which is meant
    ev = locate(nlp, "A man was shot in Chelsea on Friday. Massachusetts lawmakers called for "
                     "calm.", "shot")
    assert ev.location.country == "USA" and near(ev.location, 42.39, -71.03)


@pytest.mark.parametrize("text, trigger, name", [
    ("Young was shot about a mile from his home on Friday, police said.", "shot", "Young"),
    ("A replica firearm was found near Hayes' body after the shooting.", "shooting", "Hayes"),
    ("The shooting happened at the Richmond Place Apartments on Friday.", "shooting", "Richmond"),
])
def test_people_and_buildings_named_like_towns_are_no_places(nlp, text, trigger, name):
    ev = locate(nlp, text, trigger)
    assert ev.location is None or name not in ev.location.text, ev.location


@pytest.mark.parametrize("text, name", [
    ("\"We are heartbroken,\" said Brighton after the shooting.", "Brighton"),
    ("Lodi told reporters the boy was shot twice.", "Lodi"),
])
def test_names_said_as_people_or_titles_are_no_mentions(nlp, gazetteer, text, name):
    kept = without_people(text, find_mentions(text, gazetteer), nlp(text))
    assert not any(m.text == name and m.entries for m in kept)


def test_a_title_is_no_place_name(gazetteer):
    text = "The boy was shot twice, Sgt. Dan Smith said."
    assert not any(m.text == "Sgt" and m.entries for m in find_mentions(text, gazetteer))


def test_dateline_region_is_a_province_not_a_town_so_named(gazetteer):
    found = find_dateline("LEBANON, Ohio (Wire) -- A teenager was shot on Saturday.", gazetteer)
    assert found is not None and found[2].admin1 == "Ohio"


@pytest.mark.parametrize("text, lat, lon", [
    # the dateline's city makes its own neighbourhood the reading of a name namesakes share
    ("CHICAGO (Wire) - A four-year-old boy playing outside his home in Englewood was shot on "
     "Wednesday evening.", 41.78, -87.64),
    # the dateline's region holds its city, as a province, not as a town of that name
    ("LEBANON, Ohio (Wire) -- A teenager was accidentally shot in Lebanon on Saturday.",
     39.44, -84.21),
])
def test_dateline_city_holds_the_names_of_the_report(nlp, text, lat, lon):
    ev = locate(nlp, text, "shot")
    assert ev.location.country == "USA" and near(ev.location, lat, lon), ev.location


@pytest.mark.parametrize("text, name", [
    ("The shooting was reported at 9:40 p.m. EST on Friday.", "EST"),  # a time zone, not Estonia
    ("Most of the victims were shot near the Jumbo Sports Bar and Grill on Friday.", "Most"),
    ("Two men were shot at the Jumbo Sports Bar and Grill on Friday.", "Bar"),
    ("He was taken by the Fire Department to a hospital.", "Fire"),
    ("A boy shot himself in the neck at a home in New Orleans East, police said.", "East"),
    ("The boy was shot on Christmas morning, police said.", "Christmas"),
    ("Acme Corporation said its guard was shot.", "Corporation"),
])
def test_words_that_name_no_place_here(gazetteer, text, name):
    assert not any(m.text == name and m.entries for m in find_mentions(text, gazetteer))


def test_a_first_name_speaks_for_no_country(gazetteer):
    # "David" is a large town in Panama; in "David Smith" it is a man's first name, even
    # where the parser does not tell it is a person
    text = "David Smith, 34, was shot on Friday night, police said."
    assert "PAN" not in inferred_countries(_chains(text, find_mentions(text, gazetteer)))


@pytest.mark.parametrize("text", [
    "A man was shot inside a home on the Southwest Side on Thursday morning.",
    "Another man was shot in Southeast about 1 a.m. Saturday, police said.",
])
def test_a_quadrant_of_a_city_is_no_province_abroad(nlp, text):
    ev = locate(nlp, text, "shot")
    assert ev.location is None or ev.location.country == "USA", ev.location
