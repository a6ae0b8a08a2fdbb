"""Tricky names resolve to the right GeoNames place, offline; shared names are never guessed."""

import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location

from geo.gazetteer import AmbiguousName, OfflineGazetteer
from geo.names import name_key


@pytest.fixture(scope="module")
def gazetteer():
    return OfflineGazetteer()


@pytest.mark.parametrize(
    ("query", "geonames_id"),
    [
        ("Yekaterinburg", 1486209), ("Ekaterinburg", 1486209), ("Екатеринбург", 1486209),
        ("Ulan-Ude", 2014407), ("Ulan Ude", 2014407), ("Улан-Удэ", 2014407),
        ("Yuzhno-Sakhalinsk", 2119441), ("Южно-Сахалинск", 2119441),
        ("Komsomolsk-on-Amur", 2021851), ("Komsomolsk-na-Amure", 2021851), ("Комсомольск-на-Амуре", 2021851),
        ("Naberezhnye Chelny", 523750), ("Naberezhnyye Chelny", 523750), ("Набережные Челны", 523750),
        ("Nizhny Novgorod", 520555), ("Нижний Новгород", 520555),
        ("St Petersburg", 498817), ("Saint Petersburg", 498817), ("Санкт-Петербург", 498817),
        ("Rostov-on-Don", 501175), ("Ростов-на-Дону", 501175),
        ("Orel", 515012), ("Oryol", 515012), ("Орёл", 515012), ("Орел", 515012),
        ("Gorno-Altaisk", 1506271), ("Gorno-Altaysk", 1506271),
        ("Togliatti", 482283), ("Tolyatti", 482283), ("Тольятти", 482283),
        ("Naryan-Mar", 523392), ("Petropavlovsk-Kamchatsky", 2122104),
        ("Veliky Novgorod", 519336), ("Великий Новгород", 519336),
        ("Novy Urengoy", 1496511), ("Новый Уренгой", 1496511),
        ("Kaliningrad", 554234),  # the city, not Korolyov, which was once called Kaliningrad
        ("Simferopol", 693805), ("Sevastopol", 694423),
    ],
)
def test_tricky_names_resolve(gazetteer, query, geonames_id):
    location = gazetteer.geocode(query)
    assert isinstance(location, Location)
    assert location.raw["geonames_id"] == geonames_id


@pytest.mark.parametrize("name", ["Blagoveshchensk", "Troitsk", "Kirov", "Zheleznogorsk", "Sovetsk", "Kol'chugino"])
def test_shared_names_are_reported_as_ambiguous(gazetteer, name):
    with pytest.raises(AmbiguousName) as raised:
        gazetteer.geocode(name)
    assert len(raised.value.candidates) >= 2
    assert name in str(raised.value)


@pytest.mark.parametrize(
    ("name", "region", "geonames_id"),
    [
        ("Blagoveshchensk", "Amur Oblast", 2026609),
        ("Blagoveshchensk", "Bashkortostan", 576116),
        ("Kirov", "Kirov Oblast", 548408),
        ("Kirov", "Kaluga", 548410),
        ("Troitsk", "Chelyabinsk", 1489246),
        ("Zheleznogorsk", "Krasnoyarsk Krai", 1538635),
        ("Zheleznogorsk", "Kursk Oblast", 463343),
        ("Sovetsk", "Kaliningrad Oblast", 490068),
        ("Kol’chugino", "Vladimir Oblast", 546521),
        ("Surgut", "Khanty-Mansi Autonomous Okrug – Yugra", 1490624),
    ],
)
def test_a_region_singles_out_one_place(gazetteer, name, region, geonames_id):
    assert gazetteer.geocode(name, region=region).raw["geonames_id"] == geonames_id


def test_crimea_is_kept_as_ukrainian_territory(gazetteer):
    location = gazetteer.geocode("Симферополь")
    assert location.raw["country_code"] == "UA" and location.raw["occupied"]


def test_unknown_names_return_none(gazetteer):
    assert gazetteer.geocode("Atlantis") is None
    assert gazetteer.geocode("Atlantis", exactly_one=False) == []


def test_all_candidates_on_request(gazetteer):
    places = gazetteer.geocode("Kirov", exactly_one=False)
    assert {p.raw["geonames_id"] for p in places} == {548408, 548410}


def test_works_under_geopys_rate_limiter(gazetteer):
    geocode = RateLimiter(gazetteer.geocode, min_delay_seconds=0, max_retries=0, swallow_exceptions=False)
    assert geocode("Kazan").raw["region"] == "Tatarstan Republic"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Kol’chugino", "Kol'chugino"), ("Kolchugino", "Кольчугино"), ("Ёлки", "Елки"),
     ("Ulan-Ude", "Ulan Ude"), ("Naberezhnye Chelny", "Naberezhnyye Chelny")],
)
def test_spellings_share_a_key(a, b):
    assert name_key(a) == name_key(b)
