"""Gazetteer: name folding, index build and join, look-up.

The build tests use a small index of a few countries, with a WOF extract of a few
invented rows written here; the look-up tests of village-level data use the packaged
index (built once into the cache folder, by `make install` or on first use).
"""
import lzma
from pathlib import Path

import pytest

from chronicle.places import gazetteer
from chronicle.places.gazetteer import Gazetteer, build, normalise, open_gazetteer, skeleton
from chronicle.places.spelling import key

COUNTRIES = {"IQ", "MX", "GH", "LB", "LY", "YE", "US", "FR"}
HEADER = "wof_id\tgn_id\tplacetype\tcc\tlat\tlon\tpop\tname\taltnames\n"
# Invented rows in the extract's format: a village near Baghdad only WOF has, Baghdad
# itself (its GeoNames id) with a name GeoNames lacks, a district, a village under a
# Cyrillic main name, a village with the generic "Qaryat" before its name, and a row of a
# country outside the build.
WOF_ROWS = [
    ("900000001", "", "locality", "IQ", "33.41", "44.52", "", "Tall Zuhur", "Tal Zuhoor|تل زهور"),
    ("900000002", "98182", "locality", "IQ", "33.34", "44.40", "7000000", "Baghdad",
     "Madinat as Salam Testname"),
    ("900000003", "", "county", "IQ", "33.20", "44.10", "", "Saqlawiyah Testdistrict", ""),
    ("900000004", "", "locality", "IQ", "35.10", "43.90", "", "Зелене", "Zelene Testvillage"),
    ("900000005", "", "locality", "IQ", "32.90", "44.70", "", "Qaryat Wadi Testbarr", ""),
    ("900000006", "", "locality", "DE", "52.5", "13.4", "", "Testdorf", ""),
]


