"""Two protest days side by side, city by city, and the national count as it grew."""

from __future__ import annotations

import pandas as pd

from .summary import city_day_summary, national_counts
from .tables import Dataset

FIGURES = ["crowd_low", "crowd_high", "detentions_low", "detentions_high", "temperature_low", "temperature_high"]


def compare_days(dataset: Dataset, first: pd.Timestamp | str, second: pd.Timestamp | str) -> pd.DataFrame:
    """One row per city with a protest reported on either day: each day's figures side by side.

    Each figure is the span the figure rule draws (smallest to largest of the counters' latest
    figures); a missing figure stays missing, never zero. No change is computed: two spans from
    different counters do not subtract into one honest number. ``reported_a``/``_b`` say a source
    reports a protest there that day; ``no_protest_a``/``_b`` that a source says none took place (both can hold: sources disagree). A city whose only reports are of no
    protest is not a protest city and is not listed.
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
    columns = ["date", "day", "hours_since_day_began", "count", "value_low", "value_high", "as_of_text", "publisher",
               "report_id", "quote"]
    return timeline[columns].sort_values(["day", "hours_since_day_began"]).reset_index(drop=True)
