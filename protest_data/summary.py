"""From reports to what the map draws: one row per city and protest day, by documented rules.

The rules (CODEBOOK.md, "How the map picks a figure") are deterministic:

- crowd: the full range of estimates, from the smallest number any source states to the largest;
- detentions: one count, chosen by estimator rank (OVD-Info, other monitors, police, authorities,
  media, others), then the latest as-of time (a count without a time counts as of the end of its
  source's publication day), then the larger value; the range of all counts is kept beside it;
- temperature: the coldest temperature reported, with the range of all reports.

Figures that span several protest days (``date_end`` set) never enter a one-day summary.
"""

from __future__ import annotations

import pandas as pd

from .tables import Dataset

ESTIMATOR_RANK = {"monitor": 1, "police": 2, "authorities": 3, "media": 4, "independent_counter": 4,
                  "organisers": 5, "other": 6}
PREFERRED_ESTIMATOR = "OVD-Info"
MOSCOW_OFFSET = pd.Timedelta(hours=3)


def reports_with_sources(dataset: Dataset) -> pd.DataFrame:
    """Reports joined with their source's publisher, title, URL and date, and the estimator's kind."""
    sources = dataset.sources[["source_id", "publisher", "title", "url", "published", "language", "kind"]]
    sources = sources.rename(columns={"kind": "source_kind", "published": "source_published"})
    estimators = dataset.estimators[["estimator", "kind"]].rename(columns={"kind": "estimator_kind"})
    merged = dataset.reports.merge(sources, on="source_id", how="left").merge(estimators, on="estimator", how="left")
    return merged


def _order_key(frame: pd.DataFrame) -> pd.Series:
    """When a count was taken: its as-of time, else the end of the day its source was published."""
    published = pd.to_datetime(frame["source_published"].str.slice(0, 10), errors="coerce", format="%Y-%m-%d")
    end_of_publication_day = (published + pd.Timedelta(days=1) - MOSCOW_OFFSET).dt.tz_localize("UTC")
    return frame["as_of"].fillna(end_of_publication_day)


def _ranked(frame: pd.DataFrame) -> pd.DataFrame:
    """Detention counts, best first: preferred estimator, estimator rank, latest, largest, report_id."""
    ranked = frame.assign(
        _preferred=(frame["estimator"] != PREFERRED_ESTIMATOR).astype(int),
        _rank=frame["estimator_kind"].map(ESTIMATOR_RANK).fillna(9),
        _when=_order_key(frame),
        _value=frame["value_low"].fillna(frame["value_high"]),
    )
    return ranked.sort_values(
        ["_preferred", "_rank", "_when", "_value", "report_id"],
        ascending=[True, True, False, False, True],
        na_position="last",
    )


def pick_count(frame: pd.DataFrame) -> pd.Series | None:
    """The detention count the map draws from a city's (or the nation's) reports for one day."""
    if frame.empty:
        return None
    return _ranked(frame).iloc[0]


def single_day(reports: pd.DataFrame) -> pd.DataFrame:
    return reports[reports["date_end"].isna()]


KEYS = ["date", "city_id"]


def _value_span(reports: pd.DataFrame, metric: str, prefix: str, largest: str) -> pd.DataFrame:
    """Smallest and largest number stated, and how many reports, per city and day, for one metric."""
    rows = reports[reports["metric"] == metric]
    numbers = pd.concat([rows[[*KEYS, "value_low"]].rename(columns={"value_low": "v"}),
                         rows[[*KEYS, "value_high"]].rename(columns={"value_high": "v"})]).dropna(subset=["v"])
    span = numbers.groupby(KEYS)["v"].agg(["min", "max"]).rename(columns={"min": prefix, "max": largest})
    return span.join(rows.groupby(KEYS).size().rename(f"{metric}_reports"), how="outer")


def city_day_summary(dataset: Dataset) -> pd.DataFrame:
    """One row per (date, city) with any report that day: what the map draws, and why."""
    reports = single_day(reports_with_sources(dataset))
    reports = reports[reports["city_id"].notna()]
    base = reports.groupby(KEYS).agg(reports=("report_id", "size"), sources=("source_id", "nunique"))

    crowd = _value_span(reports, "crowd", "crowd_min", "crowd_max").rename(columns={"crowd_reports": "crowd_estimates"})
    temps = _value_span(reports, "temperature_c", "temperature_c", "temperature_max")
    temps = temps.rename(columns={"temperature_c_reports": "temperature_reports"})
    counts = reports[reports["metric"] == "detentions"]
    spread = _value_span(reports, "detentions", "detentions_min", "detentions_max")
    spread = spread.rename(columns={"detentions_reports": "detentions_counts"})
    chosen = _ranked(counts).groupby(KEYS).head(1).set_index(KEYS)
    picked = pd.DataFrame({
        "detentions": chosen["value_low"].fillna(chosen["value_high"]),
        "detentions_is_lower_bound": chosen["value_high"].isna(),
        "detentions_estimator": chosen["estimator"],
        "detentions_as_of": chosen["as_of_text"],
        "detentions_report_id": chosen["report_id"],
    })

    summary = base.join([crowd, picked, spread, temps]).reset_index()
    for column in ("crowd_estimates", "detentions_counts", "temperature_reports"):
        summary[column] = summary[column].fillna(0).astype(int)
    summary["detentions_is_lower_bound"] = summary["detentions_is_lower_bound"].astype("boolean").fillna(False).astype(bool)
    cities = dataset.cities[["city_id", "name_en", "name_ru", "region", "country_code", "territory_status", "lat", "lon"]]
    summary = summary[["date", "city_id", *_FIGURE_COLUMNS]].merge(cities, on="city_id", how="left")
    return summary.astype({"city_id": "string"}).sort_values(KEYS).reset_index(drop=True)


