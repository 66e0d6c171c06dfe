"""Places: event location from the text, on a small gazetteer and sentences written for these tests."""
import pytest

from chronicle.places import locate as places
from chronicle.places.gazetteer import open_gazetteer
from locating import locate, near

COUNTRIES = {"IQ", "MX", "GH", "LB", "LY", "YE", "US", "FR", "UA", "AO", "PK", "BD", "TL", "IN", "PE",
             "AF", "SY", "IL", "AR", "BR", "BG", "MG", "NG", "TR"}


@pytest.fixture(scope="module", autouse=True)
def small_gazetteer():
    """The packaged index (villages and all): built once into the cache folder."""
    return open_gazetteer()


def test_city_region_in_brackets(nlp):
    ev = locate(nlp, "On 3 March 2021, market traders marched in Accra (Accra, Greater Accra) "
                     "to demand lower fees.", "marched")
    assert ev.location.country == "GHA" and near(ev.location, 5.56, -0.20)
    assert ev.location.text == "Accra" and ev.location.precision == "city"


def test_municipality_and_state_choose_the_namesake(nlp):
    ev = locate(nlp, "On 2 June 2021, in Cuauhtemoc municipality, Chihuahua, a farmer was "
                     "shot dead near his house.", "shot")
    # not the Cuauhtemoc borough of Mexico City, which is larger
    assert ev.location.country == "MEX" and near(ev.location, 28.41, -106.87)


def test_governorate_gives_admin1(nlp):
    ev = locate(nlp, "05/11/2013: A roadside bomb exploded near an army patrol in Anbar "
                     "governorate, Iraq. Two soldiers were hurt.", "exploded")
    assert ev.location.precision == "admin1" and ev.location.country == "IRQ"
    assert ev.location.text == "Anbar"


def test_unknown_neighbourhood_falls_back_to_its_city(nlp):
    ev = locate(nlp, "06/02/2013: Gunmen shot a shop owner in Qwertyabad neighborhood, Baghdad "
                     "city, Baghdad governorate, Iraq.", "shot")
    assert ev.location.text == "Baghdad" and ev.location.precision == "city"
    assert near(ev.location, 33.34, 44.40)


def test_unknown_place_falls_back_to_admin1_of_the_right_country(nlp):
    ev = locate(nlp, "A grenade was thrown at a checkpoint in Zzyzxville town, Diyala governorate, "
                     "Iraq.", "thrown")
    assert ev.location.precision == "admin1" and ev.location.country == "IRQ"


def test_country_named_elsewhere_chooses_the_namesake(nlp):
    ev = locate(nlp, "Gunmen fired on a checkpoint in Tripoli on Monday, Lebanese officials said.",
                "fired")
    assert ev.location.country == "LBN"
    ev = locate(nlp, "Gunmen fired on a checkpoint in Tripoli on Monday, officials said.", "fired")
    assert ev.location.country == "LBY"  # the larger Tripoli when nothing else is said


def test_country_only(nlp):
    ev = locate(nlp, "Clashes broke out between two tribes in Yemen on Tuesday.", "broke")
    assert ev.location.precision == "country" and ev.location.country == "YEM"


def test_place_attached_to_the_trigger_wins(nlp):
    ev = locate(nlp, "Speaking in Basra on Monday, the governor said a car bomb exploded in "
                     "Kirkuk.", "exploded")
    assert ev.location.text == "Kirkuk"


def test_relative_place_is_an_offset_point(nlp):
    ev = locate(nlp, "A roadside bomb exploded 20 km south of Mosul on Friday.", "exploded")
    loc = ev.location
    assert loc.precision == "point" and loc.text == "20 km south of Mosul"
    mosul = next(e for e in places._gazetteer().lookup("Mosul") if e.kind == "city")
    assert 18 < places.haversine_km(loc.lat, loc.lon, mosul.lat, mosul.lon) < 22
    assert loc.lat < mosul.lat


