"""The map: pick a day, switch layers, click a city to read the quotes behind its figures."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from pages.common import (
    bold,
    current_view,
    dataset_or_stop,
    day_names,
    figure_rule,
    held_only_days,
    language_switch,
    reports,
    require_entrypoint,
    set_view,
    show_notices,
    summary,
)
from pages.safe_text import md
from protest_data.summary import (
    absences_by_city,
    counters_by_city,
    day_counters,
    national_summary,
    protest_days,
    reports_for_city,
)
from rendering.cards import DRAWN, SUPERSEDED, city_name, figure_lines, history_timeline, report_list
from rendering.headlines import national_headlines
from rendering.legend import legend_html
from rendering.mapview import base_map, layer_groups
from rendering.markers import city_markers, nearest_city
from rendering.vocabulary import LAYERS, layer_label, region_label

require_entrypoint()
dataset = dataset_or_stop()
rule = figure_rule()
days = protest_days(dataset)
view = current_view(dataset)
words = language_switch(view)
names = day_names(dataset, words)

st.title(words._("Navalny protests across Russia, 2021"))
st.caption(words._("Every figure on this map is a report from a named source, with the words it was taken from. "
                   "Click a city for its quotes."))
show_notices(view)

controls = st.columns([3, 1, 1, 1])
day = controls[0].select_slider(words._("Protest day"), options=days, value=view.date, format_func=names.get)
layers = tuple(
    layer for layer, column in zip(LAYERS, controls[1:], strict=True)
    if column.toggle(layer_label(layer, words), value=layer in view.layers, key=f"layer_{layer}")
)
view = view.with_(date=day, layers=layers)
if day in held_only_days(dataset):
    st.container(key="held-only-note").info(words._("On this day sources say where the action took place, not how many came or were detained "
                    "city by city: the map shows where it was reported, without figure symbols."), icon="ℹ️")

for column, headline in zip(st.columns(4), national_headlines(national_summary(dataset, day, rule), words),
                            strict=False):
    column.metric(md(headline.label), md(headline.value), help=md(headline.help))
    if headline.caption:
        column.caption(md(headline.caption))

day_summary = summary()[lambda frame: frame["date"] == day]
markers = city_markers(day_summary, counters_by_city(rule, day), set(layers), words,
                       absences_by_city(reports(), day))

map_column, panel = st.columns([3, 2])
with map_column:
    clicked = st_folium(
        base_map(words),
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
    view = view.with_(city=nearest_city(markers, point["lat"], point["lng"]))
set_view(view)

with panel:
    if view.city is None:
        st.subheader(words._("Pick a city"))
        st.write(words._("Click a dot on the map, or choose here, to read every report about a city on every day."))
    cities = dataset.cities.set_index("city_id")
    labels = {city_id: f"{city_name(row, words)} · {row['name_en'] if words.lang == 'ru' else row['name_ru']}"
              for city_id, row in cities.iterrows()}
    options = [None, *sorted(labels, key=labels.get)]
    # Keyed by the selection, so a click on the map re-creates the box showing the clicked city.
    picked = st.selectbox(words._("City"), options, index=options.index(view.city),
                          format_func=lambda c: "—" if c is None else labels[c], key=f"city_pick_{view.city}")
    if picked != view.city:
        set_view(view.with_(city=picked))
        st.rerun()
    if view.city is not None:
        city = cities.loc[view.city]
        other = city["name_en"] if words.lang == "ru" else city["name_ru"]
        st.subheader(md(f"{city_name(city, words)} · {other}"))
        status = city["territory_status"]
        region = region_label(city["region"], city["country_code"], words)
        st.caption(md(f"{region} — {status}" if isinstance(status, str) else region))
        today = day_counters(rule, view.date, view.city)
        if len(today):
            st.markdown(md(words._("{day}: the figures", day=names[view.date])))
            st.html(f'<div class="panel-figures">{figure_lines(today, words)}</div>')
        annotated = rule.reports[rule.reports["place"] == view.city]
        statuses = {str(r): (DRAWN if drawn else SUPERSEDED)
                    for r, drawn in zip(annotated["report_id"], annotated["drawn"], strict=True)}
        history = history_timeline(annotated[annotated["date"] == view.date], words)
        if history:
            st.html(history)
        city_reports = reports_for_city(reports(), view.city)
        # The selected day first, then the other days, then figures spanning several days.
        by_day = sorted(city_reports.groupby("date", sort=True), key=lambda item: item[0] != view.date)
        for report_day, group in by_day:
            one_day = group[group["date_end"].isna()]
            if len(one_day):
                heading = words.n_("{day} — {count} report", "{day} — {count} reports", len(one_day),
                                   day=names.get(report_day, str(report_day.date())))
                st.markdown(bold(heading))
                st.html(report_list(one_day, words, show_day=False, statuses=statuses))
        spanning = city_reports[city_reports["date_end"].notna()]
        if len(spanning):
            st.markdown(bold(words._("Over several protest days")))
            st.html(report_list(spanning, words, show_day=True))
