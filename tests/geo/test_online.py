"""The optional Nominatim fallback against the real service (skipped unless RUN_ONLINE_TESTS=1)."""

import io

import pytest

from geo.online import NominatimFallback
from geo.resolve import PlaceRequest

pytestmark = pytest.mark.online


def test_nominatim_places_a_town_in_its_region():
    city, problem = NominatimFallback(out=io.StringIO())(
        PlaceRequest("kolchugino", "Kolchugino", "Кольчугино", region_hint="Vladimir Oblast", row=2))
    assert problem is None
    assert city.geocoder == "nominatim" and city.region == "Vladimir Oblast"
    assert 56.0 < city.lat < 56.6 and 39.0 < city.lon < 39.7
