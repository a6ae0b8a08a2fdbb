"""From reports to what the dashboard shows: one row per city and protest day, and each day's national figures.

The figures themselves come from one rule, :mod:`protest_data.figures` (CODEBOOK.md, "How the map picks
a figure"). This module shapes its output for the map and the pages. Figures that span several protest
days (``date_end`` set) never enter a one-day summary.

A ``no_protest`` report (a source says no protest took place in that city that day) is never a protest:
a city whose only reports that day are absences is kept in the summary, for the map's quiet symbol, with
``protest_reported`` False, and is never counted as a protest city.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .figures import annotate, counter_figures, metric_spans
from .tables import Dataset

MOSCOW_OFFSET = pd.Timedelta(hours=3)
# Reports that say a protest took place in a city: 'held' and every figure about it.
PROTEST_METRICS = ("held", "crowd", "detentions", "temperature_c")
ABSENCE_METRIC = "no_protest"
def reports_with_sources(dataset: Dataset) -> pd.DataFrame:
    """Reports joined with their source's publisher, title, URL and date, and the estimator's kind."""
    sources = dataset.sources[["source_id", "publisher", "title", "url", "published", "language", "kind"]]
    sources = sources.rename(columns={"kind": "source_kind", "published": "source_published"})
    estimators = dataset.estimators[["estimator", "kind"]].rename(columns={"kind": "estimator_kind"})
    merged = dataset.reports.merge(sources, on="source_id", how="left").merge(estimators, on="estimator", how="left")
    return merged


def single_day(reports: pd.DataFrame) -> pd.DataFrame:
    return reports[reports["date_end"].isna()]


KEYS = ["date", "city_id"]
SPAN_METRICS = {"crowd": "crowd", "detentions": "detentions", "temperature_c": "temperature"}


@dataclass(frozen=True)
class Figures:
    """The figure rule applied to the whole dataset once: see :mod:`protest_data.figures`.

    - ``reports``: every figure report, with ``counter``, ``reported_at``, ``drawn`` and ``superseded``;
    - ``counters``: one row per place, day, metric and counter (its latest figure);
    - ``spans``: one row per place, day and metric (what the symbol spans).
    National figures have ``place`` = "".
    """

    reports: pd.DataFrame
    counters: pd.DataFrame
    spans: pd.DataFrame


def figures(dataset: Dataset) -> Figures:
    annotated = annotate(reports_with_sources(dataset))
    counters = counter_figures(annotated)
    return Figures(annotated, counters, metric_spans(counters))


def city_day_summary(dataset: Dataset, rule: Figures | None = None) -> pd.DataFrame:
    """One row per (date, city) with any report that day: each metric's span, counters and reports.

    Columns per metric (``crowd``, ``detentions``, ``temperature``): ``<m>_low`` and ``<m>_high`` (the
    span the symbol draws), ``<m>_counters`` (counters side by side; for temperature, reports) and
    ``temperature_middle`` (the colour). A missing figure is missing, never zero.
    """
    rule = rule or figures(dataset)
    reports = single_day(dataset.reports)
    reports = reports[reports["city_id"].notna()]
    base = reports.groupby(KEYS).agg(reports=("report_id", "size"), sources=("source_id", "nunique"))
    base["protest_reported"] = reports["metric"].isin(PROTEST_METRICS).groupby([reports[k] for k in KEYS]).any()
    base["no_protest_reports"] = (reports["metric"] == ABSENCE_METRIC).groupby([reports[k] for k in KEYS]).sum()
    spans = rule.spans[(rule.spans["place"] != "") & rule.spans["metric"].isin(list(SPAN_METRICS))]
    wide = spans.assign(city_id=spans["place"], m=spans["metric"].map(SPAN_METRICS)).pivot_table(
        index=KEYS, columns="m", values=["low", "high", "middle", "counters"], aggfunc="first")
    wide.columns = [f"{metric}_{field}" for field, metric in wide.columns]
    summary = base.join(wide).reset_index()
    for column in _FIGURE_COLUMNS:
        if column not in summary:
            summary[column] = pd.NA
    for metric in SPAN_METRICS.values():
        summary[f"{metric}_counters"] = pd.to_numeric(summary[f"{metric}_counters"]).fillna(0).astype(int)
        for field in ("low", "high"):
            summary[f"{metric}_{field}"] = pd.to_numeric(summary[f"{metric}_{field}"]).astype("Float64")
    summary["temperature_middle"] = pd.to_numeric(summary["temperature_middle"]).astype("Float64")
    cities = dataset.cities[["city_id", "name_en", "name_ru", "region", "country_code", "territory_status", "lat", "lon",
                             "population"]]
    summary = summary[[*KEYS, *_FIGURE_COLUMNS]].merge(cities, on="city_id", how="left")
    return summary.astype({"city_id": "string"}).sort_values(KEYS).reset_index(drop=True)


_FIGURE_COLUMNS = [
    "crowd_low", "crowd_high", "crowd_counters",
    "detentions_low", "detentions_high", "detentions_counters",
    "temperature_low", "temperature_high", "temperature_middle", "temperature_counters",
    "reports", "sources", "protest_reported", "no_protest_reports",
]


def day_counters(rule: Figures, day: pd.Timestamp, place: str) -> pd.DataFrame:
    """The counters' figures for one place ("" for national) and day, in display order."""
    counters = rule.counters
    return counters[(counters["date"] == day) & (counters["place"] == place)]