def test_launch_point_is_the_origin(nlp):
    text = ("A drone hit a house in Baghdad on Sunday. Officials said the drone had been "
            "launched about 12 km northeast of Baghdad.")
    ev = locate(nlp, text, "hit")
    assert ev.location.text == "Baghdad" and ev.location.precision == "city"
    assert ev.origin is not None and ev.origin.precision == "point"
    assert ev.origin.lat > ev.location.lat and ev.origin.lon > ev.location.lon


def test_no_location_when_the_text_names_none(nlp):
    ev = locate(nlp, "The minister condemned the shooting and called for calm on Monday.",
                "shooting")
    assert ev.location is None and ev.origin is None


def test_organisation_acronyms_and_buildings_are_not_places(nlp):
    ev = locate(nlp, "On Monday, the NGO said its staff were attacked near the Paris Hotel.",
                "attacked")
    assert ev.location is None


def test_offset_point_and_distance_agree():
    lat, lon = places.offset_point(33.0, 44.0, 50.0, 90.0)
    assert abs(places.haversine_km(33.0, 44.0, lat, lon) - 50.0) < 0.1
    assert abs(lat - 33.0) < 0.05 and lon > 44.0


def test_lone_neighbourhood_elsewhere_gives_way_to_the_sentence_city(nlp):
    # the parse attaches "in Springfield neighborhood" to the trigger; that Springfield is American
    ev = locate(nlp, "On 1 May 2021, in Tikrit, Saladin, a man was killed in a drive-by shooting "
                     "in Springfield neighborhood.", "shooting")
    assert ev.location.country == "IRQ" and ev.location.text == "Tikrit"


def test_unknown_spelling_is_read_as_a_variant_in_the_article_country(nlp):
    ev = locate(nlp, "Hundreds of teachers protested in Naseriyya on Friday, Iraqi police said.",
                "protested")
    assert ev.location.country == "IRQ" and ev.location.precision == "city"
    assert near(ev.location, 31.05, 46.26)
    # with no country to look in, an unknown spelling stays unknown
    ev = locate(nlp, "Hundreds of teachers protested in Naseriyya on Friday, police said.",
                "protested")
    assert ev.location is None


def test_wire_dateline_with_a_month_abbreviation_is_the_place(nlp):
    # "Aug" is also an alternate name of an American Augusta: a date is not a place
    ev = locate(nlp, "TRIPOLI, Aug. 15, 2023 - Two rival armed groups fought overnight near "
                     "the port, residents said.", "fought")
    assert ev.location.country == "LBY" and ev.location.precision == "city"
    assert near(ev.location, 32.89, 13.19)


def test_dateline_city_when_the_sentence_names_no_gazetteer_place(nlp):
    # "Nov" is an alternate name of Huambo, Angola; "Green Zone" style names are unknown
    text = ("Minister escapes attack\n\nBAGHDAD, Nov. 7, 2021 - A drone carrying explosives "
            "struck his house inside the Qwertz Compound overnight, officials said.")
    ev = locate(nlp, text, "struck")
    assert ev.location.country == "IRQ" and near(ev.location, 33.34, 44.40)


def test_dateline_with_an_agency_and_the_dateline_country_guides_namesakes(nlp):
    text = ("Tripoli, Lebanon (Reuters) - Gunmen fired at a checkpoint in the old city "
            "on Monday, a security source said.")
    ev = locate(nlp, text, "fired")
    assert ev.location.country == "LBN"


def test_dateline_elsewhere_does_not_take_the_event(nlp):
    text = ("NEW YORK, May 20, 2022 - The UN chief condemned the shelling of a school in "
            "Kharkiv, Ukraine, which local officials said killed three people.")
    start, end, entry = places.find_dateline(text, places._gazetteer())
    assert text[start:end] == "NEW YORK" and entry.iso3 == "USA" and entry.population > 1_000_000
    ev = locate(nlp, text, "shelling")
    # the city, not the province of the same name around it
    assert ev.location.text == "Kharkiv" and ev.location.precision == "city"
    assert near(ev.location, 49.99, 36.23)


