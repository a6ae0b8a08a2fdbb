"""The folium map: a constant base (Russia's outline, optional online tiles) and one feature group
per layer, built from :mod:`rendering.markers`.

The base map never changes while the app runs, so streamlit-folium keeps it mounted and the user's
zoom survives a change of day or layers; the feature groups are swapped in place.

Only Leaflet is loaded (from the app's own static files): folium's defaults would also pull jQuery,
Bootstrap and Font Awesome from CDNs, and its Popup and Tooltip put text inside JavaScript template
literals. Here symbols and cities travel as one JSON model each (:class:`SymbolCircles`,
:class:`CityDots`): tooltips are set as text, popups come as JSON strings or from the day's file.
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
.city-popup { max-height: min(260px, 55vh); overflow-y: auto; font-size: 13px; }
.city-popup-frame .leaflet-popup-content { max-width: min(300px, calc(100vw - 90px)) !important; margin: 10px 12px; }
.city-label-text { display: inline-block; font: 600 11px system-ui, sans-serif; color: #222; white-space: nowrap;
                   text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; pointer-events: none; }
.city-label { background: none; border: none; }
.city-popup h4 { margin: 0 0 2px; font-size: 15px; }
.city-popup .region { color: #555; margin-bottom: 6px; }
.city-popup ul.figures { margin: 4px 0 8px; padding-left: 18px; }
.city-popup ol.reports { margin: 0; padding-left: 18px; }
.city-popup li.report { margin-bottom: 8px; }
.city-popup blockquote { margin: 3px 0; padding-left: 8px; border-left: 3px solid #bbb; white-space: pre-wrap; }
.city-popup .source, .city-popup .note, .city-popup .as-of, .city-popup .via { color: #555; font-size: 12px; }
.city-popup .metric-label { font-weight: 600; }
.city-popup ul.counters { margin: 2px 0 6px; padding-left: 16px; }
.city-popup .absence { color: #555; font-style: italic; margin: 4px 0; }
.city-popup .absence.conflict { color: #9c4221; }
.city-popup p.more { color: #555; font-size: 12px; margin: 6px 0 0; }
</style>
"""


_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                   ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def script_json(value: object) -> str:
    """JSON that is also safe inside an HTML <script> element: no '<', '>' or '&' that could end it,
    and no U+2028/U+2029 (line breaks to older JavaScript). Those characters only occur inside JSON
    strings, where their \\u escapes mean the same."""
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in _SCRIPT_ESCAPES:
        encoded = encoded.replace(char, escape)
    return encoded


def js_string(value: str) -> str:
    """A JavaScript string literal that is also safe inside an HTML <script> element."""
    return script_json(value)


class OfflineMap(folium.Map):
    """folium.Map that loads Leaflet from the app, and nothing else."""

    default_js = [("leaflet", LEAFLET_JS_URL)]
    default_css = [("leaflet_css", LEAFLET_CSS_URL)]


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