@pytest.fixture(scope="session")
def small_index(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("gaz")
    wof = folder / "wof.tsv.xz"
    with lzma.open(wof, "wt", encoding="utf-8") as f:
        f.write(HEADER + "".join("\t".join(r) + "\n" for r in WOF_ROWS))
    return build(folder / "small.sqlite", countries=COUNTRIES, wof=wof)


def test_normalise_folds_case_diacritics_articles_and_apostrophes():
    assert normalise("Al-Kazimiyah") == normalise("kazimiyah") == "kazimiya"
    assert normalise("Basrah") == normalise("Basra")
    assert normalise("Şalāḩ ad Dīn") == normalise("SALAH AD DIN") == "sala din"
    assert normalise("Ma'rib") == normalise("Ma’rib") == "marib"
    assert normalise("Ad Dujayl") == "dujayl"
    assert normalise("Tel-Aviv") == "tel aviv"
    # the article in any of its spellings, anywhere in the name
    assert normalise("Ras al-Ain") == normalise("Ra's el Ain") == "ras ain"
    assert normalise("Deir ez-Zor") == "deir zor"
    assert normalise("Hasakeh") == normalise("Al Hasakah")


def test_key_joins_split_and_hyphenated_names():
    assert key("Balad Ruz") == key("Baladruz") == key("Balad-Ruz")
    assert key("Ain al Arab") == key("Ain-al-Arab") == "ainarab"


def test_arabic_script_folds_hamza_forms_and_the_article():
    assert normalise("البصرة") == normalise("بصره")
    assert normalise("الأنبار") == normalise("انبار")
    assert skeleton("بغداد") == ""  # the letters are consonants already


def test_skeleton_matches_spelling_variants_only():
    assert skeleton("Al-Dejail") == skeleton("Ad Dujayl")
    assert skeleton("Khanaquin") == skeleton("Khānaqīn")
    assert skeleton("Deir ez-Zor") == skeleton("Dayr az Zawr")
    assert skeleton("Khanaqin") != skeleton("Kirkuk")


def test_build_leaves_no_temporary_file(small_index):
    assert small_index.exists()
    assert not list(small_index.parent.glob("*.tmp"))


def test_lookup_finds_city_admin1_and_country(small_index):
    gaz = Gazetteer(small_index)
    kinds = {(e.kind, e.cc) for e in gaz.lookup("Baghdad")}
    assert ("city", "IQ") in kinds and ("admin1", "IQ") in kinds
    city = next(e for e in gaz.lookup("Baghdad") if e.kind == "city")
    assert abs(city.lat - 33.3) < 0.2 and abs(city.lon - 44.4) < 0.2
    assert city.admin1 and normalise(city.admin1) == "baghdad"
    assert [e.iso3 for e in gaz.lookup("Iraq") if e.kind == "country"] == ["IRQ"]


def test_wof_place_with_a_geonames_id_joins_that_place(small_index):
    gaz = Gazetteer(small_index)
    joined = [e for e in gaz.lookup("Madinat as Salam Testname") if e.cc == "IQ"]
    assert [(e.id, e.kind, e.ptype) for e in joined] == [(98182, "city", "town")]
    assert joined[0].population >= 7000000


def test_wof_only_village_gets_the_nearest_towns_province(small_index):
    gaz = Gazetteer(small_index)
    village = gaz.lookup("Tal Zuhoor")
    assert len(village) == 1 and village[0].minor and village[0].ptype == "locality"
    assert normalise(village[0].admin1) == "baghdad" and village[0].near_km < 30
    assert gaz.lookup("تل زهور") == village  # its name in Arabic script
    assert gaz.lookup("Testdorf") == ()  # a country outside the build


def test_wof_district_village_prefix_and_latin_name(small_index):
    gaz = Gazetteer(small_index)
    district = gaz.lookup("Saqlawiyah Testdistrict")
    assert [(e.kind, e.a2 == e.id) for e in district] == [("admin2", True)]
    assert [e.name for e in gaz.lookup("Wadi Testbarr")] == ["Qaryat Wadi Testbarr"]
    # a village under a Cyrillic main name is shown by its Latin one
    assert [e.name for e in gaz.lookup("Zelene Testvillage")] == ["Zelene Testvillage"]


def test_lookup_reads_aliases_and_bare_admin_names(small_index):
    gaz = Gazetteer(small_index)
    assert any(e.kind == "country" and e.cc == "IQ" for e in gaz.lookup("Irag"))
    assert any(e.kind == "admin1" and e.cc == "IQ" for e in gaz.lookup("Anbar"))
    assert any(e.kind == "admin1" and e.cc == "IQ" for e in gaz.lookup("Saladin"))
    assert gaz.lookup("Nowhereville Xyz") == ()


def test_admin1_and_country_points_come_from_their_cities(small_index):
    gaz = Gazetteer(small_index)
    anbar = next(e for e in gaz.lookup("Anbar") if e.kind == "admin1")
    assert 31 < anbar.lat < 35 and 39 < anbar.lon < 45
    iraq = gaz.country("IRQ")
    assert iraq is not None and 29 < iraq.lat < 38 and 38 < iraq.lon < 49
    assert gaz.country("GH").iso3 == "GHA"


def test_fuzzy_lookup_finds_a_spelling_variant(small_index):
    gaz = Gazetteer(small_index)
    assert any(e.cc == "IQ" and e.kind == "city" for e in gaz.fuzzy("Al-Dejail"))
    assert gaz.fuzzy("Ab") == ()


def test_default_path_follows_setting_or_cache(monkeypatch, tmp_path):
    assert gazetteer.default_path(str(tmp_path / "g.sqlite")) == tmp_path / "g.sqlite"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = gazetteer.default_path("")
    assert path.parent == tmp_path / "chronicle" and gazetteer.index_key() in path.name


def test_capitals_come_from_the_packaged_country_data(small_index):
    gaz = Gazetteer(small_index)
    beirut = [e for e in gaz.lookup("Beirut") if e.kind == "city" and e.cc == "LB"]
    assert beirut and gazetteer.is_capital(beirut[0])
    assert not any(gazetteer.is_capital(e) for e in gaz.lookup("Tripoli") if e.cc == "LB")
    assert gazetteer.capitals()["LY"] == normalise("Tripoli")


def test_index_keeps_places_without_a_population(small_index):
    gaz = Gazetteer(small_index)
    assert any(e.kind == "city" and e.cc == "IQ" and e.population == 0
               for e in gaz.lookup("Hawija"))


def test_short_skeletons_only_on_request(small_index):
    gaz = Gazetteer(small_index)
    assert skeleton("Qayara") == skeleton("Al Qayyarah") and len(skeleton("Qayara")) == 2
    assert gaz.fuzzy("Qayara") == ()
    assert any(e.name == "Al Qayyārah" for e in gaz.fuzzy("Qayara", min_len=2))


def test_area_points_are_the_towns_of_one_province(small_index):
    gaz = Gazetteer(small_index)
    kirkuk = next(e for e in gaz.lookup("Kirkuk") if e.kind == "admin1")
    points = gaz.area_points(kirkuk.a1)
    assert len(points) >= 3
    assert all(34.5 < lat < 36.5 and 43.0 < lon < 45.5 for lat, lon in points)


def test_packaged_index_holds_villages_and_arabic_names():
    gaz = open_gazetteer()
    # villages only the Who's On First extract has, in Iraq
    taji = [e for e in gaz.lookup("Taji") if e.cc == "IQ"]
    assert taji and all(abs(e.lat - 33.5) < 1.5 for e in taji)
    assert any(e.cc == "IQ" and e.kind == "city" for e in gaz.lookup("بغداد"))
    # the United States and India stay covered by GeoNames cities500
    assert any(e.cc == "US" and e.population > 1_000_000 for e in gaz.lookup("Houston"))
    assert any(e.cc == "IN" and e.kind == "city" for e in gaz.lookup("Lucknow"))