def test_no_dateline_in_an_ordinary_first_line():
    text = "Gunmen attacked a bus near the border on Monday - officials said six died."
    assert places.find_dateline(text, places._gazetteer()) is None


def test_capital_before_a_name_prefers_the_capital(nlp):
    # a larger Indian city has "Dili" among its alternate names
    ev = locate(nlp, "Students marched to parliament in the capital Dili on Friday.", "marched")
    assert ev.location.country == "TLS"
    ev = locate(nlp, "Thousands rallied on Sunday in the Pakistani capital Islamabad.", "rallied")
    assert ev.location.country == "PAK" and near(ev.location, 33.72, 73.04)


def test_the_capital_alone_is_the_capital_of_the_country(nlp):
    ev = locate(nlp, "A rocket hit a ministry building in the Iraqi capital on Sunday, officials "
                     "said.", "hit")
    assert ev.location.country == "IRQ" and near(ev.location, 33.34, 44.40)


def test_main_name_outranks_a_larger_place_with_it_as_an_alternate_name(nlp):
    # a large Indian city lists "Puno" among its alternate names
    ev = locate(nlp, "On 2 May 2020, in Puno city, traders blocked a bridge to protest new "
                     "market rules.", "blocked")
    assert ev.location.country == "PER" and near(ev.location, -15.84, -70.02)


def test_place_outside_the_article_countries_gives_way(nlp):
    # "Abu" inside a man's name is also an Indian town; the article is about Iraq
    ev = locate(nlp, "A suicide bomber struck targeting Ali Hassan Abu Bakr at a checkpoint in "
                     "Ramadi city, Anbar governorate, Iraq.", "struck")
    assert ev.location.country == "IRQ" and ev.location.text == "Ramadi"


def test_bare_country_gives_way_to_a_smaller_place_in_it(nlp):
    text = ("A car bomb exploded in Karrada neighborhood, Baghdad city, Iraq. The Islamic "
            "State in Iraq said its men carried out the bombing.")
    ev = locate(nlp, text, "bombing")
    # a neighbourhood is a point inside its city
    assert ev.location.country == "IRQ" and ev.location.precision == "point"
    assert near(ev.location, 33.34, 44.40)


def test_unknown_spelling_before_a_country_is_a_variant_in_that_country(nlp):
    ev = locate(nlp, "Gunmen attacked a police post outside of Miqdadiyya city, Iraq, late "
                     "on Tuesday.", "attacked")
    assert ev.location.country == "IRQ" and ev.location.precision == "city"
    assert near(ev.location, 33.98, 44.94)


def test_country_code_in_mixed_case_is_not_the_country(nlp):
    # "Lby" is Libya's ISO3 code; written in mixed case it is a name, not the country
    ev = locate(nlp, "Reporters protested outside the Lby media office on Monday.", "protested")
    assert ev.location is None or ev.location.country != "LBY"
    ev = locate(nlp, "Fighting was reported across LBY on Monday.", "Fighting")
    assert ev.location is not None and ev.location.country == "LBY"


def test_lone_name_in_the_article_country_does_not_displace_a_marked_place(nlp):
    # "Guadalupe" is also a large Mexican city; here it is only the driver's name
    ev = locate(nlp, "Gunmen attacked a bus near Accra on Monday, Mexican officials said, "
                     "adding that the driver, Guadalupe, was unhurt.", "attacked")
    assert ev.location.text == "Accra" and ev.location.country == "GHA"


def test_small_admin_seat_is_known(nlp):
    # Hawija has no population figure in GeoNames; it is a district seat all the same
    ev = locate(nlp, "02/03/2015: A roadside bomb hit a police car in Hawija town, Kirkuk "
                     "governorate, Iraq.", "hit")
    assert ev.location.precision == "city" and near(ev.location, 35.33, 43.77)


