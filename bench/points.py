"""The points both floors draw: for each protest day, each city the dashboard draws, with its figures.

Computed once per data package with the project's own summary (``protest_data.summary``), so the
floors draw exactly the cities the dashboard draws, at the same places, with one circle per figure
of each switched-on layer plus the city dot: the same number of circles. Colours and radii follow
the same rules (area proportional to the value) but are computed here, so the floors do not move
when the dashboard's rendering code changes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from geo.outline import display_longitude
from protest_data.summary import city_day_summary
from protest_data.tables import load_dataset


def _number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


# Each figure the map draws a circle for, by the summary's column names (newest first).
FIGURES = (("crowd_high", "crowd_max"), ("crowd_low", "crowd_min"), ("detentions_high", "detentions"),
           ("detentions_low", "detentions"), ("temperature_middle", "temperature_c"))


def day_points(data_dir: Path | str) -> dict[str, list[list]]:
    """{'2021-01-23': [[city_id, lat, lon, crowd_high, crowd_low, detentions_high, detentions_low,
    temperature], ...], ...}: every city the dashboard's summary has that day, and its figures."""
    summary = city_day_summary(load_dataset(data_dir))
    columns = [next((name for name in names if name in summary.columns), None) for names in FIGURES]
    points: dict[str, list[list]] = {}
    for _, row in summary.iterrows():
        points.setdefault(row["date"].strftime("%Y-%m-%d"), []).append([
            str(row["city_id"]), round(float(row["lat"]), 5), round(display_longitude(float(row["lon"])), 5),
            *(_number(row[column]) if column else None for column in columns),
        ])
    return dict(sorted(points.items()))


def write_points(data_dir: Path | str, out: Path) -> Path:
    out.write_text(json.dumps(day_points(data_dir), separators=(",", ":")), encoding="utf-8")
    return out
