"""The map model: which markers, circles, colours, tooltips and popups a day's summary produces.

Plain data, no folium, so it is tested directly. Every city reported that day gets exactly one
clickable dot (its popup and tooltip live there). The switched-on layers add non-clickable symbols
beneath it: proportional circles for crowd and detentions, a coloured disc for temperature. A city
with no figure for any switched-on layer keeps a grey dot: "protest reported, no figure".
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pandas as pd

from geo.outline import display_longitude

from . import cards
from .i18n import Words
from .symbols import ABSENCE_COLOUR, CITY_DOT_COLOUR, CROWD, DETENTIONS, NEUTRAL_COLOUR, TEMPERATURE
from .vocabulary import LAYERS


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
    # Only a reported absence ("no protest here") that day: drawn as a quiet ring, never as a protest.
    absence_only: bool = False
    label: str = ""  # the city's name in the interface's language, for the map's labels
    importance: float = 0.0  # population: larger places are drawn on top and labelled first

    @property
    def dot_colour(self) -> str:
        if self.absence_only:
            return ABSENCE_COLOUR
        return NEUTRAL_COLOUR if self.neutral else CITY_DOT_COLOUR


def _present(value) -> bool:
    return value is not None and not pd.isna(value)


def symbols_for(city, layers: frozenset[str] | set[str]) -> tuple[Symbol, ...]:
    """The symbols a city's spans draw: for counts, the largest figure as a circle and the smallest
    inside it when counters (or a report's own range) differ; for temperature, the median's colour."""
    symbols: list[Symbol] = []
    for layer, scale in (("crowd", CROWD), ("detentions", DETENTIONS)):
        if layer in layers and _present(city.get(f"{layer}_high")):
            largest, smallest = float(city[f"{layer}_high"]), float(city[f"{layer}_low"])
            symbols.append(Symbol(layer, largest, scale.radius(largest), scale.colour, 0.25))
            if smallest != largest:
                symbols.append(Symbol(layer, smallest, scale.radius(smallest), scale.colour, 0.45))
    if "temperature" in layers and _present(city.get("temperature_middle")):
        value = float(city["temperature_middle"])
        symbols.append(Symbol("temperature", value, TEMPERATURE.radius, TEMPERATURE.colour(value), 0.9))
    return tuple(symbols)


def city_markers(day_summary: pd.DataFrame, counters_by_city: dict[str, list[dict]],
                 layers: set[str] | frozenset[str], words: Words,
                 absences_by_city: dict[str, list[dict]] | None = None) -> list[CityMarker]:
    """One marker per city in ``day_summary`` (one protest day), largest symbols first.

    ``counters_by_city`` holds each city's counter figures for that day (the figure rule's output);
    ``absences_by_city`` its reports that no protest took place (``no_protest``), if any.
    """
    unknown = set(layers) - set(LAYERS)
    if unknown:
        raise ValueError(f"unknown layer(s) {sorted(unknown)}; expected some of {LAYERS}")
    absences_by_city = absences_by_city or {}
    markers = []
    for city in day_summary.to_dict("records"):
        city_id = str(city["city_id"])
        symbols = symbols_for(city, layers)
        its_counters, its_absences = counters_by_city.get(city_id, []), absences_by_city.get(city_id)
        absence_only = not bool(city.get("protest_reported", True))
        markers.append(
            CityMarker(
                city_id=city_id,
                lat=float(city["lat"]),
                lon=display_longitude(float(city["lon"])),
                neutral=not symbols,
                tooltip=cards.tooltip_text(city, its_counters, words, absences=its_absences, absence_only=absence_only),
                popup_html=cards.city_popup(city, its_counters, words, absences=its_absences,
                                            absence_only=absence_only),
                symbols=symbols,
                absence_only=absence_only,
                label=cards.city_name(city, words),
                importance=0.0 if pd.isna(city.get("population")) else float(city["population"]),
            )
        )
    return sorted(markers, key=lambda m: -max((s.radius for s in m.symbols), default=0.0))


def with_layers(markers: list[CityMarker], day_summary: pd.DataFrame,
                layers: set[str] | frozenset[str]) -> list[CityMarker]:
    """The same markers with another set of layers switched on: only the symbols change, and the
    tooltips and popups (the bulk of the model) are shared, not rebuilt or copied."""
    rows = {str(city["city_id"]): city for city in day_summary.to_dict("records")}
    restyled = []
    for marker in markers:
        symbols = symbols_for(rows[marker.city_id], layers)
        restyled.append(replace(marker, symbols=symbols, neutral=not symbols))
    return sorted(restyled, key=lambda m: -max((s.radius for s in m.symbols), default=0.0))


def nearest_city(markers: list[CityMarker], lat: float, lng: float) -> str | None:
    """The city whose dot is nearest a clicked point (the map reports clicks as coordinates)."""
    if not markers:
        return None
    lng = display_longitude(lng)
    scale = math.cos(math.radians(lat))
    return min(markers, key=lambda m: (m.lat - lat) ** 2 + ((m.lon - lng) * scale) ** 2).city_id