def test_one_name_written_in_two_words(nlp):
    ev = locate(nlp, "04/09/2013: A car bomb went off near a market in Balad Ruz town, "
                     "Diyala governorate, Iraq.", "went off")
    assert ev.location.precision == "city" and near(ev.location, 33.70, 45.08)


def test_place_just_over_the_province_line(nlp):
    # GeoNames puts Tarmiyah in Baghdad governorate; reports often file it under Saladin
    ev = locate(nlp, "11/02/2013: Gunmen attacked an army post in Tarmiyah town, Saladin "
                     "governorate, Iraq.", "attacked")
    assert ev.location.precision == "city" and near(ev.location, 33.67, 44.40)


def test_far_namesake_is_still_dropped_by_the_province(nlp):
    # Tarmiyah lies far from any town of Basra governorate: the province is the answer
    ev = locate(nlp, "11/02/2013: Gunmen attacked an army post in Tarmiyah town, Basra "
                     "governorate, Iraq.", "attacked")
    assert ev.location.precision == "admin1"


def test_short_spelling_variant_inside_the_named_province(nlp):
    ev = locate(nlp, "07/01/2014: A bomb struck a convoy in Qayara district, Nineveh "
                     "governorate, Iraq.", "struck")
    assert ev.location.precision == "city" and near(ev.location, 35.80, 43.29)


def test_district_centre_joins_the_province(nlp):
    ev = locate(nlp, "On 4 June 2020, gunmen killed a shopkeeper in Ghoryan district "
                     "center, Herat.", "killed")
    assert ev.location.country == "AFG" and near(ev.location, 34.35, 61.49)


def test_unknown_spelling_in_a_province_is_one_chain(nlp):
    ev = locate(nlp, "On 2 March 2017, artillery shelled Qayara in Nineveh province.", "shelled")
    assert near(ev.location, 35.80, 43.29)


def test_variant_when_every_namesake_lies_abroad(nlp):
    # the exact name is a village in Israel; the town meant is Al Busayrah in Syria
    ev = locate(nlp, "On 3 June 2020, a mine exploded near Basira town in Deir-ez-Zor "
                     "countryside.", "exploded")
    assert ev.location.country == "SYR" and near(ev.location, 35.16, 40.43)


def test_compass_zone_is_a_part_of_the_city(nlp):
    # "North" is also a Lebanese governorate; here it names a part of Baghdad
    ev = locate(nlp, "On 6 May 2014, gunmen shot a guard in the North Zone of Baghdad, "
                     "Iraq.", "shot")
    assert ev.location.country == "IRQ" and near(ev.location, 33.34, 44.40)


def test_neighbourhood_namesake_far_from_its_city_is_dropped(nlp):
    # "Shuala" is also an alternate name of Hillah, 90 km south; the text puts it in Baghdad
    ev = locate(nlp, "03/10/2014: A car bomb exploded in Shuala neighborhood, Baghdad city, "
                     "Baghdad governorate, Iraq.", "exploded")
    assert near(ev.location, 33.34, 44.40)


def test_area_named_with_a_city_stays_in_that_city(nlp):
    # Al-Qasim is a town 30 km from Hillah; "Qasim area, Hillah city" is a part of Hillah
    ev = locate(nlp, "05/02/2013: A bomb went off near a bus stop in Qasim area, Hillah city, "
                     "Babil governorate, Iraq.", "went off")
    assert near(ev.location, 32.46, 44.42, km=10)


def test_short_variant_prefers_the_named_province(nlp):
    # the skeleton of "Huwiyjah" also fits Hajiawa, a larger town in another province
    ev = locate(nlp, "12/09/2014: Gunmen seized a teacher from his home in Huwiyjah district, "
                     "Kirkuk, Iraq.", "seized")
    assert near(ev.location, 35.33, 43.77)