class WholeCountryButton(MacroElement):
    """A button under the zoom buttons that shows all of Russia again, after zooming or after a popup
    panned the map (on a phone a popup can push the Far East off screen)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map, bounds, title) {
                var Control = L.Control.extend({
                    options: {position: "topleft"},
                    onAdd: function () {
                        var bar = L.DomUtil.create("div", "leaflet-bar leaflet-control");
                        var button = L.DomUtil.create("a", "whole-country", bar);
                        button.href = "#"; button.setAttribute("role", "button");
                        button.title = title; button.setAttribute("aria-label", title);
                        button.textContent = "\u2302";
                        L.DomEvent.disableClickPropagation(bar);
                        L.DomEvent.on(button, "click", function (event) {
                            L.DomEvent.preventDefault(event);
                            map.closePopup();
                            map.fitBounds(bounds);
                        });
                        return bar;
                    }
                });
                new Control().addTo(map);
            })({{ this._parent.get_name() }}, {{ this.bounds_js }}, {{ this.title_js }});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list, title: str):
        super().__init__()
        self._name = "WholeCountryButton"
        self.bounds_js = json.dumps(bounds)
        self.title_js = js_string(title)


class FetchedOutline(MacroElement):
    """The basemap's outlines (Natural Earth GeoJSON), fetched from the app and drawn under everything."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map, url, styles, attribution) {
                fetch(url).then(function (response) {
                    if (!response.ok) { throw new Error(response.status); }
                    return response.json();
                }).then(function (outline) {
                    var layer = L.geoJSON(outline, {interactive: false, attribution: attribution,
                        style: function (feature) {
                            return L.extend({className: "outline"}, styles[feature.properties.russia ? "russia" : "other"]);
                        }});
                    layer.addTo(map);
                    layer.bringToBack();
                }).catch(function () { /* the map still works without its outlines */ });
            })({{ this._parent.get_name() }}, {{ this.url_js }}, {{ this.styles_js }}, {{ this.attribution_js }});
        {% endmacro %}
        """
    )

    def __init__(self, url: str, attribution_html: str):
        super().__init__()
        self._name = "FetchedOutline"
        self.url_js = js_string(url)
        self.styles_js = script_json(outline_styles())
        self.attribution_js = js_string(attribution_html)


# Zoom 1 lets a phone's narrow map show all of Russia; below it Russia would shrink to a speck.
MIN_ZOOM, MAX_ZOOM = 1, 10


def base_map(words: Words = ENGLISH, *, online_tiles_layer: bool = True, outline_url: str | None = None) -> folium.Map:
    """The constant part of the map: Russia and its neighbours from Natural Earth, fitted to Russia.

    With ``outline_url`` the outlines are fetched from there once per page, instead of travelling
    with the map on every rerun (they were most of what a rerun sent)."""
    fmap = OfflineMap(location=[62, 100], zoom_start=3, tiles=None, min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM,
                      control_scale=True, world_copy_jump=False, zoom_snap=0.25, zoom_delta=0.5,
                      scroll_wheel_zoom=False)
    fmap.get_root().header.add_child(Element(MAP_STYLE), name="protest_map_style")
    EmbeddedMapBehaviour(min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM).add_to(fmap)
    WholeCountryButton(RUSSIA_BOUNDS, words._("Show all of Russia")).add_to(fmap)
    attribution = text(words._("Outlines: Natural Earth (public domain)"))
    if outline_url:
        FetchedOutline(outline_url, attribution).add_to(fmap)
    else:
        folium.GeoJson(
            basemap(),
            name=words._("Country outlines (Natural Earth)"),
            style_function=_outline_style,
            interactive=False,
            control=False,
            attribution=attribution,
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


DOT_RADIUS, NEUTRAL_DOT_RADIUS = 3.5, 4.5


def dot_style(marker: CityMarker) -> dict:
    """A city's dot, in Leaflet's path options: larger and grey when it has no figure to draw."""
    return {
        "radius": NEUTRAL_DOT_RADIUS if marker.neutral else DOT_RADIUS,
        "color": ABSENCE_RING_COLOUR if marker.absence_only else "#ffffff",
        "weight": 1.2,
        "fillColor": marker.dot_colour,
        "fillOpacity": 1.0,
    }


def dot_key(neutral: bool, absence: bool) -> str:
    return f"{'neutral' if neutral else 'figure'}-{'absence' if absence else 'protest'}"


def dot_styles() -> dict[str, dict]:
    """The dot's style for each case a map can meet (which depends on the layers switched on)."""
    return {dot_key(neutral, absence): dot_style(CityMarker("", 0.0, 0.0, neutral, "", "", (), absence_only=absence))
            for neutral in (False, True) for absence in (False, True)}


def outline_styles() -> dict[str, dict]:
    """The basemap's styles in Leaflet's path options: Russia, and its neighbours."""
    return {"russia": _outline_style({"properties": {"russia": True}}),
            "other": _outline_style({"properties": {"russia": False}})}


# Leaflet's own defaults for a path: folium writes them out for every circle; leaving them out makes the
# map sent on each rerun a good deal smaller and changes nothing drawn.
LEAFLET_PATH_DEFAULTS = {"stroke": True, "opacity": 1.0, "lineCap": "round", "lineJoin": "round", "dashArray": None,
                         "dashOffset": None, "fillRule": "evenodd", "bubblingMouseEvents": True}


def lean(circle: folium.CircleMarker) -> folium.CircleMarker:
    """The circle without the options that only restate Leaflet's defaults."""
    for key, default in LEAFLET_PATH_DEFAULTS.items():
        if key in circle.options and circle.options[key] == default:
            del circle.options[key]
    return circle


def drawing_only(circle: folium.CircleMarker) -> folium.CircleMarker:
    """A circle that is drawn but never takes a click or a tap (folium drops Leaflet's ``interactive``
    option, so it is set here): only the cities' discs may receive them."""
    circle.options["interactive"] = False
    return lean(circle)