def _records_by(frame: pd.DataFrame, key: str) -> dict[str, list[dict]]:
    # One conversion for the whole day, then grouping in Python: converting each city's group on its
    # own costs more than everything else in building the map model.
    grouped: dict[str, list[dict]] = {}
    for row in frame.to_dict("records"):
        grouped.setdefault(str(row[key]), []).append(row)
    return grouped


def counters_by_city(rule: Figures, day: pd.Timestamp) -> dict[str, list[dict]]:
    """Each city's counter figures for one day as plain rows, keyed by city_id: what the map model needs."""
    counters = rule.counters
    that_day = counters[(counters["date"] == pd.Timestamp(day)) & (counters["place"] != "")]
    return _records_by(that_day, "place")


def absences_by_city(reports: pd.DataFrame, day: pd.Timestamp) -> dict[str, list[dict]]:
    """Each city's reports that no protest took place there on ``day`` (``reports_with_sources`` rows,
    as plain rows)."""
    rows = reports[(reports["metric"] == ABSENCE_METRIC) & (reports["date"] == pd.Timestamp(day))
                   & reports["city_id"].notna() & reports["date_end"].isna()]
    return _records_by(rows, "city_id")


def national_counts(dataset: Dataset, day: pd.Timestamp | str) -> pd.DataFrame:
    """National detention counts reported for one day, oldest first, with hours since the day began."""
    return _national_counts(single_day(reports_with_sources(dataset)), pd.Timestamp(day))


def _national_counts(reports: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    frame = reports[(reports["date"] == day) & reports["city_id"].isna() & (reports["metric"] == "detentions")].copy()
    day_start = (day - MOSCOW_OFFSET).tz_localize("UTC")  # midnight, Moscow time
    frame["hours_since_day_began"] = (frame["as_of"] - day_start).dt.total_seconds() / 3600
    return frame.sort_values(["as_of", "value_low"], na_position="last").reset_index(drop=True)


def national_summary(dataset: Dataset, day: pd.Timestamp | str, rule: Figures | None = None) -> dict:
    """A day's national figures, by the same rule as a city's: each counter's latest figure.

    - ``detentions``: national detention counts, one row per counter;
    - ``cities_with_detentions`` and ``cities_with_protests``: counts of cities, one row per counter
      (counts of protests announced in advance are left out);
    - ``cities_in_dataset``: the cities this dataset has a report for that day.
    """
    day = pd.Timestamp(day)
    rule = rule or figures(dataset)
    national = day_counters(rule, day, "")
    that_day = single_day(dataset.reports)
    that_day = that_day[that_day["date"] == day]
    return {
        "date": day,
        "detentions": national[national["metric"] == "detentions"].reset_index(drop=True),
        "cities_with_detentions": national[(national["metric"] == "cities")
                                           & (national["counted"] == "detentions")].reset_index(drop=True),
        "cities_with_protests": national[(national["metric"] == "cities")
                                         & (national["counted"] == "protests")].reset_index(drop=True),
        "cities_in_dataset": protest_cities(that_day),
    }


def protest_cities(reports: pd.DataFrame) -> int:
    """How many cities the reports say a protest took place in (absences never count)."""
    return int(reports.loc[reports["metric"].isin(PROTEST_METRICS), "city_id"].dropna().nunique())


def reports_for_city(reports: pd.DataFrame, city_id: str) -> pd.DataFrame:
    """Every report about a city, on every day, in reading order: for the side panel.

    ``reports`` is :func:`reports_with_sources` output (the app caches it once).
    """
    frame = reports[reports["city_id"] == city_id]
    metric_order = {"held": 0, "crowd": 1, "detentions": 2, "temperature_c": 3, ABSENCE_METRIC: 4}
    return frame.assign(_m=frame["metric"].map(metric_order)).sort_values(
        ["date", "_m", "as_of", "report_id"], na_position="last"
    ).drop(columns="_m").reset_index(drop=True)


def protest_days(dataset: Dataset) -> list[pd.Timestamp]:
    """The days the map offers: those declared in protest_days.csv that have reports."""
    reported = set(dataset.reports["date"].dropna().unique())  # unique first: a set of 100k Timestamps is slow
    return [day for day in dataset.protest_days["date"].sort_values() if day in reported]


LABEL_COLUMNS = {"en": "label", "ru": "label_ru"}


def day_labels(dataset: Dataset, language: str = "en") -> dict[pd.Timestamp, str]:
    """Each declared protest day's name from protest_days.csv ("21 April 2021 — …"), in English or Russian."""
    if language not in LABEL_COLUMNS:
        raise ValueError(f"no day labels in {language!r}; there are {', '.join(LABEL_COLUMNS)}")
    days = dataset.protest_days
    return dict(zip(days["date"], days[LABEL_COLUMNS[language]].astype(str), strict=True))


def held_only_days(dataset: Dataset) -> list[pd.Timestamp]:
    """Days whose city reports say only that a protest was held (kind 'held_only'): no figures to draw by city."""
    days = dataset.protest_days
    return sorted(days.loc[days["kind"] == "held_only", "date"])
