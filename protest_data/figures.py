"""The figure rule: from one place's reports for one day to what is drawn and said about each metric.

Every surface (map symbols, tooltip, popup, side panel, Compare page, national headlines, CSV and
GeoJSON downloads) reads its figures from here; none picks a figure on its own. CODEBOOK.md, "How the
map picks a figure", states the rule in plain words with a worked example for each case:

- A report keeps its own shape: a range stays a range, a lower bound a lower bound, an upper bound an
  upper bound. Formatting is not done here (see rendering.formatting).
- A *counter* is whoever produced a figure (the estimator). A counter's later count supersedes its
  earlier ones: those become its history, shown as a timeline, never as the figure.
- "Later" is the report's ``as_of``; without one, its source's publication time; a publication date
  without a time counts as the first moment of that date (Moscow time), so an unknown time never beats
  a known time on the same date, and a count published the next day is later than any count made during
  the protest day. A report with neither counts as the earliest. At equal times the larger figure wins
  (running counts grow); reports at the same time with the same figure are all behind the figure.
- Different counters stand side by side, each with its latest figure, never merged. The symbol spans
  them: from the smallest number any counter's latest figure states to the largest.
- Temperatures are weather, not counts: every report stands; the range is shown and the symbol's colour
  uses the median of the reported values.
- Estimators that name nobody ("unattributed", "media (unnamed)"...) are not one counter: each source's
  unnamed figure is a counter of its own.
"""

from __future__ import annotations

import pandas as pd

COUNTED_METRICS = ("crowd", "detentions", "cities")
WEATHER_METRICS = ("temperature_c",)
FIGURE_METRICS = COUNTED_METRICS + WEATHER_METRICS
# Estimators (estimators.csv) that do not identify who counted: one counter per source for these.
UNNAMED_ESTIMATORS = frozenset({
    "unattributed", "various estimates", "media (unnamed)", "officials (unspecified)", "eyewitnesses",
    "unnamed monitoring group",
})
MOSCOW = "Europe/Moscow"
GROUP = ["date", "place", "metric", "counted"]
COUNTER_GROUP = [*GROUP, "counter"]
DISPLAY_RANK = {"monitor": 1, "police": 2, "authorities": 3, "organisers": 4, "independent_counter": 5,
                "media": 6, "other": 7}