# The invisible disc that takes a click or a tap: larger than the dot, so a finger finds it.
HIT_RADIUS = 9


POPUP_OPTIONS = {"maxWidth": 300, "minWidth": 180, "className": "city-popup-frame",
                 # Autopan keeps the popup clear of the zoom buttons (left) and the layer menu (top right).
                 "autoPanPaddingTopLeft": [50, 60], "autoPanPaddingBottomRight": [10, 10]}


class SymbolCircles(MacroElement):
    """The switched-on layers' circles, drawn from one compact JSON array (folium would write a
    dozen lines of JavaScript per circle). They never take a click: only the cities' discs do."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (group, rows) {
                rows.forEach(function (r) {
                    L.circleMarker([r[0], r[1]], {radius: r[2], color: r[3], weight: 1, fillColor: r[3],
                        fillOpacity: r[4], interactive: false, className: "symbol symbol-" + r[5] + " city-" + r[6]
                    }).addTo(group);
                });
            })({{ this._parent.get_name() }}, {{ this.rows_js }});
        {% endmacro %}
        """
    )

    def __init__(self, rows: list[list]):
        super().__init__()
        self._name = "SymbolCircles"
        self.rows_js = script_json(rows)


class CityDots(MacroElement):
    """Every city's dot and, above all dots, its invisible clickable disc, from one JSON model.

    A disc carries the city's GeoJSON identity (streamlit-folium returns the clicked layer's GeoJSON,
    so a click reports *which* city was hit, not only where), its tooltip (set as text, never as HTML)
    and its popup. The popups come inline, or, when ``popups_url`` is given, are fetched from there
    the first time a city is opened (once per page and file: the request is shared).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (group, model) {
                var stores = window.__cityPopupStores = window.__cityPopupStores || {};
                function popups() {
                    if (model.popups) { return Promise.resolve(model.popups); }
                    if (!stores[model.popups_url]) {
                        stores[model.popups_url] = fetch(model.popups_url).then(function (response) {
                            if (!response.ok) { throw new Error(response.status); }
                            return response.json();
                        });
                        stores[model.popups_url].catch(function () { delete stores[model.popups_url]; });
                    }
                    return stores[model.popups_url];
                }
                model.cities.forEach(function (c) {
                    var style = model.dot_styles[(c.neutral ? "neutral" : "figure") + "-" + (c.absence ? "absence" : "protest")];
                    L.circleMarker([c.lat, c.lon], L.extend({}, style, {interactive: false,
                        className: "city-dot city-" + c.id + (c.neutral ? " neutral" : "") + (c.absence ? " absence" : "")
                    })).addTo(group);
                });
                model.cities.forEach(function (c) {
                    var disc = L.circleMarker([c.lat, c.lon], {radius: model.hit_radius, stroke: false, fill: true,
                        fillColor: "#000000", fillOpacity: 0,
                        className: "city-marker city-" + c.id + (c.absence ? " absence" : "")});
                    disc.feature = {type: "Feature", geometry: null, properties: {city_id: c.id}};
                    var tip = document.createElement("span");
                    tip.textContent = c.tooltip;
                    disc.bindTooltip(tip, {sticky: true, className: "city-tooltip tooltip-" + c.id});
                    var waiting = document.createElement("div");
                    waiting.className = "city-popup-waiting";
                    waiting.textContent = model.waiting;
                    disc.bindPopup(waiting, model.popup_options);
                    disc.on("popupopen", function (event) {
                        if (event.popup.getContent() !== waiting) { return; }
                        popups().then(function (all) {
                            if (Object.prototype.hasOwnProperty.call(all, c.id)) { event.popup.setContent(all[c.id]); }
                        }, function () { waiting.textContent = model.unavailable; });
                    });
                    disc.addTo(group);
                });
            })({{ this._parent.get_name() }}, {{ this.model_js }});
        {% endmacro %}
        """
    )

    def __init__(self, model: dict):
        super().__init__()
        self._name = "CityDots"
        self.model = model
        self.model_js = script_json(model)


