"""Compare: the two days side by side, the most detentions, and how the national count grew."""

from __future__ import annotations

import altair as alt
import streamlit as st

from pages.common import current_view, dataset_or_stop, day_label, require_entrypoint, set_view
from protest_data.compare import compare_days, national_timeline, top_detentions
from protest_data.summary import protest_days

require_entrypoint()
dataset = dataset_or_stop()
view = current_view(dataset)
set_view(view)
days = protest_days(dataset)
first, second = days[0], days[-1]

st.title(f"{day_label(first)} and {day_label(second)}")
st.caption("Figures are picked by the map's rules (see Sources & method). A change is shown only where both days "
           "have a figure; a missing figure is never read as zero.")

table = compare_days(dataset, first, second)
a, b = f"{first:%d %b}", f"{second:%d %b}"
shown = table.rename(columns={
    "name_en": "City", "region": "Region",
    "crowd_low_a": f"Crowd from, {a}", "crowd_high_a": f"Crowd to, {a}",
    "crowd_low_b": f"Crowd from, {b}", "crowd_high_b": f"Crowd to, {b}",
    "detentions_low_a": f"Detentions from, {a}", "detentions_high_a": f"Detentions to, {a}",
    "detentions_low_b": f"Detentions from, {b}", "detentions_high_b": f"Detentions to, {b}",
    "temperature_low_a": f"°C from, {a}", "temperature_high_a": f"°C to, {a}",
    "temperature_low_b": f"°C from, {b}", "temperature_high_b": f"°C to, {b}",
    "reported_a": f"Reported {a}", "reported_b": f"Reported {b}",
    "no_protest_a": f"A source says no protest, {a}", "no_protest_b": f"A source says no protest, {b}",
})
st.subheader(f"{len(table)} cities reported on either day")
st.dataframe(
    shown.drop(columns=["city_id", "name_ru", "territory_status"]),
    hide_index=True,
    width="stretch",
    key="comparison",
)

st.subheader("Most detentions")
columns = st.columns(2)
for column, day in zip(columns, (first, second)):
    top = top_detentions(dataset, day)
    chart = (
        alt.Chart(top)
        .mark_bar(color="#c53030")
        .encode(
            x=alt.X("detentions_high:Q", title="Detained (largest count; the smallest is in the tooltip)"),
            y=alt.Y("name_en:N", sort="-x", title=None),
            tooltip=["name_en", "detentions_low", "detentions_high", "detentions_counters"],
        )
        .properties(title=day_label(day), height=24 * len(top) + 20)
    )
    column.altair_chart(chart, width="stretch")

st.subheader("The national count as it grew")
timeline = national_timeline(dataset, days)
if timeline.empty:
    st.info("No national count with an as-of time in the data.")
else:
    line = (
        alt.Chart(timeline)
        .mark_line(point=True)
        .encode(
            x=alt.X("hours_since_day_began:Q", title="Hours since the protest day began (Moscow time)"),
            y=alt.Y("count:Q", title="Detained nationwide (OVD-Info)"),
            color=alt.Color("day:N", title="Protest day"),
            tooltip=["day", "count", "as_of_text", "publisher"],
        )
        .properties(height=360)
    )
    st.altair_chart(line, width="stretch")
    st.caption(f"{len(timeline)} OVD-Info counts that carry a time. Counts reported without a time are listed on "
               "the Data page (metric: detentions, no city).")