_FIGURE_COLUMNS = [
    "crowd_min", "crowd_max", "crowd_estimates",
    "detentions", "detentions_is_lower_bound", "detentions_estimator", "detentions_as_of",
    "detentions_report_id", "detentions_min", "detentions_max", "detentions_counts",
    "temperature_c", "temperature_max", "temperature_reports",
    "reports", "sources",
]


def national_counts(dataset: Dataset, day: pd.Timestamp | str) -> pd.DataFrame:
    """National detention counts reported for one day, oldest first, with hours since the day began."""
    return _national_counts(single_day(reports_with_sources(dataset)), pd.Timestamp(day))


def _national_counts(reports: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    frame = reports[(reports["date"] == day) & reports["city_id"].isna() & (reports["metric"] == "detentions")].copy()
    day_start = (day - MOSCOW_OFFSET).tz_localize("UTC")  # midnight, Moscow time
    frame["hours_since_day_began"] = (frame["as_of"] - day_start).dt.total_seconds() / 3600
    return frame.sort_values(["as_of", "value_low"], na_position="last").reset_index(drop=True)


def national_summary(dataset: Dataset, day: pd.Timestamp | str) -> dict:
    """A day's national figures, each picked by the same rule as a city's detentions.

    - ``detentions``: the national detention count (latest OVD-Info count first);
    - ``cities_with_detentions``: the count of cities with detentions, by the same rule;
    - ``cities_with_protests``: every count of cities where protests were held, as sources gave them
      (counts of protests announced in advance are left out);
    - ``cities_in_dataset``: the cities this dataset has a report for that day.
    """
    day = pd.Timestamp(day)
    reports = single_day(reports_with_sources(dataset))
    that_day = reports[reports["date"] == day]
    cities = that_day[that_day["city_id"].isna() & (that_day["metric"] == "cities")]
    protests = cities[cities["counted"] == "protests"]
    return {
        "date": day,
        "detentions": pick_count(_national_counts(reports, day)),
        "cities_with_detentions": pick_count(cities[cities["counted"] == "detentions"]),
        "cities_with_protests": protests.sort_values(["value_low", "value_high"], na_position="first"),
        "cities_in_dataset": int(that_day["city_id"].dropna().nunique()),
    }


def reports_for_city(reports: pd.DataFrame, city_id: str) -> pd.DataFrame:
    """Every report about a city, on every day, in reading order: for the side panel.

    ``reports`` is :func:`reports_with_sources` output (the app caches it once).
    """
    frame = reports[reports["city_id"] == city_id]
    metric_order = {"held": 0, "crowd": 1, "detentions": 2, "temperature_c": 3}
    return frame.assign(_m=frame["metric"].map(metric_order)).sort_values(
        ["date", "_m", "as_of", "report_id"], na_position="last"
    ).drop(columns="_m").reset_index(drop=True)


def protest_days(dataset: Dataset) -> list[pd.Timestamp]:
    """The days the map offers: those declared in protest_days.csv that have reports."""
    reported = set(dataset.reports["date"].dropna())
    return [day for day in dataset.protest_days["date"].sort_values() if day in reported]


LABEL_COLUMNS = {"en": "label", "ru": "label_ru"}


def day_labels(dataset: Dataset, language: str = "en") -> dict[pd.Timestamp, str]:
    """Each declared protest day's name from protest_days.csv ("21 April 2021 — …"), in English or Russian."""
    if language not in LABEL_COLUMNS:
        raise ValueError(f"no day labels in {language!r}; there are {', '.join(LABEL_COLUMNS)}")
    days = dataset.protest_days
    return dict(zip(days["date"], days[LABEL_COLUMNS[language]].astype(str)))


def held_only_days(dataset: Dataset) -> list[pd.Timestamp]:
    """Days whose city reports say only that a protest was held (kind 'held_only'): no figures to draw by city."""
    days = dataset.protest_days
    return sorted(days.loc[days["kind"] == "held_only", "date"])
