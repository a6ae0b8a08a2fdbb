"""What the reader is looking at, read from and written to URL query parameters.

``?lang=ru&date=2021-01-31&layers=detentions,crowd&city=kazan&compare=2021-01-23,2021-04-21`` restores
a view on every page. Anything invalid falls back to the default, and a notice (in the interface's
language) says what was ignored, so a shared link never breaks the page.

``?report=<report_id>`` is the link to one figure: it opens that report's day and city, with the report
highlighted. It decides the day and the city; a ``date`` or ``city`` beside it that says otherwise is
ignored, with a notice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from protest_data.compare import default_comparison  # noqa: F401  (re-exported for the pages)

from .i18n import DEFAULT_LANGUAGE, LANGUAGES, Words
from .vocabulary import DEFAULT_LAYERS, LAYERS

ALL_LAYERS = LAYERS


@dataclass(frozen=True)
class View:
    date: pd.Timestamp
    layers: tuple[str, ...]
    city: str | None
    lang: str = DEFAULT_LANGUAGE
    compare: tuple[pd.Timestamp, pd.Timestamp] | None = None
    report: str | None = None  # highlighted in the panel (from ?report=)

    def to_query(self) -> dict[str, str]:
        query = {"date": self.date.strftime("%Y-%m-%d"), "layers": ",".join(self.layers) or "none"}
        if self.city:
            query["city"] = self.city
        if self.lang != DEFAULT_LANGUAGE:
            query["lang"] = self.lang
        if self.compare:
            query["compare"] = ",".join(day.strftime("%Y-%m-%d") for day in self.compare)
        if self.report:
            query["report"] = self.report
        return query

    def with_(self, **changes) -> View:
        return View(**{**self.__dict__, **changes})


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


def _day(text: str, days: Sequence[pd.Timestamp]) -> pd.Timestamp | None:
    parsed = pd.to_datetime(text.strip(), format="%Y-%m-%d", errors="coerce")
    return None if pd.isna(parsed) or parsed not in set(days) else parsed


def read_view(
    query: Mapping[str, str | Sequence[str]],
    days: Sequence[pd.Timestamp],
    city_ids: Sequence[str],
    default_lang: str = DEFAULT_LANGUAGE,
    *,
    reports: Mapping[str, tuple[pd.Timestamp, str | None]] | None = None,
) -> tuple[View, list[str]]:
    """The view a query string asks for, and a notice for each value that was ignored.

    ``default_lang`` is the language used when the URL names none (the browser's, where known).
    ``reports`` maps report ids to their day and city (:func:`report_locations`), for ``?report=``.
    """
    if not days:
        raise ValueError("the dataset declares no protest days with reports")
    lang = default_lang if default_lang in LANGUAGES else DEFAULT_LANGUAGE
    raw_lang = _first(query.get("lang"))
    lang_refused = raw_lang is not None and raw_lang not in LANGUAGES
    if raw_lang in LANGUAGES:
        lang = raw_lang
    words = Words(lang)
    notices: list[str] = []
    if lang_refused:
        notices.append(words._("Ignored lang={value}: the interface speaks {languages}.",
                               value=repr(raw_lang), languages=", ".join(LANGUAGES)))
    offered = ", ".join(d.strftime("%Y-%m-%d") for d in sorted(days))
    default_day = sorted(days)[0]

    day = default_day
    raw_date = _first(query.get("date"))
    if raw_date:
        day = _day(raw_date, days)
        if day is None:
            day = default_day
            notices.append(words._("Ignored date={value}: the map shows {days}. Showing {default}.",
                                   value=repr(raw_date), days=offered, default=default_day.strftime("%Y-%m-%d")))

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
                notices.append(words._("Ignored unknown layer(s) {layers}; layers are {known}.",
                                       layers=", ".join(map(repr, unknown)), known=", ".join(ALL_LAYERS)))
            layers = known if known or not unknown else DEFAULT_LAYERS

    city = _first(query.get("city")) or None
    if city is not None and city not in set(city_ids):
        notices.append(words._("Ignored city={value}: no such city in the dataset.", value=repr(city)))
        city = None

    compare = None
    raw_compare = _first(query.get("compare"))
    if raw_compare:
        picked = [_day(part, days) for part in raw_compare.split(",")]
        if len(picked) == 2 and all(d is not None for d in picked):
            compare = (picked[0], picked[1])
        else:
            notices.append(words._("Ignored compare={value}: give two of {days}.", value=repr(raw_compare),
                                   days=offered))

    report = _first(query.get("report")) or None
    if report is not None:
        location = (reports or {}).get(report)
        if location is None:
            notices.append(words._("Ignored report={value}: no such report in the dataset.", value=repr(report)))
            report = None
        elif location[0] not in set(days):
            notices.append(words._("Ignored report={value}: its day, {day}, is not on the map.", value=repr(report),
                                   day=location[0].strftime("%Y-%m-%d")))
            report = None
        else:
            report_day, report_city = location
            if raw_date and day != report_day:
                notices.append(words._("Ignored date={value}: report {report} is about {day}.",
                                       value=repr(raw_date), report=repr(report),
                                       day=report_day.strftime("%Y-%m-%d")))
            if city is not None and report_city is not None and city != report_city:
                notices.append(words._("Ignored city={value}: report {report} is about {city}.", value=repr(city),
                                       report=repr(report), city=repr(report_city)))
            day, city = report_day, report_city if report_city is not None else city
    return View(day, layers, city, lang, compare, report), notices
