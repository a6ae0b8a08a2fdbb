"""What the user is looking at (day, layers, city), read from and written to URL query parameters.

``?date=2021-01-31&layers=detentions,crowd&city=kazan`` restores a view. Anything invalid falls back
to the default, and a notice says what was ignored, so a shared link never breaks the page.

``?report=<report_id>`` is the link to one figure: it opens that report's day and city, with the report
highlighted. It decides the day and the city; a ``date`` or ``city`` beside it that says otherwise is
ignored, with a notice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

ALL_LAYERS = ("crowd", "detentions", "temperature")
DEFAULT_LAYERS = ("crowd", "detentions")


@dataclass(frozen=True)
class View:
    date: pd.Timestamp
    layers: tuple[str, ...]
    city: str | None
    report: str | None = None  # highlighted in the panel (from ?report=)

    def to_query(self) -> dict[str, str]:
        query = {"date": self.date.strftime("%Y-%m-%d"), "layers": ",".join(self.layers) or "none"}
        if self.city:
            query["city"] = self.city
        if self.report:
            query["report"] = self.report
        return query


def report_locations(reports: pd.DataFrame) -> dict[str, tuple[pd.Timestamp, str | None]]:
    """Each report's day and city (None for a national figure), by report_id: what ?report= opens."""
    return {str(rid): (pd.Timestamp(day), None if pd.isna(city) else str(city))
            for rid, day, city in zip(reports["report_id"], reports["date"], reports["city_id"])}


def _first(value: str | Sequence[str] | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return value[0] if value else None


def read_view(
    query: Mapping[str, str | Sequence[str]],
    days: Sequence[pd.Timestamp],
    city_ids: Sequence[str],
    reports: Mapping[str, tuple[pd.Timestamp, str | None]] | None = None,
) -> tuple[View, list[str]]:
    """The view a query string asks for, and a notice for each value that was ignored.

    ``reports`` maps report ids to their day and city (:func:`report_locations`), for ``?report=``.
    """
    if not days:
        raise ValueError("the dataset declares no protest days with reports")
    notices: list[str] = []
    default_day = days[0]

    day = default_day
    raw_date = _first(query.get("date"))
    if raw_date:
        parsed = pd.to_datetime(raw_date, format="%Y-%m-%d", errors="coerce")
        if pd.isna(parsed) or parsed not in set(days):
            offered = ", ".join(d.strftime("%Y-%m-%d") for d in days)
            notices.append(f"Ignored date={raw_date!r}: the map shows {offered}. Showing {default_day:%Y-%m-%d}.")
        else:
            day = parsed

    layers = DEFAULT_LAYERS
    raw_layers = _first(query.get("layers"))
    if raw_layers is not None:
        asked = [part.strip() for part in raw_layers.split(",") if part.strip()]
        if asked == ["none"]:
            layers = ()
        else:
            known = tuple(layer for layer in ALL_LAYERS if layer in asked)
            unknown = [layer for layer in asked if layer not in ALL_LAYERS]
            if unknown:
                notices.append(f"Ignored unknown layer(s) {', '.join(map(repr, unknown))}; "
                               f"layers are {', '.join(ALL_LAYERS)}.")
            layers = known if known or not unknown else DEFAULT_LAYERS

    city = _first(query.get("city")) or None
    if city is not None and city not in set(city_ids):
        notices.append(f"Ignored city={city!r}: no such city in the dataset.")
        city = None

    report = _first(query.get("report")) or None
    if report is not None:
        location = (reports or {}).get(report)
        if location is None:
            notices.append(f"Ignored report={report!r}: no such report in the dataset.")
            report = None
        elif location[0] not in set(days):
            notices.append(f"Ignored report={report!r}: its day, {location[0]:%Y-%m-%d}, is not on the map.")
            report = None
        else:
            report_day, report_city = location
            if raw_date and day != report_day:
                notices.append(f"Ignored date={raw_date!r}: report {report!r} is about {report_day:%Y-%m-%d}.")
            if city is not None and report_city is not None and city != report_city:
                notices.append(f"Ignored city={city!r}: report {report!r} is about {report_city!r}.")
            day, city = report_day, report_city if report_city is not None else city
    return View(day, layers, city, report), notices