def test_part_of_a_longer_name_is_not_a_place_abroad(nlp):
    # "Ain" alone is a French department and a Yemeni town; here it begins "Ain al Arab"
    ev = locate(nlp, "On 4 May 2021, a Turkish drone struck a Syrian Kurdish post in Ain al "
                     "Arab city in Aleppo countryside.", "struck")
    assert ev.location is not None and ev.location.country == "SYR"


def test_name_before_a_full_stop_is_not_part_of_the_next_word(small_gazetteer):
    text = "Israeli jets struck an army post in Daraa. Neither side gave figures."
    daraa = next(m for m in places.find_mentions(text, small_gazetteer) if m.text == "Daraa")
    assert not daraa.partial and daraa.entries


def test_currency_is_not_a_country(small_gazetteer):
    text = "Crowds marched against the falling US dollar exchange rate in Beirut."
    us = next(m for m in places.find_mentions(text, small_gazetteer) if m.text == "US")
    assert us.entries == ()


def test_name_with_two_joiners_is_one_name(nlp):
    ev = locate(nlp, "On 3 May 2021, in San Juan de los Lagos, Jalisco, two men were shot "
                     "outside a bar.", "shot")
    assert ev.location.country == "MEX" and near(ev.location, 21.25, -102.33)


def test_town_and_its_own_municipality_do_not_outweigh_the_province(nlp):
    # Brazil has a Formosa town in a Formosa municipality; "(Formosa)" here is the province
    ev = locate(nlp, "On 2 June 2021, around Formosa (Formosa), truck drivers blocked the "
                     "national route.", "blocked")
    assert ev.location.country == "ARG" and near(ev.location, -26.18, -58.17)


def test_province_named_in_a_chain_gives_the_country(small_gazetteer):
    text = "On 3 May 2021, villagers blocked a road near Jeypore town (Koraput, Odisha)."
    chains = places._chains(text, places.find_mentions(text, small_gazetteer))
    assert "IND" in places._country_context(text, chains)
    # a province name shared by two countries says nothing
    text = "On 3 May 2021, farmers marched in Lahore city (Lahore, Punjab)."
    chains = places._chains(text, places.find_mentions(text, small_gazetteer))
    assert "IND" not in places._country_context(text, chains)


def test_bare_capital_over_a_province_of_that_name_abroad(nlp):
    # Madagascar has a Sofia region; a bare "Sofia" is Bulgaria's capital
    ev = locate(nlp, "On 30 April 2020, relatives held a silent vigil at the Court of Justice "
                     "in Sofia.", "vigil")
    assert ev.location.country == "BGR" and near(ev.location, 42.70, 23.32)


def test_town_in_the_sentence_beats_its_province(nlp):
    ev = locate(nlp, "On 4 June 2021, a boy died when leftover bombs exploded in a house in the "
                     "town of Busra Esh-Sham in the countryside of Dar'a.", "exploded")
    # the town, not the main city of the province it lies in (about 40 km away)
    assert ev.location.precision == "city" and near(ev.location, 32.52, 36.48, 10)


def test_province_name_is_not_a_misspelt_town_abroad(nlp):
    ev = locate(nlp, "On 2 July 2021, Turkish artillery shelled Qwertyfa in al-Hasakeh, "
                     "damaging two houses.", "shelled")
    # the demonym names the shooter's country, not where the shells fell
    assert ev.location.country == "SYR" and near(ev.location, 36.50, 40.75, 60)


def test_district_point_is_its_namesake_town(nlp):
    ev = locate(nlp, "On 9 March 2021, bandits robbed travellers on a rural road (coded as "
                     "Birnin Gwari LGA, Kaduna).", "robbed")
    # the seat town Birnin Gwari, not Sofo-Birnin-Gwari, the larger town of the district
    assert ev.location.precision == "admin2" and near(ev.location, 10.66, 6.54, 10)


