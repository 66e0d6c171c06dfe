"""Places: provinces and countries whose names hold "and" or "of the", organisation names, name
lists that end in a country, and provinces split since a report (sentences written for these tests)."""
import pytest

from chronicle.places.gazetteer import open_gazetteer
from locating import locate, near


@pytest.fixture(scope="module", autouse=True)
def gazetteer():
    return open_gazetteer()


def test_province_named_with_and_holds_its_town(nlp):
    ev = locate(nlp, "03/02/2021: Militants threw a grenade at a police picket in Pampore, "
                     "Jammu and Kashmir, India. Nobody was hurt.", "threw")
    assert ev.location.text == "Pampore" and near(ev.location, 34.02, 74.93)


def test_country_named_with_of_the(nlp):
    ev = locate(nlp, "04/05/2021: Rebels burned houses in Masisi, North Kivu, Democratic "
                     "Republic of the Congo. Two people died.", "burned")
    assert ev.location.country == "COD" and ev.location.text == "Masisi"


def test_word_of_an_organisation_name_is_no_place(nlp):
    ev = locate(nlp, "05/06/2021: Militants fired at a Central Reserve Police Force camp in "
                     "Pampore, Jammu and Kashmir, India. One officer was hurt.", "fired")
    assert ev.location.text == "Pampore" and near(ev.location, 34.02, 74.93)


def test_town_in_a_province_split_since(nlp):
    ev = locate(nlp, "06/07/2021: Gunmen shot a road worker in Merauke, Papua, Indonesia. "
                     "He died on the way to hospital.", "shot")
    assert ev.location.text == "Merauke" and near(ev.location, -8.49, 140.40)


def test_a_province_that_only_ends_with_the_name_is_not_split_from_it(nlp):
    ev = locate(nlp, "On 7 July 2021, in Argelia municipality, Cauca department, soldiers "
                     "clashed with a rebel group.", "clashed")
    assert near(ev.location, 2.26, -77.25, km=40)  # not Argelia in Valle del Cauca


def test_road_named_after_two_towns_is_not_the_place(nlp):
    ev = locate(nlp, "On 3 May 2024, factory workers blocked the Dhaka - Mymensingh highway in "
                     "Gazipur city (Gazipur Sadar, Dhaka), demanding unpaid wages.", "blocked")
    assert ev.location.text == "Gazipur" and near(ev.location, 24.00, 90.42)


def test_district_named_after_its_village_is_placed_at_the_village(nlp):
    ev = locate(nlp, "05/02/2021: Fighters shelled an army base in Balcad, Middle Shabelle, "
                     "Somalia. Two soldiers died.", "shelled")
    assert ev.location.text == "Balcad" and near(ev.location, 2.36, 45.38)


def test_country_after_a_comma_counts_past_an_unknown_region(nlp):
    ev = locate(nlp, "05/15/2021: Militants in Gaza fired a rocket that hit a warehouse in Ashdod, "
                     "Southern, Israel. Nobody was hurt.", "hit")
    assert ev.location.text == "Ashdod" and near(ev.location, 31.79, 34.65)

