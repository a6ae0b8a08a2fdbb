"""Compare: any two protest days side by side, the most detentions, and how the national count grew."""

from __future__ import annotations

from urllib.parse import urlencode

import altair as alt
import pandas as pd
import streamlit as st

from pages.common import current_view, dataset_or_stop, day_names, language_switch, require_entrypoint, set_view
from pages.safe_text import md
from protest_data.compare import compare_days, national_timeline, top_detentions
from protest_data.summary import protest_days
from rendering import formatting
from rendering.cards import city_name
from rendering.viewstate import default_comparison
from rendering.vocabulary import region_label

NO_FIGURE = "\u2014"

require_entrypoint()
dataset = dataset_or_stop()
view = current_view(dataset)
words = language_switch(view)
days = protest_days(dataset)
names = day_names(dataset, words)

st.title(words._("Compare two protest days"))
first_default, second_default = view.compare or default_comparison(days)
pickers = st.columns(2)
first = pickers[0].selectbox(words._("First day"), days, index=days.index(first_default), format_func=names.get)
second = pickers[1].selectbox(words._("Second day"), days, index=days.index(second_default), format_func=names.get)
view = view.with_(compare=(first, second))
set_view(view)
st.caption(md(words._("Each figure is the span the map draws: from the smallest to the largest figure any counter "
                      "gives (see Sources & method). {dash} means no figure was reported, which is never zero. "
                      "No change is computed: figures from different counters do not subtract into one number.",
                      dash=NO_FIGURE)))

table = compare_days(dataset, first, second)
short = {first: formatting.short_date(first, words), second: formatting.short_date(second, words)}


def span(row: pd.Series, metric: str, suffix: str) -> str:
    low, high = row[f"{metric}_low_{suffix}"], row[f"{metric}_high_{suffix}"]
    if formatting.missing(high):
        return NO_FIGURE
    kind = "temperature_c" if metric == "temperature" else metric
    return formatting.figure(kind, low, high, words) if low != high else formatting.figure(kind, low, low, words)


def map_link(city_id: str, day: pd.Timestamp) -> str:
    query = {**view.to_query(), "date": day.strftime("%Y-%m-%d"), "city": city_id}
    query.pop("compare", None)
    return "/?" + urlencode(query)


def presence(row: pd.Series) -> str:
    if row["reported_a"] and row["reported_b"]:
        return words._("both days")
    return words._("only {day}", day=short[first] if row["reported_a"] else short[second])


shown = pd.DataFrame({
    "city": [city_name(row, words) for _, row in table.iterrows()],
    "region": [region_label(r, "UA" if isinstance(s, str) else "RU", words)
               for r, s in zip(table["region"], table["territory_status"], strict=True)],
    "present": [presence(row) for _, row in table.iterrows()],
})
config = {"city": st.column_config.TextColumn(words._("City")),
          "region": st.column_config.TextColumn(words._("Region")),
          "present": st.column_config.TextColumn(words._("Reported on"))}
for day, suffix in ((first, "a"), (second, "b")):
    label = short[day]
    for metric, title in (("crowd", words._("Crowd, {day}", day=label)),
                          ("detentions", words._("Detentions, {day}", day=label)),
                          ("temperature", words._("°C, {day}", day=label))):
        column = f"{metric}_{suffix}"
        shown[column] = [span(row, metric, suffix) for _, row in table.iterrows()]
        config[column] = st.column_config.TextColumn(title)
    shown[f"reports_{suffix}"] = [map_link(c, day) if reported else None
                                  for c, reported in zip(table["city_id"], table[f"reported_{suffix}"], strict=True)]
    config[f"reports_{suffix}"] = st.column_config.LinkColumn(words._("Reports, {day}", day=label),
                                                              display_text=words._("open"))

st.subheader(md(words.n_("{count} city reported on either day", "{count} cities reported on either day",
                         len(table))))
st.dataframe(shown.sort_values("city"), hide_index=True, width="stretch", key="comparison", column_config=config)

st.subheader(words._("Most detentions"))
st.caption(words._("Each bar reaches the largest count any counter gives; its label is the span of all counters."))
columns = st.columns(2)
for column, day in zip(columns, (first, second), strict=True):
    top = top_detentions(dataset, day)
    if top.empty:
        column.info(md(words._("No detention figures for {day}.", day=names[day])))
        continue
    cities = dataset.cities.set_index("city_id")
    top = top.assign(
        city=[city_name(cities.loc[c], words) for c in top["city_id"]],
        figure=[formatting.figure("detentions", lo, hi, words) for lo, hi in
                zip(top["detentions_low"], top["detentions_high"], strict=True)],
    )
    bars = alt.Chart(top).encode(
        x=alt.X("detentions_high:Q", title=words._("Detained")),
        y=alt.Y("city:N", sort="-x", title=None, axis=alt.Axis(labelOverlap=False, labelLimit=220)),
        tooltip=[alt.Tooltip("city:N", title=words._("City")), alt.Tooltip("figure:N", title=words._("Detained"))],
    )
    chart = (bars.mark_bar(color="#c53030") + bars.mark_text(align="left", dx=4).encode(text="figure:N")).properties(
        title=names[day], height=alt.Step(22))
    column.altair_chart(chart, width="stretch")

st.subheader(words._("The national count as it grew"))
timeline = national_timeline(dataset, days)
if timeline.empty:
    st.info(words._("No national count with an as-of time in the data."))
else:
    timeline = timeline.assign(day=timeline["date"].map(names))
    line = (
        alt.Chart(timeline)
        .mark_line(point=True)
        .encode(
            x=alt.X("hours_since_day_began:Q", title=words._("Hours since the protest day began (Moscow time)")),
            y=alt.Y("count:Q", title=words._("Detained nationwide (OVD-Info)")),
            color=alt.Color("day:N", title=words._("Protest day")),
            tooltip=[alt.Tooltip("day:N", title=words._("Protest day")),
                     alt.Tooltip("count:Q", title=words._("Detained")),
                     alt.Tooltip("as_of_text:N", title=words._("as of")),
                     alt.Tooltip("publisher:N", title=words._("publisher"))],
        )
        .properties(height=360)
    )
    st.altair_chart(line, width="stretch")
    st.caption(md(words.n_("{count} OVD-Info count that carries a time. Counts reported without a time are listed "
                           "on the Data page (metric: detentions, no city).",
                           "{count} OVD-Info counts that carry a time. Counts reported without a time are listed "
                           "on the Data page (metric: detentions, no city).", len(timeline))))