class RoomyDiscs(MacroElement):
    """Each city's clickable disc as large as the room around it allows: up to HIT_RADIUS pixels, but
    never more than half the way to the nearest other city, so a tap on a dot always opens that dot's
    city, even where towns crowd round Moscow at the default zoom (the discs approximate each city's
    Voronoi cell). A tap that lands between discs but within HIT_RADIUS of a dot opens the nearest
    dot's city, as if its disc had been hit. Recomputed on every zoom."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map, group, largest) {
                function fit() {
                    var discs = [], points = [];
                    group.eachLayer(function (layer) {
                        if (layer.feature) { discs.push(layer); points.push(map.latLngToLayerPoint(layer.getLatLng())); }
                    });
                    discs.forEach(function (disc, i) {
                        var room = largest * 2;
                        for (var j = 0; j < points.length; j++) {
                            if (j !== i) { room = Math.min(room, points[i].distanceTo(points[j])); }
                        }
                        disc.setRadius(Math.max(0.5, Math.min(largest, room / 2)));
                    });
                }
                function nearest(event) {
                    var target = event.originalEvent && event.originalEvent.target;
                    if (target && target.classList && target.classList.contains("city-marker")) { return; }
                    var best = null, bestDistance = largest;
                    group.eachLayer(function (layer) {
                        if (!layer.feature) { return; }
                        var distance = map.latLngToContainerPoint(layer.getLatLng()).distanceTo(event.containerPoint);
                        if (distance <= bestDistance) { best = layer; bestDistance = distance; }
                    });
                    if (best) {
                        best.fire("click", {latlng: best.getLatLng(), layer: best, sourceTarget: best,
                                            target: best, containerPoint: event.containerPoint});
                        best.openPopup();
                    }
                }
                if (window.__fitCityDiscs) { map.off("zoomend", window.__fitCityDiscs); }
                if (window.__nearestCityDisc) { map.off("click", window.__nearestCityDisc); }
                window.__fitCityDiscs = fit;
                window.__nearestCityDisc = nearest;
                map.on("zoomend", fit);
                map.on("click", nearest);
                fit();
            })({{ this._parent._parent.get_name() }}, {{ this._parent.get_name() }}, {{ this.largest }});
        {% endmacro %}
        """
    )

    def __init__(self, largest: float):
        super().__init__()
        self._name = "RoomyDiscs"
        self.largest = float(largest)


class CityLabels(MacroElement):
    """City names beside their dots: the largest first, each only where it overlaps no name already
    placed, recomputed as the reader zooms and pans, so more appear as there is room."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map, group, cities) {
                // Names are measured as the page draws them, so no two placed names can overlap.
                var probe = document.createElement("span");
                probe.className = "city-label-text";
                probe.style.cssText = "position:absolute;visibility:hidden;left:-9999px;top:0";
                map.getContainer().appendChild(probe);
                function width(text) { probe.textContent = text; return probe.getBoundingClientRect().width; }
                var labels = cities.map(function (city) {
                    var span = document.createElement("span");
                    span.className = "city-label-text";
                    span.id = "city-label-" + city.id;
                    span.textContent = city.name;
                    var marker = L.marker([city.lat, city.lon], {interactive: false, keyboard: false,
                        icon: L.divIcon({className: "city-label", html: span, iconSize: null, iconAnchor: [-6, 7]})});
                    marker.labelWidth = width(city.name) + 2;
                    return marker;
                });
                function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }
                function place() {
                    var size = map.getSize(), taken = [];
                    labels.forEach(function (label) {
                        var p = map.latLngToContainerPoint(label.getLatLng()), w = label.labelWidth;
                        // Right of the dot if there is room, else left of it.
                        var sides = [[p.x + 5, p.y - 8, p.x + 7 + w, p.y + 8, ""],
                                     [p.x - 7 - w, p.y - 8, p.x - 5, p.y + 8, "translateX(calc(-100% - 12px))"]];
                        var side = sides.find(function (box) {
                            return box[0] >= 0 && box[1] >= 0 && box[2] <= size.x && box[3] <= size.y &&
                                !taken.some(function (other) { return overlaps(box, other); });
                        });
                        if (side) {
                            taken.push(side);
                            label.options.icon.options.html.style.transform = side[4];
                            if (!group.hasLayer(label)) { group.addLayer(label); }
                        } else if (group.hasLayer(label)) {
                            group.removeLayer(label);
                        }
                    });
                }
                if (window.__placeCityLabels) { map.off("zoomend moveend resize", window.__placeCityLabels); }
                window.__placeCityLabels = place;
                map.on("zoomend moveend resize", place);
                place();
            })({{ this._parent._parent.get_name() }}, {{ this._parent.get_name() }}, {{ this.cities_js }});
        {% endmacro %}
        """
    )

    def __init__(self, cities: list[dict]):
        super().__init__()
        self._name = "CityLabels"
        self.cities_js = js_string(json.dumps(cities, ensure_ascii=False)).join(("JSON.parse(", ")"))