def test_owner_possessive_keeps_facility_word(small_gazetteer):
    ms = places.find_mentions("Staff picketed the Mosul company's depot.", small_gazetteer)
    assert [m.entries for m in ms if m.text == "Mosul"] == [()]


def test_neighbourhood_variant_stays_in_the_named_province(nlp):
    ev = locate(nlp, "03/14/2013: Gunmen killed a teacher in Jamis neighborhood, Mansour "
                     "district, Baghdad governorate, Iraq.", "killed")
    # a town of a similar spelling in the next province is not that neighbourhood
    assert ev.location.country == "IRQ" and near(ev.location, 33.34, 44.40)


def test_province_elsewhere_in_the_sentence_picks_the_namesake(nlp):
    ev = locate(nlp, "On 3 June 2021, gunmen shot a bus driver on the road that joins Esperanza "
                     "with Canada Morelos, Puebla.", "shot")
    # the Esperanza of Puebla, not the larger one in Sonora
    assert ev.location.country == "MEX" and near(ev.location, 18.86, -97.37)


def test_road_named_after_towns_is_a_last_resort(nlp):
    ev = locate(nlp, "On 2 May 2021, angry drivers blocked the Baalbek-Homs road with burning "
                     "tyres.", "blocked")
    assert ev.location.text.startswith("Baalbek") and near(ev.location, 34.01, 36.21)
    ev = locate(nlp, "On 2 May 2021, angry drivers in Tyre blocked the Baalbek-Homs road with "
                     "burning tyres.", "blocked")
    # a town named as a place comes first
    assert near(ev.location, 33.27, 35.20)


def test_area_by_another_spelling_with_its_type_word(nlp):
    ev = locate(nlp, "On 5 June 2021, militants threw a grenade at a patrol in Qwertypora town "
                     "(Budgam district, J&K), wounding three.", "threw")
    # Budgam is Badgam in the index
    assert ev.location.country == "IND" and near(ev.location, 34.02, 74.72, 30)


def test_joined_name_by_another_spelling_before_its_first_word(nlp):
    ev = locate(nlp, "On 6 June 2021, a drone struck a checkpoint in Ain al Arab city in Aleppo "
                     "countryside.", "struck")
    # 'Ayn al 'Arab in the index; not a town called Ain elsewhere
    assert ev.location.country == "SYR" and near(ev.location, 36.89, 38.35)


def test_joined_name_with_a_capitalised_joiner(nlp):
    ev = locate(nlp, "On 7 June 2021, mortar rounds landed in Qaser Bin Ghashir (Aljfara), "
                     "hitting a farm.", "landed")
    # Qasr Bin Ghashir in the index; not a town called Al Qasr elsewhere
    assert ev.location.country == "LBY" and near(ev.location, 32.68, 13.18)


def test_pronoun_is_never_a_place(nlp):
    text = "He said the convoy was hit in Kirkuk."
    assert "He" not in [m.text for m in places.find_mentions(text, places._gazetteer())]


def test_city_before_an_owned_home_is_its_place(nlp):
    ev = locate(nlp, "An armed drone struck his Kirkuk home early on Sunday.", "struck")
    assert ev.location is not None and ev.location.name == "Kirkuk"


def test_surname_standing_alone_is_the_person_not_a_town(nlp):
    text = ("Seven guards were wounded when drones struck the compound, according to police spokesman "
            "Khalid Ramadi. Ramadi added that one of the drones was shot down.")
    ev = locate(nlp, text, "struck")
    assert ev.location is None or ev.location.name != "Ramadi"


@pytest.mark.parametrize("text", [
    "COLUMBIA, Tenn. (Wire) - A man was shot outside a store on Friday, police said.",
    "A man was shot outside a store in Columbia, Tenn. on Friday, police said.",
])
def test_state_abbreviation_after_a_town_chooses_the_namesake(nlp, text):
    ev = locate(nlp, text, "shot")
    assert ev.location.country == "USA" and near(ev.location, 35.61, -87.04)


