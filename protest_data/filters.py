"""Filtering the reports table the way the Data page offers it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class ReportFilter:
    """Each non-empty collection keeps only rows whose value is in it; empty means 'all'."""

    days: Collection[pd.Timestamp] = field(default_factory=tuple)
    cities: Collection[str] = field(default_factory=tuple)
    regions: Collection[str] = field(default_factory=tuple)
    metrics: Collection[str] = field(default_factory=tuple)
    estimators: Collection[str] = field(default_factory=tuple)
    sources: Collection[str] = field(default_factory=tuple)

    def apply(self, reports: pd.DataFrame, cities: pd.DataFrame) -> pd.DataFrame:
        """``reports`` joined with each city's region, then filtered."""
        frame = reports.merge(cities[["city_id", "name_en", "region"]], on="city_id", how="left")
        for column, wanted in (("date", self.days), ("city_id", self.cities), ("region", self.regions),
                               ("metric", self.metrics), ("estimator", self.estimators),
                               ("source_id", self.sources)):
            if wanted:
                frame = frame[frame[column].isin(list(wanted))]
        return frame.reset_index(drop=True)
