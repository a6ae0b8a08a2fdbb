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


def day_points(data_dir: Path | str) -> dict[str, list[list]]:
    """{'2021-01-23': [[city_id, lat, lon, crowd_max, crowd_min, detentions, temperature], ...], ...}"""
    summary = city_day_summary(load_dataset(data_dir))
    points: dict[str, list[list]] = {}
    for row in summary.itertuples(index=False):
        points.setdefault(row.date.strftime("%Y-%m-%d"), []).append([
            str(row.city_id), round(float(row.lat), 5), round(display_longitude(float(row.lon)), 5),
            _number(row.crowd_max), _number(row.crowd_min), _number(row.detentions), _number(row.temperature_c),
        ])
    return dict(sorted(points.items()))


def write_points(data_dir: Path | str, out: Path) -> Path:
    out.write_text(json.dumps(day_points(data_dir), separators=(",", ":")), encoding="utf-8")
    return out