def reported_time(reports: pd.DataFrame) -> pd.Series:
    """When each figure was current, in UTC: as_of, else publication time, else publication date."""
    published = reports["source_published"].astype("string")
    timed = published.str.len() > 10
    at_time = pd.to_datetime(published.where(timed), format="ISO8601", utc=True, errors="coerce")
    dated = pd.to_datetime(published.where(~timed).str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    at_date = dated.dt.tz_localize(MOSCOW).dt.tz_convert("UTC")
    return reports["as_of"].fillna(at_time).fillna(at_date)


def annotate(reports: pd.DataFrame) -> pd.DataFrame:
    """Figure reports (one-day ones) with their counter, time, and whether they are drawn or history.

    ``reports`` is :func:`protest_data.summary.reports_with_sources` output. Rows of other metrics, or
    with a ``date_end``, are dropped. Added columns: ``place`` (city_id, or "" for national figures),
    ``counter``, ``reported_at``, ``drawn`` (behind the figure shown) and ``superseded`` (history).
    """
    frame = reports[reports["metric"].isin(FIGURE_METRICS) & reports["date_end"].isna()].copy()
    frame["place"] = frame["city_id"].fillna("").astype(str)
    frame["counted"] = frame["counted"].fillna("").astype(str)
    estimator = frame["estimator"].astype(str)
    frame["counter"] = estimator.where(~estimator.isin(UNNAMED_ESTIMATORS),
                                       estimator + " · " + frame["source_id"].astype(str))
    frame["reported_at"] = reported_time(frame)
    frame["_small"] = frame["value_low"].fillna(frame["value_high"]).astype("float64")
    frame["_large"] = frame["value_high"].fillna(frame["value_low"]).astype("float64")
    frame = frame.sort_values([*COUNTER_GROUP, "reported_at", "_large", "_small", "report_id"],
                              ascending=[True] * len(COUNTER_GROUP) + [False, False, False, True],
                              na_position="last", kind="mergesort")
    # Each counter's first row after sorting is its latest figure (positionally: "first" would skip NAs).
    group = frame.groupby(COUNTER_GROUP, sort=False).ngroup()
    lead = ~frame.duplicated(COUNTER_GROUP)
    leads = frame.loc[lead, ["reported_at", "value_low", "value_high"]].set_axis(group[lead].to_numpy())
    latest = leads.loc[group.to_numpy()].set_axis(frame.index)
    same = (_same(frame["reported_at"], latest["reported_at"]) & _same(frame["value_low"], latest["value_low"])
            & _same(frame["value_high"], latest["value_high"]))
    weather = frame["metric"].isin(WEATHER_METRICS)
    frame["drawn"] = same | weather
    frame["superseded"] = ~frame["drawn"]
    return frame.drop(columns=["_small", "_large"]).reset_index(drop=True)


def _same(a: pd.Series, b: pd.Series) -> pd.Series:
    return ((a == b).fillna(False) | (a.isna() & b.isna())).astype(bool)


def counter_figures(annotated: pd.DataFrame) -> pd.DataFrame:
    """One row per place, day, metric and counter: its latest figure, and the reports behind it.

    Temperatures have one row per report (weather has no counter whose figure supersedes another's).
    Columns: the group, ``counter``, ``estimator``, ``estimator_kind``, ``value_low``, ``value_high``,
    ``reported_at``, ``as_of_text``, ``report_ids`` (tuple), ``publishers`` (tuple), ``history`` (count of
    superseded reports), ordered for display: monitors, police, authorities, organisers, media, others.
    """
    drawn = annotated[annotated["drawn"]]
    weather = drawn["metric"].isin(WEATHER_METRICS)
    keys = COUNTER_GROUP
    counted = drawn[~weather]
    grouped = counted.groupby(keys, sort=False)
    rows = grouped.agg(estimator=("estimator", "first"), estimator_kind=("estimator_kind", "first"),
                       value_low=("value_low", "first"), value_high=("value_high", "first"),
                       reported_at=("reported_at", "first"), as_of_text=("as_of_text", "first"),
                       report_ids=("report_id", tuple), publishers=("publisher", _unique_tuple))
    history = annotated[annotated["superseded"]].groupby(keys).size().rename("history")
    rows = rows.join(history).fillna({"history": 0}).reset_index()
    temps = drawn[weather].assign(report_ids=lambda f: f["report_id"].map(lambda r: (r,)),
                                  publishers=lambda f: f["publisher"].map(lambda p: (p,)), history=0)
    columns = [*COUNTER_GROUP, "estimator", "estimator_kind", "value_low", "value_high", "reported_at",
               "as_of_text", "report_ids", "publishers", "history"]
    both = pd.concat([rows[columns], temps[columns]], ignore_index=True)
    both["history"] = both["history"].astype(int)
    both["_rank"] = both["estimator_kind"].map(DISPLAY_RANK).fillna(9)
    both["_size"] = both["value_high"].fillna(both["value_low"]).astype("float64")
    both = both.sort_values([*GROUP, "_rank", "_size", "counter"], ascending=[True] * 4 + [True, False, True],
                            na_position="last", kind="mergesort")
    return both.drop(columns=["_rank", "_size"]).reset_index(drop=True)


def _unique_tuple(values: pd.Series) -> tuple:
    return tuple(dict.fromkeys(str(v) for v in values if isinstance(v, str)))


def metric_spans(figures: pd.DataFrame) -> pd.DataFrame:
    """Per place, day and metric: the span the symbol draws, and how many counters and reports.

    ``low`` is the smallest number any counter's figure states, ``high`` the largest; ``middle`` (for
    temperatures) is the median of the reported values, each report's own range taken at its middle.
    """
    small = figures["value_low"].fillna(figures["value_high"]).astype("float64")
    large = figures["value_high"].fillna(figures["value_low"]).astype("float64")
    frame = figures.assign(_small=small, _large=large, _middle=(small + large) / 2,
                           _reports=figures["report_ids"].map(len))
    grouped = frame.groupby(GROUP, sort=False)
    spans = grouped.agg(low=("_small", "min"), high=("_large", "max"), middle=("_middle", "median"),
                        counters=("counter", "size"), reports=("_reports", "sum"))
    return spans.reset_index()
