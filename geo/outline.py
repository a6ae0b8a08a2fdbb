"""Russia's outline (Natural Earth 1:110m, bundled) and the antimeridian.

Russia reaches past 180°E: Chukotka's eastern tip has longitudes near -170. On a web map that piece
would be drawn at the far left. Every longitude this project draws is therefore shifted into one
continuous frame (west of -168° becomes +360°), so Chukotka stays beside the rest of Russia.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

BASEMAP_FILE = Path(__file__).resolve().parent / "data" / "basemap.geojson"
ANTIMERIDIAN_SHIFT_BELOW = -168.0  # Russia's westernmost point is ~19.6°E; nothing it owns lies in (-168, 19)
# The 1:110m coastline is coarse: a coastal city (Makhachkala, Vladivostok) can sit a few km offshore.
COASTAL_TOLERANCE_DEGREES = 0.25


def display_longitude(lon: float) -> float:
    """The longitude to draw: continuous across the antimeridian for Russia."""
    return lon + 360.0 if lon < ANTIMERIDIAN_SHIFT_BELOW else lon


def shift_antimeridian(geometry: dict) -> dict:
    """A GeoJSON geometry with its far-east points moved into the continuous frame."""

    def walk(value):
        if isinstance(value, (list, tuple)) and value and isinstance(value[0], (int, float)):
            return [display_longitude(value[0]), value[1]]
        return [walk(item) for item in value]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


@lru_cache(maxsize=1)
def basemap() -> dict:
    return json.loads(BASEMAP_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def russia_outline() -> BaseGeometry:
    """Russia's outline in the display frame (longitudes up to ~190°)."""
    for feature in basemap()["features"]:
        if feature["properties"]["russia"]:
            return shape(feature["geometry"])
    raise LookupError(f"{BASEMAP_FILE} has no feature for Russia")


def inside_russia_outline(lat: float, lon: float, tolerance: float = COASTAL_TOLERANCE_DEGREES) -> bool:
    """True if the point lies within Russia's internationally recognised outline (plus a coastal margin)."""
    point = Point(display_longitude(lon), lat)
    outline = russia_outline()
    return outline.contains(point) or outline.distance(point) <= tolerance
