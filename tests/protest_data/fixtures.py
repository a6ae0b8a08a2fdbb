"""A tiny hand-made data package, for tests of rules where the real data would hide the logic.

It validates cleanly: each report's quote (written for it when a test gives none) names its city and
states its figures, and is archived in data/sources/<source_id>.txt like a real source's passages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from protest_data.tables import DEFAULT_DATA_DIR, load_dataset
from tests.conftest import write_rows

REPORT_COLUMNS = "report_id,date,date_end,city_id,metric,counted,value_low,value_high,estimator,as_of,source_id,quote,note".split(",")

SOURCES = [
    dict(source_id="s1", publisher="Early Outlet", title="t", url="https://example.org/1", published="2021-01-23",
         language="en", kind="news report", archive="sources/s1.txt", note=""),
    dict(source_id="s2", publisher="Late Outlet", title="t", url="https://example.org/2", published="2021-01-25",
         language="ru", kind="news report", archive="sources/s2.txt", note=""),
]
ESTIMATORS = [
    dict(estimator="OVD-Info", kind="monitor", description=""),
    dict(estimator="police", kind="police", description=""),
    dict(estimator="Reuters", kind="media", description=""),
    dict(estimator="organisers", kind="organisers", description=""),
]
CITIES = [
    dict(city_id="kazan", name_en="Kazan", name_ru="Казань", region="Tatarstan Republic", country_code="RU",
         territory_status="", lat="55.79", lon="49.12", geonames_id="551487", population="1", geocoder="gazetteer",
         geocoder_note=""),
    dict(city_id="anadyr", name_en="Anadyr", name_ru="Анадырь", region="Chukotka", country_code="RU",
         territory_status="", lat="64.73", lon="177.51", geonames_id="2127202", population="1",
         geocoder="gazetteer", geocoder_note=""),
]


def report(report_id, date, city_id, metric, low="", high="", estimator="OVD-Info", as_of="", source_id="s1",
           quote="", date_end="", note="", counted=""):
    """One reports.csv row. Without a quote, :func:`tiny_data_dir` writes one naming the city and figures."""
    return dict(report_id=report_id, date=date, date_end=date_end, city_id=city_id, metric=metric, counted=counted, value_low=low,
                value_high=high, estimator=estimator, as_of=as_of, source_id=source_id, quote=quote, note=note)


def _quote_for(row: dict, names: dict[str, str]) -> str:
    place = names.get(row["city_id"], "Russia")
    figures = " to ".join(dict.fromkeys(v for v in (row["value_low"], row["value_high"]) if v))
    return f"{place}: {figures} ({row['metric']})" if figures else f"A protest in {place}."


def tiny_data_dir(tmp_path: Path, reports: list[dict], *, cities: list[dict] | None = None) -> Path:
    """Write the tiny package under ``tmp_path`` and return its directory."""
    data = tmp_path / "tiny"
    (data / "sources").mkdir(parents=True)
    shutil.copy(DEFAULT_DATA_DIR / "datapackage.json", data)
    write_rows(data / "protest_days.csv", [
        dict(date="2021-01-23", label="23 January 2021", note="Saturday."),
        dict(date="2021-01-31", label="31 January 2021", note="Sunday."),
    ])
    write_rows(data / "sources.csv", SOURCES)
    write_rows(data / "estimators.csv", ESTIMATORS)
    cities = cities or CITIES
    write_rows(data / "cities.csv", cities)
    names = {city["city_id"]: city["name_en"] for city in cities}
    rows = [{**row, "quote": row["quote"] or _quote_for(row, names)} for row in reports]
    write_rows(data / "reports.csv", rows, REPORT_COLUMNS)
    for source in SOURCES:
        quotes = dict.fromkeys(row["quote"] for row in rows if row["source_id"] == source["source_id"])
        passages = list(quotes) or [f"A passage of {source['publisher']}."]
        (data / source["archive"]).write_text("\n[...]\n".join(passages) + "\n", encoding="utf-8")
    return data


def tiny_dataset(tmp_path: Path, reports: list[dict]):
    return load_dataset(tiny_data_dir(tmp_path, reports))
