"""Data: every report, filtered; the full quote on demand; coverage; downloads."""

from __future__ import annotations

import streamlit as st

from pages.common import (
    bold,
    current_view,
    data_dir,
    dataset_or_stop,
    day_names,
    language_switch,
    report_actions,
    reports,
    require_entrypoint,
    set_view,
)
from pages.safe_text import md
from protest_data.citation import citation_text
from protest_data.coverage import coverage_by_day, coverage_by_region, national_coverage
from protest_data.exports import cities_geojson_bytes, package_zip, reports_csv
from protest_data.filters import ReportFilter
from protest_data.summary import protest_days
from rendering.cards import city_name, report_list
from rendering.i18n import N_
from rendering.people_export import people_csv, people_table, people_xlsx
from rendering.vocabulary import METRICS, estimator_name, metric_label, region_label

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Column headings of the tables on this page (the data's own column names stay in the downloads).
COLUMN_LABELS = {
    "report_id": N_("report"), "day": N_("day"), "city": N_("city"), "region": N_("region"),
    "metric": N_("metric"), "value_low": N_("low"), "value_high": N_("high"), "estimator": N_("estimator"),
    "as_of": N_("as of"), "publisher": N_("publisher"), "quote": N_("quote"), "date": N_("day"),
    "cities": N_("cities with any report"), "protest_cities": N_("cities with a protest"),
    "cities_with_figure": N_("with a figure"), "cities_with_no_protest": N_("with a reported absence"),
    "cities_with_both": N_("with a protest and an absence reported"), "cities_with_held": N_("with 'held'"),
    "cities_with_crowd": N_("with a crowd figure"), "cities_with_detentions": N_("with a detention figure"),
    "cities_with_temperature_c": N_("with a temperature"),
    "cities_with_crowd_or_detentions": N_("with a crowd or detention figure"), "reports": N_("reports"),
    "sources": N_("sources"), "with_as_of": N_("with an as-of time"),
}

require_entrypoint()
dataset = dataset_or_stop()
view = current_view(dataset)
words = language_switch(view)
all_reports = reports()
cities = dataset.cities.set_index("city_id")
names = {city_id: city_name(row, words) for city_id, row in cities.iterrows()}
day_label = day_names(dataset, words)
publishers = dict(zip(dataset.sources["source_id"], dataset.sources["publisher"], strict=True))


def headings(columns) -> dict:
    return {column: st.column_config.Column(words._(COLUMN_LABELS[column]))
            for column in columns if column in COLUMN_LABELS}


st.title(words._("The data"))
st.caption(md(words._("{reports} reports from {sources} sources about {cities} cities. Select a row to read its "
                      "quote in full.", reports=len(all_reports), sources=len(dataset.sources),
                      cities=len(cities))))

DAYS_KEY = "data_days"


def use_map_day() -> None:
    st.session_state[DAYS_KEY] = [view.date]


row1 = st.columns(3)
# The map's day is offered, never applied unasked: the Day filter starts empty (every day).
days = row1[0].multiselect(words._("Day"), protest_days(dataset), format_func=day_label.get, key=DAYS_KEY)
if days != [view.date]:
    row1[0].button(words._("Only the map's day: {day}", day=md(day_label.get(view.date, f"{view.date:%Y-%m-%d}"))),
                   on_click=use_map_day, key="use_map_day", type="tertiary", icon=":material/filter_alt:")
picked_cities = row1[1].multiselect(words._("City"), sorted(names, key=names.get),
                                    default=[view.city] if view.city else [], format_func=names.get)
region_names = {region: region_label(region, country, words)
                for region, country in zip(dataset.cities["region"], dataset.cities["country_code"], strict=True)}
regions = row1[2].multiselect(words._("Region"), sorted(region_names, key=region_names.get),
                              format_func=region_names.get)
row2 = st.columns(3)
metrics = row2[0].multiselect(words._("Metric"), list(METRICS), format_func=lambda m: metric_label(m, words))
estimators = row2[1].multiselect(words._("Estimator"), sorted(dataset.estimators["estimator"]),
                                 format_func=lambda e: estimator_name(e, words))
sources = row2[2].multiselect(words._("Source"), sorted(publishers), format_func=lambda s: f"{publishers[s]} ({s})")

# One day or one city picked here is the view the other pages show too.
set_view(view.with_(date=days[0] if len(days) == 1 else view.date,
                    city=picked_cities[0] if len(picked_cities) == 1 else view.city))

report_filter = ReportFilter(days, picked_cities, regions, metrics, estimators, sources)
selected = report_filter.apply(all_reports, dataset.cities)
shown_values = {
    "days": (words._("Day"), lambda d: day_label.get(d, f"{d:%Y-%m-%d}")),
    "cities": (words._("City"), names.get),
    "regions": (words._("Region"), region_names.get),
    "metrics": (words._("Metric"), lambda m: metric_label(m, words)),
    "estimators": (words._("Estimator"), lambda e: estimator_name(e, words)),
    "sources": (words._("Source"), publishers.get),
}
in_use = [f"{shown_values[name][0]}: {', '.join(str(shown_values[name][1](v)) for v in values)}"
          for name, values in report_filter.active.items()]
st.markdown(md(words._("Filters in use: {filters}. The table and the downloads below hold these reports only.",
                       filters="; ".join(in_use)) if in_use
               else words._("No filter in use: the table and the downloads below hold every report.")))
national = words._("(national)")
table = selected.assign(day=selected["date"].dt.strftime("%Y-%m-%d"),
                        city=selected["city_id"].map(names).fillna(national),
                        region=selected["region"].map(region_names),
                        metric=selected["metric"].map(lambda m: metric_label(m, words)),
                        estimator=selected["estimator"].map(lambda e: estimator_name(e, words)))
shown = table[["report_id", "day", "city", "region", "metric", "value_low", "value_high", "estimator", "as_of_text",
               "publisher", "quote"]].rename(columns={"as_of_text": "as_of"})
st.subheader(md(words.n_("{count} report", "{count} reports", len(selected))))
config = headings(shown.columns)
config["quote"] = st.column_config.TextColumn(words._("quote"), width="large")
event = st.dataframe(shown, hide_index=True, width="stretch", on_select="rerun",
                     selection_mode="single-row", key="reports_table", column_config=config)
rows = event.selection.rows if event else []
if rows:
    st.html(report_list(selected.iloc[rows], words, show_day=True, actions=report_actions(dataset, words)))

st.markdown(bold(words._("Download these reports")))
filtered = st.columns(3)
about = [words._("Filters in use: {filters}.", filters="; ".join(in_use)) if in_use else
         words._("No filter in use: every report."), citation_text()]
filtered[0].download_button(
    words._("For people (CSV)"), lambda: people_csv(people_table(selected, dataset.cities, words), words),
    report_filter.file_name("csv"), "text/csv", key="download_people_csv", on_click="ignore",
    help=words._("Names, figures as written, sources and quotes, sorted by day, city and metric; opens in Excel."))
filtered[1].download_button(
    words._("For people (Excel)"), lambda: people_xlsx(people_table(selected, dataset.cities, words), words, about),
    report_filter.file_name("xlsx"), XLSX, key="download_people_xlsx", on_click="ignore")
filtered[2].download_button(
    words._("Raw (CSV, as reports.csv)"), lambda: reports_csv(dataset, selected),
    report_filter.file_name("csv", prefix="reports-raw"), "text/csv", key="download_csv", on_click="ignore",
    help=words._("The columns and cells of reports.csv, for machines: ids, numbers exactly as in the data."))
st.markdown(bold(words._("Download everything")))
everything = st.columns(3)
everything[0].download_button(words._("City summary (GeoJSON)"), cities_geojson_bytes(dataset),
                              "cities-summary.geojson", "application/geo+json", key="download_geojson")
everything[1].download_button(words._("Whole data package (zip)"), package_zip(data_dir()),
                              "navalny-protests-2021.zip", "application/zip", key="download_zip")

st.subheader(words._("Coverage"))
by_day = coverage_by_day(dataset).assign(date=lambda f: f["date"].dt.strftime("%Y-%m-%d"))
st.dataframe(by_day, hide_index=True, column_config=headings(by_day.columns))
left, right = st.columns(2)
left.markdown(bold(words._("National figures")))
national_table = national_coverage(dataset).assign(date=lambda f: f["date"].dt.strftime("%Y-%m-%d"),
                                                   metric=lambda f: f["metric"].map(lambda m: metric_label(m, words)))
left.dataframe(national_table, hide_index=True, column_config=headings(national_table.columns))
right.markdown(bold(words._("Cities per region")))
by_region = coverage_by_region(dataset)
by_region["region"] = by_region["region"].map(lambda r: region_names.get(r, r))
right.dataframe(by_region, hide_index=True, height=320, column_config=headings(["region"]))