class BringIntoView(MacroElement):
    """Pans to the chosen city only when it is outside the view, keeping the reader's zoom; reopens
    its popup when the reader chose it by clicking (redrawing the layers closed it)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map, point, cityId, reopen) {
                if (!map.getBounds().pad(-0.05).contains(point)) { map.panTo(point); }
                if (!reopen) { return; }
                setTimeout(function () {
                    map.eachLayer(function (layer) {
                        if (layer.feature && layer.feature.properties && layer.feature.properties.city_id === cityId
                                && layer.getPopup && layer.getPopup()) { layer.openPopup(); }
                    });
                }, 0);
            })({{ this._parent._parent.get_name() }}, L.latLng({{ this.lat }}, {{ this.lon }}),
               {{ this.city_id_js }}, {{ this.reopen_js }});
        {% endmacro %}
        """
    )

    def __init__(self, city_id: str, lat: float, lon: float, *, reopen_popup: bool):
        super().__init__()
        self._name = "BringIntoView"
        self.lat, self.lon = float(lat), float(lon)
        self.city_id_js = js_string(city_id)
        self.reopen_js = "true" if reopen_popup else "false"


def symbol_rows(markers: list[CityMarker]) -> list[list]:
    """Each symbol as [lat, lon, radius, colour, fill opacity, layer, city id], largest first."""
    return [[marker.lat, marker.lon, round(symbol.radius, 2), symbol.colour, symbol.fill_opacity, symbol.layer,
             marker.city_id] for marker in markers for symbol in marker.symbols]


def city_model(markers: list[CityMarker], words: Words = ENGLISH, popups_url: str | None = None) -> dict:
    """What the map needs of each city (largest places last, so they lie on top): its dot, its
    tooltip text, and its popup, or the URL of the day's popups."""
    by_importance = sorted(markers, key=lambda m: (m.importance, m.city_id))
    return {
        "cities": [{"id": m.city_id, "lat": m.lat, "lon": m.lon, "neutral": m.neutral, "absence": m.absence_only,
                    "tooltip": m.tooltip} for m in by_importance],
        "popups": None if popups_url else {m.city_id: m.popup_html for m in markers},
        "popups_url": popups_url,
        "dot_styles": dot_styles(),
        "hit_radius": HIT_RADIUS,
        "popup_options": POPUP_OPTIONS,
        "waiting": words._("Loading the reports…"),
        "unavailable": words._("The reports could not be loaded: choose the city in the box beside the map."),
    }


def layer_groups(markers: list[CityMarker], selected: str | None = None, *, reopen_popup: bool = False,
                 words: Words = ENGLISH, popups_url: str | None = None) -> list[folium.FeatureGroup]:
    """Feature groups: the symbols (largest first), the city dots, their clickable discs (largest
    places on top, so a crowded spot opens the larger city), the labels, and the chosen city's ring."""
    symbols = folium.FeatureGroup(name="symbols", control=False)
    dots = folium.FeatureGroup(name="cities", control=False)
    labels = folium.FeatureGroup(name="labels", control=False)
    SymbolCircles(symbol_rows(markers)).add_to(symbols)
    CityDots(city_model(markers, words, popups_url)).add_to(dots)
    RoomyDiscs(HIT_RADIUS).add_to(dots)
    named = [{"id": m.city_id, "name": m.label, "lat": m.lat, "lon": m.lon}
             for m in sorted(markers, key=lambda m: (-m.importance, m.city_id)) if m.label]
    CityLabels(named).add_to(labels)
    chosen = next((m for m in markers if m.city_id == selected), None)
    if chosen is not None:
        drawing_only(folium.CircleMarker(location=[chosen.lat, chosen.lon], radius=11, color="#dd6b20", weight=3,
                                         fill=False, class_name=f"city-highlight city-{chosen.city_id}")).add_to(labels)
        BringIntoView(chosen.city_id, chosen.lat, chosen.lon, reopen_popup=reopen_popup).add_to(labels)
    return [symbols, dots, labels]


def standalone_html(markers: list[CityMarker]) -> str:
    """The whole map as one HTML page (for tests and benchmarks; the app uses streamlit-folium)."""
    fmap = base_map()
    for group in layer_groups(markers):
        group.add_to(fmap)
    return fmap.get_root().render()
