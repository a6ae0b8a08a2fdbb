"""How much the dataset covers: cities per day, per metric and per region."""

from __future__ import annotations

import pandas as pd

from .summary import ABSENCE_METRIC, PROTEST_METRICS, protest_cities, single_day
from .tables import Dataset

CITY_METRICS = ["held", "crowd", "detentions", "temperature_c"]
FIGURE_METRICS = ["crowd", "detentions", "temperature_c"]


def coverage_by_day(dataset: Dataset) -> pd.DataFrame:
    """Per declared protest day (every one, even without reports), with its kind: cities with any report,
    with a protest reported, with a figure, with a reported absence. A 'held_only' day has no figures by design.

    ``cities`` counts every city with a report that day, absences included; ``protest_cities`` only those
    a source reports a protest in; ``cities_with_no_protest`` those a source says had none (a city can be
    in both when sources disagree); ``cities_with_figure`` those with a crowd, detention or temperature figure.
    """
    reports = single_day(dataset.reports)
    reports = reports[reports["city_id"].notna()]
    rows = []
    kinds = dict(zip(dataset.protest_days["date"], dataset.protest_days["kind"]))
    for day in dataset.protest_days["date"].sort_values():
        that_day = reports[reports["date"] == day]
        absent = set(that_day.loc[that_day["metric"] == ABSENCE_METRIC, "city_id"])
        present = set(that_day.loc[that_day["metric"].isin(PROTEST_METRICS), "city_id"])
        row = {"date": day, "kind": kinds[day], "cities": that_day["city_id"].nunique(),
               "protest_cities": protest_cities(that_day),
               "cities_with_figure": that_day.loc[that_day["metric"].isin(FIGURE_METRICS), "city_id"].nunique(),
               "cities_with_no_protest": len(absent), "cities_with_both": len(absent & present)}
        for metric in CITY_METRICS:
            row[f"cities_with_{metric}"] = that_day.loc[that_day["metric"] == metric, "city_id"].nunique()
        figures = that_day[that_day["metric"].isin(["crowd", "detentions"])]
        row["cities_with_crowd_or_detentions"] = figures["city_id"].nunique()
        row["reports"] = len(that_day)
        row["sources"] = that_day["source_id"].nunique()
        rows.append(row)
    return pd.DataFrame(rows)


def coverage_by_region(dataset: Dataset) -> pd.DataFrame:
    """Per region: cities with any report on each day, with a crowd or detention figure, with a reported absence."""
    reports = single_day(dataset.reports).merge(dataset.cities[["city_id", "region"]], on="city_id", how="inner")
    frames = []
    for day in dataset.protest_days["date"].sort_values():
        that_day = reports[reports["date"] == day]
        label = f"{day:%d %b}"
        counted = that_day.groupby("region")["city_id"].nunique().rename(f"cities {label}")
        figures = that_day[that_day["metric"].isin(["crowd", "detentions"])]
        with_figures = figures.groupby("region")["city_id"].nunique().rename(f"with figures {label}")
        absences = that_day[that_day["metric"] == ABSENCE_METRIC]
        with_absence = absences.groupby("region")["city_id"].nunique().rename(f"no protest {label}")
        frames += [counted, with_figures, with_absence]
    table = pd.concat(frames, axis=1).fillna(0).astype(int)
    return table.sort_index().reset_index().rename(columns={"index": "region"})


def national_coverage(dataset: Dataset) -> pd.DataFrame:
    """National figures per day and metric: how many reports, how many timed (as-of) counts."""
    reports = dataset.reports[dataset.reports["city_id"].isna()]
    grouped = reports.groupby(["date", "metric"])
    return pd.DataFrame({"reports": grouped.size(), "with_as_of": grouped["as_of"].count()}).reset_index()


def format_coverage(dataset: Dataset) -> str:
    parts = [
        "Cities per protest day (cities: any report; protest_cities: a protest reported; "
        "cities_with_no_protest: a source says none took place; cities_with_both: sources disagree)",
        coverage_by_day(dataset).to_string(index=False, formatters={"date": "{:%Y-%m-%d}".format}),
        "",
        "National figures",
        national_coverage(dataset).to_string(index=False, formatters={"date": "{:%Y-%m-%d}".format}),
        "",
        "Cities per region",
        coverage_by_region(dataset).to_string(index=False),
    ]
    return "\n".join(parts)
