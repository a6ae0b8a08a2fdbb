"""The map: pick a day, switch layers, click a city to read the quotes behind its figures."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from pages.common import (
    current_view,
    dataset_or_stop,
    day_label,
    figure_rule,
    reports,
    require_entrypoint,
    set_view,
    show_notices,
    summary,
)
from protest_data.summary import (
    absences_by_city,
    counters_by_city,
    day_counters,
    national_summary,
    protest_days,
    reports_for_city,
)
from rendering.cards import DRAWN, SUPERSEDED, figure_lines, history_timeline, report_list
from rendering.headlines import national_headlines
from rendering.i18n import ENGLISH
from rendering.legend import legend_html
from rendering.mapview import base_map, layer_groups
from rendering.markers import city_markers, nearest_city
from rendering.viewstate import ALL_LAYERS, View

LAYER_LABELS = {"crowd": "Crowd size", "detentions": "Detentions", "temperature": "Temperature"}

require_entrypoint()
words = ENGLISH
dataset = dataset_or_stop()
rule = figure_rule()
days = protest_days(dataset)
view = current_view(dataset)

st.title("Navalny protests across Russia, January 2021")
st.caption("Every figure on this map is a report from a named source, with the words it was taken from. "
           "Click a city for its quotes.")
show_notices(view)

controls = st.columns([3, 1, 1, 1])
day = controls[0].select_slider("Protest day", options=days, value=view.date, format_func=day_label)
layers = tuple(
    layer for layer, column in zip(ALL_LAYERS, controls[1:])
    if column.toggle(LAYER_LABELS[layer], value=layer in view.layers, key=f"layer_{layer}")
)
view = View(day, layers, view.city)

for column, headline in zip(st.columns(4), national_headlines(national_summary(dataset, day, rule), words)):
    column.metric(headline.label, headline.value, help=headline.help)
    if headline.caption:
        column.caption(headline.caption)

day_summary = summary()[lambda frame: frame["date"] == day]
markers = city_markers(day_summary, counters_by_city(rule, day), set(layers), words,
                       absences_by_city(reports(), day))

map_column, panel = st.columns([3, 2])
with map_column:
    clicked = st_folium(
        base_map(),
        feature_group_to_add=layer_groups(markers),
        returned_objects=["last_object_clicked", "last_object_clicked_count"],
        key="protest_map",
        height=600,
        use_container_width=True,
    )
    st.html(legend_html(layers, words))

count = (clicked or {}).get("last_object_clicked_count")
point = (clicked or {}).get("last_object_clicked")
if point and count and count != st.session_state.get("handled_click"):
    st.session_state["handled_click"] = count
    view = View(view.date, view.layers, nearest_city(markers, point["lat"], point["lng"]))
set_view(view)

with panel:
    if view.city is None:
        st.subheader("Pick a city")
        st.write("Click a dot on the map, or choose here, to read every report about a city on both days.")
    city_ids = dataset.cities.sort_values("name_en")["city_id"].tolist()
    names = dict(zip(dataset.cities["city_id"], dataset.cities["name_en"]))
    # Keyed by the selection, so a click on the map re-creates the box showing the clicked city.
    picked = st.selectbox("City", [None, *city_ids], index=([None, *city_ids].index(view.city)),
                          format_func=lambda c: "—" if c is None else names[c], key=f"city_pick_{view.city}")
    if picked != view.city:
        set_view(View(view.date, view.layers, picked))
        st.rerun()
    if view.city is not None:
        city = dataset.cities.set_index("city_id").loc[view.city]
        st.subheader(f"{city['name_en']} · {city['name_ru']}")
        status = f" — {city['territory_status']}" if isinstance(city["territory_status"], str) else ""
        st.caption(f"{city['region']}{status}")
        today = day_counters(rule, view.date, view.city)
        if len(today):
            st.markdown(f"**{day_label(view.date)}: the figures**")
            st.html(f'<div class="panel-figures">{figure_lines(today, words)}</div>')
        annotated = rule.reports[rule.reports["place"] == view.city]
        statuses = {str(r): (DRAWN if drawn else SUPERSEDED)
                    for r, drawn in zip(annotated["report_id"], annotated["drawn"])}
        history = history_timeline(annotated[annotated["date"] == view.date], words)
        if history:
            st.html(history)
        city_reports = reports_for_city(reports(), view.city)
        # The selected day first, then the other days, then figures spanning several days.
        by_day = sorted(city_reports.groupby("date", sort=True), key=lambda item: item[0] != view.date)
        for report_day, group in by_day:
            one_day = group[group["date_end"].isna()]
            if len(one_day):
                st.markdown(f"**{day_label(report_day)}** — {len(one_day)} report(s)")
                st.html(report_list(one_day, words, show_day=False, statuses=statuses))
        spanning = city_reports[city_reports["date_end"].notna()]
        if len(spanning):
            st.markdown("**Over several protest days**")
            st.html(report_list(spanning, words, show_day=True))
