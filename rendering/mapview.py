"""The folium map: a constant base (Russia's outline, optional online tiles) and one feature group
per layer, built from :mod:`rendering.markers`.

The base map never changes while the app runs, so streamlit-folium keeps it mounted and the user's
zoom survives a change of day or layers; the feature groups are swapped in place.

Only Leaflet is loaded (from the app's own static files): folium's defaults would also pull jQuery,
Bootstrap and Font Awesome from CDNs, and its Popup and Tooltip put text inside JavaScript template
literals. :class:`JsonPopup` and :class:`JsonTooltip` pass content as JSON strings instead.
"""

from __future__ import annotations

import json

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from geo.outline import basemap

from .assets import LEAFLET_CSS_URL, LEAFLET_JS_URL
from .cards import text
from .i18n import ENGLISH, Words
from .markers import CityMarker
from .symbols import ABSENCE_RING_COLOUR

RUSSIA_BOUNDS = [[41.0, 19.0], [78.0, 191.0]]  # south-west, north-east, display frame
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
MAP_STYLE = """
<style>
.leaflet-container { background: #d8e6f0; font: 13px/1.35 system-ui, sans-serif; }
.city-popup { max-height: 300px; max-width: 420px; overflow-y: auto; }
.city-popup h4 { margin: 0 0 2px; font-size: 15px; }
.city-popup .region { color: #555; margin-bottom: 6px; }
.city-popup ul.figures { margin: 4px 0 8px; padding-left: 18px; }
.city-popup ol.reports { margin: 0; padding-left: 18px; }
.city-popup li.report { margin-bottom: 8px; }
.city-popup blockquote { margin: 3px 0; padding-left: 8px; border-left: 3px solid #bbb; white-space: pre-wrap; }
.city-popup .source, .city-popup .note, .city-popup .as-of { color: #555; font-size: 12px; }
</style>
"""


