"""Filtering the reports table the way the Data page offers it, and naming what a filter kept."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field

import pandas as pd

# Up to this many values of one filter are spelt out in a file name; more are counted ("3-cities").
NAMED_VALUES = 2


def slug(value: object) -> str:
    """ASCII letters and digits joined by hyphens: 'Sverdlovsk Oblast' -> 'sverdlovsk-oblast'."""
    if isinstance(value, pd.Timestamp):
        return f"{value:%Y-%m-%d}"
    ascii_text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


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

    @property
    def active(self) -> dict[str, tuple]:
        """The filters in use, by name (days, cities, regions, metrics, estimators, sources)."""
        values = {"days": self.days, "cities": self.cities, "regions": self.regions, "metrics": self.metrics,
                  "estimators": self.estimators, "sources": self.sources}
        return {name: tuple(sorted(wanted, key=str)) for name, wanted in values.items() if wanted}

    def file_name(self, extension: str, prefix: str = "reports") -> str:
        """A file name that says what was kept: 'reports-2021-01-31-novosibirsk.csv', 'reports-all.xlsx'.

        Each filter in use adds its values (up to two, else a count such as '3-cities'), in the order
        days, cities, regions, metrics, estimators, sources.
        """
        parts = [prefix]
        for name, wanted in self.active.items():
            slugs = [slug(value) for value in wanted]
            if len(slugs) <= NAMED_VALUES and all(slugs):
                parts.extend(slugs)
            else:
                parts.append(f"{len(slugs)}-{name}")
        if len(parts) == 1:
            parts.append("all")
        return f"{'-'.join(parts)}.{extension}"
