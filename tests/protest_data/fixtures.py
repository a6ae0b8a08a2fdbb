"""A tiny hand-made data package, for tests of rules where the real data would hide the logic."""

from __future__ import annotations

import shutil
from pathlib import Path

from protest_data.tables import DEFAULT_DATA_DIR, load_dataset
from tests.conftest import write_rows

REPORT_COLUMNS = "report_id,date,date_end,city_id,metric,counted,value_low,value_high,estimator,as_of,source_id,quote,note".split(",")


def report(report_id, date, city_id, metric, low="", high="", estimator="OVD-Info", as_of="", source_id="s1",
           quote="q", date_end="", note="", counted=""):
    return dict(report_id=report_id, date=date, date_end=date_end, city_id=city_id, metric=metric, counted=counted, value_low=low,
                value_high=high, estimator=estimator, as_of=as_of, source_id=source_id, quote=quote, note=note)


TINY_DAYS = ("2021-01-23", "2021-01-31", "2021-04-21")


def protest_day(date: str, kind: str = "figures") -> dict:
    return dict(date=date, label=f"{date} — a test day", label_ru=f"{date} — тестовый день", kind=kind, note="")


def tiny_dataset(tmp_path: Path, reports: list[dict], passages: dict[str, str] | None = None,
                 extra_estimators: list[str] = (), days: list[dict] | None = None):
    """The tiny package, loaded. ``passages`` (source_id -> archived text) are written for validator tests."""
    return load_dataset(tiny_package(tmp_path, reports, passages, extra_estimators, days))


def tiny_package(tmp_path: Path, reports: list[dict], passages: dict[str, str] | None = None,
                 extra_estimators: list[str] = (), days: list[dict] | None = None) -> Path:
    """The tiny package on disk: its own protest days (``days``, by default TINY_DAYS), two sources, four
    estimators, three cities (Grozny is in Chechnya)."""
    data = tmp_path / "tiny"
    data.mkdir()
    shutil.copy(DEFAULT_DATA_DIR / "datapackage.json", data)
    write_rows(data / "protest_days.csv", days or [protest_day(d) for d in TINY_DAYS])
    write_rows(data / "sources.csv", [
        dict(source_id="s1", publisher="Early Outlet", title="t", url="https://example.org/1", published="2021-01-23",
             language="en", kind="news report", archive="sources/s1.txt", note=""),
        dict(source_id="s2", publisher="Late Outlet", title="t", url="https://example.org/2", published="2021-01-25",
             language="ru", kind="news report", archive="sources/s2.txt", note=""),
    ])
    write_rows(data / "estimators.csv", [
        dict(estimator="OVD-Info", kind="monitor", description=""),
        dict(estimator="police", kind="police", description=""),
        dict(estimator="Reuters", kind="media", description=""),
        dict(estimator="organisers", kind="organisers", description=""),
        *[dict(estimator=name, kind="other", description="") for name in extra_estimators],
    ])
    write_rows(data / "cities.csv", [
        dict(city_id="kazan", name_en="Kazan", name_ru="Казань", region="Tatarstan Republic", country_code="RU",
             territory_status="", lat="55.79", lon="49.12", geonames_id="551487", population="1", geocoder="gazetteer",
             geocoder_note=""),
        dict(city_id="anadyr", name_en="Anadyr", name_ru="Анадырь", region="Chukotka", country_code="RU",
             territory_status="", lat="64.73", lon="177.51", geonames_id="2127202", population="1",
             geocoder="gazetteer", geocoder_note=""),
        dict(city_id="grozny", name_en="Grozny", name_ru="Грозный", region="Chechnya", country_code="RU",
             territory_status="", lat="43.31", lon="45.69", geonames_id="558418", population="1",
             geocoder="gazetteer", geocoder_note=""),
    ])
    write_rows(data / "reports.csv", reports, REPORT_COLUMNS)
    if passages:
        (data / "sources").mkdir()
        for source_id, text in passages.items():
            (data / "sources" / f"{source_id}.txt").write_text(text, encoding="utf-8")
    return data