def test_state_abbreviation_alone_is_no_place(nlp):
    ev = locate(nlp, "Miss Harlow was shot outside a store on Friday, police said.", "shot")
    assert ev.location is None or ev.location.admin1 != "Mississippi"


def test_actor_cue_prefers_the_villages_of_its_war(nlp):
    # namesakes of this village lie all over Ukraine; the monitors watch the Donbas line
    ev = locate(nlp, "On 2 June 2021, the OSCE SMM recorded six bursts of gunfire near Lozove.",
                "recorded")
    assert ev.location.country == "UKR"
    assert ev.location.admin1 in ("Donetska oblast", "Luhanska oblast")


def test_bare_name_before_town_is_read_as_well_as_the_whole(nlp):
    # "Alam Town" is a place in Pakistan; the province after it says which one is meant
    ev = locate(nlp, "A bomb went off near Alam town, Saladin governorate, Iraq, wounding two "
                     "guards.", "went off")
    assert ev.location.country == "IRQ" and near(ev.location, 34.71, 43.70)


def test_name_of_two_words_by_another_spelling_before_its_first_word(nlp):
    ev = locate(nlp, "On 4 June 2021, shells hit Kafr Noran in the western countryside of "
                     "Aleppo.", "hit")
    # Kafr Nuran in the index; not a village called Kafr elsewhere
    assert ev.location.country == "SYR" and near(ev.location, 36.08, 36.83)


def test_spelling_guess_abroad_gives_way(nlp):
    ev = locate(nlp, "On 1 June 2021, in Gustavo A. Madero, Ciudad de Mexico, gunmen shot a man "
                     "in Colonia Vallejo.", "shot")
    assert ev.location.country == "MEX" and near(ev.location, 19.49, -99.11)


def test_name_before_an_acronym_and_a_facility_word_is_no_place(nlp):
    ev = locate(nlp, "A bomb exploded outside the Patriotic Union of Kurdistan (PUK) office in "
                     "Jalula town, Diyala governorate.", "exploded")
    assert ev.location.text == "Jalula" and near(ev.location, 34.27, 45.17)


def test_far_namesake_of_a_city_area_gives_way_to_the_city(nlp):
    ev = locate(nlp, "On 3 June 2021, rival groups clashed in Gabtoli area, Dhaka city, after a "
                     "rally.", "clashed")
    assert ev.location.name == "Dhaka" and near(ev.location, 23.71, 90.41)


def test_name_said_again_with_its_larger_places_is_the_same_place(nlp):
    ev = locate(nlp, "On 5 June 2021, traders clashed at Kumarkhali bus stand in Kumarkhali town "
                     "(Kushtia, Khulna) over tolls.", "clashed")
    assert near(ev.location, 23.86, 89.24)


def test_last_name_of_a_chain_is_read_by_the_names_it_holds(nlp):
    # "TN" is Tunisia's code too; the town before it says it is Tamil Nadu
    ev = locate(nlp, "On 2 June 2021, weavers marched in Dindigul city (Dindigul, TN) for higher "
                     "wages.", "marched")
    assert ev.location.country == "IND" and near(ev.location, 10.37, 77.98)


def test_a_city_is_not_taken_abroad_for_a_district_of_its_name(nlp):
    # a district of the Philippines shares Albuquerque's name; no country is named, so the
    # large city is meant
    place = locate(nlp, "Police in Albuquerque said a man was shot and killed outside a bar.",
                   "killed").location
    assert place is not None and place.country == "USA" and place.admin1 == "New Mexico"


def test_the_agency_in_a_us_dateline_is_no_place(nlp):
    text = "ALBUQUERQUE, N.M. (AP) — A gunman killed two people at a gas station on Sunday."
    place = locate(nlp, text, "killed").location
    assert place is not None and place.country == "USA" and place.name == "Albuquerque"
