"""Place every city the reports use, and write data/cities.csv (the cache the dashboard reads).

Input is data/places.csv, curated by hand: for each city_id its English and Russian names, an optional
region hint (needed for names several places share), and optionally manual coordinates with a reason.
Each city is placed, in order, by

1. manual coordinates from places.csv (recorded as ``manual`` with the reason);
2. the offline GeoNames gazetteer (``gazetteer``), trying the English then the Russian name;
3. only with ``--online``: Nominatim through geopy (``nominatim``), rate-limited.

A city that cannot be placed, or whose name is ambiguous, is reported and left out of cities.csv,
so the validator then fails loudly on every report that uses it. Nothing is guessed.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .gazetteer import AmbiguousName, OfflineGazetteer
from .outline import inside_russia_outline
from .regions import OCCUPIED_STATUS, Region, all_regions, matches_hint


@dataclass(frozen=True)
class PlaceRequest:
    """One row of data/places.csv."""

    city_id: str
    name_en: str
    name_ru: str
    region_hint: str = ""
    manual_lat: str = ""
    manual_lon: str = ""
    manual_reason: str = ""
    row: int = 0


@dataclass(frozen=True)
class City:
    """One row of data/cities.csv."""

    city_id: str
    name_en: str
    name_ru: str
    region: str
    country_code: str
    territory_status: str
    lat: float
    lon: float
    geonames_id: int | None
    population: int | None
    geocoder: str
    geocoder_note: str


CITY_COLUMNS = [f.name for f in fields(City)]
PLACE_COLUMNS = [f.name for f in fields(PlaceRequest) if f.name != "row"]


@dataclass(frozen=True)
class Outcome:
    cities: list[City]
    problems: list[str]
    unused: list[str]


def read_places(path: Path) -> list[PlaceRequest]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = set(PLACE_COLUMNS) - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        return [
            PlaceRequest(**{k: (row.get(k) or "").strip() for k in PLACE_COLUMNS}, row=number)
            for number, row in enumerate(reader, start=2)
        ]


def cities_used(reports_path: Path) -> dict[str, int]:
    """city_id -> first row of reports.csv that uses it."""
    used: dict[str, int] = {}
    with reports_path.open(newline="", encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            city_id = (row.get("city_id") or "").strip()
            if city_id:
                used.setdefault(city_id, number)
    return used


def _region_from_hint(hint: str) -> Region | None:
    matches = [region for region in all_regions().values() if matches_hint(region, hint)]
    return matches[0] if len(matches) == 1 else None


def _city(request: PlaceRequest, region: Region, lat: float, lon: float, geocoder: str, note: str,
          geonames_id: int | None = None, population: int | None = None) -> City:
    return City(
        city_id=request.city_id,
        name_en=request.name_en,
        name_ru=request.name_ru,
        region=region.name,
        country_code=region.country_code,
        territory_status=OCCUPIED_STATUS if region.occupied else "",
        lat=round(lat, 5),
        lon=round(lon, 5),
        geonames_id=geonames_id,
        population=population,
        geocoder=geocoder,
        geocoder_note=note,
    )


def _manual(request: PlaceRequest) -> tuple[City | None, str | None]:
    where = f"data/places.csv, row {request.row}"
    if not request.manual_reason:
        return None, f"{where}, column manual_reason: manual coordinates need a reason"
    region = _region_from_hint(request.region_hint)
    if region is None:
        return None, f"{where}, column region_hint: {request.region_hint!r} must name exactly one region"
    try:
        lat, lon = float(request.manual_lat), float(request.manual_lon)
    except ValueError:
        return None, f"{where}, columns manual_lat/manual_lon: not numbers"
    return _city(request, region, lat, lon, "manual", request.manual_reason), None


def _from_gazetteer(request: PlaceRequest, gazetteer: OfflineGazetteer) -> tuple[City | None, str | None]:
    where = f"data/places.csv, row {request.row} ({request.city_id})"
    found = {}
    for name in (request.name_en, request.name_ru):
        if not name:
            continue
        try:
            location = gazetteer.geocode(name, region=request.region_hint or None)
        except AmbiguousName as error:
            return None, f"{where}: {error}"
        if location is not None:
            found[name] = location
    ids = {location.raw["geonames_id"] for location in found.values()}
    if len(ids) > 1:
        listed = "; ".join(f"{name} -> GeoNames {loc.raw['geonames_id']} ({loc.address})" for name, loc in found.items())
        return None, f"{where}: the English and Russian names are different places: {listed}"
    if not found:
        return None, None
    location = next(iter(found.values()))
    region = all_regions()[f"{location.raw['country_code']}.{location.raw['admin1_code']}"]
    return _city(request, region, location.latitude, location.longitude, "gazetteer",
                 f"GeoNames {location.raw['geonames_id']}: {location.raw['name']}",
                 location.raw["geonames_id"], location.raw["population"]), None


def resolve(
    requests: Iterable[PlaceRequest],
    used: dict[str, int],
    gazetteer: OfflineGazetteer | None = None,
    online: Callable[[PlaceRequest], tuple[City | None, str | None]] | None = None,
) -> Outcome:
    """Place every used city; report every one that cannot be placed."""
    gazetteer = gazetteer or OfflineGazetteer()
    by_id: dict[str, PlaceRequest] = {}
    problems: list[str] = []
    for request in requests:
        if request.city_id in by_id:
            problems.append(f"data/places.csv, row {request.row}, column city_id: duplicate {request.city_id!r}")
        by_id.setdefault(request.city_id, request)
    cities = []
    for city_id, report_row in sorted(used.items()):
        request = by_id.get(city_id)
        if request is None:
            problems.append(f"data/reports.csv, row {report_row}, column city_id: unknown city {city_id!r} "
                            "(add it to data/places.csv)")
            continue
        if request.manual_lat or request.manual_lon:
            city, problem = _manual(request)
        else:
            city, problem = _from_gazetteer(request, gazetteer)
            if city is None and problem is None and online is not None:
                city, problem = online(request)
            if city is None and problem is None:
                problem = (f"data/places.csv, row {request.row} ({city_id}): {request.name_en!r} / "
                           f"{request.name_ru!r} not in the offline gazetteer; add manual coordinates "
                           "with a reason, or run with --online to ask Nominatim")
        if problem:
            problems.append(problem)
            continue
        if city.country_code == "RU" and not inside_russia_outline(city.lat, city.lon):
            problems.append(f"data/places.csv, row {request.row} ({city_id}): placed at {city.lat}, {city.lon}, "
                            "outside Russia's outline; check the match")
            continue
        cities.append(city)
    unused = sorted(set(by_id) - set(used))
    return Outcome(cities, problems, unused)


def write_cities(path: Path, cities: Iterable[City]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, CITY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for city in sorted(cities, key=lambda c: c.city_id):
            row = asdict(city)
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
