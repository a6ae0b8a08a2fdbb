"""The framework floor: a bare Streamlit page with st_folium and the same circles as the dashboard.

    BENCH_POINTS=points.json streamlit run bench/floor_app.py

No validation, no summary, no popups, tooltips or outline: a day slider, the three layer toggles
(labelled as on the dashboard, so the benchmark drives both the same way) and a folium map whose
circles come from a precomputed points file (bench/points.py). By default each circle is a folium
CircleMarker, the ordinary way and the dashboard's; with BENCH_FLOOR=geojson the same circles are two
GeoJSON layers of point features styled in the browser, the lean way within the same framework. Leaflet is served by this app from
bench/static/, copied from the XStatic-Leaflet package as the dashboard does, so nothing leaves
loopback. What this page costs is what Streamlit + streamlit-folium cost for those circles.
"""

from __future__ import annotations

import json
import os

import folium
import streamlit as st
from folium.utilities import JsCode
from streamlit_folium import st_folium

from bench.circles import LAYERS, circles, parse_layers

LABELS = {"crowd": "Crowd size", "detentions": "Detentions", "temperature": "Temperature"}
LEAFLET = "/app/static/vendor/leaflet"
# Set before the layer is added, so the path is created with these (Leaflet reads className on add).
STYLE_SYMBOL = """function (feature, layer) {
    const p = feature.properties;
    layer.options.className = "symbol";
    layer.setStyle({color: p.c, fillColor: p.c, fillOpacity: p.o});
    layer.setRadius(p.r);
}"""
STYLE_DOT = """function (feature, layer) {
    const p = feature.properties;
    layer.options.className = "city-marker city-" + p.id;
    layer.setStyle({fillColor: p.c});
}"""


class LoopbackMap(folium.Map):
    default_js = [("leaflet", f"{LEAFLET}/leaflet.js")]
    default_css = [("leaflet_css", f"{LEAFLET}/leaflet.css")]


@st.cache_resource
def points() -> dict[str, list[list]]:
    with open(os.environ["BENCH_POINTS"], encoding="utf-8") as handle:
        return json.load(handle)


st.set_page_config(page_title="framework floor", layout="wide")
days = list(points())
asked = st.query_params.get("date")
day = st.select_slider("Protest day", options=days, value=asked if asked in days else days[0])
wanted = parse_layers(st.query_params.get("layers"))
columns = st.columns(len(LAYERS))
layers = [layer for layer, column in zip(LAYERS, columns, strict=True)
          if column.toggle(LABELS[layer], value=layer in wanted, key=f"layer_{layer}")]

fmap = LoopbackMap(location=[62, 100], zoom_start=3, tiles=None)
fmap.fit_bounds([[41.0, 19.0], [78.0, 191.0]])
symbols, dots = folium.FeatureGroup(name="symbols"), folium.FeatureGroup(name="cities")
if os.environ.get("BENCH_FLOOR") == "geojson":
    # The lean way: the same circles as two GeoJSON layers of point features, styled in the browser.
    symbol_features, dot_features = [], []
    for point in points()[day]:
        city_id, lat, lon = point[0], point[1], point[2]
        drawn = circles(point, layers)
        where = {"type": "Point", "coordinates": [lon, lat]}
        symbol_features += [{"type": "Feature", "geometry": where, "properties": {"r": round(radius, 2), "c": colour, "o": opacity}}
                            for radius, colour, opacity in drawn]
        dot_features.append({"type": "Feature", "geometry": where,
                             "properties": {"id": city_id, "c": "#202020" if drawn else "#8a8a8a"}})
    folium.GeoJson({"type": "FeatureCollection", "features": symbol_features}, interactive=False,
                   marker=folium.CircleMarker(radius=1, weight=1, fill=True, interactive=False),
                   on_each_feature=JsCode(STYLE_SYMBOL)).add_to(symbols)
    folium.GeoJson({"type": "FeatureCollection", "features": dot_features},
                   marker=folium.CircleMarker(radius=3.5, color="#ffffff", weight=1.2, fill=True, fill_opacity=1.0),
                   on_each_feature=JsCode(STYLE_DOT)).add_to(dots)
else:
    # The ordinary way: one folium CircleMarker per circle, as the dashboard builds its map.
    for point in points()[day]:
        city_id, lat, lon = point[0], point[1], point[2]
        drawn = circles(point, layers)
        for radius, colour, opacity in drawn:
            folium.CircleMarker([lat, lon], radius=round(radius, 2), color=colour, weight=1, fill=True, fill_color=colour,
                                fill_opacity=opacity, interactive=False, class_name=f"symbol city-{city_id}").add_to(symbols)
        folium.CircleMarker([lat, lon], radius=3.5, color="#ffffff", weight=1.2, fill=True,
                            fill_color="#202020" if drawn else "#8a8a8a", fill_opacity=1.0,
                            class_name=f"city-marker city-{city_id}").add_to(dots)
st_folium(fmap, feature_group_to_add=[symbols, dots], key="floor_map", height=600, use_container_width=True,
          returned_objects=["last_object_clicked", "last_object_clicked_count"])
