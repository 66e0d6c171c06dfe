"""Gazetteer: name folding, index build and look-up (on a small index of a few countries)."""
from pathlib import Path

import pytest

from chronicle.places import gazetteer
from chronicle.places.gazetteer import Gazetteer, build, normalise, skeleton

COUNTRIES = {"IQ", "MX", "GH", "LB", "LY", "YE", "US", "FR"}


@pytest.fixture(scope="session")
def small_index(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gaz") / "small.sqlite"
    return build(path, countries=COUNTRIES)


def test_normalise_folds_case_diacritics_prefixes_and_apostrophes():
    assert normalise("Al-Kazimiyah") == normalise("kazimiyah") == "kazimiya"
    assert normalise("Basrah") == normalise("Basra")
    assert normalise("Şalāḩ ad Dīn") == normalise("SALAH AD DIN") == "sala ad din"
    assert normalise("Ma'rib") == normalise("Ma’rib") == "marib"
    assert normalise("Ad Dujayl") == "dujayl"
    assert normalise("Tel-Aviv") == "tel aviv"


def test_skeleton_matches_spelling_variants_only():
    assert skeleton("Al-Dejail") == skeleton("Ad Dujayl")
    assert skeleton("Khanaquin") == skeleton("Khānaqīn")
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


def test_area_points_are_the_cities_of_one_province(small_index):
    gaz = Gazetteer(small_index)
    kirkuk = next(e for e in gaz.lookup("Kirkuk") if e.kind == "admin1")
    points = gaz.area_points(kirkuk.a1)
    assert len(points) >= 3
    assert all(34.5 < lat < 36.5 and 43.0 < lon < 45.5 for lat, lon in points)
