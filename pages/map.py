"""The map: pick a day, switch layers, click a city to read the quotes behind its figures."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from pages.common import (
    bold,
    city_search_labels,
    current_view,
    dataset_or_stop,
    day_markers,
    day_names,
    day_popups_url,
    figure_rule,
    held_only_days,
    language_switch,
    one_file_map,
    outline_url,
    report_actions,
    reports,
    require_entrypoint,
    reveal,
    set_view,
    share_url,
    show_notices,
)
from pages.safe_text import md
from protest_data.summary import (
    day_counters,
    national_summary,
    protest_days,
    reports_for_city,
)
from rendering.cards import DRAWN, SUPERSEDED, city_name, figure_lines, history_timeline, report_list
from rendering.headlines import national_headlines
from rendering.legend import legend_html
from rendering.mapview import base_map, layer_groups
from rendering.markers import nearest_city
from rendering.vocabulary import LAYERS, layer_label, metric_label, region_label

HIGHLIGHT_STYLE = "<style>li.report.highlight{background:#fff6cc;outline:2px solid #d9a400;}</style>"
SCROLL_TO_HIGHLIGHT = """<script>
(function scroll(tries) {
  const card = document.querySelector("li.report.highlight");
  if (card) { card.scrollIntoView({block: "center"}); } else if (tries > 0) { setTimeout(() => scroll(tries - 1), 200); }
})(25);
</script>"""

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

controls = st.columns([3, 1, 1, 1], vertical_alignment="bottom")
day = controls[0].select_slider(words._("Protest day"), options=days, value=view.date,
                                 format_func=lambda option: md(names[option]))  # the days' labels are data
layers = tuple(
    layer for layer, column in zip(LAYERS, controls[1:], strict=True)
    if column.toggle(md(layer_label(layer, words)), value=layer in view.layers, key=f"layer_{layer}")
)
# A report link (?report=) highlights its report until the reader picks another day.
view = view.with_(date=day, layers=layers, report=view.report if day == view.date else None)
if day in held_only_days(dataset):
    st.container(key="held-only-note").info(words._("On this day sources say where the action took place, not how "
                                                    "many came or were detained city by city: the map shows where "
                                                    "it was reported, without figure symbols."), icon="ℹ️")

markers = day_markers(day, layers, words)

# A click on the map (the component's last value) selects a city before the map is drawn again, so the
# chosen city is highlighted, and its popup reopened, in the same run.
clicked = st.session_state.get("protest_map") or {}
count = clicked.get("last_object_clicked_count")
hit = (clicked.get("last_active_drawing") or {}).get("properties") or {}
point = clicked.get("last_object_clicked")
chosen_by_click = False
if count and count != st.session_state.get("handled_click"):
    st.session_state["handled_click"] = count
    chosen_by_click = True
    # The disc that was hit says which city it is; the nearest dot is only a fallback.
    if hit.get("city_id") in {m.city_id for m in markers}:
        view = view.with_(city=hit["city_id"], report=None)
    elif point:
        view = view.with_(city=nearest_city(markers, point["lat"], point["lng"]), report=None)
set_view(view)

map_column, panel = st.columns([3, 2])
with map_column:
    st_folium(
        base_map(words, outline_url=outline_url()),
        feature_group_to_add=layer_groups(markers, selected=view.city, reopen_popup=chosen_by_click, words=words,
                                          popups_url=day_popups_url(day, words)),
        returned_objects=["last_object_clicked", "last_object_clicked_count", "last_active_drawing"],
        key="protest_map",
        height=560,
        use_container_width=True,
    )
    st.html(legend_html(layers, words))
    with st.container(key="national-figures"):
        for column, headline in zip(st.columns(4), national_headlines(national_summary(dataset, day, rule), words),
                                    strict=False):
            column.metric(md(headline.label), md(headline.value), help=md(headline.help))
            if headline.caption:
                column.caption(md(headline.caption))

with map_column:  # after the click is read, so the shared address names the city just clicked
    share, download = st.columns(2)
    with share.popover(words._("Share this view"), icon=":material/share:"):
        st.caption(words._("This address opens the map on this day, with these layers and this city:"))
        st.code(share_url(view), language=None, wrap_lines=True)
    download.download_button(
        words._("Download the map as one HTML file"), data=lambda: one_file_map(words.lang),
        file_name=f"navalny-protests-map-{words.lang}.html", mime="text/html", on_click="ignore",
        icon=":material/download:", key="download_one_file_map",
        help=words._("One self-contained file with every day, layer and quote: open it from disk, publish it on "
                     "any static host, or embed it in another page (iframe). It loads nothing from the network."))

with panel:
    if view.city is None:
        st.subheader(words._("Pick a city"))
        st.write(words._("Click a dot on the map, or choose here, to read every report about a city on every day."))
    cities = dataset.cities.set_index("city_id")
    labels = city_search_labels(words)
    options = [None, *sorted(labels, key=labels.get)]
    # Keyed by the selection, so a click on the map re-creates the box showing the clicked city.
    picked = st.selectbox(words._("City"), options, index=options.index(view.city),
                          format_func=lambda c: "—" if c is None else labels[c], key=f"city_pick_{view.city}")
    if picked != view.city:
        set_view(view.with_(city=picked, report=None))
        st.session_state["reveal_panel"] = True
        st.rerun()
    if view.city is not None:
        city = cities.loc[view.city]
        with st.container(key=f"city-panel-{view.city}"):
            other = city["name_en"] if words.lang == "ru" else city["name_ru"]
            st.subheader(md(f"{city_name(city, words)} · {other}"), anchor=False)  # no link built from data
            status = city["territory_status"]
            region = region_label(city["region"], city["country_code"], words)
            st.caption(md(f"{region} — {status}" if isinstance(status, str) else region))
            if chosen_by_click or st.session_state.pop("reveal_panel", False):
                reveal(f"st-key-city-panel-{view.city}")
            today = day_counters(rule, view.date, view.city)
            if len(today):
                st.markdown(bold(words._("{day}: the figures", day=names[view.date])))
                st.html(f'<div class="panel-figures">{figure_lines(today, words)}</div>')
            annotated = rule.reports[rule.reports["place"] == view.city]
            statuses = {str(r): (DRAWN if drawn else SUPERSEDED)
                        for r, drawn in zip(annotated["report_id"], annotated["drawn"], strict=True)}
            history = history_timeline(annotated[annotated["date"] == view.date], words)
            if history:
                st.html(history)
            city_reports = reports_for_city(reports(), view.city)
            actions = report_actions(dataset, words)
            # The selected day first, its quotes grouped by metric and unfolded; then the other days, folded.
            by_day = sorted(city_reports.groupby("date", sort=True), key=lambda item: item[0] != view.date)
            for report_day, group in by_day:
                one_day = group[group["date_end"].isna()]
                if not len(one_day):
                    continue
                day_name = names.get(report_day, str(report_day.date()))
                if report_day != view.date:
                    title = words.n_("{day} — {count} report", "{day} — {count} reports", len(one_day), day=day_name)
                    with st.expander(md(title), expanded=False):
                        st.html(report_list(one_day, words, show_day=False, statuses=statuses, actions=actions,
                                            highlight=view.report))
                    continue
                st.markdown(bold(words.n_("{day} — {count} report", "{day} — {count} reports", len(one_day),
                                          day=day_name)))
                for metric, rows in one_day.groupby("metric", sort=False):
                    title = words.n_("{metric} — {count} report", "{metric} — {count} reports", len(rows),
                                     metric=metric_label(str(metric), words))
                    with st.expander(md(title), expanded=True):
                        st.html(report_list(rows, words, show_day=False, statuses=statuses, actions=actions,
                                            highlight=view.report))
            spanning = city_reports[city_reports["date_end"].notna()]
            if len(spanning):
                with st.expander(md(words._("Over several protest days")),
                                 expanded=view.report in set(spanning["report_id"])):
                    st.html(report_list(spanning, words, show_day=True, actions=actions, highlight=view.report))
            if view.report:
                # The report a link opened: marked, and scrolled into view once its card is on the page.
                st.html(HIGHLIGHT_STYLE)
                st.html(SCROLL_TO_HIGHLIGHT, unsafe_allow_javascript=True)
