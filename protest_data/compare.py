"""Any two protest days side by side, city by city, and the national count as it grew."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .summary import city_day_summary, national_counts
from .tables import Dataset

FIGURES = ["crowd_low", "crowd_high", "detentions_low", "detentions_high", "temperature_low", "temperature_high"]
# The pair the project's design card compares: the first two days of the wave. Used when both are present.
PREFERRED_PAIR = (pd.Timestamp("2021-01-23"), pd.Timestamp("2021-01-31"))


def default_comparison(days: Sequence[pd.Timestamp]) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The two days a comparison starts from: 23 and 31 January when both are offered, else the first two.

    ``days`` are the days on offer (e.g. :func:`protest_data.summary.protest_days`), in any order.
    """
    offered = sorted({pd.Timestamp(day) for day in days})
    if len(offered) < 2:
        raise ValueError(f"a comparison needs two protest days; the data offers {len(offered)}")
    if all(day in offered for day in PREFERRED_PAIR):
        return PREFERRED_PAIR
    return offered[0], offered[1]


def compare_days(dataset: Dataset, first: pd.Timestamp | str, second: pd.Timestamp | str) -> pd.DataFrame:
    """One row per city with a protest reported on either day: each day's figures side by side.

    Columns for the first day end in ``_a``, for the second in ``_b``, whichever days they are.
    ``reported_on`` says where a city appears: ``both``, ``a`` (first day only) or ``b`` (second only).
    Each figure is the span the figure rule draws (smallest to largest of the counters' latest
    figures); a missing figure stays missing, never zero. No change is computed: two spans from
    different counters do not subtract into one honest number. ``reported_a``/``_b`` say a source
    reports a protest there that day; ``no_protest_a``/``_b`` that a source says none took place (both
    can hold: sources disagree). A city whose only reports are of no protest is not a protest city and
    is not listed.
    """
    first, second = pd.Timestamp(first), pd.Timestamp(second)
    summary = city_day_summary(dataset)
    cities = dataset.cities[["city_id", "name_en", "name_ru", "region", "territory_status"]]
    table = cities.copy()
    for day, suffix in ((first, "a"), (second, "b")):
        day_rows = summary.loc[summary["date"] == day, ["city_id", *FIGURES, "protest_reported", "no_protest_reports"]]
        day_rows = day_rows.rename(columns={c: f"{c}_{suffix}" for c in [*FIGURES, "protest_reported", "no_protest_reports"]})
        table = table.merge(day_rows, on="city_id", how="left")
    for suffix in ("a", "b"):
        table[f"reported_{suffix}"] = table[f"protest_reported_{suffix}"].eq(True)
        table[f"no_protest_{suffix}"] = table[f"no_protest_reports_{suffix}"].fillna(0).astype(int) > 0
    table = table[table["reported_a"] | table["reported_b"]].copy()
    table["reported_on"] = "both"
    table.loc[~table["reported_b"], "reported_on"] = "a"
    table.loc[~table["reported_a"], "reported_on"] = "b"
    for figure in FIGURES:
        a, b = pd.to_numeric(table[f"{figure}_a"]), pd.to_numeric(table[f"{figure}_b"])
        table[f"{figure}_a"], table[f"{figure}_b"] = a.astype("Float64"), b.astype("Float64")
    dropped = ["protest_reported_a", "protest_reported_b", "no_protest_reports_a", "no_protest_reports_b"]
    return table.drop(columns=dropped).sort_values("name_en").reset_index(drop=True)


def top_detentions(dataset: Dataset, day: pd.Timestamp | str, limit: int = 15) -> pd.DataFrame:
    """The cities with the most detentions on a day: ranked by the largest count any counter gives."""
    summary = city_day_summary(dataset)
    day_rows = summary[(summary["date"] == pd.Timestamp(day)) & summary["detentions_high"].notna()]
    day_rows = day_rows.assign(detentions_high=day_rows["detentions_high"].astype("float64"),
                               detentions_low=day_rows["detentions_low"].astype("float64"))
    columns = ["city_id", "name_en", "detentions_low", "detentions_high", "detentions_counters"]
    return day_rows.nlargest(limit, "detentions_high")[columns].reset_index(drop=True)


def national_timeline(dataset: Dataset, days: Sequence[pd.Timestamp]) -> pd.DataFrame:
    """OVD-Info's national counts that carry an as-of time, as hours since each day began (Moscow).

    Any number of days; rows run in date order, then by time. ``day`` is a label ("21 April"),
    ``date`` the day itself. Days without a timed OVD-Info count simply have no rows.
    """
    frames = []
    for day in sorted(pd.Timestamp(d) for d in days):
        counts = national_counts(dataset, day)
        counts = counts[(counts["estimator"] == "OVD-Info") & counts["as_of"].notna()]
        frames.append(counts.assign(day=f"{day.day} {day:%B}"))
    if not frames:
        return pd.DataFrame()
    timeline = pd.concat(frames, ignore_index=True)
    timeline["count"] = timeline["value_low"].fillna(timeline["value_high"])
    columns = ["date", "day", "hours_since_day_began", "count", "value_low", "value_high", "as_of_text", "publisher",
               "report_id", "quote"]
    return timeline[columns].sort_values(["date", "hours_since_day_began"]).reset_index(drop=True)
