"""The map model: which markers, circles, colours, tooltips and popups a day's summary produces.

Plain data, no folium, so it is tested directly. Every city reported that day gets exactly one
clickable dot (its popup and tooltip live there). The switched-on layers add non-clickable symbols
beneath it: proportional circles for crowd and detentions, a coloured disc for temperature. A city
with no figure for any switched-on layer keeps a grey dot: "protest reported, no figure".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from . import cards
from geo.outline import display_longitude
from .symbols import CITY_DOT_COLOUR, CROWD, DETENTIONS, NEUTRAL_COLOUR, TEMPERATURE

LAYERS = ("crowd", "detentions", "temperature")


@dataclass(frozen=True)
class Symbol:
    layer: str
    value: float
    radius: float
    colour: str
    fill_opacity: float


@dataclass(frozen=True)
class CityMarker:
    city_id: str
    lat: float
    lon: float  # display longitude: continuous across the antimeridian
    neutral: bool
    tooltip: str  # plain text
    popup_html: str  # escaped HTML
    symbols: tuple[Symbol, ...]

    @property
    def dot_colour(self) -> str:
        return NEUTRAL_COLOUR if self.neutral else CITY_DOT_COLOUR


def _present(value) -> bool:
    return value is not None and not pd.isna(value)


def symbols_for(city: pd.Series, layers: frozenset[str] | set[str]) -> tuple[Symbol, ...]:
    symbols: list[Symbol] = []
    if "crowd" in layers and _present(city.get("crowd_max")):
        largest, smallest = float(city["crowd_max"]), float(city["crowd_min"])
        symbols.append(Symbol("crowd", largest, CROWD.radius(largest), CROWD.colour, 0.25))
        if smallest != largest:  # range of estimates: the smallest drawn inside the largest
            symbols.append(Symbol("crowd", smallest, CROWD.radius(smallest), CROWD.colour, 0.45))
    if "detentions" in layers and _present(city.get("detentions")):
        value = float(city["detentions"])
        symbols.append(Symbol("detentions", value, DETENTIONS.radius(value), DETENTIONS.colour, 0.45))
    if "temperature" in layers and _present(city.get("temperature_c")):
        value = float(city["temperature_c"])
        symbols.append(Symbol("temperature", value, TEMPERATURE.radius, TEMPERATURE.colour(value), 0.9))
    return tuple(symbols)


def tooltip_for(city: pd.Series, symbols: tuple[Symbol, ...]) -> str:
    parts = []
    if _present(city.get("crowd_max")):
        parts.append(f"crowd {cards.value_range('crowd', city['crowd_min'], city['crowd_max'])}")
    if _present(city.get("detentions")):
        upper = None if city.get("detentions_is_lower_bound") else city["detentions"]
        parts.append(f"detentions {cards.figure('detentions', city['detentions'], upper)}")
    if _present(city.get("temperature_c")):
        parts.append(f"{cards.value_range('temperature_c', city['temperature_c'], city['temperature_max'])}")
    detail = "; ".join(parts) if parts else "protest reported, no figure"
    if not symbols and parts:
        detail += " (layer off)"
    return f"{city['name_en']}: {detail}"


def city_markers(day_summary: pd.DataFrame, day_reports: pd.DataFrame, layers: set[str] | frozenset[str]) -> list[CityMarker]:
    """One marker per city in ``day_summary`` (one protest day), largest symbols first."""
    unknown = set(layers) - set(LAYERS)
    if unknown:
        raise ValueError(f"unknown layer(s) {sorted(unknown)}; expected some of {LAYERS}")
    by_city = {city_id: group for city_id, group in day_reports.groupby("city_id")}
    markers = []
    for _, city in day_summary.iterrows():
        symbols = symbols_for(city, layers)
        reports = by_city.get(city["city_id"], day_reports.iloc[0:0])
        markers.append(
            CityMarker(
                city_id=str(city["city_id"]),
                lat=float(city["lat"]),
                lon=display_longitude(float(city["lon"])),
                neutral=not symbols,
                tooltip=tooltip_for(city, symbols),
                popup_html=cards.city_popup(city, reports),
                symbols=symbols,
            )
        )
    return sorted(markers, key=lambda m: -max((s.radius for s in m.symbols), default=0.0))


def nearest_city(markers: list[CityMarker], lat: float, lng: float) -> str | None:
    """The city whose dot is nearest a clicked point (the map reports clicks as coordinates)."""
    if not markers:
        return None
    lng = display_longitude(lng)
    scale = math.cos(math.radians(lat))
    return min(markers, key=lambda m: (m.lat - lat) ** 2 + ((m.lon - lng) * scale) ** 2).city_id
