"""Data: every report, filtered; the full quote on demand; coverage; downloads."""

from __future__ import annotations

import streamlit as st

from pages.common import current_view, data_dir, dataset_or_stop, day_label, reports, require_entrypoint, set_view
from protest_data.coverage import coverage_by_day, coverage_by_region, national_coverage
from protest_data.exports import cities_geojson_bytes, package_zip, reports_csv
from protest_data.filters import ReportFilter
from protest_data.summary import protest_days
from rendering.cards import report_list
from rendering.i18n import ENGLISH
from rendering.viewstate import View

require_entrypoint()
dataset = dataset_or_stop()
view = current_view(dataset)
all_reports = reports()
cities = dataset.cities.sort_values("name_en")
names = dict(zip(cities["city_id"], cities["name_en"]))
publishers = dict(zip(dataset.sources["source_id"], dataset.sources["publisher"]))

st.title("The data")
st.caption(f"{len(all_reports)} reports from {len(dataset.sources)} sources about {len(cities)} cities. "
           "Select a row to read its quote in full.")

row1 = st.columns(3)
days = row1[0].multiselect("Day", protest_days(dataset), default=[view.date], format_func=day_label)
picked_cities = row1[1].multiselect("City", cities["city_id"].tolist(), default=[view.city] if view.city else [],
                                    format_func=names.get)
regions = row1[2].multiselect("Region", sorted(cities["region"].unique()))
row2 = st.columns(3)
metrics = row2[0].multiselect("Metric", ["held", "crowd", "detentions", "temperature_c", "cities"])
estimators = row2[1].multiselect("Estimator", sorted(dataset.estimators["estimator"]))
sources = row2[2].multiselect("Source", sorted(publishers), format_func=lambda s: f"{publishers[s]} ({s})")

# One day or one city picked here is the view the other pages show too.
set_view(View(days[0] if len(days) == 1 else view.date, view.layers,
              picked_cities[0] if len(picked_cities) == 1 else view.city))

selected = ReportFilter(days, picked_cities, regions, metrics, estimators, sources).apply(all_reports, dataset.cities)
table = selected.assign(day=selected["date"].dt.strftime("%Y-%m-%d"), city=selected["name_en"].fillna("(national)"))
shown = table[["report_id", "day", "city", "region", "metric", "value_low", "value_high", "estimator", "as_of_text",
               "publisher", "quote"]].rename(columns={"as_of_text": "as_of"})
st.subheader(f"{len(selected)} reports")
event = st.dataframe(shown, hide_index=True, width="stretch", on_select="rerun",
                     selection_mode="single-row", key="reports_table",
                     column_config={"quote": st.column_config.TextColumn("quote", width="large")})
rows = event.selection.rows if event else []
if rows:
    st.html(report_list(selected.iloc[rows], ENGLISH, show_day=True))

downloads = st.columns(3)
downloads[0].download_button("Filtered reports (CSV)", reports_csv(dataset, selected), "reports-filtered.csv",
                             "text/csv", key="download_csv")
downloads[1].download_button("City summary (GeoJSON)", cities_geojson_bytes(dataset), "cities-summary.geojson",
                             "application/geo+json", key="download_geojson")
downloads[2].download_button("Whole data package (zip)", package_zip(data_dir()), "navalny-protests-2021.zip",
                             "application/zip", key="download_zip")

st.subheader("Coverage")
st.dataframe(coverage_by_day(dataset).assign(date=lambda f: f["date"].dt.strftime("%Y-%m-%d")), hide_index=True)
left, right = st.columns(2)
left.markdown("**National figures**")
left.dataframe(national_coverage(dataset).assign(date=lambda f: f["date"].dt.strftime("%Y-%m-%d")), hide_index=True)
right.markdown("**Cities per region**")
right.dataframe(coverage_by_region(dataset), hide_index=True, height=320)
