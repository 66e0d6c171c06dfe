"""Places: what the article says of its country and its names, on sentences of our own."""
import pytest

from chronicle.places.gazetteer import open_gazetteer
from locating import locate, near


@pytest.fixture(scope="module", autouse=True)
def gazetteer():
    """The packaged index (villages and all): built once into the cache folder."""
    return open_gazetteer()


def test_a_note_naming_no_country_takes_it_from_its_places(nlp):
    # "Dal" of the student group's name is a district in Nigeria; Dhaka says Bangladesh
    ev = locate(nlp, "On 12 May 2023, activists of Chatra Dal (JCD) held a sit-in at the gate of "
                     "Dhaka university, Dhaka - Shahbagh (Shahbagh), over the arrest of their "
                     "leader.", "held")
    assert ev.location.country == "BGD" and near(ev.location, 23.73, 90.39)


def test_local_news_words_are_not_foreign_towns(nlp):
    # "Twin" is spelled like Thuin in Belgium; Toledo and Ohio say the United States
    ev = locate(nlp, "Two men were wounded when shots were fired at a party on Twin Oaks Drive "
                     "late Saturday, police said. Detectives in Toledo asked witnesses from Ohio "
                     "to call them.", "wounded")
    assert ev.location.country == "USA"


def test_a_province_the_article_names_picks_the_county(nlp):
    # Wayne County alone is the large one in Michigan; the article names Ohio
    ev = locate(nlp, "A deputy was shot during a traffic stop in Wayne County late Monday. "
                     "Troopers across Ohio were told to look for a gray pickup.", "shot")
    assert ev.location.country == "USA" and ev.location.admin1 == "Ohio"


def test_a_town_the_parser_takes_for_a_people_is_still_a_place(nlp):
    # the small parser tags Bobo-Dioulasso NORP; a town of 900,000 is no people
    ev = locate(nlp, "On 4 April, traders who had lost their stalls in sector 12 of "
                     "Bobo-Dioulasso marched to the town hall to demand new plots.", "marched")
    assert ev.location is not None and ev.location.country == "BFA"
    assert near(ev.location, 11.18, -4.30)