def js_string(value: str) -> str:
    """A JavaScript string literal that is also safe inside an HTML <script> element."""
    encoded = json.dumps(value, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        encoded = encoded.replace(char, escape)
    return encoded


class OfflineMap(folium.Map):
    """folium.Map that loads Leaflet from the app, and nothing else."""

    default_js = [("leaflet", LEAFLET_JS_URL)]
    default_css = [("leaflet_css", LEAFLET_CSS_URL)]


class JsonPopup(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.bindPopup({{ this.content_js }}, {{ this.options_js }});
        {% endmacro %}
        """
    )

    def __init__(self, html: str, *, max_width: int = 440):
        super().__init__()
        self._name = "JsonPopup"
        self.content_js = js_string(html)
        self.options_js = json.dumps({"maxWidth": max_width, "autoPanPaddingTopLeft": [60, 10], "autoPanPaddingBottomRight": [10, 10]})


class JsonTooltip(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.bindTooltip({{ this.content_js }}, {"sticky": true});
        {% endmacro %}
        """
    )

    def __init__(self, plain_text: str):
        super().__init__()
        self._name = "JsonTooltip"
        # Leaflet sets tooltip strings as HTML: escape, then JSON-encode.
        self.content_js = js_string(text(plain_text))


class EmbeddedMapBehaviour(MacroElement):
    """How an embedded map should behave on a page that scrolls.

    - The wheel scrolls the page until the reader starts using the map (a click, a tap or keyboard
      focus); only then does it zoom.
    - Leaflet focuses the map on mousedown for keyboard panning; the browser then scrolls the page to
      the focused iframe, the press and release land on different spots, and the first click is lost.
      Focusing with ``preventScroll`` keeps keyboard panning without the jump.
    - The zoom limits are applied to the map itself (folium hands them to tile layers only).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map) {
                map.setMinZoom({{ this.min_zoom }});
                map.setMaxZoom({{ this.max_zoom }});
                map.scrollWheelZoom.disable();
                var startUsing = function () { map.scrollWheelZoom.enable(); };
                map.on("click focus mousedown touchstart", startUsing);
                map.getContainer().addEventListener("focus", startUsing);
                if (map.keyboard) {
                    map.keyboard.disable();
                    L.Map.Keyboard.prototype._onMouseDown = function () {
                        if (this._focused) { return; }
                        this._map._container.focus({preventScroll: true});
                    };
                    map.keyboard.enable();
                }
            })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, *, min_zoom: int, max_zoom: int):
        super().__init__()
        self._name = "EmbeddedMapBehaviour"
        self.min_zoom, self.max_zoom = int(min_zoom), int(max_zoom)


MIN_ZOOM, MAX_ZOOM = 2, 10


def base_map(words: Words = ENGLISH, *, online_tiles_layer: bool = True) -> folium.Map:
    """The constant part of the map: Russia and its neighbours from Natural Earth, fitted to Russia."""
    fmap = OfflineMap(location=[62, 100], zoom_start=3, tiles=None, min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM,
                      control_scale=True, world_copy_jump=False, zoom_snap=0.25, zoom_delta=0.5,
                      scroll_wheel_zoom=False)
    fmap.get_root().header.add_child(Element(MAP_STYLE), name="protest_map_style")
    EmbeddedMapBehaviour(min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM).add_to(fmap)
    folium.GeoJson(
        basemap(),
        name=words._("Country outlines (Natural Earth)"),
        style_function=_outline_style,
        interactive=False,
        control=False,
        attribution=text(words._("Outlines: Natural Earth (public domain)")),
    ).add_to(fmap)
    if online_tiles_layer:
        folium.TileLayer(OSM_TILES, attr=OSM_ATTRIBUTION, name=words._("OpenStreetMap tiles (online only)"),
                         overlay=True, show=False, control=True).add_to(fmap)
        folium.LayerControl(collapsed=True).add_to(fmap)
    fmap.fit_bounds(RUSSIA_BOUNDS)
    return fmap


def _outline_style(feature: dict) -> dict:
    russia = feature["properties"]["russia"]
    return {
        "color": "#6b6b6b" if russia else "#a9a9a9",
        "weight": 1.0 if russia else 0.6,
        "fillColor": "#f4efe4" if russia else "#ebebeb",
        "fillOpacity": 1.0,
    }


def layer_groups(markers: list[CityMarker]) -> list[folium.FeatureGroup]:
    """Feature groups for the symbols (largest first) and, on top, the clickable city dots."""
    symbols = folium.FeatureGroup(name="symbols")
    dots = folium.FeatureGroup(name="cities")
    for marker in markers:
        for symbol in marker.symbols:
            folium.CircleMarker(
                location=[marker.lat, marker.lon],
                radius=round(symbol.radius, 2),
                color=symbol.colour,
                weight=1,
                fill=True,
                fill_color=symbol.colour,
                fill_opacity=symbol.fill_opacity,
                interactive=False,
                class_name=f"symbol symbol-{symbol.layer} city-{marker.city_id}",
            ).add_to(symbols)
    for marker in sorted(markers, key=lambda m: m.city_id):
        dot = folium.CircleMarker(
            location=[marker.lat, marker.lon],
            radius=4.5 if marker.neutral else 3.5,
            color=ABSENCE_RING_COLOUR if marker.absence_only else "#ffffff",
            weight=1.2,
            fill=True,
            fill_color=marker.dot_colour,
            fill_opacity=1.0,
            class_name=(f"city-marker city-{marker.city_id}{' neutral' if marker.neutral else ''}"
                        f"{' absence' if marker.absence_only else ''}"),
        )
        JsonTooltip(marker.tooltip).add_to(dot)
        JsonPopup(marker.popup_html).add_to(dot)
        dot.add_to(dots)
    return [symbols, dots]


def standalone_html(markers: list[CityMarker]) -> str:
    """The whole map as one HTML page (for tests and benchmarks; the app uses streamlit-folium)."""
    fmap = base_map()
    for group in layer_groups(markers):
        group.add_to(fmap)
    return fmap.get_root().render()
