"""Two protest days side by side, city by city, and the national count as it grew."""

from __future__ import annotations

import pandas as pd

from .summary import city_day_summary, national_counts
from .tables import Dataset

FIGURES = ["crowd_low", "crowd_high", "detentions_low", "detentions_high", "temperature_low", "temperature_high"]


def compare_days(dataset: Dataset, first: pd.Timestamp | str, second: pd.Timestamp | str) -> pd.DataFrame:
    """One row per city reported on either day: each day's figures and the change between them.

    Each figure is the span the figure rule draws (smallest to largest of the counters' latest
    figures); a missing figure stays missing, never zero. No change is computed: two spans from
    different counters do not subtract into one honest number.
    """
    first, second = pd.Timestamp(first), pd.Timestamp(second)
    summary = city_day_summary(dataset)
    cities = dataset.cities[["city_id", "name_en", "name_ru", "region", "territory_status"]]
    table = cities.copy()
    for day, suffix in ((first, "a"), (second, "b")):
        day_rows = summary.loc[summary["date"] == day, ["city_id", *FIGURES, "reports"]]
        day_rows = day_rows.rename(columns={c: f"{c}_{suffix}" for c in [*FIGURES, "reports"]})
        table = table.merge(day_rows, on="city_id", how="left")
    table["reported_a"] = table["reports_a"].notna()
    table["reported_b"] = table["reports_b"].notna()
    table = table[table["reported_a"] | table["reported_b"]].copy()
    for figure in FIGURES:
        a, b = pd.to_numeric(table[f"{figure}_a"]), pd.to_numeric(table[f"{figure}_b"])
        table[f"{figure}_a"], table[f"{figure}_b"] = a.astype("Float64"), b.astype("Float64")
    return table.drop(columns=["reports_a", "reports_b"]).sort_values("name_en").reset_index(drop=True)


def top_detentions(dataset: Dataset, day: pd.Timestamp | str, limit: int = 15) -> pd.DataFrame:
    """The cities with the most detentions on a day: ranked by the largest count any counter gives."""
    summary = city_day_summary(dataset)
    day_rows = summary[(summary["date"] == pd.Timestamp(day)) & summary["detentions_high"].notna()]
    day_rows = day_rows.assign(detentions_high=day_rows["detentions_high"].astype("float64"),
                               detentions_low=day_rows["detentions_low"].astype("float64"))
    columns = ["city_id", "name_en", "detentions_low", "detentions_high", "detentions_counters"]
    return day_rows.nlargest(limit, "detentions_high")[columns].reset_index(drop=True)


def national_timeline(dataset: Dataset, days: list[pd.Timestamp]) -> pd.DataFrame:
    """OVD-Info's national counts that carry an as-of time, as hours since each day began (Moscow)."""
    frames = []
    for day in days:
        counts = national_counts(dataset, day)
        counts = counts[(counts["estimator"] == "OVD-Info") & counts["as_of"].notna()]
        frames.append(counts.assign(day=f"{day.day} {day:%B}"))
    if not frames:
        return pd.DataFrame()
    timeline = pd.concat(frames, ignore_index=True)
    timeline["count"] = timeline["value_low"].fillna(timeline["value_high"])
    columns = ["day", "hours_since_day_began", "count", "value_low", "value_high", "as_of_text", "publisher",
               "report_id", "quote"]
    return timeline[columns].sort_values(["day", "hours_since_day_began"]).reset_index(drop=True)
