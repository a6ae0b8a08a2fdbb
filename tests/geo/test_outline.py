"""Coordinates lie inside Russia's outline, or are flagged as occupied Crimea; Chukotka stays whole."""

import json

from geo.outline import BASEMAP_FILE, display_longitude, inside_russia_outline


def test_every_city_is_inside_russia_or_flagged_as_crimea(dataset):
    for city in dataset.cities.itertuples():
        if city.country_code == "RU":
            assert inside_russia_outline(city.lat, city.lon), city.city_id
        else:
            assert city.country_code == "UA" and "occupied" in city.territory_status, city.city_id
            assert not inside_russia_outline(city.lat, city.lon), city.city_id


def test_chukotka_is_continuous_across_the_antimeridian():
    assert display_longitude(-175.0) == 185.0
    assert display_longitude(177.5) == 177.5
    assert display_longitude(37.6) == 37.6
    assert inside_russia_outline(65.5, -172.0)  # eastern Chukotka


def test_the_basemap_draws_russia_without_negative_longitudes():
    collection = json.loads(BASEMAP_FILE.read_text())
    russia = next(f for f in collection["features"] if f["properties"]["russia"])

    def longitudes(value):
        if isinstance(value[0], (int, float)):
            yield value[0]
        else:
            for item in value:
                yield from longitudes(item)

    lons = list(longitudes(russia["geometry"]["coordinates"]))
    assert min(lons) > 19 and max(lons) > 180


def test_crimea_is_drawn_as_ukraine():
    assert not inside_russia_outline(44.95, 34.11, tolerance=0)
